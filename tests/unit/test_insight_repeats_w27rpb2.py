"""Repeat appeals, twenty-seventh wave (w27-rpb2, wrong merges at one place): different objects or different troubles
at one place that share words are other matters — a metro station's lift against the lift of the footbridge beside it
or the escalator of the mall at it, a stop's buses (how long one waits for them, how their drivers drive and stop)
against the stop's shelter, sign or queue, a gate's bins full against rubble dumped there; a station's 电梯 that a
pram or a wheelchair needs is its lift. Two appeals about one of them stay one; tune90 keeps its figures."""
from __future__ import annotations

import sys
from pathlib import Path

from test_insight_repeats_w24b import _groups, _one   # (tests/unit on the path: the wave-24 test's helpers)

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


import pytest

# (texts, their hours): the first and the last are one matter, the middle one another
_TOLD_APART = [
    # a station's lift against the footbridge's beside it
    (["江汉区王家墩东地铁站B口的直梯坏了，推轮椅上不去", "王家墩东站旁边那个过街天桥的电梯也停了，老人过不了马路",
      "王家墩东地铁站B口那个无障碍电梯停了好几天"], [0, 1, 2]),
    # a station's escalator against the footbridge's
    (["武昌区楚河汉街地铁站里面的扶梯停了，大家只能走楼梯", "汉街站对面那个人行天桥的扶梯坏了没人修",
      "楚河汉街站的扶梯停着不动，好几天了"], [0, 1, 2]),
    # a stop's bus late against its driver's manners
    (["洪山区卓刀泉公交站等536等了四十分钟一辆都不来", "卓刀泉公交站536路那个司机态度差得很，问一句就骂人",
      "卓刀泉公交站536等了半个多小时还不来"], [0, 1, 2]),
    # a stop's buses not pulling in against its sign knocked down
    (["江岸区二七路公交站的站牌被车撞歪了", "二七路公交站的公交车不进站，停在马路中间上下客",
      "二七路公交站那个站牌被撞倒了"], [0, 1, 2]),
    # a stop's broken glass against its queue
    (["汉阳区钟家村公交站候车亭的玻璃被人砸碎了", "钟家村公交站排队的人太多，都排到马路上去了",
      "钟家村公交站候车亭玻璃碎了一地"], [0, 1, 2]),
    # a gate's bins full against rubble dumped there
    (["武昌区积玉桥菜场门口的垃圾桶满了，垃圾溢了一地", "积玉桥菜场门口半夜有人拉了一车装修垃圾倒在那里",
      "积玉桥菜场门口的垃圾箱好几天没人清了，满出来了"], [0, 1, 2]),
]


@pytest.mark.parametrize(("texts", "hours"), _TOLD_APART)
def test_the_middle_appeal_is_another_matter(texts, hours):
    g = _groups(texts, hours)
    assert _one(g, 0, 2) and not _one(g, 0, 1) and not _one(g, 1, 2)


def test_the_structure_a_thing_belongs_to():
    from insight.matter import _host_of
    from insight.places import matter_for_text

    assert _host_of(matter_for_text("街道口那个过街天桥的电梯又不动了")) == 0
    assert _host_of(matter_for_text("街道口地铁站B口那个直梯坏了")) == 1
    assert _host_of(matter_for_text("王家湾摩尔城里面的扶梯坏了")) == 2
    assert _host_of(matter_for_text("雄楚大道街道口那个天桥下面积水")) is None    # under it: no thing of it


def test_a_stop_s_buses_said_with_a_thing_of_the_stop_are_that_thing():
    from insight.matter import _stop_thing
    from insight.places import matter_for_text

    assert _stop_thing(matter_for_text("徐东大街公交站等了半个钟头709一辆都没来")) == 4
    assert _stop_thing(matter_for_text("徐东大街公交站709路司机不进站，停马路中间上下客")) == 5
    # the shelter's seat said while waiting: the seat
    assert _stop_thing(matter_for_text("街道口公交站等车的时候座椅塌了，等了半天没人修")) == 0


def test_a_taxi_rank_s_drivers_are_no_bus_s():
    g = _groups(["汉口火车站北广场出租车不排队，随便插队拉人", "汉口站北边的出租车乱得很，司机抢客还骂人"], [0, 3])
    assert _one(g, 0, 1)


def test_a_station_lift_a_pram_needs_is_its_lift():
    g = _groups(["江汉区青年路地铁站C口那部电梯坏了，推婴儿车的只能抬", "青年路地铁站C口那个扶梯老是停",
                 "青年路站C出口的升降电梯不能用了好几天"], [0, 1, 2])
    assert _one(g, 0, 2) and not _one(g, 0, 1)


def test_tune90_keeps_its_figures():
    from bench.eval_insight import eval_repeats

    r = eval_repeats("tune90")
    assert r["found"] >= 12 and r["wrong_merges"] <= 2, r
