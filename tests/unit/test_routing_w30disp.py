"""Dispatch readings of the thirtieth wave (helper w30-disp): a road's name that holds a word of the catalogue
(解放公园路, 球场路) tells where, not what — not through the learned model either; a crop that fails is 农业农村's; short
weight said 缺斤短两 is 市场监管's; social insurance premiums' base, grade and tax app are 税务's; a blocked fire lane
or escape route is the fire side's."""
from __future__ import annotations

import pytest

from routing import demo_router
from tests.unit.test_routing_landmarks_w23g import _route


@pytest.fixture(scope="module")
def router():
    return demo_router()


def _top(router, text):
    scored = router.catalogue.score(text)
    return scored[0].duty.id if scored else None


def _score(router, text, duty):
    return next((s.score for s in router.catalogue.score(text) if s.duty.id == duty), 0.0)


# an address whose name holds a park's, a sports ground's or a station's word, and the matter another unit's
_ADDRESSED = {"解放公园路有个井盖坏了": "D-JA-CG", "解放公园路一家店缺斤短两": "D-JA-SJ"}


def test_a_roads_name_does_not_speak_for_its_word_through_the_model(router):
    got = {text: _route(router, text).unit for text in _ADDRESSED}
    assert got == _ADDRESSED
    assert "DEPT-YLJ" not in got.values()


def test_the_model_reads_an_address_blanked_a_landmark_not(router):
    text = "解放公园路有个井盖坏了"
    place = router.locate(text, None)
    assert router._place_words_blanked(text, place).startswith("　" * len("解放公园路"))
    text = "紫阳公园里面的草坪被人挖了"
    place = router.locate(text, None)
    assert "公园" in router._place_words_blanked(text, place)


@pytest.mark.parametrize("text", ["黄陂这边的柑橘今年大面积烂果", "今年种的西瓜全部绝收了", "田里的作物减产了一半"])
def test_a_crop_that_fails_is_agricultures(router, text):
    assert _top(router, text) == "agriculture"


@pytest.mark.parametrize("text", ["一家店缺斤短两", "菜场的摊子缺斤短两"])
def test_short_weight_said_otherwise_is_markets(router, text):
    assert _top(router, text) == "market"


@pytest.mark.parametrize("text", ["公司给我报的社保缴费基数太低了", "养老保险交错了档次，想退了重交"])
def test_premiums_base_grade_and_tax_app_are_the_tax_bureaus(router, text):
    assert _score(router, text, "tax") >= 3.0


@pytest.mark.parametrize("text", ["酒店的逃生通道被杂物堵死了", "小区的消防通道被车占了，消防车都进不来"])
def test_a_blocked_fire_lane_or_escape_route_is_the_fire_sides(router, text):
    assert _score(router, text, "safety") >= max(_score(router, text, "property"), 3.0)
    assert _route(router, text).unit == "DEPT-YJJ"
