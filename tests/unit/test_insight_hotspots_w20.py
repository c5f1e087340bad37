"""Hotspots of the twentieth wave: problems told in everyday words (a bare 堵 with a word of degree or habit, a car
left in the road, 一滴都没, 断气, 自来水是黄的, sickness after a meal, a stall named by its food, a driver on the phone,
a route that 换了路线, power gone again, a sleepless night that is no dry tap) are the problems they tell; a verb said
with 一下 or reduplicated (管一下, 管管) and a router (路由器) are no part of a place's name."""
from __future__ import annotations

import pytest

from insight.hotspots import find_hotspots
from insight.matter import load_lexicon, matter_of
from tests.unit.hotspot_cases import HOUR, appeals as _appeals, spot_of as _spot_of

# (text, a concept it must name, a concept it must not name or "")
SAID = [
    ("小学门口早上天天堵", "traffic_jam", ""),
    ("这条路上下班特别堵", "traffic_jam", ""),
    ("车堵了一整条街", "traffic_jam", ""),
    ("门口每天都堵", "traffic_jam", ""),
    ("家长把车停在马路中间就走了", "parking", ""),
    ("有人把车停在路中间就走了", "parking", ""),
    ("水龙头拧开一滴都没有", "water_out", ""),
    ("整个小区都断气了，饭都做不成", "gas", ""),
    ("我家自来水是黄的", "tap_water", "water_out"),          # no dry tap read from its 来水
    ("放了一上午水还是黄的", "tap_water", ""),
    ("孩子在食堂吃完饭以后呕吐", "food_safety", "brawl"),    # no drunk's 呕吐
    ("喝醉了在路边呕吐", "brawl", ""),
    ("出站口的炒面摊堵着路", "stall", ""),
    ("公交司机开车接电话", "bus_driver", ""),
    ("这趟公交怎么换了路线", "bus_route", ""),
    ("这路公交突然换线路了", "bus_route", ""),
    ("我们小区的电又没了", "power_out", ""),
    ("这边一天停好几次电", "power_out", ""),
    ("又是一晚上没睡好", "noise", "water_out"),              # 没睡 sounds as 没水
]


@pytest.mark.parametrize("text,concept,not_concept", SAID)
def test_a_problem_in_everyday_words(text, concept, not_concept):
    said = load_lexicon().find(text)
    assert concept in said and not_concept not in said


def test_a_blocked_drain_is_no_jam():
    assert "traffic_jam" not in load_lexicon().find("下水道堵了")


PLACES = [
    ("能不能管管育英小学门口的交通", ("育英小学",)),
    ("请你们查一查育英小学门口", ("育英小学",)),
    ("请管一下光华路沿线的渣土车", ("光华路",)),
    ("请处理一下武珞路上的积水", ("武珞路",)),
    ("我们白沙六路这一片停电了，家里路由器灯都灭了", ("白沙六路",)),
    ("家里路由器坏了", ()),
]


@pytest.mark.parametrize("text,places", PLACES)
def test_a_verb_before_a_name_and_a_router_are_no_place(text, places):
    assert matter_of(text).places == places


def test_a_school_gate_jammed_each_morning_is_one_hotspot():
    rows = [(0.0, "江汉区北湖小学门口早上堵得水泄不通"),
            (24.0, "北湖小学门口家长把车停在路中间，后面的车都过不去"),
            (48.0, "北湖小学这边上学的时候天天堵，能不能派交警来"),
            (72.0, "北湖小学门口早高峰车堵了一整条街"),
            (50.0, "北湖小学食堂的饭菜不卫生，孩子吃了拉肚子")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 80 * HOUR)
    gate = _spot_of(spots, 0)
    assert gate is not None and {0, 1, 2, 3} <= set(gate.members) and 4 not in gate.members
