"""Reply checks, wave 23 second round (w23-rq2): each test fails without its change."""
import pytest

from insight.reply import _acts, check_reply


# adequate answers each flagged without its change: a consultation asking how much or how many answered by the amount;
# a person acted on (该住户) is the party the appeal tells of
@pytest.mark.parametrize("appeal, answer", [
    ("请问失业金最多能领多少个月？", "按您的缴费年限，失业保险金最长可领取12个月，每月1800元。"),
    ("想知道我们家经适房摇号排在第几", "您家目前排在第38位，本批次共投放60套。"),
    ("楼下天天半夜吵架摔东西，派出所来了也不管", "社区民警7月20日上门对该住户进行了警告并登记在案，此后未再接到夜间报警。"),
    ("楼上那户天天半夜吵架砸东西，打110来了说两句就走了", "派出所5月6日上门对该住户进行了训诫，并出具了书面警告，此后未再接到报警。"),
])
def test_adequate_not_flagged(appeal, answer):
    assert not check_reply(appeal, answer).weak


def test_amount_asked_and_not_given_is_still_weak():
    assert check_reply("请问失业金最多能领多少个月？", "您的诉求已收到，我们会尽快答复。").weak


# a sentence that opens on a named rule tells what the rule provides, not a deed
def test_rule_provision_is_no_deed():
    assert not _acts("根据《城市排水管理办法》，排水设施由产权单位负责维修，用户不得擅自改造。")
    check = check_reply("我家楼下的下水道堵了三天了，粪水都漫到楼道里",
                        "区水务局答复：根据《城市排水管理办法》，排水设施由产权单位负责维修，用户不得擅自改造。")
    assert check.weak
    assert check.scores[1].score == 0.0


def test_rule_then_deed_is_a_deed():
    assert _acts("依据《市容环境卫生管理条例》第二十条，对该商户处以罚款2000元。")
    assert _acts("根据《物业管理条例》，已责令物业于5月3日前清理完毕。")


# a whole unit found in order, naming nothing of the appeal
def test_whole_unit_in_order_is_not_the_matter():
    check = check_reply("在市四医院拍的片子，结果一直查不到，问了几次都说系统问题",
                        "市卫健委于4月8日对该院开展了专项督导检查，各项工作符合要求，环境整洁。")
    assert check.weak
    assert check.scores[0].score < 0.4


def test_whole_unit_in_order_with_enforcement_is_left_alone():
    check = check_reply("在市四医院拍的片子，结果一直查不到，问了几次都说系统问题",
                        "市卫健委于4月8日检查该院，影像系统各项工作符合要求；对报告查询延误责令整改，您的报告已于4月9日补发。")
    assert check.scores[0].score >= 0.4


# a unit by its short name, and a thing sent to the citizen
def test_short_unit_name_says_who():
    assert not check_reply("菜市场门口早上全是乱停的三轮车，车都过不去",
                           "城管已于早市时段安排两名队员值守，并在市场东侧划设了三轮车临时停放区。").weak


def test_sent_is_a_deed():
    assert not check_reply("不动产证办了两个月还没拿到",
                           "因权籍调查延误，不动产证已于9月12日邮寄，快递单号已短信发送给您。").weak
