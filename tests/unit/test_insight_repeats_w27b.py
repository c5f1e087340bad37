"""Repeat appeals, twenty-seventh wave (w27-rpb, wrong merges): one object's other trouble at one place is another
matter — a street lamp shining into a bedroom against the lamps out, a lift's expired inspection papers against its
stop, a manhole's lost cover against the drain spilling, a ditch's railing against its stink, a tree's broken branch
against its fluff, an outdoor unit's hum against its drip, a yard's dogs barking against dogs loose, a water cut
against dirty water; a question about the gas bill against a fault said anyhow; a shop told as the next door of
one named (隔壁那家…也); a building said only to liken one's own to it (和2栋一样) is no part the appeal is about.
Two appeals about one of them stay one; tune87 keeps its figures."""
from __future__ import annotations

import sys
from pathlib import Path

from test_insight_repeats_w24b import _groups, _one   # (tests/unit on the path: the wave-24 test's helpers)

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


import pytest

# (texts, their hours): the first and the last are one matter, the middle one another
_TOLD_APART = [
    # a lamp too bright against the lamps out
    (["武昌区水果湖横路东湖名居西门外面马路上的路灯全黑了", "东湖名居西门外边上那个路灯太亮了，直直照进我家卧室",
      "东湖名居西门外的路灯不亮了，黑漆漆的"], [0, 1, 2]),
    # a lift's papers against its stop
    (["江岸区二七路锦绣龙城6栋电梯困人了，里面关了两个人", "锦绣龙城6栋电梯的年检合格证过期了，电梯还在用",
      "锦绣龙城6栋电梯困人，卡在五楼"], [0, 1, 2]),
    # a manhole's cover gone against the drain spilling
    (["汉阳区钟家村鹦鹉大道路口下水道的井盖被偷了，留了一个大洞", "鹦鹉大道钟家村路口那个下水道堵了，污水漫到路上",
      "钟家村鹦鹉大道路口下水道盖子没了，很危险"], [0, 1, 2]),
    # a ditch's stink against its railing
    (["洪山区青菱那条排水沟臭得要命，窗户都不敢开", "青菱排水沟边上的护栏断了，小孩在旁边玩",
      "青菱那条排水沟又黑又臭，熏得人头疼"], [0, 1, 2]),
    # a tree's broken branch against its fluff
    (["江汉区解放公园路那棵大梧桐的树枝断了，挂在半空要掉下来", "解放公园路那棵梧桐树飘毛，满街都是，过敏的人受不了",
      "解放公园路大梧桐树断了一根枝子，吊在那里随时会掉"], [0, 1, 2]),
    # an outdoor unit's hum against its drip
    (["硚口区武胜路那家茶颜悦色的空调外机吵死了，整夜嗡嗡响", "武胜路茶颜悦色的空调外机一直往下滴水，路过的人被淋",
      "武胜路茶颜悦色那个空调外机噪音太大，晚上睡不着"], [0, 1, 2]),
    # a water cut against dirty water
    (["青山区钢城二中旁边的青和居小区今天停水了，没有通知", "青和居小区二次供水的水不干净，有沉淀",
      "青和居小区停水了，到现在都没来"], [0, 1, 2]),
    # a question about the gas bill against a smell said over the road
    (["江岸区黄浦路那边燃气管道锈穿了，闻到很大的气味", "请问黄浦路那边燃气费在哪里交，想问一下",
      "黄浦路燃气管道漏气了，一股臭鸡蛋味"], [0, 1, 2]),
]


@pytest.mark.parametrize(("texts", "hours"), _TOLD_APART)
def test_the_middle_appeal_is_another_matter(texts, hours):
    g = _groups(texts, hours)
    assert _one(g, 0, 2) and not _one(g, 0, 1) and not _one(g, 1, 2)


def test_a_shop_told_as_the_next_door_of_one_named_is_another_shop():
    texts = ["江汉区前进一路老刘烧烤占道经营，桌子摆到人行道上，人都过不去", "前进一路老刘烧烤隔壁那家卤菜店也把桌子摆到人行道上了",
             "前进一路老刘烧烤占道经营，桌子摆满了人行道"]
    g = _groups(texts, [0, 1, 2])
    assert _one(g, 0, 2) and not _one(g, 0, 1)


def test_a_home_s_next_door_shop_is_no_other_shop():
    from insight.matter import _next_door
    from insight.places import matter_for_text

    assert not _next_door(matter_for_text("我家隔壁那家饭馆油烟太大了，也不装净化器"))
    assert _next_door(matter_for_text("前进一路老刘烧烤隔壁那家卤菜店也把摊子摆到外面了"))
    assert not _next_door(matter_for_text("超市旁边那家烧烤店也太吵了"))


def test_a_building_said_only_to_liken_one_s_own_is_no_part_of_it():
    from insight.matter import _parts

    assert ("栋", "2") not in _parts("育才花园4栋电梯也坏了，和2栋一样停着")
    assert ("栋", "4") in _parts("育才花园4栋电梯也坏了，和2栋一样停着")
    g = _groups(["武昌区中南花园3栋电梯停了，卡在九楼", "中南花园5栋电梯也坏了，跟3栋一样停着",
                 "中南花园3栋电梯坏了不能用"], [0, 1, 2])
    assert _one(g, 0, 2) and not _one(g, 0, 1)


def test_a_cistern_slow_to_fill_is_the_weak_supply_not_dirty_water():
    g = _groups(["江岸区兴业路兴业花园水压太低了，楼上基本没水", "兴业花园的自来水细得像根线，马桶水箱半天灌不满"], [0, 3])
    assert _one(g, 0, 1)


def test_tune87_keeps_its_figures():
    from bench.eval_insight import eval_repeats

    r = eval_repeats("tune87")
    assert r["found"] >= 18 and r["wrong_merges"] <= 3, r
