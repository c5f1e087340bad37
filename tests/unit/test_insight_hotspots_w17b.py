"""Hotspots of the seventeenth wave's second round: a night stink over one district's estates on several
nights, where some citizens guess its source, is one matter."""
from __future__ import annotations

from insight.hotspots import find_hotspots
from tests.unit.hotspot_cases import HOUR, appeals as _appeals, spot_of as _spot_of


def test_a_night_stink_whose_source_citizens_guess_stays_one_matter():
    rows = [(22.0, "汉阳区钟家村这边晚上一股臭味，窗户都不敢开"),
            (22.4, "钟家村晚上臭得很，熏得人头疼"),
            (23.0, "汉阳钟家村半夜又有怪味，孩子闻了咳嗽"),
            (46.5, "汉阳区晚上那股臭味又来了，是不是污水处理厂在偷排"),
            (47.2, "汉阳区这边晚上很臭，怀疑是垃圾场飘过来的"),
            (70.8, "汉阳区连着几个晚上都有臭味，不知道是哪家工厂排的废气")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 96 * HOUR)
    stink = _spot_of(spots, 0)
    assert stink is not None and {0, 1, 2, 3, 4} <= set(stink.members)
