"""Hotspots of the thirteenth wave's second round: a metro line's riders, whatever they say, are one breakdown;
one road's works over a week told by their site, trucks, spillage and dust are one matter; a closure's hotspot
takes the appeals that say what it does at its place named anywhere."""
from __future__ import annotations

from insight import matter_for_text
from insight.hotspots import Appeal, find_hotspots
from insight.matter import transit_line

HOUR = 3600.0


def _appeals(texts, hours):
    return [Appeal(matter=matter_for_text(t), at=1000.0 + h * HOUR, citizen=f"c{i}")
            for i, (t, h) in enumerate(zip(texts, hours))]


def test_a_metro_line_is_read_in_digits_and_in_words_and_not_from_a_road_or_two_lines():
    assert transit_line("坐地铁3号线被困了") == "3号线"
    assert transit_line("三号线一直不来") == "3号线"
    assert transit_line("十一号线停了") == "11号线"
    assert transit_line("2号线换乘4号线") is None
    assert transit_line("公交3号线路") is None
    assert transit_line("阳逻线一直不来") == "阳逻线"
    assert transit_line("坐轻轨被困了") == "1号线"
    assert transit_line("公交专线停运了") is None


def test_a_lines_riders_within_hours_are_one_breakdown_and_its_standing_complaints_stay_out():
    texts = ["3号线坐在车厢里半个小时一动不动", "地铁三号线一直不来，站台挤满了人", "3号线恢复了没有？我还在等着",
             "三号线今早停在隧道里，有人都快晕了", "坐3号线去上班，等了四十分钟车都没来", "3号线的车开开停停，半天到不了站",
             "地铁3号线能不能延长末班车时间"]
    spots = find_hotspots(_appeals(texts, [0, 0, 1, 1, 2, 3, 30]), now=1000.0 + 40 * HOUR)
    line = [s for s in spots if "3号线" in s.description]
    assert len(line) == 1 and set(line[0].members) == {0, 1, 2, 3, 4, 5}


def test_one_roads_works_over_a_week_told_by_their_site_trucks_and_spillage_are_one_matter():
    texts = ["青山区和平大道这几晚上工地一直施工到凌晨，打桩声音吵得人没法睡", "和平大道半夜大车一辆接一辆过，轰隆隆的",
             "和平大道上渣土车掉得满地是泥，早上骑车差点摔了", "夜里施工扰民，和平大道那一段，已经投诉过一次了还在搞",
             "和平大道工地的渣土车半夜开得飞快", "和平大道上的公交站牌被撞歪了"]
    spots = find_hotspots(_appeals(texts, [0, 30, 60, 90, 120, 100]), now=1000.0 + 150 * HOUR)
    assert len(spots) == 1 and 5 not in spots[0].members and len(spots[0].members) >= 4
