"""The twenty-ninth wave's landmark readings (issue 11, helper w29-lm): 二七广场, the Yangtze shipping hospital by its short
name (长航医院) and the 四季美 wholesale market are placed; a theft of or from a parked bike (撬电瓶车的锁) and a bag or
phone snatched are the police's, wherever they happen; a campus building said by its own number before its room
(东九楼的自习室) is the campus's, and so is that room's heating. Sentences written for these tests, not taken from any
dev part."""

import pytest

# the twenty-third wave's helpers and its module-scoped demo router (a fixture, imported for pytest to find)
from tests.unit.test_routing_landmarks_w23g import _route, router  # noqa: F401


@pytest.mark.parametrize("text,district", [
    ("二七广场晚上的灯全黑了", "D-JA"),
    ("长航医院对面的路灯不亮", "D-JA"),
    ("长航总医院的挂号机器坏了", "D-JA"),
    ("四季美农贸城里面卖的牛肉是注水的", "D-HP"),
    ("四季美批发市场门口的货车乱停", "D-HP"),
])
def test_landmarks_the_round_found_unplaced_are_placed(router, text, district):  # noqa: F811
    assert _route(router, text).district == district, text


@pytest.mark.parametrize("text", [
    "小区后面那条巷子里晚上有人撬电动车，已经丢了好几辆",
    "菜场外面停的电瓶车总被人撬锁，撬电瓶车的都不怕人",
    "公园门口晚上有人骑摩托抢包，好多人都被抢过",
    "商场出口那里经常有人抢手机，抢了就跑",
])
def test_thefts_and_snatching_are_the_polices(router, text):  # noqa: F811
    assert _route(router, text).unit == "DEPT-GAJ", text


@pytest.mark.parametrize("text", [
    "华农三号楼的教室冬天暖气不开，上课冻得发抖",
    "武大南二楼里面的自习室暖气一直不热",
])
def test_a_campus_buildings_room_and_its_heating_are_the_campus(router, text):  # noqa: F811
    assert _route(router, text).unit == "DEPT-JYJ", text


def test_heating_off_campus_is_still_heating(router):  # noqa: F811
    # the campus reading does not take a home's heating (no campus named)
    assert _route(router, "小区三号楼冬天暖气不开，家里冻得发抖").unit != "DEPT-JYJ"
