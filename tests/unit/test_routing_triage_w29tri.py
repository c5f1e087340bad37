"""Issue 11, twenty-ninth wave (w29-tri): another's talk of ending their life told as a habit or with help sought for it,
a hunch of being followed with a patrol asked for, and damage left by a past fire (现在玻璃裂了) are no emergency, while
the same words said now or at an edge stay emergencies; a sentence being served is the prison's matter, not a case in
court, unless the judgment is contested; a military site watched or asked about and a defence project's figures sought
are 保密, and an authority's decision already taken to the level above to be revoked is 行政复议, both without the legal
word; a soldier's service years asked about is in scope; and the wave's tuning part keeps its triage figures."""
from __future__ import annotations

from pathlib import Path

import pytest

from routing.seed import parse_devset, seed_triage_check
from routing.triage import screen, triage

DEV = Path(__file__).resolve().parents[1] / "routing_dev"


@pytest.fixture(scope="module")
def check():
    return seed_triage_check()


@pytest.mark.parametrize("text", [
    "我妈老是念叨活着没意思，我想给她找个心理咨询师聊聊",
    "我姐总说不想活了，我们想找个心理疏导的地方",
    "我老觉得下班路上有人跟着我，不知道是不是我想多了，能不能让民警多注意一下",
    "我儿子经常跟我说活着好累，想带他去精神科看一下，哪个医院好",
    "我总感觉有人在盯着我家，最近晚上回家都看到一个人在楼下，可能是我多心了，想请派出所多巡逻一下",
    "前天楼下仓库着火，我家阳台也熏黑了，现在玻璃都裂了，物业说不管",
])
def test_worries_and_damage_left_are_no_emergency(text, check):
    assert not screen(text, check).transfer


@pytest.mark.parametrize("text, numbers", [
    ("我弟弟经常说不想活，刚才发了遗书给我，现在电话关机了", {"110"}),
    ("我妈一直在看心理医生，她现在站在楼顶上说要跳下去", {"110"}),
    ("有个人一直跟着我，我现在在超市里躲着，他在门口等我", {"110"}),
    ("上个月着过一次火，现在又烧起来了，火好大", {"119"}),
])
def test_the_same_words_said_now_stay_emergencies(text, numbers, check):
    assert numbers & set(screen(text, check).transfer)


@pytest.mark.parametrize("text", [
    "我哥被判了刑，现在在监狱服刑，想问一下怎么给他寄钱",
    "我儿子判了缓刑，社区矫正每个月要去报到几次",
    "我是退伍军人，想问一下部队的军龄怎么算到社保里面",
    "我儿子在部队当兵，想问一下部队里面能不能收快递",
])
def test_in_scope_look_alikes_are_not_redirected(text, check):
    assert screen(text, check).redirect is None


@pytest.mark.parametrize("text, kind", [
    ("我儿子被判了五年，我觉得判重了，想让你们帮忙改判", "诉讼"),
    ("江边有个人用望远镜一直在看军港那边，还在本子上画", "保密"),
    ("有个网友出高价让我拍我们研究所的图纸发给他", "保密"),
    ("老乡一直跟我打听部队营区里面有多少人，有什么装备", "保密"),
    ("住建局那个处罚我不服，已经向市政府递了申请要求撤销，到现在没有回音", "行政复议"),
    ("交警那个扣分决定我不服，已经向市公安局申请了重新审查，等了一个多月", "行政复议"),
    ("我已经向上一级机关提交了材料，要求重新审查那个罚款决定，想问多久有结果", "行政复议"),
])
def test_out_of_scope_without_the_word(text, kind):
    assert triage(text).redirect == kind


def test_tuning69t_keeps_its_triage_figures(check):
    rows = parse_devset((DEV / "tuning69t.txt").read_text(encoding="utf-8"))
    emergencies = [r for r in rows if r["transfer"]]
    out = [r for r in rows if r["redirect"]]
    ordinary = [r for r in rows if not r["transfer"] and not r["redirect"]]
    assert len(emergencies) >= 20 and len(out) >= 16 and len(ordinary) >= 30
    right = sum(bool(set(screen(r["text"], check).transfer) & r["transfer"]) for r in emergencies)
    kept = sum(screen(r["text"], check).redirect == r["redirect"] for r in out)
    flagged = sum(bool(screen(r["text"], check).transfer) for r in ordinary)
    redirected = sum(screen(r["text"], check).redirect is not None for r in ordinary)
    assert right / len(emergencies) >= 0.95
    assert kept / len(out) >= 0.95
    assert flagged / len(ordinary) <= 0.04
    assert redirected / len(ordinary) <= 0.04
