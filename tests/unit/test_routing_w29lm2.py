"""The twenty-ninth wave's second landmark round (issue 11, helper w29-lm2): a shop, a café or a counter at or inside a
landmark whose owner has a strong domain — a cinema, a hospital, a railway station, a scenic spot, a school — its price
or its food told, is the shop's matter, the market regulator's (市场监管), not the landmark owner's; the owner's own
service told plainly stays the owner's; a coach station's security check at the gate is the station's (客运). Sentences
written for these tests, not taken from any dev part."""

import pytest

# the twenty-third wave's helpers and its module-scoped demo router (a fixture, imported for pytest to find)
from tests.unit.test_routing_landmarks_w23g import _route, router  # noqa: F401

_MARKET = ("D-JA-SJ", "D-JH-SJ", "D-QK-SJ", "D-HY-SJ", "D-WC-SJ", "D-QS-SJ", "D-HS-SJ", "D-DXH-SJ", "D-HN-SJ", "D-CD-SJ",
           "D-JX-SJ", "D-HP-SJ", "D-XZ-SJ", "DEPT-SJJ")


@pytest.mark.parametrize("text", [
    "江汉路那个电影院卖的爆米花，放了好多天，都是潮的软了",
    "电影院的套餐饮料，喝起来一股怪味，怕是兑的过期糖浆",
    "医院门口那家花店，一束百合卖两百块，被宰了",
    "火车站候车室里面那家快餐，一碗面收了四十八，价目表上写的二十八",
    "景区里面的小卖部，一瓶水卖十五块",
    "小学门口卖的炸串，伢吃了就吐",
])
def test_a_shops_price_or_food_at_a_landmark_is_the_markets(router, text):  # noqa: F811
    assert _route(router, text).unit in _MARKET, text


@pytest.mark.parametrize("text,unit", [
    ("电影院放到一半没声音了，工作人员也不管", "DEPT-WLJ"),
    ("医院挂号窗口排了两个钟头，护士态度还差", "DEPT-WJW"),
])
def test_the_owners_own_service_stays_the_owners(router, text, unit):  # noqa: F811
    assert _route(router, text).unit == unit, text


def test_a_coach_stations_security_check_is_the_stations(router):  # noqa: F811
    assert _route(router, "傅家坡客运站进站安检只开一个口，排了半个钟头").unit == "DEPT-JTJ"
