"""The twenty-second wave's shortcuts (helper w22-speed) answer what the plain code answers.

``_with_said_place`` passes by an appeal's words when none of the runs' pairs of characters (``_run_heads``) is one
of its ``grams``: a necessary condition of a run being in its words, since ``matter_of`` makes the grams of the very
residual searched. ``hotline hotspots`` and ``hotline similar`` pause the cycle collector while reading back and
grouping (``without_collections``): the answers must not move, and the collector must be as it was after. Checked on
the tuning splits (never the held-out ones).
"""
from __future__ import annotations

import gc
import os
import sys
from functools import lru_cache
from pathlib import Path

import insight.hotspots as hotspots
from insight.cli import _matters, _read, without_collections
from insight.hotspots import Appeal, _run_heads, find_hotspots
from insight.places import default_gazetteer, matter_for_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


def _tuning_hotspot_weeks():
    """Each tuning split's week: fresh appeals (an Appeal is not frozen) of the matters read once per process."""
    start = 1_700_000_000.0
    for rows in _tuning_hotspot_rows():
        yield [Appeal(matter=m, at=start + hours * 3600, citizen=citizen) for m, hours, citizen in rows], \
            start + 168 * 3600


@lru_cache(maxsize=1)
def _tuning_hotspot_rows():
    """(matter, hours, citizen) of each tuning split, read once (a Matter is frozen; the tests only read them)."""
    from eval_insight import HELD_OUT, read_hotspots

    gaz = default_gazetteer()
    by_split: dict[str, list] = {}
    for r in read_hotspots("all"):
        assert r["split"] not in HELD_OUT
        by_split.setdefault(r["split"], []).append(r)
    return tuple(tuple((matter_for_text(r["text"], gazetteer=gaz), r["hours"], r["citizen"]) for r in rows)
                 for rows in by_split.values())


def test_run_heads_leave_the_filler_out():
    """A run's pair kept is one the grams keep: 门口 is filler (no grams hold it), so 门口村 is found by 口村 and 门口
    alone by a search of the words; a run with a blank is searched too."""
    assert _run_heads(["门口村"]) == frozenset({"口村"})
    assert _run_heads(["门口"]) is None
    assert _run_heads(["南湖", "门口"]) is None
    assert _run_heads(["南 湖"]) is None
    assert _run_heads(["南湖", "庙山"]) == frozenset({"南湖", "庙山"})


def test_a_run_in_the_words_has_its_head_in_the_grams():
    """The necessary condition itself, over every appeal of the tuning splits and every run of 2 to 5 characters
    of every other appeal's place names: a run in an appeal's words has its head among its grams."""
    weeks = list(_tuning_hotspot_weeks())
    matters = [a.matter for appeals, _ in weeks for a in appeals]
    runs = sorted({q for m in matters for q in hotspots._place_names(m) if 2 <= len(q) <= 5})
    found = 0
    for q in runs:
        heads = _run_heads([q])
        for m in matters:
            if q in m.residual:
                found += 1
                assert heads is None or not heads.isdisjoint(m.grams), (q, m.residual)
    assert found > 100


def test_said_place_with_and_without_the_heads(monkeypatch):
    """find_hotspots answers alike with the heads and with a search of every appeal's words (``_run_heads`` None)."""
    weeks = list(_tuning_hotspot_weeks())
    fast = [repr(find_hotspots(appeals, now=now)) for appeals, now in weeks]
    monkeypatch.setattr(hotspots, "_run_heads", lambda runs: None)
    plain = [repr(find_hotspots(appeals, now=now)) for appeals, now in weeks]
    assert fast == plain
    assert sum(s != "[]" for s in fast) >= 5


def test_without_collections_restores_the_collector_and_changes_no_answer():
    weeks = list(_tuning_hotspot_weeks())[:6]
    plain = [repr(find_hotspots(appeals, now=now)) for appeals, now in weeks]
    assert gc.isenabled()
    with without_collections():
        assert not gc.isenabled()
        paused = [repr(find_hotspots(appeals, now=now)) for appeals, now in weeks]
    assert gc.isenabled()
    assert paused == plain
    gc.disable()
    try:
        with without_collections():
            pass
        assert not gc.isenabled()          # (left off where it was off)
    finally:
        gc.enable()


def test_reading_in_processes_with_the_collector_paused_reads_alike(monkeypatch):
    """``_matters`` read by forked processes (the parent's collector paused while their answers come back) gives
    the matters one process reads, in the rows' order."""
    import insight.cli as cli
    from eval_insight import read_hotspots

    texts = [r["text"] for r in read_hotspots("all")][:300]
    rows = [{"text": t} for t in texts + texts[:40]]
    monkeypatch.setattr(cli, "PARALLEL_FROM", 10)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)         # (forked readers on any machine)
    read = _matters(rows)
    assert gc.isenabled()
    assert read == _read([(r["text"], None) for r in rows])
    assert [m.residual for m in read] == [m.residual for m in _read([(r["text"], None) for r in rows])]
