"""Repeat appeals, nineteenth wave: a district said before a station or estate without 区 (江汉唐家墩地铁站) is cut
off the name; 关山口 is 华中科技大学; a leaning wall about to fall, a street with not one lamp lit, a chemical smell
said as 化学品的味道 are read as their problems; 往外冒臭气 is no burst pipe."""
from __future__ import annotations

from insight import compare, matter_for_text


def test_a_district_said_before_a_station_is_cut_off():
    a = matter_for_text("江汉唐家墩地铁站旁边有个井盖不见了，一个大黑洞，晚上看不见")
    assert "唐家墩地铁站" in a.places and "江汉唐家墩地铁站" not in a.places
    b = matter_for_text("唐家墩路口人行道上的窨井盖被偷了，拿个锥桶摆着")
    assert compare(a, b, hours=5).repeat
    # … another station's manhole is another matter
    c = matter_for_text("江岸堤角地铁站旁边井盖丢了，晚上很危险")
    assert "堤角地铁站" in c.places
    assert not compare(a, c, hours=5).repeat
    # … a station named after the district keeps its name
    assert "武昌火车站" in matter_for_text("武昌火车站门口井盖没了").places


def test_guanshankou_is_hust():
    a = matter_for_text("华科南门外面珞喻路东段的工地半夜还在挖，机器声音吵死了")
    b = matter_for_text("关山口这边晚上十二点以后挖掘机还在干活，能不能管一下")
    assert "华中科技大学" in b.places
    assert compare(a, b, hours=20).repeat


def test_a_leaning_old_wall_is_one_danger():
    a = matter_for_text("武昌昙华林里面有栋老房子的墙裂了一条大缝，往外鼓，路过的人很多")
    b = matter_for_text("昙华林巷子里那面老墙歪了，随时会塌，能不能先拉个警戒线")
    assert "facade" in b.concepts
    assert compare(a, b, hours=7).repeat


def test_not_one_lamp_lit_is_a_dark_street():
    assert "streetlight" in matter_for_text("藏龙岛这边大学城的路上晚上一盏灯都没有").concepts
    assert "streetlight" in matter_for_text("群光广场门口的地下通道一点亮都没有").concepts


def test_smell_pouring_out_is_no_burst_pipe():
    m = matter_for_text("我们住金银湖，旁边的垃圾转运站一天到晚都在往外冒臭气")
    assert "pipe_burst" not in m.concepts and "odor" in m.concepts
    assert "pipe_burst" in matter_for_text("路边井盖下面往外冒水，一大片").concepts


def test_a_chemical_smell_said_as_its_taste_is_a_smell():
    assert "odor" in matter_for_text("阳逻这边晚上空气一股化学品的味道，怀疑是工厂偷排").concepts


# (w19-rep2) a district's 城关 is its seat; water in a passage; a road with its area after it


def test_a_districts_chengguan_is_its_seat():
    a = matter_for_text("黄陂前川这边今天一早就停水了，也没有通知")
    b = matter_for_text("我在黄陂城关，家里水龙头拧开没水，请问什么时候能来水")
    assert b.street == a.street is not None
    assert compare(a, b, hours=3).repeat
    # … another district's 城关 is another seat
    c = matter_for_text("江夏城关家里水龙头拧开没水")
    assert c.street is not None and c.street != a.street
    assert not compare(a, c, hours=3).repeat


def test_a_flooded_underpass_and_its_leak_are_one_matter():
    a = matter_for_text("武汉广场门口那个地下通道积水好深，根本进不去")
    b = matter_for_text("解放大道武广那里地下人行通道漏水，墙上渗水，地上全是水")
    assert compare(a, b, hours=4).repeat
    # … a burst pipe on a road is no flooded passage
    c = matter_for_text("武汉广场门口水管爆了，水哗哗往外冒")
    d = matter_for_text("武汉广场门口人行道上有个井盖没了")
    assert not compare(c, d, hours=4).repeat


def test_a_road_with_its_area_after_it_meets_a_place_named_after_the_area():
    a = matter_for_text("建设大道唐家墩那里井盖没了，骑车的人差点掉进去")
    assert a.road_area == ("唐家墩",)
    b = matter_for_text("江汉唐家墩地铁站旁边有个井盖不见了，一个大黑洞，晚上看不见")
    assert compare(a, b, hours=6).repeat
    # … another problem there is another matter
    c = matter_for_text("唐家墩地铁站门口共享单车堆成山")
    assert not compare(a, c, hours=6).repeat
