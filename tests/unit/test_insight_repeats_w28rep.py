"""Repeat appeals, twenty-eighth wave (w28-rep): new kinds of problem told in other words — a hall too hot, self-service
machines dead, a downpipe broken, a drum lesson, prescription drugs sold without one, a gym's weights, a road sign wrong,
mahjong at night, a sprinkler, a roving scrap buyer, a driver smoking, mud from lorries, wood-boring pests, a coal
chimney — and what makes two readings of one thing one (a hall's heat told by its air conditioning or the wait in it, a
downpipe by its wall or its water, a sprinkler by the water it throws, a toilet by what fills it), with the hard negatives
beside them; and the tuning split keeps its figures."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from insight import matter_for_text
from tests.unit.test_insight_repeats_w23 import _one_matter   # compare and the grouping answer alike (w23-rep)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


# (plain wording, the same matter told in other words, the concept those words are read as, hours apart)
TOLD_OTHERWISE = [
    ("江岸区地铁1号线大智路站站厅里闷热得很", "大智路站里面像蒸笼一样，通风太差了", "stuffy", 3),
    ("武昌区省人民医院的自助挂号机坏了", "省人民医院那几台机器黑屏了，插卡没反应", "self_service", 4),
    ("硚口区宝丰路长丰小区2栋外墙的雨水管断了", "长丰小区2栋一下雨水从楼上哗哗往下冲，那根管子断了", "downpipe", 5),
    ("青山区建设二路一家药店卖抗生素不要处方", "建设二路那个药店处方药随便卖", "rx_drugs", 6),
    ("洪山区关山大道一家健身房扔杠铃，楼下受不了", "关山大道那个健身房哑铃砸在地上咚的一声", "weights_drop", 4),
    ("汉阳区墨水湖北路的路牌指错了方向", "墨水湖北路那个指示牌方向是反的", "road_sign", 8),
    ("江岸区百步亭花园活动室有人打麻将到半夜", "百步亭花园活动室天天赌博，搞到深更半夜", "mahjong", 6),
    ("武昌区沙湖公园绿化带的喷灌喷到步道上", "沙湖公园草坪上的喷头乱喷，跑步的人被浇湿了", "sprinkler", 5),
    ("江汉区常青花园收废品的喇叭一大早就喊", "常青花园高价回收旧手机的喇叭天天喊", "scrap_yard", 7),
    ("公交715路的司机边开车边抽烟", "715路公交车驾驶员吸烟，说了也不听", "bus_driver", 9),
    ("蔡甸区知音湖大道渣土车一路掉泥巴", "知音湖大道那边大车车轮带泥，路上全是泥", "spill", 4),
    ("武昌区粮道街30号老房子有白蚁", "粮道街30号我家木门框被虫蛀空了，飞蚂蚁满屋", "pests", 6),
    ("硚口区古田四路一家浴室的烟囱冒黑烟", "古田四路浴室烟囱一股烧煤的味道，晾的衣服上全是黑点", "pollution", 5),
    ("江汉区武汉广场三楼的培训班架子鼓声音太吵", "武汉广场三楼小孩学打鼓，一整天都在敲", "instrument", 6),
]


@pytest.mark.parametrize("plain, told, concept, hours", TOLD_OTHERWISE)
def test_one_matter_told_in_other_words(plain, told, concept, hours):
    assert concept in matter_for_text(told).concepts
    assert concept in matter_for_text(plain).concepts
    assert _one_matter(plain, told, hours)


def test_two_readings_of_one_thing_are_one():
    # a hall's heat told by its air conditioning (read as a vehicle's) and by the wait in it (等车: the bus concept)
    assert _one_matter("江岸区地铁1号线大智路站站厅里空调不开，闷热得很", "大智路站里面闷得喘不过气，等车汗流浃背", 5)
    # a downpipe told by the wall it hangs on and by the water it pours
    assert _one_matter("硚口区宝丰路长丰小区2栋外墙的雨水管断了", "长丰小区2栋一下雨水从楼上哗哗往下冲，走过楼门口淋一身", 4)
    # a sprinkler told by the water it throws is the sprinkler (喷水 alone reads as a burst main)
    assert _one_matter("武昌区沙湖公园绿化带的喷灌喷到步道上", "沙湖公园草坪上的喷头一直在喷水，走过去一身水", 3)
    # a music fountain is no burst main, a toilet's pan no hole in a road
    for text, wrong in (("光谷世界城广场的喷水表演晚上太吵了", "pipe_burst"), ("水果湖中学卫生间没人打扫，蹲坑里堆满了", "road_damage")):
        assert wrong not in matter_for_text(text).concepts, text


# (one matter, another problem at the same place: two)
HARD_NEGATIVES = [
    ("洪山区关山大道一家健身房扔杠铃，楼下受不了", "关山大道那家健身房放的音乐声音太大了", 6),
    ("公交715路的司机边开车边抽烟", "715路公交车等了四十分钟都不来", 5),
    ("江岸区百步亭花园活动室有人打麻将到半夜", "百步亭花园活动室门口乱停车，消防车进不来", 4),
    ("江汉区武汉广场三楼的培训班架子鼓声音太吵", "武汉广场门口有个井盖松了，车子压过去哐当哐当", 30),
]


@pytest.mark.parametrize("first, other, hours", HARD_NEGATIVES)
def test_another_problem_at_one_place_stays_apart(first, other, hours):
    assert not _one_matter(first, other, hours)


def test_the_tuning_split_keeps_its_figures():
    from eval_insight import eval_repeats

    tune = eval_repeats("tune92")
    assert tune["found"] >= 58 and tune["wrong_merges"] == 0
