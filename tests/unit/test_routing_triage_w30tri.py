"""Issue 11, thirtieth wave (w30-tri): ordinary appeals that sound alarming stay unflagged — an inspection asked of
whoever can do it (the maker, a fitter) after a feared poisoning, a thing still in use after a past fall, a burning
smell or sparks denied, traffic said not to move, staff who do not answer, a collapse nobody mended or people still
walk on, children made to walk in the road by stalls or at the school-run hour, what people keep doing (老有人), stray
dogs that go for anyone — while the same words told of a danger now stay emergencies; and the wave's tuning part keeps
its triage figures."""
from __future__ import annotations

from pathlib import Path

import pytest

from routing.seed import parse_devset, seed_triage_check
from routing.triage import screen, triage

DEV = Path(__file__).resolve().parents[1] / "routing_dev"


@pytest.fixture(scope="module")
def check():
    return seed_triage_check()


@pytest.mark.parametrize("text", [
    # an inspection asked of the maker or a fitter, the smell feared for what it may do
    "我家的热水器用起来有股怪味，我怕会一氧化碳中毒，厂家能不能来检查一下",
    "卫生间的燃气热水器一开就有股刺鼻的味，我担心中毒，麻烦师傅上门检测一下",
])
def test_an_inspection_asked_after_a_feared_poisoning_is_no_emergency(text, check):
    assert not triage(text).transfer
    assert not screen(text, check).transfer


@pytest.mark.parametrize("text", [
    "商场里的自动扶梯突然倒着走，上个月有人摔了，现在还在用，商场也不说修没修",
    "小区电梯上周困了人，现在照常使用，物业也不说修没修",
])
def test_a_thing_still_in_use_after_a_past_harm_is_no_emergency(text, check):
    assert not screen(text, check).transfer


@pytest.mark.parametrize("text", [
    "急急急，家里突然跳闸了，合上去又跳，是不是电网的问题，没有冒烟也没有焦味",
    "插座一插上就跳闸，没冒烟也没闻到糊味，想请电工来看看",
])
def test_a_burning_smell_denied_is_no_fire(text, check):
    assert not triage(text).transfer
    assert not screen(text, check).transfer


@pytest.mark.parametrize("text", [
    "景区门口节假日堵得动不了，停车场也不开",
    "剧院门口散场的时候出租车乱停，整条路动不了",
    "医院住院部的护士半夜叫不应，按铃也没用",
    "公园的上山步道有一截塌了，也没有人来修",
    "山上的步道有一段塌了，还有人往上爬",
])
def test_jams_unanswering_staff_and_unmended_collapses_are_no_emergency(text, check):
    assert not triage(text).transfer
    assert not screen(text, check).transfer


@pytest.mark.parametrize("text", [
    "老街上的早点摊把路都占了，上学的小伢只能走马路中间",
    "小学门口那条巷子，放学的时候推车摆一排，孩子们都站在马路中间吃东西",
    "那条小巷子晚上老有人撬电瓶车的锁，能不能多巡逻",
    "路上有几条流浪狗，成群结队的，见人就追，请有关部门来捉走",
])
def test_practices_and_habits_are_no_crime_now(text, check):
    assert not triage(text).transfer
    assert not screen(text, check).transfer


@pytest.mark.parametrize("text, numbers", [
    ("厨房着火了，没有焦味但是火苗好大", {"119"}),
    ("卧室里一股焦味，插座在冒烟", {"119"}),
    ("工地的围墙塌了，下面有人", {"119", "120"}),
    ("房子塌了，有人在里面喊救命", {"119", "120"}),
    ("我爸摔了一跤躺在地上动不了", {"120"}),
    ("车被水淹了，人在车里动不了", {"119"}),
    ("有个小孩跑到马路中间了，车来车往的", {"110"}),
    ("楼下有人在撬电瓶车的锁，现在还在撬", {"110"}),
    ("有个疯子拿着刀见人就砍", {"110"}),
    ("电梯里还在困着人，快来", {"119"}),
    ("燃气热水器有股怪味，我老婆洗澡晕倒了，快来", {"119", "120"}),
])
def test_the_same_words_told_of_a_danger_now_stay_emergencies(text, numbers, check):
    assert numbers & set(screen(text, check).transfer)


def _figures(name: str, check) -> tuple[float, float, float, float]:
    rows = parse_devset((DEV / name).read_text(encoding="utf-8"))
    emergencies = [r for r in rows if r["transfer"]]
    out = [r for r in rows if r["redirect"]]
    ordinary = [r for r in rows if not r["transfer"] and not r["redirect"]]
    right = sum(bool(set(screen(r["text"], check).transfer) & r["transfer"]) for r in emergencies)
    kept = sum(screen(r["text"], check).redirect == r["redirect"] for r in out)
    flagged = sum(bool(screen(r["text"], check).transfer) for r in ordinary)
    redirected = sum(screen(r["text"], check).redirect is not None for r in ordinary)
    return right / len(emergencies), kept / len(out), flagged / len(ordinary), redirected / len(ordinary)


def test_tuning73t_keeps_its_triage_figures(check):
    right, kept, flagged, redirected = _figures("tuning73t.txt", check)
    assert right >= 0.95 and kept >= 0.95
    assert flagged <= 0.02 and redirected <= 0.02
