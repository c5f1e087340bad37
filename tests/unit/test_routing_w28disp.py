"""Dispatch readings of the twenty-eighth wave (helper w28-disp): a kind of housing said with 公寓 (人才公寓, 长租公寓) is
no estate's name, so its matter is housing's; fishing the river with banned hooks and nets is the fisheries' (农业农村),
not the river's; a car towed away and the vehicle offices (车管分所) are traffic police's, and a window said alone
no longer outweighs the office it belongs to; an enterprise's technology
titles (高新技术企业认定) are 经信's; a base station spoken of for its signal is the carriers', not a pollution matter; a
place said as the measure of a distance (离学校太近) is only beside the matter; and the wave's tuning parts keep their
figures."""
from __future__ import annotations

import pytest

from routing import demo_router
from routing.places import _patterns
from tests.unit.test_routing_dispatch import _bench_module
from tests.unit.test_routing_landmarks_w23g import _route, _units


@pytest.fixture(scope="module")
def router():
    return demo_router()


@pytest.mark.parametrize("text", [
    "青年人才公寓的申请条件是什么",
    "我租的人才公寓合同到期了，说不能续租了要我搬走",
    "长租公寓的管家说退租要扣一个月租金",
])
def test_a_kind_of_housing_is_no_estate(router, text):
    assert _patterns(text, router.gazetteer)[1] is None
    d = _route(router, text)
    assert _units(d) & {"DEPT-FGJ"} or (d.unit or "").endswith("-FG"), (d.unit, d.assisting_units)


def test_a_named_apartment_is_still_an_estate(router):
    assert _patterns("我住在金地公寓，楼道灯坏了", router.gazetteer)[1] == "金地公寓"


@pytest.mark.parametrize("text", [
    "江边每天都有人用锚钩钓鱼，一竿好几个钩子，不是禁止的吗",
    "有人在江里撒网捕鱼，禁渔期都不停",
    "湖边有人下绝户网，小鱼都捞光了",
])
def test_banned_fishing_is_the_fisheries(router, text):
    d = _route(router, text)
    assert d.unit == "DEPT-NYJ", (d.unit, d.assisting_units)


def test_towing_and_vehicle_offices_are_traffic_police(router):
    d = _route(router, "我的车停在路边被拖走了，也没贴通知，到哪里去取")
    assert d.unit == "DEPT-JGJ", (d.unit, d.assisting_units)
    # a window of an office another unit runs: that unit is sent (a window alone is no longer 政务服务's matter)
    d = _route(router, "车管分所的窗口下午四点就不收材料了")
    assert "DEPT-JGJ" in _units(d), (d.unit, d.assisting_units)
    assert router.catalogue.score("车管分所的窗口下午四点就不收材料了")[0].duty.id == "traffic-police"


def test_a_technology_title_is_the_industry_bureau(router):
    d = _route(router, "我们公司想申报高新技术企业，需要准备哪些材料")
    assert d.unit == "DEPT-JXJ", (d.unit, d.assisting_units)


def test_a_base_station_for_its_signal_is_the_carriers(router):
    d = _route(router, "村里建了个基站，可是信号还是很差，打电话都听不清")
    assert d.unit in {"UTIL-TELECOM", "UTIL-MOBILE", "UTIL-UNICOM"}, (d.unit, d.assisting_units)
    # its radiation is still a pollution complaint
    d = _route(router, "楼顶上装了个基站，担心辐射")
    assert d.unit == "DEPT-SHJ", (d.unit, d.assisting_units)


def test_a_distance_measured_from_a_place_is_only_beside_it(router):
    cat = router.catalogue
    text = "这个加油站离医院太近了"
    spans = cat.beside(text)
    assert any(text[a:b] == "医院" for a, b in spans), spans
    # the place itself still counts when the matter is in it
    assert not cat.beside("医院收费太贵了")


@pytest.mark.parametrize("part,floor", [("tuning63", (0.96, 0.97)), ("tuning63b", (0.97, 0.97)),
                                        ("tuning63c", (0.94, 0.96))])
def test_the_wave_s_tuning_parts_keep_their_figures(router, part, floor):
    bench = _bench_module()
    res = bench.evaluate(router, bench.load_devset(bench.PARTS[part]), repeat=1)
    assert res["lead_or_assisting"] >= floor[0] and res["district"] >= floor[1], res
