"""Repeat appeals, thirtieth wave (w30-rpb, the place side and hard negatives): a name said after a road's 上 and the
word for near (新华路上靠近武汉商场那站) is that name, not 上靠近武汉商场; a hospital's campus said without 省
(人民医院东院) or after the hospital's full name (湖北省人民医院东院) is the campus, never the main campus, and a fine
place as its hospital is. A crossing's lights out against people running its red, an estate's charging posts broken
against their price, a kitchen's smoke against its fan's hum: two matters each. A university's main campus said by its
name (财大南湖校区, 理工大马房山校区) is the university named alone, its other campuses places apart. A slip of a known name said with its station or
footbridge (积玉乔地铁站, 钟家春天桥) is that name with it."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from test_insight_repeats_w24b import _groups, _one   # (tests/unit on the path: the wave-24 test's helpers)

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def test_a_name_after_the_roads_shang_and_near_word():
    from insight.matter import matter_of

    m = matter_of("新华路上靠近武汉商场那站的公交站牌字都看不清了")
    assert "武汉商场" in m.places and not any(p.startswith("上") for p in m.places)


def test_a_campus_said_without_its_province_is_the_campus():
    from insight.matter import matter_of

    for text in ("人民医院东院门口电动车乱停一大片", "湖北省人民医院东院门口电动车乱停"):
        assert matter_of(text).places == ("省人民医院东院",), text


def test_the_campus_and_the_main_campus_are_two_places():
    g = _groups(["湖北省人民医院门口电动车乱停，人行道都堵死了", "人民医院东院门口电动车乱停一大片，光谷那边也没人管"], [0, 25])
    assert not _one(g, 0, 1)


def test_one_campus_said_two_ways_stays_one():
    g = _groups(["人民医院东院门口电动车乱停一大片", "省人民医院东院门口电瓶车停得到处都是，人行道走不通"], [0, 8])
    assert _one(g, 0, 1)


# (texts, their hours): the first and the last are one matter, the middle one another at the same place
_TOLD_APART = [
    # a crossing's lights out against people running its red
    (["徐东大街和友谊大道路口红绿灯坏了，一直不亮", "徐东大街友谊大道路口好多电动车闯红灯，太危险了",
      "徐东大街友谊大道口的信号灯坏了，车和人乱走"], [0, 2, 5]),
    # an estate's charging posts broken against their price
    (["金地自在城的充电桩坏了一大半，电瓶车没法充电", "金地自在城小区充电桩收费太贵了，充一次要三块钱",
      "金地自在城充电桩好多都坏了，插上没反应"], [0, 3, 6]),
    # a kitchen's smoke against its exhaust fan's hum at night
    (["楼下那家烤鱼店厨房油烟直排，熏得我家窗户全是油，就在南湖大道中央花园", "南湖大道中央花园楼下烤鱼店的排风扇半夜一直嗡嗡响，吵得睡不着",
      "南湖大道中央花园楼下烤鱼店油烟太大，家里都是油烟味"], [0, 4, 8]),
]


@pytest.mark.parametrize(("texts", "hours"), _TOLD_APART)
def test_the_middle_appeal_is_another_matter(texts, hours):
    g = _groups(texts, hours)
    assert _one(g, 0, 2) and not _one(g, 0, 1) and not _one(g, 1, 2)


def test_a_campus_is_a_fine_place_apart_from_the_area_s_street():
    # the campus said by its area (光谷) and a shopping street of that area: two places, not the area both name
    g = _groups(["光谷步行街大门口网约车出租车乱停乱靠，车过不去", "人民医院东院光谷那边停车场满了，车排到高新大道上"], [0, 5])
    assert not _one(g, 0, 1)


def test_a_university_s_main_campus_said_by_its_name_is_the_university():
    g = _groups(["中南财经政法大学门口夜里烧烤摊油烟好大", "财大南湖校区大门外面烧烤摊熏人，晚上油烟散不开"], [0, 14])
    assert _one(g, 0, 1)
    g = _groups(["武汉理工大学门口共享单车堆成山，人都走不过去", "理工大马房山校区门口单车乱停，堵了半条路"], [0, 10])
    assert _one(g, 0, 1)


def test_the_main_campus_and_another_campus_stay_two():
    g = _groups(["财大南湖校区大门外面烧烤摊熏人，晚上油烟散不开", "中南财经政法大学首义校区门口烧烤摊油烟大"], [0, 3])
    assert not _one(g, 0, 1)
    g = _groups(["理工大马房山校区门口单车乱停，堵了半条路", "理工大南湖校区门口共享单车堆成山"], [0, 2])
    assert not _one(g, 0, 1)


def test_a_slip_of_a_known_name_said_with_its_station_or_footbridge():
    from insight.matter import _known_of_slip

    assert _known_of_slip("积玉乔地铁站") == "积玉桥地铁站"
    assert _known_of_slip("钟家春天桥") == "钟家村天桥"
    g = _groups(["积玉桥地铁站出口共享单车乱停，人都出不来", "积玉乔地铁站出口单车停得乱七八糟"], [0, 4])
    assert _one(g, 0, 1)
