"""综合点评 and 监督查评 (国办发〔2019〕51号): assessments of a window, a unit or the hotline by
appointed observers (社会各界监督员) and by government supervisors. They are recorded apart from
citizens' ratings (their own table) and have their own figures, so they never move 好评率 or 未评率.

An observer has no account of their own: an operator, supervisor or admin records their assessment
with the observer's name, or a channel token issued to the observers' programme does.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select

from hotline import scope
from hotline.domain.vocab import LabelledEnum, Role
from hotline.errors import Forbidden, InvalidInput
from hotline.services import audit
from hotline.services.actors import Actor
from hotline.services.fields import choice, period, text as _text
from models import Assessment, Unit, Window
from rectification.domain import GOOD_MIN_LEVEL
from rectification.services import _level as review_level


class AssessmentKind(LabelledEnum):
    comprehensive = ("comprehensive", "综合点评")
    inspection = ("inspection", "监督查评")


class AssessmentTarget(LabelledEnum):
    window = ("window", "窗口")
    unit = ("unit", "单位")
    hotline = ("hotline", "12345热线")


ROLES = {AssessmentKind.comprehensive: (Role.operator, Role.supervisor, Role.admin, Role.channel),
         AssessmentKind.inspection: (Role.supervisor, Role.admin)}


def _findings(data: dict) -> list[str]:
    items = data.get("findings") or []
    if not isinstance(items, list) or not all(isinstance(t, str) and t.strip() for t in items) or len(items) > 20:
        raise InvalidInput("findings 须为不超过 20 项的文本列表", field="findings")
    return [t.strip()[:100] for t in items]


def view(a: Assessment) -> dict[str, Any]:
    return {"id": a.id, "kind": a.kind, "kind_label": AssessmentKind(a.kind).label, "target": a.target,
            "target_label": AssessmentTarget(a.target).label, "unit": a.unit.code, "unit_name": a.unit.name,
            "window": a.window.code if a.window else None, "level": a.level, "findings": a.findings or [],
            "text": a.text, "assessor": a.assessor, "recorded_by": a.recorded_by,
            "assessed_at": a.assessed_at.isoformat()}


def record_assessment(hl, *, actor: Actor, data: dict[str, Any]) -> dict:
    """Record one 综合点评 or 监督查评."""
    if not isinstance(data, dict):
        raise InvalidInput("请求体必须是 JSON 对象")
    kind = choice(AssessmentKind, data, "kind")
    if kind is None:
        raise InvalidInput("缺少必填字段：kind（comprehensive 综合点评 / inspection 监督查评）", field="kind")
    actor.require(*ROLES[kind])
    target = choice(AssessmentTarget, data, "target")
    if target is None:
        raise InvalidInput("缺少必填字段：target（window / unit / hotline）", field="target")
    level = review_level(data)
    findings = _findings(data)
    text = _text(data, "text", max_len=2000)
    if level <= 2 and not findings and not text:
        raise InvalidInput("评价为不满意时须写明问题（findings 或 text）", field="findings")
    assessor = _text(data, "assessor", max_len=120) or (actor.name if kind is AssessmentKind.inspection else None)
    if not assessor:
        raise InvalidInput("综合点评须填写监督员姓名 assessor", field="assessor")
    with hl.uow() as uow:
        s = uow.session
        window = None
        if target is AssessmentTarget.window:
            code = _text(data, "window_code", required=True, max_len=40)
            window = s.scalar(select(Window).where(Window.code == code))
            if window is None:
                raise InvalidInput(f"窗口不存在：{code}", field="window_code")
            unit = window.unit
        elif target is AssessmentTarget.unit:
            code = _text(data, "unit", required=True, max_len=40)
            unit = s.scalar(select(Unit).where(Unit.code == code, Unit.active.is_(True)))
            if unit is None:
                raise InvalidInput(f"单位编码不存在：{code}", field="unit")
        else:
            unit = s.scalar(select(Unit).where(Unit.kind == "centre", Unit.active.is_(True)).order_by(Unit.id))
            if unit is None:
                raise InvalidInput("未登记热线中心（kind=centre）单位，不能评价热线")
        now = hl.now()
        a = Assessment(kind=kind.value, target=target.value, unit_id=unit.id, unit=unit, window=window,
                       window_id=window.id if window else None, level=level, findings=findings, text=text,
                       assessor=assessor, recorded_by=actor.name, assessed_at=now, created_at=now)
        s.add(a)
        s.flush()
        audit.record(s, actor, "assessment", at=now, subject_type="assessment", subject_id=a.id,
                     data={"kind": kind.value, "target": target.value, "unit": unit.code, "level": level})
        out = view(a)
        uow.commit()
        return out


def list_assessments(hl, *, actor: Actor, kind: str | None = None, unit: str | None = None,
                     start: datetime | None = None, end: datetime | None = None, limit: int = 100) -> list[dict]:
    if actor.role is Role.channel:
        raise Forbidden("无权查看点评记录")
    with hl.sessions() as s:
        stmt = select(Assessment).where(*period(Assessment.assessed_at, start, end))
        if kind:
            stmt = stmt.where(Assessment.kind == kind)
        own = scope.unit_clause(actor, Assessment.unit_id)
        if own is not None:
            stmt = stmt.where(own)
        elif unit:
            stmt = stmt.where(Assessment.unit_id == select(Unit.id).where(Unit.code == unit).scalar_subquery())
        rows = s.scalars(stmt.order_by(Assessment.assessed_at.desc(), Assessment.id.desc())
                         .limit(max(1, min(int(limit), 500)))).all()
        return [view(a) for a in rows]


def assessment_figures(hl, *, start: datetime | None = None, end: datetime | None = None) -> list[dict]:
    """Per unit and kind: how many, the mean level, the share at 满意 or better — apart from citizens'."""
    with hl.sessions() as s:
        rows = s.execute(
            select(Unit.code, Unit.name, Assessment.kind, func.count().label("n"),
                   func.avg(Assessment.level).label("mean"),
                   func.sum(case((Assessment.level >= GOOD_MIN_LEVEL, 1), else_=0)).label("good"))
            .join(Unit, Unit.id == Assessment.unit_id).where(*period(Assessment.assessed_at, start, end))
            .group_by(Unit.code, Unit.name, Assessment.kind).order_by(Unit.code, Assessment.kind)).all()
    return [{"unit": r.code, "unit_name": r.name, "kind": r.kind, "kind_label": AssessmentKind(r.kind).label,
             "count": r.n, "mean_level": round(float(r.mean), 2), "good_rate": round((r.good or 0) / r.n, 4)}
            for r in rows]
