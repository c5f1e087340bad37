"""The twenty-fifth wave's shortcut (helper w25-spd): the repeat grouping's answers kept from one sweep to the next.

``group`` (and ``find_hotspots``) take a :class:`insight.matter.GroupMemo`: what an earlier call read and answered
(each pair of matters' verdict by their identities, each pair of place readings', the place keys), kept for the next
call; the periodic sweep (``hotline.services.hotspots``) keeps it, with each ticket's matter, in its process and in a
file of the data directory, so a refresh reads and compares only what is new. Checked against the same calls without
a memo on the repeats and hotspots tuning splits (never the held-out ones) and a template week, over windows that
slide and grow as a sweep's do. No timing.
"""
from __future__ import annotations

import pickle
import sys
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import insight.matter as matter
from insight.hotspots import Appeal, find_hotspots
from insight.matter import GroupMemo, group, load_settings

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


def _repeat_splits(n: int = 12):
    from tests.unit.test_insight_speed_w24 import _repeat_splits as splits

    return splits()[-n:]


def counting_reads(monkeypatch) -> list[int]:
    """The ids of the tickets the hotspot service reads (``ticket_matter``), one per reading, with no sweep state kept
    in the process: a refresh's readings to count."""
    from hotline.services import hotspots as service
    from hotline.services.similar import ticket_matter

    read: list[int] = []

    def counted(t):
        read.append(t.id)
        return ticket_matter(t)

    monkeypatch.setattr(service, "ticket_matter", counted)
    monkeypatch.setattr(service, "_sweep_state", None)
    return read


def _counting(monkeypatch) -> list[int]:
    """Count ``compare``'s calls (``_repeat_scores`` asks it by the module's name)."""
    calls = [0]
    plain = matter.compare

    def counted(*args, **kwargs):
        calls[0] += 1
        return plain(*args, **kwargs)

    monkeypatch.setattr(matter, "compare", counted)
    return calls


