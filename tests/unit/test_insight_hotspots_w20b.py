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


def test_an_estate_beside_the_area_joins_its_gas_cut():
    # (a guard: it held on the starting commit, by the district's outage pass; another district's cut stays out)
    rows = [(0.0, "青山区红钢城三街坊突然停气了，饭做到一半"),
            (0.5, "红钢城十街坊也没有天然气了，什么时候恢复"),
            (1.0, "红钢城这边好几个街坊都停气，燃气公司电话打不通"),
            (1.5, "钢都花园燃气灶打不着火，也没有通知"),
            (1.5, "武昌区中南路的小区停气了，燃气灶打不着")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 24 * HOUR)
    spot = _spot_of(spots, 0)
    assert spot is not None and {0, 1, 2, 3} <= set(spot.members) and 4 not in spot.members


def test_a_road_of_the_area_joins_its_water_cut_hours_later():
    rows = [(0.0, "汉阳钟家村这边中午突然停水了"),
            (0.5, "钟家村附近的小区都没水了，也没有通知"),
            (1.0, "钟家村一带什么时候来水，断了一个多小时了"),
            (3.0, "汉阳区显正街的小区还是没水，什么时候来水"),
            (3.0, "江岸区二七路的小区没水了，水龙头一滴都没有")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 24 * HOUR)
    spot = _spot_of(spots, 0)
    assert spot is not None and {0, 1, 2, 3} <= set(spot.members) and 4 not in spot.members
