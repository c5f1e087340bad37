"""Hotspots of the twenty-sixth wave (w26-hot): a charge going round the city's bodies of one kind, each naming its own
fee (园服费 / 伙食费 / 被褥钱 / 教材费) and the kind said in a place's name too (金银湖幼儿园); a rule newly enforced, told
by its fines and seizures at each citizen's own place; an outage told only by what it stops (电梯停了 / 红绿灯不亮 /
厕所冲不了) over one district within hours. A home's own fault, a consultation and the same stops on other days or in
other districts are none of them."""
from __future__ import annotations

import re

from insight.hotspots import _ASKS, _CHANGED, _stoppages, find_hotspots
from insight.matter import load_lexicon, load_settings
from tests.unit.hotspot_cases import HOUR, appeals, one_hotspot, spot_of

NOW = 1000.0 + 160 * HOUR


def test_a_charge_at_one_kind_of_body_named_differently_is_one_city_hotspot():
    one_hotspot(["托儿所这学期要交八百的床品费，说是统一采购，江岸区",
                 "孩子的托儿所开学让每人交伙食押金五百，武昌区",
                 "汉阳这边的托儿所收起了空调费，一个月一百",
                 "托儿所要先交一学期的教材钱，一千多，洪山区",
                 "青山区的托儿所突然涨到每月两千八，说是成本高了",
                 "托儿所门口有辆车乱停，江夏"],
                [3, 20, 44, 70, 99, 50], 160, inside=range(5), outside=[5], said="学校")


def test_a_charge_at_hospitals_told_in_several_words_of_the_thing_joins_at_the_kind():
    rows = appeals([(5, "同济医院做完核磁说胶片要另外交钱打印，以前都包含在检查费里，江汉区"),
                    (30, "中南医院的电子胶片现在每次收十五块，武昌区"),
                    (60, "市中心医院拍的胶片要扫码付费才能看，江岸区"),
                    (90, "协和医院拍的片子要打印还要再交钱，以前不要，江汉区"),
                    (120, "普仁医院的云影像打印开始收费了，青山区"),
                    (70, "同济医院的厕所太脏了，江汉区"), (15, "儿童医院挂号太难了，洪山区"),
                    (40, "协和医院的医生态度很差，江汉区"), (80, "中南医院门口停车很难，武昌区"),
                    (100, "市中心医院的电梯总是坏，江岸区"), (140, "普仁医院的护士很负责，想表扬，青山区"),
                    (150, "同济医院的空调不冷，江汉区")])
    spots = find_hotspots(rows, now=NOW)
    spot = spot_of(spots, 0)
    assert spot is not None and set(range(5)) <= set(spot.members) and not set(range(5, 11)) & set(spot.members), \
        [s.description for s in spots]


def test_the_shapes_of_a_charge_demanded():
    for said in ("学校让每人交三百", "还要另外交钱打印", "要先交一年的教材费", "也收起了校车费", "从十块涨到十六"):
        assert _CHANGED.search(said), said
    for said in ("收费标准在哪里看", "要交通部门管一下", "我交的费用"):
        assert not _CHANGED.search(said), said


def test_a_charge_asked_about_is_no_news():
    assert _ASKS.search("孩子学校说下学期开始要交校服费，大概多少钱")
    assert not _ASKS.search("幼儿园伙食费从每天十块涨到十六")


def test_unrelated_matters_at_a_hospital_within_hours_are_no_hotspot():
    rows = appeals([(1.0, "协和医院的医生开的药太多了，吃不完"),
                    (3.0, "协和医院门口每天堵死了，排队进停车场的车占了一条道"),
                    (9.0, "协和医院拍片子现在不给胶片了，要扫码付钱看")])
    assert all(spot_of(find_hotspots(rows, now=NOW), i) is None for i in range(3))


def test_a_rule_newly_enforced_told_by_its_fines_is_one_city_hotspot():
    one_hotspot(["在小区遛狗没牵绳被罚了两百，执法的人说以后见一次罚一次，江岸区",
                 "我家的狗被城管带走了，说是没拴绳，要交罚款才能领，汉阳区",
                 "这两天在查大型犬，我们家的拉布拉多也不让养了，硚口区",
                 "遛狗不牵绳罚五百，这个标准谁定的，青山区",
                 "小区里好几家的狗都被收缴了，洪山区"],
                [6, 30, 55, 90, 130], 160, inside=range(5))


def test_punishment_at_school_is_no_enforcement():
    said = re.compile(str(load_settings().get("hotspots", "rule_change_said")))
    assert not said.search("老师体罚学生，孩子回家说被罚站了一节课")
    assert said.search("没戴头盔被罚了五十") and said.search("要限期办理否则没收")


_STOPS = ["钢城这边一早起来厕所冲不了，水龙头一滴都没有，青山区",
          "青山区冶金大道旁边的小区，洗衣机洗到一半停了",
          "红钢城八街的早餐店都关门了，说是没法做，青山区",
          "青山区钢花村的理发店、洗车店都停业了",
          "青山区工人村这边停水了，饭都没法做"]


def test_an_outage_told_by_what_it_stops_is_one_hotspot():
    rows = appeals([(50 + 0.4 * k, t) for k, t in enumerate(_STOPS)]
                   + [(51.0, "我家单独跳闸了，别人家都有电，青山区"), (52.0, "请问青山区停水通知在哪里查")])
    spots = find_hotspots(rows, now=NOW)
    spot = spot_of(spots, 0)
    assert spot is not None and set(range(5)) <= set(spot.members), [s.description for s in spots]
    assert 5 not in spot.members and 6 not in spot.members


def test_stops_over_days_or_districts_or_naming_no_outage_are_none():
    lex, settings = load_lexicon(), load_settings()
    days = appeals([(20 * k, t) for k, t in enumerate(_STOPS)])
    assert _stoppages(list(range(5)), set(), days, settings, lex) == []
    districts = appeals([(50 + 0.4 * k, t) for k, t in
                         enumerate(_STOPS[:1] + ["江汉区的小区洗衣机洗到一半停了", "武昌区的早餐店都关门了",
                                                 "汉阳区的理发店都停业了", "洪山区这边的电梯停了"])])
    assert _stoppages(list(range(5)), set(), districts, settings, lex) == []
    unnamed = appeals([(50 + 0.4 * k, t) for k, t in enumerate(_STOPS[1:4] + ["青山区钢都花园的电梯停了",
                                                                               "青山区的门禁刷不开了"])])
    assert _stoppages(list(range(5)), set(), unnamed, settings, lex) == []


def test_tune78h_keeps_its_figures():
    from bench.eval_insight import eval_hotspots

    out = eval_hotspots("tune78h")
    assert out["f1"] >= 0.82 and out["wrong_merges"] == 0 and out["background_left_alone"] == 1.0, out
