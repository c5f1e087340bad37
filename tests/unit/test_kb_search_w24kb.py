"""Wave 24 (w24-kb): a fund, an insurance or a card named by what it is for (单位存的买房子的那个钱, 看病的保险,
老了拿钱的保险, 看病刷的卡), a file told by its envelope, a death's money, a house taken for a road, and a spouse's
户口 brought to the city after the wedding."""
from __future__ import annotations

from insight.kb import SITUATION_WEIGHT, _normalised, _weighted_terms, weighted_terms
from test_kb_search_w23kb import _top   # the demo articles' index, one place for the kb tests (tests/unit on the path)


def test_the_housing_fund_named_by_what_it_is_for():
    assert "公积金" in _normalised("单位帮我存的买房子的那个钱")
    assert "公积金" in _normalised("我那个买房的账户里有几多")
    assert _top("公司从来不给我们交买房子的那个钱，去哪里告", 1) == ["gjjts"]


def test_insurances_and_the_card_named_by_what_they_are_for():
    assert "医保" in _normalised("看病报销的那个保险")
    assert "社保" in _normalised("老了拿钱的那个保险")
    assert "社保卡" in _normalised("看病刷的那张卡丢了")
    assert "jmyb" in _top("我在屋里带伢冇上班，看病的保险一年交几多", 3)


def test_a_claims_thresholds_told_as_amounts():
    assert _top("住院了自己要先出几多才开始报，一年最多能报几多", 1) == ["ybdy"]


def test_a_file_told_by_its_envelope_and_a_house_taken_for_a_road():
    assert "档案" in _normalised("毕业那年装材料的袋子不晓得寄到哪了")
    assert "fwzs" in _top("听说我们那片要拆迁修地铁，钱么样算", 1)


def test_a_deaths_money_told_by_the_family():
    assert "szf" in _top("我爸在单位上班的时候走了，办丧事的钱和给家属的钱找哪里领", 2)
    # 补助 inside the article's 丧葬补助金 still meets a citizen's 补贴 / 一笔钱
    assert "szf" in _top("我爸是退休工人上个月走了，听说社保那边会给一笔钱", 3)


def _moves_in(text: str) -> bool:
    service = _weighted_terms(_normalised("户口迁入"))
    return weighted_terms(text).get("迁入", 0.0) >= SITUATION_WEIGHT * service["迁入"] > 0


def test_a_spouses_register_brought_here_is_the_move_in_not_out():
    assert _moves_in("我老婆是外地的，结婚以后想把她的户口弄过来")
    assert not _moves_in("我嫁到外地去了，户口要弄到老公那边")
    assert not _moves_in("结婚了户口要不要迁出")


def test_a_house_record_told_as_what_the_paper_says():
    assert "无房证明" in _normalised("伢上学要证明我名下没有房子")
    assert "bdccx" in _top("办贷款要查一下我名下有几套房子，在哪里打单子", 1)


def test_a_span_nobody_paid_to_be_paid_now_is_the_late_payment():
    assert "sbbj" in _top("原来的厂子关了，中间有一年多保险没人交，现在自己能补吗", 1)
    assert "sbbj" not in _top("单位没交社保，能申请补贴吗", 1)
