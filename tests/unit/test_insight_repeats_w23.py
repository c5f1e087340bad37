"""Repeat appeals, twenty-third wave (w23-rep): an outage told at an estate with its cause heard to be outside
(听说是外面大路上电线烧了) meets that cause told on a road; a road said by where it is from the caller (外面大路,
门口马路) or a crossing's common word (十字路口) is no place of its own."""
from __future__ import annotations

from insight import compare, matter_for_text
from insight.matter import group


def test_a_road_said_by_its_position_is_no_place():
    assert "外面大路" not in matter_for_text("我们小区停电了，听说是外面大路上电线烧了").places
    assert "外面路" not in matter_for_text("丽岛花园停水了，说是外面路上水管破了").places
    assert "十字路" not in matter_for_text("新华路那个便利店门口的十字路口，红绿灯坏了").places


def test_an_outage_with_its_cause_outside_meets_the_cause_on_a_road():
    road = matter_for_text("解放大道上水管爆了，水冲起来好高")
    estate = matter_for_text("我们丽岛花园从中午开始没水了，听说是外面马路上水管爆了")
    assert compare(road, estate, hours=2).repeat
    assert group([road, estate], [0.0, 2 * 3600.0])[0] is not None
    wires = matter_for_text("友谊大道上那根电线杆子着火了，火花直冒")
    dark = matter_for_text("我们福星城停电了，听说是外面大路上电线烧了")
    assert group([wires, dark], [0.0, 3600.0])[0] is not None


def test_the_cause_outside_is_not_another_problem_nor_far():
    estate = matter_for_text("同安家园停水了，说是外面路上水管破了")
    # a flooded road is no burst main heard of
    flooded = matter_for_text("琴台大道靠古琴台那段路积水，车子开过去浪好大")
    assert group([flooded, estate], [0.0, 3600.0]) == [None, None]
    # … nor a cause two days before, nor a cause at a road when the outage names its landmark elsewhere
    burst = matter_for_text("青年路上水管爆了，水往外喷")
    assert not compare(burst, estate, hours=48).repeat
    mall = matter_for_text("徐东销品茂附近突然没水了，物业说是外面主管破了")
    other = matter_for_text("武昌区中北路水管爆了，水漫了一地")
    assert not compare(other, mall, hours=2).repeat


def test_plain_words_for_a_rough_sleeper_a_dropped_load_and_a_stops_shelter():
    assert "homeless" in matter_for_text("地铁口那里有几个流浪的人睡在那，味道好大").concepts
    assert "spill" in matter_for_text("珞狮路那一段，大车掉的土满地都是").concepts
    assert "bus_shelter" in matter_for_text("长春观门口那个公交站的棚子塌了一半").concepts


def test_a_landmark_meets_the_crossing_it_stands_at():
    mark = matter_for_text("光谷广场那边的路灯全坏了，晚上黑漆漆的")
    cross = matter_for_text("珞喻路鲁磨路口那里路灯一盏都不亮")
    assert compare(mark, cross, hours=2).repeat
    assert group([mark, cross], [0.0, 2 * 3600.0])[0] is not None
    # … two roads said together name the crossing too
    assert compare(matter_for_text("亚贸门口井盖丢了"), matter_for_text("武珞路丁字桥路那里井盖没了，好危险"), hours=2).repeat
    # … not another crossing of one of its roads, nor another problem
    assert not compare(mark, matter_for_text("珞喻路卓刀泉路口路灯不亮"), hours=2).repeat
    assert not compare(mark, matter_for_text("珞喻路鲁磨路口有人摆摊卖水果"), hours=2).repeat


def test_a_fallen_tree_meets_the_outage_it_caused_only_where_it_cut_the_power():
    dark = matter_for_text("我们东沙花园停电了，听说是外面的树倒了压到线了")
    cut = matter_for_text("中北路上一棵树倒了把电线压断了，停电了，还冒火花")
    blocked = matter_for_text("中北路上一棵大树倒了横在路中间，车都过不去")
    assert compare(cut, dark, hours=1).repeat
    assert not compare(blocked, dark, hours=1).repeat
