import pytest

from classifier.rules import detect_appeal_type, detect_urgency


@pytest.mark.parametrize("text, code", [
    ("小区燃气管道漏气味道很大", "emergency"),
    ("孩子落水了快来人", "emergency"),
    ("江汉区一栋老房子起火了，楼上还有人", "emergency"),
    ("工地旁边有人触电倒在地上", "emergency"),
    ("洪山区某路段发生塌方，有车被埋", "emergency"),
    ("老人被困在电梯里一个小时了", "emergency"),
    ("暴雨后整栋楼停电三天了", "utility"),
    ("青山区某小区从昨天早上开始停水，到现在还没来水", "utility"),
    ("家里暖气不热，室内只有十二度", "utility"),
    ("大暴雨后小区门口严重积水，车辆无法通行", "utility"),
    ("请问公积金怎么提取", "normal"),
    ("消防通道被占用，存在火灾隐患", "normal"),
    ("我的电动车轮胎漏气了，想问问哪里能修", "normal"),
    ("小区电梯经常困人，物业维修不及时", "normal"),
    ("社区没有发生火灾，但是灭火器过期了", "normal"),
])
def test_urgency(text, code):
    assert detect_urgency(text).code == code


def test_urgency_reports_the_words_that_decided():
    match = detect_urgency("暴雨后整栋楼停电三天了")
    assert "停电" in match.matched and "暴雨" in match.matched
    assert detect_urgency("普通的咨询").matched == ()


@pytest.mark.parametrize("text, code", [
    ("请问公积金怎么提取", "consult"),
    ("想了解一下随迁子女入学需要什么材料", "consult"),
    ("举报某餐馆无证经营", "report"),
    ("实名举报某工地偷排污水", "report"),
    ("建议在路口增设红绿灯", "suggestion"),
    ("感谢社区网格员", "praise"),
    ("表扬江岸区城管队员，半夜帮我们清理了积水", "praise"),
    ("投诉物业乱收费", "complaint"),
    ("窗口工作人员态度恶劣，互相推诿", "complaint"),
    ("孩子落水了快来人", "help"),
    ("家里老人行动不便，求助社区帮忙办理医保", "help"),
    ("江岸区某小区楼道灯不亮已经两个月了，请尽快处理，谢谢！", "help"),
])
def test_appeal_type(text, code):
    assert detect_appeal_type(text).code == code


def test_closing_thanks_does_not_make_a_complaint_praise():
    assert detect_appeal_type("投诉某超市卖过期食品，请尽快处理，非常感谢").code == "complaint"


def test_codes_are_the_shared_vocabulary():
    from hotline.domain.vocab import AppealType, Urgency
    for text in ("请问", "举报", "建议", "感谢", "投诉", "救命", "随便说说"):
        AppealType(detect_appeal_type(text).code)
        Urgency(detect_urgency(text).code)
