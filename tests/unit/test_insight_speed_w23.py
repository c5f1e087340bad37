"""The twenty-third wave's shortcuts (helper w23-speed) answer what the plain code answers.

``_shared_place`` meets two appeals' place names by a join of their keys (``_names_index``, ``_name_candidates``)
instead of a loop over every pair of names: ``same_name`` calls two names one place only where they are equal or
their keys (``_name_keys``) meet, so the join leaves out no pair it would call one. The hotspot passes read a line's
or a school's name before searching a letter's words, look a hotspot's place keys up by key then problem, and test
what an appeal names beyond a hotspot's problems as a subset; a hotspot's names (``_Names``) meet an appeal's by the
same join: the same answers by construction. Checked against a
plain reading (every pair of names) on built weeks: the hotspots tuning splits (never the held-out ones) and a week
written from the speed bench's templates. No timing.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

import insight.hotspots as hotspots
import insight.matter as matter
from insight.hotspots import Appeal, _Names, find_hotspots
from insight.matter import _name_candidates, _names_index, same_name
from insight.places import default_gazetteer, matter_for_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


def _plain(p: str, index) -> list[int]:
    """Every position, in order: the loop over every pair of names the join replaces."""
    asked, held, free = index
    return sorted({j for d in (asked, held) for js in d.values() for j in js} | set(free))


def _tuning_weeks(splits: int | None = None):
    """The hotspots tuning splits as weeks (never the held-out ones), the last ``splits`` of them (None: all)."""
    from tests.unit.test_insight_speed_w22 import _tuning_hotspot_weeks

    weeks = list(_tuning_hotspot_weeks())
    return weeks[-splits:] if splits else weeks


def _template_week(n: int = 400):
    """A week written as ``bench_similar.py hotspots`` writes it (fewer estates, so that places repeat)."""
    from bench_similar import PROBLEMS, estate

    rng = random.Random(7)
    gaz = default_gazetteer()
    names = [estate(i) for i in range(60)]
    hot = [(rng.randrange(60), rng.randrange(len(PROBLEMS))) for _ in range(6)]
    rows = []
    week = 7 * 86400.0
    for i in range(n):
        if i % 5 == 0:
            e, p = hot[i // 5 % 6]
            at = week - rng.random() ** 2 * week / 2
        else:
            e, p = rng.randrange(60), rng.randrange(len(PROBLEMS))
            at = rng.random() * week
        rows.append((f"我们{names[e]}{PROBLEMS[p]}，希望相关部门尽快处理", at, f"c{i % 97}"))
    texts = {t: matter_for_text(t, gazetteer=gaz) for t, _, _ in rows}
    return [Appeal(matter=texts[t], at=at, citizen=c) for t, at, c in rows], week


def test_the_join_keeps_every_pair_same_name_calls_one():
    """Over the place names of the last hotspots tuning splits (two names in one list, each against all), every pair
    ``same_name`` calls one place is among the join's candidates; an equal name is its own candidate."""
    # (the last fourteen splits: the twenty-seventh wave's small ones left the last eight with fewer than 200 names,
    # and w30-hot2's two small ones the last twelve)
    names = sorted({p for week, _ in _tuning_weeks(14) for a in week for p in a.matter.places})[:500]
    assert len(names) > 200
    index = _names_index(tuple(names))
    met = 0
    for p in names:
        candidates = set(_name_candidates(p, index))
        assert names.index(p) in candidates
        for j, q in enumerate(names):
            if same_name(p, q):
                met += p != q
                assert j in candidates, (p, q)
    assert met > 0          # (pairs of two names called one place were met)
    assert _name_candidates("百步亭花园", _names_index(("东湖梨园",))) == []


def test_shared_place_by_the_join_as_by_every_pair(monkeypatch):
    """``_shared_place`` (unremembered) answers alike with the join and with every pair of names, over every pair of
    appeals of the last tuning splits."""
    shared = matter._shared_place.__wrapped__  # type: ignore[attr-defined]
    matters = [a.matter for week, _ in _tuning_weeks(2) for a in week]
    joined = [shared(a, b) for a in matters for b in matters]
    monkeypatch.setattr(matter, "_name_candidates", _plain)
    assert [shared(a, b) for a in matters for b in matters] == joined
    assert any(x is not None for x in joined)


def test_names_meet_by_the_join_as_by_every_pair(monkeypatch):
    """A hotspot's names (``_Names``) meet an appeal's places alike by the join and by every pair of names, over the
    places of the last tuning splits asked of the names of each split."""
    weeks = [week for week, _ in _tuning_weeks(6)]
    asked = [a.matter.places for week in weeks for a in week]
    def answers() -> list[bool]:
        out = []
        for week in weeks:
            named = _Names({p for a in week[::3] for p in a.matter.places})
            out += [named.meet(places) for places in asked]
        return out
    joined = answers()
    monkeypatch.setattr(hotspots, "_name_candidates", _plain)
    assert answers() == joined
    assert any(joined) and not all(joined)


def _spots(week, now, plain: bool, monkeypatch) -> str:
    # a fresh memo of _shared_place each time (it remembers by place reading, not by how it was read)
    plain_shared = matter._shared_place.__wrapped__  # type: ignore[attr-defined]
    monkeypatch.setattr(matter, "_shared_place", matter._by_place_reading(plain_shared))
    monkeypatch.setattr(matter, "_name_candidates", _plain if plain else _name_candidates)
    monkeypatch.setattr(hotspots, "_name_candidates", _plain if plain else _name_candidates)
    return repr(find_hotspots(week, now=now))


def test_find_hotspots_as_a_plain_reading_on_built_weeks(monkeypatch):
    """The whole answer (``repr``) of ``find_hotspots`` on the last hotspots tuning splits and on a template week is
    the one read with every pair of names."""
    weeks = [*_tuning_weeks(4), _template_week()]
    for week, now in weeks:
        joined = _spots(week, now, False, monkeypatch)
        assert _spots(week, now, True, monkeypatch) == joined
    assert "[]" != _spots(*weeks[-1], False, monkeypatch)
