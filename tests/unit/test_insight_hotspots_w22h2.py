"""Hotspots of the twenty-second wave's second round (w22-hot2): a bus line's stops said without the line (its bare
number, which the place reader drops) are the line's change; one event's crowds at one venue told as jams, parking,
noise and a packed station are one matter."""
from __future__ import annotations

from insight import matter_for_text
from insight.hotspots import find_hotspots
from tests.unit.hotspot_cases import HOUR, one_hotspot as _one
from tests.unit.hotspot_cases import appeals as _rows

def test_a_lines_stop_said_with_its_bare_number_is_the_lines_change_and_another_matter_there_is_not():
    texts = ["742路从礼拜一开始不停常青花园站了，也没贴通知", "742路改道了，绕到建设大道去了，为什么不提前说",
             "请问742路是临时改线还是永久的，我天天坐", "742路现在不走原来的线路了，上班都迟到了",
             "742那个车现在到底停不停常青花园啊", "常青花园那个站742还是不停，老人要走好远",
             "常青花园门口有人乱倒垃圾，好几天没人管"]
    _one(texts, [10, 30, 50, 70, 90, 110, 60], 130, range(6), (6,), said="公交线路调整")


def test_one_concerts_crowds_told_as_jams_noise_and_a_packed_station_are_one_hotspot():
    texts = ["今晚洪山体育馆开演唱会，珞喻路堵得一动不动", "洪山体育馆演唱会的音响太吵了，快十二点了还在唱",
             "洪山体育馆演唱会散场，车子乱停在人行道上", "演唱会散场以后洪山体育馆门口打不到车，人挤人",
             "洪山体育馆演唱会散场，街道口地铁站挤爆了", "洪山体育馆旁边的小区物业乱收停车费"]
    _one(texts, [20, 21, 22, 22, 23, 21], 30, range(5), (5,), said="演唱会")


def test_two_venues_events_the_same_night_are_two_hotspots():
    texts = ["今晚洪山体育馆开演唱会，门口车子堵死了", "洪山体育馆演唱会太吵了，睡不着",
             "洪山体育馆演唱会散场，门口打不到车", "琴台大剧院演出散场，门口车子乱停",
             "琴台大剧院今晚演出，汉阳大道堵死了", "琴台大剧院演出散场人太多，公交站挤不上车"]
    spots = find_hotspots(_rows(list(zip([20, 21, 22, 20, 21, 22], texts))), now=1000.0 + 30 * HOUR)
    for s in spots:
        assert not ({0, 1, 2} & set(s.members) and {3, 4, 5} & set(s.members)), s.description


def test_a_night_smell_over_an_area_takes_its_name_read_as_another_districts_street():
    texts = ["青山北湖这边晚上一股刺鼻的化工味，窗户都不敢开", "青山北湖这边半夜又在排气，臭得睡不着",
             "青山北湖这边半夜有股臭鸡蛋的味道", "青山北湖这边每天晚上十点以后就臭，白天没有",
             "北湖街道这边夜里空气好难闻，熏得头晕", "北湖街道这边晚上有人放鞭炮，吵得很",
             "北湖街道这边有家饭馆油烟大"]
    _one(texts, [22, 46, 47, 70, 71, 94, 72], 100, range(5), (5, 6))


def test_the_chemical_parks_new_name_is_the_park():
    assert "化工区" in matter_for_text("化工新城这边昨天晚上又臭了").places


def test_a_lines_change_is_said_as_not_going_in_and_a_timetable_that_does_not_match():
    from insight.hotspots import _ROUTE_CHANGED
    for text in ("这两天不进后湖大道了", "站牌上写的站跟实际跑的对不上", "站台上的线路图还是老的"):
        assert _ROUTE_CHANGED.search(text), text
    assert not _ROUTE_CHANGED.search("车上人太多挤不进去")


def test_a_scenic_spots_visitors_cars_told_as_jams_and_parking_are_one_hotspot_and_a_jam_elsewhere_is_not():
    texts = ["木兰天池这个周末游客太多，停车场满了，车停得到处都是", "木兰天池门口车子乱停，把路都堵住了",
             "木兰天池周末停车太乱了，私家车停在路两边", "今天木兰天池又堵车了，车排了好几公里",
             "去木兰天池的路上堵得一动不动，一个多小时进不去", "黄陂前川街这边晚上堵得一动不动"]
    _one(texts, [40, 41, 42, 64, 65, 64], 80, range(5), (5,))


def test_a_city_wide_service_outage_does_not_take_another_service_failing_in_the_same_words():
    texts = ["公积金网上提取办不了，一直提示系统繁忙", "住房公积金APP登录不上去，提取申请提交不了",
             "今天公积金系统是不是出问题了，网上还贷一直失败", "我想提公积金租房，网上提交了好几次都失败",
             "公积金线上业务全部办不了，怎么回事", "武汉公积金小程序提取提交不了，急用钱",
             "社保卡网上补办提交不了，请问怎么回事"]
    _one(texts, [60, 60.3, 60.6, 61, 61.3, 61.6, 62], 70, range(6), (6,))
