"""Hotspots of the thirtieth wave (w30-hot): a bus line said as speech says it (二十四路, 七零三公交) or by its bare
number with what it no longer does (703咋不到火车站了, 536缩线了); a road a line is said to go by now (改走解放大道) read
without the verb; three citizens of one line saying its route changed are one hotspot, one citizen's driver is not."""
from __future__ import annotations

import dataclasses

from insight import matter_for_text
from insight.hotspots import find_hotspots
from insight.matter import load_settings
from tests.unit.hotspot_cases import appeals, spot_of
from tests.unit.test_insight_hotspots_w28hot import NOW


def _places(text):
    return matter_for_text(text).places


def test_a_line_said_with_ten_or_in_spoken_digits_before_its_bus_is_read():
    assert "公交24路线" in _places("二十四路车突然改走解放大道，老人家坐错了")
    assert "公交15路线" in _places("十五路公交停运了吗")
    assert "公交703路线" in _places("七零三公交改了路线老年人不知道啊")
    # (a count with 十 inside words, or 十路 alone, is no line)
    assert not any(p.startswith("公交") for p in _places("这条街上有二十多路灯都不亮"))


def test_a_bare_line_number_with_what_it_no_longer_does_is_read():
    assert "公交703路线" in _places("703咋不到汉口火车站了？等了半小时")
    assert "公交536路线" in _places("536怎么不到终点站了，在中途就让下车")
    assert "公交536路线" in _places("536缩线了吗")
    # (a count at a sentence's head is no line)
    assert not any(p.startswith("公交") for p in _places("20不到的小孩在马路上骑电动车"))


def test_the_road_a_line_now_goes_by_is_read_without_the_verb():
    assert "解放大道" in _places("二十四路车突然改走解放大道，老人家坐错了")
    assert "后湖大道" in _places("公交车绕到后湖大道去了")


_LINE = [(10, "24公交怎么不走中山大道了，改道了吗"),
         (12, "请问24路是不是调线了 我在江汉路站等了半天没见车"),
         (15, "二十四路车突然改走解放大道，老人家不认识路坐错了，希望提前贴个告示"),
         (40, "24路的司机开车打电话，太危险了")]


def _first_three(rows):
    """The hotspot of row 0 among ``rows``: rows 0, 1 and 2, and no other."""
    spot = spot_of(find_hotspots(appeals(rows), now=NOW), 0)
    assert spot is not None and set(spot.members) == {0, 1, 2}, spot and spot.description
    return spot


def test_three_citizens_saying_one_lines_route_changed_are_one_hotspot():
    _first_three(_LINE)


def _row0_spot_with_off(rows, key):
    """The hotspot of row 0 among ``rows`` with the setting ``key`` of [hotspots] turned off (0)."""
    settings = load_settings()
    off = dataclasses.replace(settings, hotspots={**settings.hotspots, key: 0})
    return spot_of(find_hotspots(appeals(rows), now=NOW, settings=off), 0)


def test_three_are_too_few_without_the_setting():
    assert _row0_spot_with_off(_LINE, "line_change_min_appeals") is None


_TRICK = [(5, "接到电话说是电信公司的，说我的宽带欠费要停机，让我转账到一个账户"),
          (30, "冒充电信客服的诈骗电话，说手机号要注销，让我开屏幕共享，大家小心"),
          (52, "今天又有人打电话自称电信的说我号码涉嫌违规要停号，让加微信给验证码，这是骗子吧"),
          (60, "我家宽带老是断网，电信客服打不通")]


def test_three_citizens_telling_one_trick_are_a_wave():
    _first_three(_TRICK)


def test_one_citizens_two_calls_and_a_neighbours_are_no_wave():
    rows = appeals(_TRICK)
    rows[1].citizen = rows[0].citizen
    assert spot_of(find_hotspots(rows, now=NOW), 0) is None


def test_a_smell_told_as_smelt_is_a_smell():
    assert "odor" in matter_for_text("晚上在家闻到一股很浓的化学品味道，窗户都不敢开").concepts


_WORKS = [(19, "光谷那边在修路吗，整个一圈都是围挡，上班迟到了"),
          (20.5, "珞喻路光谷广场附近施工封了两条车道，绕行标志也没有，高峰期堵得一动不动"),
          (23, "鲁磨路那边车全部绕过来了，小路上堵成一锅粥，都是光谷施工闹的"),
          (24, "光谷步行街有商家用大喇叭招揽顾客很吵")]


def test_road_works_told_by_the_area_and_by_its_roads_are_one_hotspot():
    assert "光谷" in _first_three(_WORKS).description


def test_area_works_are_none_without_the_setting():
    assert _row0_spot_with_off(_WORKS, "area_works_min_appeals") is None
