"""Hotspots of the twenty-seventh wave (w27-hot): a new rule on one kind of thing that no concept names the trouble of
(电动车 上牌 / 牌照 / 扣车 over districts), a fake traffic fine's text going round (违章短信 点链接), a heat wave's
outages over the city (高温 … 停水 in district after district), a metro line's timetable change told from its stations,
and a trick posing as one body told beside the citizen's own 社区. The same thing's other matters, a real question, an
outage with no heat told and a heat wave's outages in one district only are none of them."""
from __future__ import annotations

from insight.hotspots import _heat_outages, _rule_changes, find_hotspots
from insight.matter import load_lexicon, load_settings
from insight.places import matter_for_text
from tests.unit.hotspot_cases import HOUR, appeals, spot_of

NOW = 1000.0 + 160 * HOUR


def _spot(rows, inside, outside):
    """The hotspot of row 0 among the hotspots of ``rows`` ((hours, text)): it holds ``inside`` and none of ``outside``."""
    spots = find_hotspots(appeals(rows), now=NOW)
    spot = spot_of(spots, 0)
    assert spot is not None and set(inside) <= set(spot.members), [s.description for s in spots]
    assert not set(outside) & set(spot.members), spot.description
    return spot


_PLATES = [(5, "听说电动自行车没牌照要罚款，我车子买了好几年了没有合格证怎么办，洪山"),
           (29, "交警在路口拦电动车查牌照，说新规定没牌要扣车，青山"),
           (53, "老款电动车超标了，新规出来以后还能不能上临时牌"),
           (77, "电动车上牌的新政策能不能延期，好多老人不会网上预约，硚口"),
           (101, "电瓶车上牌排队排了三个小时，能不能多开几个点，江夏")]


def test_a_new_rule_on_a_thing_no_concept_names_is_one_city_hotspot():
    spot = _spot(_PLATES + [(60, "电动车被偷了，派出所说没监控，武昌"), (90, "共享单车堆满了人行道，江岸")],
                 range(5), {5, 6})
    assert spot.kind == "spread" and "电动车" in spot.description


def test_the_rule_on_a_thing_needs_its_districts():
    rows = appeals([(h, t.replace("洪山", "青山").replace("硚口", "青山")) for h, t in _PLATES[:4]])
    assert not _rule_changes(list(range(len(rows))), set(), rows, load_settings(), load_lexicon())


def test_fake_traffic_fine_texts_are_one_trick():
    _spot([(10, "收到短信说我有交通违章没处理，让点链接缴罚款，这个是不是骗人的"),
           (33, "手机上来了一条违章缴费的短信，网址很奇怪，我没车啊"),
           (57, "我爸点了那个交通违法短信的链接，银行卡被刷了五千"),
           (105, "又收到违章短信了，说不交会影响征信，要我输入银行卡号"),
           (80, "我的驾驶证违章记录怎么查")], range(4), {4})


_HEAT = [(60, "天一热高层就没水，我们小区18楼白天水龙头一滴都没有，汉阳"),
         (62, "这几天高温，下午家里水压特别小，热水器都打不着，江岸后湖"),
         (86, "高温天用水多，我们楼顶层连着三天下午停水，武昌积玉桥"),
         (108, "光谷这边小区一到傍晚水就上不来，二次供水是不是有问题，天热得要死"),
         (132, "积玉桥那边顶楼还是下午没水，热成这样澡都没法洗")]


def test_a_heat_waves_outages_over_districts_are_one_hotspot():
    spot = _spot(_HEAT + [(84, "南湖这边高层用水高峰期没水，洗澡都洗不成"),
                          (58, "光谷广场人太多，能不能多派点交警"),
                          (20, "小区水管漏水一个礼拜了，物业说没钱修，硚口")], range(6), {6, 7})
    assert "停水" in spot.description


def test_outages_without_the_heat_or_in_one_district_are_no_heat_wave():
    lexicon, settings = load_lexicon(), load_settings()
    cool = appeals([(h, t.replace("天一热", "").replace("高温天", "").replace("这几天高温", "这几天")
                     .replace("天热得要死", "").replace("热成这样", "")) for h, t in _HEAT])
    assert not _heat_outages(list(range(len(cool))), set(), cool, settings, lexicon)
    one = appeals([(60, "天一热高层就没水，我们小区18楼白天水龙头一滴都没有，汉阳"),
                   (62, "这几天高温，下午家里水压特别小，热水器都打不着，汉阳"),
                   (86, "高温天用水多，我们楼顶层连着三天下午停水，汉阳"),
                   (108, "小区一到傍晚水就上不来，天热得要死，汉阳区"),
                   (132, "顶楼还是下午没水，热成这样澡都没法洗，汉阳")])
    assert not _heat_outages(list(range(len(one))), set(), one, settings, lexicon)


def test_a_metro_lines_timetable_change_told_from_its_stations_is_one_hotspot():
    _spot([(2, "地铁2号线末班车怎么提前了，我加班出来就没车了"),
           (26, "2号线末班提前到十点半了吗？在光谷广场站等了半天"),
           (50, "轨道交通二号线晚上收车提前，上夜班的人怎么回家"),
           (74, "地铁二号线最后一班车时间改了也没公告，汉口火车站那边的人都白等"),
           (98, "反映地铁2号线末班车提前的问题，希望恢复到十一点"),
           (60, "地铁4号线车厢里空调太冷了")], range(5), {5})


def test_a_trick_posing_as_a_body_named_beside_the_citizens_community_is_that_bodys():
    spot = _spot([(8, "有人打电话说我养老金要停发，要我提供银行卡号重新认证，是真的吗"),
                  (32, "我婆婆接到自称社保局的电话，说要做资格认证，让她转一笔钱"),
                  (56, "冒充人社局打电话的骗子又来了，说退休金认证，要验证码"),
                  (80, "社区好多老人接到养老金认证的电话，叫下载软件，骗子吧"),
                  (86, "请问养老保险怎么补缴")], range(4), {4})
    assert "社保" in spot.description


def test_words_of_this_wave_name_their_problems():
    assert "power_out" in matter_for_text("这么热的天又拉闸限电，黄陂前川还让不让人活").concepts
    assert "odor" in matter_for_text("青山工人村这边晚上总有一股烂鸡蛋的味道").concepts
    assert "flooding" in matter_for_text("青年路涵洞的水还没排完，电动车过不去").concepts
