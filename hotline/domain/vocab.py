"""Shared vocabulary: codes stored in the database and their Chinese labels.

Codes are English and stable (they are stored and exchanged); labels are what a citizen or
an official reads.
"""
from __future__ import annotations

import enum


class LabelledEnum(str, enum.Enum):
    """A string enum whose members carry a Chinese label."""

    label: str

    def __new__(cls, value: str, label: str = "") -> "LabelledEnum":  # label: for the type checker's Role("x")
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.label = label
        return obj

    @classmethod
    def parse(cls, raw: str) -> "LabelledEnum":
        """Accept either the code or the Chinese label; raise ValueError otherwise."""
        for member in cls:
            if raw in (member.value, member.label):
                return member
        allowed = "、".join(f"{m.value}({m.label})" for m in cls)
        raise ValueError(f"无效的取值 {raw!r}，可选：{allowed}")

    def __str__(self) -> str:  # pragma: no cover - convenience
        return self.value


class AppealType(LabelledEnum):
    consult = ("consult", "咨询")
    help = ("help", "求助")
    complaint = ("complaint", "投诉")
    report = ("report", "举报")
    suggestion = ("suggestion", "建议")
    praise = ("praise", "表扬")


class Urgency(LabelledEnum):
    """Dispatch urgency (北京 DB11/T): emergency 1 h, utilities / extreme weather 2 h, general 24 h."""

    emergency = ("emergency", "紧急")
    utility = ("utility", "水电气暖")
    normal = ("normal", "一般")


class Channel(LabelledEnum):
    phone = ("phone", "电话")
    miniprogram = ("miniprogram", "小程序")
    bot = ("bot", "聊天机器人")
    tablet = ("tablet", "窗口评价器")
    open311 = ("open311", "Open311")
    web = ("web", "网站")
    operator = ("operator", "话务员录入")
    api = ("api", "接口")


class TicketStatus(LabelledEnum):
    received = ("received", "已受理")
    triage = ("triage", "待派单")
    dispatched = ("dispatched", "已派单")
    signed = ("signed", "已签收")
    in_progress = ("in_progress", "办理中")
    returned = ("returned", "退单待审")
    arbitration = ("arbitration", "待裁定")
    answered = ("answered", "已答复")
    callback = ("callback", "回访中")
    closed = ("closed", "已办结")
    merged = ("merged", "已并单")


TICKET_TERMINAL = frozenset({TicketStatus.closed, TicketStatus.merged})   # 办结 and 并单: nothing more happens
TICKET_TERMINAL_CODES = tuple(sorted(s.value for s in TICKET_TERMINAL))

# 好差评 levels (GB/T 39734 practice): 5 非常满意 … 1 非常不满意
BAD_MAX_LEVEL = 2        # 差评 = level 1 or 2
GOOD_MIN_LEVEL = 3       # 好评 = level 3, 4 or 5 (every rating that is not a 差评)


def is_bad(level: int) -> bool:
    """差评: a rating of level 1 or 2 (the browser gets BAD_MAX_LEVEL from the server, never a copy)."""
    return level <= BAD_MAX_LEVEL


def level_contradiction(level: int, *, negative: str | None = None, positive: str | None = None) -> str | None:
    """The one rule of a rating contradicted by its text: 4–5 stars with a clearly negative text, or a
    差评 with a clearly positive one (level 3 never). ``negative`` / ``positive`` is the evidence that the
    text is clearly so (a model's probability, a word count), None when it is not."""
    if level >= 4 and negative:
        return f"评价等级为 {level} 星，但评价内容明显负面（{negative}），请人工复核"
    if is_bad(level) and positive:
        return f"评价等级为 {level} 星，但评价内容明显正面（{positive}），请人工复核"
    return None


class Role(LabelledEnum):
    operator = ("operator", "话务员")
    unit = ("unit", "承办单位")
    supervisor = ("supervisor", "督办人员")
    admin = ("admin", "管理员")
    channel = ("channel", "渠道接入")


class UnitKind(LabelledEnum):
    centre = ("centre", "热线中心")
    department = ("department", "市直部门")
    district = ("district", "区政府")
    street = ("street", "街道")
    utility = ("utility", "公共服务企业")


class Satisfaction(LabelledEnum):
    satisfied = ("satisfied", "满意")
    basic = ("basic", "基本满意")
    unsatisfied = ("unsatisfied", "不满意")


class SupervisionLevel(LabelledEnum):
    none = ("none", "无")
    warned = ("warned", "预警")
    urged = ("urged", "催办")
    supervised = ("supervised", "督办")
    notified = ("notified", "通报")
