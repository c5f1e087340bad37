"""Landmark readings of the twenty-first wave (helper w21-gaz): the cars of people coming to a hospital jamming its
gate are the traffic's matter, touting for rides at a station or the airport is unlicensed ride-selling (交通运输局),
飞机场 said alone is 天河机场, 武商众圆 is 青山's mall, a memorial site (会址, 旧址) is the culture bureau's."""
from __future__ import annotations

import pytest

from hotline.ports import RoutingRequest
from routing import demo_router


@pytest.fixture(scope="module")
def router():
    return demo_router()


def _route(router, text):
    d = router.route(RoutingRequest(text=text))
    return d.unit, set(d.assisting_units), d.district


@pytest.mark.parametrize("text,district", [
    ("市中心医院南京路那个院区门口，来看病的车子把南京路停满了，出租车下客都停在路中间", "D-JA"),
    ("协和西院门口，来看病的车停满了两边的路，公交车只能在路中间下客", "D-HN"),
    ("黄陂区人民医院门口来看病的车子停到了马路中间，公交车进不了站", "D-HP"),
    ("医院门口送病人看病的车子一停就是一排，后面的车全部堵死", None),
])
def test_visitors_cars_jamming_a_hospital_gate_are_the_traffic_police(router, text, district):
    unit, assisting, got = _route(router, text)
    assert "DEPT-JGJ" in {unit} | assisting
    if district:
        assert got == district


def test_a_hospital_car_park_too_small_stays_the_hospital_s(router):
    assert _route(router, "协和医院的停车场太小了，来看病的车子要排两个钟头才进得去")[0] == "DEPT-WJW"


@pytest.mark.parametrize("text", [
    "飞机场到达口好多人拉客，问要不要车，去汉口一个人一百",
    "武昌站出来好多人拉客坐车，一个人三十",
    "汉口站出站口有人举着牌子喊去武汉站去天河机场，一个人五十，上了车又要加钱",
])
def test_touting_for_rides_is_the_transport_bureau_s(router, text):
    assert _route(router, text)[0] == "DEPT-JTJ"


def test_touting_for_lodgings_stays_street_order(router):
    assert _route(router, "汉口火车站广场有人拉客住宿，一路跟着不放")[0] != "DEPT-JTJ"


def test_the_airport_said_as_feijichang_is_in_huangpi(router):
    assert _route(router, "飞机场的出租车排队那里有人插队拉客，说不打表一口价两百")[2] == "D-HP"


def test_wushang_zhongyuan_is_qingshan_s(router):
    unit, _, district = _route(router, "武商众圆里面的超市卖过期的牛奶，拿去退还说是我们自己放过期的")
    assert district == "D-QS" and unit == "D-QS-SJ"


def test_a_memorial_site_is_the_culture_bureau_s(router):
    assert _route(router, "八七会议会址参观要预约，电话打了一天都打不通")[0] == "DEPT-WLJ"


def test_where_touts_offer_rides_to_is_not_where_it_happens(router):
    assert _route(router, "天河机场出口有人喊拼车去武昌，上车以后又加价")[2] == "D-HP"


def test_touting_with_a_fare_per_trip(router):
    assert _route(router, "天河机场出来那条路上，有人举着牌子拉客，一趟收好几百")[0] == "DEPT-JTJ"
