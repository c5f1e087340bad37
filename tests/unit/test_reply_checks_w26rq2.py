"""Reply checks, wave 26, second round (w26-rq2): each test fails without its change."""
import pytest

from insight.reply import check_reply
from tests.unit.test_reply_checks import scores, tuning_figures


def _adequate(appeal, answer):
    check = check_reply(appeal, answer)
    assert not check.weak, check.summary()
    return check


def _weak(appeal, answer):
    check = check_reply(appeal, answer)
    assert check.weak, check.summary()
    return check


# a terse result naming no thing, only who did it and when: it can only speak of the appeal's own thing
@pytest.mark.parametrize("appeal,answer", [
    ("楼道灯坏了快一个星期了，晚上上楼看不见。", "物业今天上午已经换好了"),
    ("单元门的闭门器坏了，门一直关不上。", "社区已联系物业，11月20日上午已修好。"),
])
def test_a_terse_result_naming_no_thing(appeal, answer):
    check = _adequate(appeal, answer)
    assert scores(check)["relevance"].score == 1.0, check.summary()


# … but a bare word of having done, or another unit's thing with a date, stays weak
@pytest.mark.parametrize("appeal,answer", [
    ("楼道灯坏了快一个星期了，晚上上楼看不见。", "已处理。"),
    ("小区电梯坏了，老人下不了楼。", "区园林局12月3日已修剪完毕。"),
])
def test_terse_but_empty_or_another_matter_stays_weak(appeal, answer):
    _weak(appeal, answer)


# a price or fee complained of, answered by the approved standard and its figure
def test_an_approved_price_answers_a_price_complaint():
    check = _adequate("小区的电梯运行费每户每月又涨了，太贵了。",
                      "经查，电梯运行费每户每月25元系经业主大会表决通过并报区住建局备案的标准，收费符合规定。")
    assert scores(check)["completeness"].score == 1.0, check.summary()


# a why answered by the named rule and what it forbids
def test_a_why_answered_by_the_rule_and_what_it_forbids():
    check = _adequate("为什么不让我在阳台外面加装雨棚？",
                      "根据《武汉市违法建设治理办法》，在建筑外立面加建构筑物须取得规划许可，未经许可不得擅自搭建，故予以制止。")
    assert scores(check)["completeness"].score == 1.0, check.summary()


# the office a matter is handed to (由区…局) is neither a district nor a place of the matter
def test_a_referral_office_is_not_another_place():
    check = _adequate("蔡甸区某湖边有人夜里用地笼捕鱼。",
                      "非法捕捞由区农业农村局渔政执法大队查处，已将线索移交该大队，举报电话027-84XXXX10。")
    assert scores(check)["relevance"].score == 1.0, check.summary()


def test_rdev24_keeps_its_figures(monkeypatch):
    figures = tuning_figures(monkeypatch, "rdev24", "rhold14")
    assert figures["pairs"] == 32, figures
    assert figures["weak_flagged"] >= 0.99 and figures["ok_flagged"] <= 0.07, figures
