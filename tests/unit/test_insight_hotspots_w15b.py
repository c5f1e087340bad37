"""Hotspots of the fifteenth wave's second round: a storm's flooding over one district in an evening, a smell
over one district's estates in an evening, one area's outage told under two of its names — with the same problem
in another district or on another day, and a single fault beside them, left alone."""
from __future__ import annotations

from insight.hotspots import find_hotspots
from tests.unit.hotspot_cases import HOUR, appeals as _appeals, spot_of as _spot_of


def test_a_storm_flooding_one_district_in_an_evening_is_one_hotspot():
    rows = [(0.0, "暴雨下得太大了，汉阳钟家村路口的水都漫到车门了"),
            (0.3, "王家湾这边一个地下车库淹了，好几台车泡在里面"),
            (0.7, "汉阳大道上内涝，公交车都开不动了"),
            (1.1, "汉阳四新这里下水道往外冒水，小区门口成河了"),
            (1.6, "墨水湖北路积水太深，有台车熄火在水里"),
            (1.9, "青山区和平大道有一处积水，走路都绕着"),           # another district, one place
            (30.0, "汉阳钟家村有个下水管漏水，地下室一地的水"),       # another day, one fault
            (40.0, "汉口火车站出租车不打表")]
    appeals = _appeals(rows)
    spots = find_hotspots(appeals, now=1000.0 + 48 * HOUR)
    storm = _spot_of(spots, 0)
    assert storm is not None and {0, 1, 2, 3, 4} <= set(storm.members)
    assert not {5, 6, 7} & set(storm.members)
    assert all(_spot_of(spots, i) is None for i in (5, 6, 7))


def test_a_smell_over_one_district_s_estates_in_an_evening_is_one_hotspot():
    rows = [(0.0, "青山区这一片晚上一股很冲的化工味，关着窗户都闻得到"),
            (0.4, "红钢城这边好臭，像烧橡胶一样"),
            (0.8, "钢都花园晚上有股怪味，喉咙都不舒服"),
            (1.2, "建设二路这边一股烧焦的味道，是哪里起火了吗"),
            (1.6, "冶金街附近臭得很，是不是哪个厂在偷排"),
            (1.7, "青山红钢城楼下饭馆的油烟天天排到我家"),          # a restaurant's fumes, its own matter
            (30.0, "青山区钢都花园楼下有人烧垃圾"),                   # another day
            (1.0, "汉口常青花园垃圾站很臭")]                          # another district
    appeals = _appeals(rows)
    spots = find_hotspots(appeals, now=1000.0 + 48 * HOUR)
    smell = _spot_of(spots, 0)
    assert smell is not None and {0, 1, 2, 3, 4} <= set(smell.members)
    assert not {5, 6, 7} & set(smell.members)


def test_one_area_s_outage_told_under_two_of_its_names_is_one_hotspot():
    rows = [(0.0, "光谷这一片突然停电了，办公楼全黑了"),
            (0.3, "东湖高新区是不是大面积停电，园区都没电了"),
            (0.6, "鲁巷这一片全部停电，商场的人都跑出来了"),
            (0.8, "光谷广场周边都停电快一个小时了"),
            (0.5, "关山大道两边都没电了，红绿灯也灭了"),
            (1.0, "关山街这边几个小区都停电了，什么时候来电"),
            (1.4, "关山那里怎么又停电了，供电所电话打不通"),
            (30.0, "光谷我家一户停电了，邻居家都有电")]               # a home's own fault, another day
    appeals = _appeals(rows)
    spots = find_hotspots(appeals, now=1000.0 + 48 * HOUR)
    outage = [s for s in spots if "power_out" in s.concepts]
    assert len(outage) == 1
    assert {0, 1, 2, 3, 4, 5, 6} <= set(outage[0].members)
    assert 7 not in outage[0].members


def test_two_outage_hotspots_of_one_district_are_one_but_not_with_a_third_beside_them():
    from insight.hotspots import _build, _outage_names
    from insight.matter import load_lexicon, load_settings

    settings, lexicon = load_settings(), load_lexicon()
    rows = [(0.0, "东湖高新区这一片都停电了"), (0.2, "光谷广场附近几个写字楼都停电了"), (0.5, "鲁巷这边停电了"),
            (0.3, "关山街这边几个小区都停电了"), (0.6, "关山大道两边都停电了"),
            (0.4, "洪山区南湖这一片都停电了"), (0.7, "南湖山庄也停电了")]
    appeals = _appeals(rows)
    now = 1000.0 + 24 * HOUR
    a = _build("spread", [0, 1, 2], appeals, now, settings, lexicon, concepts=["power_out"])
    b = _build("spread", [3, 4], appeals, now, settings, lexicon, concepts=["power_out"])
    c = _build("spread", [5, 6], appeals, now, settings, lexicon, concepts=["power_out"])
    merged = _outage_names([a, b], appeals, now, settings, lexicon)
    assert len(merged) == 1 and set(merged[0].members) == {0, 1, 2, 3, 4}
    assert len(_outage_names([a, b, c], appeals, now, settings, lexicon)) == 3
