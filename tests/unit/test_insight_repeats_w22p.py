"""Repeat appeals, twenty-second wave (w22-rep2): one problem told in really different words. A cable said by the
line itself (那根线吊下来了), what is burnt instead of 焚烧 (烧稻草), no light in Wuhan speech (冇得光), a stop without a
roof by the rain (没地方躲雨), a hydrant by its other name (消防龙头 is no tap), water spraying (一直在喷) or an official's
words for a burst main (管道破损, 自来水外溢), a flooded road surface (路面全淹 is no broken road), a bin full to spilling
(满得溢出来 is no sewer), a manhole spewing (窨井往外冒黑水 is the sewer, not its cover), an outage by what stopped
(空调也停了), a fight at a bar (喝醉的人打架 is not the bar's music), a car park's barrier said as the car park's
(停车道闸, 停车杆: no parking complaint), a smell of the tap water (自来水有一股怪味), a rumble (轰轰轰)."""
from __future__ import annotations

import pytest

from insight import compare, matter_for_text
from insight.matter import load_lexicon


def _repeat(a: str, b: str) -> bool:
    return compare(matter_for_text(a), matter_for_text(b), hours=2).repeat


@pytest.mark.parametrize("text, has, lacks", [
    ("楼下那根线吊下来了，晃来晃去", "wires", None),
    ("田里有人烧稻草，烟大得很", "burning", None),
    ("巷子里晚上冇得光，伸手摸黑走", "streetlight", None),
    ("那个车站没有顶棚，下雨没地方躲雨", "bus_shelter", None),
    ("消防龙头被车子撞了", "fire_risk", "water_out"),
    ("路边消防栓坏了，水一直在喷", "pipe_burst", None),
    ("市政供水管道破损，大量自来水外溢", "pipe_burst", "road_damage"),
    ("下大雨路面全淹了", "flooding", "road_damage"),
    ("小区门口垃圾桶满得溢出来了", "garbage", "sewage"),
    ("马路边窨井往外冒黑水", "sewage", "road_damage"),
    ("家里空调也停了，热得要死", "power_out", None),
    ("酒吧门口喝醉的人在打架", "brawl", None),
    ("没有光纤信号", "broadband", "streetlight"),
    ("小区东大门停车道闸失灵", "parking_gate", "parking"),
    ("门口停车杆不抬，车子进不去", "parking_gate", "parking"),
    ("我家自来水有一股怪味", "tap_water", None),
    ("修地铁的晚上还在轰轰轰", "noise", None),
])
def test_a_citizens_word_for_the_trouble(text, has, lacks):
    found = load_lexicon().find(text)
    assert has in found
    if lacks:
        assert lacks not in found


@pytest.mark.parametrize("a, b", [
    ("硚口区长堤街那里电线垂得好低，差点挂到人", "长堤街上面那根线吊下来了，晃来晃去，怕出事"),
    ("蔡甸区奓山街那边有人露天焚烧秸秆", "奓山街那一片烧稻草烧得满天都是灰，眼睛睁不开"),
    ("江岸区黄孝河路那个小区门口垃圾没人收", "黄孝河路那个小区门口垃圾桶满得溢出来了，臭得很"),
])
def test_one_problem_in_other_words_is_one_matter(a, b):
    assert _repeat(a, b)


def test_a_car_park_barrier_however_it_is_named():
    assert _repeat("江汉区常青花园六区南门的道闸坏了，抬杆抬不起来，车子在门口排长队",
                   "常青花园六区南大门停车道闸失灵，车牌识别不了，每次都要保安手动开")


def test_a_fight_at_a_bar_is_not_its_music():
    assert not _repeat("江汉区前进四路那家酒吧每晚音乐声太大", "江汉区前进四路那家酒吧门口喝醉的人在打架")
