"""The official figures of 好差评 and the hotline, computed in SQL aggregates (see docs/metrics.md).

Every figure is a ratio of two counts; the counts come from a handful of GROUP BY queries (one per
source table), never from a Python loop over rows. Views: ``unit``, ``window``, ``staff``,
``service_item``, ``channel`` and ``all``; any period ``[start, end)``; optionally one unit.
A figure with an empty denominator is ``None`` (shown as "—"), never 0 or 100 %.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, exists, func, literal, or_, select
from sqlalchemy.orm import Session

from hotline import scope
from hotline.domain.vocab import Role
from hotline.errors import InvalidInput
from hotline.services.fields import period as _period
from models import RectificationCase, Review, ServiceCase, Ticket, TicketReturn, Unit, Window
from rectification.domain import BAD_MAX_LEVEL, GOOD_MIN_LEVEL, CaseStatus

REACHED = ("reached", "declined")  # the rater was spoken to; 无法联系 never counts as a callback

VIEWS = {"unit": "按单位", "window": "按窗口", "staff": "按工作人员", "service_item": "按事项",
         "channel": "按渠道", "all": "全市"}


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    numerator: str
    denominator: str
    higher_is_better: bool = True
    group: str = "review"          # review | hotline


FIGURES: tuple[Figure, ...] = (
    Figure("good_rate", "好评率", "good", "rated"),
    Figure("active_good_rate", "主动评价好评率", "active_good", "active"),
    Figure("unrated_rate", "未评率", "unrated", "rateable", higher_is_better=False),
    Figure("bad_reply_rate", "差评回复率", "bad_replied", "bad"),
    Figure("rectify_rate", "回访整改率", "bad_rectified", "bad"),
    Figure("rectify_satisfaction_rate", "回访整改满意率", "follow_up_ok", "follow_up"),
    Figure("response_rate", "响应率", "signed_on_time", "signed", group="hotline"),
    Figure("on_time_rate", "按时办结率", "answered_on_time", "answered", group="hotline"),
    Figure("solve_rate", "解决率", "solved", "called_back", group="hotline"),
    Figure("satisfaction_rate", "满意率", "satisfied", "satisfaction_given", group="hotline"),
    Figure("return_rate", "回退率", "returned", "dispatched", higher_is_better=False, group="hotline"),
    Figure("reopen_rate", "重办率", "reopened", "visited", higher_is_better=False, group="hotline"),
)
FIGURES_BY_KEY = {f.key: f for f in FIGURES}
COUNT_LABELS = {
    "rated": "评价数", "good": "好评数", "active": "主动评价数", "active_good": "主动好评数", "bad": "差评数",
    "default": "默认评价数", "rateable": "应评数", "unrated": "未评数", "bad_replied": "差评已答复",
    "bad_rectified": "差评已回访整改", "follow_up": "追评数", "follow_up_ok": "追评满意数",
    "tickets": "工单数", "signed": "已签收", "signed_on_time": "按时签收", "answered": "已答复",
    "answered_on_time": "按时办结", "called_back": "已回访", "solved": "已解决", "satisfaction_given": "已评满意度",
    "satisfied": "满意及基本满意", "dispatched": "派单数", "returned": "退单数", "visited": "回访数",
    "reopened": "重办数",
}
RECTIFIED = [CaseStatus.replied.value, CaseStatus.followed_up.value, CaseStatus.closed.value]


def local_start(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0, 0), tzinfo=tz).astimezone(timezone.utc)


def month_bounds(month: str, tz: ZoneInfo) -> tuple[datetime, datetime]:
    """'2026-10' → the UTC moments the local month starts and the next one starts."""
    try:
        year, mon = (int(x) for x in month.split("-"))
        first = date(year, mon, 1)
    except (ValueError, TypeError):
        raise InvalidInput(f"月份格式应为 YYYY-MM：{month}", field="month") from None
    nxt = date(year + (mon == 12), mon % 12 + 1, 1)
    return local_start(first, tz), local_start(nxt, tz)


def _count(cond=None):
    return func.count().filter(cond) if cond is not None else func.count()




def _grouped(key, col, day_of) -> list:
    """The GROUP BY columns: the view's key, and the local day of ``col`` when rolling up by day."""
    return [key] if day_of is None else [key, day_of(col).label("d")]


def _rk(row, day_of):
    return row.k if day_of is None else (row.d, row.k)


def _counts(row) -> dict:
    return {k: v for k, v in row._mapping.items() if k not in ("k", "d")}


def _review_key(view: str):
    return {"unit": Review.unit_id, "window": Review.window_id, "staff": Review.staff_number,
            "service_item": Review.service_item_code, "channel": Review.channel,
            "all": literal("all")}[view]


