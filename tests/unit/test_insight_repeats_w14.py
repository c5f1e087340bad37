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


# w14-rep2: an escalator and a lift, a loose fixture's rattle, a scrap yard told two ways, a landmark beside a place

@pytest.mark.parametrize("a_text,b_text", [
    ("洪山区街道口地铁站A口的扶梯坏了，天天走楼梯", "街道口地铁站A口的无障碍直梯不能用了，轮椅下不去"),
    ("武昌火车站候车厅的滚梯一直不动", "武昌火车站候车厅的直梯把人关在里面半个小时"),
])
def test_an_escalator_and_a_lift_at_one_place_are_two_matters(a_text, b_text):
    assert not compare(matter_for_text(a_text), matter_for_text(b_text), hours=3).repeat


def test_an_escalator_said_two_ways_is_one_matter():
    a = matter_for_text("武昌火车站候车厅的滚梯一直不动")
    b = matter_for_text("武昌火车站候车厅自动扶梯停运")
    assert compare(a, b, hours=3).repeat


def test_a_loose_signs_rattle_in_the_wind_is_no_noise():
    m = matter_for_text("江岸区黄浦大街一家店的招牌松了，风一吹就哐哐响，怕砸到人")
    assert "facade" in m.concepts and "noise" not in m.concepts
    other = matter_for_text("黄浦大街店铺招牌松动，存在坠落隐患")
    assert "road_damage" not in other.concepts
    assert compare(m, other, hours=3).repeat


def test_a_scrap_yard_told_by_its_obstruction_and_by_its_rubbish_is_one_matter():
    a = matter_for_text("江汉区唐家墩路有个废品站，东西堆到路上，把人行道都占了")
    b = matter_for_text("唐家墩路那个收废品的，破烂堆成山，臭得很，老鼠乱窜")
    assert "stall" not in a.concepts
    assert compare(a, b, hours=3).repeat


def test_a_landmark_beside_a_place_names_the_place():
    a = matter_for_text("武昌区首义广场旁边的路灯坏了一排，晚上黑漆漆的")
    b = matter_for_text("红楼门口那一排路灯晚上都不亮")
    assert compare(a, b, hours=3).repeat


def test_street_lamps_all_dark_are_no_power_cut():
    assert "power_out" not in matter_for_text("四新片区晚上路灯全黑了").concepts


def test_a_landmarks_alias_before_its_crossing_is_the_landmark():
    # 汉街路口 is the crossing at 汉街 (楚河汉街), no road 汉街路
    assert "楚河汉街" in matter_for_text("汉街路口的共享单车堆满了人行道").places


def test_plain_lift_word_says_no_kind():
    # a mall's 电梯 is often its escalator: plain 电梯 never tells an escalator apart
    a = matter_for_text("武商广场里面的电梯坏了，停了好几天")
    b = matter_for_text("武商广场的扶梯坏了好几天了")
    assert compare(a, b, hours=3).repeat


@pytest.mark.parametrize("a_text,b_text", [
    ("经开区每天晚上一股刺鼻的化工味，窗户都不敢开", "武汉经济技术开发区夜间有刺激性异味"),
    ("经开万达广场地下停车场乱收费，说好两小时免费结果还收钱", "沌口万达停车场免费时间不兑现，多收停车费"),
    ("武汉长江二桥桥下那个路口红绿灯坏了", "二桥下面的路口信号灯不亮，差点撞到人"),
])
def test_one_place_said_by_two_names_is_one_place(a_text, b_text):
    assert compare(matter_for_text(a_text), matter_for_text(b_text), hours=3).repeat


@pytest.mark.parametrize("a_text,b_text", [
    ("光谷坐标城小区地下车库积水有半米深", "光谷金地太阳城地下车库积水"),
    ("光谷这边停水了，到现在还没来", "经开区这边下午也停水了"),
    ("武汉长江二桥桥下那个路口红绿灯坏了", "长江大桥桥头那个路口红绿灯坏了"),
])
def test_two_estates_of_one_area_or_two_areas_stay_apart(a_text, b_text):
    assert not compare(matter_for_text(a_text), matter_for_text(b_text), hours=3).repeat


def test_an_estate_named_after_its_area_is_not_the_area():
    # 光谷 begins the estates' names (光谷坐标城, 光谷关山春晓): the estate, not the whole area
    assert "光谷" not in matter_for_text("光谷坐标城小区地下车库积水").places
    assert "光谷" not in matter_for_text("光谷关山春晓楼下烧烤摊烟太大").places
