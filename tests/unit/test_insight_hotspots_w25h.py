"""Hotspots of the twenty-fifth wave (w25-hot): one matter no concept knows, told over the city through the week —
each citizen at their own place or none, days apart, no burst — is one hotspot where the knowledge base's synonyms
name one thing in all of them (补贴 / 补助 / 津贴; 公积金 / 住房公积金) and each says what happened (a change, a
trick, a failure); consultations about that thing, and appeals that only say its noun about other matters, are not
of it. An outage's appeal that names first only what an outage does joins the area's outage."""
from __future__ import annotations

from insight.hotspots import _HOW_TO, _week_topics, find_hotspots
from insight.matter import load_lexicon, load_settings
from tests.unit.hotspot_cases import HOUR, appeals, one_hotspot, spot_of

NOW = 1000.0 + 160 * HOUR


def _week(texts, step=25):
    """The texts as appeals a day or so apart, each from its own citizen."""
    return appeals([(5 + step * k, t) for k, t in enumerate(texts)])


def _topics(rows):
    """The week's topics among ``rows``, none taken by another pass."""
    return _week_topics(list(range(len(rows))), set(), rows, load_settings(), load_lexicon())


def test_a_housing_fund_change_told_over_the_week_is_one_city_hotspot():
    one_hotspot([
                 "公积金贷款额度突然降了，之前说能贷六十万，现在只给四十万，首付根本凑不够，江汉区",
                 "住房公积金新政策贷款额度缩水，我们房子都签了合同，差的钱去哪里找，洪山区",
                 "公积金贷款批下来的额度比计算器算的少一大截，中心说是规则调了，也不提前公示",
                 "买房的时候公积金额度一下子砍了三分之一，银行让我们补首付，武昌区这边",
                 "公积金贷款额度下调没有过渡期，已经交了定金的人怎么办，青山区",
                 "请问公积金提取要带什么材料，在哪里办"],
                [4, 30, 58, 90, 131, 70], 160, inside=range(5), outside=[5], said="公积金")


def test_consultations_about_the_thing_are_no_hotspot():
    rows = _week(("请问高龄补贴怎么申请，要带什么材料，江汉区", "八十岁的老人补贴在哪里办，洪山区",
                  "老年人津贴去哪里申请，武昌区", "想问一下补助要哪些手续，青山区", "养老补贴可以网上申请吗，硚口区"), 20)
    assert all(_HOW_TO.search(a.matter.residual) for a in rows)
    assert _topics(rows) == []
    assert all(spot_of(find_hotspots(rows, now=NOW), i) is None for i in range(len(rows)))


def test_one_noun_said_of_other_matters_is_no_hotspot():
    assert _topics(_week(("公积金中心门口的台阶坏了，江汉区", "楼下公积金大厅旁边的饭店油烟大，洪山区",
                          "公积金那栋楼晚上灯太亮照到我家，武昌区", "去公积金办事的车把小区门口堵了，青山区",
                          "公积金大楼的空调外机滴水，硚口区"))) == []


def test_a_topic_needs_places_apart_and_several_citizens():
    texts = ["公积金贷款额度突然降了，首付不够，江汉区", "公积金贷款额度一下子少了，首付差一截，江汉区",
             "公积金额度调整以后首付要补，江汉区", "公积金贷款额度下调，首付凑不齐，江汉区",
             "公积金额度降了好多，首付不够了，江汉区"]
    assert _topics(_week(texts, 20)) == []
    spread = _week([t.replace("江汉区", d) for t, d in zip(texts, ["江汉区", "洪山区", "武昌区", "青山区", "硚口区"])], 20)
    found = _topics(spread)
    assert [sorted(m) for m, _ in found] == [[0, 1, 2, 3, 4]] and found[0][1] == "公积金", found
    for a in spread:
        a.citizen = "c0"
    assert _topics(spread) == []


_OUTAGE = ["青山区红钢城青宜居小区突然停电了，家里一片黑", "青山区钢花新村整片都没电了，空调停了热得很",
           "青山区红钢城八街那几个小区全停电了，供电所电话打不通", "青山区工人村一带停电快一个小时了，什么时候来电",
           "青山区冶金街的小区也停电了，冰箱里的东西要坏了", "青山区钢都花园停电了，电梯里关了人",
           "青山区钢花村这边整条街的路灯和住户都没电，是不是线路被雷打坏了"]


def test_an_outage_told_by_its_line_fault_joins_the_areas_outage():
    # (the last leads with 路灯 and reads 线路 as a bus line's: things an outage does, named before it)
    one_hotspot(_OUTAGE, [20.0, 20.3, 20.6, 21.0, 21.2, 21.3, 21.4], 160, inside=range(7), said="停电")


def test_a_line_fault_said_days_after_the_outage_stays_out():
    one_hotspot(_OUTAGE, [20.0, 20.3, 20.6, 21.0, 21.2, 21.3, 120.0], 160, inside=range(6), outside=[6])


def test_a_way_of_asking_said_of_known_problems_is_no_topic():
    # (多久 is one synonym group, said at five places by five citizens: what happened is each one's own problem)
    assert _topics(_week(("楼上装修噪音太大了，物业说还要等多久才完工，江汉区", "小区停水了，物业也说不清要等多久，洪山区",
                          "门口路灯坏了，物业说报修了要等多久不知道，武昌区",
                          "楼下饭店油烟太大，物业说管不了，要等多久才有人管，青山区",
                          "小区门口乱停车，物业说要等多久才能划车位，硚口区"))) == []


def test_news_of_the_thing_makes_the_topic_not_its_noun():
    found = _topics(_week(("医保门诊报销比例突然降了，江汉区", "医保报销调整以后自己掏的钱多了，洪山区",
                           "医保这次改了，药报得少了，武昌区", "医保起付线提高了，看病贵了，青山区",
                           "医保的报销一下子少了一半，硚口区")))
    assert [sorted(m) for m, _ in found] == [[0, 1, 2, 3, 4]] and found[0][1] == "医保", found
    assert _topics(_week(("医保个人账户的钱能不能给父母用，江汉区", "退休人员医保每年还要交钱吗，洪山区",
                          "医院的医保结算窗口排队太长了，武昌区", "医保卡的密码忘了，青山区",
                          "医保的个人账户余额是多少，硚口区"))) == []
