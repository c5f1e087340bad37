"""The twenty-sixth wave's shortcut (helper w26-spd): the periodic hotspot sweep's memo file is a log.

``hotline.services.hotspots`` kept each ticket's matter and the repeat grouping's memo (w25-spd) in one pickle written
whole after every refresh. Now the file is a head (the reading it was written by) and one record per refresh of what
that refresh added: the new tickets' matters, the new answers, each place reading and the matters' place readings, each
matter and reading by its number in the file. A refresh in another process reads the records and answers as afresh,
reading and comparing only what is new; the file is written whole again only when many of its tickets left the window,
when another process wrote it since it was read, or when its last record was cut short. Checked against
``find_hotspots`` afresh over a hotspots tuning split (never a held-out one). No timing.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

import insight.matter as matter
from insight.hotspots import Appeal, find_hotspots

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


@pytest.fixture()
def sweep(monkeypatch, tmp_path):
    """The service with a fresh process's state, a scratch data directory, and counts of the tickets read and the
    pairs compared."""
    from hotline.services import hotspots as service
    from hotline.services.similar import ticket_matter

    monkeypatch.setattr(service, "_sweep_state", None)
    read: list[int] = []
    compared = [0]
    plain = matter.compare

    def counted_read(t):
        read.append(t.id)
        return ticket_matter(t)

    def counted_compare(*args, **kwargs):
        compared[0] += 1
        return plain(*args, **kwargs)

    monkeypatch.setattr(service, "ticket_matter", counted_read)
    monkeypatch.setattr(matter, "compare", counted_compare)
    hl = SimpleNamespace(settings=SimpleNamespace(data_dir=tmp_path))
    return SimpleNamespace(service=service, hl=hl, read=read, compared=compared, path=tmp_path / service.MEMO_FILE,
                           forked=lambda: monkeypatch.setattr(service, "_sweep_state", None))


def _rows():
    from test_insight_speed_w25 import _ticket_rows

    return _ticket_rows()


def _afresh(rows, now: float) -> str:
    from hotline.services.similar import ticket_matter

    return repr(find_hotspots([Appeal(matter=ticket_matter(t), at=t.created_at.timestamp(), citizen=t.citizen_ref,
                                      ref=t.id) for t in rows], now=now, window_days=7.0))


def _until(rows, at: float):
    return [t for t in rows if t.created_at.timestamp() <= at]


def _again_from_the_file(sweep, rows, now: float) -> None:
    """A refresh of the same window in another process: it reads no ticket, compares no pair, answers as afresh."""
    afresh = _afresh(rows, now)
    sweep.forked()
    sweep.read.clear()
    sweep.compared[0] = 0
    _, spots = sweep.service._find(sweep.hl, rows, now, 7.0)
    assert sweep.read == [] and sweep.compared[0] == 0
    assert repr(spots) == afresh


def test_each_refresh_appends_what_it_added_and_a_forked_one_reads_only_the_new(sweep):
    rows, now = _rows()
    steps = (now - 12 * 3600, now - 6 * 3600, now)
    sizes, inodes = [], []
    for n, at in enumerate(steps):
        sweep.forked()          # each refresh in a fresh process: the file, not this process's state
        window = _until(rows, at)
        sweep.read.clear()
        _, spots = sweep.service._find(sweep.hl, window, at, 7.0)
        assert repr(spots) == _afresh(window, at), "the memo file changed an answer"
        earlier = _until(rows, steps[n - 1]) if n else []
        assert sorted(sweep.read) == sorted(t.id for t in window if t not in earlier), "a ticket was read again"
        st = os.stat(sweep.path)
        sizes.append(st.st_size)
        inodes.append(st.st_ino)
    assert sizes[0] < sizes[1] < sizes[2]
    assert inodes[0] == inodes[1] == inodes[2], "the file was written whole, not added to"
    # a refresh of the same window in yet another process reads nothing and compares nothing
    _again_from_the_file(sweep, rows, now)


def test_a_record_cut_short_is_left_out_and_the_file_written_whole(sweep):
    rows, now = _rows()
    early = _until(rows, now - 6 * 3600)
    sweep.service._find(sweep.hl, early, now - 6 * 3600, 7.0)
    whole = sweep.path.stat().st_size
    sweep.forked()
    sweep.service._find(sweep.hl, rows, now, 7.0)
    with open(sweep.path, "r+b") as fh:         # a refresh writing its record at this moment
        fh.truncate(whole + (sweep.path.stat().st_size - whole) // 2)
    inode = sweep.path.stat().st_ino
    sweep.forked()
    sweep.read.clear()
    _, spots = sweep.service._find(sweep.hl, rows, now, 7.0)
    assert repr(spots) == _afresh(rows, now)
    assert sorted(sweep.read) == sorted(t.id for t in rows if t not in early), "the records before it were lost"
    assert sweep.path.stat().st_ino != inode, "a file with a torn record was added to"
    sweep.forked()
    sweep.read.clear()
    sweep.service._find(sweep.hl, rows, now, 7.0)
    assert sweep.read == []


def test_a_file_another_process_wrote_since_is_written_whole(sweep):
    rows, now = _rows()
    early = _until(rows, now - 6 * 3600)
    sweep.service._find(sweep.hl, early, now - 6 * 3600, 7.0)
    mine = sweep.service._sweep_state
    sweep.forked()
    sweep.service._find(sweep.hl, early, now - 6 * 3600, 7.0)      # another worker, one record more
    inode = sweep.path.stat().st_ino
    sweep.service._sweep_state = mine       # this process again: its numbers are not the file's any more
    _, spots = sweep.service._find(sweep.hl, rows, now, 7.0)
    assert repr(spots) == _afresh(rows, now)
    assert sweep.path.stat().st_ino != inode
    _again_from_the_file(sweep, rows, now)


def test_a_file_of_many_tickets_gone_is_written_whole_with_the_window_only(sweep):
    rows, now = _rows()
    sweep.service._find(sweep.hl, rows, now, 7.0)
    big = sweep.path.stat()
    late = rows[len(rows) // 2:]        # half the tickets left the window
    sweep.forked()
    _, spots = sweep.service._find(sweep.hl, late, now, 7.0)
    assert repr(spots) == _afresh(late, now)
    small = sweep.path.stat()
    assert small.st_ino != big.st_ino and small.st_size < big.st_size
    sweep.forked()
    disk = sweep.service._load_state(sweep.hl, sweep.service.reading_fingerprint())
    assert set(disk.tickets) == {sweep.service._ticket_key(t) for t in late}

