"""工单质检: every unit answer is scored when it is given (``insight.reply``), before it reaches the
citizen; weak answers are flagged on the ticket for the operator's callback, and the scores roll up
per unit (``unit_summary``: mean score, weak answers, per score)."""
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
                                               "_parts": {}})
            u["checked"] += 1
            u["weak"] += bool(row.weak)
            u["_sum"] += row.total
            for name, part in (row.scores or {}).items():
                if isinstance(part, dict):
                    u["_parts"][name] = u["_parts"].get(name, 0.0) + float(part.get("score", 0))
    out = []
    for u in units.values():
        n = u.pop("checked")
        total, parts = u.pop("_sum"), u.pop("_parts")
        out.append({**u, "checked": n, "mean_total": round(total / n, 3), "weak_rate": round(u["weak"] / n, 3),
                    "mean_scores": {k: round(v / n, 3) for k, v in parts.items()}})
    return sorted(out, key=lambda u: u["mean_total"])
