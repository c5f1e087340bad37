"""Landmark readings of the twenty-second wave's second round (helper w22-gaz2): the short names citizens say for
three universities are placed by their landmark's row — 湖工 (湖北工业大学, 洪山), 民大 (中南民族大学, 洪山), 江大
(江汉大学, 汉南) — and 武理 (武汉理工大学) is its alias too; a longer name still wins (江大路 is a road of 江岸)."""
from __future__ import annotations

import pytest

from hotline.ports import RoutingRequest
from routing import demo_router


@pytest.fixture(scope="module")
def router():
    return demo_router()


@pytest.mark.parametrize("text,district", [
    ("湖工的宿舍一直停热水，学生打了几次电话给后勤，后勤说等", "D-HS"),
    ("民大的体育馆说对外收费开放，办了卡去了又说被学校活动占了", "D-HS"),
    ("江大的校园装了闸机，刷脸只认学生，周边居民走了几年的路不让走了", "D-HN"),
])
def test_short_names_of_universities_are_placed(router, text, district):
    assert router.route(RoutingRequest(text=text)).district == district


def test_a_road_named_after_the_short_name_stays_the_road(router):
    assert router.route(RoutingRequest(text="江大路那边的路灯坏了好几盏，晚上黑漆漆的")).district == "D-JA"
