"""The twenty-fourth wave's dispatch readings (issue 11, helper w24-disp): a call or letter that opens by addressing a
unit (喂，质监局吗; 工商局那边能不能查一下) tells whom the matter is for, beyond a unit merely named in passing; 一审 said
of a bureau's review (审核，一审就是一个多月) is no court case; a fireworks workshop's workers without protective gear are
安全生产's, a land contract taken back to be let again is 农业农村's, a price list not kept is 市场监管's. Sentences written
for these tests, not taken from any dev part."""

import pytest

from hotline.ports import RoutingRequest
from routing import demo_router


@pytest.fixture(scope="module")
def demo():
    return demo_router()


# (text, a unit that must lead or assist)
CASES = [
    ("喂，质监局吗，我们单元的电梯这个月停了四回，物业说在等配件，住高层的老人都下不了楼", "DEPT-SJJ"),
    ("工商局你好，我想反映一下，我们小区的物业在电梯里装了个广告屏，天天放卖保健品的广告", "DEPT-SJJ"),
    ("劳动局吗，我们厂里的小组长天天骂人，还说谁请假就扣全勤奖，这个月扣了我三百", "DEPT-RSJ"),
    ("我们村后面有个鞭炮厂，做工的人连防护服都冇得，仓库是个铁皮房，我们住在旁边的心里发慌", "DEPT-YJJ"),
    ("我们村里的地承包合同还有三年才到期，村里就要收回去重新发包，说我们村里的价钱定低了", "DEPT-NYJ"),
    ("粮道街那家早点店，游客来了收十块，本地人收五块，价目表也不挂", "D-WC-SJ"),
]


@pytest.mark.parametrize(("text", "unit"), CASES)
def test_w24_dispatch_readings(demo, text, unit):
    d = demo.route(RoutingRequest(text=text))
    assert unit in (d.unit, *d.assisting_units), (d.unit, d.assisting_units, d.rule)


def test_a_unit_named_in_passing_does_not_take_the_matter(demo):
    # 工商局 named mid-sentence, not addressed: the kitchen fumes stay the enforcement bureau's
    d = demo.route(RoutingRequest(text="楼下饭店的油烟管子对着我家窗户，我去找了工商局，他们说不归他们管"))
    assert d.unit in ("DEPT-CGW",) or d.unit.endswith("-CG"), (d.unit, d.rule)


@pytest.mark.parametrize(("text", "redirect"), [
    ("社保卡补办要单位盖章，社保中心说还要审核，一审就要半个月，我急着用", None),
    ("我想用公积金还贷，中心说材料要审核，一审就得二十个工作日", None),
    ("我跟物业的官司一审判了，我不服，已经上诉了", "诉讼"),
])
def test_a_review_said_once_is_no_trial(demo, text, redirect):
    assert demo.route(RoutingRequest(text=text)).redirect == redirect
