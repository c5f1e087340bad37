"""Repeat appeals, twenty-seventh wave's second repeats helper (w27-rep2): at one place finer than a road (an estate, a
shop, a park), rare content two appeals share is evidence of one problem when neither names a problem of its own the
other lacks (``similar.fine_content_evidence``); a problem each names, a problem both name, the building's parts and
the hour people do something at are no such evidence; the hotspots' grouping keeps it off."""
from __future__ import annotations

import sys
from pathlib import Path

from insight import matter_for_text
from insight.matter import Settings, compare, content_terms, load_settings
from tests.unit.test_insight_repeats_w23 import _one_matter   # compare and the grouping answer alike (w23-rep)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


# one thing at one place told in words no concept lists (a bench, a post box, a lamp's glare)
TOLD_OTHERWISE = [
    ("江汉区江汉路步行街的钢琴雕塑边上那个公共座椅木板断了一根", "江汉路步行街钢琴那里的长椅烂了，有个钉子翘出来把我裤子划破了", 11),
    ("黄陂区盘龙城宋家岗小区门口的邮政信箱被人撬了，信都丢了", "宋家岗小区门口那个绿色的邮筒锁坏了，口子开着，里面的信件被翻过", 15),
    ("藏龙岛湿地公园南门那边的灯太刺眼了，开车过去什么都看不见", "藏龙岛湿地公园南门的照明灯角度不对，光直射马路，晃得人眼花", 21),
]


def _off() -> Settings:
    s = load_settings()
    return Settings(similar={**s.similar, "fine_content_evidence": 0}, hotspots=s.hotspots)


def test_rare_content_at_one_fine_place_is_one_problem():
    for first, second, hours in TOLD_OTHERWISE:
        assert _one_matter(first, second, hours), (first, second)


def test_the_setting_turns_it_off():
    for first, second, hours in TOLD_OTHERWISE:
        a, b = matter_for_text(first), matter_for_text(second)
        assert not compare(a, b, hours=hours, settings=_off()).repeat, (first, second)


def test_a_problem_of_its_own_on_each_side_stays_two():
    # pigeons kept on a unit against a dead stairwell light in one building: 栋 is where, not what
    assert not _one_matter("江岸区塔子湖东路金色雅园3栋6楼空调外机上面有人在养鸽子，鸽子屎糊满了我家窗台",
                           "金色雅园3栋楼道的声控灯坏了，晚上黑漆漆的", 10)


def test_a_problem_both_name_is_left_to_the_concepts():
    # one lift's repair fund against its trapping people: 电梯 shared is the concepts' to judge
    assert not _one_matter("洪山区雄楚大道金地格林小城小区的电梯维修基金被物业挪用，业主不知情", "金地格林小城的电梯经常困人", 5)


def test_the_hour_people_do_something_is_no_evidence():
    # roadworks at a school's gate at home time against snacks sold there at home time
    assert not _one_matter("江岸区育才小学校门口在修管道，接送孩子的家长车都没地方停，一到放学就堵",
                           "育才小学门口放学的时候有小摊贩卖三无零食", 6)


def test_nobody_caring_is_filler():
    assert "w:没人管" not in content_terms("快递丢了没人管")
    assert not _one_matter("民意小区快递柜又被撬开了，快递丢了没人管", "民意小区门口的报刊亭一直没人管，好几天了都关着门", 8)


def test_hotspots_keep_it_off():
    s = load_settings()
    assert float(s.get("similar", "fine_content_evidence", 0)) > 0
    assert float(s.get("hotspots", "fine_content_evidence", 1)) == 0


def test_tuning_split_keeps_its_figures():
    from eval_insight import eval_repeats
    out = eval_repeats("tune91")
    assert out["found"] >= 25 and out["wrong_merges"] <= 2


def test_one_crossing_both_name_by_its_two_roads_is_a_fine_place():
    first, second = "古田二路汉西三路路口的邮筒被撞歪了", "汉西三路古田二路口那个邮筒倒在地上"
    assert _one_matter(first, second, 4)
    a, b = matter_for_text(first), matter_for_text(second)
    assert not compare(a, b, hours=4, settings=_off()).repeat
    # … a road alone is no such place
    assert not _one_matter("古田二路的邮筒被撞歪了", "古田二路那个邮筒倒在地上", 4)


def test_what_is_left_of_a_place_name_is_no_evidence():
    from insight.matter import _fine_content_score, load_lexicon
    a = matter_for_text("江汉区新华家园门口有人在东湖那边钓鱼")
    b = matter_for_text("新华家园门口说是东湖那边的人来收废品")
    object.__setattr__(b, "places", b.places + ("东湖",))    # as if the gazetteer read 东湖 for one of them
    assert _fine_content_score(a, b, load_lexicon(), load_settings(), 0.42) == 0.0
