"""Reply checks, wave 27 (w27-rq): each test fails without its change."""
import pytest

from tests.unit.test_reply_checks import scores, tuning_figures
from tests.unit.test_reply_checks_w26rq2 import _adequate, _weak


# the party complained of has agreed to a change told with its measure: what mediation got done
def test_an_agreement_with_its_measure_is_a_deed():
    check = _adequate("楼下棋牌室的麻将机声音太大，打到半夜。",
                      "经社区协调，棋牌室已同意将营业时间调整为晚上10点前，12月6日起执行，网格员每晚巡查。")
    assert scores(check)["completeness"].score >= 0.6, check.summary()


def test_an_agreement_without_a_measure_stays_weak():
    _weak("楼下棋牌室的麻将机声音太大，打到半夜。", "经社区协调，棋牌室已同意尽快整改。")


# the office where the citizen is to apply (an arbitration court, a regulator), with its line or address
@pytest.mark.parametrize("appeal,answer", [
    ("公司把我辞退了，一分钱补偿都没给。",
     "您反映的问题属于劳动争议，请向用人单位所在地的区劳动人事争议仲裁院申请仲裁（江岸区某路某号，电话027-82221111）。"),
    ("保险公司理赔一直拖着不给赔。", "保险业务属国家金融监督管理总局湖北监管局监管，请拨打投诉热线12378反映。"),
])
def test_a_referral_to_the_office_to_apply_with_its_contact_answers(appeal, answer):
    check = _adequate(appeal, answer)
    assert scores(check)["completeness"].score == 1.0, check.summary()


def test_a_referral_to_nobody_stays_weak():
    _weak("公司把我辞退了，一分钱补偿都没给。", "请向相关部门咨询。")


# a terse hands-on deed with its day is plain, not curt; a paper's fate with a day stays curt
def test_a_terse_hands_on_deed_with_its_day_is_plain():
    check = _adequate("小区门口的雨水篦子丢了一个。", "已于12月4日补装雨水篦子。")
    assert scores(check)["tone"].score >= 0.7, check.summary()


def test_a_terse_paper_deed_stays_weak():
    _weak("小区门口的雨水篦子丢了一个。", "已于12月4日办结。")


# a concept said in passing (公交 of a bus stop's sign) is all the two share
@pytest.mark.parametrize("appeal,answer", [
    ("小区对面公交站台的广告牌玻璃碎了，一地碎渣。", "公交集团已于12月2日调整某路公交车发车间隔，高峰期加密至8分钟一班。"),
    ("小区门口的公交站牌被撞歪了，看不清站名。", "公交集团已于12月3日对某路公交车驾驶员开展了文明服务培训。"),
])
def test_a_shared_passing_concept_alone_is_another_matter(appeal, answer):
    check = _weak(appeal, answer)
    assert scores(check)["relevance"].score < 0.4, check.summary()


# how long to wait, answered by the month expected
def test_a_wait_answered_by_the_month_expected():
    check = _adequate("人才公寓申请了一年了，还要等多久",
                      "您好！经查，您目前在人才公寓轮候名单中排第52位，按目前配租进度，预计2027年5月可安排配租。")
    assert scores(check)["completeness"].score == 1.0, check.summary()


# a civil dispute named and sent to its forum: the refusal's basis, and where the money is to be sought
def test_a_civil_dispute_sent_to_its_forum_is_explained():
    check = _adequate("二手车商卖给我的是事故车，要求退钱，他不退。",
                      "您反映的问题属于买卖合同纠纷，不属于行政机关处理范围，建议您向区消费者协会申请调解，"
                      "或向人民法院提起诉讼。")
    assert scores(check)["explanation"].score == 1.0, check.summary()


def test_a_civil_dispute_without_a_forum_stays_weak():
    _weak("二手车商卖给我的是事故车，要求退钱，他不退。", "您反映的问题属于合同纠纷，不属于我单位职责范围。")


# a worn road milled and laid again answers its potholes
def test_a_road_milled_and_laid_again():
    check = _adequate("这段路全是坑，电动车骑过去蹦起来。", "该路段由市政集团负责养护，已于12月3日对全段进行铣刨重铺。")
    assert scores(check)["relevance"].score >= 0.6 and scores(check)["completeness"].score == 1.0, check.summary()


# 近期 of a photo is no promise
def test_a_recent_photo_is_no_promise():
    check = _adequate("想办个老年证，要准备什么？",
                      "您好！年满60周岁的本市户籍老人，携带本人身份证、户口簿、近期一寸免冠照片1张，到户籍所在地社区服务站办理，当场领取。")
    assert scores(check)["timeliness"].score == 1.0, check.summary()


# a condition refused on what a check found lacking; a check that finds nothing stays bare
def test_a_condition_refused_on_the_lack_found_is_explained():
    check = _adequate("我们小区为什么一直不通管道天然气？",
                      "经燃气公司核查，该片区市政燃气管网尚未敷设到位，小区内也无预留燃气管道，目前不具备通气条件。"
                      "该片区管网计划于2027年9月前敷设完成，届时可申请报装。")
    assert scores(check)["explanation"].score == 1.0, check.summary()


def test_a_check_refusing_on_no_fact_stays_weak():
    _weak("为什么我的公积金不能提出来装修？", "经核查，您的申请不符合条件，无法办理。")


# a why answered by a check of the citizen's own case, its figures and the named rule
def test_a_why_answered_by_a_checks_figures_and_rule():
    check = _adequate("为什么我的养老金比邻居少那么多？",
                      "经区社保局核算，您的基本养老金按缴费年限25年、平均缴费指数0.7计发，邻居缴费年限35年、平均缴费指数1.2。"
                      "根据《湖北省企业职工基本养老保险实施办法》，养老金与缴费年限和缴费基数挂钩，您的待遇核定无误。")
    assert scores(check)["completeness"].score == 1.0, check.summary()


def test_rdev25_keeps_its_figures(monkeypatch):
    figures = tuning_figures(monkeypatch, "rdev25", "rhold15")
    assert figures["pairs"] == 118, figures
    assert figures["weak_flagged"] >= 0.99 and figures["ok_flagged"] <= 0.01, figures
