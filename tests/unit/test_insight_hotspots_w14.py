"""Hotspots of the fourteenth wave: a smell at night with no source named, over one district's places for days,
is one hidden source; a city-wide burst leaves out a member naming a problem of its own; a street's name said as a
crossing lets an appeal naming no problem join the crossing's hotspot; a word joining two roads is no place."""
from __future__ import annotations

from insight import matter_for_text
from insight.hotspots import Appeal, find_hotspots

HOUR = 3600.0


def _appeals(texts, hours, citizens=None):
    citizens = citizens or [f"c{i}" for i in range(len(texts))]
    return [Appeal(matter=matter_for_text(t), at=1000.0 + h * HOUR, citizen=c)
            for t, h, c in zip(texts, hours, citizens)]


def test_a_night_smell_with_no_source_over_one_districts_places_for_days_is_one_hidden_source():
    texts = ["沌口这边半夜又闻到刺鼻的化工味，像烧塑料一样", "沌口体育中心附近连续几个晚上有化学品的臭味",
             "沌阳大道两边小区晚上的异味到底有没有人查", "沌口晚上那个化工味今天又来了，凌晨三点被熏醒",
             "还是沌口夜里的刺鼻气味，一周了"]
    spots = find_hotspots(_appeals(texts, [5, 50, 97, 143, 160], ["a", "b", "c", "d", "a"]), now=1000.0 + 168 * HOUR)
    assert [sorted(s.members) for s in spots] == [[0, 1, 2, 3, 4]]
    # … not on one or two nights, nor with its source named (a restaurant's smell is that restaurant's)
    assert not find_hotspots(_appeals(texts, [5, 6, 7, 8, 30]), now=1000.0 + 168 * HOUR)


def test_a_city_wide_burst_leaves_out_a_member_naming_a_problem_no_other_names():
    texts = ["公交乘车码刷不了，扫了好几次都没反应，司机让我投币", "武汉智能公交app打开就闪退，乘车码用不了",
             "坐公交扫码一直显示网络异常，上班要迟到了", "今天早上公交车上扫码都失败，全车人都在投币",
             "公交二维码扫了扣了两次钱，但是机器一直提示扫码失败", "请问公交扫码系统是不是出故障了？司机说全市都刷不了",
             "公交车司机开车太猛，急刹车把老人摔倒了，是402路"]
    spots = find_hotspots(_appeals(texts, [0, 0.2, 0.4, 0.7, 0.9, 1.9, 5.9]), now=1000.0 + 168 * HOUR)
    city = [s for s in spots if 1 in s.members]
    assert len(city) == 1 and {1, 2, 3, 4, 5} <= set(city[0].members) and 6 not in city[0].members


def test_a_word_joining_two_roads_is_no_place_and_no_signal_lights_are_traffic_lights():
    m = matter_for_text("中南路和武珞路交叉口红绿灯全部不亮")
    assert "和武珞路" not in m.places and not any(p.startswith("和") for p in m.places)
    assert matter_for_text("和平大道上施工").places == ("和平大道",)
    assert "traffic_light" in matter_for_text("武珞路中南路口没有交警也没有信号灯").concepts
    assert "mobile_signal" not in matter_for_text("武珞路中南路口没有交警也没有信号灯").concepts
    # … nor the words that ask again before a name (再问一下育才小学门口的坑, 反映一下育才小学门口)
    assert matter_for_text("再问一下育才小学门口的坑什么时候填").places == ("育才小学",)
    assert matter_for_text("反映一下育才小学门口的坑").places == ("育才小学",)
