"""The twenty-second wave's dispatch readings (issue 11, helper w22-disp): a firm or the self-employed owed money by a
public body it served is 经信's 清欠 (not the trade of what it delivered, not the job's); a coach or a teacher owed pay
where they work is the job's; a community worker (网格员, 社区工作人员) with no street said is the city's 民政局. Sentences
written for these tests, not taken from any dev part."""

import pytest

from hotline.ports import RoutingRequest
from routing import demo_router


@pytest.fixture(scope="module")
def router():
    return demo_router()


@pytest.mark.parametrize("text", [
    "我们是一家做广告的小公司，给区里一个部门设计了一年的宣传册，十几万到现在还冇付",
    "我是卖办公用品的个体户，给镇政府送了一年的打印纸和墨盒，三万多块钱拖了两年都不结",
    "我们这个小厂给一家市属国企做了一批配件，验收合格了，货款一直拖着说资金紧张",
])
def test_a_firm_owed_by_a_public_body_is_qingqian(router, text):
    d = router.route(RoutingRequest(text=text))
    assert d.unit == "DEPT-JXJ", (d.unit, d.assisting_units, d.rule)


@pytest.mark.parametrize("text", [
    # a worker's pay is the job's, even when the employer is a firm that served a public body
    "我在一家公司上班，公司给街道做工程，老板拖欠我们三个月工资",
    # a firm owed by another firm, not by a public body: no 清欠
    "我们是一家小饭店，隔壁的装修公司欠我们两万块饭钱不给",
])
def test_no_qingqian_without_a_firm_owner_owed_by_a_public_body(router, text):
    d = router.route(RoutingRequest(text=text))
    assert d.unit != "DEPT-JXJ", (d.unit, d.assisting_units, d.rule)


def test_a_coach_owed_pay_at_a_driving_school_is_the_jobs(router):
    d = router.route(RoutingRequest(text="我在一个驾校做教练，驾校拖了我们四个月的提成，现在老板电话都不接"))
    assert d.unit in ("DEPT-RSJ",) or (d.unit or "").endswith("-RS"), (d.unit, d.assisting_units, d.rule)
    # the school's own matter stays the transport bureau's
    d = router.route(RoutingRequest(text="驾校报名的时候说包过，考了三次冇过，又要我交补考费"))
    assert d.unit == "DEPT-JTJ", (d.unit, d.assisting_units, d.rule)


@pytest.mark.parametrize("text", [
    "我们这里的网格员态度很差，去问个事情爱理不理的，还叫我们自己上网查",
    "社区工作人员叫我们老人必须去参加他们的活动，不去就不发慰问品",
])
def test_a_community_worker_with_no_place_is_civil_affairs(router, text):
    d = router.route(RoutingRequest(text=text))
    assert d.unit == "DEPT-MZJ", (d.unit, d.assisting_units, d.rule)


def test_a_community_worker_with_a_place_stays_the_streets(router):
    d = router.route(RoutingRequest(text="江汉区北湖街道的网格员从来都找不到人，电话打过去是空号"))
    assert (d.unit or "").startswith("D-JH-S"), (d.unit, d.assisting_units, d.rule)


@pytest.mark.parametrize("text", [
    # the employer said as whom the speaker works for
    "我给一家搬家公司干活，干了四个月，老板只给了一半的工钱",
    # the job said as a post of a business, the pay owed
    "我们是一个商场物业的保洁，十几个人被拖了两个月工资，物业说商场冇给钱",
])
def test_pay_owed_by_the_employer_of_another_trade_is_the_jobs(router, text):
    d = router.route(RoutingRequest(text=text))
    units = {d.unit, *d.assisting_units}
    assert "DEPT-RSJ" in units or any((u or "").endswith("-RS") for u in units), (d.unit, d.assisting_units, d.rule)


def test_a_post_of_a_business_without_pay_owed_stays_the_businesss(router):
    d = router.route(RoutingRequest(text="我们小区物业的保安天天在门口抽烟打牌，什么人都放进来"))
    assert d.unit == "DEPT-FGJ", (d.unit, d.assisting_units, d.rule)
