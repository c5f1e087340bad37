"""Repeat appeals, twenty-fourth wave (w24-rep): one problem told in other words — a kitchen's smell against its
fumes, a building site both say works at night, a spill's truck called the works' or just a big vehicle, a drain by
its ditch, a bin overflowing, a load told as the ground it covers, a worn line with 都 — and the hard negatives
beside them (things piled in a stairwell are no rubbish left uncollected)."""
from __future__ import annotations

from insight import matter_for_text
from tests.unit.test_insight_repeats_w23 import _one_matter   # compare and the grouping answer alike (w23-rep)


def test_a_kitchens_smell_and_its_fumes_are_one_nuisance():
    assert _one_matter("硚口区宝丰路一家火锅店的排风扇对着居民窗户吹，油烟往屋里灌",
                       "宝丰路那个火锅店的味道熏得我们家全是牛油味，衣服都不能晒", 6)
    # … but not a kitchen's fumes against its noise, nor a smell of rubbish against a kitchen's fumes
    assert not _one_matter("宝丰路那家火锅店油烟太大，熏得窗户都不敢开", "宝丰路那家火锅店半夜还在划拳喝酒，吵得睡不着", 6)
    assert not _one_matter("宝丰路那家火锅店油烟太大，熏得窗户都不敢开", "宝丰路垃圾站臭得不行，好几天没人清运", 6)


def test_a_site_both_say_works_at_night_is_one_complaint():
    assert _one_matter("江岸区三眼桥路的工地晚上十二点还在施工", "三眼桥路工地半夜那个切割机吱吱吱的，听得人牙酸", 2)
    # … not a site at night against its trucks running a red light
    assert not _one_matter("三眼桥路的工地晚上十二点还在施工", "三眼桥路工地的渣土车晚上闯红灯，开得飞快", 2)


def test_a_spills_truck_is_the_works_truck():
    assert _one_matter("巨龙大道每天大车一过，满地泥土石子，骑车的都被蹦到", "巨龙大道灰尘大得睁不开眼，就是那些拉土的车掉的土", 8)
    assert "spill" in matter_for_text("巨龙大道每天大车一过，满地泥土石子").concepts


def test_a_drain_by_its_ditch_and_a_bin_overflowing():
    drain = matter_for_text("江岸区二七路的排水沟堵了，一下雨就漫出来")
    assert "sewage" in drain.concepts and "water_body" not in drain.concepts
    assert _one_matter("江岸区二七路的排水沟堵了，一下雨就漫出来", "二七路积水严重，下水不畅，雨后好几天都有一汪臭水", 30)
    bin_ = matter_for_text("首义小区垃圾桶都溢出来了，地上全是烂菜叶子")
    assert "garbage" in bin_.concepts and "sewage" not in bin_.concepts
    assert _one_matter("武昌区首义小区的垃圾三天都没人收", "首义小区垃圾桶都溢出来了，地上全是烂菜叶子，过路都要踮着脚", 24)


def test_things_piled_in_a_stairwell_are_no_rubbish_left_uncollected():
    clutter = matter_for_text("首义小区有人在楼道里堆放杂物")
    assert "fire_risk" in clutter.concepts and "garbage" not in clutter.concepts
    assert not _one_matter("武昌区首义小区的垃圾三天都没人收", "首义小区有人在楼道里堆放杂物", 7)


def test_a_worn_line_told_with_dou():
    assert "marking" in matter_for_text("丁字桥路口肯德基门口的斑马线都磨没了，车子不让人").concepts


def test_one_burning_whatever_each_says_it_gives_off():
    assert _one_matter("蔡甸后官湖边上有人天天烧垃圾，黑烟滚滚，呛死人了", "后官湖绿道旁边那块空地有人焚烧塑料，气味特别刺鼻", 5)
    assert _one_matter("蔡甸后官湖边上有人天天烧垃圾，黑烟滚滚，呛死人了", "蔡甸区后官湖那边露天烧东西，烟飘到我们小区里，窗户都不敢开", 5)
    # … but rubbish left uncollected is no burning beside it
    assert not _one_matter("后官湖边上的垃圾站好几天没人清运，臭死了", "后官湖边上有人天天烧垃圾，黑烟滚滚", 5)


def test_a_spill_in_official_words_and_broken_steps():
    spill = matter_for_text("洪山区珞狮路武汉理工大学段渣土撒漏")
    assert "spill" in spill.concepts and "garbage" not in spill.concepts
    assert _one_matter("珞狮路理工大那一段，渣土车掉的土满地都是，下雨全是泥", "洪山区珞狮路武汉理工大学段渣土撒漏", 3)
    assert _one_matter("洪山广场地铁站E出口的台阶碎了好几块，差点崴了脚", "洪山广场站出口那个楼梯坏了，边都掉了", 5)


def test_water_thrown_down_a_leaking_roof_and_ebikes_blocking_an_exit():
    assert _one_matter("我是青山区红钢城八街坊的，我家楼上天天往下泼水，晾的衣服都湿了",
                       "青山红钢城八街坊有户人家从阳台往下倒水，楼下的衣服被子都遭殃", 20)
    assert "housing" in matter_for_text("南国大武汉十八栋顶层屋面防水坏了，一下雨屋里就漏").concepts
    assert "parking" in matter_for_text("循礼门站靠中山公园的那个出口被电动车堵住了，早上挤得要命").concepts


def test_an_outage_told_by_the_air_conditioning_a_fight_by_its_blows_short_weight_found_at_home():
    assert "power_out" in matter_for_text("阳光花园这边晚上一片漆黑，空调不转，热得伢们哭").concepts
    assert _one_matter("江夏区纸坊大街阳光花园又停电了", "阳光花园这边晚上一片漆黑，空调不转，热得伢们哭", 2)
    assert _one_matter("洪山区光谷步行街有家酒吧门口天天有人打架", "光谷步行街那个酒吧门口半夜喝醉的人动手，酒瓶子砸得到处都是", 24)
    assert _one_matter("青山区建设二路菜场里卖鱼的秤不准，一斤少二两", "建设二路菜场买鱼，回家一称少了好多，鬼款，明显是秤做了手脚", 5)


def test_paint_sprayed_in_the_open_and_fishing_told_by_its_gear():
    assert _one_matter("硚口区古田四路一个汽修店天天在路边喷漆，熏得头疼", "古田四路修车的在马路边上喷油漆，熏得我们头晕眼花", 3)
    # … not the same workshop's cars on the pavement
    assert not _one_matter("硚口区古田四路一个汽修店天天在路边喷漆，熏得头疼", "古田四路汽修店把车停满了人行道", 3)
    assert "fishing" in matter_for_text("金银湖公园那边有人拿电瓶在湖里打鱼，鱼都翻白肚皮了").concepts
    assert "fishing" in matter_for_text("东湖边上磨山那里有人撒网捕鱼").concepts
