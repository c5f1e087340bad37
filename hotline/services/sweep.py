"""The deadline sweep: 预警 before the deadline, 催办 and 督办 once it has passed, 通报 after five
more working days; overdue dispatches, sign-offs and callbacks are flagged to the centre; intake
work that never ran is enqueued again.

Safe to run twice: each step is stamped on the ticket and each notice has a de-duplication key.
One ticket that fails is logged and counted; the sweep goes on with the next.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select

from hotline.domain import deadlines
from hotline.domain.lifecycle import AT_UNIT
from hotline.domain.vocab import TicketStatus as S
from hotline.services import audit
from hotline.services.actors import SYSTEM
from hotline.services.tickets import format_local, notice
from models import Ticket

log = logging.getLogger(__name__)

AT_UNIT_VALUES = [s.value for s in AT_UNIT]


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
    with hl.sessions() as s:
        warn_horizon = now + timedelta(hours=hl.rules.warn_before_hours)
        ids = s.scalars(select(Ticket.id).where(or_(
            and_(Ticket.status.in_(AT_UNIT_VALUES), Ticket.complete_due <= warn_horizon,
                 Ticket.notified_at.is_(None)),
            and_(Ticket.status.in_([S.received.value, S.triage.value]), Ticket.dispatch_due < now),
            and_(Ticket.status == S.dispatched.value, Ticket.sign_due < now),
            and_(Ticket.status == S.answered.value, Ticket.callback_due < now),
        )).order_by(Ticket.id)).all()
    for start in range(0, len(ids), CHUNK):
        _sweep_chunk(hl, ids[start:start + CHUNK], now, report)
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


def _sweep_chunk(hl, ids: list[int], now: datetime, report: SweepReport) -> None:
    """One transaction for a chunk; a ticket that fails rolls back its own savepoint only."""
    done: list[SweepReport] = []
    failed: list[int] = []
    try:
        with hl.uow() as uow:
            s = uow.session
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
    except Exception:  # noqa: BLE001 - the chunk could not be committed: the next sweep tries again
        log.exception("sweep could not commit a chunk of %d tickets", len(ids))
        report.errors += len(ids)
        report.failed_ids.extend(ids)
        return
    for counts in done:
        for name in COUNTED:
            setattr(report, name, getattr(report, name) + getattr(counts, name))
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
    if t.status in AT_UNIT_VALUES and t.complete_due:
        _escalate(s, hl, t, now, report)


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
