"""Repeat appeals, twenty-ninth wave, the place side (w29-rpp): a road's house number (中山大道818号, said digit by digit
八一八号) is one building, another number of the road another, and a number before 楼下 is the house, no building of an
estate; a village's group said in full (第二村民小组) and a village's three-character name said first or after its
town (童周岭村2组); an unknown name one sound apart from exactly one known name (宗官水厂, 棕关水厂) is that place; 楚河汉街万达
is the street's, not any 万达广场; an estate's name ends before 大门 said with where at it (宝安山水龙城大门外面). The tuning
split tune98 keeps its figures."""
from __future__ import annotations

import pytest

from insight import matter_for_text
from tests.unit.test_insight_repeats_w24p import _one_matter     # compare and the grouping (its keys) alike
from tests.unit.test_insight_repeats_w26p import _split          # a tuning split's figures, as the bench reads them


def test_a_roads_house_number_is_one_building():
    assert ("号", "818") in matter_for_text("中山大道八一八号那个KTV噪音扰民，半夜还在唱").parts
    assert ("号", "818") in matter_for_text("江汉区中山大道818号楼下的歌厅每天晚上唱到两点").parts
    assert _one_matter("江汉区中山大道818号楼下的歌厅每天晚上唱到两点，吵得睡不着", "中山大道八一八号那个KTV噪音扰民，半夜还在唱", 12)
    assert not _one_matter("中山大道818号附近的歌厅太吵了，投诉好几次了", "中山大道906号楼下的酒吧太吵了", 15)


def test_a_house_number_before_downstairs_is_no_building():
    parts = matter_for_text("武珞路628号楼下的餐馆把油污倒进雨水井").parts
    assert ("号", "628") in parts and not any(k == "栋" for k, _ in parts)
    # … an estate's building said 号楼 stays a building, and a metro line or an exit no house
    assert ("栋", "5") in matter_for_text("江城明珠5号楼电梯又坏了").parts
    assert not any(k == "号" for k, _ in matter_for_text("江汉路2号线出口有人发传单").parts)
    assert not any(k == "号" for k, _ in matter_for_text("中山大道1号口的单车乱停").parts)


def test_a_villages_group_said_in_full():
    assert ("组", "2") in matter_for_text("五里界童周岭村第二村民小组那边露天焚烧垃圾").parts
    assert not _one_matter("五里界童周岭村第二村民小组那边露天焚烧垃圾，晚上烧得更凶", "江夏五里界童周岭村四组有人烧秸秆，烟很大", 16)


def test_a_villages_three_character_name():
    assert matter_for_text("童周岭村2组天天烧垃圾，塑料味道特别难闻").places == ("童周岭村",)
    assert "童周岭村" in matter_for_text("江夏区五里界街童周岭村二组有人在田里烧垃圾").places
    # … never a word of the sentence, a street's end or another name's last character before it
    assert matter_for_text("在联群村3组的垃圾没人拉走").places == ("联群村",)
    assert "联群村" in matter_for_text("黄陂区前川街联群村五组垃圾没人收").places
    assert matter_for_text("前川联群村第三村民小组那边垃圾成堆").places == ("联群村",)
    assert _one_matter("江夏区五里界街童周岭村二组有人在田里烧垃圾，烟大得很，呛死人", "童周岭村2组天天烧垃圾，塑料味道特别难闻", 10)


def test_a_slip_of_a_known_name_is_the_known_place():
    assert matter_for_text("宗官水厂边上那条路下雨积水很严重").places == ("宗关水厂",)
    assert _one_matter("宗官水厂边上那条路下雨积水很严重，电动车都熄火了", "棕关水厂附近的路又淹了，排水太差了", 17)


def test_a_streets_wanda_is_no_other_wanda():
    assert not _one_matter("武昌楚河汉街万达广场门口的共享电动车乱停，人行道都被占满了", "经开万达广场门口共享单车乱停", 11)
    assert _one_matter("武昌楚河汉街万达广场门口的共享电动车乱停，人行道都被占满了", "汉街万达门口单车电动车乱停一片，走路都没地方", 6)


def test_an_estates_name_ends_before_its_gate():
    assert matter_for_text("洪山区宝安山水龙城大门外面菜摊子占了一条道").places == ("宝安山水龙城",)


@pytest.mark.parametrize("split,found,wrong", [("tune98", 49, 0)])
def test_the_tuning_split_keeps_its_figures(split, found, wrong):
    r = _split(split)
    assert r["found"] >= found and r["wrong_merges"] <= wrong
