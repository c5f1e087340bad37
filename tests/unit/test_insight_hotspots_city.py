"""Hotspots of the tenth wave: one problem over the city within hours (wherever each appeal is), an area's
outage told by roads of that area, a street-only hotspot taking an appeal at one of the street's roads."""
from __future__ import annotations

from insight import matter_for_text
from insight.hotspots import Appeal, _district_left, _road_street, find_hotspots

HOUR = 3600.0
APP = ["燃气缴费的小程序交不了费，一直提示系统繁忙", "网上交燃气费一直交不了，家里的气快没了",
       "燃气费在线缴费失败了三次，钱扣了没到账", "今天燃气缴费系统出故障了吧，交费交不了",
       "燃气费在手机上交不了，营业厅排长队", "燃气缴费一直失败，到底什么时候能交"]


def _appeals(texts, hours):
    return [Appeal(matter=matter_for_text(t), at=1000.0 + h * HOUR, citizen=f"c{i}")
            for i, (t, h) in enumerate(zip(texts, hours))]


def test_one_problem_over_the_city_within_hours_is_one_hotspot_but_not_over_days():
    spots = find_hotspots(_appeals(APP, [0, 0.5, 1, 1.5, 2, 3]), now=1000.0 + 24 * HOUR)
    assert len(spots) == 1 and spots[0].kind == "spread" and len(spots[0].members) >= 5
    assert spots[0].description.startswith("多点蔓延：全市")
    # the same appeals one a day are the city's usual trickle, no hotspot
    assert not find_hotspots(_appeals(APP, [0, 24, 48, 72, 96, 120]), now=1000.0 + 130 * HOUR)


def test_an_outage_told_by_the_roads_of_an_area_is_one_spreading_hotspot():
    assert _road_street(("古田四路",), None) == _road_street(("古田二路",), "D-QK") is not None
    texts = ["硚口区古田二路融侨华府停电了", "古田那一块都没电了", "古田四路福星惠誉城也停电",
             "硚口古田这边大面积停电", "融侨华府还是没来电"]
    spots = find_hotspots(_appeals(texts, [0, 0.5, 1, 1.5, 3]), now=1000.0 + 10 * HOUR)
    assert len(spots) == 1 and spots[0].kind == "spread" and len(spots[0].members) == 5


def test_the_districts_an_area_head_drops_are_the_gazetteer_s():
    assert {"武昌", "汉阳", "东西湖", "江夏", "汉口"} <= set(_district_left())
    assert not any(d.endswith("区") for d in _district_left())


def test_one_service_down_over_the_city_in_words_no_concept_knows_is_one_hotspot():
    texts = ["社保APP今天登录不上，养老认证做不了", "手机上社保认证一直失败，提示系统繁忙",
             "社保网上认证办不了，点了就转圈", "今天社保线上认证是不是出问题了，登录失败",
             "社保小程序认证不了，电话也打不进去"]
    spots = find_hotspots(_appeals(texts, [0, 0.5, 1, 2, 3]), now=1000.0 + 24 * HOUR)
    assert len(spots) == 1 and len(spots[0].members) == 5 and spots[0].description.startswith("多点蔓延：全市“")


def test_an_area_s_roads_and_the_places_named_beside_it_join_its_hotspot():
    from insight.hotspots import _area_stem

    assert _area_stem("徐东二路小区") == _area_stem("徐东大街") == "徐东"
    assert _area_stem("金银潭大道") == "金银潭" and _area_stem("钟家村") == "钟家村"
    texts = ["徐东那一片下水道堵了，污水流到路上", "徐东这边污水冒出来了，下水道堵死了", "徐东这边下水道又堵了，满地污水",
             "我们徐东二路小区门口下水道堵了，污水横流",      # a road named after the area
             "和平大道积玉桥那边也有污水冒出来"]           # another area: stays alone
    spots = find_hotspots(_appeals(texts, [0, 1, 2, 20, 22]), now=1000.0 + 30 * HOUR)
    members = {i for s in spots for i in s.members}
    assert {0, 1, 2, 3} <= members and 4 not in members
