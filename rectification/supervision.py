"""Supervision of the rectification loop, run by the core's deadline sweep (``sweep_hooks``).

回访超时 when no callback is recorded by the first-contact deadline; 预警 before the rectification
deadline; 超期 + 督办 once it has passed without a reply; 通报 after ``notify_after_workdays`` more
working days. Each step is stamped on the case and each notice has a de-duplication key, so the
sweep may run twice; one case that fails is logged and counted, and the sweep goes on.
"""
from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select

from hotline.services import audit, next_action
from hotline.services.actors import SYSTEM
from hotline.services.sweep import Wording, escalate
from hotline.services.tickets import format_local, notice
from models import RectificationCase
from rectification.domain import CaseStatus as S
from rectification.services import SUBJECT, apply_default_ratings

log = logging.getLogger(__name__)

NOT_REPLIED = [S.opened.value, S.verified.value, S.found.value, S.rectifying.value]
STEP_COUNTS = {"warned": "warned", "urged": "supervised", "notified": "notified"}


def sweep_hook(hl, now: datetime, report) -> None:
    counts = {"contact_overdue": 0, "warned": 0, "supervised": 0, "notified": 0, "default_ratings": 0,
              "errors": 0, "failed_ids": []}
    report.extra["rectification"] = counts
    try:
        counts["default_ratings"] = apply_default_ratings(hl, now)
    except Exception:  # noqa: BLE001 - default ratings must not stop the supervision
        counts["errors"] += 1
        log.exception("default ratings failed")
    with hl.sessions() as s:   # only what is due now (hotline.services.next_action), through its index
        ids = s.scalars(select(RectificationCase.id).where(RectificationCase.next_action_at <= now)
                        .order_by(RectificationCase.id)).all()
    for case_id in ids:
        try:
            _sweep_case(hl, case_id, now, counts)
        except Exception:  # noqa: BLE001 - one bad case never stops the sweep
            counts["errors"] += 1
            counts["failed_ids"].append(case_id)
            report.errors += 1
            log.exception("rectification sweep failed for case %s", case_id)


def _sweep_case(hl, case_id: int, now: datetime, counts: dict) -> None:
    with hl.uow() as uow:
        s = uow.session
        s.info[next_action.SWEPT_AT] = now
        c = s.get(RectificationCase, case_id)
        if c is None:
            return
        if c.status in NOT_REPLIED:
            _supervise(s, hl, c, now, counts)
        next_action.refresh(c, hl, after=now)
        uow.commit()


def _supervise(s, hl, c: RectificationCase, now: datetime, counts: dict) -> None:
    if c.status == S.opened.value and c.callback_at is None and now > c.contact_due and not c.contact_overdue:
        c.contact_overdue = True
        notice(s, unit_id=c.unit_id, ticket=None, kind="rect_contact_late", at=now, subject_type=SUBJECT,
               subject_id=c.id, dedupe_key=f"rect-contact-late:{c.id}:{c.contact_due.isoformat()}",
               message=f"差评整改单 {c.id} 已超过回访核实时限（{format_local(hl, c.contact_due)}），请立即回访")
        audit.record(s, SYSTEM, "overdue", at=now, subject_type=SUBJECT, subject_id=c.id,
                     data={"stage": "contact", "due": c.contact_due.isoformat()})
        counts["contact_overdue"] += 1
    wording = Wording(name=f"差评整改单 {c.id}", deadline="整改答复时限", todo="整改并答复评价人",
                      unit_name=c.unit.name if c.unit else "承办单位",
                      kinds=("rect_warn", "rect_supervise", "rect_notify"), key_prefix="rect-")
    for step in escalate(s, hl, c, due=c.rectify_due, now=now, unit_id=c.unit_id, wording=wording,
                         subject_type=SUBJECT, subject_id=c.id):
        counts[STEP_COUNTS[step]] += 1


def case_times(c: RectificationCase, rules, cal, after=None):
    """Moments :func:`_supervise` acts on a case (kept in ``next_action_at``)."""
    if c.status not in NOT_REPLIED:
        return
    if c.status == S.opened.value and c.callback_at is None and not c.contact_overdue and c.contact_due:
        yield c.contact_due + next_action.TICK
    yield from next_action.ladder_times(c, c.rectify_due, rules, cal, after)


next_action.register(RectificationCase, case_times,
                     ("status", "contact_due", "rectify_due", "callback_at", "contact_overdue", "warned_at",
                      "urged_at", "notified_at"))
