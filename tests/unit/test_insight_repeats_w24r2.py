"""Repeat appeals, twenty-fourth wave, second repeats-recall round (w24-rep2): the home a caller says in passing as
where it lives (我住锦绣长江，…) or as its residents' (我是吴家山三店的居民) is the appeal's place; a road's stretch
named by the crossing road it runs by (中山大道武胜路段) is a section of its own, apart from another stretch of one road
(中山大道水塔段); 那一截 says a stretch as 那段 does (靠水塔那一截路)."""
from __future__ import annotations

from insight import compare, matter_for_text
from insight.matter import _parts, group


def _one_matter(first: str, second: str, hours: float) -> bool:
    """Whether two appeals ``hours`` apart are one matter, as compare and as the grouping (its keys) answer."""
    a, b = matter_for_text(first), matter_for_text(second)
    together = group([a, b], [0.0, hours * 3600.0])
    assert compare(a, b, hours=hours).repeat == (together[0] is not None and together[0] == together[1])
    return compare(a, b, hours=hours).repeat


def test_the_home_said_as_where_one_lives():
    assert matter_for_text("我住锦绣长江，家里水龙头拧开啥都没有，饭都做不成").places == ("锦绣长江",)
    assert matter_for_text("我家住在百瑞景，停电一上午了").places == ("百瑞景",)
    assert _one_matter("江汉区锦绣长江小区停水一上午了，也没看到停水通知",
                       "我住锦绣长江，家里水龙头拧开啥都没有，饭都做不成，什么时候来水", 5)


def test_a_floor_or_a_vague_home_is_no_place():
    assert matter_for_text("我住五楼，楼上卫生间漏水").places == ()
    assert matter_for_text("我住十一楼，电梯坏了三天").places == ()
    assert matter_for_text("我住在这个小区三年了，第一次停这么久的水").places == ()
    # … nor a kind of home (城中村, 单位宿舍, 职工宿舍)
    for text in ("我住城中村里面，垃圾没人收", "我住单位宿舍，停水一天了", "我住职工宿舍，楼道灯坏了"):
        assert matter_for_text(text).places == (), text
    # … nor the area a home is near (青菱乡那边的新小区)
    assert "青菱乡" not in matter_for_text("我住青菱乡那边的新小区，这几晚都有怪味，伢咳嗽").places


def test_a_resident_of_an_estate():
    assert "吴家山三店" in matter_for_text("喂，我是吴家山三店的居民，我们楼下那个垃圾站好几天没人清了").places


def test_a_stretch_named_by_its_crossing_road():
    assert ("段", "胜路") in _parts("中山大道武胜路段一个井盖响，车子过去咣咣响")
    assert ("段", "水塔") in _parts("中山大道靠水塔那一截路烂了个洞，晚上看不见很危险")
    assert "一截路" not in matter_for_text("中山大道靠水塔那一截路烂了个洞，晚上看不见很危险").places
    # a stretch said by what happens there is none (拥堵路段, 部分路段)
    assert not [p for p in _parts("解放大道部分路段积水，拥堵路段很多") if p[0] == "段"]
    assert not _one_matter("江汉区中山大道水塔段路面塌了一个坑，车子开过去咣当一下",
                           "中山大道武胜路段一个井盖响，车子过去咣咣响", 3)


def test_a_place_after_a_calls_greeting():
    assert matter_for_text("喂，锦绣长江的啊，那个水，呃，断了，没得水用，几时来啊").places == ("锦绣长江",)
    assert matter_for_text("喂，你好，我想问一下停电的事").places == ()
    assert _one_matter("汉阳区四新北路锦绣长江小区停水了", "喂，锦绣长江的啊，那个水，呃，断了，没得水用，几时来啊", 4)


def test_a_park_with_and_without_its_kind_of_park():
    assert _one_matter("我是金银湖的，金银湖公园里面有人钓鱼撒网，管理员也不管",
                       "东西湖区金银湖湿地公园有人撒网捕鱼，鱼都快捞光了", 4)


def test_an_estate_said_by_its_three_character_head():
    assert matter_for_text("百瑞景中央生活区里面广场舞每天晚上放到很晚，吵得孩子没法睡觉").places == ("百瑞景中央生活区",)
    assert _one_matter("洪山区百瑞景晚上广场舞音响开得太大了，十点多还在跳",
                       "百瑞景中央生活区里面广场舞每天晚上放到很晚，吵得孩子没法睡觉", 6)
    # a developer's brand heads many estates: 万科城 is not 万科城市花园
    assert not _one_matter("万科城市花园大门口的夜市烧烤摊，烟熏得窗户都不敢开", "万科城门口晚上的烧烤摊油烟扰民", 3)
