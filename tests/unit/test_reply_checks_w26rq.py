"""Reply checks, wave 26 (w26-rq): each test fails without its change."""
import os

import pytest

from insight.reply import check_reply
from tests.unit.test_reply_checks import _eval_insight, scores


def _adequate(appeal, answer):
    check = check_reply(appeal, answer)
    assert not check.weak, check.summary()
    return check


# a fixture in the unit's word (箅子 / 盖板 for the citizen's 下水道盖子 / 水沟盖; 感应灯 for 楼道的灯), with a deed done to it
FIXTURES_IN_UNIT_WORDS = [
    ("单元门口那块水沟盖板早就碎了，送孩子时差点崴了脚。", "区排水公司已于10月9日更换沟盖板1块。"),
    ("我们楼道的灯又坏了，晚上摸黑上楼。", "物业已于3月6日更换感应灯2盏。"),
    ("后门的下水道盖子丢了，只剩个洞。", "排水所于7月2日补装雨水箅子一套。"),
]


@pytest.mark.parametrize("appeal,answer", FIXTURES_IN_UNIT_WORDS)
def test_fixture_in_a_units_word_is_the_appeals_own(appeal, answer):
    check = _adequate(appeal, answer)
    assert scores(check)["relevance"].score >= 0.6, check.summary()


def test_finding_in_order_that_names_the_trouble_and_its_cause_speaks_of_it():
    _adequate("我们这栋楼的自来水有股怪味，烧开了也有。",
              "水务公司5月8日上门取样，各项指标符合国家标准；怪味系水箱消毒后余氯偏高所致，已于当日放水冲洗，"
              "5月9日回访怪味已消失。")


# campaign verbs on the appeal's own trouble, no day, no count, no result: words, not a deed
BARE_DEEDS = [
    ("菜场门口天天有人摆摊占道，车都过不去。", "针对菜场门口占道经营问题，我中队已开展整治，清理占道摊点。"),
    ("公园旁边的空地上全是建筑垃圾。", "关于公园旁空地建筑垃圾问题，街道已组织清理。"),
]


@pytest.mark.parametrize("appeal,answer", BARE_DEEDS)
def test_campaign_verbs_without_day_count_or_result_are_flagged(appeal, answer):
    check = check_reply(appeal, answer)
    assert check.weak and scores(check)["completeness"].score < 0.4, check.summary()


def test_campaign_verbs_with_a_count_or_a_result_are_a_deed():
    _adequate("菜场门口天天有人摆摊占道，车都过不去。", "城管中队已清理菜场门口占道摊点7处，现通行正常，感谢您的监督。")


# a term or a sum to borrow asked, answered by another figure of one field
def test_term_asked_is_not_met_by_a_rates_tier():
    check = check_reply("请问公积金贷款最长能贷几年？", "公积金贷款五年以上利率为2.85%，五年以下为2.35%。")
    assert check.weak and scores(check)["relevance"].score < 0.4, check.summary()
    _adequate("请问公积金贷款最长能贷几年？", "公积金贷款最长期限为30年，且不超过借款人法定退休年龄后5年。")


def test_sum_asked_is_not_met_by_a_share_paid_in():
    check = check_reply("我们夫妻俩都交了公积金，最多能贷多少？", "住房公积金缴存比例为5%至12%，由单位自行确定。")
    assert check.weak and scores(check)["relevance"].score < 0.4, check.summary()
    _adequate("我们夫妻俩都交了公积金，最多能贷多少？", "夫妻双方均正常缴存的，公积金贷款最高额度为90万元。")


def test_a_setting_changed_to_a_value_is_a_deed():
    check = _adequate("地铁站口的公交车间隔太长，早上等半个钟头。", "公交集团自9月起将该线路早高峰发车间隔调至8分钟。")
    assert scores(check)["completeness"].score == 1.0, check.summary()


def test_rdev23_keeps_its_figures(monkeypatch):
    # this round's tuning split with the packaged settings; the clean split held out (totals only, never in "all")
    for name in (n for n in list(os.environ) if n.startswith("HOTLINE_")):
        monkeypatch.delenv(name)
    ev = _eval_insight()
    assert "rhold13" in ev.HELD_OUT
    figures = ev.eval_replies("rdev23")
    assert figures["pairs"] == 36, figures
    assert figures["weak_flagged"] >= 0.99 and figures["ok_flagged"] <= 0.0, figures


# a road's hole in the unit's words (坑槽, 回填, 沥青), and a crossing painted for 没有斑马线
@pytest.mark.parametrize("appeal,answer", [
    ("家门口那条路塌了个坑", "区市政养护所于6月3日对该处进行回填，6月4日完成沥青铺筑。"),
    ("小学门口的马路没有斑马线，孩子过马路太危险。",
     "您好，经区交管大队勘查，该路段具备设置条件，已于5月12日施划人行横道线，并增设“学校区域”警示标志。"),
])
def test_road_fixture_in_a_units_words(appeal, answer):
    _adequate(appeal, answer)


def test_one_fixture_of_two_troubles_is_still_half_an_answer():
    check = check_reply("地铁口那座天桥的电梯坏了好久了，还有桥上的灯也不亮。",
                        "您好，区城管执法局于8月3日对天桥照明线路进行了维修，已恢复亮灯。")
    assert check.weak, check.summary()
