"""The deadline sweep: 预警 before the deadline, 催办 and 督办 once it has passed, 通报 after five
more working days; overdue dispatches, sign-offs and callbacks are flagged to the centre; intake
work that never ran is enqueued again.

Safe to run twice: each step is stamped on the ticket and each notice has a de-duplication key.
One ticket that fails is logged and counted; the sweep goes on with the next.
"""
from __future__ import annotations

import json
import logging
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import JSON, bindparam, insert, select, text, update
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.exc import StaleDataError

from hotline.domain import deadlines
from hotline.domain.vocab import TicketStatus as S
from hotline.services import audit, next_action
from hotline.services.actors import SYSTEM
from hotline.services.tickets import format_local, notice
from models import AuditEvent, Notice, Ticket, TicketSchedule, Unit

log = logging.getLogger(__name__)


@dataclass
class SweepReport:
    warned: int = 0
    urged: int = 0
    notified: int = 0
    late_dispatch: int = 0
    late_sign: int = 0
    late_callback: int = 0
    intake_requeued: int = 0
    errors: int = 0
    failed_ids: list[int] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


def sweep(hl, now: datetime | None = None) -> SweepReport:
    now = now or hl.now()
    report = SweepReport()
    _requeue_intake(hl, now, report)
    with hl.sessions() as s:   # only what is due now (hotline.services.next_action), from the narrow table
        # sorted here, not by the query: an ORDER BY ticket_id would tempt the planner into walking
        # the primary key of the whole table when the statistics are stale
        ids = sorted(s.scalars(select(TicketSchedule.ticket_id).where(TicketSchedule.next_action_at <= now)))
    chunks = [ids[start:start + CHUNK] for start in range(0, len(ids), CHUNK)]
    if len(chunks) > 1 and hl.engine.dialect.name == "postgresql":
        # chunks are independent (no ticket in two): while one thread waits for PostgreSQL to write a
        # chunk, another builds the next (SQLite writes one transaction at a time: one by one there)
        with ThreadPoolExecutor(SWEEP_THREADS, thread_name_prefix="hotline-sweep") as pool:
            for part in pool.map(lambda chunk: _sweep_chunk(hl, chunk, now), chunks):
                _merge(report, part)
    else:
        for chunk in chunks:
            _merge(report, _sweep_chunk(hl, chunk, now))
    for hook in hl.sweep_hooks:
        try:
            hook(hl, now, report)
        except Exception:  # noqa: BLE001
            report.errors += 1
            log.exception("sweep hook %r failed", hook)
    return report


def _requeue_intake(hl, now: datetime, report: SweepReport) -> None:
    cutoff = now - timedelta(seconds=hl.rules.intake_retry_after_seconds)
    with hl.sessions() as s:
        ids = s.scalars(select(Ticket.id).where(Ticket.intake_state.in_(["pending", "failed"]),
                                                Ticket.created_at < cutoff, Ticket.intake_attempts < 10)).all()
    for ticket_id in ids:
        try:
            hl.queue.enqueue("process_intake", ticket_id, job_id=f"intake-{ticket_id}")
            report.intake_requeued += 1
        except Exception:  # noqa: BLE001
            report.errors += 1
            log.exception("could not re-enqueue intake of ticket id %s", ticket_id)


CHUNK = 500  # tickets per transaction; when one fails, each ticket of its chunk in a savepoint of its own
COUNTED = ("warned", "urged", "notified", "late_dispatch", "late_sign", "late_callback")


SWEEP_THREADS = 2  # chunks in flight at once (PostgreSQL)


def _sweep_chunk(hl, ids: list[int], now: datetime) -> SweepReport:
    """A chunk at once (one query to load it, one for its notices' keys, a few batched writes); if
    anything in it fails, the chunk is rolled back and done again ticket by ticket through the ORM,
    each in a savepoint. Returns what it did (the caller adds it to the sweep's report)."""
    try:
        return _sweep_chunk_at_once(hl, ids, now)
    except Exception:  # noqa: BLE001 - find the ticket that fails, let the others through
        log.warning("sweep chunk of %d tickets failed as a whole: retrying ticket by ticket", len(ids), exc_info=True)
        report = SweepReport(extra={"chunks_retried": 1})
        _sweep_chunk_one_by_one(hl, ids, now, report)
        return report


