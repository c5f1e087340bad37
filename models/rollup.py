"""The daily roll-up of the figures' counts (see rectification/rollup.py and docs/metrics.md).

``metric_daily`` holds, per local day, view and key, the additive counts the figures are ratios of;
``metric_rollup_state`` says which days it covers; ``metric_dirty`` lists what changed since the last
refresh, so a day touched after it was rolled up is computed from the raw tables until refreshed.
Every ORM flush that adds, changes or deletes a review, rectification case, 办件, ticket or return
marks it here (``before_flush`` below), in the same transaction as the change.
"""
from __future__ import annotations

from datetime import date, datetime
from itertools import chain

from sqlalchemy import Date, Integer, String, event, insert, inspect
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.orm.attributes import get_history

from models.base import Base, UTCDateTime, utcnow

COUNT_COLUMNS = (
    "rated", "good", "active", "active_good", "default", "bad", "bad_replied", "bad_rectified", "follow_up",
    "follow_up_ok", "rateable", "unrated", "tickets", "signed", "signed_on_time", "answered", "answered_on_time",
    "called_back", "solved", "satisfaction_given", "satisfied", "dispatched", "returned", "visited", "reopened",
    "reply_checked", "reply_ok",
)


class MetricDaily(Base):
    """Additive counts of one local day for one key of one view (unit, window, staff, service_item, channel, all)."""

    __tablename__ = "metric_daily"

    view: Mapped[str] = mapped_column(String(16), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    rated: Mapped[int] = mapped_column(Integer, default=0)
    good: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[int] = mapped_column(Integer, default=0)
    active_good: Mapped[int] = mapped_column(Integer, default=0)
    default: Mapped[int] = mapped_column(Integer, default=0)
    bad: Mapped[int] = mapped_column(Integer, default=0)
    bad_replied: Mapped[int] = mapped_column(Integer, default=0)
    bad_rectified: Mapped[int] = mapped_column(Integer, default=0)
    follow_up: Mapped[int] = mapped_column(Integer, default=0)
    follow_up_ok: Mapped[int] = mapped_column(Integer, default=0)
    rateable: Mapped[int] = mapped_column(Integer, default=0)
    unrated: Mapped[int] = mapped_column(Integer, default=0)
    tickets: Mapped[int] = mapped_column(Integer, default=0)
    signed: Mapped[int] = mapped_column(Integer, default=0)
    signed_on_time: Mapped[int] = mapped_column(Integer, default=0)
    answered: Mapped[int] = mapped_column(Integer, default=0)
    answered_on_time: Mapped[int] = mapped_column(Integer, default=0)
    called_back: Mapped[int] = mapped_column(Integer, default=0)
    solved: Mapped[int] = mapped_column(Integer, default=0)
    satisfaction_given: Mapped[int] = mapped_column(Integer, default=0)
    satisfied: Mapped[int] = mapped_column(Integer, default=0)
    dispatched: Mapped[int] = mapped_column(Integer, default=0)
    returned: Mapped[int] = mapped_column(Integer, default=0)
    visited: Mapped[int] = mapped_column(Integer, default=0)
    reopened: Mapped[int] = mapped_column(Integer, default=0)
    reply_checked: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    reply_ok: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class DashboardDaily(Base):
    """The dashboard's counts (hotline/console/figures.py) of the tickets received on one local day:
    ``scope`` is ``*`` (every ticket) or a lead unit's id; ``dim`` one of the dashboard's counts (its
    volumes, ``category``, ``district``, ``channel``, ``closed`` = by local day closed) and ``key`` the
    group within it. Built, kept and read with metric_daily (same days, dirty marks and state)."""

    __tablename__ = "dashboard_daily"

    scope: Mapped[str] = mapped_column(String(16), primary_key=True)    # first: a scope's days are one range
    day: Mapped[date] = mapped_column(Date, primary_key=True, index=True)   # the build deletes by day
    dim: Mapped[str] = mapped_column(String(16), primary_key=True)
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, default=0)


class MetricRollupState(Base):
    """One row (id 1): the local days ``[from_day, through_day]`` metric_daily covers, in time zone ``tz``."""

    __tablename__ = "metric_rollup_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    tz: Mapped[str] = mapped_column(String(64))
    from_day: Mapped[date] = mapped_column(Date)
    through_day: Mapped[date] = mapped_column(Date)
    refreshed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MetricDirty(Base):
    """Something a figure counts changed: a moment (``at``) or a row whose moments are looked up."""

    __tablename__ = "metric_dirty"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ticket_id: Mapped[int | None] = mapped_column(Integer)
    review_id: Mapped[int | None] = mapped_column(Integer)
    case_number: Mapped[str | None] = mapped_column(String(60))


def _values(obj, attr: str) -> list:
    hist = get_history(obj, attr, passive=True)
    out = [getattr(obj, attr, None)]
    out += list(hist.deleted or ())
    return [v for v in out if v is not None]


def _marks(obj) -> list[dict]:
    from models.reviews import RectificationCase, Review, ServiceCase
    from models.tickets import Ticket, TicketReturn

    if isinstance(obj, Review):
        marks = [{"at": at} for at in _values(obj, "rated_at")]
        marks.append({"ticket_id": obj.ticket_id, "case_number": obj.case_number, "review_id": obj.id})
        return marks
    if isinstance(obj, RectificationCase):
        return [{"at": at} for at in _values(obj, "opened_at")] + [{"review_id": obj.review_id}]
    if isinstance(obj, ServiceCase):
        return [{"at": at} for at in _values(obj, "completed_at")] + [{"case_number": obj.case_number}]
    if isinstance(obj, Ticket):
        return ([{"at": at} for at in _values(obj, "created_at") + _values(obj, "closed_at")]
                + [{"ticket_id": obj.id}])
    if isinstance(obj, TicketReturn):
        return [{"ticket_id": obj.ticket_id}]
    return []


@event.listens_for(Session, "before_flush")
def _mark_dirty(session: Session, flush_context, instances) -> None:
    objs = list(chain(session.new, session.dirty, session.deleted))
    if objs:
        mark_dirty(session, objs)


def mark_dirty(session: Session, objs) -> None:
    """Insert the ``metric_dirty`` marks of ``objs`` (added, changed or deleted rows) in ``session``'s
    transaction: from every ORM flush, and from code that writes rows with Core statements instead."""
    rows = dirty_rows(objs)
    if rows:
        conn = session.connection()
        if not _has_table(conn):
            return
        conn.execute(insert(MetricDirty.__table__), rows)


def dirty_rows(objs) -> list[dict]:
    """The distinct ``metric_dirty`` rows that mark ``objs`` (each with every key)."""
    rows = []
    for obj in objs:
        for mark in _marks(obj):
            row = {k: mark.get(k) for k in ("at", "ticket_id", "review_id", "case_number")}
            if any(v is not None for v in row.values()):
                rows.append(row)
    return [dict(t) for t in dict.fromkeys(tuple(sorted(r.items())) for r in rows)]


_HAVE_TABLE: set = set()


def _has_table(conn) -> bool:
    """A database still before migration 0500 has nowhere to mark (only a positive answer is cached)."""
    url = str(conn.engine.url)
    if url not in _HAVE_TABLE:
        if not inspect(conn).has_table(MetricDirty.__tablename__):
            return False
        _HAVE_TABLE.add(url)
    return True
