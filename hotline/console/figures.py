"""Hotline figures for the dashboards: the 三率, trends, breakdowns and unit rankings with 末位.

Read-only queries over the tickets table; rates are None (shown as "—") when nothing was counted.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select

from hotline import scope
from hotline.domain.vocab import Channel, Role
from hotline.services.actors import Actor
from models import Category, Ticket, TicketExtension, Unit

BOTTOM_SHARE = 0.1        # 末位: the last 10% of ranked units (at least one)
MIN_TICKETS_TO_RANK = 3   # a unit with fewer tickets in the period is listed but not ranked


def _rate(num: int, den: int) -> float | None:
    return round(100.0 * num / den, 1) if den else None


@dataclass
class Figures:
    start: date
    end: date
    received: int = 0
    dispatched: int = 0
    closed: int = 0
    open_overdue: int = 0
    response_rate: float | None = None      # 响应率: signed on time / signed
    ontime_rate: float | None = None        # 按时办结率: answered on time / answered
    solved_rate: float | None = None        # 解决率: solved / called back
    satisfied_rate: float | None = None     # 满意率: 满意 + 基本满意 / rated
    return_rate: float | None = None        # 回退率
    reopen_rate: float | None = None        # 重办率
    trend: list[tuple[str, int, int]] = field(default_factory=list)   # (day, received, closed)
    by_category: list[tuple[str, int]] = field(default_factory=list)
    by_district: list[tuple[str, int]] = field(default_factory=list)
    by_channel: list[tuple[str, int]] = field(default_factory=list)

    def cards(self) -> list[tuple[str, Any, str]]:
        def pct(v):
            return "—" if v is None else f"{v:.1f}%"
        return [("受理量", self.received, "件"), ("已派单", self.dispatched, "件"), ("已办结", self.closed, "件"),
                ("在办超期", self.open_overdue, "件"), ("响应率", pct(self.response_rate), "按时签收"),
                ("按时办结率", pct(self.ontime_rate), ""), ("解决率", pct(self.solved_rate), "回访认定"),
                ("满意率", pct(self.satisfied_rate), "满意+基本满意"), ("回退率", pct(self.return_rate), ""),
                ("重办率", pct(self.reopen_rate), "")]


def _period(hl, days: int) -> tuple[datetime, datetime, date, date]:
    now = hl.now()
    end_day = hl.calendar.local_date(now)
    start_day = end_day - timedelta(days=days - 1)
    start = datetime.combine(start_day, datetime.min.time(), tzinfo=hl.calendar.tz)
    return start, now, start_day, end_day


def compute(hl, *, actor: Actor, days: int = 30, unit_code: str | None = None) -> Figures:
    """Figures over the last ``days`` days (by intake time); unit staff always get their own unit."""
    days = max(1, min(int(days), 366))
    start, now, start_day, end_day = _period(hl, days)
    figs = Figures(start=start_day, end=end_day)
    with hl.sessions() as s:
        stmt = select(Ticket.created_at, Ticket.closed_at, Ticket.status, Ticket.dispatched_at,
                      Ticket.signed_at, Ticket.signed_on_time, Ticket.answered_at, Ticket.answered_on_time,
                      Ticket.solved, Ticket.callback_at, Ticket.satisfaction, Ticket.return_count,
                      Ticket.reopen_count, Ticket.overdue, Ticket.channel, Ticket.category_id,
                      Ticket.district_id).where(Ticket.created_at >= start, Ticket.created_at <= now)
        unit_id = scope.unit_only(actor)
        if unit_id is None and unit_code:
            unit_id = s.scalar(select(Unit.id).where(Unit.code == unit_code))
        if unit_id is not None:
            stmt = stmt.where(Ticket.lead_unit_id == unit_id)
        rows = s.execute(stmt).all()
        cats = {c.id: c for c in s.scalars(select(Category))}
        districts = dict(s.execute(select(Unit.id, Unit.name).where(Unit.kind == "district")).all())
    per_day: dict[date, list[int]] = {start_day + timedelta(days=i): [0, 0] for i in range(days)}
    signed = signed_ok = answered = answered_ok = called = solved = rated = happy = 0
    returned = reopened = 0
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
            returned += r.return_count > 0
            reopened += r.reopen_count > 0
        if r.overdue and r.status not in ("closed", "merged"):
            figs.open_overdue += 1
        if r.signed_at is not None:
            signed += 1
            signed_ok += bool(r.signed_on_time)
        if r.answered_at is not None and r.dispatched_at is not None:
            answered += 1
            answered_ok += bool(r.answered_on_time)
        if r.callback_at is not None and r.solved is not None:
            called += 1
            solved += bool(r.solved)
        if r.satisfaction:
            rated += 1
            happy += r.satisfaction in ("satisfied", "basic")
        cat = cats.get(r.category_id)
        while cat is not None and cat.parent_id is not None:
            cat = cats.get(cat.parent_id)
        by_cat[cat.name if cat else "未分类"] += 1
        by_district[districts.get(r.district_id, "未识别区域")] += 1
        try:
            by_channel[Channel(r.channel).label] += 1
        except ValueError:
            by_channel[r.channel] += 1
    figs.response_rate = _rate(signed_ok, signed)
    figs.ontime_rate = _rate(answered_ok, answered)
    figs.solved_rate = _rate(solved, called)
    figs.satisfied_rate = _rate(happy, rated)
    figs.return_rate = _rate(returned, figs.dispatched)
    figs.reopen_rate = _rate(reopened, figs.dispatched)
    figs.trend = [(d.strftime("%m-%d"), v[0], v[1]) for d, v in sorted(per_day.items()) if start_day <= d <= end_day]
    figs.by_category = by_cat.most_common(10)
    figs.by_district = by_district.most_common(14)
    figs.by_channel = by_channel.most_common()
    return figs


RANK_HEADERS = ["名次", "单位", "类型", "工单数", "响应率%", "按时办结率%", "解决率%", "满意率%", "退单数", "综合得分", "末位"]


def rankings(hl, *, actor: Actor, days: int = 30, kind: str | None = None) -> list[dict]:
    """Units ranked by a composite of the 三率 and on-time completion; the last ones are 末位.

    score = 30% 响应率 + 30% 按时办结率 + 20% 解决率 + 20% 满意率 (a missing rate counts as 100: a unit is
    not punished for a rate nobody could measure).
    """
    actor.require(Role.supervisor, Role.admin)
    start, now, _, _ = _period(hl, max(1, min(int(days), 366)))
    with hl.sessions() as s:
        stmt = (select(Ticket.lead_unit_id, Ticket.signed_at, Ticket.signed_on_time, Ticket.answered_at,
                       Ticket.answered_on_time, Ticket.solved, Ticket.callback_at, Ticket.satisfaction,
                       Ticket.return_count)
                .where(Ticket.dispatched_at >= start, Ticket.dispatched_at <= now, Ticket.lead_unit_id.is_not(None)))
        rows = s.execute(stmt).all()
        units = {u.id: u for u in s.scalars(select(Unit))}
    acc: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for r in rows:
        a = acc[r.lead_unit_id]
        a["n"] += 1
        a["returns"] += r.return_count
        if r.signed_at is not None:
            a["signed"] += 1
            a["signed_ok"] += bool(r.signed_on_time)
        if r.answered_at is not None:
            a["answered"] += 1
            a["answered_ok"] += bool(r.answered_on_time)
        if r.callback_at is not None and r.solved is not None:
            a["called"] += 1
            a["solved"] += bool(r.solved)
        if r.satisfaction:
            a["rated"] += 1
            a["happy"] += r.satisfaction in ("satisfied", "basic")
    out = []
    for unit_id, a in acc.items():
        unit = units.get(unit_id)
        if unit is None or (kind and unit.kind != kind):
            continue
        rates = [_rate(a["signed_ok"], a["signed"]), _rate(a["answered_ok"], a["answered"]),
                 _rate(a["solved"], a["called"]), _rate(a["happy"], a["rated"])]
        weights = [0.3, 0.3, 0.2, 0.2]
        score = round(sum(w * (100.0 if r is None else r) for w, r in zip(weights, rates)), 1)
        out.append({"code": unit.code, "name": unit.name, "kind": unit.kind, "tickets": a["n"],
                    "response_rate": rates[0], "ontime_rate": rates[1], "solved_rate": rates[2],
                    "satisfied_rate": rates[3], "returns": a["returns"], "score": score,
                    "ranked": a["n"] >= MIN_TICKETS_TO_RANK, "rank": None, "bottom": False})
    ranked = sorted((x for x in out if x["ranked"]), key=lambda x: (-x["score"], -x["tickets"], x["code"]))
    for i, x in enumerate(ranked, 1):
        x["rank"] = i
    if ranked:
        n_bottom = max(1, int(len(ranked) * BOTTOM_SHARE))
        for x in ranked[-n_bottom:]:
            x["bottom"] = True
    unranked = sorted((x for x in out if not x["ranked"]), key=lambda x: x["code"])
    return ranked + unranked


def ranking_rows(items: list[dict]) -> list[list[Any]]:
    from hotline.domain.vocab import UnitKind

    def label(kind):
        try:
            return UnitKind(kind).label
        except ValueError:
            return kind
    return [[x["rank"] or "不参评", x["name"], label(x["kind"]), x["tickets"], x["response_rate"], x["ontime_rate"],
             x["solved_rate"], x["satisfied_rate"], x["returns"], x["score"], "末位" if x["bottom"] else ""]
            for x in items]


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
                                              Ticket.status.not_in(["closed", "merged"]))
                         .order_by(Ticket.complete_due.asc(), Ticket.id).limit(limit)).all()
        return [ticket_view(t, actor, detail=False) for t in rows]
