"""Repeat appeals, twenty-sixth wave (w26-rep): one problem told in other words — a sound likened or felt, a car park's
gate told by what it does at the exit, greens turned into a vegetable plot told by what grows there, a manhole told by
its stench, a leak into a home told by the marks it leaves, an estate's door access — and the hard negatives beside them
(a weak gas supply against a gas smell, a signal's timing against a signal out of order); and the tuning split keeps
its figures."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from insight import matter_for_text
from tests.unit.test_insight_repeats_w23 import _one_matter   # compare and the grouping answer alike (w23-rep)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


# (plain wording, the same matter told in other words, the concept those words are read as, hours apart)
TOLD_OTHERWISE = [
    ("江汉区民权路每天凌晨扫地车就来了，吵醒一条街", "民权路那个清扫车天不亮就过来，声音跟拖拉机一样", "noise", 20),
    ("万达广场停车场出口的道闸坏了，杆子抬不起来", "万达广场地下车库出口排了长龙，刷卡扫码都没反应", "parking_gate", 2),
    ("幸福小区的绿化带被人挖了种菜", "幸福小区花坛里全是辣椒和茄子，还泼大粪", "garden_plot", 6),
    ("江汉区中山公园门口一股下水道的臭味", "中山公园门口那个窨井盖缝里往外冒臭气，路过都要憋气", "sewage", 4),
    ("江岸区铭新小区4栋楼上卫生间漏水，我家天花板一直滴水", "铭新小区4栋楼上防水没做好，我家卫生间顶上全是水印子", "housing", 5),
    ("紫荆花园的门禁刷脸刷不开", "紫荆花园大门的人脸识别机器黑屏了，进不了门", "door_access", 3),
    # a thing told by its parts is that thing: steps by their tiles, a thing thrown by what it was and what it hit,
    # people sleeping rough by their camp's shack and its fire
    ("循礼门地铁站C口的台阶瓷砖碎了好几块，下雨天特别滑", "循礼门地铁站C口楼梯地砖破了，老人走着很危险", "steps", 4),
    ("汉阳知音西苑5栋有人从楼上往下扔垃圾，一袋剩饭差点砸到人", "知音西苑五栋高空抛物，楼下停的车都被砸出坑了", "high_throw", 6),
    ("长江二桥桥底下有流浪汉搭了棚子住，垃圾堆了一大堆", "长江二桥桥下面流浪人员占了一片，晚上还生火", "homeless", 8),
]


@pytest.mark.parametrize("plain, told, concept, hours", TOLD_OTHERWISE)
def test_one_matter_told_in_other_words(plain, told, concept, hours):
    assert concept in matter_for_text(told).concepts
    assert _one_matter(plain, told, hours)


def test_what_the_new_readings_leave_alone():
    # a sound felt is a noise too; a manhole's stench is no road damage, but a missing cover still is
    assert "noise" in matter_for_text("楼下的变压器一开，屋里床都在微微地震").concepts
    assert "noise" in matter_for_text("货车一过，家里窗户玻璃都在抖").concepts
    assert "road_damage" not in matter_for_text("中山公园门口那个窨井盖缝里往外冒臭气").concepts
    assert "road_damage" in matter_for_text("中山公园门口的井盖丢了，一个黑洞").concepts
    assert "garden_plot" in matter_for_text("幸福小区公共绿地被人圈起来当菜园子").concepts
    # an estate's gate that will not close is not its lift
    assert not _one_matter("紫荆花园大门的门禁坏了，门关不上", "紫荆花园3栋的电梯又坏了，停在五楼不动", 3)


# (one aspect of an object told twice, the same object at the same place gone wrong another way, hours apart): a weak
# gas supply against a gas smell, a signal's timing against the signal out of order
ASPECTS = [
    ("青山区和谐花园的燃气灶火苗小得可怜", "和谐花园天然气压力不够，饭都煮不熟", "和谐花园3栋楼道里闻到一股煤气味，怕是漏气了", 3),
    ("青年路口的人行绿灯时间太短，老人过马路走到一半就红了", "青年路口过街的绿灯才十几秒，推婴儿车走不过去", "青年路口的红绿灯坏了，一直闪黄灯", 3),
]


@pytest.mark.parametrize("first, again, other, hours", ASPECTS)
def test_two_aspects_of_one_object_are_two_matters(first, again, other, hours):
    assert _one_matter(first, again, hours)
    assert not _one_matter(first, other, hours) and not _one_matter(again, other, hours)


def test_the_tuning_split_keeps_its_figures():
    from eval_insight import eval_repeats

    tune = eval_repeats("tune80")
    assert tune["found"] >= 40 and tune["wrong_merges"] <= 0, tune
