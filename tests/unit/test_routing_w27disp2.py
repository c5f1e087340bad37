"""Dispatch readings of the twenty-seventh wave's second dispatch round (helper w27-disp2): a clause told only as what
the matter leads to (导致…, 害得…, 所以…, 因为这个…) or as the hardship it brings the speaker's people (老人看病都冇得车坐,
学生要走读只能家长接送), and what a sign says wrongly and whom it misleads, do not name the unit — the matter's own
words do, and a reason said first (因为晚上吵) stays the matter; a purchase tax is the tax office's even at a 4S shop,
a bank's machine swallowing a card 金融's even in a mall; and tuning62 keeps its figures."""
from __future__ import annotations

import pytest

from routing import demo_router
from tests.unit.test_routing_dispatch import _bench_module
from tests.unit.test_routing_landmarks_w23g import _route, _units


@pytest.fixture(scope="module")
def router():
    return demo_router()


@pytest.mark.parametrize("text,unit", [
    ("关山那边一条路挖了又填填了又挖，导致孩子上学天天迟到", "DEPT-CJJ"),
    ("黄浦路一家酒吧天天晚上吵，害得我家孩子没法睡觉第二天上学没精神", "D-JA-CG"),
    ("我们村的公交停了半年了，老人看病都冇得车坐，只能走到镇上", "DEPT-JTJ"),
    ("大集到蔡甸的班车取消了，村里的学生要走读只能家长接送", "DEPT-JTJ"),
    ("积玉桥那个公交站牌上的站名写错了，把中学的名字写成另一个学校了，学生家长都搞混了", "DEPT-JTJ"),
])
def test_a_consequence_clause_does_not_name_the_unit(router, text, unit):
    d = _route(router, text)
    assert d.unit not in {"DEPT-JYJ", "DEPT-WJW"} and not (d.unit or "").endswith("-JY"), (d.unit, d.assisting_units)
    assert unit in _units(d) or (unit == "DEPT-JTJ" and "UTIL-BUS" in _units(d)) \
        or (unit == "D-JA-CG" and _units(d) & {"DEPT-GAJ", "DEPT-SHJ"}), (d.unit, d.assisting_units)


def test_the_reading_is_the_router_s(router):
    # the clause itself: blanked only when it is not the first and what is left still names a matter
    masked = router._consequence_blanked("公交停了半年了，老人看病都冇得车坐")
    assert "看病" not in masked and "公交" in masked
    assert router._consequence_blanked("导致孩子上学天天迟到") == "导致孩子上学天天迟到"
    # a consequence said of the matter itself, not of the speaker's people or their errands, stays (the jam is the matter)
    assert router._consequence_blanked("网约车天天停在马路上等单，搞得我们出门都堵") == "网约车天天停在马路上等单，搞得我们出门都堵"
    assert router._consequence_blanked("路灯坏了一个月，导致孩子上学摸黑").rstrip("　") == "路灯坏了一个月，"
    # a hardship with no matter beside it stays as said
    assert router._consequence_blanked("你好，老人看病都冇得车坐") == "你好，老人看病都冇得车坐"


@pytest.mark.parametrize("text", [
    "工人村一个公立小学，老师在群里说让家长周末把孩子送到她开的托管班，不去的座位往后排",
    "我家孩子在学校被收了三百块资料费，所以来问一下这个合不合规",
])
def test_a_school_s_own_matter_stays_the_school_s(router, text):
    d = _route(router, text)
    assert (d.unit or "").endswith("-JY") or d.unit == "DEPT-JYJ", (d.unit, d.assisting_units)


@pytest.mark.parametrize("text,unit", [
    ("我在后湖一家4S店买的车，他们说购置税帮我交了，去上牌的时候说冇交，4S店又说是税务系统的问题", "DEPT-TAX"),
    ("光谷一个商场里银行的取款机把我卡吞了，商场的人说找银行", "DEPT-JRJ"),
])
def test_a_shop_s_name_does_not_outweigh_the_matter(router, text, unit):
    # the shop's market duty still leads; the matter's own unit is now among those sent (it was not before)
    d = _route(router, text)
    assert unit in _units(d), (d.unit, d.assisting_units)


def test_tuning62_keeps_its_figures(router):
    bench = _bench_module()
    res = bench.evaluate(router, bench.load_devset(bench.PARTS["tuning62"]), repeat=1)
    assert res["lead_or_assisting"] >= 0.92 and res["district"] >= 0.94, res
