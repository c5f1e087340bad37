"""The twenty-ninth wave's shortcuts (helper w29-spd): a hotspot refresh reads each place cluster's keys and each
outage's appeals once.

``insight.hotspots._place_clusters`` takes each place's keys from the repeat memo's place keys (``GroupMemo.by_place``,
kept in the sweep's memo file), so a refresh in a fresh forked process does not read them again; ``_outage_again``
finds the window's appeals leading with each outage, and those naming no problem, once per call instead of once per
outage hotspot. Each answers as the code it replaced (tuning splits only, never the held-out ones). No timing.
"""
from __future__ import annotations

import insight.hotspots as hotspots
import insight.matter as matter
from insight.hotspots import _head_keys, _place_clusters, find_hotspots
from insight.matter import GroupMemo, Matter, load_lexicon, load_settings
from tests.unit.hotspot_cases import HOUR, appeals

from test_insight_speed_w22 import _tuning_hotspot_weeks


def _never(*args, **kwargs):
    raise AssertionError("read again what the memo keeps")


def test_a_warm_call_with_a_memo_reads_no_places_keys_again(monkeypatch):
    """The second call with the memo, in a process that has forgotten every place's keys (a forked refresh), asks
    no matter's or place cluster's keys, and answers as the first and as a call without a memo."""
    weeks = list(_tuning_hotspot_weeks())[-3:]
    for week, now in weeks:
        memo = GroupMemo()
        first = find_hotspots(week, now=now, memo=memo)
        _head_keys.cache_clear()
        monkeypatch.setattr(Matter, "lookup_keys", _never)
        monkeypatch.setattr(Matter, "keys", _never)
        assert find_hotspots(week, now=now, memo=memo) == first
        monkeypatch.undo()
        assert find_hotspots(week, now=now) == first


def test_place_clusters_with_kept_keys_are_those_read_afresh():
    for week, _now in list(_tuning_hotspot_weeks())[:12]:
        idx = list(range(len(week)))
        kept: dict = {}
        afresh = _place_clusters(idx, set(), week)
        assert _place_clusters(idx, set(), week, kept) == afresh
        assert kept         # (the keys are kept: a second reading takes them from there)
        assert _place_clusters(idx, set(), week, kept) == afresh
        assert _place_clusters(idx, {0, 3}, week, kept) == _place_clusters(idx, {0, 3}, week)


def test_an_outage_again_reads_each_appeals_problems_once_per_call(monkeypatch):
    """An area out again days later is found as before, with each appeal's problems read once per call, not once per
    outage hotspot of the week (here the same first outage eight times over)."""
    rows = appeals([(10, "汉阳七里庙这一片停电了，整条街都是黑的"), (10.5, "七里晴川小区没电了，电梯也停了"),
                    (11, "七里庙地铁站旁边的楼全部没电，什么时候来电"), (11.5, "五里新村停电了，冰箱里的东西要坏了"),
                    (12, "五里新村还是没电，都两个钟头了"),
                    (80, "七里庙又停电了，礼拜一才停过"), (80.5, "五里新村下午又停电了，上网课的伢断了线"),
                    (81, "汉阳七里庙这边又停电，店里收银机用不了"), (81.5, "七里晴川小区今天又停电了")]
                   + [(90 + k, f"{place}门口垃圾好几天没人清运，臭得很") for k, place in
                      enumerate(("万科城市花园", "百步亭花园", "南湖山庄", "光谷广场", "汉口火车站", "武昌火车站",
                                 "中南医院", "江汉路步行街", "徐东大街", "宝丰路"))])
    now = 1000.0 + 150 * HOUR
    settings, lexicon = load_settings(), load_lexicon()
    spots = find_hotspots(rows[:5], now=now)
    first = next(s for s in spots if 0 in s.members)
    idx = list(range(len(rows)))
    calls = []
    problems = hotspots._problems

    def counted(m, lex):
        calls.append(m)
        return problems(m, lex)

    monkeypatch.setattr(hotspots, "_problems", counted)
    out = hotspots._outage_again([first] * 8, idx, set(first.members), rows, now, settings, lexicon)
    again = out[8:]
    assert len(again) == 1 and {5, 6, 7, 8} <= set(again[0].members), [s.description for s in out]
    assert len(calls) <= 2 * len(rows), len(calls)
    assert matter.kept_place_keys(rows[0].matter, True, {}) == rows[0].matter.lookup_keys()
