"""Repeat appeals, twenty-fourth wave, the place side (w24-rpl): a metro station named after its road said with its
own 站 and a gate (中南路站出口, 复兴路站B口) is that station; a metro line's 号线 is no part of a road's name; 对过 is
对面 (大桥局对过) and a works bureau (大桥局) no bridge; a shopping centre said by its area with a typo (王家敦万达) and a
hospital whose full name holds a university's (武汉大学人民医院) are read by their landmarks.toml tables."""
from __future__ import annotations

from insight import compare, matter_for_text
from insight.matter import group


def _one_matter(first: str, second: str, hours: float) -> bool:
    """Whether two appeals ``hours`` apart are one matter, as compare and as the grouping (its keys) answer."""
    a, b = matter_for_text(first), matter_for_text(second)
    together = group([a, b], [0.0, hours * 3600.0])
    assert compare(a, b, hours=hours).repeat == (together[0] is not None and together[0] == together[1])
    return compare(a, b, hours=hours).repeat


def test_a_station_named_after_its_road_said_with_its_gate():
    assert matter_for_text("中南路站出口扶梯停了，老人爬楼梯很吃力").places == ("中南路地铁站",)
    places = matter_for_text("地铁4号线复兴路站B口下雨积水，出站的人只能蹚水").places
    assert "复兴路地铁站" in places and "号线复兴路" not in places
    assert _one_matter("中南路站出口扶梯停了，老人爬楼梯很吃力", "武昌区中南路地铁站C出口的电梯坏了", 3)


def test_a_roads_metro_gate_is_no_station():
    # 和平大道 is no station's name: its 地铁口 is only a gate on the road
    assert "和平大道地铁站" not in matter_for_text("和平大道那个地铁口积水很深").places


def test_across_said_as_dui_guo_and_a_works_bureau():
    places = matter_for_text("汉阳区钟家村大桥局对面那个工地天天晚上施工").places
    assert "大桥局" in places and "钟家村大桥" not in places
    assert matter_for_text("大桥局对过那个在建的楼半夜还在打桩，吵得人睡不着").places == ("大桥局",)
    assert _one_matter("汉阳区钟家村大桥局对面那个工地天天晚上施工", "大桥局对过那个在建的楼半夜还在打桩，吵得人睡不着", 3)


def test_a_mall_said_by_its_area_with_a_typo():
    assert _one_matter("江汉区王家墩万达广场门口井盖坏了一个", "王家敦万达门口井盖破了，车开过去很危险", 4)
    # … and another centre of the brand is another place
    assert not _one_matter("江汉区王家墩万达广场门口井盖坏了一个", "菱角湖万达门口井盖坏了", 4)


def test_a_hospital_named_after_a_university_is_not_the_university():
    assert matter_for_text("武汉大学人民医院门口占道摆摊").places == ("湖北省人民医院",)
    assert not _one_matter("武大校门口那一段路夜市摊贩太多，堵车堵得厉害", "武汉大学人民医院门口占道摆摊", 10)
    assert _one_matter("武汉大学人民医院门口违停太严重", "张之洞路省人民医院门口天天乱停车，救护车都进不去", 8)


def test_a_slip_of_one_character_in_a_name_of_the_roads_file():
    # 常青花园 and 百步亭花园 are rows of hotline/demo_city/roads.csv, not of landmarks.toml
    assert _one_matter("东西湖区常青花园小区停水一整天了，也没有通知", "长青花园停水了，从早上到现在都没水，做饭都没法做", 3)
    assert _one_matter("江岸区百步亭花园门口的路灯一排都不亮，晚上黑漆漆的", "百布亭花园大门那边路灯坏了好几天，晚上出门很怕", 5)
    # … never a number (钢花一村 / 钢花二村), nor another problem
    assert not _one_matter("东西湖区常青花园小区停水一整天了，也没有通知", "长青花园小区电梯坏了，困了人", 3)


def test_a_brand_estate_with_zai_in_its_own_name():
    assert matter_for_text("江夏区金地自在城北门旁边的垃圾站太臭了").places == ("金地自在城",)
    assert matter_for_text("光谷金地自在城小区里面好多流浪狗，晚上追着人叫").places == ("金地自在城",)
    # … and said without its brand at the start of the appeal, the same estate
    assert matter_for_text("自在城有一群野狗，我家小孩被吓哭了").places == ("自在城",)
    assert _one_matter("江夏区金地自在城北门旁边的垃圾站太臭了", "自在城那个垃圾中转站臭味很大", 8)
    # … and a sentence's 在 after a brand is no name (保利现在)
    assert "保利现在" not in matter_for_text("保利现在停电了，什么时候来电").places
