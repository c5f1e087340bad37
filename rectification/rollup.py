"""The daily roll-up of the figures (``metric_daily``): built from the raw tables, read by metrics.compute.

A row holds, for one local day, one view (every view of metrics.VIEWS) and one key, the additive counts
the figures are ratios of (numerators and denominators), grouped by the very same SQL aggregates
``rectification/metrics.py`` runs over the raw tables, with the local day as one more GROUP BY column.
A period's figures are then the sums of its whole, clean, rolled-up days plus the raw aggregates of the
rest (partial days at its edges, days after ``through_day``, days changed since their roll-up), so they
equal the raw computation exactly.

Kept correct by:
- ``metric_dirty``: every ORM flush that touches a review, case, 办件, ticket or return records it
  (models/rollup.py); such a day is read raw until the next refresh rebuilds it;
- ``refresh`` (the sweep hook): rebuilds the dirty days and the days since ``through_day`` up to
  yesterday; the first sweep of each day also the last ``REFRESH_DAYS`` days (a safety net for writes
  that bypass the ORM; setting ``hl.metrics_refresh_days``);
- ``build`` (``hotline reviews rollup [--from --to]``): rebuilds any range, idempotently (delete the
  range, insert it again, in one transaction, under a lock on PostgreSQL).

Any view but ``unit`` narrowed to one unit is computed raw.

The hotline dashboard's counts (hotline/console/figures.py ``day_counts``: volumes, categories,
districts, channels, closed by day; the city's and each lead unit's) are rolled up beside them in
``dashboard_daily``, by the same builds, for the same days, made dirty by the same marks, and read the
same way (``plan`` + ``dashboard_rolled_up``, the rest counted from the tickets).
"""
from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Date, cast, delete, func, insert, select, text
from sqlalchemy.orm import Session

from models import (
    DashboardDaily,
    MetricDaily,
    MetricDirty,
    MetricRollupState,
    RectificationCase,
    Review,
    ServiceCase,
    Ticket,
)
from models.rollup import COUNT_COLUMNS

log = logging.getLogger(__name__)

ROLLUP_VIEWS = ("unit", "window", "staff", "service_item", "channel", "all")
REFRESH_DAYS = 7          # days before yesterday rebuilt by every sweep, whatever the dirty marks say
LOCK_ID = 5_000_500       # pg_advisory_xact_lock key of the roll-up writers


def _local_start(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, datetime.min.time(), tzinfo=tz).astimezone(UTC)


def _local_day(at: datetime, tz: ZoneInfo) -> date:
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(tz).date()


def _day_of(s: Session, tz: ZoneInfo, first: date, last: date):
    """A SQL expression: the local day of a UTC timestamp column; None if the dialect cannot say it."""
    if s.get_bind().dialect.name == "postgresql":
        return lambda col: cast(func.timezone(tz.key, col), Date)
    offsets = {_local_start(d, tz).astimezone(tz).utcoffset() for d in (first, last + timedelta(days=1))}
    probe = first
    while probe <= last and len(offsets) == 1:
        offsets.add(datetime.combine(probe, datetime.min.time(), tzinfo=tz).utcoffset())
        probe += timedelta(days=28)
    if len(offsets) != 1:
        return None           # an offset change in the range: roll up day by day
    secs = int(next(iter(offsets)).total_seconds())
    return lambda col: func.date(col, f"{secs:+d} seconds")


def _parts(s: Session, view: str, start, end, unit_id, day_of) -> list[dict]:
    from rectification import metrics

    return [metrics._review_counts(s, view, start, end, unit_id, day_of),
            metrics._unrated_counts(s, view, start, end, unit_id, day_of),
            metrics._ticket_counts(s, view, start, end, unit_id, day_of)]


def _lock(s: Session) -> None:
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK_ID})


