"""好差评: windows (一窗一码), service cases (办件), reviews, rectification cases, evidence, appeals."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (JSON, Boolean, ForeignKey, Index, Integer, SmallInteger, String, Text, UniqueConstraint,
                        text)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime, utcnow
from models.core import Unit
from models.tickets import Ticket


class Window(Base):
    """A service window or evaluation point with its own code (一窗一码)."""

    __tablename__ = "windows"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    hall: Mapped[str] = mapped_column(String(120), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    unit: Mapped[Unit] = relationship()


class ServiceCase(Base):
    """A 办件 handled at a window or online: what can be rated, and is 未评 until it is."""

    __tablename__ = "service_cases"
    __table_args__ = (Index("ix_service_cases_figures", "completed_at",
                            postgresql_include=["unit_id", "rated_at"]),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_number: Mapped[str] = mapped_column(String(60), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    window_id: Mapped[int | None] = mapped_column(ForeignKey("windows.id"), index=True)
    staff_number: Mapped[str | None] = mapped_column(String(40))
    staff_name: Mapped[str | None] = mapped_column(String(80))
    service_item_code: Mapped[str | None] = mapped_column(String(60))
    service_item_name: Mapped[str | None] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(20), default="window")
    citizen_ref: Mapped[str | None] = mapped_column(String(120))
    accepted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    rated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)      # first active (not default) rating


class Review(Base):
    """One rating of a window visit, a 办件 or a hotline ticket, at one stage (受理 / 办结)."""

    __tablename__ = "reviews"
    __table_args__ = (
        UniqueConstraint("subject_key", "stage"),
        UniqueConstraint("channel", "channel_ref"),
        Index("ix_reviews_unit_rated", "unit_id", "rated_at"),
        # the figures: an index-only scan by period on PostgreSQL (see bench/bench_metrics.py)
        Index("ix_reviews_figures", "rated_at",
              postgresql_include=["unit_id", "level", "is_default", "excluded", "id"]),
        Index("ix_reviews_ticket_active", "ticket_id",
              postgresql_where=text("ticket_id IS NOT NULL AND NOT is_default")),
        Index("ix_reviews_excluded", "id", postgresql_where=text("excluded"), sqlite_where=text("excluded")),
        # the names of the staff and service-item views: max(name) of one key from the index alone
        Index("ix_reviews_staff_name", "staff_number", "staff_name"),
        Index("ix_reviews_item_name", "service_item_code", "service_item_name"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    target: Mapped[str] = mapped_column(String(10))                 # window | ticket | case
    subject_key: Mapped[str | None] = mapped_column(String(160))    # what "one rating per … and stage" means
    stage: Mapped[str] = mapped_column(String(10), default="complete")
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    window_id: Mapped[int | None] = mapped_column(ForeignKey("windows.id"), index=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"), index=True)
    case_number: Mapped[str | None] = mapped_column(String(60), index=True)
    staff_number: Mapped[str | None] = mapped_column(String(40))
    staff_name: Mapped[str | None] = mapped_column(String(80))
    service_item_code: Mapped[str | None] = mapped_column(String(60))
    service_item_name: Mapped[str | None] = mapped_column(String(200))

    channel: Mapped[str] = mapped_column(String(20))
    channel_ref: Mapped[str | None] = mapped_column(String(120))
    idempotency_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    level: Mapped[int] = mapped_column(SmallInteger)
    reason_tags: Mapped[list] = mapped_column(JSON, default=list)
    text: Mapped[str | None] = mapped_column(Text)

    rater_type: Mapped[str] = mapped_column(String(10), default="person")
    real_name: Mapped[bool] = mapped_column(Boolean, default=False)
    rater_name: Mapped[str | None] = mapped_column(String(80))
    rater_phone: Mapped[str | None] = mapped_column(String(40))
    citizen_ref: Mapped[str | None] = mapped_column(String(120))

    is_default: Mapped[bool] = mapped_column(Boolean, default=False)   # 默认评价: never an active rating
    excluded: Mapped[bool] = mapped_column(Boolean, default=False)     # appeal upheld: out of the figures
    excluded_reason: Mapped[str | None] = mapped_column(Text)
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)      # level and text contradict
    flag_reason: Mapped[str | None] = mapped_column(String(300))

    rated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    extra: Mapped[dict[str, Any] | None] = mapped_column(JSON)

    unit: Mapped[Unit] = relationship()
    window: Mapped[Window | None] = relationship()
    case: Mapped["RectificationCase | None"] = relationship(back_populates="review", uselist=False)


class RectificationCase(Base):
    """The loop a 差评 opens: 回访核实 → 认定 → 整改 → 答复 → 追评 → 督查验收."""

    __tablename__ = "rectification_cases"
    __table_args__ = (Index("ix_rect_status_unit", "status", "unit_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default="opened")
    real_name: Mapped[bool] = mapped_column(Boolean, default=False)
    handler_id: Mapped[str | None] = mapped_column(String(40))
    handler_name: Mapped[str | None] = mapped_column(String(120))

    opened_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    contact_due: Mapped[datetime] = mapped_column(UTCDateTime)
    rectify_due: Mapped[datetime] = mapped_column(UTCDateTime, index=True)

    callback_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    callback_outcome: Mapped[str | None] = mapped_column(String(20))
    callback_note: Mapped[str | None] = mapped_column(Text)
    callback_on_time: Mapped[bool | None] = mapped_column(Boolean)
    callback_attempts: Mapped[list | None] = mapped_column(JSON)       # every call: at, outcome, note
    finding: Mapped[str | None] = mapped_column(String(20))
    finding_note: Mapped[str | None] = mapped_column(Text)
    found_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    replied_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reply_text: Mapped[str | None] = mapped_column(Text)
    replied_on_time: Mapped[bool | None] = mapped_column(Boolean)
    follow_up: Mapped[str | None] = mapped_column(String(20))
    follow_up_text: Mapped[str | None] = mapped_column(Text)
    follow_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sent_back_count: Mapped[int] = mapped_column(Integer, default=0)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[str | None] = mapped_column(String(120))

    overdue: Mapped[bool] = mapped_column(Boolean, default=False)
    contact_overdue: Mapped[bool] = mapped_column(Boolean, default=False)
    supervision_level: Mapped[str] = mapped_column(String(20), default="none")
    warned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    urged_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    next_action_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)  # see hotline.services.next_action
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    version_id: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = {"version_id_col": version_id}

    review: Mapped[Review] = relationship(back_populates="case")
    unit: Mapped[Unit] = relationship()
    actions: Mapped[list["RectificationAction"]] = relationship(
        back_populates="case", order_by="RectificationAction.id", cascade="all, delete-orphan")


class RectificationAction(Base):
    """A rectification step with its evidence; files live under uploads_dir, metadata here."""

    __tablename__ = "rectification_actions"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("rectification_cases.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    attachments: Mapped[list] = mapped_column(JSON, default=list)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    case: Mapped[RectificationCase] = relationship(back_populates="actions")


class ReviewAppeal(Base):
    """申诉复核: a unit says a review is 误评 or 恶意; a supervisor upholds or rejects it."""

    __tablename__ = "review_appeals"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id"), unique=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))                   # mistaken | malicious
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending | upheld | rejected
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    decided_by: Mapped[str | None] = mapped_column(String(120))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    decision_reason: Mapped[str | None] = mapped_column(Text)

    review: Mapped[Review] = relationship()


class Assessment(Base):
    """综合点评 (社会各界: appointed observers 监督员) and 监督查评 (government supervisors) of a window,
    a unit or the hotline: kept apart from citizens' ratings, and out of their figures."""

    __tablename__ = "assessments"
    __table_args__ = (Index("ix_assessments_kind_at", "kind", "assessed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))                   # comprehensive | inspection
    target: Mapped[str] = mapped_column(String(10))                 # window | unit | hotline
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    window_id: Mapped[int | None] = mapped_column(ForeignKey("windows.id"))
    level: Mapped[int] = mapped_column(SmallInteger)
    findings: Mapped[list] = mapped_column(JSON, default=list)      # reason tags / inspection items
    text: Mapped[str | None] = mapped_column(Text)
    assessor: Mapped[str] = mapped_column(String(120))              # the observer's or inspector's name
    recorded_by: Mapped[str] = mapped_column(String(120))
    assessed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    unit: Mapped[Unit] = relationship()
    window: Mapped[Window | None] = relationship()


# Covering indexes on the core's tickets table for the hotline figures (GROUP BY over a period).
Index("ix_tickets_figures", Ticket.created_at,
      postgresql_include=["lead_unit_id", "channel", "signed_on_time", "answered_on_time", "solved", "satisfaction",
                          "first_dispatched_at", "return_count", "callback_at", "reopen_count"])
Index("ix_tickets_closed_figures", Ticket.closed_at, postgresql_include=["lead_unit_id", "status", "id"])
