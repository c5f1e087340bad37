"""Landmark readings of the twenty-fifth wave (helper w25-gaz): the road an event at a venue jams (一开演唱会周边的路就
堵死, 比赛散场车子堵在路上) is the traffic police's, not the stadium's or the show's; a museum, memorial or sports venue
said by its short name (武博, 五大会址, 网球中心) keeps its landmark's kind, so its own matter said without the kind is its
owner's; short names and places of the gazetteer read from tuning52g's misses (省肿瘤, 财大, 体院, 武商院, 中山医院, the
planning hall, 张之洞博物馆 in 汉阳)."""
from __future__ import annotations

import pytest

from routing import demo_router
from tests.unit.test_routing_landmarks_w23g import _route   # the twenty-third wave's helper


@pytest.fixture(scope="module")
def router():
    return demo_router()


@pytest.mark.parametrize("text,district", [
    ("洪山体育馆那边一开演唱会，门口的马路就堵死了，出租车都进不来", "D-WC"),
    ("沌口体育中心一有球赛，周围的路上车子乱停，我们小区门口都出不去", "D-HN"),
    ("光谷网球中心打比赛那几天，门口的马路上全是违停的车", "D-HS"),
])
def test_the_road_an_event_at_a_venue_jams_is_the_traffic_police_s(router, text, district):
    d = _route(router, text)
    assert d.unit == "DEPT-JGJ", (d.unit, d.assisting_units)
    assert d.district == district
    assert router._landmark_masked(text, router.locate(text)).endswith("。堵车")


@pytest.mark.parametrize("text", [
    "沌口体育中心那场演唱会的票买了退不了，主办方电话也打不通",
    "洪山体育馆的羽毛球场说好两个小时，打了一个半小时就赶人",
])
def test_a_venue_s_own_matter_with_no_jam_stays_its_own(router, text):
    d = _route(router, text)
    assert d.unit != "DEPT-JGJ", d.unit
    assert "堵车" not in router._landmark_masked(text, router.locate(text))


@pytest.mark.parametrize("text,district,kind", [
    ("武博的展厅好多都关着，来参观的人进去转一圈就出来了", "D-JH", "博物馆"),
    ("五大会址里面的讲解员说一天只讲两场，来晚了就没有", "D-WC", "会址"),
])
def test_a_venue_said_by_its_short_name_keeps_its_kind(router, text, district, kind):
    d = _route(router, text)
    assert d.unit == "DEPT-WLJ", (d.unit, d.assisting_units)
    assert d.district == district
    assert kind in router._landmark_masked(text, router.locate(text))


def test_a_venue_s_gate_is_only_where_the_matter_is(router):
    text = "武博门口天天有人摆摊卖气球，把人行道都占了"
    assert "博物馆" not in router._landmark_masked(text, router.locate(text))
    assert _route(router, text).unit != "DEPT-WLJ"


@pytest.mark.parametrize("text,district", [
    ("省肿瘤的放疗要排队排一个月", "D-HS"),
    ("财大的南湖校区图书馆座位不够", "D-HS"),
    ("财大首义校区那边的路灯坏了", "D-WC"),
    ("体院的游泳馆暑假不对外开放了", "D-HS"),
    ("武商院的学生宿舍停水三天了", "D-HN"),
    ("武商的化妆品专柜卖过期的口红", "D-JH"),
    ("中山医院的住院部电梯老是坏", "D-QK"),
    ("张之洞博物馆的停车场收费太贵", "D-HY"),
    ("江滩那个规划馆周一也不开门", "D-JA"),
    ("江夏体育中心旁边的路灯不亮", "D-JX"),
])
def test_short_names_read_from_tuning52g_find_their_district(router, text, district):
    assert _route(router, text).district == district
