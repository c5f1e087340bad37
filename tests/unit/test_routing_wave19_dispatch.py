"""The nineteenth wave's dispatch additions (issue 11): traffic facilities, estates' funds and committees,
certificates, labour in pregnancy, insurance transfers, enrolment words, night concrete work, smells, and two
areas said by their everyday names. Sentences written for these tests, not taken from any dev part."""

import pytest

from hotline.ports import RoutingRequest
from routing import demo_router


@pytest.fixture(scope="module")
def router():
    return demo_router()


def _units(d):
    return {d.unit, *d.assisting_units}


@pytest.mark.parametrize("text, unit", [
    ("解放大道上那段路的交通标线磨得看不见了，晚上车都压着线开", "DEPT-JGJ"),
    ("小区门口新装的限速牌写的三十，导航说是五十，到底以哪个为准", "DEPT-JGJ"),
    ("学校门口那条路的人行横道没有行人信号灯，娃们过马路全靠跑", "DEPT-JGJ"),
    ("我们楼要换电梯，想用专项维修资金，物业说要先开会，一年了都没开", "DEPT-FGJ"),
    ("物业公司把小区的公共收益拿去自己用了，从来不公示", "DEPT-FGJ"),
    ("买的房子说是划拨用地要补土地出让金，开发商一直拖着不办不动产权证", "DEPT-ZRGH"),
    ("公司知道我怀孕以后就给我调岗降薪，还说不愿意可以走", "DEPT-RSJ"),
    ("休完产假回去上班，公司说我的岗位已经没有了让我辞职", "DEPT-RSJ"),
    ("生孩子的生育津贴单位一直没给我，问了说还在办", "DEPT-YBJ"),
    ("想把医保家庭共济给我爸用，不晓得在哪里开通", "DEPT-YBJ"),
    ("在外省交了八年社保，回来以后转移接续要准备什么材料", "DEPT-RSJ"),
    ("孩子转学回来以后学籍一直调不过来，开学了还没有座位", "DEPT-JYJ"),
])
def test_citizens_words_for_this_waves_matters_find_the_unit(router, text, unit):
    d = router.route(RoutingRequest(text=text))
    assert unit in _units(d), (d.unit, d.assisting_units, d.explanation)


@pytest.mark.parametrize("text", ["工地上半夜还在浇筑，泵车的声音响到天亮", "隔壁厂子一到晚上就有一股硫磺味，熏得人嗓子疼"])
def test_night_concrete_work_and_a_factory_smell_go_to_the_environment(router, text):
    assert "DEPT-SHJ" in _units(router.route(RoutingRequest(text=text)))


@pytest.mark.parametrize("text, district", [
    ("钢都那边有个小区的路灯一个月没亮了", "D-QS"),
    ("车城那边新开的一家饭店把油烟排到人行道上", "D-HN"),
])
def test_areas_said_by_their_everyday_names_give_the_district(router, text, district):
    assert router.route(RoutingRequest(text=text)).district == district


def test_cars_standing_at_a_bus_stop_bring_in_the_traffic_police(router):
    d = router.route(RoutingRequest(text="公交站前面天天停着私家车，公交车进不了站，乘客只能在马路中间上下车"))
    assert "DEPT-JGJ" in _units(d), (d.unit, d.assisting_units)
    # a driver's own conduct stays the bus company's
    assert router.route(RoutingRequest(text="公交车司机开车打电话，到站也不停")).unit == "UTIL-BUS"
