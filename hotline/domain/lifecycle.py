"""The ticket lifecycle as a transition table and one ``advance``.

受理 → 待派单 → 已派单 → 已签收 → 办理中 → 已答复 → 回访 → 办结, with 退单 (return and
re-dispatch; repeated returns go to supervisors), 延期, 重办, 并单 and 督办. ``advance`` is pure: it
answers which status an event leads to, or raises ``IllegalTransition`` and nothing changes (the
engine is ``hotline.domain.machine``, shared with the rectification cases).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass

from hotline.domain.machine import StateMachine, Transition, transition
from hotline.domain.vocab import TICKET_TERMINAL, Role, TicketStatus as S


class Event(str, enum.Enum):
    triage = "triage"                      # the classifier or router is unsure: operator queue
    dispatch = "dispatch"                  # 派单
    sign = "sign"                          # 签收
    start = "start"                        # 开始办理
    answer = "answer"                      # 答复
    return_ = "return"                     # 退单
    accept_return = "accept_return"        # 退单审核通过 → re-dispatch
    reject_return = "reject_return"        # 退单审核驳回 → back to the same unit
    arbitrate = "arbitrate"                # 裁定 (binding) after repeated returns
    start_callback = "start_callback"      # 开始回访
    close = "close"                        # 回访: solved → 办结
    reopen = "reopen"                      # 回访: not solved → 重办
    close_consultation = "close_consultation"  # 咨询 answered at once → 办结
    merge = "merge"                        # 并单
    request_extension = "request_extension"    # 申请延期
    decide_extension = "decide_extension"      # 延期审批
    supervise = "supervise"                # 督办
    remind = "remind"                      # 预警 / 催办 / 通报 by the sweep
    transfer = "transfer"                  # 转办 an emergency to 110/119/120/122: closed, the clock stops
    redirect = "redirect"                  # out of scope: the citizen is told the legal route, closed


EVENT_LABELS = {
    Event.triage: "转人工分拣", Event.dispatch: "派单", Event.sign: "签收", Event.start: "开始办理",
    Event.answer: "答复", Event.return_: "退单", Event.accept_return: "同意退单",
    Event.reject_return: "驳回退单", Event.arbitrate: "裁定派单", Event.start_callback: "开始回访",
    Event.close: "回访办结", Event.reopen: "重办", Event.close_consultation: "咨询直接办结",
    Event.merge: "并单", Event.request_extension: "申请延期", Event.decide_extension: "延期审批",
    Event.supervise: "督办", Event.remind: "催办提醒", Event.transfer: "转办（紧急警情）",
    Event.redirect: "告知法定途径办结",
}

OPEN = frozenset({S.received, S.triage, S.dispatched, S.signed, S.in_progress, S.returned,
                  S.arbitration, S.answered, S.callback})
AT_UNIT = frozenset({S.dispatched, S.signed, S.in_progress})   # the lead unit holds the ticket
TERMINAL = TICKET_TERMINAL


@dataclass(frozen=True)
class TicketFacts:
    """What the table needs to know about a ticket besides its status."""

    prior_returns: int = 0            # returns before this one
    centre_decides_after: int = 1     # after this many returns, supervisors decide (待裁定)


def _return_target(_: S, facts: TicketFacts | None) -> S:
    facts = facts or TicketFacts()
    return S.arbitration if facts.prior_returns >= facts.centre_decides_after else S.returned


def _t(sources, target, *roles) -> Transition:
    return transition(sources, target, roles)


SYSTEM = Role.admin  # system actors (jobs, sweeps) act with admin rights

TRANSITIONS: dict[Event, Transition] = {
    Event.triage: _t({S.received}, S.triage, Role.operator, Role.admin),
    Event.dispatch: _t({S.received, S.triage}, S.dispatched, Role.operator, Role.supervisor, Role.admin),
    Event.sign: _t({S.dispatched}, S.signed, Role.unit),
    Event.start: _t({S.signed}, S.in_progress, Role.unit),
    Event.answer: _t({S.signed, S.in_progress}, S.answered, Role.unit),
    # a return made after ``centre_decides_after`` earlier returns goes to supervisors (待裁定)
    Event.return_: _t(AT_UNIT, _return_target, Role.unit),
    Event.accept_return: _t({S.returned}, S.triage, Role.operator, Role.admin),
    Event.reject_return: _t({S.returned}, S.dispatched, Role.operator, Role.admin),
    Event.arbitrate: _t({S.arbitration}, S.dispatched, Role.supervisor, Role.admin),
    Event.start_callback: _t({S.answered}, S.callback, Role.operator, Role.admin),
    Event.close: _t({S.answered, S.callback}, S.closed, Role.operator, Role.admin),
    Event.reopen: _t({S.answered, S.callback}, S.dispatched, Role.operator, Role.supervisor, Role.admin),
    Event.close_consultation: _t({S.received, S.triage}, S.closed, Role.operator, Role.admin),
    Event.merge: _t({S.received, S.triage, S.dispatched, S.signed, S.in_progress, S.returned},
                    S.merged, Role.operator, Role.supervisor, Role.admin),
    Event.request_extension: _t({S.signed, S.in_progress}, None, Role.unit),
    Event.decide_extension: _t({S.signed, S.in_progress, S.answered}, None,
                               Role.operator, Role.supervisor, Role.admin),
    Event.supervise: _t(OPEN, None, Role.supervisor, Role.admin),
    Event.remind: _t(OPEN, None, Role.admin),
    Event.transfer: _t({S.received, S.triage}, S.closed, Role.operator, Role.admin),
    Event.redirect: _t({S.received, S.triage}, S.closed, Role.operator, Role.admin),
}

MACHINE: StateMachine[S, Event] = StateMachine(statuses=S, events=Event, table=TRANSITIONS, labels=EVENT_LABELS,
                                               noun="工单", hidden=frozenset({Event.remind}))


def advance(status: S | str, event: Event | str, *, role: Role | str | None = None,
            prior_returns: int = 0, centre_decides_after: int = 1) -> S:
    """The status that ``event`` leads to from ``status``; raise ``IllegalTransition`` otherwise."""
    return MACHINE.advance(status, event, role=role,
                           facts=TicketFacts(prior_returns=prior_returns, centre_decides_after=centre_decides_after))


def allowed_events(status: S | str, role: Role | str | None = None) -> list[Event]:
    return MACHINE.allowed_events(status, role)
