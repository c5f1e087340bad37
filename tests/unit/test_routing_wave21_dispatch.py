"""The twenty-first wave's dispatch additions (issue 11, helper w21-disp): a resident who must go round a blocked way
took no taxi, feed for pigs, chickens or fish is agriculture's, a farm resort (农庄, 鱼庄) is a business like a 农家乐,
and 十升 is 汉阳's. Sentences written for these tests, not taken from any dev part."""

import pytest

from hotline.ports import RoutingRequest
from routing import demo_router
from tests.unit.test_routing_wave19_dispatch import _units


@pytest.fixture(scope="module")
def router():
    return demo_router()


def test_going_round_a_blocked_way_is_no_taxi_matter(router):
    d = router.route(RoutingRequest(text="隔壁把院墙往外砌了两米，占了巷子，我们出门要绕路"))
    assert "DEPT-JTJ" not in _units(d), (d.unit, d.assisting_units)
    d = router.route(RoutingRequest(text="出租车司机绕路，多收了我三十块"))
    assert "DEPT-JTJ" in _units(d), (d.unit, d.assisting_units)


@pytest.mark.parametrize("text", ["买的猪饲料喂了一个月，猪一头头不长肉还拉稀", "鱼饲料撒下去鱼都不吃，怀疑是过期的"])
def test_feed_is_agricultures(router, text):
    d = router.route(RoutingRequest(text=text))
    assert "DEPT-NYJ" in _units(d), (d.unit, d.assisting_units)


def test_a_farm_resort_that_overcharges_is_a_business(router):
    d = router.route(RoutingRequest(text="湖边一个农庄吃饭，一条鱼收了三百多，菜单上也冇写价钱"))
    assert {"DEPT-SJJ", "DEPT-WLJ"} & _units(d) or any(u.endswith("-SJ") for u in _units(d)), (d.unit, d.assisting_units)


def test_shisheng_is_hanyangs(router):
    assert router.locate("十升那边的路灯一直不亮").district == "D-HY"


def test_a_chicken_raised_on_feed_is_a_product_not_feed(router):
    d = router.route(RoutingRequest(text="超市卖的说是散养土鸡，买回来一吃就是饲料鸡，价钱翻了一倍"))
    assert "DEPT-NYJ" not in _units(d), (d.unit, d.assisting_units)
