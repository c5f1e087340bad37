"""Repeat appeals, twenty-fourth wave (w24-rpw, wrong merges): an outage told again days later is a new episode, and
an appeal saying its trouble had ended and come back (上个月才停过, 上次清了没多久又来了) repeats no appeal more than a
week before it (insight.toml ``episode_gap_hours``, ``recurrence_hours``, ``recurrence_words``); an appeal telling its
trouble as one more place's (西门那边也有人遛狗, 关山口那里的红绿灯也坏了) is not the place it heard of, but for an
outage told by the estates of one area."""
from __future__ import annotations

from insight import matter_for_text
from insight.matter import episode_window, group

DAY = 24 * 3600.0


def _groups(texts: list[str], hours: list[float]) -> list[int | None]:
    return group([matter_for_text(t) for t in texts], [h * 3600.0 for h in hours])


def _one(groups: list[int | None], i: int, j: int) -> bool:
    return groups[i] is not None and groups[i] == groups[j]


def test_an_outage_told_again_weeks_later_is_a_new_matter():
    texts = ["汤逊湖壹号小区停水了，一早上都没水", "汤逊湖壹号没水了，做饭都做不成",
             "汤逊湖壹号小区今天又停水了，上个月才停过一次"]
    g = _groups(texts, [0, 2, 26 * 24])
    assert _one(g, 0, 1)
    assert not _one(g, 0, 2) and not _one(g, 1, 2)


def test_an_outage_two_days_after_the_last_appeal_is_a_new_episode():
    texts = ["常青花园八小区停电了，空调都停了", "常青花园八小区没电了，什么时候来电", "常青花园八小区停电了，热死了"]
    g = _groups(texts, [0, 1, 60])
    assert _one(g, 0, 1) and not _one(g, 1, 2)
    # … but water too weak for the upper floors is a standing fault, told again days later
    weak = ["南湖宝安花园高层水压太低，楼上放不出水", "宝安花园高楼层水压不够，洗澡都洗不了"]
    assert _one(_groups(weak, [0, 40]), 0, 1)


def test_a_nuisance_that_had_stopped_and_came_back_is_a_new_matter():
    texts = ["光谷步行街那家酒吧半夜音乐开得特别大，吵得睡不着", "光谷步行街那个酒吧每天吵到凌晨两点",
             "光谷步行街那个酒吧又开始半夜吵了，之前整改了一段时间"]
    g = _groups(texts, [0, 3, 20 * 24])
    assert _one(g, 0, 1) and not _one(g, 1, 2)
    # … while the same words a day later are the matter still open (又开始: tonight again)
    assert _one(_groups(texts, [0, 3, 30]), 1, 2)


def test_the_window_each_appeal_reaches_back():
    assert episode_window(matter_for_text("联投龙湾小区停水了")) == 48
    assert episode_window(matter_for_text("滠水河桥下又被人倒了建筑垃圾，上次清了没多久又来了")) == 168
    assert episode_window(matter_for_text("滠水河桥下有人倒了建筑垃圾")) == 30 * 24


def test_one_more_place_told_with_ye_is_not_the_place_heard_of():
    assert matter_for_text("中山公园西门那边也有人遛狗不拴绳").also
    assert matter_for_text("珞喻路关山口那里的红绿灯也坏了").also
    assert not matter_for_text("金地太阳城没电了，电梯也停了").also          # a consequence, no place before 也
    assert not matter_for_text("保利华都的物业也不管，垃圾堆成山").also       # what someone there fails to do
    assert matter_for_text("杨春湖那边的锦绣苑小区垃圾也没人收，苍蝇乱飞").also   # … but its refuse is the place's
    g = _groups(["中山公园大门口遛狗不拴绳的太多了，狗冲着人叫", "中山公园西门那边也有人遛狗不拴绳，还在草坪上拉屎"], [0, 2])
    assert not _one(g, 0, 1)


def test_an_outage_told_by_another_estate_with_ye_stays_one_matter():
    g = _groups(["姑嫂树花园停电了，整栋楼都黑了", "我们姑嫂树安居苑也停电了，问了说是线路故障"], [0, 1])
    assert _one(g, 0, 1)


def test_a_flooded_road_and_a_leaking_roof_at_one_estate_are_two_matters():
    g = _groups(["南湖我们小区门口那条路一下雨就淹了，水都到小腿了", "南湖这边我们小区楼顶漏水，下雨家里墙都泡了"], [0, 3])
    assert not _one(g, 0, 1)
    # … while an underpass's seepage and the pool it leaves are one
    g = _groups(["解放大道武广那里地下人行通道漏水，墙上渗水，地上全是水", "武广地下过街通道一下雨就淹，鞋子全湿了"], [0, 5])
    assert _one(g, 0, 1)
