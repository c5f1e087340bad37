"""Repeat appeals, thirtieth wave (w30-rep): one problem told in very different words — cars by the way they stand or
the gate they block, a jam by the crawl, strays said together, a shed by what was put up, a pile told as dumped, a fire
by its lighting, a manhole cover told loose or gone, a hydrant's water running out, a urine smell, a meter box by what it
holds, a place said before the water that comes out of it — with the hard negatives beside them (two kinds of pest at one
estate, a fire lane blocked against parking spaces taken); and the tuning split keeps its figures."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from insight import matter_for_text
from tests.unit.test_insight_repeats_w23 import _one_matter   # compare and the grouping answer alike (w23-rep)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


# (plain wording, the same matter told in other words, the concept those words are read as, hours apart)
TOLD_OTHERWISE = [
    ("江汉区新华小区南门口乱停车", "新华小区南门总有几辆车停着挡道，人都过不去", "parking", 6),
    ("江汉区新华小区南门口乱停车", "新华小区南门口被车堵死了，早上出不去", "parking", 4),
    ("硚口区汉正街大市场门口交通拥堵", "汉正街大市场门口早上货车挤成一团，半个小时挪不动", "traffic_jam", 5),
    ("江岸区球场街小区一楼违章搭建", "球场街小区一楼住户把院子围起来盖了个棚子", "illegal_building", 9),
    ("黄陂区前川街道沙岭村村口有人乱倒垃圾", "沙岭村村口被人倒了一大堆旧沙发和生活垃圾", "dumping", 10),
    ("江岸区后湖新村楼下有人焚烧垃圾", "后湖新村楼下有人在空地上点火，烟往屋里灌", "burning", 3),
    ("汉阳区鹦鹉大道下水道井盖翘起来了", "鹦鹉大道那个井盖松了，车一压就哐当响", "road_damage", 5),
    ("青山区钢花村小区门口的消防栓漏水", "钢花村小区门口那个消火栓一直在往外淌水", "pipe_burst", 3),
    ("武昌区阅马场地下通道里面很臭", "阅马场地下通道一进去就是一股尿骚味", "odor", 8),
    ("硚口区汉西小区5栋电表箱冒烟", "汉西小区5栋那个装电表的铁箱子噼里啪啦响，怕起火", "meter_box", 1),
    ("洪山区鲁巷公交站的公交车半天不来一辆", "鲁巷公交站的车太久不来，上班都迟到了", "bus_wait", 6),
]


@pytest.mark.parametrize("plain, told, concept, hours", TOLD_OTHERWISE)
def test_one_matter_told_in_other_words(plain, told, concept, hours):
    assert concept in matter_for_text(told).concepts
    assert concept in matter_for_text(plain).concepts
    assert _one_matter(plain, told, hours)


def test_strays_said_together_are_the_strays():
    # 流浪猫狗 is the strays, no neighbour's dog nor a cat alone
    told = matter_for_text("吴家山田园社区附近有很多流浪猫狗").concepts
    assert "stray_dog" in told and not told & {"dog", "cat"}
    assert _one_matter("东西湖区吴家山田园社区附近有很多流浪猫狗", "吴家山田园社区野狗好多，晚上见人就龇牙", 18)


def test_a_manhole_cover_gone_is_the_road_and_one_that_spews_the_sewer():
    assert "sewage" not in matter_for_text("汉阳区鹦鹉大道的下水道井盖没了").concepts
    assert "sewage" in matter_for_text("鹦鹉大道的下水道井盖往外冒黑水").concepts


def test_a_place_said_before_the_water_that_comes_out_of_it():
    # 锦绣龙城放出来的水: the water comes out of 锦绣龙城; the verb is no part of its name, nor is the name dropped
    assert matter_for_text("锦绣龙城放出来的水黄黄的像茶水").places[:1] == ("锦绣龙城",)
    assert matter_for_text("绿地中心城流出来的水是黄的").places[:1] == ("绿地中心城",)
    assert _one_matter("汉阳区锦绣龙城自来水发黄", "锦绣龙城放出来的水黄黄的像茶水", 4)


def test_rats_told_by_what_they_gnaw_are_the_rats():
    told = matter_for_text("沙湖港湾小区晚上好多大耗子窜来窜去，还钻到车里咬电线").concepts
    assert "pests" in told and "wires" not in told
    assert _one_matter("武昌区沙湖港湾小区老鼠成灾", "沙湖港湾小区晚上好多大耗子窜来窜去，还钻到车里咬电线", 20)


# (one matter, another problem at the same place: two)
HARD_NEGATIVES = [
    ("武昌区沙湖港湾小区老鼠成灾", "武昌区沙湖港湾小区蚊子很多", 20),      # two kinds of pest at one estate
    ("江汉区常青花园蟑螂特别多", "常青花园苍蝇到处飞", 10),
    ("青山区钢都花园消防通道被车堵死了", "钢都花园的停车位被外面的车占了", 6),   # a fire lane is no parking space
]


@pytest.mark.parametrize("first, other, hours", HARD_NEGATIVES)
def test_another_problem_at_one_place_stays_apart(first, other, hours):
    assert not _one_matter(first, other, hours)


def test_pests_said_in_passing_beside_one_refuse_point_stay_one():
    # the kind of pest parts two appeals about pests only: beside a refuse point left uncollected, its flies and its
    # mosquitoes are what the one rubbish gives off
    assert _one_matter("保利花园垃圾三天没人清运了，苍蝇到处飞", "保利花园垃圾桶满出来了一直没有清理，蚊子很多", 10)


def test_the_tuning_split_keeps_its_figures():
    from eval_insight import eval_repeats

    tune = eval_repeats("tune100")
    assert tune["found"] >= 67 and tune["wrong_merges"] <= 6   # 69 of 73, 6 wrong (an outage over two buildings, a lift in an outage) at w30-rep's end