def _build_range(s: Session, tz: ZoneInfo, first: date, last: date) -> int:
    """Delete and insert again the roll-up of the local days [first, last]; returns the rows written."""
    s.execute(delete(MetricDaily).where(MetricDaily.day >= first, MetricDaily.day <= last))
    written = _build_dashboard(s, tz, first, last)
    day_of = _day_of(s, tz, first, last)
    if day_of is None:
        return written + sum(_build_one_day(s, tz, d) for d in _days(first, last))
    start, end = _local_start(first, tz), _local_start(last + timedelta(days=1), tz)
    for view in ROLLUP_VIEWS:
        merged: dict[tuple, dict] = {}
        for part in _parts(s, view, start, end, None, day_of):
            for (d, k), counts in part.items():
                if k is None:
                    continue
                if isinstance(d, str):
                    d = date.fromisoformat(d[:10])
                merged.setdefault((d, str(k)), {}).update(counts)
        written += _insert(s, view, merged)
    return written


def _build_dashboard(s: Session, tz: ZoneInfo, first: date, last: date) -> int:
    """Delete and insert again the dashboard's counts (hotline/console/figures.py) of [first, last]: the
    city's (scope ``*``) and each lead unit's."""
    from hotline.console.figures import day_counts

    s.execute(delete(DashboardDaily).where(DashboardDaily.day >= first, DashboardDaily.day <= last))
    start, end = _local_start(first, tz), _local_start(last + timedelta(days=1), tz)
    counts = day_counts(s, tz, start, end) + day_counts(s, tz, start, end, by_unit=True)
    rows = [{"day": d, "scope": scope, "dim": dim, "key": key, "n": n} for (d, scope, dim, key), n in counts.items()]
    for i in range(0, len(rows), 5000):
        s.execute(insert(DashboardDaily), rows[i:i + 5000])
    return len(rows)


def _build_one_day(s: Session, tz: ZoneInfo, day: date) -> int:
    start, end = _local_start(day, tz), _local_start(day + timedelta(days=1), tz)
    written = 0
    for view in ROLLUP_VIEWS:
        merged: dict[tuple, dict] = {}
        for part in _parts(s, view, start, end, None, None):
            for k, counts in part.items():
                if k is not None:
                    merged.setdefault((day, str(k)), {}).update(counts)
        written += _insert(s, view, merged)
    return written


def _insert(s: Session, view: str, merged: dict[tuple, dict]) -> int:
    rows = [{"view": view, "day": d, "key": k, **{c: int(counts.get(c) or 0) for c in COUNT_COLUMNS}}
            for (d, k), counts in merged.items()]
    for i in range(0, len(rows), 5000):
        s.execute(insert(MetricDaily), rows[i:i + 5000])
    return len(rows)


def _days(first: date, last: date):
    d = first
    while d <= last:
        yield d
        d += timedelta(days=1)


def _runs(days) -> list[tuple[date, date]]:
    """Sorted days → runs of consecutive days [(first, last), …]."""
    runs: list[list[date]] = []
    for d in sorted(set(days)):
        if runs and d == runs[-1][1] + timedelta(days=1):
            runs[-1][1] = d
        else:
            runs.append([d, d])
    return [(a, b) for a, b in runs]


def _earliest(s: Session) -> datetime | None:
    values = [s.scalar(select(func.min(Review.rated_at))), s.scalar(select(func.min(ServiceCase.completed_at))),
              s.scalar(select(func.min(Ticket.created_at))), s.scalar(select(func.min(Ticket.closed_at))),
              s.scalar(select(func.min(RectificationCase.opened_at)))]
    values = [v if v.tzinfo else v.replace(tzinfo=UTC) for v in values if v is not None]
    return min(values) if values else None