def _review_counts(s: Session, view: str, start, end, unit_id, day_of=None) -> dict[Any, dict]:
    key = _review_key(view).label("k")
    c = RectificationCase
    bad = and_(Review.level <= BAD_MAX_LEVEL, Review.is_default.is_(False))
    grp = _grouped(key, Review.rated_at, day_of)
    stmt = (select(*grp, _count().label("rated"),
                   _count(Review.level >= GOOD_MIN_LEVEL).label("good"),
                   _count(Review.is_default.is_(False)).label("active"),
                   _count(and_(Review.is_default.is_(False), Review.level >= GOOD_MIN_LEVEL)).label("active_good"),
                   _count(Review.is_default.is_(True)).label("default"),
                   _count(bad).label("bad"))
            .where(Review.excluded.is_(False), *_period(Review.rated_at, start, end)).group_by(*grp))
    if unit_id is not None:
        stmt = stmt.where(Review.unit_id == unit_id)
    out = {_rk(row, day_of): _counts(row) for row in s.execute(stmt)}
    case_counts = (_count(c.replied_at.is_not(None)).label("bad_replied"),
                   _count(and_(c.callback_outcome.in_(REACHED), c.status.in_(RECTIFIED))).label("bad_rectified"),
                   _count(c.follow_up.is_not(None)).label("follow_up"),
                   _count(c.follow_up.in_(["satisfied", "basic"])).label("follow_up_ok"))
    if view in ("unit", "all"):
        # a case carries its review's unit and time (opened_at = rated_at): no join over every review,
        # only an anti-join with the few reviews an upheld appeal took out of the figures
        ckey = (c.unit_id if view == "unit" else literal("all")).label("k")
        cgrp = _grouped(ckey, c.opened_at, day_of)
        cstmt = (select(*cgrp, *case_counts)
                 .where(*_period(c.opened_at, start, end),
                        ~exists().where(Review.id == c.review_id, Review.excluded.is_(True)))
                 .group_by(*cgrp))
        if unit_id is not None:
            cstmt = cstmt.where(c.unit_id == unit_id)
    else:
        cstmt = (select(*grp, *case_counts).select_from(c).join(Review, Review.id == c.review_id)
                 .where(Review.excluded.is_(False), bad, *_period(Review.rated_at, start, end)).group_by(*grp))
        if unit_id is not None:
            cstmt = cstmt.where(Review.unit_id == unit_id)
    for row in s.execute(cstmt):
        out.setdefault(_rk(row, day_of), {"rated": 0, "good": 0, "active": 0, "active_good": 0, "default": 0,
                                          "bad": 0}).update(_counts(row))
    for row in out.values():
        for k in ("bad_replied", "bad_rectified", "follow_up", "follow_up_ok"):
            row.setdefault(k, 0)
    return out


def _unrated_counts(s: Session, view: str, start, end, unit_id, day_of=None) -> dict[Any, dict]:
    """应评 = 办件 completed + tickets closed in the period; 未评 = those without an active rating."""
    if view == "channel":
        return {}
    out: dict[Any, dict] = {}
    sc_key = {"unit": ServiceCase.unit_id, "window": ServiceCase.window_id, "staff": ServiceCase.staff_number,
              "service_item": ServiceCase.service_item_code, "all": literal("all")}[view].label("k")
    base = [ServiceCase.completed_at.is_not(None), *_period(ServiceCase.completed_at, start, end)]
    if unit_id is not None:
        base.append(ServiceCase.unit_id == unit_id)
    grp = _grouped(sc_key, ServiceCase.completed_at, day_of)
    for row in s.execute(select(*grp, func.count().label("rateable"),
                                _count(ServiceCase.rated_at.is_(None)).label("unrated"))
                         .where(*base).group_by(*grp)):
        out[_rk(row, day_of)] = _counts(row)
    if view in ("unit", "all"):
        # a consultation the hotline answered itself is the hotline centre's 一事一评 (its own figures)
        centre = select(Unit.id).where(Unit.kind == "centre").order_by(Unit.id).limit(1).scalar_subquery()
        rater_unit = func.coalesce(Ticket.lead_unit_id, centre)
        t_key = (rater_unit if view == "unit" else literal("all")).label("k")
        tbase = [Ticket.status == "closed", rater_unit.is_not(None), *_period(Ticket.closed_at, start, end)]
        if unit_id is not None:
            tbase.append(rater_unit == unit_id)
        # written as the partial index ix_reviews_ticket_active states it, so PostgreSQL can use it
        rated = (select(Review.ticket_id.label("tid")).where(Review.ticket_id.is_not(None), ~Review.is_default)
                 .distinct().subquery())
        tgrp = _grouped(t_key, Ticket.closed_at, day_of)
        rows = s.execute(select(*tgrp, func.count().label("total"), _count(rated.c.tid.is_(None)).label("un"))
                         .select_from(Ticket)
                         .outerjoin(rated, rated.c.tid == Ticket.id).where(*tbase).group_by(*tgrp))
        for r in rows:
            row = out.setdefault(_rk(r, day_of), {"rateable": 0, "unrated": 0})
            row["rateable"] += r.total
            row["unrated"] += r.un
    return out


