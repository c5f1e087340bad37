"""When the sweep next has something to do for a ticket or a rectification case: ``next_action_at``.

Each open ticket and case carries the earliest moment at which the deadline sweep would act on it
(a 预警, a 催办/督办, a 通报, a late dispatch, sign-off or callback notice, a late first contact).
The time is indexed, so a sweep reads only the rows that are due now and costs what is due, not
what is open: a case's own column is; a ticket's is copied by the database into the narrow
``ticket_schedule`` (models.TicketSchedule, triggers of migration 0760) so that writing a ticket's
stamps touches no index of the wide ``tickets`` table.

One function keeps it current: :func:`refresh`. It runs on every flush for each new ticket or case
and each one whose status, deadlines or escalation stamps changed (a ``before_flush`` listener
installed by ``bootstrap``), and the sweep calls it after acting on a row. Code that changes
deadlines with a bulk ``UPDATE`` (not through the ORM) must call :func:`refresh` on the rows itself
or set ``next_action_at`` to a past moment; a row whose ``next_action_at`` is early is harmless (the
sweep visits it, finds nothing to do and moves it on), a row whose ``next_action_at`` is late is
missed until then.

The times here mirror the conditions in :mod:`hotline.services.sweep` and
:mod:`rectification.supervision`; the unit tests check the two agree.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Callable, Iterable

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from hotline.domain import deadlines
from hotline.domain.lifecycle import AT_UNIT
from hotline.domain.vocab import TicketStatus as S

# A deadline is late once ``now > due``: the first moment the sweep acts on it is one tick later.
TICK = timedelta(microseconds=1)
# Session.info key: the moment a sweep acted at; actions at or before it are done (or deduplicated).
SWEPT_AT = "hotline_swept_at"
# Session.info key: the working-day calendar to count with when it is not yet hl.calendar (a holiday
# change recomputes deadlines with the new calendar before the process adopts it).
CALENDAR = "hotline_calendar"

# (row, rules, calendar, after) -> candidate times; those at or before ``after`` are dropped anyway
DueTimes = Callable[[Any, Any, Any, datetime | None], Iterable[datetime]]


@dataclass(frozen=True)
class Scheduled:
    times: DueTimes
    watched: tuple[str, ...]      # attributes whose change makes the time stale
    schedule: Any = None          # the narrow table holding a copy of the time (key: <model>.id), if any


SCHEDULED: dict[type, Scheduled] = {}


def register(model: type, times: DueTimes, watched: Iterable[str], *, schedule: Any = None) -> None:
    """Make ``model`` carry a maintained ``next_action_at`` (the core registers tickets, 好差评 its cases);
    ``schedule``: the mapped narrow table the database copies it into (tickets: TicketSchedule)."""
    SCHEDULED[model] = Scheduled(times, tuple(watched), schedule)


def ladder_times(item, due: datetime | None, rules, cal, after: datetime | None) -> Iterable[datetime]:
    """Moments of the escalation ladder (:func:`hotline.services.sweep.escalate`) still to come."""
    if due is None:
        return
    if item.urged_at is None:
        if item.warned_at is None:
            yield deadlines.warn_at(rules, due)
        yield due + TICK
        if after is None or due + TICK > after:
            return      # the 通报 comes after the 催办: no need to count working days for it yet
    if item.notified_at is None:
        yield deadlines.notify_at(rules, cal, due) + TICK


AT_UNIT_VALUES = frozenset(s.value for s in AT_UNIT)


def ticket_times(t, rules, cal, after: datetime | None = None) -> Iterable[datetime]:
    if t.status in (S.received.value, S.triage.value) and t.dispatch_due:
        yield t.dispatch_due + TICK
    if t.status == S.dispatched.value and t.sign_due:
        yield t.sign_due + TICK
    if t.status == S.answered.value and t.callback_due:
        yield t.callback_due + TICK
    if t.status in AT_UNIT_VALUES:
        yield from ladder_times(t, t.complete_due, rules, cal, after)


def compute(item, rules, cal, *, after: datetime | None = None, model: type | None = None) -> datetime | None:
    """The earliest moment the sweep acts on ``item``, later than ``after`` if given; None: never.
    ``model``: what ``item`` stands for when it is not an instance of it (the bulk sweep's plain rows)."""
    spec = SCHEDULED[model or type(item)]
    times = [t for t in spec.times(item, rules, cal, after) if after is None or t > after]
    return min(times) if times else None


def refresh(item, hl, *, after: datetime | None = None, calendar=None, model: type | None = None) -> datetime | None:
    """Recompute and store ``item.next_action_at`` (a ticket or a rectification case); returns it.

    ``after``: the moment a sweep has just acted at (its notices for earlier moments exist);
    ``calendar``: the working-day calendar to use instead of ``hl.calendar``; ``model``: see compute."""
    item.next_action_at = compute(item, hl.rules, calendar or hl.calendar, after=after, model=model)
    return item.next_action_at


def refresh_for_calendar(s: Session, hl, calendar) -> int:
    """After a change of working days: recompute what counts working days from a deadline that has
    passed (the 通报 of an item already urged but not yet notified); other moments are hours from a
    deadline, and moved deadlines are recomputed on their own flush. Returns how many were looked at."""
    count = 0
    for model, spec in SCHEDULED.items():
        stmt = select(model).where(model.urged_at.is_not(None), model.notified_at.is_(None))
        if spec.schedule is not None:   # through the narrow table's rows (open tickets only)
            stmt = stmt.join(spec.schedule, spec.schedule.ticket_id == model.id)
        else:
            stmt = stmt.where(model.next_action_at.is_not(None))
        for item in s.scalars(stmt):
            refresh(item, hl, calendar=calendar)
            count += 1
    return count


def _stale(item, spec: Scheduled) -> bool:
    state = inspect(item)
    if state.pending or state.transient:
        return True
    return any(state.attrs[name].history.has_changes() for name in spec.watched)


def install(hl) -> None:
    """Keep ``next_action_at`` current in every session of ``hl`` (once per sessionmaker)."""
    if getattr(hl.sessions, "_next_action_installed", False):
        return

    def before_flush(session: Session, _flush_context, _instances) -> None:
        after, calendar = session.info.get(SWEPT_AT), session.info.get(CALENDAR)
        for item in list(session.new) + list(session.dirty):
            spec = SCHEDULED.get(type(item))
            if spec is not None and _stale(item, spec):
                refresh(item, hl, after=after, calendar=calendar)

    event.listen(hl.sessions, "before_flush", before_flush)
    hl.sessions._next_action_installed = True


def _register_tickets() -> None:
    from models import Ticket, TicketSchedule

    register(Ticket, ticket_times, ("status", "dispatch_due", "sign_due", "callback_due", "complete_due",
                                    "warned_at", "urged_at", "notified_at"), schedule=TicketSchedule)


_register_tickets()
