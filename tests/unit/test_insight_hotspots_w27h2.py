"""Hotspots of the twenty-seventh wave's second hotspots helper (w27-hot2): one matter at one place told by many
citizens, each by a different side of it (a concrete plant's dust, its mixer lorries' mud and night noise, a road they
broke, a child's cough): one local hotspot of the appeals naming the place and the thing most of them name, or a thing
said beside it. Other matters at the same place stay out; too few appeals, or too few citizens, make none."""
from __future__ import annotations

from insight.hotspots import _sides_at_one, find_hotspots
from insight.matter import load_lexicon, load_settings
from tests.unit.hotspot_cases import HOUR, appeals, spot_of

NOW = 1000.0 + 160 * HOUR

_PLANT = [(3, "东西湖吴家山那个搅拌站灰太大了，车停一晚上第二天一层灰"),
          (20, "吴家山搅拌站的罐车把泥巴撒得满路都是，下雨天滑得摔了好几个人"),
          (44, "晚上十二点还有罐车进出，轰隆隆的，东西湖吴家山这边谁批的"),
          (70, "吴家山那条路被罐车压得坑坑洼洼，电动车骑着颠死了"),
          (95, "我家孩子咳嗽老不好，医生说空气里粉尘多，就住吴家山搅拌站旁边"),
          (120, "东西湖区吴家山的混凝土搅拌站到底有没有环评")]
_OTHERS = [(60, "吴家山的公交车班次太少了"), (100, "东西湖吴家山办社保卡在哪里")]


def test_one_matter_told_by_its_sides_at_one_place_is_one_hotspot():
    spots = find_hotspots(appeals(_PLANT + _OTHERS), now=NOW)
    spot = spot_of(spots, 0)
    assert spot is not None and spot.kind == "local", [s.description for s in spots]
    assert set(range(6)) <= set(spot.members), spot.description
    assert not {6, 7} & set(spot.members), spot.description


def test_the_sides_pass_needs_enough_appeals_and_citizens():
    settings, lexicon = load_settings(), load_lexicon()
    rows = appeals(_PLANT[:4] + _OTHERS)
    assert not _sides_at_one([], list(range(len(rows))), set(), rows, NOW, settings, lexicon)
    rows = appeals(_PLANT)
    for a in rows:
        a.citizen = "c1" if a.at < 50 * HOUR + 1000 else "c2"
    assert not _sides_at_one([], list(range(len(rows))), set(), rows, NOW, settings, lexicon)
    rows = appeals(_PLANT + _OTHERS)
    spots = _sides_at_one([], list(range(len(rows))), set(), rows, NOW, settings, lexicon)
    assert len(spots) == 1 and set(spots[0].members) == set(range(6))


_LAKE = [(2, "沙湖边上死鱼漂了一片，太恶心了，武昌"),
         (20, "沙湖那边跑步的人都不去了，一股死鱼味，谁来捞一下"),
         (45, "沙湖公园的湖水变绿了，还有泡沫，是不是有人往里排污"),
         (70, "沙湖公园里面的蚊子多得不得了，湖水发臭以后更多了"),
         (95, "沙湖湖边的步道上都是死鱼，小孩去玩踩了一脚")]


def test_a_question_of_ones_own_at_a_hotspots_place_stays_out():
    spots = find_hotspots(appeals(_LAKE + [(60, "沙湖公园晚上几点关门")]), now=NOW)
    spot = spot_of(spots, 0)
    assert spot is not None and {0, 1, 2, 4} <= set(spot.members), [s.description for s in spots]
    assert 5 not in spot.members, spot.description
