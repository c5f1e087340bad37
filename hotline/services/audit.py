"""The audit trail, written in the same transaction as the change it records."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from hotline.services.actors import Actor
from models import AuditEvent


def record(session: Session, actor: Actor, action: str, *, at, ticket_id: int | None = None,
           subject_type: str = "ticket", subject_id: int | None = None, from_status: str | None = None,
           to_status: str | None = None, reason: str | None = None,
           data: dict[str, Any] | None = None) -> AuditEvent:
    event = entry(actor, action, at=at, ticket_id=ticket_id, subject_type=subject_type, subject_id=subject_id,
                  from_status=from_status, to_status=to_status, reason=reason, data=data)
    session.add(event)
    return event


def entry(actor: Actor, action: str, *, at, ticket_id: int | None = None, subject_type: str = "ticket",
          subject_id: int | None = None, from_status: str | None = None, to_status: str | None = None,
          reason: str | None = None, data: dict[str, Any] | None = None) -> AuditEvent:
    """The audit entry of an action, not yet in a session (``record`` adds it; the intake's hot path
    inserts it with the ticket, see ``hotline.services.intake.insert_new_ticket``)."""
    return AuditEvent(**entry_row(actor, action, at=at, ticket_id=ticket_id, subject_type=subject_type,
                                  subject_id=subject_id, from_status=from_status, to_status=to_status,
                                  reason=reason, data=data))


def entry_row(actor: Actor, action: str, *, at, ticket_id: int | None = None, subject_type: str = "ticket",
              subject_id: int | None = None, from_status: str | None = None, to_status: str | None = None,
              reason: str | None = None, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """The columns of an action's audit entry: ``entry``'s object, or a row of a bulk INSERT (a bulk
    import's entries, see ``hotline.services.intake.insert_new_tickets``)."""
    return {"ticket_id": ticket_id, "subject_type": subject_type,
            "subject_id": subject_id if subject_id is not None else ticket_id,
            "actor_type": actor.kind, "actor_id": actor.id, "actor_name": actor.name,
            "actor_role": actor.role.value, "action": action, "from_status": from_status,
            "to_status": to_status, "reason": reason, "data": data, "at": at}


def move(session: Session, actor: Actor, machine, subject, event, *, at, facts: Any = None,
         role_check: bool = True, ticket_id: int | None = None, subject_type: str = "ticket",
         subject_id: int | None = None, reason: str | None = None,
         data: dict[str, Any] | None = None) -> tuple[str, str]:
    """Move ``subject`` (a ticket, a rectification case) by ``event`` of ``machine`` and write the audit
    entry of that move: the one way a status changes, so the stored status is the last audited ``to``."""
    before = subject.status
    session.add(AuditEvent(**moved(actor, machine, subject, event, at=at, facts=facts, role_check=role_check,
                                   ticket_id=ticket_id, subject_type=subject_type, subject_id=subject_id,
                                   reason=reason, data=data)))
    return before, subject.status


def moved(actor: Actor, machine, subject, event, *, at, facts: Any = None, role_check: bool = True,
          ticket_id: int | None = None, subject_type: str = "ticket", subject_id: int | None = None,
          reason: str | None = None, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """``move`` without a session: ``subject`` is moved and the row of the move's entry returned
    (``entry_row``; a bulk import's new tickets, written with Core INSERTs: see
    ``intake.insert_new_tickets``)."""
    before = subject.status
    after = machine.advance(before, event, role=actor.role if role_check else None, facts=facts)
    subject.status = after.value
    subject.updated_at = at
    return entry_row(actor, machine.events(event).value, at=at, ticket_id=ticket_id, subject_type=subject_type,
                     subject_id=subject_id, from_status=before, to_status=after.value, reason=reason, data=data)


def event_view(e: AuditEvent) -> dict[str, Any]:
    from hotline.domain.lifecycle import EVENT_LABELS, Event
    from hotline.domain.vocab import TicketStatus

    def label(status):
        try:
            return TicketStatus(status).label if status else None
        except ValueError:
            return status

    try:
        action_label = EVENT_LABELS[Event(e.action)]
    except ValueError:
        action_label = ACTION_LABELS.get(e.action, e.action)
    return {"id": e.id, "at": e.at.isoformat(), "actor": e.actor_name, "actor_type": e.actor_type,
            "actor_role": e.actor_role, "action": e.action, "action_label": action_label,
            "from_status": e.from_status, "from_status_label": label(e.from_status),
            "to_status": e.to_status, "to_status_label": label(e.to_status),
            "reason": e.reason, "data": e.data or {}}


ACTION_LABELS = {
    "create": "受理", "classify": "智能分类", "route": "智能派单建议", "correct": "人工更正",
    "overdue": "超期", "warn": "到期预警", "urge": "催办", "notify": "通报", "assign_assist": "指定协办",
    "intake_failed": "后台处理失败", "recompute_deadlines": "节假日调整，时限重算",
}
