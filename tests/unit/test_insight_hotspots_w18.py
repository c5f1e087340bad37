"""Hotspots of the eighteenth wave: a city-wide burst is keyed by its service's words before the failing's words
or the city's name; a phone signal lost over an area is an area-wide outage; food that made its eaters ill is
a food-safety matter."""
from __future__ import annotations

from insight.hotspots import _service_word, find_hotspots
from insight.matter import load_lexicon
from tests.unit.hotspot_cases import HOUR, appeals as _appeals, spot_of as _spot_of


def test_the_failing_s_words_and_the_city_s_name_name_no_service():
    assert not _service_word("不了") and not _service_word("失败") and not _service_word("故障")
    assert not _service_word("武汉", ("武汉",)) and _service_word("武汉")
    assert _service_word("汉通", ("武汉",)) and _service_word("充值", ("武汉",))


def test_two_services_failing_the_same_day_stay_apart():
    rows = [(0.0, "在充值点给武汉通充值充不进去，提示交易失败"),
            (1.0, "地铁进站刷武汉通刷不了，后面排了一长队"),
            (2.0, "用手机给武汉通充值，钱扣了卡里没到账"),
            (3.0, "手机上的武汉通app打不开，余额也查不了"),
            (4.0, "武汉的电子社保卡在药店用不了，买药结不了账")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 10 * HOUR)
    card = _spot_of(spots, 0)
    assert card is not None and {0, 1, 2, 3} <= set(card.members) and 4 not in card.members


def test_a_phone_signal_lost_is_read_as_such_not_as_a_traffic_light():
    lexicon = load_lexicon()
    assert lexicon.find("手机一点信号都没有") == {"mobile_signal"}
    assert "traffic_light" not in lexicon.find("这边移动信号全没了")
    assert "mobile_signal" in lexicon.areawide()
    assert "traffic_light" in lexicon.find("路口的信号灯坏了")


def test_a_phone_signal_lost_over_one_district_s_places_in_an_evening_is_one_hotspot():
    rows = [(0.0, "黄陂区前川街道手机一点信号都没有，电话打不出去"),
            (0.3, "黄陂前川这一片移动信号全没了，显示无服务"),
            (0.8, "黄陂区盘龙城那边手机没信号了，邻居也一样"),
            (1.2, "黄陂区横店街道一格信号都没有，有急事联系不上"),
            (1.9, "黄陂区前川通信中断两个小时了，运营商什么时候修"),
            (2.5, "黄陂木兰大道一带手机没信号，打不了电话")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 10 * HOUR)
    signal = _spot_of(spots, 0)
    assert signal is not None and len(signal.members) >= 5


def test_food_that_made_its_eaters_ill_is_food_safety_but_tap_water_that_did_is_not():
    lexicon = load_lexicon()
    assert "food_safety" in lexicon.find("好多学生吃了食堂的饭拉肚子")
    assert "food_safety" in lexicon.find("宿舍的同学都上吐下泻")
    assert "food_safety" not in lexicon.find("家里的自来水孩子喝了拉肚子")
