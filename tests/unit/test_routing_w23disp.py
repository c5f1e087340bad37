"""The twenty-third wave's dispatch readings (issue 11, helper w23-disp): a firm owed money by a public body is 经信's
清欠 even when it says what it is only by its trade (我是做绿化苗木的, 我们是搞装修的) or only by what it delivered (我们给一所
幼儿园做了…), when the public body is a school, a hospital or a police station, when the money is said before the firm
names itself, and when what it delivered is another unit's word (trees, a playground, a school's canteen). Revving
engines at night is the traffic police's. Sentences written for these tests, not taken from any dev part."""

import pytest

from hotline.ports import RoutingRequest
from routing import demo_router

QINGQIAN = "DEPT-JXJ"
# (text, the unit it must go to, or None when it must only not be 清欠)
CASES = [
    ("我是做草坪养护的，给区里一个公园种了三年的草皮，钱拖了两年，公园说等区里拨", QINGQIAN),
    ("我们是搞消防器材的，给一所中学装了一批灭火器和应急灯，尾款五万多一直冇付", QINGQIAN),
    ("我们给一家公立医院做了食堂的厨具安装，验收都过了，还有二十万冇给", QINGQIAN),
    ("给卫生院送了一年的口罩和手套，院里一直说资金紧张，欠我们小厂十几万", QINGQIAN),
    ("我们给一个派出所刷了办公楼的外墙，做完一年多了钱还没结", QINGQIAN),
    ("半夜总有几个小年轻在我们楼下的马路上轰油门，一遍一遍的，伢都被吓醒了", "DEPT-JGJ"),
    # a parent paying a school is no firm owed; a worker's pay is the job's
    ("我们给学校交了一学期的伙食费，伢天天吃不饱，学校也不退钱", None),
    ("我是做保洁的，在一家医院上班，医院的外包公司拖欠我们两个月工资", None),
]


@pytest.fixture(scope="module")
def demo():
    return demo_router()


@pytest.mark.parametrize(("text", "unit"), CASES)
def test_w23_dispatch_readings(demo, text, unit):
    d = demo.route(RoutingRequest(text=text))
    if unit is None:
        assert d.unit != QINGQIAN, (d.unit, d.assisting_units, d.rule)
    else:
        assert d.unit == unit, (d.unit, d.assisting_units, d.rule)
