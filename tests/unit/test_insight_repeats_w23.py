"""Repeat appeals, twenty-third wave (w23-rep): an outage told at an estate with its cause heard to be outside
(听说是外面大路上电线烧了) meets that cause told on a road; a road said by where it is from the caller (外面大路,
门口马路) or a crossing's common word (十字路口) is no place of its own; a landmark meets the crossing it stands at
(landmarks.toml `at`)."""
from __future__ import annotations

from insight import compare, matter_for_text
from insight.matter import group


def _one_matter(first: str, second: str, hours: float) -> bool:
    """Whether two appeals ``hours`` apart are one matter, as compare and as the grouping (its keys) answer."""
    a, b = matter_for_text(first), matter_for_text(second)
    together = group([a, b], [0.0, hours * 3600.0])
    assert compare(a, b, hours=hours).repeat == (together[0] is not None and together[0] == together[1])
    return compare(a, b, hours=hours).repeat


def test_a_road_said_by_its_position_is_no_place():
    for said, text in (("外面大路", "我们小区停电了，听说是外面大路上电线烧了"), ("外面路", "丽岛花园停水了，说是外面路上水管破了"),
                       ("十字路", "新华路那个便利店门口的十字路口，红绿灯坏了")):
        assert said not in matter_for_text(text).places


def test_an_outage_with_its_cause_outside_meets_the_cause_on_a_road():
    assert _one_matter("解放大道上水管爆了，水冲起来好高", "我们丽岛花园从中午开始没水了，听说是外面马路上水管爆了", 2)
    assert _one_matter("友谊大道上那根电线杆子着火了，火花直冒", "我们福星城停电了，听说是外面大路上电线烧了", 1)


def test_the_cause_outside_is_not_another_problem_nor_far():
    estate = "同安家园停水了，说是外面路上水管破了"
    # a flooded road is no burst main heard of
    assert not _one_matter("琴台大道靠古琴台那段路积水，车子开过去浪好大", estate, 1)
    # … nor a cause two days before, nor a cause at a road when the outage names its landmark elsewhere
    assert not _one_matter("青年路上水管爆了，水往外喷", estate, 48)
    assert not _one_matter("武昌区中北路水管爆了，水漫了一地", "徐东销品茂附近突然没水了，物业说是外面主管破了", 2)


def test_plain_words_for_a_rough_sleeper_a_dropped_load_and_a_stops_shelter():
    assert "homeless" in matter_for_text("地铁口那里有几个流浪的人睡在那，味道好大").concepts
    assert "spill" in matter_for_text("珞狮路那一段，大车掉的土满地都是").concepts
    assert "bus_shelter" in matter_for_text("长春观门口那个公交站的棚子塌了一半").concepts


def test_a_landmark_meets_the_crossing_it_stands_at():
    assert _one_matter("光谷广场那边的路灯全坏了，晚上黑漆漆的", "珞喻路鲁磨路口那里路灯一盏都不亮", 2)
    # … two roads said together name the crossing too
    assert _one_matter("亚贸门口井盖丢了", "武珞路丁字桥路那里井盖没了，好危险", 2)
    # … not another crossing of one of its roads, nor another problem
    assert not _one_matter("光谷广场那边的路灯全坏了", "珞喻路卓刀泉路口路灯不亮", 2)
    assert not _one_matter("光谷广场那边的路灯全坏了", "珞喻路鲁磨路口有人摆摊卖水果", 2)


def test_a_fallen_tree_meets_the_outage_it_caused_only_where_it_cut_the_power():
    dark = "我们东沙花园停电了，听说是外面的树倒了压到线了"
    assert _one_matter("中北路上一棵树倒了把电线压断了，停电了，还冒火花", dark, 1)
    assert not _one_matter("中北路上一棵大树倒了横在路中间，车都过不去", dark, 1)
