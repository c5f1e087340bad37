"""工单质检: every unit answer is scored when it is given (``insight.reply``), before it reaches the
citizen; weak answers are flagged on the ticket for the operator's callback. The unit's figure — 答复质检
达标率, answers not weak ÷ answers checked, in its figures and its ranking — is defined with the other
figures in ``rectification/metrics.py`` (from ``Ticket.reply_weak``, set here); ``unit_summary`` adds
what the figure cannot say: the mean of each score and a sentence on where the unit's answers fall short."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hotline import scope
from hotline.domain.vocab import Role
from hotline.errors import InvalidInput
from hotline.services.actors import Actor
from insight.reply import check_reply
from models import ReplyCheck, Ticket, Unit


def check(s: Session, hl, ticket: Ticket) -> ReplyCheck:
    """Score the ticket's answer now (inside the answering transaction)."""
    now = hl.now()
    late = 0
    if ticket.answered_on_time is False and ticket.complete_due:
        late = max(1, (now - ticket.complete_due).days)
    result = check_reply(ticket.content, ticket.answer_text or "", on_time=ticket.answered_on_time, late_days=late)
    row = ReplyCheck(ticket_id=ticket.id, unit_id=ticket.lead_unit_id, checked_at=now, total=result.total,
                     weak=result.weak, scores=dict(result.as_dict()["scores"], summary=result.summary()))
    s.add(row)
    ticket.reply_weak = result.weak     # the unit's 答复质检达标率 (rectification/metrics.py) counts it
    return row


def latest_view(s: Session, ticket: Ticket, actor: Actor) -> dict[str, Any] | None:
    if actor.role not in (Role.operator, Role.supervisor, Role.admin, Role.unit):
        return None
    row = s.scalar(select(ReplyCheck).where(ReplyCheck.ticket_id == ticket.id).order_by(ReplyCheck.id.desc()))
    if row is None:
        return None
    scores = dict(row.scores or {})
    summary = scores.pop("summary", "")
    return {"total": row.total, "weak": row.weak, "summary": summary, "scores": scores,
            "checked_at": row.checked_at.isoformat()}


def unit_summary(hl, *, actor: Actor, days: int = 30) -> list[dict[str, Any]]:
    """Per unit over the last ``days``: answers checked, mean total, weak answers, mean of each score."""
    actor.require(Role.supervisor, Role.admin, Role.operator, Role.unit)
    if not isinstance(days, int) or not 1 <= days <= 366:
        raise InvalidInput("days 应为 1 至 366 的整数")
    since = hl.now() - timedelta(days=days)
    with hl.sessions() as s:
        stmt = select(ReplyCheck).where(ReplyCheck.checked_at >= since)
        stmt = scope.apply(stmt, scope.unit_clause(actor, ReplyCheck.unit_id))
        names = dict(s.execute(select(Unit.id, Unit.code)).all())
        units: dict[Any, dict[str, Any]] = {}
        for row in s.scalars(stmt):
            u = units.setdefault(row.unit_id, {"unit": names.get(row.unit_id), "checked": 0, "weak": 0, "_sum": 0.0,
                                               "_parts": {}, "_whys": {}})
            u["checked"] += 1
            u["weak"] += bool(row.weak)
            u["_sum"] += row.total
            for name, part in (row.scores or {}).items():
                if isinstance(part, dict):
                    u["_parts"][name] = u["_parts"].get(name, 0.0) + float(part.get("score", 0))
                    if float(part.get("score", 0)) < WEAK_PART and part.get("why"):
                        whys = u["_whys"].setdefault(name, {})
                        whys[part["why"]] = whys.get(part["why"], 0) + 1
    out = []
    for u in units.values():
        n = u.pop("checked")
        total, parts, whys = u.pop("_sum"), u.pop("_parts"), u.pop("_whys")
        means = {k: round(v / n, 3) for k, v in parts.items()}
        out.append({**u, "checked": n, "mean_total": round(total / n, 3), "mean_scores": means,
                    "explanation": _explain(u["unit"], n, u["weak"], means, whys)})
    return sorted(out, key=lambda u: u["mean_total"])


WEAK_PART = 0.6      # a score below this is where an answer falls short


def _explain(unit: str | None, checked: int, weak: int, means: dict[str, float], whys: dict[str, dict]) -> str:
    """One sentence: how many answers were checked and weak, and the score that pulls the unit down."""
    from insight.reply import LABELS

    head = f"{unit or '未知单位'}：质检答复 {checked} 件，偏弱 {weak} 件"
    if not means:
        return head + "。"
    worst = min(means, key=lambda k: means[k])
    if means[worst] >= WEAK_PART:
        return head + "；各项得分均达标。"
    reasons = sorted((whys.get(worst) or {}).items(), key=lambda kv: -kv[1])
    reason = f"，最常见的问题：{reasons[0][0]}（{reasons[0][1]} 件）" if reasons else ""
    return f"{head}；最弱的一项是{LABELS.get(worst, worst)}（平均 {means[worst] * 100:.0f} 分）{reason}。"
