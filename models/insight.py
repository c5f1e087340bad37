"""Seeing the city's problems: the index of repeat appeals, hotspots, the knowledge base, reply checks.

``matter_keys`` is the look-up index of 并单: one row per (ticket, place key) — every concrete place a
ticket names and its street — so the earlier open tickets about one place in a time window are found
with an index range scan on (key, created_at), never a scan of the tickets.
"""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, utcnow


class MatterKey(Base):
    """A place key of a ticket (``p:四新中路``, ``s:<street code>``) for finding repeat appeals."""

    __tablename__ = "matter_keys"
    __table_args__ = (
        UniqueConstraint("ticket_id", "key"),
        Index("ix_matter_keys_key_created", "key", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MatterIndexState(Base):
    """One row (id 1): the reading (``hotline.services.similar.reading_fingerprint``) the open tickets'
    ``matter_keys`` were written by, and a re-index under way towards a newer one (``target``, the last
    ticket id done in ``cursor``) — the sweep brings the keys up to the running code by itself."""

    __tablename__ = "matter_index_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str | None] = mapped_column(String(64))
    target: Mapped[str | None] = mapped_column(String(64))
    cursor: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Hotspot(Base):
    """One matter many citizens raise at once: at one place, or one problem spreading across places."""

    __tablename__ = "hotspots"
    __table_args__ = (UniqueConstraint("signature"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    signature: Mapped[str] = mapped_column(String(200))      # kind + place + problem: stable across runs
    kind: Mapped[str] = mapped_column(String(20))            # local / spread
    description: Mapped[str] = mapped_column(String(300))
    places: Mapped[list | None] = mapped_column(JSON)
    concepts: Mapped[list | None] = mapped_column(JSON)
    ticket_ids: Mapped[list | None] = mapped_column(JSON)
    appeals: Mapped[int] = mapped_column(Integer, default=0)
    citizens: Mapped[int] = mapped_column(Integer, default=0)
    growth: Mapped[int] = mapped_column(Integer, default=0)
    heat: Mapped[float] = mapped_column(Float, default=0.0, index=True)
    first_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    alerted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class KbArticle(Base):
    """A knowledge-base article; its text history is in ``kb_article_versions``."""

    __tablename__ = "kb_articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    # the article's key in the city's own file (``hotline kb import``: 编号): a file imported again finds the article
    # by it even when its title changed; empty for articles written in the console
    ref: Mapped[str | None] = mapped_column(String(100), index=True)
    questions: Mapped[list | None] = mapped_column(JSON)      # question variants in citizens' words
    answer: Mapped[str] = mapped_column(Text)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    source: Mapped[str | None] = mapped_column(String(300))   # the document it rests on
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    review_date: Mapped[date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)  # draft / approved / retired
    version: Mapped[int] = mapped_column(Integer, default=1)
    origin_ticket_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    approved_by: Mapped[str | None] = mapped_column(String(120))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    stale_notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class KbArticleVersion(Base):
    __tablename__ = "kb_article_versions"
    __table_args__ = (UniqueConstraint("article_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("kb_articles.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(200))
    questions: Mapped[list | None] = mapped_column(JSON)
    answer: Mapped[str] = mapped_column(Text)
    edited_by: Mapped[str] = mapped_column(String(120))
    edited_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    note: Mapped[str | None] = mapped_column(String(300))


class ReplyCheck(Base):
    """工单质检: the scores of one unit answer, each with a sentence saying why."""

    __tablename__ = "reply_checks"

    id: Mapped[int] = mapped_column(primary_key=True)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    total: Mapped[float] = mapped_column(Float)
    weak: Mapped[bool] = mapped_column(Boolean, default=False)
    scores: Mapped[dict[str, Any] | None] = mapped_column(JSON)   # name → {score, why}
