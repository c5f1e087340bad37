"""Landmarks, eighteenth wave (w18-lm): a landmark and the road or area citizens name it by are one place for a
problem plainly shared (国博中心 / 国博大道, 汉街万达 / 楚河汉街); a brand's shopping centres said by their areas
stay apart; a common miswriting of a station's name is the station."""
from __future__ import annotations

from insight import compare, matter_for_text
from insight.matter import load_landmarks


def test_a_landmark_and_its_road_or_area_meet():
    a = matter_for_text("汉阳国博中心门口的路灯全部不亮，晚上走路看不清")
    b = matter_for_text("国博大道那一段路灯坏了好几天了，晚上很黑")
    assert compare(a, b, hours=6).repeat
    c = matter_for_text("汉街万达广场边上有个窨井盖没有了，晚上很危险")
    d = matter_for_text("楚河汉街后面井盖丢了，一个大坑")
    assert compare(c, d, hours=6).repeat


def test_one_brand_in_two_areas_is_two_places():
    a = matter_for_text("东西湖永旺梦乐城旁边垃圾堆满了没人拉走，味道很大")
    b = matter_for_text("经开永旺旁边垃圾站也是满的，没人清")
    assert not compare(a, b, hours=6).repeat
    c = matter_for_text("金银潭永旺后面的垃圾站臭气熏天，好几天没清运")
    assert compare(a, c, hours=6).repeat


def test_other_names_are_read_as_the_landmark():
    marks = load_landmarks()
    assert marks.read("付家坡汽车站门口")[1] == ["傅家坡汽车站"]
    assert marks.read("同济医学院门口")[1] == ["华中科技大学同济医学院"]     # not 同济医院
    assert marks.read("光谷转盘地下通道")[1] == ["光谷广场"]
