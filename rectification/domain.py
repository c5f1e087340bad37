"""The 好差评 vocabulary and the rectification case as a transition table with one ``advance``.

opened 待回访核实 → verified 已回访核实 → found 已认定 → rectifying 整改中 → replied 已答复
→ followed_up 已追评 → closed 已办结; a supervisor may send a replied case back (→ rectifying);
an upheld appeal voids the case (作废). ``advance`` is pure: it answers which status an event leads
to, or raises ``IllegalTransition`` and nothing changes.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass

from hotline.domain.vocab import LabelledEnum, Role
from hotline.errors import IllegalTransition

BAD_MAX_LEVEL = 2        # 差评 = level 1 or 2
GOOD_MIN_LEVEL = 3       # 好评 = level 3, 4 or 5 (every rating that is not a 差评)
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
    callback = "callback"        # 回访核实
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
class Transition:
    sources: frozenset[CaseStatus]
    target: CaseStatus | None          # None: the status does not change
    roles: frozenset[Role]


def _t(sources, target, roles) -> Transition:
    return Transition(frozenset(sources), target, frozenset(roles))


TRANSITIONS: dict[CaseEvent, Transition] = {
    CaseEvent.claim: _t(OPEN - {S.replied, S.followed_up}, None, UNIT_ROLES | CENTRE),
    CaseEvent.callback: _t({S.opened, S.verified, S.found, S.rectifying}, None, UNIT_ROLES | CENTRE),
    CaseEvent.finding: _t({S.opened, S.verified}, S.found, UNIT_ROLES),
    CaseEvent.action: _t({S.found, S.rectifying}, S.rectifying, UNIT_ROLES),
    CaseEvent.reply: _t({S.found, S.rectifying}, S.replied, UNIT_ROLES),
    CaseEvent.follow_up: _t({S.replied}, S.followed_up, {Role.channel, Role.operator, Role.admin}),
    CaseEvent.accept: _t({S.replied, S.followed_up}, S.closed, SUPERVISORS),
    CaseEvent.send_back: _t({S.replied, S.followed_up}, S.rectifying, SUPERVISORS),
    CaseEvent.void: _t(OPEN, S.voided, SUPERVISORS),
    CaseEvent.remind: _t(OPEN, None, {Role.admin}),
}


@dataclass(frozen=True)
class CaseFacts:
    """What the guards of ``advance`` need to know about a case besides its status."""

    real_name: bool = False
    has_callback: bool = False
    finding: str | None = None
    action_count: int = 0


def advance(status: CaseStatus | str, event: CaseEvent | str, *, role: Role | str | None = None,
            facts: CaseFacts = CaseFacts()) -> CaseStatus:
    """The status ``event`` leads to from ``status``; raise ``IllegalTransition`` otherwise."""
    status = CaseStatus(status)
    event = CaseEvent(event)
    rule = TRANSITIONS[event]
    if status not in rule.sources:
        allowed = "、".join(s.label for s in CaseStatus if s in rule.sources)
        raise IllegalTransition(f"整改单状态为“{status.label}”，不能执行“{EVENT_LABELS[event]}”（仅限：{allowed}）",
                                status=status.value, event=event.value)
    if role is not None and Role(role) not in rule.roles:
        raise IllegalTransition(f"角色“{Role(role).label}”不能执行“{EVENT_LABELS[event]}”",
                                status=status.value, event=event.value)
    if event is CaseEvent.finding and facts.real_name and not facts.has_callback:
        raise IllegalTransition("实名差评须先回访核实，再作出认定", status=status.value, event=event.value)
    if event is CaseEvent.reply and facts.finding and Finding(facts.finding).substantiated \
            and facts.action_count == 0:
        raise IllegalTransition("认定属实的差评须先登记整改措施及佐证材料，再答复评价人",
                                status=status.value, event=event.value)
    if event is CaseEvent.accept and facts.real_name and not facts.has_callback:
        raise IllegalTransition("实名差评未记录回访，不能办结", status=status.value, event=event.value)
    return rule.target if rule.target is not None else status


def allowed_events(status: CaseStatus | str, role: Role | str | None = None) -> list[CaseEvent]:
    status = CaseStatus(status)
    return [e for e, t in TRANSITIONS.items()
            if status in t.sources and (role is None or Role(role) in t.roles)
            and e not in (CaseEvent.remind, CaseEvent.void)]


def is_bad(level: int) -> bool:
    return level <= BAD_MAX_LEVEL
