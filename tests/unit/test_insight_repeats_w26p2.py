"""Repeat appeals, twenty-sixth wave, the place side's second round (w26-rpp2): a numbered school said by its number
alone (四十九中, 49中, 十四中学; at a clause's head 二中门口) is its full name (第四十九中学); a landmark's gate or exit said
after its area and kind (杨春湖那个高铁站出口) is the landmark; a river said with its stretch or water (黄孝河那段) is a
place; a developer said alone with its whole estate after it (黄陂碧桂园整个小区) is the developer; nicknames of the
table (彩虹桥, 大钟楼, 省实验). The tuning split tune83 keeps its figures."""
from __future__ import annotations

import pytest

from insight import matter_for_text
from tests.unit.test_insight_repeats_w24p import _one_matter     # compare and the grouping (its keys) alike


def test_a_numbered_school_said_by_its_number_alone():
    assert "第四十九中学" in matter_for_text("49中门口围墙的砖松了掉下来").places
    assert "第四十九中学" in matter_for_text("四十九中大门旁边那段墙在掉砖头").places
    assert "第十四中学" in matter_for_text("十四中学校旁边路面下沉出了个坑").places
    assert "第二中学" in matter_for_text("二中门口一到放学家长的车停得乱七八糟").places
    # … never a time or an amount said with 一小
    assert not matter_for_text("等了一小时也没人来修").places
    assert not matter_for_text("有一小段路坏了").places


def test_one_school_told_by_number_and_by_full_name_is_one_matter_another_number_another():
    assert _one_matter("武汉市第四十九中学校门口的围墙往下掉砖，学生天天从下面过", "49中门口围墙的砖松了掉下来，差点砸到人", 5)
    assert not _one_matter("49中门口围墙的砖松了掉下来，差点砸到人", "四十八中门口围墙掉砖", 4)


def test_a_landmarks_exit_said_by_its_area_and_kind():
    assert _one_matter("武汉高铁站出来就有人拉客，黑车司机抢客人，很乱", "杨春湖那个高铁站出口黑车太多了，一直跟着人喊", 17)


def test_nicknames_of_the_table():
    assert "晴川桥" in matter_for_text("彩虹桥上边的护栏松动了").places
    assert "江汉关" in matter_for_text("大钟楼下面电瓶车乱停").places
    assert "湖北省实验中学" in matter_for_text("省实验旁边工地半夜打桩").places


def test_a_river_said_with_its_stretch_is_a_place_and_its_name_no_stretch():
    m = matter_for_text("建设大道边上黄孝河那段臭得不得了")
    assert "黄孝河" in m.places and ("段", "孝河") not in m.parts
    assert "府河" in matter_for_text("府河里面有好多死鱼").places
    assert not matter_for_text("小区旁边那条河边上有人钓鱼").places


def test_a_developer_with_its_whole_estate_after_it():
    m = matter_for_text("黄陂碧桂园整个小区没电快一天了")
    assert m.places == ("碧桂园",) and m.district == "D-HP"


def _split(name: str) -> dict:
    from bench.eval_insight import eval_repeats

    return eval_repeats(name)


@pytest.mark.parametrize("split,found,wrong", [("tune83", 45, 0), ("tune63", 53, 0)])
def test_the_tuning_split_keeps_its_figures(split, found, wrong):
    r = _split(split)
    assert r["found"] >= found and r["wrong_merges"] <= wrong


def test_a_rivers_dyke_is_the_river_and_a_numbered_hospital_at_a_clauses_head():
    assert "府河" in matter_for_text("东西湖区府河大堤那段河边有人倒建筑垃圾").places
    assert "府河" in matter_for_text("府河堤边被倒满了建筑垃圾").places
    assert "第一医院" in matter_for_text("一医院东门口的电动车堆成一片").places


def test_a_place_said_before_路段_is_no_road_of_its_name():
    m = matter_for_text("江汉区中山大道六渡桥路段人行道地砖翘起来了")
    assert "六渡桥路" not in m.places and "六渡桥" in m.places
    assert not _one_matter("江汉区中山大道六渡桥路段人行道地砖翘起来了，好多人绊倒", "中山大道江汉路口人行道地砖松动", 7)
