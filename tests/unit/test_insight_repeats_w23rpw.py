"""Repeat appeals, twenty-third wave (w23-rpw): wrong merges. One object's two ways of going wrong (street lamps dark
/ lit all day, a toilet blocked / locked) are two matters; a home said only as 我们小区 meets a named estate by no
street or area alone; a building's numbered entrance (3单元) is a part of its place; two stretches of one long road,
each named by one name of its own, are two places; water too weak for the upper floors is its building's; an estate
named by its developer's brand after an area or a road is read as a place."""
from __future__ import annotations

import pytest

from insight import compare, matter_for_text
from insight.matter import _parts


def _repeat(a: str, b: str, hours: float = 2) -> bool:
    return compare(matter_for_text(a), matter_for_text(b), hours=hours).repeat


@pytest.mark.parametrize("a, b", [
    ("紫阳公园东门那个公厕堵了，粪水都漫到门口了", "紫阳公园东门的公厕晚上八点就锁了，散步的人没地方上"),
    ("黄浦大街二七路口这一段路灯晚上全不亮，黑漆漆的", "黄浦大街二七路口的路灯大白天也亮着，浪费电"),
])
def test_one_objects_two_ways_of_going_wrong_are_two_matters(a, b):
    assert not _repeat(a, b)


def test_one_way_of_going_wrong_told_twice_is_still_one():
    assert _repeat("紫阳公园东门那个公厕堵了，粪水都漫到门口了", "紫阳公园东门公厕冲不下去，臭得很，没人来通")


def test_a_home_said_only_as_our_estate_meets_no_named_estate_by_its_area():
    assert not _repeat("后湖这边，我们小区垃圾好几天没人拉了，堆在门口", "后湖大道东方恒星园小区的垃圾三天没清运了，臭气熏天",
                       hours=3)


def test_a_buildings_entrance_is_a_part_of_its_place():
    assert ("单元", "3") in _parts("永清街一栋楼3单元有户在装修")
    assert not _repeat("江岸区永清街的一栋楼3单元有户在装修，天天中午砸墙", "永清街那栋楼5单元也在装修，晚上八点多还在敲")


@pytest.mark.parametrize("a, b", [
    ("建设大道新华路体育场门口路面破了好多坑", "建设大道王家墩那一块路面也有坑，晚上骑车差点摔"),
    ("发展大道汉口火车站那一段的路面坑坑洼洼，出租车开过去颠得很", "发展大道竹叶山那边路面也破了，好多坑"),
])
def test_two_stretches_of_one_long_road_are_two_places(a, b):
    assert not _repeat(a, b)


def test_one_stretch_of_a_long_road_told_twice_is_still_one():
    assert _repeat("建设大道王家墩那一块路面有好几个坑", "建设大道王家墩那边路面破了，骑车颠得很")


def test_weak_water_in_two_buildings_is_two_matters():
    assert not _repeat("积玉桥万达华府5栋高层水压太低，二十楼以上水龙头就一点点水", "万达华府3栋也是水压低，洗澡水时有时无",
                       hours=14)


def test_an_estate_named_by_its_brand_after_a_road_is_a_place():
    m = matter_for_text("我是古田二路万达华府的，小区里的垃圾桶满了两天没人清")
    assert "万达华府" in m.places
    assert _repeat("我是古田二路万达华府的，小区里的垃圾桶满了两天没人清", "万达华府的垃圾还是没收，我昨天打过电话的", hours=40)
