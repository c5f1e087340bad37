"""Triage, twenty-second wave (helper w22-tri): a weather condition at a sentence's head holds for the clauses after
it (一下雨就…，噼里啪啦的), a thing fallen when the caller says no one was hurt, a tally of falls told subject first,
a fire supposed with its consequence (着火了都跑不出去), a works' emission or a smell come back again, and a sign
the wind blew over (被大风刮倒); and an old man named 老头, someone pulled into a van told in the passive."""
from __future__ import annotations

import pytest

from routing.triage import screen, triage


@pytest.fixture(scope="module")
def check():
    from routing.seed import SEED_CHECK
    return SEED_CHECK


@pytest.mark.parametrize("text", [
    "我们巷子口一下雨那个电箱就打火花，噼里啪啦的，天一晴就没事",
    "村口一刮风那根电线就碰到树枝，噼里啪啦响，希望供电所来处理",
])
def test_what_comes_back_with_the_weather_holds_for_the_clauses_after(text, check):
    assert triage(text).transfer == ()
    assert screen(text, check).transfer == ()


def test_sparks_said_now_are_still_a_fire_risk():
    assert "119" in triage("楼下电线杆上的线断了，现在在打火花，噼里啪啦的").transfer


@pytest.mark.parametrize("text", [
    "小区门口的指示牌被大风刮倒了，横着倒在地上了，没砸到人，请尽快派人拖走",
    "路边一棵树昨晚被风吹断了，现在倒在地上了，好在没伤着人，麻烦赶紧清理",
])
def test_a_thing_fallen_with_no_one_hurt_is_no_injury(text):
    assert triage(text).transfer == ()


def test_a_person_down_is_still_an_injury_when_a_thing_hurt_no_one_else():
    assert "120" in triage("围墙倒了，没砸到人，但是我爸吓得倒在地上了，叫他没反应").transfer


def test_a_tally_of_falls_told_subject_first_is_a_hazard():
    assert triage("公园里那段石板路塌了好几块，晚上光线差，好多个人摔了").transfer == ()
    # one person down now, under a collapse, still is
    assert triage("公园里的石板路塌了，有个老人摔下去了，躺着起不来").transfer


@pytest.mark.parametrize("text", [
    "我们这栋楼的楼梯间堆满了旧家具，物业也不管，着火了都跑不出去",
    "我们小区的消防通道堆满了杂物，起火了都逃不出去",
])
def test_a_fire_supposed_with_its_consequence_is_a_hazard(text, check):
    assert screen(text, check).transfer == ()


def test_a_fire_that_traps_people_now_is_a_fire():
    assert "119" in triage("楼道里着火了，浓烟滚滚，我们跑不出去").transfer


@pytest.mark.parametrize("text", [
    "开发区那边的化工厂晚上排气，一股臭鸡蛋味，窗户都不敢开",
    "化工园那边的臭味又来了，一股臭鸡蛋味，熏得睡不着",
])
def test_an_emission_or_a_smell_come_back_is_pollution(text):
    assert triage(text).transfer == ()


def test_a_sign_the_wind_blew_over_is_no_crash():
    assert "122" not in triage("小区门口的指示牌被大风刮倒了，横在路边，希望派人扶起来").transfer
    # a rider the wind blew over (刮倒) beside a car that hit him is still a crash
    assert "122" in triage("一辆货车把骑电动车的人刮倒了，人躺在地上不动").transfer


def test_an_exhaust_fan_on_fire_is_a_fire():
    assert "119" in triage("饭店后厨的排气扇着火了，火苗往上窜").transfer


def test_asking_for_prompt_service_is_no_haste(check):
    # 尽快 asks for the sign to be cleared; no one is hurt, so the learned check is not asked
    assert screen("小区门口的指示牌被大风刮倒了，横着倒在地上了，没砸到人，请尽快派人拖走", check).transfer == ()


def test_an_old_man_named_as_callers_do_lying_fallen_is_the_ambulances():
    assert "120" in triage("楼下有个老头早上倒在花坛边上了，到现在都没动过").transfer


def test_someone_pulled_into_a_vehicle_told_in_the_passive_is_the_polices():
    assert "110" in triage("我女儿被人拉上了一辆面包车，车子往汉阳方向开了").transfer
    # a tout's car of last month is a complaint
    assert triage("上个月我在火车站被黑车司机拉上车，宰了我三百").transfer == ()


def test_now_of_a_refusal_that_goes_on_is_aftermath(check):
    assert screen("我儿子上个礼拜在小区被狗咬了，狗主人现在还不赔钱", check).transfer == ()


def test_gas_works_told_object_first_with_a_question_is_no_leak():
    assert triage("我们楼的天然气管道在改造，楼道里都是气味，要弄多久").transfer == ()
    assert "119" in triage("我们楼道里天然气味道越来越重，不晓得哪家在漏").transfer


def test_a_near_miss_just_now_is_no_event(check):
    assert screen("路边有个井盖没了，刚才差点有个骑车的掉进去，希望快点补上", check).transfer == ()
