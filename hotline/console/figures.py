"""What the dashboards show: volumes, trends and breakdowns of the tickets, beside the official
figures and the ranking, which are read from ``rectification.metrics`` (the one place every rate,
the 综合得分 and 末位 are defined — see docs/metrics.md).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, select

from hotline import scope
from hotline.domain.vocab import TICKET_TERMINAL_CODES, Channel, Role, UnitKind
from hotline.services.actors import Actor
from models import Category, Ticket, TicketExtension, Unit
from rectification import metrics


def percent(value: float | None) -> str:
    """A ratio (0–1) as the consoles print it; "—" when nothing was counted."""
    return "—" if value is None else f"{value * 100:.1f}%"


@dataclass
class Figures:
    start: date
    end: date
    received: int = 0
    dispatched: int = 0
    closed: int = 0
    open_overdue: int = 0
    official: dict[str, Any] = field(default_factory=dict)   # the metrics row of the unit or the city
    trend: list[tuple[str, int, int]] = field(default_factory=list)   # (day, received, closed)
    by_category: list[tuple[str, int]] = field(default_factory=list)
    by_district: list[tuple[str, int]] = field(default_factory=list)
    by_channel: list[tuple[str, int]] = field(default_factory=list)

    def _figure_cards(self, group: str) -> list[tuple[str, str, str]]:
        counts = self.official.get("counts") or {}
        return [(f.label, percent(self.official.get(f.key)),
                 f"{counts.get(f.numerator, 0)} / {counts.get(f.denominator, 0)}")
                for f in metrics.FIGURES if f.group == group]

    def cards(self) -> list[tuple[str, Any, str]]:
        """The hotline cards: volumes, then the hotline figures (value, numerator / denominator)."""
        return [("受理量", self.received, "件"), ("已派单", self.dispatched, "件"), ("已办结", self.closed, "件"),
                ("在办超期", self.open_overdue, "件"), *self._figure_cards("hotline")]

    def review_cards(self) -> list[tuple[str, Any, str]]:
        """The 好差评 cards: the number of ratings and 差评, then the six 好差评 figures."""
        counts = self.official.get("counts") or {}
        return [("评价数", counts.get("rated", 0), "件"), ("差评数", counts.get("bad", 0), "件"),
                *self._figure_cards("review")]


def compute(hl, *, actor: Actor, days: int = 30, unit_code: str | None = None, rollup: bool = True) -> Figures:
    """The last ``days`` days (tickets by intake time); unit staff always get their own unit. The whole,
    unchanged days the daily roll-up holds are read from it (``dashboard_daily``), the rest (today, days
    changed since their roll-up) counted from the tickets by ``day_counts`` — the same counts either way
    (``rollup=False``: all counted from the tickets, the baseline of bench/bench_pages.py)."""
    from rectification import rollup as daily

    days = max(1, min(int(days), 366))
    start, end = metrics.recent_bounds(hl, days)
    start_day, end_day = hl.calendar.local_date(start), hl.calendar.local_date(end) - timedelta(days=1)
    figs = Figures(start=start_day, end=end_day)
    received_by_day: Counter[date] = Counter()
    sums: Counter[tuple[str, str]] = Counter()
    with hl.reader().sessions() as s:   # the read replica when one is set
        unit_id = scope.unit_only(actor)
        if unit_id is None and unit_code:
            unit_id = s.scalar(select(Unit.id).where(Unit.code == unit_code))
        plan = daily.plan(s, "all", start, end, None) if rollup else None
        raw = [(start, end)]
        if plan is not None:
            span, dirty, raw = plan
            daily.dashboard_rolled_up(s, span, dirty, unit_id, received_by_day, sums)
        for a, b in raw:
            for (day, _, dim, key), n in day_counts(s, hl.calendar.tz, a, b, unit_id=unit_id).items():
                if dim == RECEIVED:
                    received_by_day[day] += n
                sums[dim, key] += n
        cats = {c.id: c for c in s.scalars(select(Category))}
        districts = dict(s.execute(select(Unit.id, Unit.name).where(Unit.kind == "district")).all())
        code = s.scalar(select(Unit.code).where(Unit.id == unit_id)) if unit_id is not None else None
    if code is not None:
        figs.official = metrics.row_of(metrics.figures(hl, view="unit", start=start, end=end, unit=code)["rows"])
    else:
        figs.official = metrics.row_of(metrics.figures(hl, view="all", start=start, end=end)["rows"])
    figs.received = sum(received_by_day.values())
    figs.dispatched, figs.closed, figs.open_overdue = (sums[dim, ""] for dim in (DISPATCHED, CLOSED, OPEN_OVERDUE))
    per_day: dict[date, list[int]] = {start_day + timedelta(days=i): [received_by_day[start_day + timedelta(days=i)], 0]
                                      for i in range(days)}
    by_cat: Counter[str] = Counter()
    by_district: Counter[str] = Counter()
    by_channel: Counter[str] = Counter()
    for (dim, key), n in sums.items():
        if dim == CLOSED_ON:
            day = date.fromisoformat(key)
            if day in per_day:
                per_day[day][1] += n
        elif dim == CATEGORY:
            cat = cats.get(int(key)) if key else None
            while cat is not None and cat.parent_id is not None:
                cat = cats.get(cat.parent_id)
            by_cat[cat.name if cat else "未分类"] += n
        elif dim == DISTRICT:
            by_district[districts.get(int(key) if key else None, "未识别区域")] += n
        elif dim == CHANNEL:
            try:
                by_channel[Channel(key).label] += n
            except ValueError:
                by_channel[key] += n
    figs.trend = [(d.strftime("%m-%d"), v[0], v[1]) for d, v in sorted(per_day.items()) if start_day <= d <= end_day]
    figs.by_category = by_cat.most_common(10)
    figs.by_district = by_district.most_common(14)
    figs.by_channel = by_channel.most_common()
    return figs


# The dashboard's counts (the ``dim`` of dashboard_daily): its volumes, then its breakdowns, keyed by group.
RECEIVED, DISPATCHED, CLOSED, OPEN_OVERDUE = "received", "dispatched", "closed", "open_overdue"
CATEGORY, DISTRICT, CHANNEL, CLOSED_ON = "category", "district", "channel", "closed_on"


def day_counts(s, tz: ZoneInfo, start: datetime, end: datetime, *, unit_id: int | None = None,
               by_unit: bool = False) -> Counter[tuple[date, str, str, str]]:
    """The one definition of the dashboard's counts, over the tickets received in [start, end) (local-day
    bounds), by local day received: ``{(day, scope, dim, key): n}`` — ``scope`` the lead unit's id when
    ``by_unit`` (tickets without one left out), else ``*``; ``key`` the group ('' for none). Counted by the
    database (a period can hold a year of a province's tickets); read raw by ``compute`` and rolled up
    by rectification/rollup.py."""
    from rectification.rollup import _day_of, _local_day, _local_start

    first, last = _local_day(start, tz), _local_day(end, tz) - timedelta(days=1)
    day_of = _day_of(s, tz, first, last)
    if day_of is None:         # an offset change in the period: day by day
        out: Counter[tuple[date, str, str, str]] = Counter()
        day = first
        while day <= last:
            out.update(_counts(s, tz, _local_start(day, tz), _local_start(day + timedelta(days=1), tz),
                               unit_id, by_unit, None, day))
            day += timedelta(days=1)
        return out
    return _counts(s, tz, start, end, unit_id, by_unit, day_of, None)


def _counts(s, tz: ZoneInfo, start, end, unit_id, by_unit: bool, day_of, fixed_day) -> Counter:
    from rectification.rollup import _day_of, _local_day

    period = [Ticket.created_at >= start, Ticket.created_at < end]
    if unit_id is not None:
        period.append(Ticket.lead_unit_id == unit_id)
    grp: list[Any] = [] if day_of is None else [day_of(Ticket.created_at)]
    if by_unit:
        period.append(Ticket.lead_unit_id.is_not(None))
        grp.append(Ticket.lead_unit_id)

    def head(row) -> tuple[date, str]:
        day = fixed_day if day_of is None else _as_date(row[0])
        return day, str(row[len(grp) - 1]) if by_unit else "*"

    out: Counter[tuple[date, str, str, str]] = Counter()
    open_overdue = and_(Ticket.overdue.is_(True), Ticket.status.not_in(TICKET_TERMINAL_CODES))
    for row in s.execute(select(*grp, func.count(), func.count(Ticket.dispatched_at), func.count(Ticket.closed_at),
                                func.count().filter(open_overdue)).where(*period).group_by(*grp)):
        for dim, n in zip((RECEIVED, DISPATCHED, CLOSED, OPEN_OVERDUE), row[len(grp):]):
            if n:
                out[(*head(row), dim, "")] += int(n)
    for dim, col in ((CATEGORY, Ticket.category_id), (DISTRICT, Ticket.district_id), (CHANNEL, Ticket.channel)):
        for row in s.execute(select(*grp, col, func.count()).where(*period).group_by(*grp, col)):
            out[(*head(row), dim, "" if row[-2] is None else str(row[-2]))] += int(row[-1])
    # closed by local day closed: a ticket closes at most a year or so after it came in
    first = fixed_day or _local_day(start, tz)
    closed_day_of = _day_of(s, tz, first, _local_day(end, tz) + timedelta(days=400))
    closed = Ticket.closed_at if closed_day_of is None else closed_day_of(Ticket.closed_at)
    for row in s.execute(select(*grp, closed, func.count()).where(*period, Ticket.closed_at.is_not(None))
                         .group_by(*grp, closed)):
        on = _local_day(row[-2], tz) if closed_day_of is None else _as_date(row[-2])
        out[(*head(row), CLOSED_ON, on.isoformat())] += int(row[-1])
    return out


def _as_date(value) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def kind_label(kind: str | None) -> str:
    try:
        return UnitKind(kind or "").label
    except ValueError:
        return kind or ""


def rankings(hl, *, actor: Actor, start, end, kind: str | None = None) -> list[dict]:
    """The units' ranking of ``rectification.metrics`` for a period (names, city-wide ranks and 末位);
    ``kind`` only narrows what is listed, never who is ranked."""
    actor.require(Role.supervisor, Role.admin)
    rows = metrics.figures(hl, view="unit", start=start, end=end)["rows"]
    return [r for r in rows if not kind or r.get("kind") == kind]


RANK_KINDS = [(k.value, k.label) for k in UnitKind if k is not UnitKind.centre]
RANK_FIGURES = tuple(f for f in metrics.FIGURES)
RANK_HEADERS = ["名次", "单位", "类型", "评价数", "工单数", *[f"{f.label}%" for f in RANK_FIGURES], "综合得分", "末位",
                "说明"]


def ranking_rows(items: list[dict]) -> list[list[Any]]:
    """The ranking as a table (xlsx): rates in percent, 不参评 rows without a score."""
    def pct(v):
        return None if v is None else round(v * 100, 2)
    return [[x["rank"] or "不参评", x["name"], kind_label(x.get("kind")), x["counts"].get("rated", 0),
             x["counts"].get("tickets", 0), *[pct(x.get(f.key)) for f in RANK_FIGURES], x["score"],
             "末位" if x["bottom"] else "", x.get("unranked") or ""] for x in items]


def pending_extensions(hl, *, actor: Actor) -> list[dict]:
    """Extension requests waiting for the centre, oldest first."""
    actor.require(Role.operator, Role.supervisor, Role.admin)
    with hl.sessions() as s:
        rows = s.execute(select(TicketExtension, Ticket.number, Ticket.title, Ticket.complete_due, Unit.name)
                         .join(Ticket, Ticket.id == TicketExtension.ticket_id)
                         .join(Unit, Unit.id == TicketExtension.unit_id)
                         .where(TicketExtension.status == "pending")
                         .order_by(TicketExtension.requested_at)).all()
        return [{"number": number, "title": title, "unit_name": unit_name, "workdays": ext.workdays,
                 "reason": ext.reason, "requested_at": ext.requested_at, "complete_due": due}
                for ext, number, title, due, unit_name in rows]
