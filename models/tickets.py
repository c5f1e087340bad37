"""Tickets, their units, returns, extensions, notices, the number sequence and the audit trail."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (JSON, BigInteger, Boolean, Date, Float, ForeignKey, Index, Integer, Sequence, String,
                        Text, UniqueConstraint, event, text)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime, utcnow
from models.core import Category, Unit


TRIAGE_STATUSES = "status IN ('triage', 'returned')"
CALLBACK_STATUSES = "status IN ('answered', 'callback')"     # 待回访 (ix_tickets_callbacks)
OVERDUE_OPEN = "overdue IS TRUE AND status NOT IN ('closed', 'merged')"     # the overdue page (ix_tickets_overdue_open)
SUPERVISED_OPEN = "supervision_level IN ('supervised', 'notified') AND status NOT IN ('closed', 'merged')"
INTAKE_UNFINISHED = "intake_state IN ('pending', 'failed')"   # what the sweep looks for (ix_tickets_intake_state)


class Ticket(Base):
    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("channel", "channel_ref"),
        Index("ix_tickets_status_lead", "status", "lead_unit_id"),
        Index("ix_tickets_overdue_created", "overdue", "created_at"),     # the overdue lists
        # the keyset orders of the lists (hotline/services/tickets.py ORDERS): the triage queue, a unit's tickets
        Index("ix_tickets_triage_queue", "dispatch_due", "id", postgresql_where=text(TRIAGE_STATUSES),
              sqlite_where=text(TRIAGE_STATUSES)),
        Index("ix_tickets_supervised_open", "complete_due", "id", postgresql_where=text(SUPERVISED_OPEN),
              sqlite_where=text(SUPERVISED_OPEN)),
        Index("ix_tickets_callbacks", "callback_due", "id", postgresql_where=text(CALLBACK_STATUSES),
              sqlite_where=text(CALLBACK_STATUSES)),
        Index("ix_tickets_overdue_open", "created_at", "id", postgresql_where=text(OVERDUE_OPEN),
              sqlite_where=text(OVERDUE_OPEN)),
        # search by text (LIKE '%…%'): trigram indexes on PostgreSQL (plain ones on SQLite)
        Index("ix_tickets_content_trgm", "content", postgresql_using="gin", postgresql_ops={"content": "gin_trgm_ops"}),
        Index("ix_tickets_title_trgm", "title", postgresql_using="gin", postgresql_ops={"title": "gin_trgm_ops"}),
        # partial: a row without the value (or with its intake done) costs these indexes nothing when
        # it is written (migration 0700; the deadline sweep rewrites thousands of open tickets)
        *(Index(f"ix_tickets_{c}", c, postgresql_where=text(f"{c} IS NOT NULL"), sqlite_where=text(f"{c} IS NOT NULL"))
          for c in ("citizen_ref", "contact_phone")),
        Index("ix_tickets_intake_state", "intake_state", postgresql_where=text(INTAKE_UNFINISHED),
              sqlite_where=text(INTAKE_UNFINISHED)),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    channel: Mapped[str] = mapped_column(String(20))
    channel_ref: Mapped[str | None] = mapped_column(String(120))
    idempotency_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    citizen_ref: Mapped[str | None] = mapped_column(String(120))

    appeal_type: Mapped[str] = mapped_column(String(20), default="consult")
    urgency: Mapped[str] = mapped_column(String(20), default="normal")
    category_id: Mapped[int | None] = mapped_column(ForeignKey("categories.id"), index=True)
    title: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[str] = mapped_column(Text)
    place: Mapped[str | None] = mapped_column(String(300))
    district_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))

    contact_name: Mapped[str | None] = mapped_column(String(80))
    contact_phone: Mapped[str | None] = mapped_column(String(40))  # the centre finds a caller (indexed above)
    hide_identity: Mapped[bool] = mapped_column(Boolean, default=False)
    share_contact: Mapped[bool] = mapped_column(Boolean, default=False)

    status: Mapped[str] = mapped_column(String(20), default="received")   # ix_tickets_status_lead
    lead_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    binding_dispatch: Mapped[bool] = mapped_column(Boolean, default=False)

    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)   # ix_tickets_figures
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    dispatch_due: Mapped[datetime | None] = mapped_column(UTCDateTime)
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    first_dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sign_due: Mapped[datetime | None] = mapped_column(UTCDateTime)
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    return_due: Mapped[datetime | None] = mapped_column(UTCDateTime)
    complete_due: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answer_text: Mapped[str | None] = mapped_column(Text)
    callback_due: Mapped[datetime | None] = mapped_column(UTCDateTime)
    callback_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)   # ix_tickets_closed_figures
    solved: Mapped[bool | None] = mapped_column(Boolean)
    satisfaction: Mapped[str | None] = mapped_column(String(20))

    extension_workdays: Mapped[int] = mapped_column(Integer, default=0)
    return_count: Mapped[int] = mapped_column(Integer, default=0)
    reopen_count: Mapped[int] = mapped_column(Integer, default=0)
    signed_on_time: Mapped[bool | None] = mapped_column(Boolean)
    answered_on_time: Mapped[bool | None] = mapped_column(Boolean)
    reply_weak: Mapped[bool | None] = mapped_column(Boolean)   # the latest 工单质检 of the answer (None: unchecked)

    overdue: Mapped[bool] = mapped_column(Boolean, default=False)
    supervision_level: Mapped[str] = mapped_column(String(20), default="none")
    warned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    urged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The earliest moment the deadline sweep acts on this ticket (None: nothing scheduled); kept by
    # hotline.services.next_action. Not indexed here: the database copies it into ticket_schedule
    # (TicketSchedule), which the sweep reads, so a sweep that changes only stamps writes no index of
    # this wide table (see migration 0760).
    next_action_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    intake_state: Mapped[str] = mapped_column(String(20), default="pending")
    intake_attempts: Mapped[int] = mapped_column(Integer, default=0)
    intake_error: Mapped[str | None] = mapped_column(String(500))
    category_confidence: Mapped[float | None] = mapped_column(Float)
    model_version: Mapped[str | None] = mapped_column(String(80))
    triage_reason: Mapped[str | None] = mapped_column(String(300))
    classification: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    routing: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    transcript: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    attachments: Mapped[list | None] = mapped_column(JSON)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    version_id: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version_id}

    category: Mapped[Category | None] = relationship()
    lead_unit: Mapped[Unit | None] = relationship(foreign_keys=[lead_unit_id])
    district: Mapped[Unit | None] = relationship(foreign_keys=[district_id])
    merged_into: Mapped["Ticket | None"] = relationship(remote_side=[id])
    assists: Mapped[list["TicketUnit"]] = relationship(back_populates="ticket", cascade="all, delete-orphan")


# a unit's tickets in the unit lists' order (overdue first, then by completion deadline): read in order
Index("ix_tickets_lead_order", Ticket.lead_unit_id, Ticket.overdue.desc(), Ticket.complete_due, Ticket.id)


class TicketSchedule(Base):
    """The open tickets' ``next_action_at``, narrow and indexed: what the deadline sweep reads.

    Written only by the database (triggers of migration 0760 on ``tickets``: a row when a ticket gets a
    ``next_action_at``, moved with it, removed when it becomes NULL or the ticket goes), so every path
    that writes ``tickets.next_action_at`` — ORM flushes, the intake's Core INSERT, bulk imports, the
    sweep itself — keeps it current in the same statement. Never write it from Python."""

    __tablename__ = "ticket_schedule"

    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True)
    next_action_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class TicketUnit(Base):
    """An assisting unit (协办) of a ticket; the lead unit (主办) is on the ticket itself."""

    __tablename__ = "ticket_units"
    __table_args__ = (UniqueConstraint("ticket_id", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    role: Mapped[str] = mapped_column(String(20), default="assist")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    ticket: Mapped[Ticket] = relationship(back_populates="assists")
    unit: Mapped[Unit] = relationship()


class TicketReturn(Base):
    """退单: a unit says it is not responsible; the centre (or, when repeated, a supervisor) decides."""

    __tablename__ = "ticket_returns"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    suggested_unit: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending/accepted/rejected/arbitrated
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    decided_by: Mapped[str | None] = mapped_column(String(120))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_note: Mapped[str | None] = mapped_column(Text)

    unit: Mapped[Unit] = relationship()


class TicketExtension(Base):
    """延期: asked before the deadline with a reason; approved or refused by the centre."""

    __tablename__ = "ticket_extensions"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    workdays: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending/approved/refused
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_by: Mapped[str | None] = mapped_column(String(120))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_note: Mapped[str | None] = mapped_column(Text)
    old_due: Mapped[datetime | None] = mapped_column(UTCDateTime)
    new_due: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Notice(Base):
    """A message to a unit: 预警, 催办, 督办, 通报, a new dispatch. Sent once per (ticket, kind, stage)."""

    __tablename__ = "notices"
    __table_args__ = (UniqueConstraint("dedupe_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    subject_type: Mapped[str] = mapped_column(String(20), default="ticket")
    subject_id: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    message: Mapped[str] = mapped_column(Text)
    dedupe_key: Mapped[str] = mapped_column(String(160))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class NumberSequence(Base):
    """Per-day counter behind the public ticket number (YYYYMMDD + sequence).

    SQLite: ``last`` is the day's counter, bumped in the intake's transaction (SQLite writes one at a
    time anyway). PostgreSQL: numbers come from ``ticket_number_seq``, which never blocks a concurrent
    intake; ``first_seq`` is the sequence value that is the day's number 1 (set once a day)."""

    __tablename__ = "number_sequences"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)
    first_seq: Mapped[int | None] = mapped_column(BigInteger)


# PostgreSQL only (created by migration 0670): the ticket numbers' sequence, see NumberSequence.
TICKET_NUMBER_SEQ = Sequence("ticket_number_seq", metadata=Base.metadata)
# PostgreSQL: the serial behind tickets.id (the intake takes a new ticket's id before its INSERT). Not
# in the metadata: the column's SERIAL owns it.
TICKET_ID_SEQ = Sequence("tickets_id_seq")


class AuditEvent(Base):
    """Append-only: who did what, from which state to which, why, when."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_subject", "subject_type", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    subject_type: Mapped[str] = mapped_column(String(20), default="ticket")
    subject_id: Mapped[int | None] = mapped_column(Integer)
    actor_type: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[str | None] = mapped_column(String(40))
    actor_name: Mapped[str] = mapped_column(String(120))
    actor_role: Mapped[str | None] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    reason: Mapped[str | None] = mapped_column(Text)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)


class AuditTrailIsAppendOnly(RuntimeError):
    pass


@event.listens_for(AuditEvent, "before_update")
@event.listens_for(AuditEvent, "before_delete")
def _refuse_audit_change(mapper, connection, target):  # pragma: no cover - exercised in tests
    raise AuditTrailIsAppendOnly("audit events are append-only")
