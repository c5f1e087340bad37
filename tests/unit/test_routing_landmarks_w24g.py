"""Landmark readings of the twenty-fourth wave (helper w24-gaz): someone selling at a landmark's exit or gate, said
without the stall (出口天天有人卖菜, 就是卖烤红薯的), is the street's order and not the landmark owner's — also when the
landmark is said as an area (地铁站那边出口); a pharmacy across from a hospital, its price told, is the drug trade's
price (市场监管), while the hospital's own pharmacy and report desks (中药房拿药, 取报告的窗口) are the hospital's; an
electric net in a river is fishing, not the grid."""
from __future__ import annotations

import pytest

from routing import demo_router
from tests.unit.test_routing_landmarks_w23g import _route, _units   # the twenty-third wave's helpers


@pytest.fixture(scope="module")
def router():
    return demo_router()


@pytest.mark.parametrize("text,district", [
    ("古田四路地铁站那边出口天天有人卖菜，菜叶子丢一地", "D-QK"),
    ("黄浦路地铁站出口一到下班就是卖烤红薯卖臭豆腐的，挡在出口", "D-JA"),
    ("街道口地铁站B口外面天天有人摆摊卖手机壳，出站的人挤不过去", "D-HS"),
])
def test_someone_selling_at_a_station_exit_is_the_street_s_order(router, text, district):
    d = _route(router, text)
    assert d.unit != "UTIL-METRO", d.unit
    assert d.district == district
    assert _units(d) & {f"{district}-CG", "DEPT-CGW"} or d.unit.startswith(f"{district}-S"), (d.unit, d.assisting_units)


def test_a_ticket_sold_at_a_gate_is_no_stall(router):
    d = _route(router, "同济医院门口有人卖号，一个专家号要三百")
    assert "占道" not in router._landmark_masked("同济医院门口有人卖号，一个专家号要三百",
                                               router.locate("同济医院门口有人卖号，一个专家号要三百"))
    assert d.unit != "D-QK-CG", d.unit


@pytest.mark.parametrize("text,district", [
    ("中心医院后湖院区门口那家药房，医生开的药外面买比医院贵一倍", "D-JA"),
    ("省中医院对面那几家中药店，一副药比医院里贵一半还多", "D-WC"),
])
def test_a_pharmacy_across_from_a_hospital_is_the_drug_trade_s_price(router, text, district):
    d = _route(router, text)
    assert d.unit == f"{district}-SJ", (d.unit, d.assisting_units)


@pytest.mark.parametrize("text", [
    "省中医院花园山那个院区，中药房拿药要排两个钟头",
    "中南医院取报告的那个窗口排了一上午，报告单还打不出来",
])
def test_a_hospital_s_own_pharmacy_and_report_desk_are_the_hospital_s(router, text):
    d = _route(router, text)
    assert d.unit == "DEPT-WJW", (d.unit, d.assisting_units)


def test_an_electric_net_in_a_river_is_fishing(router):
    d = _route(router, "长丰桥底下汉江里有人用电网捞鱼")
    assert d.unit == "DEPT-NYJ", d.unit
    # the grid itself stays the power company's
    assert _route(router, "我们小区的电网老化了，一到夏天就跳闸停电").unit == "UTIL-POWER"
