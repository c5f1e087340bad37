"""Repeat appeals, twenty-second wave (w22-rpw): wrong merges. A stretch said at a landmark (武汉广场那一段) is that
landmark's stretch, not every 广场; two spots of one long road each named by its kind (循礼门 / 武汉广场, 亚贸广场 /
阅马场) are two spots though the landmark table knows neither; a bus stop's shelter, its electronic sign and its
queue are three matters at one stop; a station's square said by its side in more words (南边进站那个广场) is that
side's square."""
from __future__ import annotations

import pytest

from insight import compare, matter_for_text
from insight.matter import _parts, _section_whole


def _repeat(a: str, b: str) -> bool:
    return compare(matter_for_text(a), matter_for_text(b), hours=2).repeat


def test_a_stretch_at_a_landmark_is_that_landmarks():
    m = matter_for_text("解放大道武汉广场那一段人行道被共享单车占满了")
    assert _section_whole(m, "广场") == "武汉广场"
    assert not _repeat("武昌亚贸广场门口公交港湾里天天停私家车，公交车进不了站",
                       "解放大道武汉广场那一段人行道也被共享单车占满了，车都停到公交站了")


def test_a_stretch_named_after_its_place_still_meets_the_place():
    # 东湖绿道磨山那段: the stretch's name is 磨山, which another appeal names alone
    m = matter_for_text("东湖绿道磨山那段护栏断了")
    assert _section_whole(m, "磨山") == "磨山"


@pytest.mark.parametrize("a, b", [
    ("武珞路亚贸那里的公交站台被违停车辆占了，上下车要穿过车流", "武珞路阅马场附近的公交站边上老是有车违停，公交靠不了站"),
    ("汉口解放大道循礼门那里人行道上的共享单车堆成山", "解放大道武汉广场那一段人行道也被共享单车占满了"),
    ("武珞路丁字桥那一段路边违停特别多", "武珞路阅马场附近路边老是有车违停"),
])
def test_two_spots_of_one_long_road_are_two_places(a, b):
    assert not _repeat(a, b)


@pytest.mark.parametrize("a, b", [
    ("解放大道武汉广场门口人行道上的共享单车堆成山", "武广门口解放大道人行道被共享单车占满了"),
    ("汉口解放大道循礼门那里人行道上的共享单车堆成山，人都走到马路上", "循礼门地铁站出口旁边的单车堆满了人行道，没法走"),
])
def test_one_spot_said_two_ways_stays_one(a, b):
    assert _repeat(a, b)


@pytest.mark.parametrize("a, b", [
    ("洪山区街道口公交站候车亭的座椅断了一根，坐上去就翘", "街道口公交站的电子站牌黑屏好几天了，看不到下一班车还有多久到"),
    ("中南路公交站候车亭顶棚破了个大洞，下雨等车的都淋湿了", "中南路公交站候车亭下面站不下，排队等车的都排到马路上淋雨了"),
])
def test_a_stops_shelter_sign_and_queue_are_apart(a, b):
    assert not _repeat(a, b)


def test_a_shelters_roof_and_seat_told_apart_stay_the_shelter():
    assert _repeat("中南路公交站候车亭顶棚破了，玻璃碎了一地", "中南路公交站候车亭顶上玻璃碎了，座椅上全是玻璃碴子")


def test_a_stations_square_by_its_side_in_more_words():
    assert ("广场", "南") in _parts("汉口火车站南边进站那个广场也有人拉客")
    assert not _repeat("汉口火车站北广场出站口好多黑车司机拉客，拉着行李不放",
                       "汉口火车站南边进站那个广场也有人拉客，说是带你去坐车结果是黑车")


def test_a_spot_said_vaguely_is_left_to_the_other_rules():
    # 那个老菜场 may be the other's spot by another name: no two spots read
    assert not _repeat_apart_by_spots("武昌区武珞路首义广场公交站的站牌被撞歪了", "武昌区武珞路那个老菜场门口公交站牌歪了")
    assert _repeat_apart_by_spots("武珞路大东门那里路边违停特别多", "武珞路阅马场附近路边老是有车违停")


def _repeat_apart_by_spots(a: str, b: str) -> bool:
    from insight.matter import _two_named_spots
    return _two_named_spots(matter_for_text(a), matter_for_text(b), "武珞路")


def test_a_taxi_driving_over_a_pothole_is_no_taxi_complaint():
    assert "taxi" not in matter_for_text("发展大道汉口火车站那一段的路面坑坑洼洼，出租车开过去颠得很").concepts
    assert "taxi" in matter_for_text("汉口站北广场那边黑车猖獗，出租车拒载").concepts
    assert not _repeat("汉口站北广场那边黑车猖獗，一出站就有人上来问走不走，价格乱喊",
                       "发展大道汉口火车站那一段的路面坑坑洼洼，出租车开过去颠得很")


def test_one_stops_seat_told_in_other_words_is_one():
    assert _repeat("洪山区街道口公交站候车亭的座椅断了一根，坐上去就翘，老人差点摔倒",
                   "街道口站台那个不锈钢长椅塌了一半，请环卫或者公交公司来修一下")
