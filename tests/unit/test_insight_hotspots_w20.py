"""Hotspots of the twentieth wave: a traffic jam said as a bare 堵 with a word of degree or habit (天天堵, 很堵,
车堵了, 堵了一条街), parents parking said as 把车停在…, a dry tap said as 一滴都没 and gas said as 断气 are the
problems they tell."""
from __future__ import annotations

from insight.hotspots import find_hotspots
from insight.matter import load_lexicon, matter_of
from tests.unit.hotspot_cases import HOUR, appeals as _appeals, spot_of as _spot_of


def test_a_bare_jam_with_a_word_of_degree_or_habit_is_a_jam():
    lexicon = load_lexicon()
    for text in ("小学门口早上天天堵", "这条路上下班特别堵", "车堵了一整条街", "门口每天都堵"):
        assert "traffic_jam" in lexicon.find(text), text
    assert "traffic_jam" not in lexicon.find("下水道堵了")


def test_parking_said_as_putting_the_car_somewhere_is_parking():
    assert "parking" in load_lexicon().find("家长把车停在马路中间就走了")


def test_a_dry_tap_and_a_cut_gas_supply_in_other_words():
    lexicon = load_lexicon()
    assert "water_out" in lexicon.find("水龙头拧开一滴都没有")
    assert "gas" in lexicon.find("整个小区都断气了，饭都做不成")


def test_a_school_gate_jammed_each_morning_is_one_hotspot():
    rows = [(0.0, "江汉区北湖小学门口早上堵得水泄不通"),
            (24.0, "北湖小学门口家长把车停在路中间，后面的车都过不去"),
            (48.0, "北湖小学这边上学的时候天天堵，能不能派交警来"),
            (72.0, "北湖小学门口早高峰车堵了一整条街"),
            (50.0, "北湖小学食堂的饭菜不卫生，孩子吃了拉肚子")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 80 * HOUR)
    gate = _spot_of(spots, 0)
    assert gate is not None and {0, 1, 2, 3} <= set(gate.members) and 4 not in gate.members


def test_a_reduplicated_verb_before_a_landmark_is_no_part_of_its_name():
    assert matter_of("能不能管管育英小学门口的交通").places == ("育英小学",)
    assert matter_of("请你们查一查育英小学门口").places == ("育英小学",)


def test_a_stall_named_by_its_food_a_driver_on_the_phone_and_a_route_changed_in_other_words():
    lexicon = load_lexicon()
    assert "stall" in lexicon.find("出站口的炒面摊堵着路")
    assert "bus_driver" in lexicon.find("公交司机开车接电话")
    assert "bus_route" in lexicon.find("这趟公交怎么换了路线")


def test_yellow_tap_water_a_car_left_in_the_road_and_sickness_after_a_meal():
    lexicon = load_lexicon()
    assert lexicon.find("我家自来水是黄的") == frozenset({"tap_water"})       # no dry tap read from its 来水
    assert "tap_water" in lexicon.find("放了一上午水还是黄的")
    assert "parking" in lexicon.find("有人把车停在路中间就走了")
    assert lexicon.find("孩子在食堂吃完饭以后呕吐") == frozenset({"food_safety"})  # no drunk's 呕吐
    assert "brawl" in lexicon.find("喝醉了在路边呕吐")


def test_a_sleepless_night_is_noise_not_a_dry_tap_and_a_verb_said_with_yixia_is_no_name():
    lexicon = load_lexicon()
    said = lexicon.find("又是一晚上没睡好")
    assert "noise" in said and "water_out" not in said        # 没睡 sounds as 没水
    assert matter_of("请管一下光华路沿线的渣土车").places == ("光华路",)
    assert matter_of("请处理一下武珞路上的积水").places == ("武珞路",)


def test_power_gone_again_and_a_route_said_as_changing_its_line():
    lexicon = load_lexicon()
    assert "power_out" in lexicon.find("我们小区的电又没了")
    assert "power_out" in lexicon.find("这边一天停好几次电")
    assert "bus_route" in lexicon.find("这路公交突然换线路了")


def test_a_router_is_no_road():
    assert matter_of("我们白沙六路这一片停电了，家里路由器灯都灭了").places == ("白沙六路",)
    assert matter_of("家里路由器坏了").places == ()
