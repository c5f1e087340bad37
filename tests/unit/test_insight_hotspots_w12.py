"""Hotspots of the twelfth wave: a service down over the city told over a day, a question about the service
left out; one burst main told as its cause and as what it did; a road closed told by what it does."""
from __future__ import annotations

from insight import matter_for_text
from insight.hotspots import _FAILING, Appeal, _closures, find_hotspots
from insight.matter import load_settings

HOUR = 3600.0


def _appeals(texts, hours):
    return [Appeal(matter=matter_for_text(t), at=1000.0 + h * HOUR, citizen=f"c{i}")
            for i, (t, h) in enumerate(zip(texts, hours))]


def test_a_service_down_over_a_day_is_one_hotspot_and_a_question_about_it_stays_out():
    texts = ["居住证网上申请一直提交不了", "办居住证的系统是不是坏了，派出所说办不了", "咨询一下居住证怎么办理",
             "居住证签注在手机上登录不上去", "今天居住证业务办不了吗，窗口说系统故障", "居住证网上办理页面打不开"]
    spots = find_hotspots(_appeals(texts, [0, 3, 5, 7, 12, 18]), now=1000.0 + 30 * HOUR)
    assert len(spots) == 1 and spots[0].description.startswith("多点蔓延：全市“")
    assert 2 not in spots[0].members and len(spots[0].members) >= 4


def test_failing_is_said_in_many_words_and_a_question_says_none():
    for text in ("登录不上", "提交不了", "系统维护中", "一直转圈", "钱扣了没到账", "页面打不开", "系统宕机了"):
        assert _FAILING.search(text), text
    assert not _FAILING.search("咨询一下居住证怎么办理需要什么材料")


def test_a_burst_main_told_as_its_cause_joins_the_water_cut_it_made():
    texts = ["青山区钢花新村停水了", "钢花新村没水了，做不了饭", "钢花新村一直停水，什么时候来水",
             "钢花新村门口水管爆了，水冒得老高"]
    spots = find_hotspots(_appeals(texts, [1, 2, 3, 0]), now=1000.0 + 10 * HOUR)
    assert len(spots) == 1 and sorted(spots[0].members) == [0, 1, 2, 3]


def test_a_road_closed_told_by_what_it_does_over_days_is_one_hotspot_and_a_jam_alone_is_none():
    closed = ["江岸区胜利街封了一半在修，公交也改线了", "胜利街那边围起来了，送货的车进不去",
              "胜利街修路我们小区门口出不去", "胜利街施工封道，去上班要绕一大圈", "胜利街每天早上堵死，迟到好几回"]
    spots = find_hotspots(_appeals(closed, [0, 20, 30, 50, 70]), now=1000.0 + 80 * HOUR)
    assert len(spots) == 1 and sorted(spots[0].members) == [0, 1, 2, 3, 4]
    jams = ["胜利街早上堵车堵得厉害", "胜利街车太多了堵死了", "胜利街晚高峰堵得走不动", "胜利街天天堵，上班迟到"]
    assert not _closures([[0, 1, 2, 3]], _appeals(jams, [0, 20, 30, 50]), load_settings())


def test_a_service_often_asked_about_is_down_when_many_say_it_fails():
    asked = ["咨询一下医保怎么报销", "医保卡丢了在哪里补办", "异地就医医保怎么备案", "医保缴费标准是多少",
             "医保门诊报销比例是多少", "新生儿医保怎么办理"]
    down = ["在药店医保卡刷不了，说是系统的问题", "医院窗口说医保系统故障，只能自费",
            "医保系统用不了，药房说全市医保都刷不了", "医保报销系统是不是崩了，两家药店都刷不了"]
    hours = [0, 20, 40, 60, 80, 120] + [100, 104, 110, 118]
    spots = find_hotspots(_appeals(asked + down, hours), now=1000.0 + 130 * HOUR)
    assert len(spots) == 1 and sorted(spots[0].members) == [6, 7, 8, 9]
