"""Hotspots of the twenty-eighth wave's second helper (w28-hot2): a trick posing as a SERVICE rather than a body — a
lost parcel's "claims" call, a flight "cancelled, refund here" text, a school's fee "refund", a credit record
"repaired", a student loan "cancelled" — names no body (no 局 / 公司 / 中心), yet by phone or text it is one trick
wherever its callers live, told by what it offers (理赔, 退款, 修复, 注销); a call from a "客服" is the phone channel.
A citizen's own parcel, flight or credit question, and a real complaint of a courier or an airline, are none."""
from __future__ import annotations

from insight.hotspots import _trick_key, find_hotspots
from insight.matter import load_settings
from insight.places import matter_for_text
from tests.unit.hotspot_cases import HOUR, appeals, spot_of

NOW = 1000.0 + 160 * HOUR


def _key(text):
    return _trick_key(matter_for_text(text), load_settings().get("hotspots", "tricks", {}))


def test_a_trick_posing_as_a_service_is_read_by_its_service():
    assert _key("有人打电话说我的快递丢了要给我理赔，让我加他微信") == ("phone", "快递")
    assert _key("收到短信说我的航班取消了，可以办理退款改签") == ("sms", "航班")
    assert _key("接到电话说孩子学校多收了学费要退给我") == ("phone", "学费")
    assert _key("又接到修复征信的电话，说交钱就能消除逾期记录") == ("phone", "征信")
    assert _key("自称京东客服的人说我开过校园贷要注销，不然影响征信") == ("phone", "网贷")
    # (a body named stays the body: 社保卡升级 by text is 社保's)
    assert _key("社保卡升级的短信是真的吗，上面说不办就停用") == ("sms", "社保")


def test_a_citizens_own_service_question_or_complaint_is_no_trick():
    assert _key("顺丰快递把我的东西弄坏了，理赔一直拖着不给处理") is None
    assert _key("航空公司航班延误了五个小时，不给退票也不赔偿") is None
    assert _key("我想查一下自己的征信报告，在哪里可以查") is None
    assert _key("京东买的手机有质量问题，客服不给换") is None
    assert _key("快递员不送上门，打电话也不接") is None


_PARCEL = [(5, "有人打电话说是快递客服，说我的快递丢了要理赔，让我下个软件操作，武昌"),
           (28, "接到自称快递公司理赔专员的电话，说包裹破损赔我三倍，要我加微信，汉阳"),
           (52, "收到短信说我的快递丢失了，点链接申请理赔，青山"),
           (77, "快递丢了说给理赔的电话是不是诈骗，他知道我买了什么，洪山"),
           (101, "又是说快递丢件赔钱的电话，让我扫码进群，江岸")]


def test_a_parcel_claims_trick_over_the_city_is_one_hotspot():
    rows = _PARCEL + [(40, "中通快递的快递员从来不送上门，每次都放驿站，江汉"),
                      (60, "顺丰快递把我的东西弄坏了，理赔一直拖着，武昌")]
    spots = find_hotspots(appeals(rows), now=NOW)
    spot = spot_of(spots, 0)
    assert spot is not None and set(range(5)) <= set(spot.members), [s.description for s in spots]
    assert not {5, 6} & set(spot.members), spot.description
    assert "快递" in spot.description


_TAXI = [(11, "早上坐出租车，起步价变成十二了，司机说上周就改了"),
         (35, "出租车怎么涨价了，我从武昌站回家多了五块钱"),
         (60, "汉阳这边打车起步价涨到十二元，上班族负担重"),
         (84, "青山坐的士也涨了，每个月多花一百来块"),
         (110, "洪山打车贵了好多，老人看病都舍不得打车")]


def test_one_things_price_rising_over_the_city_is_one_hotspot():
    rows = _TAXI + [(20, "小区门口的水果店结账比标价贵了一块"),
                    (50, "菜场的青菜这几天涨了不少"),
                    (70, "坐出租车被司机绕路多收了二十块，想投诉这个司机"),
                    (90, "听说出租车以后会涨吗，有没有通知")]
    spots = find_hotspots(appeals(rows), now=NOW)
    spot = spot_of(spots, 0)
    assert spot is not None and set(range(5)) <= set(spot.members), [s.description for s in spots]
    assert not {5, 6, 7, 8} & set(spot.members), spot.description
    assert "出租车" in spot.description and "涨价" in spot.description


def test_a_rise_at_one_district_or_asked_about_is_no_city_rise():
    rows = [(10, "武昌积玉桥这边出租车涨价了"), (30, "武昌中北路打车涨到十二块了"),
            (50, "武昌徐家棚的出租车起步价涨了"), (70, "武昌司门口出租车贵了好多")]
    spots = find_hotspots(appeals(rows), now=NOW)
    assert not any("涨价" in s.description for s in spots), [s.description for s in spots]
