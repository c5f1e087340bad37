"""Issue 11, twenty-seventh wave (w27-tri): water pouring into a home with the family up on the bed, a dog biting someone
as the caller speaks, the ice given way under someone skating (溜冰 on a lake is no drug), a drunk driver still on the
road and someone who dropped all of a sudden are emergencies with their numbers; the petition office visited month
after month, a stranger asking where a unit is posted are out of scope; a judgment in hand and the household
registration to move is in scope; and the wave's tuning part keeps its triage figures."""
from __future__ import annotations

import pytest

from routing import demo_router
from routing.triage import screen, triage


@pytest.fixture(scope="module")
def router():
    return demo_router()


@pytest.mark.parametrize("text, numbers", [
    ("雨水一直往家里涌，沙发冰箱都漂起来了，我跟我妈爬到柜子上了", {"119"}),
    ("洪水往屋里灌，我们一家人都站到桌子上了", {"119"}),
    ("邻居家的狗正在咬一个老人，拉都拉不开", {"110", "120"}),
    ("一条黑狗扑倒了一个学生，咬住不放，腿上流血", {"110", "120"}),
    ("孩子们在河上滑冰，冰面裂开了，有个孩子掉进去了", {"110", "119"}),
    ("有人在湖上溜冰，冰破了，两个人掉下去了", {"110", "119"}),
    ("前面那个白色小车的司机喝醉了，歪歪扭扭的还在开", {"110", "122"}),
    ("停车场那辆车里关了个小孩，大人不在，孩子一直在哭", {"110", "119"}),
    ("我把车钥匙锁在车里了，宝宝还在后座上", {"110", "119"}),
    ("我老伴刚才一下子倒了，你们快派车来", {"120"}),
    ("我们师傅干着活一下子就倒了", {"120"}),
])
def test_dangers_now_go_to_their_numbers(text, numbers):
    assert set(triage(text).transfer) == numbers


@pytest.mark.parametrize("text", [
    # the same words of no danger now: a dog's own toy, a bite told afterwards, a habit, drink-driving as a tip,
    # things knocked over or poured out
    "我家狗正在咬我家的沙发，怎么训练",
    "邻居家狗天天扑人，还在小区里乱跑",
    "我想举报我们单位的司机经常酒驾",
    "我一下倒了两杯水，想问水质检测",
    "手机一下子倒了好多数据",
    "坐公交车司机一脚急刹，我爸一下子摔倒了，膝盖都摔破了，想投诉",
    "一下雨就往屋里灌水，物业一直不修排水沟",
])
def test_the_same_words_of_no_danger_now_are_not_flagged(text):
    assert triage(text).transfer == ()


def test_skating_on_a_lake_is_no_drug_use_when_someone_fell_through(router):
    # 溜冰 is read as a drug's slang by the screen; someone fallen in is harm whatever the word
    flags = screen("几个孩子在公园湖上溜冰，冰一下就塌了，有一个掉下去了", router.triage_check)
    assert set(flags.transfer) & {"110", "119"}


@pytest.mark.parametrize("text, kind", [
    ("我每个月都去区信访办，接待的人都认识我了，事情还是没解决", "信访"),
    ("我三天两头跑市信访局，这个拆迁的事还是没人管", "信访"),
    ("有个陌生人打电话问我们部队驻在哪里，有多少人", "保密"),
    ("有个网友要我拍车间里的设备，说给我三千块，我们厂是做军工的", "保密"),
])
def test_out_of_scope_told_without_the_stage_word(text, kind):
    assert triage(text).redirect == kind


@pytest.mark.parametrize("text", [
    "我经常路过信访局门口，那里的垃圾好多没人扫",
    "法院判了离婚，户口怎么迁出来",
    "法院判了房子归我，房产证怎么办过户",
    "我在军工厂上班，厂里发了两千块过节费，个税怎么算",
])
def test_in_scope_matters_beside_the_same_words_are_not_redirected(text):
    assert triage(text).redirect is None


def test_tuning61t_keeps_its_triage_figures(router):
    # the bench's own scoring (bench/bench_dispatch.py), counted in appeals: every emergency with a right number, every
    # out-of-scope appeal redirected, no ordinary one flagged or redirected
    from tests.unit.test_routing_dispatch import _bench_module

    bench = _bench_module()
    res = bench.evaluate(router, bench.load_devset(bench.PARTS["tuning61t"]), repeat=1)
    assert (res["emergencies"], res["out_of_scope"], res["ordinary"]) == (52, 27, 51)
    assert (res["emergency_right_number"], res["out_of_scope_recall"]) == (1.0, 1.0)
    assert (res["ordinary_flagged_emergency"], res["ordinary_redirected"]) == (0.0, 0.0)
