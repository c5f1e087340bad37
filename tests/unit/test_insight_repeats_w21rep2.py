"""Repeat appeals, twenty-first wave, second round (w21-rep2): a word of position ends an area's name, not a
road's (徐东那块路上: the road there, at 徐东); a problem shouted alone as the first clause (路灯！金色港湾门口！)
leaves the name to the next clause; a dark road told as the citizen finds it (伸手不见五指, 灯都是坏的) is a street
lamp out."""
from __future__ import annotations

import pytest

from insight import matter_for_text


@pytest.mark.parametrize("text, area", [
    ("徐东那块路上全是积水，车子过不去", "徐东"),
    ("我们杨园这边路上天天有人倒垃圾", "杨园"),
    ("古田那一块路上臭得要命", "古田"),
])
def test_a_word_of_position_ends_an_area_not_a_road(text, area):
    places = matter_for_text(text).places
    assert not any(p.endswith("路") and p.startswith(area) and len(p) > len(area) + 1 for p in places), places


@pytest.mark.parametrize("text, name", [
    ("路灯！金色港湾门口！一个月了！", "金色港湾"),
    ("停水！锦绣龙城！从早上到现在！", "锦绣龙城"),
])
def test_a_problem_shouted_first_leaves_the_name_to_the_next_clause(text, name):
    assert name in matter_for_text(text).places


@pytest.mark.parametrize("text", ["晚上回家那段路伸手不见五指，怕得很", "小区里的灯都是坏的，晚上没法走"])
def test_a_dark_way_told_as_found_is_a_street_lamp_out(text):
    assert "streetlight" in matter_for_text(text).concepts


@pytest.mark.parametrize("text, name", [
    ("杨树二区今天一天都没水", "杨树二区"),
    ("修路的把管子挖破了，旁边的松林五区全停水", "松林五区"),
])
def test_a_numbered_district_is_a_place_and_its_problem_word_is_no_problem(text, name):
    m = matter_for_text(text)
    assert name in m.places and "tree" not in m.concepts


@pytest.mark.parametrize("text", ["我家楼下广场上天天有人打篮球到半夜", "住的楼前广场晚上跳舞的音响太大"])
def test_the_square_downstairs_is_no_name(text):
    assert not any(p.startswith(("楼下", "楼前")) for p in matter_for_text(text).places)


@pytest.mark.parametrize("text", ["我们小区5栋顶楼有人搭棚子，属于违建", "楼顶上搭了棚子，违章搭建没人管"])
def test_a_shed_on_a_building_is_the_illegal_building_not_a_rough_sleeper(text):
    concepts = matter_for_text(text).concepts
    assert "illegal_building" in concepts and "homeless" not in concepts


@pytest.mark.parametrize("text, area", [("吉庆街那边美食街烧烤摊半夜还在吵", "吉庆街"), ("江汉路这边小吃一条街的油烟大", "江汉路")])
def test_a_street_of_one_trade_is_a_kind_not_a_name(text, area):
    places = matter_for_text(text).places
    assert area in places and not any(p.endswith(("美食街", "一条街")) for p in places), places


@pytest.mark.parametrize("text, name", [
    ("您好，本人系汉阳区四新海伦堡业主，现反映小区门口积水问题", "四新海伦堡"),
    ("我是江夏区庙山五月天的住户，小区楼下天天晚上有人烧烤", "庙山五月天"),
])
def test_the_estate_a_citizen_owns_is_a_place(text, name):
    assert name in matter_for_text(text).places


@pytest.mark.parametrize("text", ["烧烤店的油烟熏人，窗户都不敢开", "楼下饭馆油烟太大，熏得老人咳嗽"])
def test_smoke_that_stings_is_the_fumes_not_a_smell(text):
    concepts = matter_for_text(text).concepts
    assert "fumes" in concepts and "odor" not in concepts


def test_a_smell_named_beside_the_smoke_stays():
    assert "odor" in matter_for_text("垃圾站臭味熏得人受不了，旁边饭馆油烟也大").concepts
