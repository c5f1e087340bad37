"""Hotspots of the sixteenth wave: one area's outage told at the names of the places it covers (光谷 / 关山 /
鲁巷 / 东湖高新, tied by [hotspots.areas]), one service down told as 社保 and as 医保 (service_kin), a metro line's
riders who leave by taxi — with single faults and questions beside them left alone."""
from __future__ import annotations

from insight.hotspots import find_hotspots
from tests.unit.hotspot_cases import HOUR, appeals as _appeals, spot_of as _spot_of


def test_one_area_s_outage_at_the_names_of_its_places_is_one_hotspot():
    rows = [(0.0, "光谷这边突然大面积停电了，写字楼里一片黑"),
            (0.4, "关山大道两边的小区全黑了，什么时候来电"),
            (0.8, "东湖高新区停电，公司电脑全关机了，没有任何通知"),
            (1.2, "鲁巷附近没电了，路口乱成一团"),
            (1.7, "光谷软件园整个园区断电，空调停了"),
            (2.1, "东湖高新关南园那边还是没电，家里老人用制氧机"),
            (2.6, "光谷片区停电快三个小时了，供电公司电话打不进"),
            (1.0, "江夏区纸坊我家跳闸了，邻居家都有电"),           # a home's own fault elsewhere
            (5.0, "关山大道上一个工地晚上施工噪音大")]              # another matter at one of its names
    appeals = _appeals(rows)
    spots = find_hotspots(appeals, now=1000.0 + 24 * HOUR)
    outage = _spot_of(spots, 0)
    assert outage is not None and set(range(7)) <= set(outage.members)
    assert _spot_of(spots, 7) is None and _spot_of(spots, 8) is None


def test_social_and_medical_insurance_down_told_either_way_is_one_outage():
    rows = [(0.0, "社保APP登录不了，一直提示网络异常"),
            (0.5, "医院收费处说医保结算系统瘫痪了，先自己垫钱"),
            (1.0, "窗口说系统坏了办不了，社保缴费也交不上"),
            (1.5, "医保电子凭证扫不出来，药店说全市都这样"),
            (2.0, "灵活就业社保今天最后一天缴费，网上一直缴费失败"),
            (2.5, "鄂汇办上社保医保的页面全部打不开"),
            (3.0, "请问医保异地就医备案怎么办理")]                 # a question, no outage
    appeals = _appeals(rows)
    spots = find_hotspots(appeals, now=1000.0 + 24 * HOUR)
    outage = _spot_of(spots, 1)
    assert outage is not None and {0, 1, 2, 3, 4, 5} <= set(outage.members)
    assert _spot_of(spots, 6) is None
