"""Repeat appeals, twenty-first wave, second round (w21-rep2): a word of position ends an area's name, not a road's
(徐东那块路上: the road there, at 徐东); a problem shouted alone as the first clause (路灯！金色港湾门口！) leaves the
name to the next clause; a numbered district of an estate (杨树二区) is a place, its problem word (树) no problem; the
square downstairs (楼下广场) and a street of one trade (美食街, 小吃一条街) are no names; the estate a citizen owns or
lives in (本人系…业主) is a place. Words: a dark way told as found (伸手不见五指) is a street lamp out; a shed on a
building said as illegal is no rough sleeper's; smoke that stings (油烟熏人) is the fumes, not a smell."""
from __future__ import annotations

import pytest

from insight import matter_for_text

# (text, a place it names, places it must not name: by their first or last characters)
PLACES = [
    ("徐东那块路上全是积水，车子过不去", "", ("徐东那", "徐东这")),
    ("我们杨园这边路上天天有人倒垃圾", "", ("杨园这",)),
    ("古田那一块路上臭得要命", "", ("古田那",)),
    ("路灯！金色港湾门口！一个月了！", "金色港湾", ()),
    ("停水！锦绣龙城！从早上到现在！", "锦绣龙城", ()),
    ("杨树二区今天一天都没水", "杨树二区", ()),
    ("修路的把管子挖破了，旁边的松林五区全停水", "松林五区", ()),
    ("我家楼下广场上天天有人打篮球到半夜", "", ("楼下",)),
    ("住的楼前广场晚上跳舞的音响太大", "", ("楼前",)),
    ("吉庆街那边美食街烧烤摊半夜还在吵", "吉庆街", ("美食街",)),
    ("江汉路这边小吃一条街的油烟大", "江汉路", ("一条街",)),
    ("您好，本人系汉阳区四新海伦堡业主，现反映小区门口积水问题", "四新海伦堡", ()),
    ("我是江夏区庙山五月天的住户，小区楼下天天晚上有人烧烤", "庙山五月天", ()),
]


@pytest.mark.parametrize("text, name, never", PLACES)
def test_places_fresh_voices_name(text, name, never):
    places = matter_for_text(text).places
    assert not name or name in places, places
    assert not any(p.startswith(never) or p.endswith(never) for p in places if never), places


# (text, concepts it names, concepts it does not)
CONCEPTS = [
    ("晚上回家那段路伸手不见五指，怕得很", {"streetlight"}, set()),
    ("小区里的灯都是坏的，晚上没法走", {"streetlight"}, set()),
    ("杨树二区今天一天都没水", set(), {"tree"}),
    ("我们小区5栋顶楼有人搭棚子，属于违建", {"illegal_building"}, {"homeless"}),
    ("楼顶上搭了棚子，违章搭建没人管", {"illegal_building"}, {"homeless"}),
    ("烧烤店的油烟熏人，窗户都不敢开", {"fumes"}, {"odor"}),
    ("楼下饭馆油烟太大，熏得老人咳嗽", {"fumes"}, {"odor"}),
    ("垃圾站臭味熏得人受不了，旁边饭馆油烟也大", {"odor", "fumes"}, set()),
]


@pytest.mark.parametrize("text, named, not_named", CONCEPTS)
def test_problems_fresh_voices_name(text, named, not_named):
    concepts = matter_for_text(text).concepts
    assert named <= concepts and not not_named & concepts, concepts
