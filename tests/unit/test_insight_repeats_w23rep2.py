"""Repeat appeals, twenty-third wave, second recall helper (w23-rep2): an estate said after its area and 的 with no
kind and no developer's brand (沌口的东风阳光城) is a place, and the area then only says where it is; 落雁岛 said as
a scenic area (落雁景区, 东湖落雁); a landmark of the table before 路段 is no road (古德寺路段)."""
from __future__ import annotations

import pytest

from insight import compare
from insight.places import default_gazetteer, matter_for_text


def _m(text: str):
    return matter_for_text(text, gazetteer=default_gazetteer())


def _repeat(a: str, b: str, hours: float = 2) -> bool:
    return compare(_m(a), _m(b), hours=hours).repeat


@pytest.mark.parametrize("text, estate", [
    ("金银湖的银湖翡翠整个小区停电了，到现在还没来", "银湖翡翠"),
    ("沌口的东风阳光城停电了，电梯也停了", "东风阳光城"),
])
def test_an_estate_said_after_its_area_and_de_is_a_place(text, estate):
    assert estate in _m(text).places


def test_the_estate_after_its_area_meets_the_estate_said_with_its_kind():
    assert _repeat("沌口的东风阳光城停电了，冰箱里的东西都要坏了", "东风阳光城小区没电了，一整天了")


def test_two_estates_of_one_area_are_two_places():
    assert "杨春湖" not in _m("杨春湖的东方雅园垃圾好几天没人收了").places
    assert not _repeat("杨春湖的东方雅园垃圾好几天没人收了", "杨春湖那边的锦绣苑小区垃圾也没人收，苍蝇乱飞")


@pytest.mark.parametrize("text, word, kept", [
    ("江汉路的老房子漏水，墙都泡了", "老房子", "江汉路"),
    ("户部巷的小吃价格太坑人了", "小吃价格", None),
    ("协和医院的预约挂号小程序一直显示系统繁忙", "预约挂号小程序", "协和医院"),
])
def test_a_thing_after_de_is_no_estate(text, word, kept):
    places = _m(text).places
    assert word not in places
    if kept:
        assert kept in places


def test_the_scenic_area_said_two_ways_is_one_place():
    assert _repeat("东湖落雁那边的公共厕所锁门了，进不去", "落雁景区的厕所大白天关着门，急死人")


def test_a_landmark_before_its_stretch_is_no_road():
    places = _m("江岸区黄浦大街古德寺路段晚上路灯不亮").places
    assert "古德寺路" not in places and "古德寺" in places


def test_a_station_named_after_its_road_said_by_its_gate_is_the_station_too():
    places = _m("复兴路地铁站C口出来的地砖翘起来了").places
    assert "复兴路地铁站" in places and "复兴路" in places
