"""Hotspots of the twenty-fourth wave's second round (w24-hot2): readings that do not list a week's words. A rule's
change told at each place it binds (改成 / 新规 / 以后…不能 / 从这周开始, and what it does there) over districts is
one hotspot, whatever the rule's own words; complaints of the problem that say no change are not of it. An area's
supply too weak at the same hours on two days (each morning's low pressure), told at its estates, is one hotspot."""
from __future__ import annotations

from insight.hotspots import _recurring, _rule_changes, find_hotspots
from insight.matter import load_lexicon, load_settings
from tests.unit.hotspot_cases import HOUR, appeals, one_hotspot

NOW = 1000.0 + 160 * HOUR


def test_hospital_parking_rule_changed_over_districts_is_one_hotspot():
    one_hotspot([
                 "协和医院门口现在改成不让停车了，送病人下车就被拍，江汉区这边",
                 "同济医院旁边新出的停车规定太离谱，家属的车停一分钟就罚款，硚口区的",
                 "武昌区中南医院从这周开始门口全部禁停，病人家属只能停到好远的地方",
                 "省人民医院那边以后都不能临时停车了吗，接个老人出院被贴了条，武昌区",
                 "洪山区的医院门口停车场收费太贵了一小时十块"],
                [5, 9, 26, 30, 40], 160, inside=range(4), outside=[4])


def test_parking_complaints_that_say_no_change_are_no_rule():
    rows = appeals([(5, "江汉区协和医院门口乱停车，救护车都进不来"),
                    (9, "硚口区同济医院旁边车乱停，堵得要死"),
                    (26, "武昌区中南医院门口的车停得乱七八糟"),
                    (30, "洪山区省人民医院那边违停太多了")])
    spots = find_hotspots(rows, now=NOW)
    assert not any("新规" in s.description for s in spots), [s.description for s in spots]


def test_rule_change_reading_needs_the_change_said():
    settings, lexicon = load_settings(), load_lexicon()
    rows = appeals([(1 + k, t) for k, t in enumerate(("江岸区小区门口改成不让停车了", "汉阳区以后这里都不能停车了吗",
                                                       "武昌区新规说小区门口不能停车", "洪山区从这周开始小区门口禁停"))])
    found = _rule_changes(list(range(len(rows))), set(), rows, settings, lexicon)
    assert found and sorted(found[0][0]) == [0, 1, 2, 3], found
    plain = appeals([(1 + k, t) for k, t in enumerate(("江岸区小区门口乱停车", "汉阳区这里停车太难了",
                                                        "武昌区小区门口停车的太多", "洪山区小区门口车停满了"))])
    assert _rule_changes(list(range(len(plain))), set(), plain, settings, lexicon) == []


def test_an_areas_low_supply_on_two_mornings_is_one_hotspot():
    one_hotspot([
                 "青山区红钢城这边早上水龙头基本没水，做早饭都不够",
                 "钢花村这两天早上都没水，青山区的，楼上住户要下楼接",
                 "青山区工人村早上七点左右水小得很，洗漱都成问题",
                 "红钢城又是一早上没水，已经连续两天了，青山区",
                 "青山区钢花村早上水压一直很低，什么时候能恢复",
                 "武昌区我家水表好像坏了，水费高得离谱"],
                [31.0, 31.5, 32.2, 55.2, 56.0, 57.0], 160, inside=range(5), outside=[5])


def test_recurring_needs_the_same_hours_on_two_days():
    rows = appeals([(31.0, "a"), (31.5, "b"), (55.2, "c"), (44.0, "d")])
    assert sorted(_recurring([0, 1, 2, 3], rows, 6)) == [0, 1, 2]
    assert _recurring([0, 1], rows, 6) == []


def test_a_change_told_in_unknown_words_joins_the_rule_and_another_new_policy_does_not():
    one_hotspot([
                 "协和医院门口现在改成不让停车了，送病人下车就被拍，江汉区这边",
                 "同济医院旁边新出的停车规定太离谱，家属的车停一分钟就罚款，硚口区的",
                 "武昌区中南医院从这周开始门口全部禁停，病人家属只能停到好远的地方",
                 "省人民医院那边以后都不能临时停车了吗，接个老人出院被贴了条，武昌区",
                 "洪山区第三医院门口从这周开始送病人下车都不行了，家属只能在马路对面下",
                 "医保的新政策什么时候开始，门诊报销比例变了没有"],
                [5, 9, 26, 30, 33, 40], 160, inside=range(5), outside=[5])


def test_bikes_at_a_car_queue_are_a_matter_of_their_own_and_a_rider_is_not():
    one_hotspot([
                 "梨园医院停车场排队排到马路上了，等了一个小时进不去",
                 "梨园医院门口停车太难了，车堵在路上一动不动",
                 "梨园医院停车位太少了，每天早上排长队",
                 "又去梨园医院看病，停车场还是进不去，只好停路边",
                 "梨园医院附近的共享单车堆在人行道上"],
                [10, 11, 12, 13, 13.5], 160, inside=range(4), outside=[4])
    rows = appeals([(90, "鹦鹉大道这边水管爆了，马路上全是水"),
                    (90.5, "鹦鹉大道路面塌了一个坑，全是水，像是水管破了"),
                    (91, "鹦鹉大道抢修水管，我们小区没水了"),
                    (91.5, "鹦鹉大道的水管爆了，停水一上午了"),
                    (92, "鹦鹉大道漏水把路都淹了，电动车过不去")])
    spots = find_hotspots(rows, now=NOW)
    mine = [s for s in spots if 0 in s.members]
    assert mine and 4 in mine[0].members, [(s.members, s.description) for s in spots]
