"""Issue 11 point 5, twenty-fourth wave (w24-tri): a works' flames the caller knows, asphalt and barbecue smoke and a
suit over an old crash are ordinary; people still inside a lift that dropped or a basement filling up are not."""
from __future__ import annotations

import pytest

from routing import demo_router
from routing.triage import screen, triage


@pytest.fixture(scope="module")
def check():
    return demo_router().triage_check


@pytest.mark.parametrize("text", [
    # a works' flames known by the caller, asphalt boiled on open ground
    "冶金大道那边一个厂 晚上有火光 知道是炼钢炉的 但是噪音太大",
    "厂区那边半夜一片火光，我们都知道是焦化厂在炼焦，就是想问问排放有没有人查",
    "有人在小区外面的空地上熬沥青 烟大 味道大",
    # a barbecue's smoke drifting in
    "楼上的人在阳台烧烤 烟都飘到我家了",
    # an old crash and a suit or the police's finding asked about
    "去年骑车被一个小车撞了 现在想起诉他 想问问交通事故认定书去哪里拿",
    "那年的车祸我腿断了 现在想问问伤残鉴定在哪里做",
])
def test_known_sources_and_old_crashes_are_no_emergency(check, text):
    assert screen(text, check).transfer == ()


@pytest.mark.parametrize("text, numbers", [
    ("易家墩那边的地下室 水漫进来半人高了 住在里面的几个租户还没出来 有个是小孩", {"119"}),
    ("我们这栋楼地下室的水在往上涨 还有几户老人住在里面都没出来", {"119"}),
    ("我们小区的电梯刚才突然往下坠了好几层 我和孩子在里面 现在卡住了", {"119"}),
    # still fires: a works whose flames spread, a known source with someone harmed
    ("那年轻人掉到河里了 在水里扑腾", {"119"}),
    ("刚才有个小孩差点掉进河里，现在在水里扑腾", {"119"}),
    ("地下室进水了，我妈差点没跑出来，现在还困在里面", {"119"}),
    ("知道是钢厂的火光，但是现在火越来越大，烧到旁边的仓库去了", {"119"}),
])
def test_people_still_inside_are_flagged_by_the_rules(text, numbers):
    assert set(triage(text).transfer) & numbers


@pytest.mark.parametrize("text", [
    "电梯坏了停在三楼，没人在里面，物业说明天修",
    "上个月地下室进水，后来抽干了，现在墙上还有霉",
    # a flooded path where someone nearly walked in: a hazard to fence off
    "知音湖边上的步道被水淹了一段，也没有提示牌，晚上有人差点走进水里",
])
def test_no_one_inside_is_no_emergency(text):
    assert triage(text).transfer == ()