def _ticket_counts(s: Session, view: str, start, end, unit_id, day_of=None) -> dict[Any, dict]:
    if view not in ("unit", "channel", "all"):
        return {}
    key = {"unit": Ticket.lead_unit_id, "channel": Ticket.channel, "all": literal("all")}[view].label("k")
    grp = _grouped(key, Ticket.created_at, day_of)
    stmt = (select(*grp, _count().label("tickets"),
                   _count(Ticket.signed_on_time.is_not(None)).label("signed"),
                   _count(Ticket.signed_on_time.is_(True)).label("signed_on_time"),
                   _count(Ticket.answered_on_time.is_not(None)).label("answered"),
                   _count(Ticket.answered_on_time.is_(True)).label("answered_on_time"),
                   _count(Ticket.solved.is_not(None)).label("called_back"),
                   _count(Ticket.solved.is_(True)).label("solved"),
                   _count(Ticket.satisfaction.is_not(None)).label("satisfaction_given"),
                   _count(Ticket.satisfaction.in_(["satisfied", "basic"])).label("satisfied"),
                   _count(Ticket.first_dispatched_at.is_not(None)).label("dispatched"),
                   _count(Ticket.return_count > 0).label("returned"),
                   _count(Ticket.callback_at.is_not(None)).label("visited"),
                   _count(Ticket.reopen_count > 0).label("reopened"))
            .where(*_period(Ticket.created_at, start, end)).group_by(*grp))
    if view == "unit":
        stmt = stmt.where(Ticket.lead_unit_id.is_not(None))
    if unit_id is not None:
        stmt = stmt.where(Ticket.lead_unit_id == unit_id)
    out = {_rk(row, day_of): _counts(row) for row in s.execute(stmt)}
    if view == "unit":
        # 回退率 by unit: the tickets a unit returned over the tickets it was given — those it leads now
        # (counted above) plus those it returned and no longer leads; ticket_returns says who returned what.
        period = _period(Ticket.created_at, start, end)
        returned = func.count(func.distinct(TicketReturn.ticket_id))
        elsewhere = func.count(func.distinct(TicketReturn.ticket_id)).filter(
            or_(Ticket.lead_unit_id.is_(None), Ticket.lead_unit_id != TicketReturn.unit_id))
        rgrp = _grouped(TicketReturn.unit_id.label("k"), Ticket.created_at, day_of)
        stmt = (select(*rgrp, returned.label("n_returned"), elsewhere.label("n_elsewhere"))
                .join(Ticket, Ticket.id == TicketReturn.ticket_id).where(*period).group_by(*rgrp))
        if unit_id is not None:
            stmt = stmt.where(TicketReturn.unit_id == unit_id)
        for row in out.values():
            row["returned"] = 0
        for r in s.execute(stmt):
            row = out.setdefault(_rk(r, day_of), {"tickets": 0, "dispatched": 0})
            row["returned"] = r.n_returned
            row["dispatched"] = row.get("dispatched", 0) + r.n_elsewhere
    return out


def _ratio(num, den) -> float | None:
    if not den:
        return None
    return round((num or 0) / den, 4)


def _names(s: Session, view: str, keys) -> dict[Any, tuple[str, str]]:
    keys = [k for k in keys if k is not None]
    if view == "unit":
        return {i: (code, name) for i, code, name in s.execute(select(Unit.id, Unit.code, Unit.name)
                                                                .where(Unit.id.in_(keys)))}
    if view == "window":
        return {i: (code, name) for i, code, name in s.execute(select(Window.id, Window.code, Window.name)
                                                                .where(Window.id.in_(keys)))}
    if view in ("staff", "service_item"):
        code, name = ((Review.staff_number, Review.staff_name) if view == "staff"
                      else (Review.service_item_code, Review.service_item_name))
        if s.get_bind().dialect.name == "postgresql":
            # one max() per key, each answered from ix_reviews_staff_name / ix_reviews_item_name alone
            from sqlalchemy.dialects.postgresql import array

            wanted = select(func.unnest(array([str(k) for k in keys] or [""])).label("k")).subquery()
            rows = s.execute(select(wanted.c.k, select(func.max(name)).where(code == wanted.c.k).scalar_subquery()))
        else:
            rows = s.execute(select(code, func.max(name)).where(code.in_(keys)).group_by(code))
        return {k: (k, n or k) for k, n in rows}
    if view == "channel":
        from hotline.domain.vocab import Channel
        from rectification.domain import ReviewChannel

        labels = {c.value: c.label for c in ReviewChannel} | {c.value: c.label for c in Channel}
        return {k: (k, labels.get(k, k)) for k in keys}
    return {"all": ("all", "全市")}


