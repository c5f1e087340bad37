"""Repeat appeals, twenty-ninth wave (w29-rep): one problem told by its effect, by a part of the thing, in Wuhan speech or
by what the caller wants done — water that cannot reach the upper floors and the pump wished for, fitness gear by its
machine, cars on a pavement by where they stand or the ticket wished for, a roof's leak by the room it drips into or the
waterproofing wished redone, a metro exit fenced off, a school charging for workbooks, a tank's dirty water, a charging
post by its socket, a dance by its dancers, rubble by who dumped it, an entry gate by the card that does nothing — with
the hard negatives beside them; and the tuning split keeps its figures."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from insight import matter_for_text
from tests.unit.test_insight_repeats_w23 import _one_matter   # compare and the grouping answer alike (w23-rep)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


# (plain wording, the same matter told in other words, the concept those words are read as, hours apart)
TOLD_OTHERWISE = [
    ("江汉区唐家墩路新华家园水压太小", "新华家园我住十八楼，水上不去，请自来水公司装个增压泵", "water_out", 5),
    ("硚口区解放公园的健身器材坏了", "解放公园那台扭腰器转盘掉了，老人家差点摔跤", "fitness", 6),
    ("江岸区胜利街人行道乱停车", "胜利街那些小车全部骑到人行道上，请交警来贴罚单", "parking", 7),
    ("青山区钢花村小区5栋楼顶漏雨", "钢花村小区5栋要求物业把屋顶防水重新做一下", "housing", 9),
    ("武昌区中山路地铁站B出口封了", "中山路地铁站B口用铁皮围起来了，不晓得搞么事", "metro_exit", 4),
    ("洪山区珞南中学乱收资料费", "珞南中学非要伢们买教辅，一本几十块", "fee", 8),
    ("江岸区塔子湖小区的二次供水水箱太脏", "塔子湖小区楼顶水箱几年冇洗，水里有小虫子，不敢喝水", "tap_water", 6),
    ("东西湖区吴家山小区的充电桩坏了", "吴家山小区那个充电的插座插上去冇得反应，电瓶车充不进电", "charger", 5),
    ("汉阳区墨水湖公园广场舞太吵", "墨水湖公园一帮婆婆晚上跳到十点，动次打次的", "square_dance", 4),
    ("江夏区纸坊大街有人乱倒建筑垃圾", "纸坊大街路边一堆砖头水泥，也不晓得是哪个倒的", "dumping", 10),
    ("江汉区红旗渠小区门禁坏了", "红旗渠小区大门刷卡没得反应，门一直敞着", "door_access", 6),
]


@pytest.mark.parametrize("plain, told, concept, hours", TOLD_OTHERWISE)
def test_one_matter_told_in_other_words(plain, told, concept, hours):
    assert concept in matter_for_text(told).concepts
    assert concept in matter_for_text(plain).concepts
    assert _one_matter(plain, told, hours)


def test_rain_indoors_is_the_roof():
    # a leak told by the room it drips into after rain, or by the inner wall it soaks, is the building's roof: no flood,
    # no burst pipe, no façade falling
    told = matter_for_text("钢花村小区5栋我家卧室一下雨就往下滴水，墙皮都泡起来了").concepts
    assert "housing" in told and not told & {"flooding", "pipe_burst", "facade"}
    assert _one_matter("青山区钢花村小区5栋楼顶漏雨", "钢花村小区5栋我家卧室一下雨就往下滴水，墙皮都泡起来了", 8)
    # … but a pipe burst upstairs is still a burst pipe, and rain on a road still a flood
    assert "pipe_burst" in matter_for_text("楼上水管爆了，我家天花板一直在滴水").concepts
    assert "flooding" in matter_for_text("一下雨解放大道就淹了，车子都熄火了").concepts


def test_a_charging_post_and_a_roof_tank_are_read_by_their_shape():
    # an e-bike's charging post (电动车充电桩) is the post, no e-bike charged in a stairwell; a battery left empty after a
    # night on it (充了一晚上) no prepaid card topped up
    told = matter_for_text("汤逊湖小区的电瓶车充电的插座坏了，电瓶车充了一晚上还是空的").concepts
    assert "charger" in told and not told & {"fire_risk", "prepaid_refund"}
    assert "fire_risk" in matter_for_text("楼道里好多人给电动车充电，怕起火").concepts
    assert "prepaid_refund" in matter_for_text("健身房老板跑路了，我充了三千块").concepts
    # a roof tank told dirty or open is the supply's water: no water cut (二次供水), no road's cover, no tree
    tank = matter_for_text("塔子湖小区楼顶的蓄水池盖子冇得，树叶都掉进去了").concepts
    assert "tap_water" in tank and not tank & {"water_out", "road_damage", "tree"}
    assert "water_out" in matter_for_text("小区二次供水泵坏了，停水一天").concepts


def test_a_bus_card_reader_is_no_entry_gate():
    # 刷卡没反应 on a bus is its fare reader: only an entry gate's card or its door reads as door_access
    assert "door_access" not in matter_for_text("坐536路刷卡没反应，司机让我下车").concepts


# (one matter, another problem at the same place: two)
HARD_NEGATIVES = [
    ("江汉区唐家墩路新华家园水压太小", "新华家园门口有人乱倒建筑垃圾", 5),
    ("江岸区胜利街人行道乱停车", "胜利街有家饭店油烟太大", 6),
    ("江汉区红旗渠小区门禁坏了", "红旗渠小区的充电桩坏了，充不进电", 4),
    ("汉阳区墨水湖公园广场舞太吵", "墨水湖公园的健身器材坏了", 7),
]


@pytest.mark.parametrize("first, other, hours", HARD_NEGATIVES)
def test_another_problem_at_one_place_stays_apart(first, other, hours):
    assert not _one_matter(first, other, hours)


def test_the_tuning_split_keeps_its_figures():
    from eval_insight import eval_repeats

    tune = eval_repeats("tune96")
    assert tune["found"] >= 82 and tune["wrong_merges"] == 0   # 84 of 102 at w29-rep's end