def _add(report: SweepReport, counts: SweepReport) -> None:
    for name in COUNTED:
        setattr(report, name, getattr(report, name) + getattr(counts, name))


def _merge(report: SweepReport, part: SweepReport) -> None:
    _add(report, part)
    report.errors += part.errors
    report.failed_ids.extend(part.failed_ids)
    for key, value in part.extra.items():
        report.extra[key] = report.extra.get(key, 0) + value


def _load_chunk(s, ids: list[int], now: datetime) -> list[Ticket]:
    """One query for the chunk (the one-by-one retry); while the caller holds the list, _sweep_one
    finds each ticket in the session's identity map."""
    s.info[next_action.SWEPT_AT] = now
    return s.scalars(select(Ticket).where(Ticket.id.in_(ids)).options(joinedload(Ticket.lead_unit))).all()


class SweptTicket:
    """A due ticket as the bulk sweep reads it: its columns as plain attributes (no ORM object, no
    identity map, no flush), which :func:`_act` and :func:`escalate` read and stamp like a Ticket."""

    READ = ("id", "number", "status", "lead_unit_id", "dispatch_due", "sign_due", "callback_due", "complete_due",
            "overdue", "supervision_level", "warned_at", "urged_at", "notified_at", "next_action_at", "version_id")
    WRITTEN = ("overdue", "supervision_level", "warned_at", "urged_at", "notified_at", "next_action_at")

    def __init__(self, values: dict, unit_name: str | None) -> None:
        self.__dict__.update(values)
        self.before = {k: values[k] for k in self.WRITTEN}
        self.lead_unit = _UnitName(unit_name) if unit_name is not None else None

    def changed(self) -> dict:
        return {k: v for k, v in ((k, self.__dict__[k]) for k in self.WRITTEN) if v != self.before[k]}


@dataclass(frozen=True)
class _UnitName:
    name: str


class SessionOut:
    """Where :func:`escalate` and :func:`_act` put notices and audit entries: ORM objects in a session."""

    def __init__(self, s) -> None:
        self.s = s

    def notice(self, **kw) -> bool:
        return notice(self.s, **kw)

    def record(self, action: str, **kw) -> None:
        audit.record(self.s, SYSTEM, action, **kw)


class RowsOut:
    """The same as rows for one executemany INSERT per table (the bulk sweep). ``known``: every notice
    key the chunk's tickets already have (each notice the sweep writes for a ticket carries its id)."""

    def __init__(self, known: set[str]) -> None:
        self.known = known
        self.notices: list[dict] = []
        self.entries: list[dict] = []

    def notice(self, *, unit_id: int | None, ticket, kind: str, message: str, dedupe_key: str, at: datetime,
               subject_type: str = "ticket", subject_id: int | None = None) -> bool:
        if dedupe_key in self.known:      # as tickets.notice with NOTICE_KEYS
            return False
        self.known.add(dedupe_key)
        ticket_id = ticket.id if ticket else None
        self.notices.append({"unit_id": unit_id, "ticket_id": ticket_id, "kind": kind, "message": message,
                             "dedupe_key": dedupe_key, "created_at": at, "subject_type": subject_type,
                             "subject_id": subject_id if subject_id is not None else ticket_id})
        return True

    def record(self, action: str, **kw) -> None:
        self.entries.append(audit.entry_row(SYSTEM, action, **kw))


