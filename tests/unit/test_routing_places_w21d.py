"""Twenty-first wave (helper w21-disp): places whose names are everyday words (a street without its 街道 / 镇: 山坡, 凤凰,
和平, 前进; a community or village: 成功, 全力) are read as the place when a place word follows them, never alone."""
from functools import lru_cache

import pytest

from routing.places import Gazetteer, extract_place
from routing.registry import load_demo_registry


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer:
    return Gazetteer.from_units(load_demo_registry()[0])


@pytest.mark.parametrize("text, district", [
    ("山坡那边有个砖厂，烟囱天天冒黑烟", "D-JX"),             # 山坡街道 said as residents say it
    ("凤凰那边的湾子里有人养了好多狗", "D-XZ"),                # 凤凰镇
    ("我们前进那边的电信座机打不出去", "D-JH"),                # 前进街道, after 我们
    ("成功社区的还建小区地下车库一直积水", "D-CD"),            # a community named by an everyday word
    ("全力那边通往江边的那条路被大货车压坏了", "D-HN"),
    ("全力村里的路灯坏了一个月", "D-HN"),
])
def test_an_everyday_name_with_a_place_word_is_the_place(text, district):
    assert extract_place(text, _gazetteer()).district == district


@pytest.mark.parametrize("text", [
    "社保卡申请成功那边又说要等一个月",      # not a clause opener before it
    "请你们全力配合一下把路灯修好",
    "山坡上有人乱砍树",                    # the hillside
    "车站那边的出租车乱停",                # a station, not 车站街道
    "凤凰传奇的歌放得太响了",
])
def test_an_everyday_word_alone_names_no_place(text):
    assert extract_place(text, _gazetteer()).district is None


def test_a_named_place_before_an_everyday_name_still_decides():
    # 宝丰路 (硚口) is named first; 成功社区 after it does not move the appeal to 蔡甸
    assert extract_place("宝丰路那边成功社区，老楼的化粪池堵了", _gazetteer()).district == "D-QK"


@pytest.mark.parametrize("text, district", [
    ("旧街卫生院的医生态度差得很", "D-XZ"),       # a short street alias confirmed by the public place after it
    ("永安中心小学门口的路全是坑", "D-CD"),
])
def test_a_short_alias_before_a_public_place_of_its_own_is_the_place(text, district):
    assert extract_place(text, _gazetteer()).district == district


def test_a_short_alias_with_an_ordinary_word_after_it_still_needs_confirming():
    assert extract_place("旧街的茶叶卖不出去", _gazetteer()).district is None
