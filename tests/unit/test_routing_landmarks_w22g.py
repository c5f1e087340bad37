"""Landmark readings of the twenty-second wave (helper w22-gaz): a bare two-character area name (北湖, 花桥) with a
landmark of another district named right after it as what is there is that landmark's part of town (北湖那边化工区 is
青山's, not 江汉's 北湖街), while the area name said alone, with a landmark of its own district, or with a landmark named
elsewhere in the text stays its street's; 上海路 and its cathedral and the numbered 第八医院 are 江岸's."""
from __future__ import annotations

import pytest

from hotline.ports import RoutingRequest
from routing import demo_router


@pytest.fixture(scope="module")
def router():
    return demo_router()


def _district(router, text):
    return router.route(RoutingRequest(text=text)).district


@pytest.mark.parametrize("text,district", [
    ("北湖那边化工区晚上放气，一股怪味，门窗都不敢开", "D-QS"),
    ("北湖那边化工区的味道又来了，晚上睡觉都要戴口罩", "D-QS"),
    ("北湖那边的化工区晚上一股臭鸡蛋味", "D-QS"),
])
def test_a_bare_area_name_beside_a_landmark_of_another_district_is_the_landmark_s(router, text, district):
    assert _district(router, text) == district


@pytest.mark.parametrize("text,district", [
    ("北湖那边一个初中，老师在家长群里卖课外书，不买的伢点名批评", "D-JH"),
    ("北湖那边我们楼下的燃气管道在换新的，挖了一个月了", "D-JH"),
    ("后湖那边的中心医院后湖院区门口，来看病的车子停满了", "D-JA"),
    # a landmark named elsewhere (where a ride started) says nothing of which 后湖 the citizen means
    ("我在汉口火车站坐的网约车，到了后湖司机说要多加三十块，不加就不让我下车", "D-JA"),
])
def test_a_bare_area_name_alone_or_with_its_own_landmark_stays_its_street_s(router, text, district):
    assert _district(router, text) == district


@pytest.mark.parametrize("text", [
    "上海路天主堂门口天天有人拍婚纱照，车子乱停，还放音乐",
    "八医院门口的马路上，出租车停一排等客，公交车都靠不了站",
    "武汉市第八医院急诊晚上只有一个医生",
])
def test_shanghai_road_its_cathedral_and_the_eighth_hospital_are_jiang_an_s(router, text):
    assert _district(router, text) == "D-JA"
