"""The deadline sweep: 预警 before the deadline, 催办 and 督办 once it has passed, 通报 after five
more working days; overdue dispatches, sign-offs and callbacks are flagged to the centre; intake
work that never ran is enqueued again.

Safe to run twice: each step is stamped on the ticket and each notice has a de-duplication key.
One ticket that fails is logged and counted; the sweep goes on with the next.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import bindparam, insert, inspect, select, text, update
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.exc import StaleDataError

from hotline.domain import deadlines
from hotline.domain.vocab import TicketStatus as S
from hotline.services import audit, next_action
from hotline.services.actors import SYSTEM
from hotline.services.tickets import NOTICE_KEYS, format_local, notice
from models import AuditEvent, Notice, Ticket

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
    with hl.sessions() as s:   # only what is due now (hotline.services.next_action), through its index
        ids = s.scalars(select(Ticket.id).where(Ticket.next_action_at <= now).order_by(Ticket.id)).all()
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


CHUNK = 200  # tickets per transaction; each ticket in a savepoint of its own
COUNTED = ("warned", "urged", "notified", "late_dispatch", "late_sign", "late_callback")


SWEEP_THREADS = 2  # chunks in flight at once (PostgreSQL)


def _sweep_chunk(hl, ids: list[int], now: datetime) -> SweepReport:
    """A chunk at once (one query to load it, one for its notices' keys, one flush); if anything in
    it fails, the chunk is rolled back and done again ticket by ticket, each in a savepoint. Returns
    what it did (the caller adds it to the sweep's report)."""
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
    """One query for the chunk; while the caller holds the list, _sweep_one finds each ticket in the
    session's identity map."""
    s.info[next_action.SWEPT_AT] = now
    return s.scalars(select(Ticket).where(Ticket.id.in_(ids)).options(joinedload(Ticket.lead_unit))).all()


def _sweep_chunk_at_once(hl, ids: list[int], now: datetime) -> SweepReport:
    counts = SweepReport()
    with hl.uow() as uow:
        s = uow.session
        if s.get_bind().dialect.name == "postgresql":
            # a chunk lost in a crash right after its commit is done again by the next sweep (stamps and
            # notices go together): its commit need not wait for the disk
            s.execute(text("SET LOCAL synchronous_commit = off"))
        loaded = _load_chunk(s, ids, now)
        # every notice the sweep writes for a ticket carries its ticket_id: these are all the keys
        s.info[NOTICE_KEYS] = set(s.scalars(select(Notice.dedupe_key).where(Notice.ticket_id.in_(ids))))
        with s.no_autoflush:
            for ticket_id in ids:
                _sweep_one(s, hl, ticket_id, now, counts)
            _write(s, loaded)
        uow.commit()
    return counts


TICKET_COLUMNS = frozenset(attr.key for attr in inspect(Ticket).column_attrs)
WRITTEN_NEW = (Notice, AuditEvent)


def _write(s, tickets: list[Ticket]) -> None:
    """Write what a chunk changed with a few batched statements instead of the ORM's flush, which
    would send one UPDATE per ticket (because of the version check) and fetch the ids of new notices
    and audit events back (which nobody needs here). Changed tickets: one UPDATE per set of changed
    columns, sent as one executemany, each row checked against its version — a ticket changed by
    someone else meanwhile fails the chunk, which is then done ticket by ticket. New rows: one
    executemany INSERT per table. The session is emptied: nothing is left for it to flush.

    No flush also means no ``metric_dirty`` marks (models/rollup.py): none of the figures reads the
    columns the sweep changes (escalation stamps, ``overdue``, ``next_action_at``)."""
    updates: dict[tuple[str, ...], list[dict]] = defaultdict(list)
    for t in tickets:
        changed = {k: getattr(t, k) for k in inspect(t).committed_state if k in TICKET_COLUMNS}
        if changed:
            updates[tuple(sorted(changed))].append(
                {"b_id": t.id, "b_version": t.version_id, **{f"n_{k}": v for k, v in changed.items()}})
    inserts: dict[tuple[type, tuple[str, ...]], list[dict]] = defaultdict(list)
    for obj in s.new:
        if not isinstance(obj, WRITTEN_NEW):
            raise TypeError(f"the sweep does not write {type(obj).__name__} in bulk")
        row = {attr.key: getattr(obj, attr.key) for attr in inspect(type(obj)).column_attrs
               if attr.key in obj.__dict__}
        inserts[(type(obj), tuple(sorted(row)))].append(row)
    if any(not isinstance(obj, Ticket) for obj in s.dirty):
        raise TypeError("the sweep changed rows it does not write in bulk")
    s.expunge_all()
    conn = s.connection()
    table = Ticket.__table__
    for columns, rows in updates.items():
        stmt = (update(table).where(table.c.id == bindparam("b_id"), table.c.version_id == bindparam("b_version"))
                .values({**{k: bindparam(f"n_{k}", type_=table.c[k].type) for k in columns},
                         "version_id": table.c.version_id + 1}))
        result = conn.execute(stmt, rows)
        if result.rowcount != len(rows):
            raise StaleDataError(f"{len(rows) - result.rowcount} ticket(s) changed during the sweep")
    for (model, _keys), rows in inserts.items():
        conn.execute(insert(model.__table__), rows)


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
    if t.status in (S.received.value, S.triage.value) and t.dispatch_due and now > t.dispatch_due:
        report.late_dispatch += int(notice(
            s, unit_id=None, ticket=t, kind="late_dispatch", at=now,
            message=f"工单 {t.number} 已超过派单时限（{format_local(hl, t.dispatch_due)}），请尽快派单",
            dedupe_key=f"late_dispatch:{t.id}:{t.dispatch_due.isoformat()}"))
    if t.status == S.dispatched.value and t.sign_due and now > t.sign_due:
        report.late_sign += int(notice(
            s, unit_id=t.lead_unit_id, ticket=t, kind="late_sign", at=now,
            message=f"工单 {t.number} 已超过签收时限（{format_local(hl, t.sign_due)}），请立即签收",
            dedupe_key=f"late_sign:{t.id}:{t.sign_due.isoformat()}"))
    if t.status == S.answered.value and t.callback_due and now > t.callback_due:
        report.late_callback += int(notice(
            s, unit_id=None, ticket=t, kind="late_callback", at=now,
            message=f"工单 {t.number} 已超过回访时限（{format_local(hl, t.callback_due)}），请尽快回访",
            dedupe_key=f"late_callback:{t.id}:{t.callback_due.isoformat()}"))
    if t.status in next_action.AT_UNIT_VALUES and t.complete_due:
        _escalate(s, hl, t, now, report)
    next_action.refresh(t, hl, after=now)


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
             subject_type: str, subject_id: int, ticket: Ticket | None = None) -> list[str]:
    """The escalation ladder for one deadline: 预警 before it, 督办 (with a 催办 notice) once it has
    passed, 通报 to the unit and the centre ``notify_after_workdays`` working days later.

    ``item`` carries the stamps ``warned_at``, ``urged_at``, ``notified_at``, ``overdue`` and
    ``supervision_level``; each step happens once per deadline. Returns the steps taken now.
    """
    w, key, steps = wording, due.isoformat(), []
    warn_kind, urge_kind, notify_kind = w.kinds

    def tell(kind: str, unit: int | None, message: str, dedupe: str) -> None:
        notice(s, unit_id=unit, ticket=ticket, kind=kind, at=now, message=message,
               dedupe_key=f"{w.key_prefix}{dedupe}:{subject_id}:{key}", subject_type=subject_type,
               subject_id=subject_id)

    def record(action: str, **data) -> None:
        audit.record(s, SYSTEM, action, at=now, ticket_id=ticket.id if ticket else None,
                     subject_type=subject_type, subject_id=subject_id, data={"due": key, **data})

    if now <= due:
        if item.warned_at is None and now >= deadlines.warn_at(hl.rules, due):
            item.warned_at = now
            if item.supervision_level == "none":
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


def _escalate(s, hl, t: Ticket, now: datetime, report: SweepReport) -> None:
    wording = Wording(name=f"工单 {t.number}", deadline="办结时限", todo="办理",
                      unit_name=t.lead_unit.name if t.lead_unit else "承办单位")
    for step in escalate(s, hl, t, due=t.complete_due, now=now, unit_id=t.lead_unit_id, wording=wording,
                         subject_type="ticket", subject_id=t.id, ticket=t):
        setattr(report, step, getattr(report, step) + 1)