REVIEW_COUNTS = ("rated", "good", "active", "active_good", "default", "bad", "bad_replied", "bad_rectified",
                 "follow_up", "follow_up_ok")
UNRATED_COUNTS = ("rateable", "unrated")
TICKET_COUNTS = ("tickets", "signed", "signed_on_time", "answered", "answered_on_time", "called_back", "solved",
                 "satisfaction_given", "satisfied", "dispatched", "returned", "visited", "reopened")


def _view_counts(view: str) -> tuple[str, ...]:
    """The counts a view has (未评 is not defined by channel; tickets only by unit, channel and city)."""
    return (REVIEW_COUNTS + (UNRATED_COUNTS if view != "channel" else ())
            + (TICKET_COUNTS if view in ("unit", "channel", "all") else ()))


def _raw_counts(s: Session, view: str, start, end, unit_id) -> dict[Any, dict]:
    parts = [_review_counts(s, view, start, end, unit_id), _unrated_counts(s, view, start, end, unit_id),
             _ticket_counts(s, view, start, end, unit_id)]
    merged: dict[Any, dict] = {}
    for part in parts:
        for k, counts in part.items():
            if k is None:
                continue
            merged.setdefault(k, {}).update({c: v for c, v in counts.items() if c != "k"})
    names = _view_counts(view)
    return {k: {c: int(counts.get(c) or 0) for c in names} for k, counts in merged.items()}


def _counts_by_key(s: Session, view: str, start, end, unit_id) -> dict[Any, dict]:
    """The daily roll-up for the whole rolled-up, unchanged days of the period, the raw tables for the rest."""
    from rectification import rollup

    plan = rollup.plan(s, view, start, end, unit_id)
    if plan is None:
        return _raw_counts(s, view, start, end, unit_id)
    span, dirty, raw = plan
    names = _view_counts(view)
    merged = {k: {c: counts[c] for c in names} for k, counts in rollup.rolled_up(s, view, span, dirty, unit_id).items()}
    for a, b in raw:
        for k, counts in _raw_counts(s, view, a, b, unit_id).items():
            row = merged.setdefault(k, dict.fromkeys(names, 0))
            for c in names:
                row[c] += counts[c]
    return merged


def compute(s: Session, *, view: str = "unit", start: datetime | None = None, end: datetime | None = None,
            unit_id: int | None = None, rollup: bool = True) -> list[dict[str, Any]]:
    """Rows of counts and figures for one view and period (sorted by key name).

    ``rollup=False`` computes every count from the raw tables (what the roll-up must always equal)."""
    if view not in VIEWS:
        raise InvalidInput(f"无效的统计维度：{view}（可选：{'、'.join(VIEWS)}）", field="view")
    merged = _raw_counts(s, view, start, end, unit_id) if rollup is False else _counts_by_key(s, view, start, end,
                                                                                             unit_id)
    names = _names(s, view, list(merged))
    rows = []
    for k, counts in merged.items():
        code, name = names.get(k, (str(k), str(k)))
        row: dict[str, Any] = {"key": code, "name": name, "counts": counts}
        for f in FIGURES:
            row[f.key] = _ratio(counts.get(f.numerator), counts.get(f.denominator))
        rows.append(row)
    rows.sort(key=lambda r: str(r["key"]))
    return rows


def score(row: dict[str, Any]) -> float | None:
    """综合得分: the mean of the figures a row has, each turned so that higher is better (equal weights)."""
    values = [(row[f.key] if f.higher_is_better else 1 - row[f.key]) for f in FIGURES if row.get(f.key) is not None]
    return round(sum(values) / len(values) * 100, 2) if values else None