def _dirty(s: Session, tz: ZoneInfo) -> tuple[list[int], set[date]]:
    """The ids of the dirty marks and the local days they stand for."""
    ids = list(s.scalars(select(MetricDirty.id)))
    if not ids:
        return [], set()
    d = MetricDirty
    moments = list(s.scalars(select(d.at).where(d.at.is_not(None))))
    tickets = select(d.ticket_id).where(d.ticket_id.is_not(None))
    for created, closed in s.execute(select(Ticket.created_at, Ticket.closed_at).where(Ticket.id.in_(tickets))):
        moments += [created, closed]
    reviews = select(d.review_id).where(d.review_id.is_not(None))
    moments += list(s.scalars(select(Review.rated_at).where(Review.id.in_(reviews))))
    moments += list(s.scalars(select(RectificationCase.opened_at).where(RectificationCase.review_id.in_(reviews))))
    numbers = select(d.case_number).where(d.case_number.is_not(None))
    moments += list(s.scalars(select(ServiceCase.completed_at).where(ServiceCase.case_number.in_(numbers))))
    return ids, {_local_day(m, tz) for m in moments if m is not None}


def state(s: Session) -> MetricRollupState | None:
    return s.get(MetricRollupState, 1)


def build(hl, first: date | None = None, last: date | None = None, *, now: datetime | None = None) -> dict:
    """Rebuild the local days [first, last] (default: the first day with data … yesterday); the range
    covered grows to include them (and any gap between). One transaction."""
    tz = hl.calendar.tz
    now = now or hl.now()
    yesterday = _local_day(now, tz) - timedelta(days=1)
    with hl.uow() as uow:
        s = uow.session
        _lock(s)
        st = state(s)
        if first is None:
            earliest = _earliest(s)
            first = _local_day(earliest, tz) if earliest else yesterday
            if st is not None:
                first = min(first, st.from_day)
        last = last or yesterday
        last = max(last, first)
        ids, _ = _dirty(s, tz)
        runs = [(first, last)]
        if st is not None:
            if st.tz != tz.key:
                runs = [(min(first, st.from_day), max(last, st.through_day))]
            else:
                if first > st.through_day + timedelta(days=1):
                    runs.append((st.through_day + timedelta(days=1), first - timedelta(days=1)))
                if last < st.from_day - timedelta(days=1):
                    runs.append((last + timedelta(days=1), st.from_day - timedelta(days=1)))
        written = sum(_build_range(s, tz, a, b) for a, b in runs)
        new_from = min(a for a, _ in runs) if st is None else min(st.from_day, *(a for a, _ in runs))
        new_through = max(b for _, b in runs) if st is None else max(st.through_day, *(b for _, b in runs))
        if st is None:
            s.add(MetricRollupState(id=1, tz=tz.key, from_day=new_from, through_day=new_through, refreshed_at=now))
        else:
            st.tz, st.from_day, st.through_day, st.refreshed_at = tz.key, new_from, new_through, now
        if sum((b - a).days + 1 for a, b in runs) == (new_through - new_from).days + 1:
            # the whole covered range was rebuilt: every dirty mark read above is settled
            s.execute(delete(MetricDirty).where(MetricDirty.id.in_(ids)))
        uow.commit()
    return {"from": new_from.isoformat(), "through": new_through.isoformat(), "rows": written,
            "days": sum((b - a).days + 1 for a, b in runs)}


def refresh(hl, now: datetime | None = None, *, days: int | None = None) -> dict:
    """The sweep's step: rebuild the dirty days, the days up to yesterday and the last ``days`` days."""
    tz = hl.calendar.tz
    now = now or hl.now()
    if days is None:
        days = REFRESH_DAYS if hl.metrics_refresh_days is None else hl.metrics_refresh_days
    with hl.sessions() as s:
        st = state(s)
    if st is None or st.tz != tz.key:
        return build(hl, now=now)
    yesterday = _local_day(now, tz) - timedelta(days=1)
    with hl.uow() as uow:
        s = uow.session
        _lock(s)
        st = state(s)
        ids, dirty = _dirty(s, tz)
        wanted = {d for d in dirty if st.from_day <= d <= st.through_day}
        wanted |= set(_days(st.through_day + timedelta(days=1), yesterday))
        if days > 0 and (st.refreshed_at is None or _local_day(st.refreshed_at, tz) != _local_day(now, tz)):
            # once a day, the first sweep of the day: the safety window
            wanted |= set(_days(max(st.from_day, yesterday - timedelta(days=days - 1)), yesterday))
        runs = _runs(wanted)
        written = sum(_build_range(s, tz, a, b) for a, b in runs)
        st.through_day = max(st.through_day, yesterday)
        st.refreshed_at = now
        s.execute(delete(MetricDirty).where(MetricDirty.id.in_(ids)))
        uow.commit()
    return {"days": sum((b - a).days + 1 for a, b in runs), "rows": written, "through": st.through_day.isoformat()}


