"""Repeat appeals, twenty-seventh wave, the place side again (w27-rpp2): a landmark said by its road and number
(友谊大道368号, 徐东大街18号) is the landmark at its front gate; a number the table does not give is only the road;
one food stall told by its smoke and by its tables on the path is one matter; 积玉桥那个商场 read as one name;
光谷K11, 凯德广场 (武胜路), 新华体育场 and the 蔡甸 new town said by their other names; 中南大. The tuning split tune88
keeps its figures."""
from __future__ import annotations

import pytest

from insight import matter_for_text
from tests.unit.test_insight_repeats_w24p import _one_matter     # compare and the grouping (its keys) alike
from tests.unit.test_insight_repeats_w26p import _split          # a tuning split's figures, as the bench reads them


def test_a_landmark_said_by_its_road_and_number_is_the_landmark_at_its_front_gate():
    assert "销品茂" in matter_for_text("洪山区徐东大街18号门口马路边出租车乱停，公交车进不了站").places
    assert _one_matter("洪山区徐东大街18号门口马路边出租车乱停，公交车进不了站", "徐东销品茂门口出租车排成一排占了公交站", 5)
    said = matter_for_text("武昌区友谊大道368号大门外面公交站的雨棚破了")
    assert "湖北大学" in said.places and ("门", "前") in said.parts
    assert ("门", "东") in matter_for_text("友谊大道368号东门外面公交站的雨棚破了").parts    # its gate said: that one
    assert not _one_matter("武昌区友谊大道368号大门外面公交站的雨棚破了", "湖北大学东门那个公交站的棚子破了", 6)
    assert _one_matter("武昌区东湖路169号门口的井盖松了，车子一压就哐当响", "中南医院大门口那个井盖压上去响得很，晚上吵人", 7)


def test_a_number_the_table_does_not_give_is_only_its_road():
    places = matter_for_text("洪山区徐东大街180号门口出租车乱停").places
    assert "销品茂" not in places and "徐东大街" in places
    assert "湖北大学" not in matter_for_text("友谊大道3680号门口雨棚破了").places


def test_one_stall_told_by_its_smoke_and_by_its_tables_is_one_matter():
    smoke = "武昌区中南路一个烧烤摊油烟熏人，就在中商广场旁边"
    assert _one_matter(smoke, "中商广场旁边那个烧烤摊把桌子摆到人行道上，路都走不通", 5)
    assert _one_matter(smoke, "中南路中商旁边的烤串摊子占道还冒烟", 12)
    # … a shop's flue is no stall's, and a stall's noise is a complaint of its own
    assert not _one_matter("中商广场旁边那家烧烤店油烟熏人", "中商广场旁边那家烧烤店把桌子摆到人行道上", 5)
    assert not _one_matter(smoke, "中商广场旁边那个烧烤摊半夜划拳吵得睡不着", 5)


def test_a_landmark_said_by_its_area_and_kind_as_one_name():
    assert _one_matter("武昌区积玉桥万达广场门口有人发小广告，贴得到处都是", "和平大道积玉桥那个商场门口牛皮癣小广告太多", 14)


def test_landmarks_said_by_their_other_names():
    assert "光谷K11" in matter_for_text("K11那个商场门口流动摊位太多了").places
    assert "凯德广场" in matter_for_text("凯德武胜门口台阶塌了一角").places
    assert "新华路体育场" in matter_for_text("江汉新华体育场篮球场夜里吵到一两点").places
    assert "中法生态城" in matter_for_text("中法武汉生态示范城工地夜间施工扰民").places
    assert "中南财经政法大学" in matter_for_text("中南大南门那里下水道臭").places
    assert _one_matter("东湖高新区光谷K11门口晚上有人摆摊卖东西，城管也不管", "光谷k11购物中心外面小摊贩占道", 5)


@pytest.mark.parametrize("split,found,wrong", [("tune88", 86, 14)])
def test_the_tuning_split_keeps_its_figures(split, found, wrong):
    r = _split(split)
    assert r["found"] >= found and r["wrong_merges"] <= wrong
