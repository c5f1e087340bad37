"""The twenty-eighth wave's landmark readings (issue 11, helper w28-lm): names residents say short (省人民 for 湖北省人民医院,
宏基 for the coach station) are placed, while the names that hold them (省人民政府, 宏基电脑) are not; the lanes of 汉正街 and
the spelling 紫微 of 紫薇都市田园 are placed; a verb and its complement (响到, 跑到) is no misheard term
(乡道, 跑道); a coach, a shuttle or a taxi that cannot get past the parked cars is their victim, and cars parked full
(停满了车) are parking; a dormitory's power cut at a set hour is the campus's own rule; an old person made to walk into the
road to board a bus is no emergency. Sentences written for these tests, not taken from any dev part."""

import pytest

from hotline.ports import RoutingRequest
from routing import demo_router
from routing.places import extract_place
from routing.triage import triage


@pytest.fixture(scope="module")
def demo():
    return demo_router()


def _route(demo, text):
    return demo.route(RoutingRequest(text=text))


@pytest.mark.parametrize("text,district", [
    ("省人民的眼科门诊排队太久了", "D-WC"),
    ("宏基那边出站口的垃圾没人扫", "D-WC"),
    ("大夹街有家店卖假货", "D-QK"),
    ("小夹街的路灯坏了", "D-QK"),
    ("紫微都市田园的小火车坏了", "D-XZ"),
    ("省人民东院的停车场收费太贵", "D-HS"),
])
def test_short_names_residents_say_are_placed(demo, text, district):
    assert extract_place(text, demo.gazetteer).district == district, text


@pytest.mark.parametrize("text", [
    "我给省人民政府写过信一直没有回复",
    "省人民检察院的电话打不通",
    "在网上买的宏基电脑坏了商家不给修",
    "宏基笔记本的保修卡丢了",
])
def test_names_that_hold_a_short_name_are_no_place(demo, text):
    assert extract_place(text, demo.gazetteer).district is None, text


def test_a_verb_and_its_complement_is_no_misheard_term(demo):
    d = _route(demo, "青山公园对面工地的机器响到半夜，吵得睡不着")
    assert d.unit != "DEPT-JTJ", (d.unit, d.rule)


@pytest.mark.parametrize("text", [
    "花博汇周末路边停满了车，大巴车都开不过去",
    "木兰山景区门口车子停满了，旅游大巴进不去",
])
def test_a_coach_blocked_by_parked_cars_is_their_victim(demo, text):
    d = _route(demo, text)
    assert d.unit == "DEPT-JGJ" or "DEPT-JGJ" in d.assisting_units or d.unit.endswith("-CG"), (text, d.unit, d.rule)
    assert d.unit != "DEPT-JTJ", (text, d.unit)


def test_a_dormitorys_power_cut_at_a_set_hour_is_the_campuss_own(demo):
    d = _route(demo, "武大的宿舍晚上十二点断电，学生要复习都冇得电")
    assert d.unit in ("DEPT-JYJ", "D-WC-JY"), (d.unit, d.rule)


def test_a_dormitorys_outage_is_still_the_grids(demo):
    d = _route(demo, "华科的宿舍突然停电了，一整栋楼都冇得电，说是变压器坏了")
    assert d.unit == "UTIL-POWER", (d.unit, d.rule)


@pytest.mark.parametrize("text", [
    "医院门口的公交车停得离站台老远，老人上车要走到马路中间",
    "公交站台被拆了，老人只能站到马路中间等车",
])
def test_an_old_person_made_to_walk_into_the_road_is_no_emergency(text):
    assert triage(text).transfer == (), text


@pytest.mark.parametrize("text", [
    "有个老人在马路中间走来走去，车子都在按喇叭",
    "一个小孩跑到马路中间去了",
])
def test_a_child_or_an_old_person_in_the_road_still_is(text):
    assert "110" in triage(text).transfer, text
