"""The twenty-seventh wave's second shortcut (helper w27-spd2): the hotspots' repeat grouping keeps its memo.

``find_hotspots`` groups under its own settings (``hotspots.fine_content_evidence`` as ``similar``'s, w27-rep2). It
made a new :class:`insight.matter.Settings` for them on every call, and a :class:`insight.matter.GroupMemo` starts
afresh when its call's settings are another object: the sweep's memo (in process and in its file) was thrown away
at every refresh and every pair compared again. :func:`insight.hotspots.grouping_settings` gives one object for one
settings object while they read the same, and the service adopts a memo read from its file under it. Checked on the
hotspots tuning splits (never the held-out ones) and the service's own sweep test rows. No timing.
"""
from __future__ import annotations

from dataclasses import replace

import insight.hotspots as hotspots
import insight.matter as matter
from insight.hotspots import find_hotspots, grouping_settings
from insight.matter import GroupMemo, load_settings

from test_insight_speed_w22 import _tuning_hotspot_weeks
from test_insight_speed_w26 import _afresh, _rows, sweep  # noqa: F401 - the fixture

_ = sweep


def _never(*args, **kwargs):
    raise AssertionError("compared a pair the memo already answers")


def test_grouping_settings_one_object_for_one_settings():
    settings = load_settings()
    fine = settings.get("hotspots", "fine_content_evidence", None)
    assert fine is not None, "the hotspots' own fine_content_evidence is read (w27-rep2)"
    grouping = grouping_settings(settings)
    assert grouping is grouping_settings(settings)
    assert grouping.get("similar", "fine_content_evidence") == fine
    # (lead, wave 29) and hotspots.aspects_together as similar.aspects_together; the rest as the settings read
    own = ("fine_content_evidence", "aspects_together")
    assert grouping.get("similar", "aspects_together") == tuple(settings.get("hotspots", "aspects_together"))
    assert {k: v for k, v in grouping.similar.items() if k not in own} == \
        {k: v for k, v in settings.similar.items() if k not in own}
    # without the hotspots' own values: the settings themselves
    plain = replace(settings, hotspots={k: v for k, v in settings.hotspots.items() if k not in own})
    assert grouping_settings(plain) is plain


def test_settings_that_read_otherwise_get_other_grouping_settings():
    settings = load_settings()
    grouping = grouping_settings(settings)
    other = replace(settings, hotspots={**settings.hotspots, "fine_content_evidence": 0.5})
    assert grouping_settings(other) is not grouping
    assert grouping_settings(other).get("similar", "fine_content_evidence") == 0.5
    # the same object changed in place (a test's own): not the grouping read before the change
    mine = replace(settings, similar=dict(settings.similar))
    first = grouping_settings(mine)
    mine.similar["threshold"] = float(mine.similar.get("threshold", 0.5)) + 0.01
    assert grouping_settings(mine) is not first
    assert grouping_settings(mine).get("similar", "threshold") == mine.similar["threshold"]


def test_find_hotspots_keeps_its_memo_and_compares_no_pair_again(monkeypatch):
    for week, now in list(_tuning_hotspot_weeks())[-3:]:
        memo = GroupMemo()
        first = repr(find_hotspots(week, now=now, memo=memo))
        epoch = memo.epoch
        monkeypatch.setattr(matter, "compare", _never)
        assert repr(find_hotspots(week, now=now, memo=memo)) == first
        monkeypatch.undo()
        assert memo.epoch == epoch, "the memo started afresh on the second call"
        assert first == repr(find_hotspots(week, now=now))


def test_a_memo_of_other_settings_is_not_served(monkeypatch):
    week, now = list(_tuning_hotspot_weeks())[-1]
    settings = load_settings()
    memo = GroupMemo()
    find_hotspots(week, now=now, memo=memo, settings=settings)
    epoch = memo.epoch
    other = replace(settings, hotspots={**settings.hotspots, "fine_content_evidence": 0.9})
    spots = find_hotspots(week, now=now, memo=memo, settings=other)
    assert memo.epoch != epoch, "a memo of other settings answered"
    assert repr(spots) == repr(find_hotspots(week, now=now, settings=other))
    assert hotspots._GROUPINGS[0][0] is other


def test_a_forked_refresh_keeps_the_files_memo(sweep):  # noqa: F811
    rows, now = _rows()
    sweep.service._find(sweep.hl, rows, now, 7.0)
    sweep.forked()      # another process: the memo from the file, under the grouping's settings
    disk = sweep.service._load_state(sweep.hl, sweep.service.reading_fingerprint())
    assert disk.memo.owner is not None and disk.memo.owner[0] is grouping_settings(load_settings())
    sweep.forked()
    sweep.compared[0] = 0
    _, spots = sweep.service._find(sweep.hl, rows, now, 7.0)
    state = sweep.service._sweep_state
    assert sweep.compared[0] == 0 and state.epoch == state.memo.epoch
    assert repr(spots) == _afresh(rows, now)


def test_grouping_settings_kept_one_at_a_time():
    settings = load_settings()
    for k in range(3):
        grouping_settings(replace(settings, hotspots={**settings.hotspots, "fine_content_evidence": 0.1 * k}))
    assert len(hotspots._GROUPINGS) == 1
