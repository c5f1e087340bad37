"""Repeat appeals, twenty-seventh wave, the place side (w27-rpp): a 青山 街坊 said in digits or numerals is one block; a
road's stretch between two crossings is apart from its stretch between two others; across the road from a place (对面,
马路对面) is apart from its own side (隔壁, its door); a district's hospital said short (新洲区医院, 前川那个区医院) is its
people's hospital; a temple said by its area and kind (上滑坡那个寺庙); a school said short before 背后/后头; an airport's
terminals; a landmark said by its area or station and its kind said big (积玉桥地铁站出来那个大商场); a brand's bare
name beside its full one (建设大道万达广场（菱角湖万达）) no evidence of another of the brand; a slip of one character
in an estate of the estates table. The tuning split tune86 keeps its figures."""
from __future__ import annotations

import pytest

from insight import matter_for_text
from tests.unit.test_insight_repeats_w24p import _one_matter     # compare and the grouping (its keys) alike
from tests.unit.test_insight_repeats_w26p import _split          # a tuning split's figures, as the bench reads them


def test_a_numbered_block_in_digits_or_numerals_is_one_place():
    assert "8街坊" in matter_for_text("青山区红钢城8街坊12栋楼下化粪池堵了，污水冒出来").places
    assert "8街坊" in matter_for_text("红钢城八街坊十二号楼门口粪水漫了一地").places
    assert "117街坊" in matter_for_text("青山一百一十七街坊化粪池堵了").places
    assert _one_matter("青山区红钢城8街坊12栋楼下化粪池堵了，污水冒出来", "青山8街坊12栋化粪池满了，臭得不得了", 11)
    assert not _one_matter("青山区红钢城8街坊化粪池堵了，污水冒出来", "红钢城9街坊化粪池堵了，污水冒出来", 7)


def test_a_roads_stretch_between_two_crossings_is_apart_from_another():
    first = "洪山区雄楚大道从珞狮南路到民族大道那一段路面坑坑洼洼"
    assert _one_matter(first, "雄楚大道民族大道到珞狮南路之间路面好多坑", 13)
    assert not _one_matter(first, "雄楚大道关山大道到光谷大道那段路面坑坑洼洼", 9)


def test_across_the_road_from_a_place_is_apart_from_its_own_side():
    across = "江岸区胜利街同济医院对面那排门面，有家早点店油烟往人行道排"
    assert ("侧", "对") in matter_for_text(across).parts
    assert ("侧", "同") in matter_for_text("同济医院隔壁同一边的小吃店油烟直排").parts
    assert _one_matter(across, "同济医院马路对面卖热干面的店油烟呛人", 5)
    assert not _one_matter(across, "同济医院隔壁同一边的小吃店油烟直排", 8)
    assert not _one_matter("新华路体育场外面晚上摊子占满人行道", "新华路体育场马路对面晚上摊子占道", 4)
    # … a neighbour's home across the landing is no side of a road
    assert not any(k == "侧" for k, _ in matter_for_text("对门邻居天天半夜装修").parts)


def test_a_districts_hospital_said_short():
    assert matter_for_text("前川那个区医院大门口停满了私家车").places == ("人民医院",)
    assert matter_for_text("新洲区医院门口乱停车").places == ("人民医院",)
    assert "社区医院" in matter_for_text("社区医院门口乱停车").places
    assert _one_matter("黄陂区人民医院门口车子乱停，救护车进不去", "前川那个区医院大门口停满了私家车，急诊车进不来", 5)
    assert not _one_matter("黄陂区人民医院门口车子乱停，救护车进不去", "黄陂区中医医院门口乱停车，救护车进不去", 8)


def test_a_temple_said_by_its_area_and_kind():
    assert _one_matter("江岸区古德寺门口车子乱停，堵得进不去", "上滑坡那个寺庙门口车停得乱七八糟", 14)


def test_a_school_said_short_before_behind():
    assert matter_for_text("六中背后的小路上垃圾成堆，臭得很").places == ("第六中学",)
    assert "武汉第二中学" in matter_for_text("武汉二中后头巷子垃圾没人清").places


def test_an_airports_terminals_are_two_places():
    assert ("航站楼", "3") in matter_for_text("机场3号航站楼出来好多黑车拉客的").parts
    assert ("航站楼", "2") in matter_for_text("天河机场T2航站楼黑车拉客").parts
    assert _one_matter("天河机场T3出发层黑车拉客，一直跟着问去哪", "机场3号航站楼出来好多黑车拉客的", 4)
    assert not _one_matter("天河机场T3出发层黑车拉客，一直跟着问去哪", "天河机场T2航站楼黑车拉客", 7)


def test_a_landmark_by_its_area_or_station_and_its_kind_said_big():
    assert "大商场" not in matter_for_text("积玉桥那个大商场门口地砖松动").places
    assert _one_matter("徐东大街销品茂门口地砖松了，一踩就翘", "徐东那个大商场门口地砖松了，一踩就翘", 5)
    assert _one_matter("积玉桥万达广场门口地砖松动，下雨一踩一脚泥", "积玉桥地铁站出来那个大商场门口地砖松动", 5)
    assert not _one_matter("王家湾地铁站出来那个大商场门口地砖松动", "积玉桥那个大商场门口地砖松动，踩上去直晃", 6)


def test_a_brands_bare_name_beside_its_full_one():
    assert not _one_matter("江汉区建设大道万达广场（菱角湖万达）门口人行道地砖松了，一踩就翘",
                           "经开区沌口万达广场门口人行道地砖松了，下雨一踩一脚泥", 5)


def test_a_slip_of_one_character_in_a_listed_estate():
    assert _one_matter("杨春湖保利心语花园12栋电梯又坏了，困了人", "保利心雨花园12栋电梯坏了，困人好几次了", 6)


@pytest.mark.parametrize("split,found,wrong", [("tune86", 85, 0)])
def test_the_tuning_split_keeps_its_figures(split, found, wrong):
    r = _split(split)
    assert r["found"] >= found and r["wrong_merges"] <= wrong
