"""Repeat appeals, eighteenth wave: an estate named to point out a place said vaguely before it is read without its
kind; one area said alone under two of its names is one place for any problem;
a street named after a road meets that road and its numbered roads; a name read without its kind never begins with a
part of a building nor ends with a position on a line."""
from __future__ import annotations

from insight import compare, matter_for_text
from insight.matter import group


def test_an_estate_pointed_out_after_a_vague_place_is_read():
    assert "世纪江尚" in matter_for_text("积玉桥这边有个小区电梯坏了好几天，就是世纪江尚，物业不管").places
    assert "汤湖华庭" in matter_for_text("我们这个小区门口的路灯坏了一个月，就是汤湖华庭，没人来修").places
    # … not words of speech, nor a name with no vague place before 就是
    assert "影响休息" not in matter_for_text("这个工地太吵了，就是影响休息").places
    assert "晚上太吵" not in matter_for_text("反映一下噪音，就是晚上太吵").places
    assert matter_for_text("电梯坏了，就是修不好").places == ()


def test_an_estate_pointed_out_is_no_other_estate_of_its_street():
    a = matter_for_text("积玉桥这边有个小区电梯坏了好几天没人修，就是世纪江尚，麻烦督促物业")
    b = matter_for_text("积玉桥福星惠誉国际城的电梯一直有异响，坐着心里发毛")
    c = matter_for_text("世纪江尚的电梯停了三天了，老人只能爬楼")
    assert not compare(a, b, hours=10).repeat
    assert compare(a, c, hours=10).repeat


def test_one_area_said_alone_under_two_names():
    a = matter_for_text("光谷这边的自来水黄黄的，洗澡都不敢用")
    b = matter_for_text("喂，关山那边，我们家水龙头放出来的水是黄的，邻居家也是")
    assert compare(a, b, hours=3).repeat
    assert group([a, b], [0.0, 3 * 3600.0])[0] is not None
    # … an estate named in the area is a place of its own
    c = matter_for_text("光谷坐标城的自来水发黄，烧开有沉淀")
    assert not compare(b, c, hours=3).repeat


def test_a_street_named_after_a_road_meets_its_numbered_road():
    a = matter_for_text("武昌中南二路有栋写字楼外墙瓷砖往下掉，刚才差点砸到人")
    b = matter_for_text("中南路那边一栋大楼的外墙砖脱落了，碎片落在人行道上，太危险了")
    assert compare(a, b, hours=1).repeat
    g = group([a, b], [0.0, 3600.0])
    assert g[0] is not None and g[0] == g[1]


def test_no_name_begins_with_a_part_of_a_building_or_ends_with_a_position_on_a_line():
    assert matter_for_text("古田这边我们单元一股天然气的臭味，邻居都下楼了").places == ()
    assert "铁路线上" not in matter_for_text("武昌杨园这边铁路线上的火车半夜一直鸣笛").places
