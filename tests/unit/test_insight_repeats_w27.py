"""Repeat appeals, twenty-seventh wave (w27-rep): a problem read by what it is on or of, not by one word — a bus stop's
sign said as the stop's 牌子, water marks on cars parked under a car park's dripping ceiling (no home's leak), a meter
box left open, children crammed into a car, a carriage's cold, litter afloat, cracked walls, a sweeper's music — and
new kinds of problem told in other words (a stair rail, a wild animal, pesticide, cards paid ahead, price labels, a
bus's card reader, oil on a road, paid weekend classes, a flat let to a crowd, child minding), with the hard negatives
beside them; and the tuning split keeps its figures."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from insight import matter_for_text
from tests.unit.test_insight_repeats_w23 import _one_matter   # compare and the grouping answer alike (w23-rep)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


# (plain wording, the same matter told in other words, the concept those words are read as, hours apart)
TOLD_OTHERWISE = [
    ("洪山区鲁磨路光谷广场公交站的站牌被撞了，歪在一边", "光谷广场公交站那个牌子倒了，看不到有几路车", "bus_shelter", 3),
    ("江岸区永清街武汉天地停车场顶上滴水，车上全是水渍", "武汉天地停车场上面漏下来的水滴到车上，车顶上全是印子", "garage_leak", 4),
    ("青山区钢花新村5栋楼梯扶手松了，一摇就晃", "钢花新村5栋楼梯的铁栏杆断了，老人扶着差点摔", "stair_rail", 5),
    ("汉阳区鹦鹉花园楼下的电表箱门掉了，电线露在外面", "鹦鹉花园那个配电箱敞着，下雨往里灌水，怕触电", "meter_box", 6),
    ("江夏区藏龙岛那个蒲公英幼儿园的面包车塞了十几个小孩", "蒲公英幼儿园用私家车接孩子，挤得满满的", "school_bus", 8),
    ("硚口区宝丰二路华生小区在打药，一股农药味", "华生小区绿化喷的药熏得头痛，关了窗户都闻得到", "pesticide", 2),
    ("江汉区新华路东方健身私教课不给退，办的卡里还有钱", "新华路东方健身我办了年卡，老板卷钱跑路了", "prepaid_refund", 10),
    ("武昌区徐东大街中百超市价签写的9块9扫出来12块", "徐东大街中百超市标价和结账不一样", "price_tag", 4),
    ("汉阳区龙阳大道钟家村段一辆货车漏油漏了一路", "龙阳大道钟家村段路上洒了一大片油，电动车摔了好几个", "oil_spill", 3),
    ("江岸区育才中学周六还在补课，收补课费", "育才中学寒假补课，每人交八百", "extra_classes", 20),
    ("江岸区二七路融侨华府12栋是群租房，住了十几个人", "融侨华府12栋那套房子被二房东改成床位出租了", "home_letting", 6),
    ("汉阳区四新北路那个小饭桌没有证", "四新北路那个托管班挤了三十多个孩子，中午睡地铺", "child_minding", 5),
    ("江岸区解放大道洒水车早上五点就放音乐，把人吵醒", "解放大道那个洒水车一路唱过来，天都没亮", "street_cleaning", 3),
]


@pytest.mark.parametrize("plain, told, concept, hours", TOLD_OTHERWISE)
def test_one_matter_told_in_other_words(plain, told, concept, hours):
    assert concept in matter_for_text(told).concepts
    assert concept in matter_for_text(plain).concepts
    assert _one_matter(plain, told, hours)


def test_what_a_problem_is_on_decides_it():
    # water marks on cars under a car park are no home's leak, nor its parking; a home's ceiling still is housing
    cars = matter_for_text("在泛海停车场停了一天，车顶上全是黄色的水印子").concepts
    assert "garage_leak" in cars and "housing" not in cars and "parking" not in cars
    assert "housing" in matter_for_text("泛海国际居住区5栋楼上漏水，我家天花板上都是水渍").concepts
    # a stop's 牌子 is its sign: read as 站牌被撞 is; a shop's sign that falls is the shop's
    assert "bus_shelter" in matter_for_text("东亭公交站那个牌子倒了，躺在地上").concepts
    assert "bus_shelter" not in matter_for_text("东亭那家超市门口的招牌倒了").concepts
    # a sprinkler lorry is no water cut, a fountain's pool no burst pipe, a train's cold no heating of a home
    assert "water_out" not in matter_for_text("解放大道洒水车早上五点就放音乐").concepts
    assert "pipe_burst" not in matter_for_text("福星惠誉那个喷泉池子臭死了").concepts
    assert "vehicle_aircon" in matter_for_text("地铁4号线车厢里冷得像冰窖").concepts
    # … and a water's 黑又 is no oil by sound; a wall cracked by shaking lorries tells the lorries, no housing
    assert "oil_spill" not in matter_for_text("汤逊湖边上那条沟里的水又黑又臭").concepts
    assert "housing" not in matter_for_text("重型卡车半夜轰隆隆地过，墙都震出裂缝了").concepts


# (an appeal, another matter at the same place hours later that shares a word or a setting with it)
TWO_MATTERS = [
    ("东亭公交站的站牌被车撞倒了", "东亭公交站的候车亭顶棚漏雨，等车的人都淋湿了", 3),
    ("泛海城市广场地下停车场顶上滴水，车上全是水渍", "泛海城市广场地下停车场有人划车，我的车门被划了一长条", 12),
    ("北湖小区2栋楼道扶手断了一截，小孩上下楼太危险", "北湖小区2栋楼道的灯不亮，晚上摸黑上楼", 8),
    ("福星惠誉那个喷泉池子臭死了，夏天蚊子一团一团的", "福星惠誉小区喷泉晚上十点还在放音乐", 6),
    ("江汉区新华路东方健身私教课不给退费，办的卡里还有钱", "新华路东方健身门口电动车乱停，进出都难", 4),
]


@pytest.mark.parametrize("first, other, hours", TWO_MATTERS)
def test_another_problem_at_one_place_stays_apart(first, other, hours):
    assert not _one_matter(first, other, hours)


def test_the_tuning_split_keeps_its_figures():
    from eval_insight import eval_repeats

    tune = eval_repeats("tune85")
    assert tune["found"] >= 136 and tune["wrong_merges"] <= 0, tune
