"""Repeat appeals, twenty-sixth wave, the place side (w26-rpp): a building named by the shop or bank on its ground
floor (一楼是建设银行的那栋楼, 建行楼上, 中百仓储上面的住宅楼; the ``shops`` table of landmarks.toml) is one place however
its shop is said, and two shops' buildings on one road are two places. The tuning split tune81 keeps its figures."""
from __future__ import annotations

import pytest

from insight import matter_for_text
from tests.unit.test_insight_repeats_w24p import _one_matter     # compare and the grouping (its keys) alike


def test_a_building_by_the_shop_on_its_ground_floor():
    m = matter_for_text("汉阳区王家湾一楼是建设银行的那栋楼，楼上空调外机往下滴水")
    assert "王家湾建设银行大厦" in m.places
    # … a bank's short name and its branch are the bank, said with the area or road before it or in its branch
    assert "王家湾建设银行大厦" in matter_for_text("王家湾建行楼上的空调水滴了一人行道").places
    assert "王家湾建设银行大厦" in matter_for_text("建设银行王家湾支行上面那栋楼空调冷凝水乱滴").places
    # … a supermarket said with or without its kind of shop is one name
    assert "钟家村中百大厦" in matter_for_text("汉阳钟家村中百仓储上面的住宅楼，楼道里消防水带都没有").places
    assert "钟家村中百大厦" in matter_for_text("汉阳区钟家村一楼是中百超市的那栋居民楼，楼道里的消防栓是空的").places
    # … a shop said by the building that has it (那个有肯德基的楼), whatever shop it is; no area said: the shop alone
    assert "鲁巷肯德基大厦" in matter_for_text("鲁巷那个有肯德基的楼，顶上的招牌摇摇晃晃").places
    assert "老王烧烤大厦" in matter_for_text("一楼是老王烧烤的那栋楼油烟太大").places
    # … the area said after it as where the citizen is
    assert "王家湾肯德基大厦" in matter_for_text("肯德基楼上那个电梯坏了好几天，我住在汉阳王家湾").places


def test_no_shop_building_where_none_is_said():
    assert not any(p.endswith("大厦") for p in matter_for_text("我家楼上漏水，楼上住户不在家").places)
    assert not any(p.endswith("大厦") for p in matter_for_text("银行门口有人摆摊卖东西").places)
    assert not any(p.endswith("大厦") for p in matter_for_text("小区楼下是菜地的那块被人占了").places)


def test_one_shops_building_told_two_ways_is_one_matter_and_two_shops_buildings_are_two():
    assert _one_matter("黄浦大街工行楼上那个电梯又困人了，一个月坏了三次",
                       "我住黄浦大街工商银行上面的楼，电梯老是停，上个月还关了个老人", 20)
    assert not _one_matter("黄浦大街工行楼上那个电梯又困人了，一个月坏了三次",
                           "黄浦大街一楼是邮政储蓄的那栋楼电梯坏了", 2)
    assert not _one_matter("江汉路海底捞那栋楼的油烟管道对着我们窗户，味道太大",
                           "江汉路一楼是肯德基的那栋楼油烟太大", 2)
    # … nor one shop's buildings at two roads or areas (a brand is in every district)
    assert not _one_matter("江岸区台北路一楼是工商银行的那栋楼，外墙瓷砖一块块往下掉", "武昌区中北路一楼是工商银行的那栋楼外墙瓷砖脱落了", 7)
    assert not _one_matter("建二那个有肯德基的楼，电梯又停了，住十几楼爬不动", "肯德基楼上那个电梯坏了好几天，我住在汉阳王家湾", 2)
    assert _one_matter("台北路工行楼上那栋楼外墙砖又掉了，差点砸到人", "工商银行台北路支行上面的居民楼外墙瓷砖脱落，请派人检查", 25)


def _split(name: str) -> dict:
    from bench.eval_insight import eval_repeats

    return eval_repeats(name)


@pytest.mark.parametrize("split,found,wrong", [("tune81", 46, 2)])
def test_the_tuning_split_keeps_its_figures(split, found, wrong):
    r = _split(split)
    assert r["found"] >= found and r["wrong_merges"] <= wrong


