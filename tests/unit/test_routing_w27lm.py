"""The twenty-seventh wave's landmark readings (issue 11, helper w27-lm): a hospital said by its short name keeps its
kind (协和, 同济: 医院), and its own cashier and charges (收费处, 检查费, 住院费) are the health commission's; a landmark's
own washroom (展馆里的卫生间, 公园的厕所) keeps its taps and its 卫生间 — not the water company's, nor the metro's unless a
station is said, nor when a home is said; the sports centre said plainly is 沌口's 武汉体育中心 while a district's own is
said with its name; a scenic spot's slide (滑道) is the scenic spot's. Sentences written for these tests, not taken from
any dev part."""

import pytest

from hotline.ports import RoutingRequest
from routing import demo_router


@pytest.fixture(scope="module")
def demo():
    return demo_router()


def _route(demo, text):
    return demo.route(RoutingRequest(text=text))


@pytest.mark.parametrize("text", [
    "协和的收费处把我的检查费算了两遍，找了好几次都说不清",
    "同济出院结算的时候多收了我三百块钱",
])
def test_a_hospitals_own_charges_are_the_health_commissions(demo, text):
    d = _route(demo, text)
    assert d.unit == "DEPT-WJW", (text, d.unit, d.rule)


def test_a_hospital_said_short_keeps_its_kind(demo):
    masked = demo._landmark_masked("协和的病房晚上没人管", demo.locate("协和的病房晚上没人管"))
    assert "医院" in masked


def test_a_landmarks_own_washroom_keeps_its_taps(demo):
    text = "国博的展馆里面洗手间的水龙头拧开不出水"
    masked = demo._landmark_masked(text, demo.locate(text))
    assert "水龙头" not in masked and "不出水" not in masked, masked
    # (the nearest shipped appeals may still hear a water cut in a tap said this plainly: the catalogue no longer does)
    assert not [f for f in demo.catalogue.score(masked) if f.duty.id == "water"]


@pytest.mark.parametrize("text, unit", [
    ("国博的展馆里的卫生间没有擦手纸，地上全是水", "DEPT-WLJ"),
    ("国博中心南站里的卫生间一直没人打扫", "UTIL-METRO"),     # a station said: the metro's washroom
])
def test_a_landmarks_own_washroom_is_its_keepers(demo, text, unit):
    d = _route(demo, text)
    assert d.unit == unit, (text, d.unit, d.rule)


def test_a_home_said_beside_a_landmark_keeps_the_water_cut(demo):
    d = _route(demo, "协和医院那块的小区停水一天了，家里厕所都冲不了")
    assert d.unit == "UTIL-WATER", (d.unit, d.rule)


@pytest.mark.parametrize("text, district", [
    ("体育中心的羽毛球馆订了场地去了说没有", "D-HN"),        # said plainly: 沌口's
    ("塔子湖体育中心的羽毛球馆订了场地去了说没有", "D-JA"),    # a district's own said with its name
    ("江夏体育中心的羽毛球馆订了场地去了说没有", "D-JX"),
])
def test_the_sports_centre_said_plainly_is_dongkous(demo, text, district):
    d = _route(demo, text)
    assert d.district == district, (text, d.district)


def test_a_scenic_spots_slide_is_the_scenic_spots(demo):
    d = _route(demo, "木兰山的滑道玩到一半停了，工作人员也不解释")
    assert d.unit == "DEPT-WLJ", (d.unit, d.rule)
