"""Repeat appeals, twenty-second wave (w22-rep): an estate said by the area it lies in. landmarks.toml's ``estates``
table says which estates lie in an area citizens name (沌口, 东湖新城, 南湖, 后湖, 光谷 …); an appeal naming only
the area and its home (沌口这边我住的那个小区) and one naming an estate of that area (东合中心小区) within
``similar.estate_area_hours`` are at that estate; two estates of one area stay two places; an estate named after its
area (后湖中一花园) needs no line; an estate of the table said without its kind (关山春晓的自来水) is a place. Words:
停的电 is a power cut, 网络全断 a broadband cut, 漂白粉的味道 the tap water, a 供水管 a pipe (no water cut)."""
from __future__ import annotations

import pytest

from insight import compare, matter_for_text
from insight.hotspots import _head_keys
from insight.matter import _area_said_for_home, _estate_areas_of

ESTATE_WATER = "经开区东合中心小区从早上七点开始就停水了，也没贴通知"
AREA_WATER = "沌口这边今天没水，我住的那个小区一滴都冇得，洗漱都搞不成"
OTHER_ESTATE_LIFT = "车城名仕3栋电梯把人关在里面了，物业半天没人来"


def _cmp(a: str, b: str, hours: float):
    return compare(matter_for_text(a), matter_for_text(b), hours=hours)


def test_an_estate_and_its_area_said_for_home_within_hours_are_one_matter():
    assert _cmp(ESTATE_WATER, AREA_WATER, 2).repeat
    # (w23-rpw2) … for a problem over the area; one estate's own lift is no longer read as the listed estate's
    c = _cmp("美好名流汇3栋电梯困人了，关了半个小时物业才来", "古田这边我们小区的电梯把人关在里头半个钟头，物业慢吞吞的，吓死个人", 5)
    assert not c.repeat
    c = _cmp("融侨华府旁边的工地凌晨一点还在施工，噪音太大了", "古田这边我们小区旁边那个工地半夜还在打桩，吵得一晚上没睡", 5)
    assert c.repeat and c.same_place == "融侨华府"


def test_an_estate_and_its_area_days_apart_are_not():
    assert not _cmp(ESTATE_WATER, AREA_WATER, 60).repeat


def test_a_nuisance_at_an_estate_and_at_home_in_its_area_is_one_matter():
    c = _cmp("保利心语小区旁边的工地晚上十二点了还在打桩", "杨春湖这块半夜施工吵死人，我们小区就挨着工地，一晚上都没睡着", 20)
    assert c.repeat and "保利心语" in c.same_place


@pytest.mark.parametrize("a, b", [
    (OTHER_ESTATE_LIFT, ESTATE_WATER),                                         # two estates, two problems
    ("华锦花园小区里狗屎到处都是，一不小心就踩到", "宝安花园小区里好多狗屎没人捡"),      # two estates of 南湖, one problem
])
def test_two_estates_of_one_area_are_two_places(a, b):
    assert not _cmp(a, b, 2).repeat


def test_an_area_said_without_a_home_is_no_estate_of_it():
    # a street lamp of the area's roads is not the estate's
    assert not _cmp("华锦花园门口的路灯坏了，晚上黑漆漆的", "南湖这边的路灯坏了好几盏", 2).repeat


def test_an_estate_named_after_its_area_needs_no_line():
    c = _cmp("后湖中一花园停电了，一栋楼都是黑的", "后湖这边我们小区晚上八点停的电，到现在都没来，热死了", 1)
    assert c.repeat
    assert ("后湖", "后湖中一花园") in _estate_areas_of(("后湖中一花园",))


def test_a_place_of_another_name_is_not_said_by_its_area_alone():
    assert _area_said_for_home(("东湖高新区", "花山碧桂园生态城"), ()) is None
    assert _area_said_for_home(("南湖", "小区好多人"), ()) == "南湖"
    assert _area_said_for_home(("东湖高新区",), ()) == "光谷"      # an area's other name ([hotspots.areas])


def test_an_estate_of_the_table_said_without_its_kind_is_a_place():
    assert "关山春晓" in matter_for_text("关山春晓的自来水有一股漂白粉的味道").places


@pytest.mark.parametrize("text, concept", [
    ("后湖这边我们小区晚上八点停的电，到现在都没来", "power_out"),
    ("藏龙岛我们小区网络全断了，小孩上网课都上不了", "broadband"),
    ("关山春晓的自来水有一股漂白粉的味道", "tap_water"),
    ("武昌白沙洲大道供水管道爆裂，路面大面积积水", "pipe_burst"),
])
def test_words_citizens_use_name_the_problem(text, concept):
    assert concept in matter_for_text(text).concepts


def test_a_water_main_is_no_water_cut():
    assert "water_out" not in matter_for_text("武昌白沙洲大道供水管道爆裂，路面大面积积水").concepts


def test_a_hotspot_place_cluster_is_no_area_of_estates():
    lookup, keys = _head_keys("东合中心小区")
    assert not [k for k in lookup + keys if k.startswith("ea:")]


@pytest.mark.parametrize("text", [
    "洪山区关山街关山春晓小区自来水有异味",
    "光谷这边我们小区的水今天消毒水味道好重，还能不能喝啊",
    "珞南街道卓刀泉小区的自来水闻着有消毒水的味道，太重了",
])
def test_a_smell_of_the_water_from_the_tap_is_the_tap_water(text):
    concepts = matter_for_text(text).concepts
    assert "tap_water" in concepts and "odor" not in concepts


@pytest.mark.parametrize("text", ["湖里的水有股臭味", "楼下的垃圾桶一股臭味"])
def test_a_lake_or_a_bin_smells_of_itself(text):
    assert "tap_water" not in matter_for_text(text).concepts


def test_the_tap_water_told_by_its_smell_and_by_its_taste_is_one_matter():
    assert _cmp("关山春晓的自来水有一股漂白粉的味道", "洪山区关山街关山春晓小区自来水有异味", 6).repeat


def test_a_stretch_said_by_the_estate_at_it_is_no_road_of_its_own():
    places = matter_for_text("汉阳区四新北路保利中央公馆路段大货车违停").places
    assert not any(p.endswith("中央公馆路") for p in places)
    assert "江汉路" in matter_for_text("解放大道江汉路段堵车").places       # a road's own stretch stays the road
    assert _cmp("保利中央公馆门口的路上大货车乱停，占了一整条道", "汉阳区四新北路保利中央公馆路段大货车违停", 20).repeat
