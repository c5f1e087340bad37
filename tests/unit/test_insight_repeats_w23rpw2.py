"""Repeat appeals, twenty-third wave (w23-rpw2): a home said only vaguely in an area (沌口这边我们小区) meets a
listed estate of that area (the ``estates`` table of landmarks.toml) for a problem over the area or one that reaches
beyond one estate (an outage, a site's noise at night, a smell, a flooded road), never for one estate's own (its
lift, its management, its refuse point, parking inside, a leak) — the concepts' ``reach`` and ``own`` flags."""
from __future__ import annotations

import pytest

from insight import compare, matter_for_text
from insight.matter import load_lexicon


def _repeat(a: str, b: str, hours: float = 3) -> bool:
    return compare(matter_for_text(a), matter_for_text(b), hours=hours).repeat


@pytest.mark.parametrize("a, b", [
    ("沌口这边我们小区突然停电了，空调都停了", "经开区车城名仕小区停电两个多小时了，怎么还没来电"),
    ("古田这边我们小区旁边那个工地半夜还在打桩，吵得一晚上没睡", "融侨华府旁边的工地凌晨一点还在施工，噪音太大了"),
    ("四新这边我们小区晚上总闻到一股臭味，像化工厂的味道", "汉阳国博新城小区晚上有很刺鼻的臭气，不晓得哪里排出来的"),
    ("杨春湖我们小区门口那条路一下雨就淹了，水都到小腿了", "保利心语门口的路积水好深，车子都开不过去"),
])
def test_a_vague_home_meets_a_listed_estate_for_a_problem_over_the_area(a, b):
    assert _repeat(a, b)


@pytest.mark.parametrize("a, b", [
    ("东湖新城我们小区电梯老是停，上个月都坏了三次了", "福星惠誉东湖城的电梯又出故障了，困人了"),
    ("古田我们小区的地下车库里乱停车，车位被占了出不去", "融侨华府地下车库有人乱停，把通道都堵了"),
    ("藏龙岛我们小区里面乱停车，消防通道都堵死了", "保利清能西海岸小区内车辆乱停，把消防通道占了"),
    ("万松园这边我们小区的垃圾桶满了好几天没人拖", "万松小区垃圾好几天没清运，味道很大"),
    ("南湖这边我们小区楼道里的水管漏水了，地上全是水", "保利华都3栋楼道水管破了，一直在滴水"),
    ("四新这边，我们小区大门的门禁坏了，外面的人随便进", "江城明珠小区门禁系统坏了好几天，陌生人随便进出"),
])
def test_a_vague_home_is_no_listed_estate_for_one_estates_own_problem(a, b):
    assert not _repeat(a, b)


def test_the_flags_are_read_from_the_concepts():
    lexicon = load_lexicon()
    assert {"noise", "odor", "flooding"} <= lexicon.flagged("reach")
    assert {"elevator", "property_mgmt", "garbage", "pipe_burst"} <= lexicon.flagged("own")
    assert not lexicon.flagged("reach") & lexicon.flagged("own")


def test_a_leak_in_a_stairwell_is_no_cause_of_the_areas_water_cut():
    assert not _repeat("南湖那个小区，就我住的那里，从昨天晚上开始就没水", "南湖这边我们小区楼道里的水管漏水了，地上全是水", hours=2)
    assert not _repeat("南湖宝安花园停水了，没有看到任何通知", "南湖这边我们小区楼道里的水管漏水了，地上全是水", hours=5)


def test_a_home_said_by_where_it_is_meets_no_estate_by_the_areas_name_for_its_refuse():
    assert not _repeat("万松园路那边的小区，垃圾几天都没人拖走了", "江汉区万松园街万松小区生活垃圾清运不及时", hours=21)
