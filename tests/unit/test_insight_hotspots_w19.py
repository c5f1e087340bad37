"""Hotspots of the nineteenth wave: a time said before or in place of a place's name is no part of the name; a
road's works told as its resurfacing (修路, 铣刨, 压路机) are works; the tax services (个税, 税务局, 报税, 开发票)
failing over the city are one outage; a system that 卡住 is no lift."""
from __future__ import annotations

from insight.hotspots import find_hotspots
from insight.matter import load_lexicon, matter_of
from tests.unit.hotspot_cases import HOUR, appeals as _appeals, spot_of as _spot_of


def test_a_time_before_a_place_is_no_part_of_its_name():
    assert matter_of("早上八点花桥幼儿园门口又堵成一锅粥").places == ("花桥幼儿园",)
    assert matter_of("半夜两点沿江大道上有人轰油门").places == ("沿江大道",)
    assert matter_of("每天晚上民生路都很吵").places == ("民生路",)
    assert "傍晚一股腐烂" not in matter_of("东西湖区金银湖这边傍晚一股腐烂的臭味").places


def test_a_roller_is_no_road_and_resurfacing_is_works():
    m = matter_of("武珞路半夜施工压路机轰轰响，第二晚了")
    assert m.places == ("武珞路",) and "construction" in m.concepts
    lexicon = load_lexicon()
    assert "construction" in lexicon.find("连续三个晚上修路")
    assert "construction" in lexicon.find("晚上在铣刨路面")


def test_a_system_that_hangs_is_no_lift():
    lexicon = load_lexicon()
    assert "elevator" not in lexicon.find("开发票的系统一直卡住")
    assert "elevator" in lexicon.find("电梯卡住了")


def test_the_tax_services_failing_over_the_city_in_a_day_are_one_hotspot():
    rows = [(0.0, "个税app今天一直登不上，提示网络异常"),
            (1.0, "去税务大厅办事，工作人员说系统出故障了办不了"),
            (1.5, "个人所得税汇算提交了好几次都失败，今天是不是系统崩了"),
            (2.0, "电子税务局进不去，公司报税要逾期了"),
            (4.0, "开发票的系统一直卡住，开不出来发票，影响做生意"),
            (3.0, "汉阳区税务局门口没有停车位")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 10 * HOUR)
    tax = _spot_of(spots, 0)
    assert tax is not None and {0, 1, 2, 3, 4} <= set(tax.members) and 5 not in tax.members


def test_a_time_or_a_deed_before_a_name_is_no_name():
    assert "一天停" not in matter_of("南湖这边一天停好几次电，什么时候能修好线路").places
    assert matter_of("东西湖区金银湖路修路把小区门口封了").places == ("金银湖路",)
    assert "刚才从中南路" not in matter_of("刚才从中南路往街道口走，丁字桥下穿堵死了").places


def test_a_verb_of_going_before_a_landmark_and_a_kerb_are_no_names():
    assert matter_of("又去协和医院看病，停车场还是进不去，只好停路边").places == ("协和医院",)
    assert matter_of("老人去医院看病很不方便").places == ()
    assert matter_of("走马岭小学门口很堵").places == ("走马岭小学",)


def test_what_people_do_at_a_place_is_no_name():
    assert matter_of("花桥幼儿园送孩子的时间门口乱停车").places == ("花桥幼儿园",)
    assert "吃东西" not in matter_of("粮道街吃东西的人太多，车停在路中间").places


def test_a_road_s_works_take_its_closure_told_by_those_who_pass():
    rows = [(0.0, "武昌区武珞路晚上在铣刨路面，机器声音吵到凌晨三点"),
            (24.0, "武珞路半夜施工压路机轰轰响，第二晚了"),
            (25.0, "武珞路封了两条车道，早上堵得一动不动"),
            (48.0, "武珞路连续三个晚上修路，根本睡不了觉"),
            (49.0, "武珞路施工围挡把人行道占了，晚上施工灯晃眼"),
            (26.0, "中山路封了两条车道，早上堵得一动不动")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 60 * HOUR)
    works = _spot_of(spots, 0)
    assert works is not None and {0, 1, 2, 3} <= set(works.members) and 5 not in works.members


def test_the_property_registration_services_failing_over_the_city_are_one_hotspot():
    rows = [(0.0, "我在汉阳办房产证，窗口说网络出问题，让明天再来"),
            (1.0, "东西湖政务中心过户办不了，系统什么时候恢复"),
            (1.5, "不动产登记中心说系统故障，今天办不了"),
            (2.0, "在网上约过户的号，填完资料提交失败三次了"),
            (2.5, "洪山区不动产窗口排了好多人，都说系统瘫了")]
    spots = find_hotspots(_appeals(rows), now=1000.0 + 10 * HOUR)
    deeds = _spot_of(spots, 0)
    assert deeds is not None and {0, 1, 2, 3, 4} <= set(deeds.members)
