"""The 好差评 vocabulary and the rectification case as a transition table with one ``advance``.

opened 待回访核实 → verified 已回访核实 → found 已认定 → rectifying 整改中 → replied 已答复
→ followed_up 已追评 → closed 已办结; a supervisor may send a replied case back (→ rectifying);
an upheld appeal voids the case (作废). ``advance`` is pure: it answers which status an event leads
to, or raises ``IllegalTransition`` and nothing changes (the engine is ``hotline.domain.machine``,
shared with the ticket lifecycle).
"""
from __future__ import annotations

import enum
from dataclasses import dataclass

from hotline.domain.machine import StateMachine, Transition, transition
from hotline.domain.vocab import BAD_MAX_LEVEL, GOOD_MIN_LEVEL, LabelledEnum, Role, is_bad  # noqa: F401 (the vocabulary)

DEFAULT_LEVEL = 3        # a default rating (广东: after N days) is 基本满意


class Target(LabelledEnum):
    window = ("window", "窗口")
    ticket = ("ticket", "热线工单")
    case = ("case", "办件")


class Stage(LabelledEnum):
    accept = ("accept", "受理")
    complete = ("complete", "办结")


class ReviewChannel(LabelledEnum):
    tablet = ("tablet", "窗口评价器")
    miniprogram = ("miniprogram", "小程序")
    bot = ("bot", "聊天机器人")
    callback = ("callback", "热线回访")
    qr = ("qr", "扫码评价")
    link = ("link", "短信评价链接")
    web = ("web", "网站")
    terminal = ("terminal", "自助终端")
    system = ("system", "系统默认评价")


class RaterType(LabelledEnum):
    person = ("person", "个人")
    legal = ("legal", "法人")


LEVEL_LABELS = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}

# The standard 差评 reasons a tablet or the mini-program offers (GB/T 39734 practice).
REASON_TAGS = (
    "服务态度差", "办事效率低", "排队等候时间长", "多次跑腿", "一次性告知不清", "材料要求繁琐",
    "办理时限过长", "政策解释不清", "线上系统不好用", "环境设施差", "吃拿卡要", "推诿扯皮",
    "问题未解决", "其他",
)


class Finding(LabelledEnum):
    fix_now = ("fix_now", "属实·立行立改")
    fix_by_deadline = ("fix_by_deadline", "属实·限期整改")
    explain = ("explain", "解释说明")
    unfounded = ("unfounded", "不属实")

    @property
    def substantiated(self) -> bool:
        return self in (Finding.fix_now, Finding.fix_by_deadline)


class CallbackOutcome(LabelledEnum):
    reached = ("reached", "已联系核实")
    unreachable = ("unreachable", "无法联系")
    declined = ("declined", "拒绝回访")


class FollowUp(LabelledEnum):
    satisfied = ("satisfied", "满意")
    basic = ("basic", "基本满意")
    unsatisfied = ("unsatisfied", "不满意")


class AppealKind(LabelledEnum):
    mistaken = ("mistaken", "误评")
    malicious = ("malicious", "恶意差评")


class CaseStatus(LabelledEnum):
    opened = ("opened", "待回访核实")
    verified = ("verified", "已回访核实")
    found = ("found", "已认定")
    rectifying = ("rectifying", "整改中")
    replied = ("replied", "已答复")
    followed_up = ("followed_up", "已追评")
    closed = ("closed", "已办结")
    voided = ("voided", "已作废")


class CaseEvent(str, enum.Enum):
    claim = "claim"              # 认领 (the handler who calls the rater back)
    callback = "callback"        # 回访核实 (the first: 待回访核实 → 已回访核实; a later one keeps the status)
    finding = "finding"          # 核实认定
    action = "action"            # 整改措施 (with evidence)
    reply = "reply"              # 答复评价人
    follow_up = "follow_up"      # 追评
    accept = "accept"            # 督查验收 → 办结
    send_back = "send_back"      # 督查退回重新整改
    void = "void"                # 申诉成立 → 作废
    remind = "remind"            # 预警 / 督办 / 通报 by the sweep


