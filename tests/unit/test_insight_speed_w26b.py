"""The twenty-sixth wave's second shortcut (helper w26-spd2): the week's bigram counts are kept, not counted again.

``insight.hotspots._week_things`` asks, of each candidate bigram, how many of the window's appeals say it: it counted
every bigram of every appeal at each refresh. With the sweep's memo (:class:`insight.matter.GroupMemo`) the counts are
kept (:class:`insight.matter.GramCounts`) and updated by the matters that came and went, and the memo file's records
carry each record's matters' counts, so a refresh in another process counts only its new tickets and those gone. The
answers are those of ``find_hotspots`` afresh (a hotspots tuning split, never a held-out one). No timing.
"""
from __future__ import annotations

import itertools
from collections import Counter

import insight.matter as matter
from insight.hotspots import Appeal, find_hotspots
from insight.matter import GramCounts, GroupMemo

from test_insight_speed_w26 import _afresh, _rows, _until, sweep  # noqa: F401 - the fixture

_ = sweep


def _matters(rows):
    from hotline.services.similar import ticket_matter

    return [ticket_matter(t) for t in rows]


def _counted(matters) -> Counter:
    return Counter(itertools.chain.from_iterable(m.grams for m in matters))


def test_counts_follow_the_list_as_it_changes():
    ms = _matters(_rows()[0])
    counts = GramCounts()
    for part in (ms[:40], ms[10:60], ms[10:60] + ms[:5], ms[55:], [], ms[:3] * 2):
        got = counts.of(part)
        assert got == _counted(part)
        assert all(v > 0 for v in got.values()), "a bigram no longer said kept a count"
    assert counts.matching(ms[:3]) is None      # (each twice)
    counts.of(ms[:3])
    assert counts.matching(ms[:3]) == dict(_counted(ms[:3]))


def test_a_memo_answers_as_afresh_as_the_window_moves():
    rows, now = _rows()
    memo = GroupMemo()
    for at in (now - 30 * 3600, now - 12 * 3600, now, now + 40 * 3600):
        window = [t for t in _until(rows, at) if t.created_at.timestamp() > at - 7 * 86400]
        appeals = [Appeal(matter=m, at=t.created_at.timestamp(), citizen=t.citizen_ref, ref=t.id)
                   for t, m in zip(window, _matters(window))]
        assert repr(find_hotspots(appeals, now=at, window_days=7.0, memo=memo)) == _afresh(window, at)
        inside = [a.matter for a in appeals if at - 7 * 86400 < a.at <= at]
        assert memo.grams.counts == _counted(inside)


def test_a_forked_refresh_counts_only_what_came_and_went(sweep, monkeypatch):  # noqa: F811
    rows, now = _rows()
    counted: list[int] = []
    plain = GramCounts._add

    def add(counts, grams, n):
        counted.append(id(grams))
        plain(counts, grams, n)

    monkeypatch.setattr(matter.GramCounts, "_add", staticmethod(add))
    steps = (now - 12 * 3600, now - 6 * 3600, now)
    for n, at in enumerate(steps):
        sweep.forked()      # each in a fresh process: the counts come from the file
        window = _until(rows, at)
        counted.clear()
        _, spots = sweep.service._find(sweep.hl, window, at, 7.0)
        assert repr(spots) == _afresh(window, at)
        state = sweep.service._sweep_state
        ms = [state.tickets[sweep.service._ticket_key(t)] for t in window]
        assert state.memo.grams.counts == _counted(ms)
        if n:
            new = {id(m.grams) for t, m in zip(window, ms) if t not in _until(rows, steps[n - 1])}
            assert set(counted) == new, "a refresh counted the bigrams of tickets it had counts of"
    # the same window once more in another process: nothing counted
    sweep.forked()
    counted.clear()
    _, spots = sweep.service._find(sweep.hl, rows, now, 7.0)
    assert counted == [] and repr(spots) == _afresh(rows, now)


def test_a_file_written_whole_carries_the_counts_of_its_matters(sweep):  # noqa: F811
    rows, now = _rows()
    sweep.service._find(sweep.hl, rows, now, 7.0)
    late = rows[len(rows) // 2:]        # half the tickets gone: written whole
    sweep.forked()
    sweep.service._find(sweep.hl, late, now, 7.0)
    sweep.forked()
    disk = sweep.service._load_state(sweep.hl, sweep.service.reading_fingerprint())
    assert disk.memo.grams.counts == _counted(disk.matters)
    assert len(disk.memo.grams.held) == len({id(m.grams) for m in disk.matters})
