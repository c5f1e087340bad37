"""Repeat appeals, twenty-fifth wave (w25-rep): one problem told in other words — weak water told by how it comes out
or by the machine it fails, a likeness that names no problem, a smell and the thing that gives it off, works that cut
a cable and the outage they cause, fowl kept told by their crowing, a thing burnt by what burns, a drain by what
chokes it, the supply's water by its taste — and the hard negatives beside them (a stretch said as the road itself)."""
from __future__ import annotations

from insight import matter_for_text
from insight.matter import compare, group, load_lexicon
from tests.unit.test_insight_repeats_w23 import _one_matter   # compare and the grouping answer alike (w23-rep)


def _reason(first: str, second: str, hours: float) -> str:
    a, b = matter_for_text(first), matter_for_text(second)
    c = compare(a, b, hours=hours)
    assert c.repeat
    assert group([a, b], [0.0, hours * 3600.0])[0] is not None
    return c.reason(load_lexicon())


def test_weak_water_told_by_how_it_comes_out_is_the_supplys_pressure():
    thin = matter_for_text("兴业花园的自来水细得像根线，马桶水箱半天灌不满")
    assert "water_out" in thin.concepts and not thin.concepts & {"wires", "sewage"}
    heater = matter_for_text("常青花园的水啊，龙头开到最大，热水器都打不燃火")
    assert "water_out" in heater.concepts
    assert "同一问题：" in _reason("江岸区兴业路兴业花园的水压太低了，楼上基本没水", "兴业花园的自来水细得像根线，马桶水箱半天灌不满", 3)
    assert "停水" in _reason("江岸区兴业路兴业花园的水压太低了，楼上基本没水", "兴业花园的自来水细得像根线，马桶水箱半天灌不满", 3)
    # … but a pipe spraying in the street beside it is no weak water
    assert "water_out" not in matter_for_text("兴业路上水管破了，水一直往外喷").concepts


def test_a_likeness_names_no_problem_of_its_own():
    smell = matter_for_text("东西湖大道那个饲料厂一到晚上就一股发酵的酸臭味，像烂泔水")
    assert "odor" in smell.concepts and "dumping" not in smell.concepts
    assert _one_matter("东西湖大道旁边的饲料厂排放异味", "东西湖大道那个饲料厂一到晚上就一股发酵的酸臭味，像烂泔水", 5)
    # 好像 says "seems": no likeness (好像漏气了 is the gas)
    assert "gas" in matter_for_text("福星小区2栋好像漏气了，天然气味好大").concepts


def test_a_smell_and_the_thing_that_gives_it_off_are_one_matter():
    assert _one_matter("硚口区古田三路福星小区2栋有燃气泄漏的味道", "古田三路福星小区2栋楼道里有股大蒜一样的臭味，燃气表那里嘶嘶响", 1)
    # … but a smell and something else it adds that gives off none is still an aside (臭 … 电梯也坏了 / 电梯坏了)
    assert not _one_matter("福星小区2栋楼道里一股臭味，电梯也坏了好几天", "福星小区2栋电梯坏了", 3)


def test_works_that_cut_a_cable_and_the_outage_they_cause():
    reason = _reason("汉阳区麒麟路那边挖路的把电缆挖断了", "麒麟路一大片都没电了，店里的冰柜全停了", 1)
    assert reason.startswith("同一地点、同一问题：") and "停电" in reason
    # … not works making a noise beside an outage
    assert not _one_matter("麒麟路那边工地半夜还在挖路，吵得睡不着", "麒麟路一大片都没电了", 1)


def test_fowl_kept_told_by_their_crowing_or_droppings():
    crowing = matter_for_text("得胜桥这边天还没亮公鸡就开始打鸣，天天被吵醒")
    assert "livestock" in crowing.concepts and "streetlight" not in crowing.concepts
    assert "livestock" in matter_for_text("得胜桥楼顶一股味道，有人在上面养了一群鸡").concepts
    assert _one_matter("武昌区得胜桥有户人家在楼顶养鸡", "得胜桥这边天还没亮公鸡就开始打鸣，天天被吵醒", 4)


def test_a_thing_burnt_by_what_burns_and_a_drain_by_what_chokes_it():
    burnt = matter_for_text("东西湖区吴家山三秀路一家废品站天天烧电线")
    assert "burning" in burnt.concepts and "wires" not in burnt.concepts
    assert _one_matter("东西湖区吴家山三秀路一家废品站天天烧电线", "三秀路废品收购站露天焚烧，熏得附近居民窗户都不敢开", 8)
    choked = matter_for_text("新民路这边一下雨水就排不出去，下水口全是树叶")
    assert "sewage" in choked.concepts and "tree" not in choked.concepts
    # … but a fallen tree on the road is the tree's
    assert "tree" in matter_for_text("新民路有棵树倒在路上了").concepts


def test_the_supplys_water_by_its_taste():
    earthy = matter_for_text("百步亭花园路这边的自来水有一股土腥味，烧开了也有")
    assert "tap_water" in earthy.concepts and "odor" not in earthy.concepts
    assert _one_matter("江岸区百步亭花园路有个小区水龙头里流出来的水一股泥巴味", "百步亭花园路这边的自来水有一股土腥味，烧开了也有", 2)
    # … a water cut there is another matter
    assert not _one_matter("百步亭花园路这边的自来水有一股土腥味", "百步亭花园路停水了，到现在没来水", 2)


def test_a_road_said_before_na_jie_is_no_stretch_of_it():
    assert not _one_matter("江岸区沿江大道有个井盖翘起来了一边", "冶金大道那截路塌下去一块，晚上看不到容易出事", 2)
    assert "road_damage" in matter_for_text("冶金大道那截路塌下去一块，晚上看不到容易出事").concepts


def test_water_that_does_not_come_in_a_long_call_and_a_sound_told_by_its_syllables():
    call = ("喂，你好，我这里是三眼桥路同安家园，那个屋里头的自来水啊，从中午开始就一直冇来，打了水务集团的电话也没人接，"
            "我们这一栋都是老年人，买桶装水都扛不上来，麻烦你们帮忙催一下")
    assert "water_out" in matter_for_text(call).concepts
    assert "停水" in _reason("江岸区三眼桥路同安家园停水了", call, 1)
    # … but a repairer who does not come is no water cut
    assert "water_out" not in matter_for_text("同安家园水管漏了，报修三天了，修的人一直没来").concepts
    heard = matter_for_text("万达华府楼下天天晚上嘭嚓嘭嚓的，窗户关了都挡不住")
    assert "noise" in heard.concepts
    assert _one_matter("武昌区积玉桥万达华府楼下的广场上晚上有人跳舞，音乐放得特别大声", "万达华府楼下天天晚上嘭嚓嘭嚓的，窗户关了都挡不住", 5)
