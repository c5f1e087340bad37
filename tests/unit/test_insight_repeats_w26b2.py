"""Repeat appeals, twenty-sixth wave (w26-rpb2, wrong merges, second round): one building's lift that has stopped or
holds someone (困人, 卡在8楼) and the same lift running with a fault (噪音, 抖, 门关不严, 夹人) are two matters, while two
appeals about one trapping stay one; a question asked about the gas bill (请问燃气费怎么收) is no cut or smell
over the area either (燃气停了 now reads as a cut); a neighbour's noise (楼上邻居家) is no public nuisance at one address
(工地打桩, 广场舞); two campuses of one hospital (后湖院区 / 南京路院区, 光谷同济医院) are two places; tune84 keeps
its figures."""
from __future__ import annotations

import sys
from pathlib import Path

from test_insight_repeats_w24b import _groups, _one   # (tests/unit on the path: the wave-24 test's helpers)

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


import pytest

# (texts, their hours): the first and the last are one matter, the middle one another
_TOLD_APART = [
    # a trapped lift against a noisy one
    (["江夏区藏龙岛联投龙湾7栋电梯困人，我爸被关在里面二十分钟了", "联投龙湾7栋的电梯一开起来就咣当咣当响，还一直抖，坐着心慌",
      "联投龙湾7栋电梯关了人，卡在11楼，维保还没来"], [0, 1, 1.5]),
    # a question asked about the gas bill against the cut, met over the area only
    (["青山区红钢城九街坊燃气停了一天了，有没有人管", "请问青山区红钢城的燃气费是怎么收的，阶梯价格怎么算",
      "红钢城九街坊什么时候恢复供气？一天没得气做饭了"], [0, 1, 2]),
    # a neighbour's noise against a building site's at one road
    (["洪山区珞狮南路旁边工地晚上十一点还在打桩，整个小区都震得睡不着", "珞狮南路那边小区我楼上邻居家天天半夜拖椅子，吵得睡不着",
      "珞狮南路工地夜里打桩，都快十二点了还在干，严重扰民"], [0, 1, 2]),
    # two campuses of one hospital, one said by its area first (光谷同济医院)
    (["同济医院光谷院区门口停车场满了，车排到马路上", "同济医院主院区门口停车排到解放大道上",
      "光谷同济医院门口排队进停车场的车把路堵死了"], [0, 1, 2]),
    (["武汉市中心医院后湖院区门口出租车乱停，堵住了救护车通道", "中心医院南京路院区门口出租车乱停，堵住了救护车通道",
      "中心医院后湖院区门口的出租车把救护车道堵了"], [0, 1, 2]),
]


@pytest.mark.parametrize(("texts", "hours"), _TOLD_APART)
def test_the_middle_appeal_is_another_matter(texts, hours):
    g = _groups(texts, hours)
    assert _one(g, 0, 2) and not _one(g, 0, 1) and not _one(g, 1, 2)


def test_a_trapped_lift_is_no_pinching_door_and_one_trapping_stays_one():
    g = _groups(["汉阳区四新康城3栋电梯困人了，有个小孩在里面哭", "四新康城3栋电梯门关不严，老是开开关关，还夹到人"],
                [0, 1])
    assert not _one(g, 0, 1)
    g = _groups(["汉阳区四新康城3栋电梯困人了，有个小孩在里面哭", "四新康城3栋电梯关了人，小孩还在里面"], [0, 1])
    assert _one(g, 0, 1)


def test_tune84_keeps_its_figures():
    from bench.eval_insight import eval_repeats

    r = eval_repeats("tune84")
    assert r["found"] >= 19 and r["wrong_merges"] <= 0, r
