"""Helpers the hotspot tests share: a list of (hours, text) rows as appeals of distinct citizens, and the hotspot
holding a row."""
from __future__ import annotations

from insight import matter_for_text
from insight.hotspots import Appeal

HOUR = 3600.0


def appeals(rows):
    """(hours after the start, text) rows as appeals, each from its own citizen (c0, c1, …)."""
    return [Appeal(matter=matter_for_text(t), at=1000.0 + h * HOUR, citizen=f"c{i}")
            for i, (h, t) in enumerate(rows)]


def spot_of(spots, i):
    """The hotspot whose members hold row ``i``, or None."""
    return next((s for s in spots if i in s.members), None)


def one_hotspot(texts, hours, now_hours, inside, outside=(), said=""):
    """The rows ``inside`` of ``texts`` (at ``hours``) are one hotspot (its description saying ``said``) and
    ``outside`` are not in it. (w22-hot, w22-hot2)"""
    from insight.hotspots import find_hotspots

    rows = appeals(list(zip(hours, texts)))
    spots = find_hotspots(rows, now=1000.0 + now_hours * HOUR)
    mine = [s for s in spots if 0 in s.members]
    assert len(mine) == 1 and set(inside) <= set(mine[0].members), [s.description for s in spots]
    assert not set(outside) & set(mine[0].members) and said in mine[0].description, mine[0].description
