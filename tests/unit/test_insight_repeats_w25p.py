"""Repeat appeals, twenty-fifth wave, the place side (w25-rpl): a road's stretch told by the area it runs through
(鲁巷那段, with no road said) is that area, and meets the road's stretch named there (珞喻路鲁巷那一段); a name said after
the word for "near" (珞喻路靠鲁巷的, 靠近水塔那边) is the name, not 靠鲁巷; an estate's numbered area said with its head
(常青八区) is the estate of the city's lists; a landmark pointed at by its kind and side alone (体育场那边, 火车站东边)
meets the one landmark of that kind named within the day, its side alike; a name said as a clause of its own after a
vague place (我们万科那个小区，四季花城，…) is the place."""
from __future__ import annotations

from insight import matter_for_text
from tests.unit.test_insight_repeats_w24p import _one_matter     # compare and the grouping (its keys) alike


def test_a_stretch_told_by_its_area_alone_is_the_area():
    assert matter_for_text("鲁巷那段的路灯坏了好几天了，过马路都看不清").places == ("鲁巷",)
    # … not a stretch of time
    assert matter_for_text("那段时间路灯老是坏").places == ()
    assert _one_matter("洪山区珞喻路鲁巷那一段路灯全都不亮，晚上黑漆漆的", "鲁巷那段的路灯坏了好几天了，过马路都看不清", 6)


def test_a_stretch_after_its_road_stays_a_section_of_the_road():
    # the area right after a road says which stretch (a part), no place of its own
    assert "徐东" not in matter_for_text("武昌区友谊大道徐东那段路边的树倒了，压在人行道上").places


def test_a_name_said_after_near_is_the_name():
    places = matter_for_text("珞喻路靠鲁巷的路灯一排都不亮，很不安全").places
    assert "鲁巷" in places and "靠鲁巷" not in places
    assert _one_matter("洪山区珞喻路鲁巷那一段路灯全都不亮，晚上黑漆漆的", "珞喻路靠鲁巷的路灯一排都不亮，很不安全", 20)
    # … and another stretch of the road is another place
    assert not _one_matter("珞喻路靠鲁巷的路灯一排都不亮，很不安全", "珞喻路华科那段路灯不亮", 3)


def test_an_estates_numbered_area_said_with_its_head():
    # 常青花园 is a name of the city's lists: 常青八区 is its eighth area, the kind 花园 left out
    m = matter_for_text("常青八区那栋楼电梯又困人，物业电话打不通")
    assert m.places == ("常青花园",) and ("小区", "8") in m.parts
    assert _one_matter("东西湖区常青花园八区的电梯困人了，物业半天不来", "常青八区那栋楼电梯又困人，物业电话打不通", 2)
    # … another numbered area is another place for a lift
    assert not _one_matter("常青八区那栋楼电梯又困人，物业电话打不通", "常青花园九区电梯坏了", 4)
    # … and a head no estate of the lists has stays as said
    assert matter_for_text("幸福里八区电梯坏了").places != ("幸福里花园",)


def test_a_landmark_pointed_at_by_its_kind_and_side():
    m = matter_for_text("体育场那边每天晚上跳广场舞，音响声音太大了")
    assert m.places == () and m.kind_at == "体育场"
    # the kind and its side are no name (火车站东边 was read as one)
    m = matter_for_text("火车站东边那个公厕好几天不能用了，臭味飘得老远")
    assert m.places == () and m.kind_at == "火车站@东"
    assert _one_matter("武昌区武昌火车站东广场的公共厕所堵了，污水流得到处都是", "火车站东边那个公厕好几天不能用了，臭味飘得老远", 3)
    # … not another side of a station, nor a place said with no side against one said with its side
    assert not _one_matter("火车站东边那个公厕好几天不能用了，臭味飘得老远", "汉口火车站北广场公共厕所太脏", 2)
    assert not _one_matter("火车站旁边好多黑车司机拉人，价格乱要", "汉口火车站南广场的出租车乱收费，打表不打", 2)
    # … nor a day and more apart
    assert not _one_matter("武昌区武昌火车站东广场的公共厕所堵了，污水流得到处都是", "火车站东边那个公厕好几天不能用了，臭味飘得老远", 30)


def test_two_landmarks_of_one_kind_do_not_meet_by_it():
    a, b = matter_for_text("江汉区花楼街的菜场垃圾没人清，臭烘烘的"), matter_for_text("江汉区北湖菜场卫生很差味道大")
    kinds = {k for k in a.keys() if k.startswith(("kb:", "kn:"))}
    assert kinds and not kinds & set(b.lookup_keys())


def test_a_name_said_as_a_clause_of_its_own_after_a_vague_place():
    places = matter_for_text("我们万科那个小区，四季花城，有业主毁绿种菜").places
    assert "四季花城" in places
    assert _one_matter("四季花城里面绿化带被人开荒种菜，臭得很", "我们万科那个小区，四季花城，有业主毁绿种菜", 20)
    # … not a clause that tells the problem
    assert matter_for_text("我们那个小区，电梯坏了，一直没人修").places == ()