def _sweep_chunk_at_once(hl, ids: list[int], now: datetime) -> SweepReport:
    counts = SweepReport()
    with hl.uow() as uow:
        conn = uow.session.connection()
        if conn.dialect.name == "postgresql":
            # a chunk lost in a crash right after its commit is done again by the next sweep (stamps and
            # notices go together): its commit need not wait for the disk
            conn.execute(text("SET LOCAL synchronous_commit = off"))
        t = Ticket.__table__
        rows = conn.execute(select(*(t.c[k] for k in SweptTicket.READ), Unit.__table__.c.name)
                            .outerjoin(Unit.__table__, Unit.__table__.c.id == t.c.lead_unit_id)
                            .where(t.c.id.in_(ids)).order_by(t.c.id)).all()
        out = RowsOut(set(conn.scalars(select(Notice.dedupe_key).where(Notice.ticket_id.in_(ids)))))
        swept = []
        for row in rows:
            ticket = SweptTicket(dict(zip(SweptTicket.READ, row[:-1])), row[-1])
            _act(out, hl, ticket, now, counts)
            next_action.refresh(ticket, hl, after=now, model=Ticket)
            swept.append(ticket)
        _write(conn, swept, out)
        uow.commit()
    return counts


def _write(conn, tickets: list[SweptTicket], out: RowsOut) -> None:
    """Write what a chunk changed with a few statements: one UPDATE per set of changed columns, each
    row checked against its version (as the ORM would) — a ticket changed by someone else meanwhile
    fails the chunk, which is then done ticket by ticket; then the notices and the audit entries, one
    INSERT per table. On PostgreSQL each is one statement for the whole chunk (``unnest`` of arrays, a
    multi-row VALUES), elsewhere an executemany. A changed ``next_action_at`` moves the ticket's row
    of ``ticket_schedule`` in the same statement (the trigger of migration 0760).

    No ``metric_dirty`` marks (models/rollup.py): none of the figures reads the columns the sweep
    changes (escalation stamps, ``overdue``, ``next_action_at``)."""
    updates: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    for ticket in tickets:
        changed = ticket.changed()
        if changed:
            updates[tuple(sorted(changed))].append({"b_id": ticket.id, "b_version": ticket.version_id, **changed})
    pg = conn.dialect.name == "postgresql"
    for columns, rows in updates.items():
        if pg:
            stmt, params = _update_by_arrays(conn.dialect, columns, rows)
        else:
            stmt, params = _update_statement(columns), [{f"n_{k}" if k in columns else k: v for k, v in row.items()}
                                                        for row in rows]
        result = conn.execute(stmt, params)
        if result.rowcount != len(rows):
            raise StaleDataError(f"{len(rows) - result.rowcount} ticket(s) changed during the sweep")
    for model, rows in ((Notice, out.notices), (AuditEvent, out.entries)):
        if rows and pg:
            conn.execute(*_insert_by_arrays(conn.dialect, model.__table__, rows))
        elif rows:
            conn.execute(insert(model.__table__), rows)


def _update_statement(columns: tuple[str, ...]):
    table = Ticket.__table__
    return (update(table).where(table.c.id == bindparam("b_id"), table.c.version_id == bindparam("b_version"))
            .values({**{k: bindparam(f"n_{k}", type_=table.c[k].type) for k in columns},
                     "version_id": table.c.version_id + 1}))


def _insert_by_arrays(dialect, table, rows: list[dict]):
    """One INSERT … SELECT FROM unnest(arrays) for all ``rows`` (PostgreSQL; rows with the same keys):
    one statement to plan and route into partitions, and nothing for SQLAlchemy to compile per row
    count (a multi-row VALUES of 1,000 rows costs ~0.5 s of CPU to compile)."""
    names = tuple(rows[0])
    serialize = dialect._json_serializer or json.dumps
    arrays = {}
    for k in names:
        if isinstance(table.c[k].type, JSON):    # sent as text, cast to json by the statement
            arrays[k] = [None if row[k] is None else serialize(row[k]) for row in rows]
        else:
            arrays[k] = [row[k] for row in rows]
    casts = ", ".join(f"CAST(:{k} AS {table.c[k].type.compile(dialect=dialect)}[])" for k in names)
    stmt = text(f"INSERT INTO {table.name} ({', '.join(names)}) SELECT * FROM unnest({casts})")
    return stmt, arrays


