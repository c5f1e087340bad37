"""Supervision of the rectification loop, run by the core's deadline sweep (``sweep_hooks``).

回访超时 when no callback is recorded by the first-contact deadline; 预警 before the rectification
deadline; 超期 + 督办 once it has passed without a reply; 通报 after ``notify_after_workdays`` more
working days. Each step is stamped on the case and each notice has a de-duplication key, so the
sweep may run twice; one case that fails is logged and counted, and the sweep goes on.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select

from hotline.domain import deadlines
from hotline.services import audit
from hotline.services.actors import SYSTEM
from hotline.services.tickets import notice
from models import RectificationCase
from rectification.domain import CaseStatus as S
from rectification.services import SUBJECT, _local, apply_default_ratings

log = logging.getLogger(__name__)

NOT_REPLIED = [S.opened.value, S.verified.value, S.found.value, S.rectifying.value]


def sweep_hook(hl, now: datetime, report) -> None:
    counts = {"contact_overdue": 0, "warned": 0, "supervised": 0, "notified": 0, "default_ratings": 0,
              "errors": 0, "failed_ids": []}
    report.extra["rectification"] = counts
    try:
        counts["default_ratings"] = apply_default_ratings(hl, now)
    except Exception:  # noqa: BLE001 - default ratings must not stop the supervision
        counts["errors"] += 1
        log.exception("default ratings failed")
    horizon = now + timedelta(hours=hl.rules.warn_before_hours)
    with hl.sessions() as s:
        ids = s.scalars(select(RectificationCase.id).where(
            RectificationCase.status.in_(NOT_REPLIED),
            or_(and_(RectificationCase.rectify_due <= horizon, RectificationCase.notified_at.is_(None)),
                and_(RectificationCase.status == S.opened.value, RectificationCase.callback_at.is_(None),
                     RectificationCase.contact_due < now, RectificationCase.contact_overdue.is_(False))))
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
        c = s.get(RectificationCase, case_id)
        if c is None or c.status not in NOT_REPLIED:
            return
        changed = False
        unit_name = c.unit.name if c.unit else "承办单位"
        if c.status == S.opened.value and c.callback_at is None and now > c.contact_due and not c.contact_overdue:
            c.contact_overdue = True
            notice(s, unit_id=c.unit_id, ticket=None, kind="rect_contact_late", at=now, subject_type=SUBJECT,
                   subject_id=c.id, dedupe_key=f"rect-contact-late:{c.id}:{c.contact_due.isoformat()}",
                   message=f"差评整改单 {c.id} 已超过回访核实时限（{_local(hl, c.contact_due)}），请立即回访")
            audit.record(s, SYSTEM, "overdue", at=now, subject_type=SUBJECT, subject_id=c.id,
                         data={"stage": "contact", "due": c.contact_due.isoformat()})
            counts["contact_overdue"] += 1
            changed = True
        due = c.rectify_due
        key = due.isoformat()
        if now <= due:
            if c.warned_at is None and now >= deadlines.warn_at(hl.rules, due):
                c.warned_at = now
                if c.supervision_level == "none":
                    c.supervision_level = "warned"
                notice(s, unit_id=c.unit_id, ticket=None, kind="rect_warn", at=now, subject_type=SUBJECT,
                       subject_id=c.id, dedupe_key=f"rect-warn:{c.id}:{key}",
                       message=f"预警：差评整改单 {c.id} 将于 {_local(hl, due)} 到期，请抓紧整改并答复评价人")
                audit.record(s, SYSTEM, "warn", at=now, subject_type=SUBJECT, subject_id=c.id, data={"due": key})
                counts["warned"] += 1
                changed = True
        else:
            if c.urged_at is None:
                c.overdue = True
                c.urged_at = now
                if c.supervision_level in ("none", "warned"):
                    c.supervision_level = "supervised"
                notice(s, unit_id=c.unit_id, ticket=None, kind="rect_supervise", at=now, subject_type=SUBJECT,
                       subject_id=c.id, dedupe_key=f"rect-supervise:{c.id}:{key}",
                       message=f"督办：差评整改单 {c.id} 已超过整改答复时限（{_local(hl, due)}），请立即整改并答复")
                audit.record(s, SYSTEM, "urge", at=now, subject_type=SUBJECT, subject_id=c.id,
                             data={"due": key, "level": "supervised"})
                counts["supervised"] += 1
                changed = True
            notify_on = deadlines.notify_at(hl.rules, hl.calendar, due)
            if c.notified_at is None and now > notify_on:
                c.notified_at = now
                c.supervision_level = "notified"
                message = (f"通报：{unit_name}差评整改单 {c.id} 超过整改时限 "
                           f"{hl.rules.notify_after_workdays} 个工作日仍未答复")
                notice(s, unit_id=c.unit_id, ticket=None, kind="rect_notify", at=now, subject_type=SUBJECT,
                       subject_id=c.id, dedupe_key=f"rect-notify:{c.id}:{key}", message=message)
                notice(s, unit_id=None, ticket=None, kind="rect_notify", at=now, subject_type=SUBJECT,
                       subject_id=c.id, dedupe_key=f"rect-notify-centre:{c.id}:{key}", message=message)
                audit.record(s, SYSTEM, "notify", at=now, subject_type=SUBJECT, subject_id=c.id, data={"due": key})
                counts["notified"] += 1
                changed = True
        if changed:
            uow.commit()
