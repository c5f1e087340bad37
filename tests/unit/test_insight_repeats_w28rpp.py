"""Repeat appeals, twenty-eighth wave, the place side (w28-rpp): a village said with its group (五组, 3组) or its hamlet
(李家湾) is the village, and two of its groups or hamlets are two places; a school a university runs (武大附中, 华师一附中,
华中师范大学第一附属中学) is a place of its own, apart from the university and from its primary school (附小); a building
and its entrance said as 8-3; the end of a street said by its side (东头, 东边入口, 西头); a bus stop said by the citizen
waiting at it (在青年路新世界站等车); the formal numerals of an estate's name (壹号院); 某某城市花园 said 城花; a
numbered school said short before 隔壁; a phase said 第三期; a landmark is no stem of a road it does not stand on
(中山公园 / 武昌's 中山路); 光谷创业街 said by 鲁巷. The tuning
split tune93 keeps its figures."""
from __future__ import annotations

import pytest

from insight import matter_for_text
from tests.unit.test_insight_repeats_w24p import _one_matter     # compare and the grouping (its keys) alike
from tests.unit.test_insight_repeats_w26p import _split          # a tuning split's figures, as the bench reads them


def test_a_village_with_its_group_is_one_place_and_another_group_another():
    first = "新洲区邾城街道问津村三组的垃圾池一个多星期没人清运"
    assert "问津村" in matter_for_text(first).places
    assert ("组", "3") in matter_for_text("问津村3组的垃圾堆满了，没人拉走").parts
    assert _one_matter(first, "问津村3组的垃圾堆满了，没人拉走", 12)
    assert not _one_matter(first, "问津村六组的垃圾池也满了没人清", 20)
    # … a group of people (组织, 小组长) is no village's group
    assert not any(k == "组" for k, _ in matter_for_text("社区组织居民打扫卫生").parts)


def test_a_villages_hamlet_is_its_part():
    said = matter_for_text("奓山星光村的养猪场，在王家湾那边，臭死了")
    assert said.places == ("星光村",) and ("湾", "王家湾") in said.parts
    assert matter_for_text("星光村李家湾的养鸡场粪水也乱排").places == ("星光村",)
    assert _one_matter("蔡甸区奓山街道星光村王家湾的养猪场臭气熏天", "奓山星光村的养猪场，在王家湾那边，臭死了", 19)
    assert not _one_matter("奓山星光村王家湾的养猪场臭气熏天", "星光村张家湾的养猪场也臭气熏天", 10)


def test_a_school_a_university_runs_is_its_own_place():
    assert matter_for_text("武大附中门口接孩子的车停满了").places == ("武汉大学附中",)
    assert matter_for_text("武昌区武汉大学附属中学门口放学时家长乱停车").places == ("武汉大学附中",)
    assert matter_for_text("华中师范大学第一附属中学门口车子乱停").places == \
        matter_for_text("华师一附中门口车子乱停").places == ("华中师范大学一附中",)
    assert _one_matter("武昌区武汉大学附属中学门口放学时家长乱停车，路都堵死了", "武大附中门口接孩子的车停满了，根本过不去", 6)
    assert not _one_matter("武大附中门口接孩子的车停满了，根本过不去", "武大附小门口放学时也是家长乱停车", 6)
    # … 附近 is near the university, no school of it
    assert matter_for_text("武大附近的路灯坏了").places == ("武汉大学",)


def test_a_building_and_its_entrance_said_as_two_numbers_joined():
    parts = matter_for_text("自在城二期8-3的电梯老是坏，上下楼都不敢坐").parts
    assert ("栋", "8") in parts and ("单元", "3") in parts
    assert _one_matter("金地自在城2期八栋三单元电梯又困人了，物业不作为", "自在城二期8-3的电梯老是坏，上下楼都不敢坐", 13)
    # … a span of days or money is no building
    assert not any(k == "栋" for k, _ in matter_for_text("说好3-5天修好，到现在也没人来").parts)


def test_a_streets_end_said_by_its_side():
    assert ("门", "东") in matter_for_text("楚河汉街东头的共享单车堆成山").parts
    assert ("门", "东") in matter_for_text("汉街东边入口单车乱停，把路都堵了").parts
    assert _one_matter("楚河汉街东头的共享单车堆成山，行人走不过去", "汉街东边入口单车乱停，把路都堵了", 8)
    assert not _one_matter("楚河汉街东头的共享单车堆成山，行人走不过去", "楚河汉街西头的入口也是单车乱堆", 12)


def test_a_bus_stop_said_by_waiting_at_it():
    assert "新世界公交站" in matter_for_text("在青年路新世界站等车，候车亭的灯箱玻璃碎了").places
    assert not _one_matter("在青年路新世界站等车，候车亭的灯箱玻璃碎了", "青年路万松园路口公交站的候车亭玻璃也碎了", 8)


def test_formal_numerals_in_an_estates_name():
    assert _one_matter("融创壹号院二期5栋电梯困人", "融创一号院2期五栋电梯又困人了", 5)
    # … read after the name as said: a brand's estate said by its name (融创光谷壹号)
    assert _one_matter("光谷东的融创光谷壹号停电了，说是线路故障，整个小区都没电", "融创光谷壹号小区从上午断电到现在，电梯也停了，老人下不了楼", 3)


def test_a_city_garden_said_short():
    assert _one_matter("江夏区保利城市花园3栋的电梯三天两头坏，关过好几次人", "保利城花3栋电梯又坏了，物业说等配件", 10)
    assert not _one_matter("保利城花3栋电梯又坏了，物业说等配件", "保利城市花园5栋电梯也坏了", 4)
    assert matter_for_text("每次进城花的钱太多了").places == ()


def test_a_numbered_school_said_short_before_next_door():
    assert matter_for_text("一中隔壁那个工地夜间施工，天天吵到半夜").places == ("第一中学",)


def test_an_area_name_of_a_landmark():
    assert _one_matter("光谷创业街一下雨就积水，店铺都进水了", "鲁巷创业街积水严重，排水太差", 17)


def test_a_landmark_of_the_table_is_no_stem_of_a_road_it_does_not_stand_on():
    # 中山公园 stands on 解放大道 (landmarks.toml `on`): 武昌's 中山路 is across the river
    assert not _one_matter("武昌区中山路大东门到小东门这一段路面坑坑洼洼，车子颠得厉害", "中山公园地铁D口出来走两百米，人行道砖头松了", 11)


def test_a_phase_said_with_its_ordinal():
    said = matter_for_text("江岸区塔子湖翡翠城第三期6号楼的电梯停了三天了")
    assert "翡翠城" in said.places and ("期", "3") in said.parts
    assert _one_matter("江岸区塔子湖翡翠城第三期6号楼的电梯停了三天了", "翡翠城三期6栋电梯坏了三天，老人下不了楼", 8)
    assert matter_for_text("黄陂区前川街道方梅村七组的路灯全部不亮").places == ("方梅村",)


@pytest.mark.parametrize("split,found,wrong", [("tune93", 87, 0)])
def test_the_tuning_split_keeps_its_figures(split, found, wrong):
    r = _split(split)
    assert r["found"] >= found and r["wrong_merges"] <= wrong