def _update_by_arrays(dialect, columns: tuple[str, ...], rows: list[dict]):
    """One UPDATE … FROM unnest(arrays) for all ``rows`` (PostgreSQL): ids, versions, new values."""
    table = Ticket.__table__
    names = ("b_id", "b_version", *columns)
    types = {"b_id": "INTEGER", "b_version": "INTEGER",
             **{k: table.c[k].type.compile(dialect=dialect) for k in columns}}
    stmt = text(f"UPDATE tickets SET {', '.join(f'{k} = v.{k}' for k in columns)}, version_id = tickets.version_id + 1 "
                f"FROM unnest({', '.join(f'CAST(:{k} AS {types[k]}[])' for k in names)}) AS v({', '.join(names)}) "
                "WHERE tickets.id = v.b_id AND tickets.version_id = v.b_version")
    return stmt, {k: [row[k] for row in rows] for k in names}


def _sweep_chunk_one_by_one(hl, ids: list[int], now: datetime, report: SweepReport) -> None:
    """One transaction for a chunk; a ticket that fails rolls back its own savepoint only."""
    done: list[SweepReport] = []
    failed: list[int] = []
    try:
        with hl.uow() as uow:
            s = uow.session
            loaded = _load_chunk(s, ids, now)
            for ticket_id in ids:
                counts = SweepReport()
                try:
                    with s.begin_nested():
                        _sweep_one(s, hl, ticket_id, now, counts)
                    done.append(counts)
                except Exception:  # noqa: BLE001 - one bad ticket never stops the sweep
                    failed.append(ticket_id)
                    log.exception("sweep failed for ticket id %s", ticket_id)
            uow.commit()
            del loaded
    except Exception:  # noqa: BLE001 - the chunk could not be committed: the next sweep tries again
        log.exception("sweep could not commit a chunk of %d tickets", len(ids))
        report.errors += len(ids)
        report.failed_ids.extend(ids)
        return
    for counts in done:
        _add(report, counts)
    report.errors += len(failed)
    report.failed_ids.extend(failed)


def _sweep_one(s, hl, ticket_id: int, now: datetime, report: SweepReport) -> None:
    t = s.get(Ticket, ticket_id)
    if t is None:
        return
    _act(SessionOut(s), hl, t, now, report)
    next_action.refresh(t, hl, after=now)


def _act(out, hl, t, now: datetime, report: SweepReport) -> None:
    """What is due for a ticket (a Ticket or a SweptTicket) now: stamps on ``t``, notices and audit
    entries to ``out`` (SessionOut or RowsOut)."""
    if t.status in (S.received.value, S.triage.value) and t.dispatch_due and now > t.dispatch_due:
        report.late_dispatch += int(out.notice(
            unit_id=None, ticket=t, kind="late_dispatch", at=now,
            message=f"工单 {t.number} 已超过派单时限（{format_local(hl, t.dispatch_due)}），请尽快派单",
            dedupe_key=f"late_dispatch:{t.id}:{t.dispatch_due.isoformat()}"))
    if t.status == S.dispatched.value and t.sign_due and now > t.sign_due:
        report.late_sign += int(out.notice(
            unit_id=t.lead_unit_id, ticket=t, kind="late_sign", at=now,
            message=f"工单 {t.number} 已超过签收时限（{format_local(hl, t.sign_due)}），请立即签收",
            dedupe_key=f"late_sign:{t.id}:{t.sign_due.isoformat()}"))
    if t.status == S.answered.value and t.callback_due and now > t.callback_due:
        report.late_callback += int(out.notice(
            unit_id=None, ticket=t, kind="late_callback", at=now,
            message=f"工单 {t.number} 已超过回访时限（{format_local(hl, t.callback_due)}），请尽快回访",
            dedupe_key=f"late_callback:{t.id}:{t.callback_due.isoformat()}"))
    if t.status in next_action.AT_UNIT_VALUES and t.complete_due:
        _escalate(out, hl, t, now, report)