def _windows(matters, times):
    """A sweep's windows over one split: its earlier part, all of it, all but its first appeals."""
    order = sorted(range(len(matters)), key=lambda i: times[i])
    cut = max(1, len(order) // 5)
    for kept in (order[:-cut], order, order[cut:]):
        yield [matters[i] for i in kept], [times[i] for i in kept]


def test_group_with_a_memo_over_sliding_windows_as_afresh(monkeypatch):
    calls = _counting(monkeypatch)
    asked_again = asked_first = 0
    # (w30-rpb) the last 14 splits: the wave's new small and aside splits (tune101b: 23 appeals, not counted) had pushed
    # two splits of a sweep's size out of the last 12, leaving the count to fewer large splits (252 of 483); over 14 the
    # splits main counted are all counted still, with the new ones
    for matters, times in _repeat_splits(14):
        memo = GroupMemo()
        for n, (ms, ts) in enumerate(_windows(matters, times)):
            before = calls[0]
            kept = group(ms, ts, memo=memo)
            if len(matters) < 80:
                pass        # (w29-rpp2) counted on splits of a sweep's size only: see below
            elif n == 0:
                asked_first += calls[0] - before
            elif n == 1:
                asked_again += calls[0] - before
            assert kept == group(ms, ts), "a memo changed an answer"
    # (w29-rpp2) the calls counted on splits of 80+ appeals only: in a small split (tune95, tune98, tune99: 50–70
    # appeals) the last fifth is mostly the last tellings of matters told earlier, each compared anew as it must be
    # (tune98 44 → 41, tune99 32 → 22), and a 13th small split tipped the total to 369 of 736; a memo that compared
    # again what it had would still show on the large ones (612 → 268 now)
    assert asked_first > 0
    assert asked_again < asked_first / 2, "the second window compared again what the first had"


def test_find_hotspots_with_a_memo_over_successive_sweeps_as_afresh():
    from tests.unit.test_insight_speed_w22 import _tuning_hotspot_weeks
    from tests.unit.test_insight_speed_w23 import _template_week

    weeks = [*list(_tuning_hotspot_weeks())[-4:], _template_week()]
    for week, now in weeks:
        memo = GroupMemo()
        for at in (now - 6 * 3600, now - 3600, now):      # three sweeps, each with the appeals filed by then
            appeals = [a for a in week if a.at <= at]
            kept = repr(find_hotspots(appeals, now=at, memo=memo))
            assert kept == repr(find_hotspots(appeals, now=at)), "a memo changed an answer"
    assert memo.verdicts


def test_a_memo_pickled_with_its_matters_answers_as_afresh_and_compares_nothing_it_knows(monkeypatch):
    matters, times = _repeat_splits(1)[0]
    memo = GroupMemo()
    answer = group(list(matters), list(times), memo=memo)
    assert any(g is not None for g in answer)
    matters2, memo2 = pickle.loads(pickle.dumps((list(matters), memo)))     # as the sweep's file, in another process
    assert memo2.verdicts and all(id(m) in memo2.alive for m in matters2)
    memo2.adopt(load_settings())
    calls = _counting(monkeypatch)
    assert group(matters2, list(times), memo=memo2) == answer
    assert calls[0] == 0


def test_a_memo_starts_afresh_with_other_settings():
    matters, times = _repeat_splits(1)[0]
    settings = load_settings()
    strict = replace(settings, similar={**settings.similar, "threshold": 0.97})
    memo = GroupMemo()
    loose = group(list(matters), list(times), memo=memo)
    afresh = group(list(matters), list(times), settings=strict)
    assert afresh != loose          # (the settings decide: a memo kept across them would answer the loose ones')
    assert group(list(matters), list(times), settings=strict, memo=memo) == afresh


# --- the periodic sweep (hotline.services.hotspots) ---

def _ticket_rows():
    from eval_insight import HELD_OUT, read_hotspots

    rows = [r for r in read_hotspots("all") if r["split"] == "tune75h"] or read_hotspots("all")[-120:]
    assert not {r["split"] for r in rows} & HELD_OUT
    start = 1_790_000_000.0
    return [SimpleNamespace(id=n, content=r["text"], place=None, routing=None, citizen_ref=r["citizen"],
                            contact_phone=None, extra=None, urgency="normal",
                            created_at=datetime.fromtimestamp(start + r["hours"] * 3600, tz=timezone.utc))
            for n, r in enumerate(rows, start=1)], start + 168 * 3600


def test_a_refresh_reads_each_ticket_once_and_answers_as_afresh(monkeypatch, tmp_path):
    from hotline.services import hotspots as service
    from hotline.services.similar import ticket_matter

    rows, now = _ticket_rows()
    hl = SimpleNamespace(settings=SimpleNamespace(data_dir=tmp_path))
    read = counting_reads(monkeypatch)
    early = [t for t in rows if t.created_at.timestamp() <= now - 6 * 3600]
    assert 0 < len(early) < len(rows)
    _, spots = service._find(hl, early, now - 6 * 3600, 7.0)
    assert sorted(read) == sorted(t.id for t in early)
    assert (tmp_path / service.MEMO_FILE).exists()
    # the next refresh in another process (a worker's fork): the file, not this process's state
    monkeypatch.setattr(service, "_sweep_state", None)
    read.clear()
    changed = replace_content(rows[0], rows[0].content + "，已经好几天了")
    later = [changed, *rows[1:]]
    appeals, spots = service._find(hl, later, now, 7.0)
    assert sorted(read) == sorted([changed.id] + [t.id for t in rows if t not in early])
    afresh = find_hotspots([Appeal(matter=ticket_matter(t), at=t.created_at.timestamp(), citizen=t.citizen_ref,
                                   ref=t.id) for t in later], now=now, window_days=7.0)
    assert repr(spots) == repr(afresh) and spots
    # … and another reading (an upgrade, an edited concepts file) reads every ticket again
    monkeypatch.setattr(service, "_sweep_state", None)
    monkeypatch.setattr(service, "reading_fingerprint", lambda: "another reading")
    read.clear()
    service._find(hl, later, now, 7.0)
    assert len(read) == len(later)


def replace_content(t, content: str):
    return SimpleNamespace(**{**vars(t), "content": content})
