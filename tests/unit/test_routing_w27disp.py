"""Dispatch of the twenty-seventh wave (helper w27-disp): a tax's kind (购置税, 契税), community correction (社区矫正人员)
and the farmland subsidy by its official name (耕地地力保护补贴) reach their unit; the opening fillers a transcript or a
very short appeal may start with are one list (places._OPENING_FILLERS, read by the router too); the developers' brands
are one list (insight.matter._DEVELOPERS), the brands said alone adding only those that are ordinary words too; and the
round's parts are registered, holdout29 among the clean ones."""
from __future__ import annotations

import pytest

import routing.places as places
import routing.router as router_module
from insight import matter
from routing import demo_router
from tests.unit.test_routing_dispatch import _bench_module
from tests.unit.test_routing_landmarks_w23g import _route, _units


@pytest.fixture(scope="module")
def router():
    return demo_router()


@pytest.mark.parametrize("text,unit", [
    ("黄陂区一个社区矫正人员天天在我们小区里喝酒闹事，他们说有人管，可是没见人管", "DEPT-SFJ"),
    ("新洲仓埠我们村的耕地地力保护补贴，今年每亩少了十几块，问村里说不知道", "DEPT-NYJ"),
    ("卖了套老房子，契税和个税到底是买方交还是卖方交", "DEPT-TAX"),
])
def test_a_duty_named_by_its_own_term_reaches_its_unit(router, text, unit):
    d = _route(router, text)
    assert unit in _units(d), (d.unit, d.assisting_units)


def test_opening_fillers_are_one_list_read_by_places_and_the_router():
    assert router_module._OPENING_FILLERS is places._OPENING_FILLERS
    assert "_OPENING_LEAD" not in vars(places)
    assert places._OPENING_FILLERS.fullmatch("喂 你好，那个 ")
    assert not places._OPENING_FILLERS.fullmatch("我们")


@pytest.mark.parametrize("text", ["嗯，花桥，垃圾桶满了", "喂 花桥 垃圾桶 满 了"])
def test_a_short_alias_after_the_opening_fillers_is_the_place(router, text):
    assert _route(router, text).district == "D-JA"


def test_developers_are_one_list_and_ordinary_words_are_never_read_in_a_text():
    assert set(matter._DEVELOPERS) < matter._BRAND_DEVELOPERS
    assert matter._BRAND_DEVELOPERS - set(matter._DEVELOPERS) == {"当代", "美好", "百瑞"}
    assert "美好" not in matter._DEVELOPERS
    assert not matter._BRAND_ESTATE.search("我们只想过美好的生活，小区门口天天堵")
    assert matter._BRAND_ESTATE.search("万达华府的小区门口天天堵")


def test_the_round_s_parts_are_registered():
    bench = _bench_module()
    assert "holdout29" in bench.CLEAN and "tuning60" not in bench.CLEAN
    assert {"holdout29", "tuning60"} <= set(bench.PARTS)
    rows = bench.load_devset(bench.PARTS["tuning60"])
    assert len(rows) == 60 and any("\n" in r["text"] for r in rows)
