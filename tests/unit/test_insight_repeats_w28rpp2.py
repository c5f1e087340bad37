"""Repeat appeals, twenty-eighth wave, the place side, second round (w28-rpp2): a hospital's or a university's campus
said by its area (光谷那个同济医院, 同济医院光谷分院, 南湖那个理工大) is the campus, never its main campus; the landmark named
without a campus is its main campus (首义路三医院 is no 光谷院区); 青山's 建二 / 建十路 are 建设二路 / 建设十路; a road said
by its stem before where on it (中北那边, 武胜那个天桥) or two stems before 路口 (雄楚关山路口) is the road or the crossing;
雄楚大街 is 雄楚大道; a stop named after a department store said with 百货 is the stop said without it
(新世界百货公交站 / 新世界站); the second road of a crossing said after 和 has no 和. The tuning split tune95 keeps its figures."""
from __future__ import annotations

import pytest

from insight import matter_for_text
from tests.unit.test_insight_repeats_w24p import _one_matter     # compare and the grouping (its keys) alike
from tests.unit.test_insight_repeats_w26p import _split          # a tuning split's figures, as the bench reads them


def test_a_campus_said_by_its_area_is_the_campus():
    for said in ("光谷那个同济医院门口黑车拉客", "同济医院光谷分院门口黑车拉客", "同济医院光谷院区门口黑车拉客"):
        assert matter_for_text(said).places == ("同济光谷院区",), said
    assert "武汉理工大学南湖校区" in matter_for_text("南湖那个理工大后门单车乱停").places
    assert "协和医院金银湖院区" in matter_for_text("东西湖协和金银湖分院门口摆摊的太多了").places


def test_a_campus_and_the_main_campus_are_two_places():
    assert _one_matter("光谷那个三医院门口车子乱停，救护车进不去", "市三医院光谷分院大门口急救通道被车占了", 10)
    assert not _one_matter("光谷那个三医院门口车子乱停，救护车进不去", "武昌首义路三医院门口私家车乱停堵救护车", 10)
    assert not _one_matter("协和医院金银湖院区门口流动摊贩好多", "解放大道协和医院门口晚上摊贩占道", 8)


def test_an_area_said_before_another_landmark_is_no_campus():
    # 光谷 said before a hospital with no campus there stays the hospital (and the area)
    assert "中南医院" in matter_for_text("光谷那个中南医院门口黑车多").places


def test_qingshans_numbered_roads_said_short():
    assert matter_for_text("青山建二那个路口下水道盖子没了").places == ("建设二路",)
    assert matter_for_text("建十路口有个下水道盖子没了").places == ("建设十路",)
    # … never 建 as a verb
    assert "建设二路" not in matter_for_text("新建二期工地很吵").places
    assert "建设一路" not in matter_for_text("小区想建一个停车场").places


def test_a_road_said_by_its_stem():
    assert matter_for_text("中北那边路灯坏了好几天了").places == ("中北路",)
    assert matter_for_text("武胜那个天桥栏杆松了").places == ("武胜路",)
    # … never an area or a landmark's name (光谷大道 is not 光谷)
    assert "光谷大道" not in matter_for_text("光谷那边停电了").places


def test_a_crossing_said_by_two_stems_or_with_another_kind():
    want = {"雄楚大道", "关山大道"}
    assert set(matter_for_text("雄楚关山路口的信号灯不亮了").crossing) == want
    assert set(matter_for_text("关山大道和雄楚大街交叉口红绿灯坏了").crossing) == want
    assert _one_matter("雄楚关山路口的信号灯不亮了", "洪山区雄楚大道关山大道路口红绿灯坏了，一直闪黄灯", 5)


def test_a_stop_named_after_a_store_said_with_its_kind():
    assert "新世界公交站" in matter_for_text("解放大道新世界百货公交站站牌被撞歪了").places
    assert _one_matter("解放大道中山公园旁边的新世界百货公交站站牌被撞歪了", "新世界站的站牌歪了，差点砸到等车的人", 5)
    # … the store itself said alone stays the store
    assert "汉商百货" in matter_for_text("钟家村汉商百货门口人行道砖松了").places


@pytest.mark.parametrize("split,found,wrong", [("tune95", 23, 0)])
def test_the_tuning_split_keeps_its_figures(split, found, wrong):
    r = _split(split)
    assert r["found"] >= found and r["wrong_merges"] <= wrong
