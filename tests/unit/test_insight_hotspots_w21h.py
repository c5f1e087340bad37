"""Hotspots of the twenty-first wave (w21-hot): an area's outage is described by the area, not by the estate most
of its citizens name; a bus route changed is told as a stop cancelled or a detour taken; 被困 in a flooded underpass
is no lift; a bus's air conditioning is a matter of its own; a service's name the place reader took for a place
is still the service's words."""
from __future__ import annotations

from insight import matter_for_text
from insight.hotspots import Appeal, _service_grams, find_hotspots
from insight.matter import load_lexicon

HOUR = 3600.0


def _appeals(texts, hours):
    return [Appeal(matter=matter_for_text(t), at=1000.0 + h * HOUR, citizen=f"c{i}")
            for i, (t, h) in enumerate(zip(texts, hours))]


def test_an_areas_outage_is_described_by_the_area_not_by_its_most_named_estate():
    texts = ["东西湖金银湖这边早上起来就没水了，牙都刷不了", "金山大道旁边的小区停水了，也没看到停水通知",
             "请问金银湖片区什么原因断水，今天还能来水吗", "金山大道附近还是没恢复供水，自来水公司什么时候来修",
             "东西湖区金银湖街好几个小区同时没水，老人在家做不了饭", "早上到现在快五个小时不来水了，金银湖这边的居民都急死了"]
    spots = find_hotspots(_appeals(texts, [0, 0.5, 1, 1.5, 2, 3]), now=1000.0 + 10 * HOUR)
    assert len(spots) == 1 and len(spots[0].members) == 6
    assert "金银湖一带停水" in spots[0].description and "金山大道" not in spots[0].description


def test_an_outage_at_one_estate_is_still_described_by_the_estate():
    texts = ["西北湖小区没水了，家里老人孩子都等着用水", "请问西北湖小区停水是什么原因，什么时候能恢复供水",
             "西北湖小区一整天不来水，也没有提前通知", "西北湖小区还是没水，已经十个小时了"]
    spots = find_hotspots(_appeals(texts, [0, 1, 2, 3]), now=1000.0 + 10 * HOUR)
    assert len(spots) == 1 and spots[0].description.startswith("西北湖小区停水")


def test_a_route_changed_is_told_as_a_stop_cancelled_or_a_detour_and_its_air_conditioning_is_another_matter():
    lexicon = load_lexicon()
    for text in ("等了半天才知道改走别的路了", "原来在发展大道停的那个站取消了", "这个站点取消了也不通知"):
        assert "bus_route" in lexicon.find(text), text
    for text in ("公交车上空调不开，热得要命", "地铁车厢空调太冷了"):
        found = lexicon.find(text)
        assert "vehicle_aircon" in found and "bus_route" not in found, text


def test_trapped_in_a_flooded_underpass_is_no_lift_but_a_lift_that_traps_people_is():
    lexicon = load_lexicon()
    assert "elevator" not in lexicon.find("武昌大东门地下通道全是水，有人被困了")
    assert "elevator" not in lexicon.find("地铁停了，在车厢里困了二十多分钟")
    assert "elevator" in lexicon.find("楼里的梯子困了人，半天没人来")


def test_a_service_name_the_place_reader_took_is_still_the_services_words():
    m = matter_for_text("电驴子上牌的小程序一直转圈圈，过渡期马上要到了")
    assert "上牌" in _service_grams(m)
    # (a real place's name is no service's word)
    assert "宝丰" not in _service_grams(matter_for_text("硚口区宝丰路的小程序打不开"))


def test_an_e_bike_registration_outage_told_in_several_names_is_one_city_wide_hotspot():
    texts = ["电动车上牌预约系统一直进不去，显示网络错误", "武汉交警公众号上给电瓶车预约上牌，点提交就卡死了",
             "去车管所给电动车上牌，窗口说系统故障今天办不了，白跑一趟", "电驴子上牌的小程序一直转圈圈，过渡期马上要到了，急",
             "我的电动车被偷了，去派出所报案要带什么"]
    spots = find_hotspots(_appeals(texts, [0, 1, 2, 3, 2]), now=1000.0 + 30 * HOUR)
    assert len(spots) == 1 and sorted(spots[0].members) == [0, 1, 2, 3]


def test_a_road_of_two_districts_is_narrowed_by_a_landmark_named_on_it():
    from insight.hotspots import _district_of

    assert _district_of(matter_for_text("武珞路宝通寺那里淹了，公交车都停了")) == "D-WC"


def test_a_storm_over_one_district_takes_the_appeal_at_a_road_of_two_districts():
    texts = ["大暴雨中南路这边积水好深，车子都泡在水里", "武珞路宝通寺那里淹了，公交车都停了",
             "傅家坡那边下水道往外冒水，路上积水到小腿", "我们小区在武昌首义路，地下车库进水了，好多车都淹了",
             "武昌到处都淹了，楚河汉街附近也是一片汪洋"]
    spots = find_hotspots(_appeals(texts, [0, 0.2, 1, 2, 3]), now=1000.0 + 10 * HOUR)
    assert len(spots) == 1 and sorted(spots[0].members) == [0, 1, 2, 3, 4]
