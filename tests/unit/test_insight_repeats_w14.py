"""Repeat appeals, fourteenth wave: neighbours who open with one district and street, lettered areas and a
university's campuses as parts of a place, and a problem told by its cause and by its consequence."""
from __future__ import annotations

import pytest

from insight import compare, matter_for_text


def test_two_neighbours_opening_with_one_district_and_street_share_no_rare_content():
    a = matter_for_text("黄陂前川这边，鲁台路上有个老人家天天在楼道里烧香")
    b = matter_for_text("黄陂前川这边，鲁台路上那个理发店乱收费")
    assert "前川" not in a.residual and "黄陂" not in a.residual
    assert not compare(a, b, hours=3).repeat


def test_an_area_said_alone_stays_in_the_wording():
    # what a hotspot over the area shares (汉阳这边的自来水发黄 beside 钟家村 / 汉阳大道)
    assert "汉阳" in matter_for_text("汉阳这边的自来水发黄两天了，有没有人管").residual


@pytest.mark.parametrize("a_text,b_text", [
    ("东湖高新区光谷金融港B区地下停车场照明故障", "光谷这边，金融港C区门口的共享单车堆成山"),
    ("武汉理工大学南湖校区外面那条路，每到晚上小吃摊摆得满满的", "武汉理工大学余家头校区门口夜市占道"),
])
def test_two_lettered_areas_or_two_campuses_are_two_places(a_text, b_text):
    assert not compare(matter_for_text(a_text), matter_for_text(b_text), hours=3).repeat


@pytest.mark.parametrize("a_text,b_text", [
    ("汉阳区鹦鹉大道龙阳湖那边，一根电线杆被车撞断了，电线耷拉在地上", "鹦鹉大道电力线路杆被撞倒，造成周边停电"),
    ("江夏区藏龙岛的联投龙湾小区，已经停了两天气了，冬天做不成饭", "江夏藏龙岛联投龙湾小区燃气中断"),
    ("硚口区汉正街的万商白马服装城后门，每天晚上卸货的货车把路堵着，按喇叭按到半夜", "硚口区汉正街万商白马周边货车夜间装卸扰民"),
])
def test_one_matter_in_other_words_is_a_repeat(a_text, b_text):
    assert compare(matter_for_text(a_text), matter_for_text(b_text), hours=3).repeat


def test_a_stops_broken_glass_and_its_late_buses_are_two_matters():
    a = matter_for_text("积玉桥公交站候车亭玻璃碎了一地")
    b = matter_for_text("积玉桥站的公交车老是晚点，等四十分钟")
    assert not compare(a, b, hours=3).repeat
