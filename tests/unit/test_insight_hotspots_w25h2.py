"""Hotspots of the twenty-fifth wave's second round (w25-hot2): a matter told over the city through the week that
neither a concept nor a synonym group names — a new charge, a service no longer given, men posing as staff — is one
hotspot when its appeals say what happened and share the thing that changed in two characters (公厕 of 公厕开始收费);
questions that ask how much or whether, a claim the citizen doubts, one's own device failing and a word said more of
everyday matters than of the week's news are not of it."""
from __future__ import annotations

from insight.hotspots import _week_things, find_hotspots
from insight.matter import load_settings
from tests.unit.hotspot_cases import HOUR, appeals, one_hotspot, spot_of

NOW = 1000.0 + 160 * HOUR
TOILETS = ["解放公园的公厕这周开始收费了，上一次一块钱，老人孩子怎么办，江岸区",
           "中山公园里面的公厕以后要收钱，扫码才开门，硚口区",
           "东湖边的公厕突然收费，说是新规定，洪山区",
           "沙湖公园公厕也要付费了，以前都是免费的，武昌区",
           "月湖边上的公厕收了我两块钱，问管理员说全市都改了，汉阳区"]


def _week(texts, step=25):
    """The texts as appeals a day or so apart, each from its own citizen."""
    return appeals([(5 + step * k, t) for k, t in enumerate(texts)])


def _things(rows):
    """The week's changed things among ``rows``, none taken by another pass."""
    return _week_things(list(range(len(rows))), set(), rows, load_settings())


def test_a_new_charge_told_over_the_city_is_one_hotspot_named_by_the_thing():
    one_hotspot(TOILETS + ["公厕收费标准是多少，一次几块钱", "公园的公厕能不能多放点纸，江岸区"],
                [4, 30, 58, 90, 131, 70, 100], 160, inside=range(5), outside=[5, 6], said="全市“公厕”")


def test_questions_about_the_thing_are_not_of_it():
    rows = _week(("公厕收费标准是多少，江岸区", "公厕以后收不收钱，硚口区", "公厕能不能免费，洪山区",
                  "公厕是按次收还是按时收，武昌区", "公厕放几天开始收钱，汉阳区"), 20)
    assert _things(rows) == []
    assert all(spot_of(find_hotspots(rows, now=NOW), i) is None for i in range(len(rows)))


def test_a_claim_the_citizen_doubts_is_not_news():
    doubted = _week(["社区说是要上门检查热水器，是真的吗，" + d for d in ("江岸区", "硚口区", "洪山区", "武昌区", "汉阳区")])
    assert _things(doubted) == []
    told = _week(["有人说是上门检查热水器的，硬要换阀门，" + d for d in ("江岸区", "硚口区", "洪山区", "武昌区", "汉阳区")])
    assert [sorted(m) for m, _ in _things(told)] == [[0, 1, 2, 3, 4]]


def test_a_word_said_more_of_everyday_matters_is_no_key():
    everyday = ["公园的公厕没有纸，江岸区", "公厕太脏了没人打扫，硚口区", "公厕门口有人抽烟，洪山区",
                "公厕的灯晚上不亮，武昌区", "公厕里面的水龙头漏水，汉阳区", "公厕的标识看不清，青山区"]
    assert [sorted(m) for m, _ in _things(_week(TOILETS, 20))] == [[0, 1, 2, 3, 4]]
    assert _things(_week(TOILETS + everyday, 12)) == []


def test_two_words_of_one_thing_join_and_one_place_or_one_citizen_is_none():
    cards = ["武汉通以前在报亭就能充，现在报亭不让充了，江岸区", "武汉通充值点都撤了，硚口区",
             "报亭说武汉通充值取消了，洪山区", "公交卡充值点全没了，武昌区", "公交卡充值网点撤了，汉阳区"]
    found = _things(_week(cards, 20))
    assert [sorted(m) for m, _ in found] == [[0, 1, 2, 3, 4]], found
    assert _things(_week([c.rsplit("，", 1)[0] + "，江岸区" for c in cards], 20)) == []
    same = _week(TOILETS, 20)
    for a in same:
        a.citizen = "c0"
    assert _things(same) == []
