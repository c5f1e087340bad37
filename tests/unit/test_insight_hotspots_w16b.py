"""Hotspots of the sixteenth wave, second round: different problems at one place kept apart (a market's rubbish
and the refuse trucks' noise at night, a hospital's parking and its booking app failing), a burst main told by
what it does to traffic and over a district's places by its pipe, a service's kin said inside a name the place
reader took for a place."""
from __future__ import annotations

from insight.hotspots import find_hotspots
from tests.unit.hotspot_cases import HOUR, appeals as _appeals, spot_of as _spot_of


def test_refuse_trucks_noise_at_night_is_not_the_market_s_rubbish():
    rows = [(0.0, "宝丰路菜市场垃圾堆了三天没人清，臭得很"),
            (0.5, "宝丰路菜市场的垃圾车每天凌晨来收，声音吵得睡不着"),
            (1.0, "宝丰路菜市场后面垃圾成堆，到处是苍蝇"),
            (1.4, "宝丰路菜市场那边垃圾车半夜作业，吵得不行"),
            (5.0, "宝丰路菜市场的垃圾好几天没清运了，老鼠乱窜"),
            (20.0, "宝丰路菜市场门口垃圾桶满了溢出来，没人清运"),
            (40.0, "宝丰路菜市场垃圾还是没人管，污水流了一地")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 72 * HOUR)
    rubbish = _spot_of(spots, 0)
    assert rubbish is not None and {0, 2, 4} <= set(rubbish.members)
    assert 1 not in rubbish.members and 3 not in rubbish.members


def test_a_hospital_s_booking_app_failing_is_not_its_parking():
    rows = [(0.0, "中南医院停车场排队排到马路上了，一个小时进不去"),
            (0.3, "中南医院的预约挂号小程序一直显示系统繁忙"),
            (0.8, "中南医院门口停车太难了，车堵在路上"),
            (1.2, "中南医院挂号app付不了款，是不是系统坏了"),
            (25.0, "中南医院停车位太少，每天早上排长队"),
            (49.0, "又去中南医院，停车场还是进不去，只好停路边")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 72 * HOUR)
    parking = _spot_of(spots, 0)
    assert parking is not None and {0, 2, 4, 5} <= set(parking.members)
    assert 1 not in parking.members and 3 not in parking.members


def test_a_burst_main_takes_the_jam_and_the_diverted_bus_on_its_road():
    rows = [(0.0, "武昌徐东大街路面往外冒水，像是下面水管爆了"),
            (0.3, "徐东大街这边路上全是水，车开过去水花老高"),
            (0.6, "徐东大街堵死了，前面挖开在抢修"),
            (0.9, "徐东大街销品茂附近停水了，说是外面主管破了"),
            (1.2, "徐东大街的公交都绕道了，站台上的人不知道怎么回事"),
            (1.6, "徐东大街水管爆了什么时候修好，家里没水")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 24 * HOUR)
    burst = _spot_of(spots, 0)
    assert burst is not None and {2, 4} <= set(burst.members)


def test_a_service_s_kin_said_inside_a_misread_place_joins_its_outage():
    rows = [(0.0, "医保APP登录不了，一直提示网络异常"),
            (0.5, "医院收费处说医保结算系统瘫痪了"),
            (1.0, "窗口说系统坏了办不了，社保缴费交不上"),
            (1.5, "医保电子凭证扫不出来，全市都这样"),
            (2.0, "灵活就业社保网上缴费一直失败"),
            (2.5, "药房说社保卡今天不能用，是市里的网络故障")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 24 * HOUR)
    outage = _spot_of(spots, 1)
    assert outage is not None and 5 in outage.members