EVENT_LABELS = {
    CaseEvent.claim: "认领", CaseEvent.callback: "回访核实", CaseEvent.finding: "核实认定",
    CaseEvent.action: "整改措施", CaseEvent.reply: "答复评价人", CaseEvent.follow_up: "追评",
    CaseEvent.accept: "督查验收", CaseEvent.send_back: "退回重新整改", CaseEvent.void: "申诉成立作废",
    CaseEvent.remind: "督办提醒",
}

S = CaseStatus
OPEN = frozenset({S.opened, S.verified, S.found, S.rectifying, S.replied, S.followed_up})
TERMINAL = frozenset({S.closed, S.voided})
UNIT_ROLES = frozenset({Role.unit})
CENTRE = frozenset({Role.operator, Role.supervisor, Role.admin})
SUPERVISORS = frozenset({Role.supervisor, Role.admin})


@dataclass(frozen=True)
class CaseFacts:
    """What the guards of the table need to know about a case besides its status."""

    real_name: bool = False
    has_callback: bool = False
    finding: str | None = None
    action_count: int = 0


def _callback_before_finding(f: CaseFacts | None) -> str | None:
    if f is not None and f.real_name and not f.has_callback:
        return "实名差评须先回访核实，再作出认定"
    return None


def _evidence_before_reply(f: CaseFacts | None) -> str | None:
    if f is not None and f.finding and Finding(f.finding).substantiated and f.action_count == 0:
        return "认定属实的差评须先登记整改措施及佐证材料，再答复评价人"
    return None


def _callback_before_close(f: CaseFacts | None) -> str | None:
    if f is not None and f.real_name and not f.has_callback:
        return "实名差评未记录回访，不能办结"
    return None


def _after_callback(status: CaseStatus, _: CaseFacts | None) -> CaseStatus:
    """The first 回访核实 moves a case to 已回访核实; a later call is recorded and the status stays."""
    return S.verified if status is S.opened else status


TRANSITIONS: dict[CaseEvent, Transition] = {
    CaseEvent.claim: transition(OPEN - {S.replied, S.followed_up}, None, UNIT_ROLES | CENTRE),
    CaseEvent.callback: transition({S.opened, S.verified, S.found, S.rectifying}, _after_callback,
                                   UNIT_ROLES | CENTRE),
    CaseEvent.finding: transition({S.opened, S.verified}, S.found, UNIT_ROLES, _callback_before_finding),
    CaseEvent.action: transition({S.found, S.rectifying}, S.rectifying, UNIT_ROLES),
    CaseEvent.reply: transition({S.found, S.rectifying}, S.replied, UNIT_ROLES, _evidence_before_reply),
    CaseEvent.follow_up: transition({S.replied}, S.followed_up, {Role.channel, Role.operator, Role.admin}),
    CaseEvent.accept: transition({S.replied, S.followed_up}, S.closed, SUPERVISORS, _callback_before_close),
    CaseEvent.send_back: transition({S.replied, S.followed_up}, S.rectifying, SUPERVISORS),
    CaseEvent.void: transition(OPEN, S.voided, SUPERVISORS),
    CaseEvent.remind: transition(OPEN, None, {Role.admin}),
}

MACHINE: StateMachine[CaseStatus, CaseEvent] = StateMachine(
    statuses=CaseStatus, events=CaseEvent, table=TRANSITIONS, labels=EVENT_LABELS, noun="整改单",
    hidden=frozenset({CaseEvent.remind, CaseEvent.void}))


def advance(status: CaseStatus | str, event: CaseEvent | str, *, role: Role | str | None = None,
            facts: CaseFacts = CaseFacts()) -> CaseStatus:
    """The status ``event`` leads to from ``status``; raise ``IllegalTransition`` otherwise."""
    return MACHINE.advance(status, event, role=role, facts=facts)


def allowed_events(status: CaseStatus | str, role: Role | str | None = None) -> list[CaseEvent]:
    return MACHINE.allowed_events(status, role)

