"""Issue 11, twenty-eighth wave (w28-tri): an electric shock told as 被电打了, someone hiding from an intruder going
through the home, a car in flood water with people in it are emergencies with their numbers; a state left as it was
after a past fire (现在楼道里还是堆满了), a wish to die said several times before, what to do when a child has a fit
asked as a question, sparks after the caller cut the power, a break-in long over and a pothole still there after a
past fall are ordinary; a complaint about one's lawyer, how to apply for enforcement, a neighbour who petitions and
military-style goods from a shop are in scope; an arbitration award given is out of scope; and the wave's tuning part
keeps its triage figures."""
from __future__ import annotations

from pathlib import Path

import pytest

from routing.seed import parse_devset, seed_triage_check
from routing.triage import screen, triage

DEV = Path(__file__).resolve().parents[1] / "routing_dev"


@pytest.fixture(scope="module")
def check():
    return seed_triage_check()


@pytest.mark.parametrize("text, numbers", [
    ("装空调的师傅在外墙上被电打了，挂在安全绳上不动了", {"120"}),
    ("我儿子玩插座被电击了，现在叫不醒", {"120"}),
    ("家里进贼了，我躲在卫生间里，他在翻柜子", {"110"}),
    ("门被撬开了，屋里还有动静，那个人好像还没走", {"110"}),
    ("下穿通道淹了，一辆小车泡在水里动不了，水还在涨", {"110", "119"}),
    ("涵洞积水好深，有辆车熄火了，车里还有人在拍窗户", {"110", "119"}),
])
def test_dangers_now_go_to_their_numbers(text, numbers):
    assert numbers <= set(triage(text).transfer)


@pytest.mark.parametrize("text", [
    # a state left as it was after a past fire, a wish said several times before, a question about what to do
    "去年楼里着过火，现在楼道里还是堆满了纸箱子，怕又烧起来",
    "上个月仓库烧过一次，现在消防通道还是堵着，没人管",
    "我爸有抑郁症，说过几次不想活，现在按时吃药，想问问哪里有心理咨询",
    "想知道老人突然抽筋的时候应该怎么处理，要不要马上打120",
    "孩子高烧惊厥时该如何急救",
    # a break-in long over, a record asked for
    "乡下老屋的门被人撬了，东西没少，人早走了，想去派出所备个案",
])
def test_past_feared_or_asked_dangers_are_no_emergency(text, check):
    assert not screen(text, check).transfer


@pytest.mark.parametrize("text", [
    "插座刚才啪的一声冒了点火星，我已经把电闸拉了，想请电工上门看看",
    "马路上那个坑，前天晚上有个骑车的摔进去了，人送医院了，坑现在还在",
])
def test_a_hazard_made_safe_or_left_behind_is_not_asked_of_the_check(text, check):
    assert not screen(text, check).transfer


@pytest.mark.parametrize("text, numbers", [
    # the same readings do not hide a danger still going on
    ("插座冒火了，我把电闸拉了，但是窗帘已经烧起来了", {"119"}),
    ("我老公被电打了倒在地上，我把电闸拉了", {"120"}),
    ("屋里着火了，现在还是在冒烟，我奶奶还在里面", {"119"}),
    ("我爸摔倒了，现在还在地上起不来", {"120"}),
    ("我朋友刚才说不想活了，药已经吃下去了", {"110"}),
])
def test_dangers_still_going_on_stay_emergencies(text, numbers, check):
    assert numbers & set(screen(text, check).transfer)


@pytest.mark.parametrize("text", [
    "我被律师坑了，官司拖了一年多，律师费一分不退，我要投诉他",
    "我请的律师不负责，开庭前一天才看材料，能不能换律师",
    "法院判下来以后对方一直不履行，想问下申请强制执行要准备什么材料",
    "我们小区有个信访老户，天天在楼下骂人，社区能不能做做工作",
    "网店卖的军用望远镜是假货，商家不给退",
    "在网上买了一件军大衣，质量太差，想退货",
])
def test_in_scope_look_alikes_are_not_redirected(text, check):
    assert screen(text, check).redirect is None


@pytest.mark.parametrize("text, kind", [
    ("劳动仲裁那边给我出了结果，公司不服也不执行，你们帮我去找公司", "仲裁"),
    ("我是信访老户了，这个事反映了十年", "信访"),
    ("有人在网上高价收我们厂里给部队做的零件照片", "保密"),
    ("我已经起诉了那个装修公司，你们帮我催一下法院", "诉讼"),
])
def test_out_of_scope_stays_out_of_scope(text, kind):
    assert triage(text).redirect == kind


def test_tuning65t_keeps_its_triage_figures(check):
    rows = parse_devset((DEV / "tuning65t.txt").read_text(encoding="utf-8"))
    emergencies = [r for r in rows if r["transfer"]]
    out = [r for r in rows if r["redirect"]]
    ordinary = [r for r in rows if not r["transfer"] and not r["redirect"]]
    assert len(emergencies) >= 40 and len(out) >= 25 and len(ordinary) >= 130
    right = sum(bool(set(screen(r["text"], check).transfer) & r["transfer"]) for r in emergencies)
    kept = sum(screen(r["text"], check).redirect == r["redirect"] for r in out)
    flagged = sum(bool(screen(r["text"], check).transfer) for r in ordinary)
    redirected = sum(screen(r["text"], check).redirect is not None for r in ordinary)
    assert right / len(emergencies) >= 0.95
    assert kept / len(out) >= 0.95
    assert flagged / len(ordinary) <= 0.02
    assert redirected / len(ordinary) <= 0.01
