"""Triage, twenty-first wave (helper w21-tri): a stack of things that "着了" with a word between (纸箱子现在着了),
hazards a thing is liable to (容易摔下去) or that come back with the weather (下雨的时候冒火花), and lost property
(包落在地铁上) the learned check read as someone trapped."""
from __future__ import annotations

import pytest

from routing.triage import screen, triage


@pytest.fixture(scope="module")
def check():
    from routing.seed import SEED_CHECK
    return SEED_CHECK


@pytest.mark.parametrize("text", [
    "我就是想投诉下物业，我们楼道堆的纸箱子现在着了，烟往楼上走",
    "楼下停的车子着了，旁边还有几台车",
    "阳台上的杂物突然着了",
])
def test_a_thing_caught_fire_with_a_suffix_or_adverb_between(text):
    assert triage(text).transfer == ("119",)


def test_a_child_asleep_is_no_fire():
    assert "119" not in triage("孩子现在睡着了，我想问下社区打疫苗的事").transfer


@pytest.mark.parametrize("text", [
    "楼梯扶手松了，老人扶着下楼容易摔下去",
    "商场扶梯的梳齿板缺了几个齿，小孩的鞋子容易卷进去",
])
def test_what_a_thing_is_liable_to_do_is_a_hazard_to_fix(text, check):
    assert screen(text, check).transfer == ()


def test_sparks_that_come_with_the_rain_are_a_hazard_to_fix():
    assert triage("我们楼下的变电箱嗡嗡响还冒火花，下雨的时候特别吓人").transfer == ()
    # said now, it is one
    assert triage("我们楼下的变电箱现在一直在冒火花，下雨的时候更厉害").transfer == ("119",)


@pytest.mark.parametrize("text", [
    "坐地铁把包落在车上了，里面有证件",
    "救命啊，手机忘在出租车上了，司机电话打不通",
])
def test_lost_property_is_no_emergency(text, check):
    assert screen(text, check).transfer == ()


def test_a_child_left_in_a_car_is_still_one(check):
    assert screen("我把孩子忘在车里了，车锁了，孩子在里面哭，太阳好大", check).transfer


def test_someone_lying_there_who_does_not_answer_when_called():
    assert "120" in triage("我就是问一下，楼下那个人躺在地上半天了，叫他不答应，是不是要打120").transfer


@pytest.mark.parametrize("text", [
    "我婆婆出门买菜到现在都没回来，她有老年痴呆，手机也没带，天都黑了",
    "我爸有点糊涂，早上出去散步现在还没回来，到处都找不到了",
])
def test_someone_who_cannot_find_the_way_home_not_back(text):
    assert triage(text).transfer == ("110",)


def test_a_missing_person_found_and_praised_is_past():
    assert triage("上次我婆婆走丢了，派出所帮忙找回来的，她有老年痴呆，想表扬一下民警").transfer == ()


def test_water_that_comes_in_whenever_the_river_rises_is_a_hazard_to_fix():
    assert triage("河堤上有个缺口，涨水的时候水往村里灌").transfer == ()
    assert triage("河堤上有个缺口，现在水往村里灌，好多人家进水了，老人困在屋里出不来").transfer == ("119",)


def test_a_child_who_swallowed_someone_elses_medicine():
    assert triage("孩子吃了奶奶的降压药，不晓得吃了几颗").transfer == ("120",)
    assert triage("宝宝吃了退烧药，想问下多久能退烧").transfer == ()


def test_a_dyke_giving_way_now_and_one_mended_long_ago():
    assert triage("我们村的堤坝在漏水，越漏越大").transfer == ("119",)
    assert triage("去年那次涨水，河堤管涌，后来修好了，现在堤上的路还没修").transfer == ()
