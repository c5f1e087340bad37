"""Issue 11, thirtieth wave, second triage round (w30-tri2): rules.md §2 draws the line between a complaint about an
official that the hotline takes — a department's or a village committee's inaction or mistake, a request that village
accounts be published — and a report of corruption that goes to 纪检监察 (bribes, embezzlement, favours to relatives);
a complaint about one's own lawyer is the lawyers' supervision's at any stage of a case, and a trade-remedy case
abroad a firm must answer (反倾销…应诉) the commerce bureau's; a vehicle that smoked and was
emptied, told for the service afterwards, is no emergency. The same words told of a gain taken, of a court to hurry or
of a danger now keep their redirect or their transfer; and the round's tuning part keeps its triage figures."""
from __future__ import annotations

import pytest

from routing.seed import seed_triage_check
from routing.triage import screen, triage
from tests.unit.test_routing_triage_w30tri import _figures


@pytest.fixture(scope="module")
def check():
    return seed_triage_check()


@pytest.mark.parametrize("text", [
    # inaction or a mistake of an official, nothing gained or favoured named
    "村委会把我家的宅基地面积量错了，找村主任说了好几回他也不改",
    "村支书把村里的水渠填了给人家修了仓库，我们的田浇不上水，找了几次也不管",
    # accounts asked to be published, nothing said taken
    "村支书管着村里的厂房出租，租金收了好几年从来没公开过，请街道督促村委会把账目公示出来",
])
def test_inaction_and_accounts_to_publish_stay_with_the_hotline(text, check):
    assert screen(text, check).redirect is None


@pytest.mark.parametrize("text", [
    "村支书把扶贫款装进了自己口袋，账目也不公开，请上面查一查",
    "村主任把低保名额给了他小舅子",
    "局长坐着老板的车天天去钓鱼，那个老板的工程都是他们局批的",
    "村会计把征地补偿款扣了一部分，说是村里统一管，账也不公开",
])
def test_a_gain_or_a_favour_named_is_still_an_accusation(text, check):
    assert screen(text, check).redirect == "纪检监察"


@pytest.mark.parametrize("text", [
    "我请的律师收了钱就不露面了，开庭那天也没来，我想换个律师",
    "法律援助派的律师开庭前一天才见我，根本不管事，能不能换一个律师",
    "官司还在二审，律师电话不接，交的代理费想退回来，找谁",
])
def test_a_complaint_about_ones_lawyer_is_in_scope(text, check):
    assert triage(text).redirect is None
    assert screen(text, check).redirect is None


@pytest.mark.parametrize("text", [
    "我们公司的光伏板出口被欧盟立案反倾销调查了，要求我们在三十天内应诉，商务局能不能给点指导",
    "美国对我们的产品发起反补贴调查，企业要不要应诉，费用有没有补贴",
])
def test_a_trade_remedy_case_abroad_is_no_court_case(text, check):
    assert screen(text, check).redirect is None


def test_a_trade_dispute_before_a_court_at_home_is_still_a_court_case(check):
    assert screen("我们跟外贸公司因为倾销的事打官司，法院已经开庭了，想催一下判决", check).redirect == "诉讼"


def test_a_court_asked_to_hurry_is_still_a_court_case(check):
    assert screen("我的案子已经开庭了，律师一直联系不上，判决还没下来，法院能不能快点判", check).redirect == "诉讼"


@pytest.mark.parametrize("text", [
    "大巴开到半路冒黑烟，司机让我们全部下车，在路边等了一个多小时，车票钱也不退",
    "今天坐的公交车开着开着冒白烟，司机把我们都请下车了，这车太老了该换了",
])
def test_a_vehicle_that_smoked_and_was_emptied_is_no_emergency(text, check):
    assert not triage(text).transfer
    assert not screen(text, check).transfer


@pytest.mark.parametrize("text", [
    "公交车冒烟着火了，司机让大家下车，火越来越大",
    "公交车着火了，乘客都下车了，快来",
    "公交车冒烟了，司机让大家下车，有个老人摔倒了在流血",
])
def test_a_vehicle_on_fire_or_someone_hurt_is_still_an_emergency(text, check):
    assert triage(text).transfer


def test_tuning75t_keeps_its_triage_figures(check):
    right, kept, flagged, redirected = _figures("tuning75t.txt", check)
    assert right >= 0.95 and kept >= 0.95
    assert flagged <= 0.02 and redirected <= 0.02
