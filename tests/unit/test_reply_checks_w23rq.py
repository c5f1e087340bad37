"""Reply checks, wave 23 (w23-rq): each test fails without its change."""
import os

import pytest

from insight.matter import load_lexicon
from insight.reply import _acts, _joined_parts, check_reply
from tests.unit.test_reply_checks import _eval_insight


def _relevance(check):
    return check.scores[0]


# each case: the appeal, the answer on one of its troubles, the answer on both
JOINED = {
    # two troubles of one flat, the second joined by 也 and never numbered
    "flat": ("我住的老房子客厅天花板一直渗水，北边卧室的墙也长满了霉斑，青山区红卫路",
             "经红卫路街道协调，房东已于3月2日请人修补了客厅顶部渗漏点，现已不再渗水。",
             "经红卫路街道协调，房东已于3月2日请人修补了客厅顶部渗漏点，现已不再渗水；卧室墙面霉斑已于3月5日铲除并刷了防霉涂料。"),
    # a shop's noise and the smoke of its guests
    "shop": ("楼下麻将馆天天打到半夜，吵得睡不着，烟味还顺着窗户往上飘",
             "派出所于5月8日上门，要求麻将馆晚上11点前停止营业，回访已无夜间吵闹。",
             "派出所于5月8日上门，要求麻将馆晚上11点前停止营业并禁止室内吸烟，加装了排风设备，回访已无吵闹和烟味。"),
    # a second deed of the same one (还把…)
    "deed": ("对面洗车店天天占着人行道洗车，还把脏水直接泼在马路上",
             "城管中队于6月3日责令该洗车店将洗车作业移回店内，人行道已恢复通行。",
             "城管中队于6月3日责令该洗车店将洗车作业移回店内，人行道已恢复通行；同时要求其接入下水管道，不得向路面泼洒污水，"
             "6月6日复查无泼洒。"),
}


@pytest.mark.parametrize("case", sorted(JOINED))
def test_a_second_trouble_joined_without_numbers(case):
    appeal, one, both = JOINED[case]
    half = check_reply(appeal, one)
    assert half.weak and _relevance(half).score < 0.4, half.summary()
    whole = check_reply(appeal, both)
    assert not whole.weak, whole.summary()


def test_a_joined_clause_that_is_no_trouble_of_its_own():
    lexicon = load_lexicon()
    # (a consequence, a time, the first thing again, 还有 a detail: no second part)
    assert _joined_parts("小区门口人行道上的地砖翘起来好几块，我妈上个礼拜还绊了一跤", lexicon) == []
    assert _joined_parts("水库边上每天有人游泳，去年还淹死过人", lexicon) == []
    assert _joined_parts("门口垃圾桶满了没人倒，还被狗翻得到处都是", lexicon) == []
    assert len(_joined_parts("教室里的灯坏了好几根，空调也不制冷", lexicon)) == 2


def test_an_answer_sharing_only_the_place():
    appeal = "黄鹤楼公园西门的台阶坏了好几块，老人上下很容易摔"
    other = check_reply(appeal, "经黄鹤楼公园管理处核实，公园内湖区已于4月开展水体清淤，现水质明显改善。")
    assert other.weak and _relevance(other).score < 0.4, other.summary()
    assert "黄鹤楼" in _relevance(other).why
    same = check_reply(appeal, "黄鹤楼公园管理处于4月3日更换西门破损台阶石材4块，现已平整。")
    assert not same.weak, same.summary()


@pytest.mark.parametrize("answer", [
    "青山区城管局将督促路灯管理所对该处路灯进行检修，恢复正常照明。",
    "物业公司将对消防通道进行清理，并设置禁停标识。",
    "园林部门将组织人员对倒伏树木进行扶正，清理断枝。",
])
def test_what_will_be_done_is_not_what_was_done(answer):
    assert not _acts(answer)


def test_a_dated_or_done_clause_after_a_plan_is_an_act():
    # (what goes on from a plan is planned too, unless told as done or dated)
    assert not _acts("街道将协调物业对化粪池进行清掏，更换破损盖板。")
    assert _acts("物业将加强巡查，已于6月8日联系车主挪走车辆。")
    assert _acts("施工单位将于5月20日前完工，并于5月21日复查。")


def test_a_short_answer_acting_on_the_appeals_own_thing():
    check = check_reply("单元楼门口的台阶塌了", "物业已于9月12日用水泥重新砌好台阶。")
    assert not check.weak, check.summary()


def test_rdev17_keeps_its_figures(monkeypatch):
    # this round's tuning split with the packaged settings; the clean split held out (totals only, never in "all")
    for name in (n for n in list(os.environ) if n.startswith("HOTLINE_")):
        monkeypatch.delenv(name)
    ev = _eval_insight()
    assert "rhold9" in ev.HELD_OUT
    figures = ev.eval_replies("rdev17")
    assert figures["pairs"] == 74, figures
    assert figures["weak_flagged"] >= 0.97 and figures["ok_flagged"] <= 0.03, figures
