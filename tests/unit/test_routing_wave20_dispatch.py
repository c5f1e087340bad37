"""The twentieth wave's dispatch additions (issue 11): the housing fund typed 工积金, a workshop's smell said by what it
does to the speaker, veterans in everyday words, fish and shrimp ponds (their water is no tap water), old people their
children neglect, air tickets, a forklift in a warehouse, and two places residents name. Sentences written for these
tests, not taken from any dev part."""

import pytest

from hotline.ports import RoutingRequest
from routing import demo_router
from tests.unit.test_routing_wave19_dispatch import _units

# the wave's kinds of phrasing, each with the unit it must reach (lead or assisting)
CASES = {
    "老板说工积金要我们自己出一半，从工资里面扣，这个对不对": "DEPT-GJJ",
    "街对面印刷厂的排风扇正对着我们楼，油墨味闻了头昏": "DEPT-SHJ",
    "我儿子从部队回来快一年了，当时说好的安置到现在也没个信": "DEPT-TYS",
    "家里挂的光荣牌掉了，想重新领一块，不晓得找哪里": "DEPT-TYS",
    "买的虾苗放下去死了一半，卖苗的说是我们水质的问题": "DEPT-NYJ",
    "那户老人儿女都不管，房子漏雨，冬天没被子，社区能不能帮一下": "DEPT-MZJ",
    "订了张机票，退票的时候票价一千退票费要六百": "DEPT-SJJ",
}


@pytest.fixture(scope="module")
def router():
    return demo_router()


def test_this_waves_kinds_of_phrasing_reach_their_unit(router):
    wrong = {}
    for text, unit in CASES.items():
        d = router.route(RoutingRequest(text=text))
        if unit not in _units(d):
            wrong[text] = (unit, d.unit, d.assisting_units)
    assert not wrong


def test_a_ponds_water_quality_is_no_tap_water(router):
    d = router.route(RoutingRequest(text="养虾的塘水质变差了，想请人来检测一下水质"))
    assert "UTIL-WATER" not in _units(d), (d.unit, d.assisting_units)
    # the tap's water quality stays the water company's
    assert router.route(RoutingRequest(text="家里自来水的水质不好，烧开了有一层白渣")).unit == "UTIL-WATER"


def test_an_air_ticket_is_a_consumer_matter_a_tour_group_stays_tourism(router):
    assert router.route(RoutingRequest(text="订了张机票，退票的时候票价一千退票费要六百")).unit == "DEPT-SJJ"
    assert router.route(RoutingRequest(text="跟团去云南，旅行社订的机票临时改了时间，导游也换了")).unit == "DEPT-WLJ"


def test_a_forklift_in_a_warehouse_is_no_road_traffic(router):
    d = router.route(RoutingRequest(text="叉车司机都没有证，在厂区里开得飞快，差点撞到人"))
    assert "DEPT-JGJ" not in _units(d) and _units(d) & {"DEPT-YJJ", "DEPT-SJJ"}, (d.unit, d.assisting_units)


@pytest.mark.parametrize("text, district", [
    ("南国西汇后面那条路上的烧烤摊半夜还在营业", "D-QK"),
    ("东城垸那边的村道坑坑洼洼的", "D-HN"),
])
def test_places_residents_name_give_the_district(router, text, district):
    assert router.route(RoutingRequest(text=text)).district == district
