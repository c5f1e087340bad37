"""Repeat appeals, twenty-first wave (w21-rep): problems citizens tell in words the concepts did not know —
dust settling on balconies and sills (落灰, 黑灰, 空气不好) is the pollution an official letter calls 颗粒物; a
walking group marching on the road (暴走团) is one problem; touts pressing incense on visitors (塞香, 拉着人不放); a
parking fee told as 停个车被人收了; a flooded garage (地下停车场进水) is flooding, not parking; a recycling point piled
up is a scrap yard; a stall's smoke told by what it gives off is fumes. Places: a way said into an estate (进中央花园)
names the estate; a name pointed at (对面就是水岸国际, 就在水岸国际门口) is a place, and the stop pointed from is not; a
thing counted (上一棵) is no place; a crossing of a long road and an estate on it are two spots. Causes: a burst main
and the street it floods, a blocked drain and the water over it, a jam and the fallen tree heard of as its cause, a
burst main at a road of an area and the water cut at an estate of it, are one matter."""
from __future__ import annotations

import pytest

from insight import compare, matter_for_text
from insight.matter import _going_into_estate


@pytest.mark.parametrize("text, concept", [
    ("青山区红卫路那边最近落灰好严重，阳台晾的衣服一天就黑了", "pollution"),
    ("红卫路这边空气不好，窗台上一层黑灰", "pollution"),
    ("反映某区大气颗粒物超标", "pollution"),
    ("黄陂广场晚上暴走团喊口号，一大群人占着马路走", "walk_group"),
    ("归元寺门口有人强行往游客手里塞香", "tout"),
    ("卖香的拉着人不放，不买就骂人", "tout"),
    ("东湖边上停个车被人收了二十块钱", "parking_fee"),
    ("菱角湖万达地下停车场进水了，车都泡了", "flooding"),
    ("解放大道宗关站出口边上的回收站乱堆乱放，消防隐患很大", "scrap_yard"),
    ("硚口公园旁边夜宵摊子冒的烟，我家住六楼都熏得不能开窗", "fumes"),
])
def test_words_citizens_use_name_the_problem(text, concept):
    assert concept in matter_for_text(text).concepts


@pytest.mark.parametrize("text", ["菱角湖万达地下停车场进水了，车都泡了", "解放大道宗关站出口边上的回收站乱堆乱放，消防隐患很大"])
def test_a_flooded_garage_and_a_scrap_pile_are_no_parking(text):
    assert "parking" not in matter_for_text(text).concepts


AT_ESTATE_GATE = "洪山区南湖大道进中央花园那个路口信号灯不工作，车乱开"
FLOODED_GARAGE = "菱角湖万达地下停车场进水了，车都泡了"
ESTATE_HOLE = "福星惠誉水岸国际小区大门口那条路上有个大坑，电动车摔了好几个"
BURST_MAIN = "吴家山金山大道上水管爆了，水漫到马路上"
NO_WATER = "吴家山这边的海口新村一下午都没水，饭都没法烧"

# one matter: (first, second, hours apart)
ONE = [
    ("青山区红卫路那边最近落灰好严重，阳台晾的衣服一天就黑了", "反映青山区红卫路周边大气颗粒物污染严重", 12),
    ("黄陂广场晚上暴走团喊口号，一大群人占着马路走",
     "喂，我是黄陂前川的，就是黄陂广场那边啊，每天晚上有一帮人排着队在马路上走，放着音乐喊一二一", 24),
    (AT_ESTATE_GATE, "洪山区南湖中央花园门口那个路口红绿灯坏了，一直闪黄灯", 3),
    (FLOODED_GARAGE, "唐家墩路万达广场车库被淹，谁来抽水", 1),
    ("洪山区卓刀泉南路有根水管爆了，水往上喷了一米多高", "卓刀泉南路积水很深，行人蹚水走", 2),
    (ESTATE_HOLE, "和平大道徐家棚这段路面破了个大洞，就在水岸国际门口", 20),
    (ESTATE_HOLE, "徐家棚地铁站出口出来对面就是水岸国际，门口马路上一个深坑，晚上看不清", 6),
    ("硚口宗关地铁站旁边那个废品收购站，纸壳子塑料瓶堆得跟山一样，占了半边路",
     "解放大道宗关站出口边上的回收站乱堆乱放，消防隐患很大", 20),
    ("黄浦大街上一棵大树倒了压在路中间，车全堵着", "黄浦大街这边怎么堵死了，听说前面倒了棵树，公交都不走了", 1),
    ("硚口公园门口天天晚上有人摆摊卖烧烤，烟熏火燎的", "硚口公园旁边夜宵摊子冒的烟，我家住六楼都熏得不能开窗", 28),
    (BURST_MAIN, NO_WATER, 2),   # a burst main at a road of an area and the water cut at an estate of it
]
# two matters: a crossing and an estate of one road, a garage and its gate, the area's hours past, another area
TWO = [(AT_ESTATE_GATE, "洪山区南湖大道丁字桥路口的红绿灯坏了", 5), (FLOODED_GARAGE, "菱角湖万达门口共享单车堆满了", 7),
       (BURST_MAIN, NO_WATER, 30), (BURST_MAIN, "南湖这边的宝安花园一下午都没水，饭都没法烧", 2)]
PAIRS = [(*pair, True) for pair in ONE] + [(*pair, False) for pair in TWO]


@pytest.mark.parametrize("first, second, hours, one", PAIRS)
def test_pairs_told_in_other_words(first, second, hours, one):
    assert compare(matter_for_text(first), matter_for_text(second), hours=hours).repeat is one


def test_a_way_said_into_an_estate_names_the_estate():
    assert _going_into_estate("进中央花园") == "中央花园"
    assert _going_into_estate("进入百步亭花园") == "百步亭花园"
    assert _going_into_estate("进步小区") == "进步小区"      # the name left would be too short: a name of its own
    assert "中央花园" in matter_for_text("洪山区南湖大道进中央花园那个路口信号灯不工作，车乱开").places


@pytest.mark.parametrize("text, places", [
    ("徐家棚地铁站出口出来对面就是水岸国际，门口马路上一个深坑，晚上看不清", ("水岸国际",)),   # the stop pointed from: out
    ("和平大道徐家棚这段路面破了个大洞，就在水岸国际门口", ("和平大道", "水岸国际")),
    ("旁边就是垃圾站，臭死了", ()),
    ("黄浦大街上一棵大树倒了压在路中间，车全堵着", ("黄浦大街",)),        # a thing counted is no place
])
def test_place_readings(text, places):
    assert matter_for_text(text).places == places


def test_a_road_named_with_a_count_keeps_its_name():
    assert "三棵树路" in matter_for_text("三棵树路口积水").places