# ----------------------------------------------------------------------------------------- reading

def plan(s: Session, view: str, start: datetime | None, end: datetime | None, unit_id: int | None):
    """(roll-up days, raw intervals) for a period, or None when the view is computed raw entirely."""
    if view not in ROLLUP_VIEWS or (unit_id is not None and view != "unit"):
        return None
    st = state(s)
    if st is None:
        return None
    tz = ZoneInfo(st.tz)
    first = st.from_day
    if start is not None:
        d0 = _local_day(start, tz)
        first = max(first, d0 if _local_start(d0, tz) == start else d0 + timedelta(days=1))
    last = st.through_day
    if end is not None:
        last = min(last, _local_day(end, tz) - timedelta(days=1))
    if first > last:
        return None
    _, dirty = _dirty(s, tz)
    dirty = sorted(d for d in dirty if first <= d <= last)
    if len(dirty) == (last - first).days + 1:
        return None
    raw = []
    if start is None or start < _local_start(first, tz):
        raw.append((start, _local_start(first, tz)))
    for a, b in _runs(dirty):
        raw.append((_local_start(a, tz), _local_start(b + timedelta(days=1), tz)))
    after = _local_start(last + timedelta(days=1), tz)
    if end is None or after < end:
        raw.append((after, end))
    return (first, last), dirty, raw


def rolled_up(s: Session, view: str, span: tuple[date, date], dirty: list[date],
              unit_id: int | None) -> dict[Any, dict]:
    """The summed counts of the days of ``span`` but the dirty ones, by key."""
    m = MetricDaily
    cols = [getattr(m, c) for c in COUNT_COLUMNS]
    stmt = (select(m.key, *(func.sum(c).label(c.key) for c in cols))
            .where(m.view == view, m.day >= span[0], m.day <= span[1])
            .group_by(m.key))
    if dirty:
        stmt = stmt.where(m.day.not_in(dirty))
    if unit_id is not None:
        stmt = stmt.where(m.key == str(unit_id))
    out = {}
    for row in s.execute(stmt):
        key = int(row.key) if view in ("unit", "window") else row.key
        out[key] = {c: int(getattr(row, c) or 0) for c in COUNT_COLUMNS}
    return out


def dashboard_rolled_up(s: Session, span: tuple[date, date], dirty: list[date], unit_id: int | None,
                        received_by_day: dict, sums: dict) -> None:
    """Add the dashboard's counts of the days of ``span`` but the dirty ones (the city's, or one lead
    unit's) to ``received_by_day`` (per day received) and ``sums`` (by (dim, key))."""
    from hotline.console.figures import RECEIVED

    m = DashboardDaily
    where = [m.scope == ("*" if unit_id is None else str(unit_id)), m.day >= span[0], m.day <= span[1]]
    if dirty:
        where.append(m.day.not_in(dirty))
    for day, n in s.execute(select(m.day, m.n).where(*where, m.dim == RECEIVED)):
        received_by_day[day] += n
        sums[RECEIVED, ""] += n
    for dim, key, n in s.execute(select(m.dim, m.key, func.sum(m.n)).where(*where, m.dim != RECEIVED)
                                 .group_by(m.dim, m.key)):
        sums[dim, key] += int(n)


def sweep_hook(hl, now: datetime, report) -> None:
    """Keep the roll-up fresh on every deadline sweep (a failure leaves the figures exact: read raw)."""
    try:
        report.extra["metric_rollup"] = refresh(hl, now)
    except Exception:
        report.errors += 1
        log.exception("metric roll-up refresh failed")
