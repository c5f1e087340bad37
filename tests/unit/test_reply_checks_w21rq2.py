"""Reply checks, second round of wave 21 (w21-rq2): each test fails without its change."""
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
