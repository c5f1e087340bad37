"""Repeat appeals, seventeenth wave: a lake said with its water or named first is the place; what fouls a lake told
by its act or by what it lets in is one pollution; a bridge said by its road and 桥; a landmark by its area and
kind (司门口那条小吃街); a metro gate after a road that is the street's name; families for fireworks, car-park
barriers, bus shelters; another end of a road is elsewhere."""
from __future__ import annotations

from insight import compare, matter_for_text


def test_a_lake_said_with_its_water_is_the_place():
    assert matter_for_text("东湖水面上垃圾一大片，岸边全是白色垃圾").places == ("东湖",)
    assert matter_for_text("武昌东湖湖边漂浮垃圾没人打捞").places == ("东湖",)
    assert "南湖" in matter_for_text("南湖有人往湖里排污水，水都发黑了").places
    # a district's name and an estate named after a lake are no lake
    assert "东西湖" not in matter_for_text("东西湖区金银湖那边的湖里死了好多鱼").places
    assert "南湖" not in matter_for_text("南湖花园小区门口有个大坑，湖边的路也烂了").places


def test_what_fouls_a_lake_is_one_pollution():
    a = matter_for_text("洪山区南湖边上有家餐馆往湖里倒泔水，湖边臭烘烘的")
    b = matter_for_text("南湖有人往湖里排污水，水都发黑了，一股馊味")
    assert compare(a, b, hours=5).repeat
    # … but litter thrown in by anglers at another end of the lake is not
    c = matter_for_text("江夏汤逊湖边上有个厂子往湖里排黑水")
    d = matter_for_text("汤逊湖另一边纸坊那头的湖里钓鱼的人乱扔垃圾")
    assert not compare(c, d, hours=5).repeat


def test_a_landmark_by_its_area_and_kind():
    a = matter_for_text("户部巷里面的店把垃圾都堆在巷子口，几天没人收，臭得很")
    b = matter_for_text("武昌司门口那条小吃街垃圾没人清运，苍蝇到处飞")
    assert compare(a, b, hours=6).repeat


def test_a_gate_after_the_streets_road_is_its_station():
    assert "中南路地铁站" in matter_for_text("中南路那边的地铁口有几个算命的天天在").places
    a = matter_for_text("武昌中南路地铁站出口外面有人摆摊算命，还拉人")
    b = matter_for_text("中南路那边的地铁口有几个算命的天天在，拽着路人不放")
    assert compare(a, b, hours=10).repeat


def test_an_estate_named_after_a_landmark_alias_is_the_estate():
    assert "积玉桥万达广场" not in matter_for_text("积玉桥万达公馆楼上水小得很").places
    assert "积玉桥万达广场" in matter_for_text("和平大道积玉桥万达附近路边有人卖鞭炮").places


def test_fireworks_are_no_cigarettes():
    m = matter_for_text("积玉桥那边一到晚上就有人在路边卖烟花爆竹")
    assert "fireworks" in m.concepts and "tobacco_minors" not in m.concepts


def test_another_end_of_a_road_is_another_place():
    a = matter_for_text("南湖大道南湖花园门口路面塌了个坑，骑车的人摔倒了")
    b = matter_for_text("南湖大道另一头靠雄楚大道的地方也有个坑")
    assert not compare(a, b, hours=3).repeat


def test_a_greenway_section_said_by_where_it_is():
    a = matter_for_text("东湖绿道磨山那段电动车骑得飞快，散步的人被撞了")
    b = matter_for_text("东湖风景区磨山绿道里总有人骑电瓶车，速度很快，带孩子走很危险")
    assert compare(a, b, hours=4).repeat
    # … another section of it is another place
    assert not compare(a, matter_for_text("东湖绿道听涛那一段电瓶车开得飞快，很危险"), hours=4).repeat


def test_a_sites_night_work_is_not_its_trucks_running_lights():
    a = matter_for_text("汉阳四新这边的方岛大街上，渣土车晚上闯红灯开得飞快")
    b = matter_for_text("四新方岛大街有个工地晚上打桩")
    assert not compare(a, b, hours=20).repeat
    # … while its night work told with its noise is one matter
    assert compare(matter_for_text("四新方岛大街工地晚上打桩吵得睡不着"), b, hours=20).repeat


def test_one_areas_outage_said_by_two_of_its_names():
    from insight import group

    ms = [matter_for_text(t) for t in ("关山这边从早上八点停电到现在，空调都开不了", "光谷片区大面积停电好几个小时了",
                                       "东湖高新这块停电半天了，供电局也没个通知", "沌口这边今天也停电了")]
    g = group(ms, [0, 3 * 3600, 5 * 3600, 4 * 3600])
    assert g[0] is not None and g[0] == g[1] == g[2] and g[3] != g[0]
