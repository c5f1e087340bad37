"""Wave 25 (w25-kb): a call asking several things (the main question first, one added with 顺便 / 另外 / 还有 / 也要
weighs less), a bare question (么样领) asking about what was told before it, what a thing is for (有什么用, 能拿来干么事)
read as 用途, an account's years brought together (并过来, 算到一起, 接得上) read as 转移接续, 户口要去哪里上 as 上户口
and 报 after where it is claimed (到武汉报) as 报销; kbdev19's floors and kbhold16 held out."""
from __future__ import annotations

import pytest

from insight.kb import ASIDE_WEIGHT, USE_WEIGHT, _normalised, weighted_terms
from test_kb_search import _eval_kb
from test_kb_search_w23kb import _top   # the demo articles' index, one place for the kb tests (tests/unit on the path)


def test_a_question_added_after_the_main_one_weighs_less():
    got = weighted_terms("我下岗快一个月了，听说每个月能领失业金，么样领，另外住房公积金能不能取")
    assert got["w:公积金"] <= ASIDE_WEIGHT < got["w:失业"]
    # 也 with a verb of asking turns to another matter; 也 inside the main question does not
    got = weighted_terms("孩子的户口么时候能上，医保是不是也要一起办")
    assert got["w:医保"] < got["户口"]
    assert weighted_terms("结婚了想把我的户口也迁到他那里")["w:户口"] == weighted_terms("结婚了想把我的户口迁到他那里")["w:户口"]


def test_the_main_question_of_a_call_comes_first():
    assert _top("喂，我被公司裁了，交过失业保险的每个月能领钱吗，么样领，顺便问一下公积金可不可以取", 1) == ["sy"]


def test_a_bare_question_asks_about_what_was_told_before_it():
    got = weighted_terms("喂你好，我们厂倒闭了，听说失业了每个月有钱领，么样领")
    assert got["w:失业"] == pytest.approx(weighted_terms("失业了每个月有钱领")["w:失业"])


def test_what_a_thing_is_for_is_its_use_and_only_leans():
    assert "用途" in _normalised("社保卡能拿来干么事")
    assert "用途" in _normalised("哪些情况下可以用公积金")
    assert "用途" in _normalised("老年证有什么用")
    assert "用途" in _normalised("这张卡还能干嘛用")
    assert weighted_terms("老年证有什么用")["w:用途"] <= USE_WEIGHT
    assert _top("我想问下公积金，里面的钱哪些情况下能用", 1) == ["gjj"]
    assert "jysy" in _top("失业证在哪办，有什么用", 1)


def test_an_accounts_years_brought_together_are_its_transfer():
    assert "转移接续" in _normalised("以前在外省交的养老保险么样并过来")
    assert "转移接续" in _normalised("医保年限接得上吗")
    assert "转移接续" not in _normalised("把东西并过来")            # no account named
    assert _top("我以前在成都交公积金，现在来武汉了，成都那个账户么样并过来", 1) == ["gjjzy"]


def test_a_registers_up_and_a_claim_where_it_is_made():
    assert "报户口" in _normalised("伢的户口要去哪里上")
    assert "报销" in _normalised("拿着发票能不能回老家报")
    assert "报销" not in _normalised("低报怎么申请")
    assert "csdj" in _top("孙子刚出院，伢的户口要去哪里上", 1)


@pytest.mark.parametrize("split, top1, top3", [("kbdev19", 0.85, 1.0), ("kbdev18", 0.78, 0.98)])
def test_kbdev19_and_kbdev18_floors(split, top1, top3):
    result = _eval_kb()(split)
    assert result["top1"] >= top1 and result["top3"] >= top3, result.get("misses")


def test_kbhold16_is_held_out():
    import eval_insight
    assert "kbhold16" in eval_insight.HELD_OUT
    assert "misses" not in _eval_kb()("kbhold16")
