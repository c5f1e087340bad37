"""Hotspots of the fifteenth wave: an area-wide utility outage over one district's estates, each citizen naming
their own estate (some the gazetteer does not know), with a home's own fault beside it left alone."""
from __future__ import annotations

from insight import matter_for_text
from insight.hotspots import _OWN_FAULT, _says_area, find_hotspots
from tests.unit.hotspot_cases import HOUR, appeals as _appeals


def test_an_outage_over_one_district_s_estates_is_one_hotspot_and_a_home_s_fault_stays_out():
    rows = [(0.0, "江夏区藏龙岛这一片都停水了，早上起来洗脸都没水"),
            (0.4, "藏龙岛好几个小区都没水，物业也说不清楚"),
            (0.9, "江夏区纸坊一带停水，饭都做不成"),
            (1.5, "我们是江夏庙山的，水龙头一滴水都没有，问了邻居也一样"),
            (2.0, "江夏大道边上的小区也没水了，什么时候来水"),
            (2.6, "金水湾花苑停水三个小时了，家里老人要吃药"),       # an estate no gazetteer knows
            (2.8, "江夏区阳光100小区我家一户没水，邻居家都有水，是不是水表坏了"),  # a home's own fault
            (40.0, "汉口火车站出租车不打表")]
    appeals = _appeals(rows)
    spots = find_hotspots(appeals, now=1000.0 + 48 * HOUR)
    outage = [s for s in spots if "water_out" in s.concepts]
    assert len(outage) == 1
    members = set(outage[0].members)
    assert {0, 1, 2, 3, 4} <= members
    assert 6 not in members and 7 not in members


def test_the_words_of_an_outage_wider_than_a_home_and_of_a_home_s_own_fault():
    assert _says_area(matter_for_text("我们这一片都停电了"))
    assert _says_area(matter_for_text("问了邻居也一样，是不是停气了"))
    assert not _says_area(matter_for_text("我家停电了，冰箱里的东西要坏了"))
    assert _OWN_FAULT.search("我家一户没电了，楼上楼下都有电")
    assert not _OWN_FAULT.search("整栋楼都没电了")
