"""Dispatch readings of the twenty-ninth wave (helper w29-disp): registering a business (its name, its scope, closing
it) is 市场监管's; the state's subsidies for cars and phones are 商务's; an enterprise's investment project filed is
发改's; money the treasury owes is 财政's; building on farmland is 自然资源规划's; fake 保健药 sold to the old is 市场监管's;
a document that expires (护照过期) is no food's; and the wave's tuning parts keep their figures."""
from __future__ import annotations

import pytest

from routing import demo_router
from tests.unit.test_routing_dispatch import _bench_module
from tests.unit.test_routing_landmarks_w23g import _route, _units


@pytest.fixture(scope="module")
def router():
    return demo_router()


def _has(d, *codes):
    got = _units(d)
    return any(c in got or any(u.endswith(c) for u in got if u) for c in codes)


@pytest.mark.parametrize("text", [
    "想开个公司，核名一直通不过，也不告诉我为什么",
    "我们公司要加一项经营范围，网上提交好几次都被退回",
    "个体户执照要注销，去哪里办",
])
def test_registering_a_business_is_market_supervision(router, text):
    d = _route(router, text)
    assert _has(d, "DEPT-SJJ", "-SJ"), (d.unit, d.assisting_units)


@pytest.mark.parametrize("text", [
    "今年买新能源车补贴还有没有，去哪里领",
    "汽车以旧换新的补贴什么时候到账",
    "换新手机说有国家补贴，怎么领",
])
def test_consumption_subsidies_are_commerce(router, text):
    assert "DEPT-SWUJ" in _units(_route(router, text))


def test_an_investment_project_filed_is_the_development_commission(router):
    assert "DEPT-FGW" in _units(_route(router, "公司有个投资项目要备案，不知道在哪个部门办"))


def test_money_the_treasury_pays_is_finance(router):
    assert "DEPT-CZJ" in _units(_route(router, "说好给企业的补助是财政拨，半年了都没到"))


def test_building_on_farmland_is_land_and_planning(router):
    assert "DEPT-ZRGH" in _units(_route(router, "有人在耕地上盖厂房，好大一片田都没了"))


def test_fake_health_medicine_is_market_supervision(router):
    assert _has(_route(router, "我们小区里天天有人卖假的保健药，专门骗老年人"), "DEPT-SJJ", "-SJ")


@pytest.mark.parametrize("text,unit", [
    ("我的护照过期了，要去哪里换", "DEPT-GAJ"),
    ("驾驶证过期半年了还能换吗", "DEPT-JGJ"),
])
def test_a_document_that_expires_is_no_food(router, text, unit):
    d = _route(router, text)
    assert unit in _units(d) and not _has(d, "DEPT-SJJ", "-SJ"), (d.unit, d.assisting_units)


def test_stale_food_is_still_food(router):
    assert _has(_route(router, "超市卖过期的面包，吃了拉肚子"), "DEPT-SJJ", "-SJ")


@pytest.mark.parametrize("part,floor", [("tuning68", (0.93, 0.92)), ("tuning68b", (0.96, 0.88)),
                                        ("tuning68c", (0.93, 0.91))])
def test_the_wave_s_tuning_parts_keep_their_figures(router, part, floor):
    bench = _bench_module()
    res = bench.evaluate(router, bench.load_devset(bench.PARTS[part]), repeat=1)
    assert res["lead_or_assisting"] >= floor[0] and res["district"] >= floor[1], res
