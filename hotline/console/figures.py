"""What the dashboards show: volumes, trends and breakdowns of the tickets, beside the official
figures and the ranking, which are read from ``rectification.metrics`` (the one place every rate,
the 综合得分 and 末位 are defined — see docs/metrics.md).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

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


def compute(hl, *, actor: Actor, days: int = 30, unit_code: str | None = None) -> Figures:
    """The last ``days`` days (tickets by intake time); unit staff always get their own unit."""
    days = max(1, min(int(days), 366))
    start, end = metrics.recent_bounds(hl, days)
    start_day, end_day = hl.calendar.local_date(start), hl.calendar.local_date(end) - timedelta(days=1)
    figs = Figures(start=start_day, end=end_day)
    with hl.reader().sessions() as s:   # the read replica when one is set
        stmt = select(Ticket.created_at, Ticket.closed_at, Ticket.status, Ticket.dispatched_at, Ticket.overdue,
                      Ticket.channel, Ticket.category_id,
                      Ticket.district_id).where(Ticket.created_at >= start, Ticket.created_at < end)
        unit_id = scope.unit_only(actor)
        if unit_id is None and unit_code:
            unit_id = s.scalar(select(Unit.id).where(Unit.code == unit_code))
        if unit_id is not None:
            stmt = stmt.where(Ticket.lead_unit_id == unit_id)
        rows = s.execute(stmt).all()
        cats = {c.id: c for c in s.scalars(select(Category))}
        districts = dict(s.execute(select(Unit.id, Unit.name).where(Unit.kind == "district")).all())
        code = s.scalar(select(Unit.code).where(Unit.id == unit_id)) if unit_id is not None else None
    if code is not None:
        figs.official = metrics.row_of(metrics.figures(hl, view="unit", start=start, end=end, unit=code)["rows"])
    else:
        figs.official = metrics.row_of(metrics.figures(hl, view="all", start=start, end=end)["rows"])
    per_day: dict[date, list[int]] = {start_day + timedelta(days=i): [0, 0] for i in range(days)}
    by_cat: Counter[str] = Counter()
    by_district: Counter[str] = Counter()
    by_channel: Counter[str] = Counter()
    for r in rows:
        figs.received += 1
        per_day.setdefault(hl.calendar.local_date(r.created_at), [0, 0])[0] += 1
        if r.closed_at is not None:
            figs.closed += 1
            day = hl.calendar.local_date(r.closed_at)
            if day in per_day:
                per_day[day][1] += 1
        if r.dispatched_at is not None:
            figs.dispatched += 1
        if r.overdue and r.status not in TICKET_TERMINAL_CODES:
            figs.open_overdue += 1
        cat = cats.get(r.category_id)
        while cat is not None and cat.parent_id is not None:
            cat = cats.get(cat.parent_id)
        by_cat[cat.name if cat else "未分类"] += 1
        by_district[districts.get(r.district_id, "未识别区域")] += 1
        try:
            by_channel[Channel(r.channel).label] += 1
        except ValueError:
            by_channel[r.channel] += 1
    figs.trend = [(d.strftime("%m-%d"), v[0], v[1]) for d, v in sorted(per_day.items()) if start_day <= d <= end_day]
    figs.by_category = by_cat.most_common(10)
    figs.by_district = by_district.most_common(14)
    figs.by_channel = by_channel.most_common()
    return figs


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


def supervised_tickets(hl, *, actor: Actor, limit: int = 200) -> list[dict]:
    """Open tickets under 督办 or 通报."""
    from hotline.presenters import ticket_view

    actor.require(Role.operator, Role.supervisor, Role.admin)
    with hl.sessions() as s:
        rows = s.scalars(select(Ticket).where(Ticket.supervision_level.in_(["supervised", "notified"]),
                                              Ticket.status.not_in(TICKET_TERMINAL_CODES))
                         .order_by(Ticket.complete_due.asc(), Ticket.id).limit(limit)).all()
        return [ticket_view(t, actor, detail=False) for t in rows]
