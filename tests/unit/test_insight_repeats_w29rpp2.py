"""Repeat appeals, twenty-ninth wave, the place side's second round (w29-rpp2): an estate's name ends before how often
(恒大城经常停电, 万科城又停水), and the developer said alone before 的 (恒大的电又停了) names no estate; a mall of the
table said by its brand and 商场 (凯德商场) is that mall, a square of the name no mall; a word of position before 那段 (金融港前面那段) names no
stretch; a road dug up and left open
(挖开了没回填) and a crossing's paint worn (人行横道褪色) are each one problem however told. The tuning split tune99 keeps its figures."""
from __future__ import annotations

import pytest

from insight import matter_for_text
from insight.matter import same_name
from tests.unit.test_insight_repeats_w24p import _one_matter     # compare and the grouping (its keys) alike
from tests.unit.test_insight_repeats_w26p import _split          # a tuning split's figures, as the bench reads them


def test_an_estates_name_ends_before_how_often():
    assert "恒大城" in matter_for_text("经开区恒大城经常停电，物业也不解释").places
    assert "万科城" in matter_for_text("江夏万科城又停水了，一滴水都没有").places
    assert not any(p.endswith(("经常", "又")) for p in matter_for_text("沌口恒大城又停电了，空调开不了").places)


def test_the_developer_alone_before_de_names_no_estate():
    assert not any("的" in p for p in matter_for_text("沌口恒大的电又停了，热死人").places)


def test_a_mall_said_by_its_brand_and_its_kind():
    assert same_name("凯德商场", "凯德广场")
    assert _one_matter("凯德商场门口的共享单车乱停，路都堵了", "武胜路凯德广场门口单车堆成山", 9)
    # … a square of the table is no mall, and a mall of the brand the table does not name stays apart
    assert not same_name("首义商场", "首义广场")
    assert not same_name("光谷商场", "光谷广场")


def test_a_road_dug_up_and_left_open():
    assert "road_damage" in matter_for_text("新华路挖开了两个月都没回填，出门绕好远").concepts
    assert _one_matter("新华路挖开了两个月都没回填，出门绕好远", "江汉区新华路路面被挖得稀烂，一直没人管", 14)


def test_a_crossings_paint_worn():
    assert "marking" in matter_for_text("中山路口的人行横道褪色了，晚上根本看不见").concepts
    assert "marking" in matter_for_text("武珞路中山路口斑马线模糊得很").concepts


def test_a_word_of_position_before_a_stretch_names_no_stretch():
    assert not any(k == "段" for k, _ in matter_for_text("民族大道前面那段路灯全坏了，晚上黑漆漆的").parts)
    assert not any(k == "段" for k, _ in matter_for_text("学校门口那一段路面全是坑").parts)
    assert _one_matter("关山大道软件园前面那段路面塌了", "软件园门口关山大道上有个大坑", 8)
    # … a place named before 那段 still names its stretch
    assert ("段", "磨山") in matter_for_text("东湖绿道磨山那段路灯不亮").parts


@pytest.mark.parametrize("split,found,wrong", [("tune99", 47, 3)])
def test_the_tuning_split_keeps_its_figures(split, found, wrong):
    r = _split(split)
    assert r["found"] >= found and r["wrong_merges"] <= wrong
