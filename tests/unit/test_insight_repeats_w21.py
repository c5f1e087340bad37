"""Repeat appeals, twenty-first wave (w21-rep): problems citizens tell in words the concepts did not know —
dust settling on balconies and sills (落灰, 黑灰, 空气不好) is the pollution an official letter calls 颗粒物; a
walking group marching on the road (暴走团) is one problem; touts pressing incense on visitors (塞香, 拉着人不放); a
parking fee told as 停个车被人收了; a flooded garage (地下停车场进水) is flooding, not parking. Places: a way said into
an estate (进中央花园) names the estate; a crossing of a long road and an estate on it are two spots. Causes: a burst
main and the street it floods, a blocked drain and the water over it, are one matter."""
from __future__ import annotations

import pytest

from insight import compare, matter_for_text


@pytest.mark.parametrize("text, concept", [
    ("青山区红卫路那边最近落灰好严重，阳台晾的衣服一天就黑了", "pollution"),
    ("红卫路这边空气不好，窗台上一层黑灰", "pollution"),
    ("反映某区大气颗粒物超标", "pollution"),
    ("黄陂广场晚上暴走团喊口号，一大群人占着马路走", "walk_group"),
    ("归元寺门口有人强行往游客手里塞香", "tout"),
    ("卖香的拉着人不放，不买就骂人", "tout"),
    ("东湖边上停个车被人收了二十块钱", "parking_fee"),
])
def test_words_citizens_use_name_the_problem(text, concept):
    assert concept in matter_for_text(text).concepts


def test_dust_in_experience_and_in_official_words_is_one_matter():
    a = matter_for_text("青山区红卫路那边最近落灰好严重，阳台晾的衣服一天就黑了")
    b = matter_for_text("反映青山区红卫路周边大气颗粒物污染严重")
    assert compare(a, b, hours=12).repeat


def test_a_walking_group_told_in_one_line_and_in_a_call_is_one_matter():
    a = matter_for_text("黄陂广场晚上暴走团喊口号，一大群人占着马路走")
    b = matter_for_text("喂，我是黄陂前川的，就是黄陂广场那边啊，每天晚上有一帮人排着队在马路上走，放着音乐喊一二一")
    assert compare(a, b, hours=24).repeat


def test_a_way_said_into_an_estate_names_the_estate():
    from insight.matter import _going_into_estate
    assert _going_into_estate("进中央花园") == "中央花园"
    assert _going_into_estate("进入百步亭花园") == "百步亭花园"
    assert _going_into_estate("进步小区") == "进步小区"      # the name left would be too short: a name of its own
    assert "中央花园" in matter_for_text("洪山区南湖大道进中央花园那个路口信号灯不工作，车乱开").places


def test_a_crossing_and_an_estate_of_one_long_road_are_two_spots():
    at_estate = matter_for_text("洪山区南湖大道进中央花园那个路口信号灯不工作，车乱开")
    at_crossing = matter_for_text("洪山区南湖大道丁字桥路口的红绿灯坏了")
    assert not compare(at_estate, at_crossing, hours=5).repeat
    same = matter_for_text("洪山区南湖中央花园门口那个路口红绿灯坏了，一直闪黄灯")
    assert compare(at_estate, same, hours=3).repeat


def test_a_flooded_garage_is_no_parking_complaint():
    flooded = matter_for_text("菱角湖万达地下停车场进水了，车都泡了")
    assert "flooding" in flooded.concepts and "parking" not in flooded.concepts
    bikes = matter_for_text("菱角湖万达门口共享单车堆满了")
    assert not compare(flooded, bikes, hours=7).repeat
    assert compare(flooded, matter_for_text("唐家墩路万达广场车库被淹，谁来抽水"), hours=1).repeat


def test_a_burst_main_and_the_street_it_floods_are_one_matter():
    a = matter_for_text("洪山区卓刀泉南路有根水管爆了，水往上喷了一米多高")
    b = matter_for_text("卓刀泉南路积水很深，行人蹚水走")
    assert compare(a, b, hours=2).repeat


def test_a_name_pointed_at_from_where_the_citizen_stands_is_a_place():
    assert "水岸国际" in matter_for_text("徐家棚地铁站出口出来对面就是水岸国际，门口马路上一个深坑").places
    at_gate = matter_for_text("和平大道徐家棚这段路面破了个大洞，就在水岸国际门口")
    assert "水岸国际" in at_gate.places
    estate = matter_for_text("福星惠誉水岸国际小区大门口那条路上有个大坑，电动车摔了好几个")
    assert compare(estate, at_gate, hours=20).repeat
    assert matter_for_text("旁边就是垃圾站，臭死了").places == ()


def test_a_thing_counted_is_no_place():
    assert matter_for_text("黄浦大街上一棵大树倒了压在路中间，车全堵着").places == ("黄浦大街",)
    assert "三棵树路" in matter_for_text("三棵树路口积水").places


def test_a_recycling_point_piled_up_is_a_scrap_yard_not_parking():
    m = matter_for_text("解放大道宗关站出口边上的回收站乱堆乱放，消防隐患很大")
    assert "scrap_yard" in m.concepts and "parking" not in m.concepts
    a = matter_for_text("硚口宗关地铁站旁边那个废品收购站，纸壳子塑料瓶堆得跟山一样，占了半边路")
    assert compare(a, m, hours=20).repeat


def test_a_jam_told_with_its_cause_heard_is_the_cause_matter():
    tree = matter_for_text("黄浦大街上一棵大树倒了压在路中间，车全堵着")
    jam = matter_for_text("黄浦大街这边怎么堵死了，听说前面倒了棵树，公交都不走了")
    assert compare(tree, jam, hours=1).repeat


def test_the_stop_a_citizen_points_from_is_not_the_place():
    faced = matter_for_text("徐家棚地铁站出口出来对面就是水岸国际，门口马路上一个深坑，晚上看不清")
    assert faced.places == ("水岸国际",)
    estate = matter_for_text("福星惠誉水岸国际小区大门口那条路上有个大坑，电动车摔了好几个")
    assert compare(estate, faced, hours=6).repeat


def test_a_stalls_smoke_told_by_what_it_gives_off_is_fumes():
    smoke = matter_for_text("硚口公园旁边夜宵摊子冒的烟，我家住六楼都熏得不能开窗")
    assert "fumes" in smoke.concepts
    stall = matter_for_text("硚口公园门口天天晚上有人摆摊卖烧烤，烟熏火燎的")
    assert compare(stall, smoke, hours=28).repeat
