"""Hotspots of the thirtieth wave's second round (w30-hot2): an area said bare right before 的 (洪山区鲁巷的路灯,
钢都的下水道) is a place, not a floor, a neighbour's door or somebody's; a city's new rule asked about by three
citizens, each naming the rule, is one hotspot; one business said at a hotspot's place (有家饭店…) is not of it."""
from __future__ import annotations

import dataclasses

from insight import matter_for_text
from insight.hotspots import find_hotspots
from insight.matter import load_settings
from tests.unit.hotspot_cases import appeals, spot_of
from tests.unit.test_insight_hotspots_w28hot import NOW
from tests.unit.test_insight_hotspots_w30hot import _places


def test_an_area_said_bare_before_of_is_a_place():
    assert "鲁巷" in _places("洪山区鲁巷的路灯一排都不亮")
    assert "鲁巷" in _places("鲁巷的路灯一排都不亮，晚上走路怕")
    assert "钢都" in _places("青山区钢都的下水道返臭好几天了")


def test_a_floor_a_door_a_time_or_somebodys_before_of_is_no_place():
    for text in ("三楼的空调滴水滴到我家窗台", "对门的狗天天叫", "今早的公交一直没来", "我妈的医保卡丢了",
                 "花楼街老楼的墙皮往下掉", "物管的人根本不管事"):
        assert _places(text) in ((), ("花楼街",)), (text, _places(text))


_RULE = [(3, "听说犬类管理要出新规了，遛狗不牵绳以后怎么处理"),
         (40, "请问一下新的养犬管理规定出来没有，小型犬要不要办证"),
         (90, "养狗新政策什么时候实施啊，我家的狗打过疫苗了"),
         (100, "楼下有条狗晚上一直叫")]


def _row0_spot(rows, settings=None):
    return spot_of(find_hotspots(appeals(rows), now=NOW, settings=settings), 0)


def test_a_citys_new_rule_asked_by_three_citizens_is_one_hotspot():
    spot = _row0_spot(_RULE)
    assert spot is not None and set(spot.members) == {0, 1, 2}, spot and spot.description


def test_three_asking_are_too_few_without_the_setting():
    settings = load_settings()
    off = dataclasses.replace(settings, hotspots={**settings.hotspots, "city_rule_min_appeals": 0})
    assert _row0_spot(_RULE, off) is None


def test_three_asking_from_one_citizen_are_no_hotspot():
    rows = appeals(_RULE)
    rows[1].citizen = rows[2].citizen = rows[0].citizen
    assert spot_of(find_hotspots(rows, now=NOW), 0) is None


def test_three_told_of_fines_only_are_no_new_rule_asked():
    rows = [(3, "遛狗没牵绳被罚了五十"), (40, "小区里狗乱叫被罚了"), (90, "狗咬人了，主人被罚款")]
    assert _row0_spot(rows) is None


_STATION = [(10, "青山区钢都花园的垃圾站几天没清运了，臭气熏天"),
            (12, "钢都花园那个垃圾中转站一直没人管，苍蝇到处飞"),
            (14, "钢都花园的垃圾站又堆满了，垃圾都堆到路边"),
            (15, "青山区钢都花园有家饭店卫生太差了")]


def test_one_business_at_a_hotspots_place_is_not_of_it():
    spot = _row0_spot(_STATION)
    assert spot is not None and 3 not in spot.members and {0, 1, 2} <= set(spot.members), spot and spot.description


def test_a_sewer_manhole_said_by_its_other_names_spewing_is_sewage():
    assert "sewage" in matter_for_text("路口那个下水井往外冒水，路面都是").concepts
    assert "sewage" in matter_for_text("雨水井冒水冒了一上午").concepts
