"""Hotspots of the seventeenth wave: an online service failing told at a place beside that place's own matter is
left for the city-wide passes, a broadband cut over an area's estates."""
from __future__ import annotations

from insight.hotspots import find_hotspots
from tests.unit.hotspot_cases import HOUR, appeals as _appeals, spot_of as _spot_of


def test_a_booking_outage_told_at_a_hospital_is_the_city_s_not_the_hospital_s():
    rows = [(0.0, "同济医院停车太难了，周边道路乱停车"),
            (0.2, "网上挂号平台是不是崩了？同济医院都挂不了号"),
            (0.5, "预约挂号网站故障，我在同济医院排队的时候好多人都说手机上挂不了"),
            (0.8, "挂号系统进不去，一直显示服务器错误"),
            (1.1, "全市统一预约挂号平台今天早上就用不了"),
            (1.5, "挂号APP登录以后点预约就闪退，换了手机也一样"),
            (2.0, "手机挂不上号，这个挂号系统什么时候修好")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 24 * HOUR)
    outage = _spot_of(spots, 1)
    assert outage is not None and {1, 2, 3, 4, 5} <= set(outage.members)
    assert 0 not in outage.members and _spot_of(spots, 0) is None


def test_a_broadband_cut_over_an_area_s_estates_is_one_outage():
    rows = [(0.0, "百步亭花园这边家里宽带断了，打电信客服一直排队"),
            (0.3, "后湖塔子湖那一片是不是断网了，手机连上了也上不了网"),
            (0.8, "后湖大道的小区网全断了，孩子要上网课"),
            (1.4, "金桥大道旁边的小区光猫红灯一直闪，邻居家也上不了网"),
            (1.9, "江岸区后湖街道的宽带到现在都没恢复，说是光缆被挖断了"),
            (3.1, "我们百步亭现代城网络中断三个小时了")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 24 * HOUR)
    cut = _spot_of(spots, 0)
    assert cut is not None and len(cut.members) >= 5
