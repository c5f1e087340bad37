"""Landmark readings of the twenty-sixth wave's second landmark round (helper w26-lm2): a coach station's own counter
said after its name (its ticket windows, refunds, timetables, a queue's quarrel at its window) is the station's, the
transport bureau's (客运) — not a government service window (窗口), the metro's timetable (班次) nor a finance matter
(百分之二十的手续费) — while a thief, a shop or a tout at the station keeps its own unit; and tuning58g keeps its
figures."""
from __future__ import annotations

import pytest

from routing import demo_router
from tests.unit.test_routing_dispatch import _bench_module
from tests.unit.test_routing_landmarks_w23g import _route   # the twenty-third wave's helper


@pytest.fixture(scope="module")
def router():
    return demo_router()


@pytest.mark.parametrize("text,district", [
    ("吴家山客运站买票的时候前面两个人在窗口吵起来了，半天都卖不了票", "D-DXH"),
    ("阳逻汽车站的退票窗口要收百分之三十的手续费，车子还没到站", "D-XZ"),
    ("纸坊客运站售票处贴的班次和实际发车的时间对不上，白等了一个钟头", "D-JX"),
])
def test_a_coach_station_s_own_counter_is_the_transport_bureau_s(router, text, district):
    d = _route(router, text)
    assert d.unit == "DEPT-JTJ", (d.unit, d.assisting_units, d.rule)
    assert d.district == district


@pytest.mark.parametrize("text,unit", [
    ("宏基客运站候车室里有人偷钱包，我的包被划了一个口子", "DEPT-GAJ"),
    ("傅家坡客运站旁边一家小超市，一桶泡面卖十五块", "D-WC-SJ"),
])
def test_other_matters_at_a_coach_station_keep_their_units(router, text, unit):
    d = _route(router, text)
    assert d.unit == unit, (d.unit, d.assisting_units, d.rule)


def test_a_government_service_window_stays_the_government_s(router):
    d = _route(router, "区政务服务中心的办事窗口只开了两个，排了一上午")
    assert d.unit == "DEPT-ZWJ", (d.unit, d.assisting_units, d.rule)


def test_tuning58g_keeps_its_figures(router):
    bench = _bench_module()
    res = bench.evaluate(router, bench.load_devset(bench.PARTS["tuning58g"]), repeat=1)
    assert res["lead_or_assisting"] >= 0.86, res
    assert res["district"] >= 0.91, res
    assert res["ordinary_flagged_emergency"] <= 0.02, res
