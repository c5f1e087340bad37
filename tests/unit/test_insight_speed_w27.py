"""The twenty-seventh wave's shortcuts (helper w27-spd): a warm hotspot refresh does less of what it did again.

``insight.matter._repeat_scores`` answers a group from the remembered scores alone when the memo has every pair (no
place reading asked); :class:`insight.matter.GramCounts` adds a matter's bigrams with Counter's own loop; in
``insight.hotspots`` the places an appeal says (:func:`_place_names`), the kinds of thing a first clause tells and
the pairs of characters beside an appeal's news are read once per reading, not once per position, word or
hotspot. Each is checked against the plain code it replaced, on the repeats and hotspots tuning splits (never the
held-out ones). No timing.
"""
from __future__ import annotations

import itertools
from collections import Counter

import pytest

import insight.hotspots as hotspots
import insight.matter as matter
from insight.hotspots import find_hotspots
from insight.matter import GramCounts, GroupMemo, group, load_settings

from test_insight_speed_w22 import _tuning_hotspot_weeks
from test_insight_speed_w24 import _repeat_splits


def _never(*args, **kwargs):
    raise AssertionError("asked what the memo already answers")


def test_remembered_scores_answer_a_group_without_reading_its_places():
    settings = load_settings()
    matters = _repeat_splits()[0][0]
    m, others = matters[0], [(x, 2.0) for x in matters[1:4]]
    area = float(settings.get("similar", "area_hours", 0) or 0)
    within = float(settings.get("similar", "consequence_hours", 0) or 0)
    estate = float(settings.get("similar", "estate_area_hours", 0) or 0)
    cls = (2.0 <= area) + 2 * (2.0 <= within) + 4 * (2.0 <= estate)
    for scores, want in (((0.9, None, 0.8), [0.9, 0.8]), ((None, 0.7, None), []), ((0.6, 0.5, 0.4), [0.6, 0.5, 0.4])):
        memo = {(id(m), id(x), cls): s for (x, _), s in zip(others, scores)}
        assert matter._repeat_scores(m, others, settings, memo, _never, {}) == want
    # one pair not remembered: read as before (its places asked)
    memo = {(id(m), id(others[0][0]), cls): 0.9}
    with pytest.raises(AssertionError):
        matter._repeat_scores(m, others, settings, memo, _never, {})


def test_group_with_a_full_memo_answers_as_afresh_comparing_nothing(monkeypatch):
    for matters, times in _repeat_splits()[-6:]:
        memo = GroupMemo()
        first = group(list(matters), list(times), memo=memo)
        monkeypatch.setattr(matter, "compare", _never)
        monkeypatch.setattr(matter, "_may_repeat", _never)
        assert group(list(matters), list(times), memo=memo) == first
        monkeypatch.undo()
        assert first == group(list(matters), list(times))


def test_counts_added_by_counters_loop_as_one_by_one():
    matters = [m for ms, _ in _repeat_splits()[:8] for m in ms]
    counts = GramCounts()
    for part in (matters[:50], matters[:50] * 2, matters[20:90], []):
        got = counts.of(part)
        want = Counter(itertools.chain.from_iterable(m.grams for m in part))
        assert got == want and all(v > 0 for v in got.values())


def test_names_said_as_the_plain_reading():
    for week, _ in list(_tuning_hotspot_weeks())[-6:]:
        for a in week:
            m = a.matter
            plain = {x for q in itertools.chain(m.places, m.areas, m.street_said)
                     for x in (q, hotspots._area_head(q), hotspots._area_stem(q), hotspots._leading_area(q))}
            assert hotspots._place_names(m) == plain
            assert hotspots._names_said(m.places, m.areas, m.street_said) == plain


def test_pairs_beside_the_news_as_position_by_position():
    for week, _ in list(_tuning_hotspot_weeks())[-6:]:
        for a in week:
            m, text = a.matter, a.matter.residual
            for news in ([], [(0, 2)], [(3, 5), (9, 10)], [(len(text) // 2, len(text) // 2 + 3)]):
                plain = {text[p:p + 2] for p in range(len(text) - 1)
                         if text[p:p + 2] in m.grams and not hotspots._SAYING_CHARS & set(text[p:p + 2])
                         and not any(x < p + 2 and p < y for x, y in news)
                         and not any(text[p:p + 2] in n for n in m.places)}
                assert hotspots._pairs_beside(text, news, m.grams, m.places) == plain


def test_things_told_as_each_kind_and_word_asked():
    things = tuple(tuple(k) for k in load_settings().get("hotspots", "things", []) or [])
    assert things
    words = [w for kind in things for w in kind]
    clauses = [f"门口{w}堆满了" for w in words] + [f"骑{w}的人" for w in words] + ["路灯不亮", ""]
    for clause in clauses:
        plain = {n for n, kind in enumerate(things) if any(w in clause.replace("骑" + w, "") for w in kind)}
        assert hotspots._things_told(clause, things) == plain
    assert hotspots._things_told(f"门口{words[0]}堆满了", things)
    assert hotspots._first_clause(matter.Matter((), None, None, frozenset(), frozenset(), residual="  甲乙 丙丁 戊")) == "甲乙"


def test_find_hotspots_with_a_memo_twice_as_afresh():
    for week, now in list(_tuning_hotspot_weeks())[-3:]:
        memo = GroupMemo()
        for _ in range(2):
            assert repr(find_hotspots(week, now=now, memo=memo)) == repr(find_hotspots(week, now=now))
