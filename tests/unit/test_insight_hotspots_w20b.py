"""Hotspots of the twentieth wave, second round: a bus line said by its bare number at the head of a sentence
(703为什么换了路线) is that line; an area's outage takes the appeals of the places citizens give for it in
``[hotspots.areas]`` (钢都花园 for 红钢城, 金山大道 for 金银湖, 显正街 for 钟家村)."""
from __future__ import annotations

import pytest

from insight.hotspots import find_hotspots
from insight.matter import matter_of
from tests.unit.hotspot_cases import HOUR, appeals as _appeals, spot_of as _spot_of

LINES = [
    ("703为什么突然换了路线，站牌都还在", ("公交703路线",)),
    ("请问，533改道了吗？车站没贴通知", ("公交533路线",)),
    ("我等了40多分钟公交都没来", ()),        # a count, not a line
    ("今天，20分钟没有一趟公交", ()),          # a time
    ("住在12楼，楼下公交站太吵", ()),          # a floor
]


@pytest.mark.parametrize("text,lines", LINES)
def test_a_line_by_its_bare_number(text, lines):
    assert tuple(p for p in matter_of(text).places if p.startswith("公交")) == lines


AREA_CUTS = [
    # an estate beside the area joins its gas cut (a guard: it held on the starting commit, by the district's
    # outage pass; another district's cut stays out)
    [(0.0, "青山区红钢城三街坊突然停气了，饭做到一半"),
     (0.5, "红钢城十街坊也没有天然气了，什么时候恢复"),
     (1.0, "红钢城这边好几个街坊都停气，燃气公司电话打不通"),
     (1.5, "钢都花园燃气灶打不着火，也没有通知"),
     (1.5, "武昌区中南路的小区停气了，燃气灶打不着")],
    # a road of the area joins its water cut hours later
    [(0.0, "汉阳钟家村这边中午突然停水了"),
     (0.5, "钟家村附近的小区都没水了，也没有通知"),
     (1.0, "钟家村一带什么时候来水，断了一个多小时了"),
     (3.0, "汉阳区显正街的小区还是没水，什么时候来水"),
     (3.0, "江岸区二七路的小区没水了，水龙头一滴都没有")],
]


@pytest.mark.parametrize("rows", AREA_CUTS)
def test_a_place_citizens_give_for_the_area_joins_its_outage(rows):
    spots = find_hotspots(_appeals(rows), now=1000.0 + 24 * HOUR)
    spot = _spot_of(spots, 0)
    assert spot is not None and {0, 1, 2, 3} <= set(spot.members) and 4 not in spot.members


def test_a_transit_card_failing_over_the_city_is_one_hotspot_however_the_card_is_named():
    # (武汉通, 公交卡, 老年卡: one card system; a card the reader says is 无效 fails)
    rows = [(0.0, "武汉通在轻轨站自助机上充不进去，一直提示失败"),
            (0.5, "汉口这边地铁进站刷不了武汉通，大家都在排队"),
            (1.0, "武汉通小程序打不开，余额也查不了"),
            (1.5, "早上坐公交刷武汉通，机器提示无效卡"),
            (2.0, "江夏区，我的老年卡上公交刷不了了"),
            (2.5, "公交卡营业厅说今天系统出故障了，充值充不了")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 10 * HOUR)
    card = _spot_of(spots, 0)
    assert card is not None and {0, 1, 2, 3, 4, 5} <= set(card.members)


@pytest.mark.parametrize("text,fails", [("刷卡的时候提示无效卡", True), ("乘车码显示无效", True),
                                        ("多次反映无效，问题还在", False)])
def test_a_card_said_invalid_fails_but_a_complaint_that_did_nothing_does_not(text, fails):
    from insight.hotspots import _FAILING
    assert bool(_FAILING.search(text)) is fails
