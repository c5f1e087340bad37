"""Hotspots of the eleventh wave: an area-wide problem over one area's estates, and the appeals that say a
hotspot's place or area in their words (insight.toml [hotspots] spread_area_appeals, said_hours)."""
from __future__ import annotations

from insight import matter_for_text
from insight.hotspots import Appeal, find_hotspots

H = 3600.0


def _appeals(texts: list[str], hours: list[float]) -> list[Appeal]:
    return [Appeal(matter=matter_for_text(t), at=1000.0 + h * H, citizen=f"c{i}") for i, (t, h) in enumerate(zip(texts, hours))]


def test_an_outage_over_one_area_s_estates_is_one_spread_hotspot():
    texts = ["南湖山庄停电了，电梯也停了", "南湖宝安花园没电，空调用不了", "南湖中央花园又跳闸了，停了三次电",
             "南湖片区停电，灯一闪一闪的"]
    appeals = _appeals(texts, [0, 1, 13, 26])
    spots = find_hotspots(appeals, now=1000.0 + 48 * H)
    assert [(s.kind, sorted(s.members)) for s in spots] == [("spread", [0, 1, 2, 3])]
    # two estates of the area are not yet a spread
    assert find_hotspots(appeals[:2], now=1000.0 + 48 * H) == []


def test_a_hotspot_takes_an_appeal_saying_its_area_in_words_the_place_reader_missed():
    texts = ["江夏区庙山这边晚上有一股刺鼻的化学味道", "庙山这边的臭味持续好几天了", "江夏区庙山一带夜里的异味又来了",
             "江夏区庙山晚上那个味道熏得嗓子疼",          # the area said, not read as a place: its smell
             "江夏区庙山晚上有人在路边摆摊，还很吵"]        # the area said, another problem: left alone
    appeals = _appeals(texts, [0, 20, 30, 40, 41])
    spots = find_hotspots(appeals, now=1000.0 + 72 * H)
    assert len(spots) == 1 and 3 in spots[0].members and 4 not in spots[0].members
