"""Hotspots of the twenty-ninth wave (w29-hot): a city rule many ask about without saying where they are (学区划片调整,
停车收费调整) is one hotspot; a trick posing as the power company by its bill (电费欠费, 国网) or as a shop's customer
service refunding an order; an event held over the city's roads with no venue (马拉松封路); one storm's floods over
underpasses and roads of several districts within hours. A rule asked about at one district, one flooded alley on
another day, an event asked about once, and a real bill question are none of them."""
from __future__ import annotations

from insight.hotspots import find_hotspots
from tests.unit.hotspot_cases import HOUR, appeals
from tests.unit.test_insight_hotspots_w28hot import NOW, _key, _spot   # (its helpers: a row's hotspot, a trick's key)


def test_a_trick_posing_as_the_power_company_by_its_bill_or_a_shop_refund_is_read():
    assert _key("收到短信说家里电费欠费了今晚停电，让点链接交钱")[1] == "供电"
    assert _key("有个短信说是国网的，让我点链接交电费，结果被骗了")[1] == "供电"
    assert _key("有人说是淘宝客服，说我买的衣服有质量问题要退款，让我开通借呗")[1] == "网购"
    # (a citizen's own bill asked about is no trick)
    assert _key("我家这个月电费怎么这么高，打电话问一下") is None


_SCHOOL = [(10, "今年初中划片是不是调整了，我们家原来对口的学校现在不对口了"),
           (34, "听说学区重新划了，我家孩子还能不能上原来那个初中"),
           (58, "初中招生片区调整的文件在哪里能查到，学校让等通知"),
           (83, "划片调整以后对口学校变了，孩子明年升学怎么办")]


def test_a_city_rule_asked_about_with_no_district_said_is_one_hotspot():
    spot = _spot(_SCHOOL + [(20, "孩子在学校被同学欺负了，老师不管"),
                            (70, "初中的校服费一年多少钱合理")], range(4), {4, 5})
    assert spot.kind == "spread"


def test_a_rule_asked_about_in_one_district_is_no_city_rule():
    rows = [(h, "江岸区" + t) for h, t in _SCHOOL]
    spots = find_hotspots(appeals(rows), now=NOW)
    assert not any(s.kind == "spread" and "全市" in s.description for s in spots), [s.description for s in spots]


_RUN = [(150.0, "后天马拉松封路是哪几条路，我要去武昌火车站赶车"),
        (151.0, "武汉马拉松封路我车开不出小区，沿江大道全封了"),
        (152.5, "跑马拉松的人太多了，大桥那边封了，公交都绕了，上班迟到"),
        (153.0, "马拉松跑完了路边全是矿泉水瓶和垃圾，没人收拾")]


def test_an_event_over_the_roads_with_no_venue_is_one_hotspot():
    spot = _spot(_RUN + [(60.0, "小区门口马路上垃圾没人扫")], range(4), {4})
    assert "马拉松" in spot.description


def test_an_event_asked_about_once_is_no_hotspot():
    spots = find_hotspots(appeals(_RUN[:2] + [(20.0, "马拉松报名在哪里报")]), now=NOW)
    assert not spots, [s.description for s in spots]


_STORM = [(112.0, "光谷鲁巷这边雨一下路上全是水，车开过去水溅到人行道上"),
          (112.5, "汉口青年路铁路桥下面积水很深，电动车都熄火了"),
          (113.0, "雨太大了，汉阳大道这段下水道往外冒水，路都看不见了"),
          (114.0, "武昌中北路那个下穿通道淹了，有辆车困在里面")]


def test_one_storms_floods_over_districts_are_one_hotspot():
    _spot(_STORM + [(40.0, "江岸后湖一个小巷子下水道堵了，一下雨就积水")], range(4), {4})


def test_floods_days_apart_are_no_storm():
    rows = [(h + 30 * n, t) for n, (h, t) in enumerate(_STORM)]
    spots = find_hotspots(appeals(rows), now=NOW + 100 * HOUR)
    assert not any("积水" in s.description for s in spots), [s.description for s in spots]
