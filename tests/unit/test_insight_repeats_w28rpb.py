"""Repeat appeals, twenty-eighth wave (w28-rpb, wrong merges): cars parked on a pavement against bikes heaped there;
a stairwell's seeping pipe against the estate's water cut; a tree's falling said as a state (那棵倒的树) against its
fluff; and a group: an appeal told apart from one sampled member (two aspects, two buildings, two shops …) weighs that
member as two misses, so that repeating one of two members is no longer enough to join them. One matter told in other
words stays one; tune94 keeps its figures."""
from __future__ import annotations

import sys
from pathlib import Path

from test_insight_repeats_w24b import _groups, _one   # (tests/unit on the path: the wave-24 test's helpers)

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


import pytest

# (texts, their hours): the first and the last are one matter, the middle one another
_TOLD_APART = [
    # cars on the pavement against bikes heaped at one gate
    (["武昌区徐东大街销品茂门口人行道上停满了私家车，推轮椅都过不去", "销品茂门口共享单车堆成一座山，盲道全堵了",
      "徐东销品茂门口人行道被小汽车占满了，行人只能走马路"], [0, 1, 2]),
    # a stairwell's drip against the estate's water cut
    (["江汉区常青花园八小区今天一早停水了，没看到通知", "常青花园八小区5栋楼道里的水管一直渗水，墙上都长霉了",
      "常青花园八小区停水一上午了，什么时候来水"], [0, 1, 2]),
    # a tree fallen (said as a state) against its fluff
    (["汉阳区墨水湖北路上那棵倒的大树还横在路上，车过不去", "墨水湖北路的梧桐树飘毛，满天飞，鼻子过敏",
      "墨水湖北路有棵大树倒在路中间，一直没人拖走"], [0, 1, 2]),
]


@pytest.mark.parametrize(("texts", "hours"), _TOLD_APART)
def test_the_middle_appeal_is_another_matter(texts, hours):
    g = _groups(texts, hours)
    assert _one(g, 0, 2) and not _one(g, 0, 1) and not _one(g, 1, 2)


def test_a_burst_indoors_may_still_cut_the_estate_s_water():
    g = _groups(["江汉区常青花园八小区5栋楼道里的水管爆了，水哗哗往下流", "常青花园八小区停水了，说是在抢修"], [0, 1])
    assert _one(g, 0, 1)


def test_cars_or_bikes_unsaid_stay_one_matter():
    g = _groups(["武昌区徐东销品茂门口人行道上停满了车，推轮椅都过不去", "徐东销品茂门口人行道被小汽车占满了，行人只能走马路"],
                [0, 2])
    assert _one(g, 0, 1)


def test_a_member_told_apart_weighs_as_two_misses():
    # the bikes repeat the appeal that says only 停满了车 and are told apart from the one that says 汽车: no group
    texts = ["武昌区中南路中南商场外面人行道停满了车，行人只能走车道", "中南商场门口人行道上全是违停的汽车，占了盲道",
             "中南商场门口共享单车乱堆乱放，人都过不去"]
    g = _groups(texts, [0, 2, 3])
    assert _one(g, 0, 1) and not _one(g, 0, 2) and not _one(g, 1, 2)


def test_told_apart_is_what_compare_says():
    from insight.matter import compare
    from insight.places import matter_for_text

    cars, bikes = matter_for_text("销品茂门口人行道停满了私家车"), matter_for_text("销品茂门口共享单车堆成山")
    c = compare(cars, bikes, hours=1.0)
    assert not c.repeat and c.apart
    c = compare(cars, matter_for_text("销品茂门口人行道上停满了车"), hours=1.0)
    assert c.repeat and not c.apart


def test_tune94_keeps_its_figures():
    from bench.eval_insight import eval_repeats

    r = eval_repeats("tune94")
    assert r["found"] >= 23 and r["wrong_merges"] <= 1, r
