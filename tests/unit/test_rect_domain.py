"""The rectification state machine, the 差评 vocabulary and the sentiment fallback, without a database."""
import pytest

from hotline.errors import IllegalTransition
from rectification import domain
from rectification.domain import CaseEvent as E, CaseFacts, CaseStatus as S, advance
from rectification.sentiment import lexicon_contradiction


def test_the_happy_path_walks_every_state():
    facts = CaseFacts(real_name=True, has_callback=True, finding="fix_by_deadline", action_count=1)
    assert advance(S.opened, E.claim, role="unit") is S.opened
    assert advance(S.opened, E.callback, role="unit") is S.verified   # the table moves it, not the service
    assert advance(S.found, E.callback, role="unit") is S.found        # a later call is recorded, status kept
    assert advance(S.verified, E.finding, role="unit", facts=facts) is S.found
    assert advance(S.found, E.action, role="unit", facts=facts) is S.rectifying
    assert advance(S.rectifying, E.reply, role="unit", facts=facts) is S.replied
    assert advance(S.replied, E.follow_up, role="channel") is S.followed_up
    assert advance(S.followed_up, E.send_back, role="supervisor") is S.rectifying
    assert advance(S.followed_up, E.accept, role="supervisor", facts=facts) is S.closed


@pytest.mark.parametrize("status,event", [
    (S.opened, E.reply), (S.opened, E.accept), (S.found, E.follow_up), (S.closed, E.action),
    (S.voided, E.reply), (S.replied, E.finding), (S.closed, E.void),
])
def test_illegal_moves_raise(status, event):
    with pytest.raises(IllegalTransition):
        advance(status, event)


def test_roles_are_checked():
    with pytest.raises(IllegalTransition, match="角色"):
        advance(S.replied, E.accept, role="unit")
    with pytest.raises(IllegalTransition, match="角色"):
        advance(S.verified, E.finding, role="operator")


def test_real_name_bad_review_needs_a_callback_before_finding_and_closing():
    no_call = CaseFacts(real_name=True, has_callback=False)
    with pytest.raises(IllegalTransition, match="回访"):
        advance(S.opened, E.finding, role="unit", facts=no_call)
    with pytest.raises(IllegalTransition, match="不能办结"):
        advance(S.replied, E.accept, role="supervisor", facts=no_call)
    assert advance(S.opened, E.finding, role="unit", facts=CaseFacts(real_name=False)) is S.found


def test_substantiated_finding_needs_evidence_before_reply():
    with pytest.raises(IllegalTransition, match="整改措施"):
        advance(S.found, E.reply, role="unit", facts=CaseFacts(finding="fix_now", action_count=0))
    assert advance(S.found, E.reply, role="unit", facts=CaseFacts(finding="unfounded")) is S.replied


def test_allowed_events_hide_system_events():
    assert E.void not in domain.allowed_events(S.opened, "supervisor")
    assert domain.allowed_events(S.replied, "supervisor") == [E.accept, E.send_back]


def test_bad_is_level_one_or_two_and_tags_are_chinese():
    assert [domain.is_bad(n) for n in range(1, 6)] == [True, True, False, False, False]
    assert "服务态度差" in domain.REASON_TAGS and all(any("\u4e00" <= ch <= "\u9fff" for ch in t)
                                                  for t in domain.REASON_TAGS)


def test_lexicon_flags_five_stars_with_an_angry_text():
    assert lexicon_contradiction(5, "态度太差了，气死我了") is not None
    assert lexicon_contradiction(5, "工作人员非常好，很耐心") is None
    assert lexicon_contradiction(1, "非常满意，感谢工作人员热情耐心") is not None
    assert lexicon_contradiction(3, "太差了") is None
    assert lexicon_contradiction(4, "") is None
