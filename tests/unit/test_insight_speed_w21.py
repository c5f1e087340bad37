"""The twenty-first wave's shortcuts (helper w21-speed) answer what the plain code answers.

``group`` asks ``_may_repeat`` (and ``_apart``) once per pair of place readings (``_place_reading``): every field
either reads must be in the reading. ``same_name`` passes by two names whose keys (``_name_keys``) meet nowhere:
the keys must stay a necessary condition of its rules. ``compare`` reads ``_one_fine`` by the places only. Checked on
the tuning splits (never the held-out ones) and on a week of one estate's matters said in many ways.
"""
from __future__ import annotations

import dataclasses
import random
import sys
from itertools import combinations
from pathlib import Path

import pytest

import insight.matter as matter
from insight.matter import (_apart, _may_repeat, _one_fine, _one_fine_of, _place_reading, _reach_of, group,
                            load_settings, same_name)
from insight.places import default_gazetteer, matter_for_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_insight_speed import _plain_group, _tuning_matters  # noqa: E402  (the wave-19 test's reference loop and splits)


def _other_words(m):
    """``m`` with everything outside its place reading changed: its problems, wording, lead, line, and a greeting
    before its residual (which :func:`_landmark_by_road` would read where the reading holds it)."""
    return dataclasses.replace(m, concepts=frozenset({"noise"}) - m.concepts, grams=frozenset({"您好"}), lead="noise",
                               later=frozenset({"garbage"}), near=frozenset({"garbage"}), line="9号线",
                               street_named=not m.street_named, residual="您好，谢谢 " + m.residual)


# its work grows with the tuning splits (every pair of each split's first 120 appeals, four windows): about 100 s on a
# quiet CI machine, several times that on a loaded one; the suite's 300 s guard against a hang is too tight for it
@pytest.mark.timeout(1500)
def test_one_place_reading_is_asked_alike():
    """Two appeals of one place reading get one answer from ``_may_repeat``, ``_apart`` and ``_one_fine`` with any
    other appeal: fails when either comes to read a field the reading leaves out."""
    settings = load_settings()
    area = float(settings.get("similar", "area_hours", 0) or 0)
    every_hours = (None, 0.5, area + 1, 400.0)
    asked = 0
    for rows in _tuning_matters():
        matters = [m for m, _ in rows][:120]
        # each appeal's other wording, its reading and reach, and each ordered pair's plain answers, computed once:
        # the pair (a, b) and the pair (b, a) ask the same plain answers of x and y (the same checks as one loop
        # computing them again for each orientation)
        other = [_other_words(x) for x in matters]
        alike = [_place_reading(z) == _place_reading(x) for x, z in zip(matters, other)]
        reach, reach_other = [_reach_of(x) for x in matters], [_reach_of(z) for z in other]
        plain: dict[tuple[int, int], list] = {}
        for a, b in combinations(range(len(matters)), 2):
            for i, j in ((a, b), (b, a)):
                if not alike[i]:
                    continue
                x, y, z = matters[i], matters[j], other[i]
                assert reach_other[i] == reach[i]
                x_y, y_x = (plain.get(ij) or plain.setdefault(ij, [
                    _may_repeat(matters[ij[0]], matters[ij[1]], hours, settings) for hours in every_hours])
                    for ij in ((i, j), (j, i)))
                for hours, x_answers, y_answers in zip(every_hours, x_y, y_x):
                    assert _may_repeat(z, y, hours, settings) == x_answers
                    assert _may_repeat(y, z, hours, settings) == y_answers
                    assert _apart(reach_other[i], reach[j], hours, area, True) == \
                        _apart(reach[i], reach[j], hours, area, True)
                assert _one_fine(z, y) == _one_fine(x, y) == _one_fine_of.__wrapped__(x.places, y.places)
                asked += 1
    assert asked > 5_000


def _one_estate_week() -> tuple[list, list[float]]:
    """A week at a few estates and roads, each matter said in several ways and with greetings: many appeals of one
    place reading, so the remembered pairs of readings are met again and again."""
    from bench_similar import PROBLEMS, estate

    rng = random.Random(21)
    places = [estate(i) for i in range(6)] + ["徐东大街", "关山大道光谷广场", "武昌火车站东广场"]
    greet = ["", "您好，", "领导好！我们", "你们好，请问"]
    ends = ["", "谢谢！", "希望尽快处理。", "请相关部门重视，谢谢。"]
    texts, times = [], []
    for _ in range(260):
        texts.append(f"{rng.choice(greet)}{rng.choice(places)}{rng.choice(PROBLEMS[:8])}{rng.choice(ends)}")
        times.append(rng.random() * 7 * 86400)
    gaz = default_gazetteer()
    return [matter_for_text(t, gazetteer=gaz) for t in texts], times


def test_group_remembering_readings_groups_as_the_plain_loop():
    settings = load_settings()
    matters, times = _one_estate_week()
    assert len({_place_reading(m) for m in matters}) < len(matters) // 4
    fast = group(matters, times, settings=settings)
    assert fast == _plain_group(matters, times, settings)
    assert sum(g is not None for g in fast) > 100
    for rows in list(_tuning_matters())[:6]:
        ms, ts = [m for m, _ in rows], [h * 3600 for _, h in rows]
        assert group(ms, ts, settings=settings) == _plain_group(ms, ts, settings)


def test_same_name_by_its_keys_answers_as_its_rules(monkeypatch):
    """The keys ``same_name`` reads first never part two names its rules call one place (over every pair of names
    of the tuning splits and the bench's estates)."""
    names = sorted({p for rows in _tuning_matters() for m, _ in rows for p in m.places})
    from bench_similar import estate

    names += [estate(i) for i in range(0, 3000, 37)]
    pairs = [(p, q) for p in names for q in names if not set(p).isdisjoint(q)]     # (the others: apart before any key)
    fast = {pq: same_name(*pq) for pq in pairs}
    same_name.cache_clear()
    monkeypatch.setattr(matter, "_keys_apart", lambda p, q: False)
    try:
        plain = {pq: same_name(*pq) for pq in pairs}
    finally:
        same_name.cache_clear()
    assert fast == plain
    assert sum(plain.values()) > len(names) + 50


def test_the_reading_holds_the_residual_where_a_road_and_its_kind_are_read():
    """``_landmark_by_road`` reads what follows a road at the start of the residual (珞喻路那个商场 / 群光广场): there the
    reading must hold the residual, else two appeals of one reading would be answered alike and wrongly."""
    from insight.matter import _landmark_by_road

    a, b = matter_for_text("群光广场门口积水"), matter_for_text("珞喻路那个商场门口积水")
    said_later = dataclasses.replace(b, residual="您好，" + b.residual)
    assert _landmark_by_road(a, b) == "群光广场" and _landmark_by_road(a, said_later) is None
    assert _place_reading(b) != _place_reading(said_later)
    c = matter_for_text("群光广场门口也积水了")        # (no road of the table: its residual is read by no way to a place)
    assert _place_reading(c) == _place_reading(dataclasses.replace(c, residual="您好，" + c.residual))