@dataclass(frozen=True)
class Wording:
    """How a kind of work is named in its escalation notices (tickets, rectification cases)."""

    name: str                       # "工单 202611230001", "差评整改单 12"
    deadline: str                   # "办结时限", "整改答复时限"
    todo: str                       # what the unit must do: "办理", "整改并答复评价人"
    unit_name: str = "承办单位"
    kinds: tuple[str, str, str] = ("warn", "urge", "notify")   # notice kinds of the three steps
    key_prefix: str = ""            # notice de-duplication key prefix


def escalate(s, hl, item, *, due: datetime, now: datetime, unit_id: int | None, wording: Wording,
             subject_type: str, subject_id: int, ticket=None, out=None, warned_level: bool = True) -> list[str]:
    """The escalation ladder for one deadline: 预警 before it, 督办 (with a 催办 notice) once it has
    passed, 通报 to the unit and the centre ``notify_after_workdays`` working days later.

    ``item`` carries the stamps ``warned_at``, ``urged_at``, ``notified_at``, ``overdue`` and
    ``supervision_level``; each step happens once per deadline. Notices and audit entries go to
    ``out`` (default: ORM objects in the session ``s``). Returns the steps taken now.

    ``warned_level=False`` (tickets): a 预警 stamps ``warned_at`` only and leaves ``supervision_level``
    at ``none``; the level 预警 is read from the stamp (:func:`hotline.presenters.supervision_level`).
    ``tickets.supervision_level`` is in the predicate of ``ix_tickets_supervised_open``: writing it would
    make every 预警 a non-HOT update, a new entry in each of the ~20 indexes of ``tickets``.
    """
    out = out or SessionOut(s)
    w, key, steps = wording, due.isoformat(), []
    warn_kind, urge_kind, notify_kind = w.kinds

    def tell(kind: str, unit: int | None, message: str, dedupe: str) -> None:
        out.notice(unit_id=unit, ticket=ticket, kind=kind, at=now, message=message,
                   dedupe_key=f"{w.key_prefix}{dedupe}:{subject_id}:{key}", subject_type=subject_type,
                   subject_id=subject_id)

    def record(action: str, **data) -> None:
        out.record(action, at=now, ticket_id=ticket.id if ticket else None, subject_type=subject_type,
                   subject_id=subject_id, data={"due": key, **data})

    if now <= due:
        if item.warned_at is None and now >= deadlines.warn_at(hl.rules, due):
            item.warned_at = now
            if warned_level and item.supervision_level == "none":
                item.supervision_level = "warned"
            tell(warn_kind, unit_id, f"预警：{w.name} 将于 {format_local(hl, due)} 到期，请抓紧{w.todo}", "warn")
            record("warn")
            steps.append("warned")
        return steps
    if item.urged_at is None:
        item.overdue = True
        item.urged_at = now
        if item.supervision_level in ("none", "warned"):
            item.supervision_level = "supervised"
        tell(urge_kind, unit_id, f"催办：{w.name} 已超过{w.deadline}（{format_local(hl, due)}），已列入督办，请立即{w.todo}",
             "urge")
        record("urge", level="supervised")
        steps.append("urged")
    if item.notified_at is None and now > deadlines.notify_at(hl.rules, hl.calendar, due):
        item.notified_at = now
        item.supervision_level = "notified"
        message = f"通报：{w.unit_name}{w.name} 超过{w.deadline} {hl.rules.notify_after_workdays} 个工作日仍未完成"
        tell(notify_kind, unit_id, message, "notify")
        tell(notify_kind, None, message, "notify-centre")
        record("notify")
        steps.append("notified")
    return steps


def _escalate(out, hl, t, now: datetime, report: SweepReport) -> None:
    wording = Wording(name=f"工单 {t.number}", deadline="办结时限", todo="办理",
                      unit_name=t.lead_unit.name if t.lead_unit else "承办单位")
    for step in escalate(None, hl, t, due=t.complete_due, now=now, unit_id=t.lead_unit_id, wording=wording,
                         subject_type="ticket", subject_id=t.id, ticket=t, out=out, warned_level=False):
        setattr(report, step, getattr(report, step) + 1)
