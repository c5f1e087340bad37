"""The dashboard (hotline/console/figures.py) read from the daily roll-up gives the numbers counted
ticket by ticket here, on SQLite and PostgreSQL: before the roll-up, from it, after late changes (dirty
days read raw), after the sweep's refresh; and a tampered roll-up row shows that it is what is read."""
import random
from collections import Counter
from datetime import date, timedelta

from sqlalchemy import select, update

from hotline.console import figures as dashboard
from hotline.domain.vocab import TICKET_TERMINAL_CODES, Channel, Role
from hotline.services.actors import Actor
from hotline.services.sweep import sweep
from models import Category, DashboardDaily, Ticket, Unit
from rectification import rollup
from tests.conftest import beijing
from tests.integration.test_rect_rollup import DAY0, filled  # noqa: F401  (the fixture)

SUPERVISOR = Actor(kind="user", name="督办员", role=Role.supervisor)


def _spread(hl) -> None:
    """Categories (with parents), districts, dispatch times and overdue flags on the filled tickets."""
    rng = random.Random(11)
    with hl.uow() as uow:
        s = uow.session
        cats = list(s.scalars(select(Category.id)))
        districts = list(s.scalars(select(Unit.id).where(Unit.kind == "district"))) + [None]
        for t in s.scalars(select(Ticket).order_by(Ticket.id)):
            t.category_id = rng.choice(cats + [None])
            t.district_id = rng.choice(districts)
            t.dispatched_at = t.created_at if rng.random() < 0.8 else None
            t.overdue = rng.random() < 0.3
        uow.commit()
    assert len(cats) > 3 and len(districts) > 2


def _expected(hl, days: int, unit_id: int | None) -> dict:
    tz = hl.calendar.tz
    today = hl.calendar.local_date(hl.now())
    first = today - timedelta(days=days - 1)
    with hl.sessions() as s:
        tickets = list(s.scalars(select(Ticket)))
        cats = {c.id: c for c in s.scalars(select(Category))}
        districts = dict(s.execute(select(Unit.id, Unit.name).where(Unit.kind == "district")).all())
    mine = [t for t in tickets if first <= t.created_at.astimezone(tz).date() <= today
            and (unit_id is None or t.lead_unit_id == unit_id)]
    received = Counter(t.created_at.astimezone(tz).date() for t in mine)
    closed = Counter(t.closed_at.astimezone(tz).date() for t in mine if t.closed_at is not None)
    by_cat: Counter[str] = Counter()
    for t in mine:
        cat = cats.get(t.category_id)
        while cat is not None and cat.parent_id is not None:
            cat = cats[cat.parent_id]
        by_cat[cat.name if cat else "未分类"] += 1
    return {
        "cards": (len(mine), sum(t.dispatched_at is not None for t in mine), sum(t.closed_at is not None for t in mine),
                  sum(bool(t.overdue) and t.status not in TICKET_TERMINAL_CODES for t in mine)),
        "trend": [((first + timedelta(days=i)).strftime("%m-%d"), received[first + timedelta(days=i)],
                   closed[first + timedelta(days=i)]) for i in range(days)],
        "by_category": dict(by_cat),
        "by_district": dict(Counter(districts.get(t.district_id, "未识别区域") for t in mine)),
        "by_channel": dict(Counter(Channel(t.channel).label for t in mine)),
    }


def _shown(hl, days: int, unit_id: int | None) -> dict:
    actor = SUPERVISOR if unit_id is None else Actor(kind="user", name="单位", role=Role.unit, unit_id=unit_id)
    figs = dashboard.compute(hl, actor=actor, days=days)
    return {"cards": (figs.received, figs.dispatched, figs.closed, figs.open_overdue), "trend": figs.trend,
            "by_category": dict(figs.by_category), "by_district": dict(figs.by_district),
            "by_channel": dict(figs.by_channel)}


def _assert_all(hl, unit_id: int) -> None:
    for days in (1, 2, 7, 30, 75, 366):
        for unit in (None, unit_id):
            assert _shown(hl, days, unit) == _expected(hl, days, unit), (days, unit)


def test_dashboard_from_the_rollup_equals_the_tickets(hl, clock, filled):  # noqa: F811
    _spread(hl)
    with hl.sessions() as s:
        unit_id = s.scalar(select(Ticket.lead_unit_id).where(Ticket.lead_unit_id.is_not(None)).order_by(Ticket.id))
    assert _expected(hl, 366, None)["cards"][0] > 100
    _assert_all(hl, unit_id)                                  # raw: nothing rolled up yet
    rollup.build(hl, DAY0, date(2026, 5, 9))
    with hl.sessions() as s:
        assert s.scalar(select(DashboardDaily.n).where(DashboardDaily.scope == "*", DashboardDaily.dim == "received")
                        .order_by(DashboardDaily.day).limit(1))
    _assert_all(hl, unit_id)                                  # from the roll-up, today raw

    # late changes: an old ticket closed today, another moved to another unit and category
    with hl.uow() as uow:
        s = uow.session
        old = s.scalars(select(Ticket).where(Ticket.closed_at.is_(None)).order_by(Ticket.id)).first()
        old.closed_at, old.status, old.overdue = hl.now(), "closed", False
        moved = s.scalars(select(Ticket).where(Ticket.lead_unit_id == unit_id).order_by(Ticket.id.desc())).first()
        moved.lead_unit_id, moved.category_id = None, None
        uow.commit()
    _assert_all(hl, unit_id)
    sweep(hl, now=beijing(2026, 5, 11, 3))
    clock.set(beijing(2026, 5, 11, 9))
    _assert_all(hl, unit_id)


def test_dashboard_reads_the_rollup(hl, clock, filled):  # noqa: F811
    """A test that can fail: a tampered roll-up row shows on the dashboard until the range is rebuilt."""
    rollup.build(hl, DAY0, date(2026, 5, 9))
    before = _shown(hl, 30, None)
    with hl.sessions() as s:
        day = s.scalar(select(DashboardDaily.day).where(DashboardDaily.scope == "*", DashboardDaily.dim == "received",
                                                        DashboardDaily.day >= date(2026, 4, 20)).limit(1))
        s.execute(update(DashboardDaily).where(DashboardDaily.scope == "*", DashboardDaily.dim == "received",
                                               DashboardDaily.day == day).values(n=DashboardDaily.n + 1000))
        s.commit()
    assert _shown(hl, 30, None)["cards"][0] == before["cards"][0] + 1000
    rollup.build(hl, day, day)
    assert _shown(hl, 30, None) == before
