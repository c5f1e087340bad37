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
