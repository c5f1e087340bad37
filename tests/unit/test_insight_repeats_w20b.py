"""Repeat appeals, twentieth wave's second round (w20-rep2): the way said with a negation or seeing
(骑车看不见路, 找不到路) and a street lamp (那一片路灯) are no roads; the memo of the shared place reads the street
an appeal says, as the two-sections rule does."""
from __future__ import annotations

import pytest

from insight import matter_for_text
from insight.matter import _shared_place


def test_the_way_said_with_a_negation_is_no_road():
    for text in ("珞喻路那边路灯全坏了，骑车看不见路", "晚上太黑了走着都看不清路，在光谷大道",
                 "绕了半天找不到路，友谊大道那边指示牌没了"):
        places = matter_for_text(text).places
        assert not any(p.endswith("路") and ("不" in p or "看" in p) for p in places), places
    assert "珞喻路" in matter_for_text("珞喻路那边路灯全坏了，骑车看不见路").places


def test_a_street_lamp_is_no_road():
    places = matter_for_text("鲁磨路地质大学门口那一片路灯不亮").places
    assert not any(p.endswith("片路") for p in places), places
    assert "鲁磨路" in places
    assert "鲁磨路" in matter_for_text("鲁磨路路灯晚上不亮").places


def test_the_shared_place_memo_reads_the_street_said():
    plain = matter_for_text("硚口区解放大道路面塌了一块，晚上看不见特别危险")
    by_area = matter_for_text("硚口区宗关那边解放大道路面塌了一块，晚上看不见特别危险")
    crossing = matter_for_text("解放大道硚口路口那里路面也有坑，车过去颠得很")
    assert (plain.district, plain.places) == (by_area.district, by_area.places)
    assert plain.street_said != by_area.street_said
    _shared_place(plain, crossing)
    assert _shared_place(by_area, crossing) == _shared_place.__wrapped__(by_area, crossing)
    assert _shared_place(by_area, crossing) is None


@pytest.mark.parametrize("two, one", [
    # two landmarks of the table on one long road; one of them said by its full and its short name
    (("武昌区武珞路宝通寺门口的公交站牌被车撞歪了", "武昌区武珞路首义那边公交站的站牌也歪了"),
     ("武昌区武珞路首义那边公交站的站牌也歪了", "武昌区武珞路首义广场公交站的站牌被撞歪了")),
    # … a spot the table does not know may be the other's by another name: left to the other rules
    (("武昌区武珞路宝通寺门口的公交站牌被车撞歪了", "武昌区武珞路首义那边公交站的站牌也歪了"),
     ("武昌区武珞路首义广场公交站的站牌被撞歪了", "武昌区武珞路那个老菜场门口公交站牌歪了")),
    # 光谷软件园 (软件园) and 光谷天地: two places of 关山大道
    (("关山大道软件园那一段下点雨就淹，排水太差了", "关山大道光谷天地那边也淹了"),
     ("关山大道软件园那一段下点雨就淹，排水太差了", "东湖高新关山大道光谷软件园路段积水严重")),
])
def test_landmarks_on_one_long_road_are_two_sections(two, one):
    assert _shared_place(*map(matter_for_text, two)) is None
    assert _shared_place(*map(matter_for_text, one)) is not None