MIN_SAMPLE = 5   # ratings + tickets a unit needs in the period to be ranked
BOTTOM = 3       # 末位: the last three ranked units (when more than three are ranked)
METHOD = (f"综合得分 = 该单位在统计期内可计算的各项指标（好差评 6 项、热线 6 项，权重相同；未评率、回退率、重办率以"
          f"“1 − 指标值”计入）的平均值 × 100。评价数与工单数合计不足 {MIN_SAMPLE} 件、或没有任何可计算指标的单位"
          f"不参评（不给分）。按得分从高到低排名（同分按单位编码），参评单位多于 {BOTTOM} 个时最后 {BOTTOM} 名为末位。"
          "评价按评价时间、工单按受理时间计入统计期。")


def sample(row: dict[str, Any]) -> int:
    """How many ratings and tickets a row stands on (what MIN_SAMPLE is compared with)."""
    counts = row.get("counts") or {}
    return int(counts.get("rated") or 0) + int(counts.get("tickets") or 0)


def ranking(rows: list[dict[str, Any]], *, bottom: int = BOTTOM, min_sample: int = MIN_SAMPLE) -> list[dict[str, Any]]:
    """Units ranked by 综合得分 (ties by code); the last ``bottom`` ranked units are 末位.

    A unit with fewer than ``min_sample`` ratings and tickets in the period, or with no figure at all,
    is listed as 不参评: no rank, no score (``unranked`` says why) — one satisfied caller must not top
    the table, and a unit nobody could measure must not score 100."""
    ranked, rest = [], []
    for r in rows:
        value, n = score(r), sample(r)
        if value is None:
            rest.append(dict(r, score=None, rank=None, bottom=False, unranked="无可计算的指标"))
        elif n < min_sample:
            rest.append(dict(r, score=None, rank=None, bottom=False,
                             unranked=f"样本不足（{n} 件，至少 {min_sample} 件）"))
        else:
            ranked.append(dict(r, score=value, unranked=None))
    ranked.sort(key=lambda r: (-r["score"], str(r["key"])))
    for i, r in enumerate(ranked, 1):
        r["rank"] = i
        r["bottom"] = len(ranked) > bottom and i > len(ranked) - bottom
    return ranked + sorted(rest, key=lambda r: str(r["key"]))


def bottom_units(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The 末位 rows of a ranking, in rank order."""
    return [r for r in rows if r.get("bottom")]


def recent_bounds(hl, days: int) -> tuple[datetime, datetime]:
    """The last ``days`` local days, today included: [local midnight ``days - 1`` days ago, next midnight)."""
    days = max(1, min(int(days), 366))
    today = hl.calendar.local_date(hl.now())
    return (local_start(today - timedelta(days=days - 1), hl.calendar.tz),
            local_start(today + timedelta(days=1), hl.calendar.tz))


def figures(hl, *, view: str = "unit", start: datetime | None = None, end: datetime | None = None,
            unit: str | None = None) -> dict[str, Any]:
    """One view's rows for a period. The ``unit`` view is the ranking: every unit is ranked city-wide
    (with its kind, 类型), and ``unit=CODE`` then keeps that unit's row with its city-wide rank. Read from
    the replica when one is set (``Hotline.reader``)."""
    with hl.reader().sessions() as s:
        unit_id = None
        if unit:
            unit_id = s.scalar(select(Unit.id).where(Unit.code == unit))
            if unit_id is None:
                raise InvalidInput(f"单位编码不存在：{unit}", field="unit")
        if view == "unit":
            rows = compute(s, view=view, start=start, end=end)
            kinds = dict(s.execute(select(Unit.code, Unit.kind)).all())
        else:
            rows = compute(s, view=view, start=start, end=end, unit_id=unit_id)
    if view == "unit":
        rows = [dict(r, kind=kinds.get(r["key"])) for r in ranking(rows)]
        if unit:
            rows = [r for r in rows if r["key"] == unit]
    return {"view": view, "view_label": VIEWS[view], "from": start.isoformat() if start else None,
            "to": end.isoformat() if end else None, "method": METHOD, "min_sample": MIN_SAMPLE,
            "figures": [{"key": f.key, "label": f.label, "group": f.group} for f in FIGURES], "rows": rows}


def row_of(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The one row of a one-unit or city answer; a row of empty counts and figures when nothing counted."""
    if rows:
        return rows[0]
    return {"key": None, "name": None, "counts": {}, **{f.key: None for f in FIGURES}}


def figures_for_actor(hl, *, actor, view: str = "unit", start=None, end=None, unit: str | None = None) -> dict:
    """Units see only their own figures; the centre sees every unit."""
    actor.require(Role.unit, Role.operator, Role.supervisor, Role.admin)
    unit = scope.unit_code_only(actor, unit)
    return figures(hl, view=view, start=start, end=end, unit=unit)
