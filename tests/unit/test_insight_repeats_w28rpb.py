"""Repeat appeals, twenty-eighth wave (w28-rpb, wrong merges): cars parked on a pavement against bikes heaped there;
a road's surface against a manhole's cover in it; two dogs told by breed or colour; a stairwell's seeping pipe against
the estate's water cut; a tree's falling said as a state (那棵倒的树) against its fluff; a bus line's 路 read as no
路灯 typed 路等; a pit filled last month and a new one. One matter told in other words stays one; tune94 keeps its
figures."""
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


def test_cars_said_as_the_pavement_full_of_cars_are_no_bikes():
    # 车 alone after 停满 is cars: the bikes heaped at the gate are another matter than both car appeals
    texts = ["武昌区中南路中南商场外面人行道停满了车，行人只能走车道", "中南商场门口人行道上全是违停的汽车，占了盲道",
             "中南商场门口共享单车乱堆乱放，人都过不去"]
    g = _groups(texts, [0, 2, 3])
    assert _one(g, 0, 1) and not _one(g, 0, 2) and not _one(g, 1, 2)


def test_two_dogs_by_breed_or_colour_are_two_matters():
    from insight.matter import compare
    from insight.places import matter_for_text

    def same(x: str, y: str) -> bool:
        return compare(matter_for_text(x), matter_for_text(y), hours=1.0).repeat

    assert not same("保利花园那只泰迪又在电梯里尿了", "保利花园有条大黑狗不拴绳，把老人扑倒了")
    assert not same("钢都花园有条黑狗不拴绳", "钢都花园那个金毛不拴绳")
    assert same("钢都花园有户人家养的大金毛不拴绳，在小区里追小孩", "钢都花园那个遛大金毛不牵绳的，今天又把孩子吓哭了")
    assert same("钢都花园那条大黄狗咬人", "钢都花园那条土狗又咬人了")     # a mongrel may be of any colour


def test_a_pothole_against_a_manhole_cover_and_a_tree_pit():
    g = _groups(["江夏区大花岭那条路上好多坑，三轮车都翻了", "大花岭那条路的下水道井盖不见了，一个大洞",
                 "大花岭那条路坑坑洼洼的，下雨以后全是泥水坑"], [0, 1, 2])
    assert _one(g, 0, 2) and not _one(g, 0, 1)
    g = _groups(["江汉区姑嫂树路人行道上的树坑没填，晚上踩空崴了脚", "姑嫂树路人行道的树池就是个空洞，连个盖板都没有"], [0, 2])
    assert _one(g, 0, 1)


def test_a_bus_line_s_road_is_no_street_lamp_slip():
    from insight.matter import load_lexicon

    lexicon = load_lexicon()
    assert "streetlight" not in lexicon.find("鲁巷公交站的726路等了一个小时都不来")
    assert "streetlight" in lexicon.find("新华路等全坏了，晚上黑漆漆的")
    assert "bus_driver" in lexicon.find("钟家村公交站524路的司机骂乘客，态度恶劣")


def test_a_pit_filled_then_a_new_one_is_a_new_matter():
    from insight.matter import episode_window
    from insight.places import matter_for_text

    assert episode_window(matter_for_text("解放大道宗关路口那个坑上个月填了，现在旁边又有个新坑")) <= 168
    assert episode_window(matter_for_text("纸坊大街上个月填平的坑现在又冒出来一个")) <= 168
    assert episode_window(matter_for_text("解放大道宗关路口有个大坑，车子颠得厉害")) == 720


def test_tune94_keeps_its_figures():
    from bench.eval_insight import eval_repeats

    r = eval_repeats("tune94")
    # 35 (34 for a while after w28-rpp2's campus reading: the pair of cars on 省人民医院东院's pavement, one told with
    # no problem word, met at the campus, which was no facility for rare content both tell, and 人民医院 read inside
    # 人民医院东院 was taken for the main campus; w29-rpb mended both)
    assert r["found"] >= 35 and r["wrong_merges"] <= 1, r
