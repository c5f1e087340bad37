"""Repeat appeals, sixteenth wave (second round): a greenway's or a bank's sections said as X那段, the river bridges
named by their roads (never the 长江大桥 inside their name), a metro gate after the street's own area or after 那边,
people living under a bridge."""
from __future__ import annotations

from insight import compare, matter_for_text


def test_sections_said_with_na_duan_are_two_places():
    a = matter_for_text("东湖绿道落雁那一段有人骑摩托车")
    b = matter_for_text("东湖绿道磨山那段有人骑摩托车")
    assert ("段", "落雁") in a.parts and ("段", "磨山") in b.parts
    assert not compare(a, b, hours=3).repeat
    assert not matter_for_text("汉口江滩那段时间一直有人野泳").parts      # a stretch of time


def test_a_bridge_named_by_its_road_is_not_the_yangtze_bridge():
    a = matter_for_text("二七长江大桥底下有人搭窝棚")
    b = matter_for_text("长江大桥底下有人搭窝棚")
    assert a.places == ("二七长江大桥",) or list(a.places) == ["二七长江大桥"]
    assert not compare(a, b, hours=3).repeat
    assert compare(matter_for_text("二七长江大桥桥下有流浪汉搭了棚子住"), matter_for_text("二七桥下面好多流浪汉"),
                   hours=4).repeat


def test_a_metro_gate_after_its_area_is_the_station():
    assert "宗关地铁站" in matter_for_text("宗关站出口有人摆摊，路都堵了").places
    assert "宗关地铁站" in matter_for_text("解放大道宗关那边地铁口的小摊占了人行道").places
