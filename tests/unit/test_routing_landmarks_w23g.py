"""Landmark readings of the twenty-third wave (helper w23-gaz): a university's own grounds said right after its name,
however short (湖大的图书馆, 华师的宿舍, 民大里面的体育馆), are the campus's — the education bureau's and the school's — not a
public library's or sports hall's, unless another unit's matter is told there (a canteen's food, a stall outside the
gate); a campus said with a university's short name is placed by the campus (武理余家头校区, 中南财南湖校区); a crossing
that spans districts said with the bank of the end meant (二七长江大桥汉口那头) is placed on that bank; anger said as
冒火 (等得冒火) is no fire."""
from __future__ import annotations

import pytest

from hotline.ports import RoutingRequest
from routing import demo_router


@pytest.fixture(scope="module")
def router():
    return demo_router()


def _route(router, text):
    return router.route(RoutingRequest(text=text))


def _units(d):
    return {d.unit, *d.assisting_units}


EDUCATION = {"DEPT-JYJ"}


@pytest.mark.parametrize("text,district", [
    ("湖大的图书馆周末开门晚，学生在门口排队等了一个钟头", "D-WC"),
    ("民大里面的体育馆说对校外的人免费开放，去了又要交钱", "D-HS"),
    ("武理的宿舍热水一个礼拜才来两天，学生洗不成澡", "D-HS"),
    ("地大的博物馆网上预约不上，学生说要找老师才能进", "D-HS"),
    ("纺大的图书馆自习室晚上十点就关门，考研的同学都冇地方看书", None),
])
def test_a_university_s_own_grounds_are_the_education_bureau_s(router, text, district):
    d = _route(router, text)
    assert _units(d) & (EDUCATION | ({f"{district}-JY"} if district else set())), (d.unit, d.assisting_units)
    if district:
        assert d.district == district


@pytest.mark.parametrize("text,unit", [
    ("湖大北门外面那一排卖臭豆腐的推车，油烟熏得宿舍里都是", "D-WC-CG"),
    ("华农门口那个网吧，天天有初中生进去玩到半夜", "DEPT-WLJ"),
])
def test_another_unit_s_matter_at_a_university_stays_that_unit_s(router, text, unit):
    assert unit in _units(_route(router, text))


@pytest.mark.parametrize("text,district", [
    # a campus said with a university's short name is the campus's place
    ("武理余家头校区的食堂饭菜越来越贵，学生吃不起", "D-WC"),
    ("中南财南湖校区的宿舍晚上断电，热得睡不着", "D-HS"),
    # a crossing said with its bank is on that bank
    ("二七长江大桥汉口那头的桥底下有人倒建筑垃圾", "D-JA"),
    ("天兴洲长江大桥武昌那头的桥下有人倒建筑垃圾", "D-HS"),
])
def test_a_campus_or_a_bridge_end_is_placed_by_what_follows_the_name(router, text, district):
    assert _route(router, text).district == district


def test_anger_said_as_mao_huo_is_no_fire(router):
    d = _route(router, "景区门口的公交车一个钟头才来一趟，游客等得冒火")
    assert not d.transfer
