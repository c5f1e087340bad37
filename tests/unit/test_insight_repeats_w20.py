"""Repeat appeals, twentieth wave: a drain welling up (下水往外冒) is sewage; drilling (打钻) is a
site's noise; a hill said with or without its scenic area (磨山 /
磨山景区) and a hospital with or without 总 (武钢总医院 / 武钢医院) are one place; two appeals that name one act
first (dumping swill) agree though one adds its smell; faded road markings are a problem of their own; a
crossing said as X路口 and another spot of one long road are two sections."""
from __future__ import annotations

from insight import compare, matter_for_text
from insight.matter import same_name


def test_a_drain_welling_up_is_sewage():
    assert "sewage" in matter_for_text("我们楼下的下水往外冒，黑乎乎的一地").concepts
    a = matter_for_text("青山区红卫路的老小区化粪池满了，粪水流到路上")
    b = matter_for_text("红卫路那边有个老旧小区下水往外冒，臭得很")
    assert compare(a, b, hours=20).repeat


def test_drilling_is_a_sites_noise():
    assert "noise" in matter_for_text("隔壁工地早上六点就开始打钻").concepts


def test_a_scenic_area_and_its_hill_are_one_place():
    assert same_name("磨山景区", "磨山")
    assert not same_name("磨山景区", "珞珈山")
    a = matter_for_text("龟山风景区门口有人拉客卖高价门票")
    b = matter_for_text("龟山那边景点门口拉客兜售门票的人太多了")
    assert compare(a, b, hours=6).repeat


def test_a_general_hospital_said_without_zong():
    assert same_name("武钢总医院", "武钢医院")
    assert not same_name("武钢总医院", "普仁医院")


def test_one_act_named_first_with_what_it_leaves_is_one_complaint():
    a = matter_for_text("江汉区前进四路有家餐馆把泔水直接倒进路边的雨水口，一股馊味")
    b = matter_for_text("前进四路那边有个饭店偷倒餐厨垃圾，地上油腻腻的")
    assert compare(a, b, hours=10).repeat
    # … a night market named first, with its noise against the road it takes, stays two complaints
    c = matter_for_text("前进四路夜市摆摊把路占了一半，车都过不去")
    d = matter_for_text("前进四路夜市太吵了，音响放到十二点")
    assert not compare(c, d, hours=10).repeat


def test_faded_road_markings_are_one_problem():
    assert "marking" in matter_for_text("学校门口的斑马线都磨没了，线看不清").concepts


def test_a_crossing_and_another_spot_of_one_long_road_are_two_sections():
    a = matter_for_text("汉口宗关那边解放大道上有个大坑，电动车摔了好几个")
    b = matter_for_text("解放大道硚口路口那里路面也有坑，车过去颠得很")
    assert not compare(a, b, hours=6).repeat
    # … while one crossing said twice stays one place
    c = matter_for_text("解放大道硚口路口有个大坑，晚上看不见很危险")
    assert compare(b, c, hours=6).repeat
