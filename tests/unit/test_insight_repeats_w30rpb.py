"""Repeat appeals, thirtieth wave (w30-rpb, the place side and hard negatives): a name said after a road's 上 and the
word for near (新华路上靠近武汉商场那站) is that name, not 上靠近武汉商场; a hospital's campus said
without 省 (人民医院东院) or after the hospital's full name (湖北省人民医院东院) is the campus, never the main campus."""
from __future__ import annotations

import sys
from pathlib import Path

from test_insight_repeats_w24b import _groups, _one   # (tests/unit on the path: the wave-24 test's helpers)

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def test_a_name_after_the_roads_shang_and_near_word():
    from insight.matter import matter_of

    m = matter_of("新华路上靠近武汉商场那站的公交站牌字都看不清了")
    assert "武汉商场" in m.places and not any(p.startswith("上") for p in m.places)


def test_a_campus_said_without_its_province_is_the_campus():
    from insight.matter import matter_of

    for text in ("人民医院东院门口电动车乱停一大片", "湖北省人民医院东院门口电动车乱停"):
        assert matter_of(text).places == ("省人民医院东院",), text


def test_the_campus_and_the_main_campus_are_two_places():
    g = _groups(["湖北省人民医院门口电动车乱停，人行道都堵死了", "人民医院东院门口电动车乱停一大片，光谷那边也没人管"], [0, 25])
    assert not _one(g, 0, 1)


def test_one_campus_said_two_ways_stays_one():
    g = _groups(["人民医院东院门口电动车乱停一大片", "省人民医院东院门口电瓶车停得到处都是，人行道走不通"], [0, 8])
    assert _one(g, 0, 1)
