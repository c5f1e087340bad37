"""Repeat appeals, sixteenth wave: a landmark and its road said alone, numbered 街坊 blocks, a metro station said by
its gate or after its name and 那个, honking said 喇叭按, dogs nobody keeps."""
from __future__ import annotations

import pytest

from insight import compare, matter_for_text
from insight.matter import group


def test_a_landmark_and_its_road_said_alone_with_one_problem_plainly_shared():
    a = matter_for_text("徐东销品茂门口燃气味很重，怕是漏气了")
    b = matter_for_text("武昌徐东大街上一股天然气的味道，是不是哪里漏气了")
    assert compare(a, b, hours=2).repeat
    assert group([a, b], [0.0, 2 * 3600.0]) == [1, 1]


@pytest.mark.parametrize("a_text,b_text", [
    ("徐东销品茂门口燃气味很重，怕是漏气了", "徐东大街上的路灯一排都不亮"),                  # another problem
    ("徐东销品茂门口燃气味很重，怕是漏气了", "徐东大街东湖港湾小区楼道里一股煤气味"),         # a finer place on the road
])
def test_a_landmark_and_its_road_stay_two_otherwise(a_text, b_text):
    assert not compare(matter_for_text(a_text), matter_for_text(b_text), hours=2).repeat


def test_numbered_blocks_of_a_works_estate_are_places():
    a = matter_for_text("青山区红钢城九街坊的楼道灯坏了一个月，晚上黑漆漆的")
    b = matter_for_text("九街坊那边楼道里的灯坏了，上下楼看不见")
    assert "红钢城九街坊" in a.places and "九街坊" in b.places
    assert compare(a, b, hours=5).repeat
    c = matter_for_text("青山区红钢城十一街坊楼道灯坏了")
    assert not compare(a, c, hours=5).repeat        # another block


@pytest.mark.parametrize("text", ["常码头站出口的扶梯坏了好几天", "常码头地铁口的扶梯不动了", "喂，常码头那个地铁口，扶梯不动了", "范湖站出口的扶梯停了"])
def test_a_metro_station_said_by_its_gate_is_the_station(text):
    assert any(p in ("常码头地铁站", "范湖地铁站") for p in matter_for_text(text).places)


def test_a_railway_station_gate_stays_the_railway_station():
    assert "宗关地铁站" not in matter_for_text("汉口站出口的扶梯坏了").places
    assert not any(p.endswith("地铁站") for p in matter_for_text("汉口站出口的扶梯坏了").places)


def test_honking_is_noise_and_dogs_nobody_keeps_are_stray():
    assert "square_dance" not in matter_for_text("半夜送货的车来来往往，喇叭按个不停").concepts
    assert "stray_dog" in matter_for_text("公园里那些没人管的狗好凶").concepts
