"""Landmark readings of the twenty-third wave, second round (helper w23-gaz2): a campus's own roads and grounds said as
inside it (华农里面的路, 湖大校园里的草坪) and its gates with their access (地大的门口刷身份证) are the campus's; an ID card
swiped at a gate is the pass, no police matter; 说好的 with no home said is the owner's promise, no developer's; a
guesthouse's charge across from a hospital or a station is the lodging trade's (市场监管); private cars parked in a
hospital's ambulance lane are the traffic police's."""
from __future__ import annotations

import pytest

from routing import demo_router
from tests.unit.test_routing_landmarks_w23g import _route, _units   # the first round's helpers


@pytest.fixture(scope="module")
def router():
    return demo_router()


@pytest.mark.parametrize("text,district", [
    ("武大里面的路周末全是游客的车，学生骑个自行车都要让来让去", "D-WC"),
    ("民大校内的道路挖开了一个月，施工的围挡把去教学楼的路堵了", "D-HS"),
    ("江汉大学里面那个湖边的栏杆断了好长一截，晚上有学生在那坐着危险", "D-HN"),
    ("华科校园里面的路灯坏了好几盏，晚上从实验室回宿舍黑黢黢的", "D-HS"),
    ("地大的门口刷身份证进去，刷了三回都显示未预约，明明约了的", "D-HS"),
    ("湖工的校门口闸机坏了，进出都要排队，保安也不管", "D-HS"),
])
def test_a_campus_s_roads_grounds_and_gates_are_the_campus_s(router, text, district):
    d = _route(router, text)
    assert _units(d) & {"DEPT-JYJ", f"{district}-JY"}, (d.unit, d.assisting_units)


def test_an_id_card_swiped_at_a_gate_is_no_police_matter(router):
    d = _route(router, "黄鹤楼说好的本地人刷身份证半价，去了又说只限周二")
    assert d.unit == "DEPT-WLJ", d.unit
    # losing one's card is still the police's
    assert _route(router, "身份证丢了，去补办说要等一个月").unit == "DEPT-GAJ"


@pytest.mark.parametrize("text,unit", [
    ("古琴台说好的老年人免票，我带着老年证去了还是要买", "DEPT-WLJ"),
    ("华师的游泳馆说好的暑假对教职工家属开放，办了卡又说不开了", "DEPT-JYJ"),
])
def test_a_promise_with_no_home_said_is_the_owner_s(router, text, unit):
    assert unit in _units(_route(router, text))


def test_a_developer_s_promise_stays_the_developer_s(router):
    assert "DEPT-FGJ" in _units(_route(router, "开发商说好的去年年底交房，到现在还冇交"))


@pytest.mark.parametrize("text,district", [
    ("普爱医院对面的小旅馆，陪护的住一晚要两百，前台贴的价格是八十", "D-QK"),
    ("儿童医院旁边那家宾馆，看病的家长住一晚收四百，跟网上订的价不一样", "D-JA"),
    ("武汉站出站口对面的宾馆，价格表写一百，住了一晚收了二百六", "D-HS"),
])
def test_a_guesthouse_s_charge_beside_a_landmark_is_market_supervision_s(router, text, district):
    d = _route(router, text)
    assert d.unit == f"{district}-SJ", d.unit


@pytest.mark.parametrize("text", [
    "五医院急诊那边的救护车通道被私家车占了，保安喊也不动",
    "儿童医院门口的急救通道，家长的私家车天天停在那里，救护车鸣笛都冇人挪",
])
def test_private_cars_in_an_ambulance_lane_are_the_traffic_police_s(router, text):
    assert _route(router, text).unit == "DEPT-JGJ"