def test_a_road_of_the_roads_file_ending_in_a_verbs_character_is_a_road():
    assert matter_for_text("建设大道新华下路路口的护栏被撞倒了").places == ("建设大道", "新华下路")
    assert matter_for_text("车子开上路就堵").places == ()


def test_a_crossing_said_by_the_other_roads_mouth_its_stop_or_靠():
    assert matter_for_text("珞狮南路雄楚大道口的井盖破了").crossing == ("珞狮南路", "雄楚大道")
    assert matter_for_text("珞狮南路靠南湖大道那块的井盖不见了").crossing == ("珞狮南路", "南湖大道")
    assert set(matter_for_text("香港路公交站那边建设大道上的护栏倒了一排").crossing) == {"香港路", "建设大道"}
    # … two crossings of one road are two places, one crossing said two ways one
    assert not _one_matter("珞狮南路靠南湖大道那块的井盖不见了，已经有人摔了", "珞狮南路雄楚大道口的井盖破了", 3)
    assert not _one_matter("香港路公交站那边建设大道上的护栏倒了一排", "建设大道新华下路路口的护栏被撞倒了", 1)
    assert _one_matter("洪山区珞狮南路和南湖大道交叉口往南一段，下水井盖丢了，一个大黑洞",
                       "珞狮南路靠南湖大道那块的井盖不见了，已经有人摔了", 6)


def test_the_roundabout_said_with_大():
    assert matter_for_text("光谷大转盘下面的通道里一地水，又脏又滑").places == ("光谷广场",)


def test_an_estate_of_no_list_said_by_its_numbered_area_is_the_estate():
    assert matter_for_text("康居四区到现在还没来水，做饭洗澡都不行").places == ("康居四区",)
    assert _one_matter("汉阳区四新康居小区四区停水一整天了，也没有提前通知", "康居四区到现在还没来水，做饭洗澡都不行", 3)
    # … its number stays a part: another area of it is another place for its own lift
    assert not _one_matter("康居四区的电梯坏了三天了", "康居二区的电梯坏了三天了", 3)


def test_two_phases_lifts_are_two_matters_though_each_blames_the_management():
    assert not _one_matter("南湖中央花园第三期的电梯没人修，物业说在等配件", "南湖中央花园二期的电梯坏了，物业不修", 11)
    assert _one_matter("南湖中央花园三期的电梯坏了好几天，十几楼的老人下不了楼", "南湖中央花园第三期的电梯没人修，物业说在等配件", 26)


def test_a_shops_building_survives_another_process():
    """A matter read in another process (``hotline similar``'s forked readers, the hotspot refresh's memo file)
    carries its shops' buildings and makes them known where it is unpickled: tune81 groups the same."""
    import pickle

    import insight.matter as matter_module
    from bench.eval_insight import read_repeats
    from insight.matter import group

    rows = read_repeats("tune81")
    read = [matter_for_text(r["text"]) for r in rows]
    assert sum(1 for m in read if m.shop_buildings) >= 10
    hours = [r["hours"] * 3600 for r in rows]
    expected = group(read, hours)
    blob = pickle.dumps(read)
    matter_module.SHOP_BUILDINGS.clear()        # … as in a process that read none of them
    assert group(pickle.loads(blob), hours) == expected


def test_a_shops_buildings_by_a_road_and_an_area_are_one_only_in_one_district():
    """One bank's buildings said by a road and by an area are one place only where the roads file puts the two in one
    district (王家湾 on 龙阳大道, 汉阳); 中北路 (武昌) and 钟家村 (汉阳) are two — and same_name never calls one two
    names that share no index key (test_insight_speed)."""
    from insight.matter import same_name

    texts = ["中北路工行楼上那栋楼空调外机的水一直往下滴", "钟家村工行楼上那栋楼空调外机的水一直往下滴",
             "建设银行王家湾支行上面那栋楼空调冷凝水乱滴", "龙阳大道建行楼上那栋楼空调外机的水往下滴"]
    a, b, c, d = (matter_for_text(t).places[-1] for t in texts)
    assert (a, b) == ("中北路工商银行大厦", "钟家村工商银行大厦")
    assert not same_name(a, b)
    assert same_name(c, d)
