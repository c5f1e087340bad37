"""Repeat appeals, twenty-second wave (w22-rep3): one matter whose place is said two ways, and two spots of one long
road or park kept apart. A home said by the road named after its area (万松园路那边我们小区) is at the estate of that
area another appeal names (estates table); a riverside park and its road (landmarks.toml ``on``: 汉口江滩 /
沿江大道); a spot and what stands at it named after it (循礼门 / 循礼门地铁站) are one spot; a landmark named after
the road both say (东湖路东湖宾馆) is no stem shared with the road; two spots of a park (汉口江滩粤汉码头 / 三阳路) and
a crossing against a spot of one road (沿江大道江汉路口 / 粤汉码头) are two places."""
from __future__ import annotations

import pytest

from insight import compare, matter_for_text
from insight.matter import _area_by_its_road, _one_spot


def _cmp(a: str, b: str, hours: float):
    return compare(matter_for_text(a), matter_for_text(b), hours=hours)


def test_a_home_said_by_the_road_named_after_its_area_is_at_that_areas_estate():
    c = _cmp("万松园路那边我们小区停水一上午了，做饭都没得水", "新华家园从早上就没水了，也不晓得什么时候来", 5)
    assert c.repeat and "新华家园" in c.same_place


def test_the_road_named_after_an_area_said_without_a_home_is_a_road():
    assert _area_by_its_road(("四新大道",), ()) == "四新"
    assert _area_by_its_road(("四新大道", "保利中央公馆"), ()) is None
    assert not _cmp("万松园路上的路灯坏了好几盏", "新华家园的路灯坏了好几盏", 5).repeat


def test_a_riverside_park_and_its_road_are_one_place():
    assert _cmp("汉口江滩里面垃圾好多没人捡，塑料瓶子到处都是", "沿江大道那边江边上垃圾好多，没人打扫", 4).repeat


@pytest.mark.parametrize("a, b", [
    ("汉口江滩粤汉码头那块的路灯都不亮", "汉口江滩三阳路那边路灯坏了，黑黢黢的"),          # two spots of a long park
    ("汉口江滩粤汉码头那块的路灯都不亮", "沿江大道三阳路口那里路灯坏了，黑黢黢的"),
    ("沿江大道江汉路口共享单车堆满了人行道", "沿江大道粤汉码头那里共享单车乱停，挡着路"),     # a crossing, a pier
    ("东湖路省博物馆门口的红绿灯坏了", "东湖路东湖宾馆门口的红绿灯不亮"),                   # two landmarks of 东湖路
    ("解放大道循礼门地铁站旁边路面塌了个坑", "解放大道中山公园正门那里路面塌了个坑"),          # two spots of 解放大道
])
def test_two_spots_of_one_long_road_or_park_are_two_places(a, b):
    assert not _cmp(a, b, 3).repeat


def test_a_spot_and_what_stands_at_it_are_one_spot():
    assert _one_spot(["循礼门", "循礼门地铁站"]) == ["循礼门"]
    assert _one_spot(["循礼门", "武汉广场"]) == ["循礼门", "武汉广场"]
    assert _cmp("解放大道循礼门那里路面塌了一个坑", "循礼门地铁站出来解放大道上有个大坑", 3).repeat
