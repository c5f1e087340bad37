"""Reply checks, second round of wave 21 (w21-rq2): each test fails without its change."""
import pytest

from insight.reply import _acts, _past_promise, check_reply


def test_a_visit_then_a_promise_already_past():
    # (于8月20日到现场查看: 到 starts a visit, not the end of a span of days)
    assert _past_promise("排水公司已于8月20日到现场查看，计划于8月15日前完成更换。") == ("8月15日", "8月20日")
    assert _past_promise("将于5月1日到5月31日开展整治，5月3日已开始。") is None


def test_the_answers_own_date_after_the_promise():
    assert _past_promise("该扶梯主机故障，预计于5月底前修复。（答复日期：6月18日）") == ("5月底", "6月18日")
    check = check_reply("天桥的扶梯停了两个月了。", "您好，经核查该扶梯主机故障，已列入维修计划，预计于5月底前修复。（答复日期：6月18日）")
    assert check.weak and "过期" in check.summary()


def test_the_citizen_told_to_call_someone_is_no_act():
    assert not _acts("您好，楼道照明属于小区公共部位，由物业服务企业负责维护，请您直接与小区物业联系解决。")
    assert _acts("您好，物业已于5月3日更换楼道灯，请您监督。")


def test_doing_ones_work_well_is_a_promise():
    answer = ("尊敬的市民您好：您反映的情况我单位高度重视。我单位将结合辖区实际，统筹做好照明设施的日常巡查养护工作，"
              "切实保障市民出行。")
    assert not _acts(answer)
    assert check_reply("巷子路灯坏了快一个月，晚上黑漆漆的。", answer).weak


def test_restated_rightly_then_something_else_done():
    check = check_reply("后湖百步亭那边的路灯晚上不亮，一整排都是黑的。",
                        "您好，您反映的百步亭路灯不亮问题，经现场核查，该路段绿化带树木枝叶茂密，我所已于10月8日对绿化带进行修剪。")
    relevance = check.scores[0]
    assert check.weak and relevance.score < 0.4 and "绿化带" in relevance.why and "复述" in relevance.why


# adequate answers each change must leave alone: a lamp's part repaired (线路, 控制器), a person talked to (其负责人),
# a leak told as a cracked waterproof layer (防水层开裂, 进场做防水)
ADEQUATE = [
    ("后湖百步亭那边的路灯晚上不亮，一整排都是黑的。",
     "您好，您反映的百步亭路灯不亮问题，经路灯所10月8日排查，系控制箱线路老化短路所致，当日已更换线路和控制器，当晚恢复照明。"),
    ("小区门口的快递点天天把包裹堆在人行道上，推婴儿车都过不去。",
     "您好，您反映的快递点占用人行道堆放包裹问题，城管中队于5月2日上门检查，责令立即清理，并对其负责人进行了约谈。"
     "5月6日回访，已不再占道。"),
    ("青山红钢城我们那栋楼的屋顶漏水，一下雨就滴到床上。",
     "您好，社区于3月18日上门查看，屋面防水层开裂，已协调房管所维修单位定于4月10日前进场做防水，施工期间如遇降雨社区先铺设防雨布。"),
]


@pytest.mark.parametrize("appeal,answer", ADEQUATE)
def test_adequate_answers_are_not_flagged(appeal, answer):
    check = check_reply(appeal, answer)
    assert not check.weak and check.scores[0].score >= 0.4, check.summary()


def test_parts_ordered_and_a_message_passed_on_are_acts():
    assert _acts("您好，经核查该扶梯主机故障，配件需从厂家订购，已于6月10日下单，厂家承诺7月5日前到货。")
    assert _acts("您好，我们已于当日将您的情况转告车站失物招领处。")


def test_why_in_wuhan_words_is_a_question():
    check = check_reply("我想给我家老房子装个电梯，为么事街道一直不给办？",
                        "您好，加装电梯须经本单元三分之二以上业主同意，您单元尚差2户签字，补齐后可向街道申请。")
    assert check.scores[1].score == 1.0


def test_what_waits_on_an_approval_under_a_named_article_is_policy():
    told = ("您好，经区规划局核实，您所在村位于城镇开发边界内，按照《湖北省农村宅基地管理办法》第十二条规定，边界内不再审批"
            "翻建住宅，待村庄规划批复后实行统一安置。房屋如属危房，可向街道申请危房鉴定。")
    assert check_reply("老家的房子想翻建，村里说批不下来。", told).scores[3].score == 1.0
    promised = "您好，按照《武汉市城市道路管理办法》第八条，该路待资金到位后再行安排维修。"
    assert check_reply("门口的路烂了好久。", promised).scores[3].score < 0.5
