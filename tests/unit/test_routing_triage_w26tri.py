"""Issue 11, twenty-sixth wave (w26-tri): signs told as callers tell them — slurred speech said 含糊 or 口齿不清, a person
fallen from a height told by where from —, a fire burnt out with only ash left, and a harm feared to come (担心会着火,
怕有毒) are read for what they are, whatever the learned check reads in the words; and the wave's tuning part keeps its
triage figures."""
from __future__ import annotations

from pathlib import Path

import pytest

from routing import demo_router
from routing.router import RoutingRequest
from routing.seed import parse_devset
from routing.triage import screen, triage


@pytest.fixture(scope="module")
def router():
    return demo_router()


@pytest.mark.parametrize("text", [
    "我外婆刚才打电话给我，说话含含糊糊的，说左手没劲，她一个人在家",
    "我爸刚才吃着饭突然口齿不清了，右手拿不住筷子",
    "我老公舌头发硬，说话说不利索，嘴巴也有点歪",
])
def test_slurred_speech_told_in_other_words_goes_to_120(text):
    assert triage(text).transfer == ("120",)


@pytest.mark.parametrize("text", [
    "隔壁装修的工人从窗户外面的架子上掉下来了，在楼下草地里不动",
    "我爸从梯子上摔下来了，躺在地上喊腰疼",
])
def test_a_person_fallen_from_a_height_goes_to_120(text):
    assert "120" in triage(text).transfer


@pytest.mark.parametrize("text", [
    # a thing that fell, not a person
    "阳台上的花盆从架子上掉下来了，砸坏了楼下的雨棚，想找物业",
    "我的手机从楼上掉下去摔坏了，想问问能不能修",
])
def test_a_thing_that_fell_is_no_emergency(router, text):
    assert screen(text, router.triage_check).transfer == ()


@pytest.mark.parametrize("text", [
    "前天晚上我们村有个草垛着火了，已经烧完了，现在那一片都是灰，风一刮到处飞",
    "小区刚铺的塑胶跑道一股怪味，怕有毒，孩子在上面跑",
    "楼下仓库堆满了纸箱子，我担心会着火，想让人来查一下",
])
def test_a_fire_burnt_out_or_a_harm_feared_is_no_emergency(router, text):
    flags = screen(text, router.triage_check)
    assert flags.transfer == () and flags.redirect is None


@pytest.mark.parametrize("text, numbers", [
    # still emergencies: the fire feared has now come, or is burning now
    ("我一直担心那个废品站会着火，今天果然烧起来了，现在火很大", {"119"}),
    ("上午烧秸秆的火扑灭了，现在风一吹又烧起来了，往树林那边烧", {"119"}),
    ("那个老房子我一直担心会塌，刚才真的塌了一半，好像有人被埋在里面", {"119", "120"}),
])
def test_a_feared_danger_that_has_come_is_still_flagged(router, text, numbers):
    assert set(screen(text, router.triage_check).transfer) & numbers


def test_tuning57t_keeps_its_triage_figures(router):
    rows = parse_devset((Path(__file__).parents[1] / "routing_dev" / "tuning57t.txt").read_text(encoding="utf-8"))
    right = flagged = redirected = out_of_scope = 0
    for row in rows:
        d = router.route(RoutingRequest(text=row["text"]))
        if row["transfer"]:
            right += bool(set(d.transfer) & row["transfer"])
        elif row["redirect"]:
            out_of_scope += d.redirect == row["redirect"]
        else:
            flagged += bool(d.transfer)
            redirected += bool(d.redirect)
    assert (right, out_of_scope) == (21, 8)
    assert flagged <= 1 and redirected == 0
