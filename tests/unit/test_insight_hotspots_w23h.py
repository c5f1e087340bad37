"""Hotspots of the twenty-third wave (w23-hot): an area's outage is an episode (the same estates out again days later
are a new hotspot); a home's own fault makes no estate's hotspot; a stall's short weight is no part of its market's
mess, and a market's mess that no one problem leads is one hotspot; an operator's note (市民来电) is no power back; an
event's crowd told at its road; a tree's fault says no closure; a road's works at a landmark named beside it; a smell
over one district over several nights; a sales trick going round the city; the districts a smell's appeal says are
data (the gazetteer's and insight.toml's)."""
from __future__ import annotations

import pytest

from insight import matter_for_text
from insight.hotspots import _FAILING, _district_said, find_hotspots
from insight.matter import Settings, load_lexicon, load_settings
from tests.unit.hotspot_cases import HOUR, appeals, spot_of
from tests.unit.hotspot_cases import one_hotspot as _one


def test_an_areas_outage_again_days_later_is_a_new_hotspot():
    rows = [(10, "汉阳七里庙这一片停电了，整条街都是黑的"), (10.5, "七里晴川小区没电了，电梯也停了"),
            (11, "七里庙地铁站旁边的楼全部没电，什么时候来电"), (11.5, "五里新村停电了，冰箱里的东西要坏了"),
            (12, "五里新村还是没电，都两个钟头了"),
            (80, "七里庙又停电了，礼拜一才停过"), (80.5, "五里新村下午又停电了，上网课的伢断了线"),
            (81, "汉阳七里庙这边又停电，店里收银机用不了"), (81.5, "七里晴川小区今天又停电了")]
    rows = appeals(rows)
    rows[4].citizen = rows[3].citizen            # one citizen calling twice
    spots = find_hotspots(rows, now=1000.0 + 150 * HOUR)
    first, again = spot_of(spots, 0), spot_of(spots, 5)
    assert first is not None and again is not None and first is not again, [s.description for s in spots]
    assert {0, 1, 2, 3, 4} <= set(first.members) and {5, 6, 7, 8} <= set(again.members)


def test_a_homes_own_trip_makes_no_hotspot_of_its_estate_with_one_citizens_calls():
    rows = [(10, "汉阳七里庙这一片停电了，整条街都是黑的"), (10.5, "七里晴川小区没电了，电梯也停了"),
            (11, "七里庙地铁站旁边的楼全部没电，什么时候来电"), (10.2, "五里新村停电了，冰箱里的东西要坏了"),
            (12, "五里新村还是没电，都两个钟头了"), (6, "五里新村我家跳闸了，邻居家都有电")]
    rows = appeals(rows)
    rows[4].citizen = rows[3].citizen
    spots = find_hotspots(rows, now=1000.0 + 150 * HOUR)
    assert spot_of(spots, 5) is None
    assert spot_of(spots, 3) is spot_of(spots, 0) is not None, [s.description for s in spots]



def test_an_operators_note_of_a_call_is_no_power_back_and_an_operators_failing_words_are_read():
    lexicon = load_lexicon()
    assert "power_out" not in lexicon.find("市民来电：反映某小区门口有人摆摊卖菜")
    assert "power_out" in lexicon.find("停了一晚上，什么时候来电")
    assert _FAILING.search("申报平台无法登录，多次尝试均失败") and _FAILING.search("网上无法提交")





def test_the_districts_a_smell_says_are_the_gazetteers_and_the_settings_zones():
    said = _district_said(load_settings())
    assert said.search("江岸这边晚上臭") and said.search("光谷那边晚上臭") and not said.search("北湖晚上臭")
    bare = _district_said(Settings(similar={}, hotspots={"district_zones": []}))
    assert bare.search("江岸这边晚上臭") and not bare.search("光谷那边晚上臭")
    assert _district_said(Settings(similar={}, hotspots={"district_zones": ["北湖"]})).search("北湖晚上臭")
    assert matter_for_text("江岸这边晚上臭")     # (the reader of the same text, for the record)


# one week's readings per case: the texts, their hours, now, the rows in the hotspot of row 0, the rows left out of it
_CASES = {
    "a stall's short weight is not its market's mess, and the mess is one hotspot": (
        ["大兴路菜场门口的摊子摆到路上了，车子都过不去", "大兴路菜市场门口污水横流，杀鱼的水直接倒在路边",
         "菜场后面的垃圾堆成山了，臭死了，大兴路", "大兴路菜场占道经营天天有，城管来了又走",
         "大兴路菜场里面有个摊子缺斤少两，一斤菜少了二两"],
        [10, 40, 70, 100, 50], 150, range(4), (4,)),
    "a light show's crowd told at its road is one hotspot, a question about it is not": (
        ["江滩今晚搞灯光秀，沿江大道堵得水泄不通", "汉口江滩这边人太多了，有没有人维持秩序",
         "我们住沿江大道的，小区门口被看灯光秀的车堵死了", "灯光秀散场了打不到车，出租车都不停",
         "江滩灯光秀几点开始，要门票吗"],
        [20, 21, 22, 23, 18], 150, range(4), (4,)),
    "a road's works take a landmark named beside the road, not a tree's fault": (
        ["解放路司门口那段围起来施工了，公交站往后挪了好远", "司门口晚上十二点还在用电镐破路面，吵死人",
         "解放路人行道封了，只能从车道走", "我在解放路开眼镜店，围挡把门口全挡住了，三天没开张",
         "解放路这几天灰大得很，楼下车子一层灰", "解放路有棵树的树枝挡住了红绿灯"],
        [10, 20, 30, 40, 60, 70], 150, range(5), (5,)),
    "a smell over one district on several nights takes its night smells without a source": (
        ["青菱这边晚上一股臭鸡蛋味，熏得睡不着", "青菱又臭了，第二晚了，哪个厂在偷排",
         "我住青菱那边的小区，这几天都有怪味", "洪山区白沙六路附近晚上有很刺鼻的味道",
         "青菱 晚上 又是那个味 第三晚"],
        [20, 44, 60, 45, 68], 150, range(5), ()),
    "a sales trick going round the city is one hotspot": (
        ["我们小区楼下天天有人送鸡蛋拉老人去听讲座，然后卖保健品，洪山街道口",
         "我爸在武昌中南路被人拉去听健康讲座，买了三千多的东西", "江汉区唐家墩有个门面天天开会销，骗老人买保健品",
         "青山区钢花村那边有人搞养生讲座卖药，我婆婆花了两千", "保健品可以退货吗，我自己在药店买的"],
        [8, 30, 55, 76, 42], 150, range(4), (4,)),
}


@pytest.mark.parametrize("case", sorted(_CASES))
def test_one_matter_told_in_many_ways_is_one_hotspot_and_the_other_matters_stay_out(case):
    texts, hours, now, inside, outside = _CASES[case]
    _one(texts, hours, now, inside, outside)
