"""好差评 use cases: windows, 办件, reviews, the rectification loop, appeals, default ratings.

Every function opens one transaction, checks the actor's role and unit, moves a rectification case
through ``domain.advance`` (which refuses an illegal move before anything changes) and writes the
audit event (``subject_type="rectification"``) in the same transaction.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import exists, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hotline import scope
from hotline.domain import deadlines
from hotline.domain.privacy import mask_name, mask_phone, mask_text
from hotline.domain.vocab import Role, TicketStatus
from hotline.errors import Conflict, Forbidden, InvalidInput, NotFound
from hotline.services import audit
from hotline.services.actors import SYSTEM, Actor
from hotline.services.fields import (PHONE as _PHONE, check_replay, choice as _ticket_enum, choices, find_retry,
                                     fingerprint, flag as _bool, idempotency_key as idempotency_key_of, period,
                                     text as _text)
from hotline.services.tickets import format_local, active_unit, notice
from models import RectificationAction, RectificationCase, Review, ReviewAppeal, ServiceCase, Ticket, Unit, Window
from rectification import domain
from rectification.domain import (AppealKind, CallbackOutcome, CaseEvent, CaseFacts, CaseStatus, Finding, FollowUp,
                                  RaterType, ReviewChannel, Stage, Target)
from rectification.sentiment import contradiction

log = logging.getLogger(__name__)

SUBJECT = "rectification"
RATER_HIDDEN = "（评价人信息保密）"
RATING_ROLES = (Role.channel, Role.operator, Role.admin)
CENTRE_ROLES = (Role.operator, Role.supervisor, Role.admin)
MAX_TEXT = 2000
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 10
_SAFE_NAME = re.compile(r"[^\w.\-\u4e00-\u9fff]+")


# -- small helpers ----------------------------------------------------------------------------
def _enum(enum, data: dict, key: str, default=None):
    return _ticket_enum(enum, data, key) or default


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def list_reason_tags() -> list[str]:
    """The standard 差评 reason tags tablets and the mini-program show."""
    return list(domain.REASON_TAGS)


# -- windows (一窗一码) -------------------------------------------------------------------------
def window_view(w: Window) -> dict[str, Any]:
    return {"code": w.code, "name": w.name, "unit": w.unit.code if w.unit else None,
            "unit_name": w.unit.name if w.unit else None, "hall": w.hall, "location": w.location,
            "active": w.active}


def create_window(hl, *, code: str, name: str, unit_code: str, hall: str = "", location: str = "") -> dict:
    data = {"code": code, "name": name, "hall": hall or None, "location": location or None}
    code = _text(data, "code", required=True, max_len=40)
    name = _text(data, "name", required=True, max_len=120)
    with hl.uow() as uow:
        s = uow.session
        unit = active_unit(s, unit_code)
        if s.scalar(select(Window.id).where(Window.code == code)):
            raise Conflict(f"窗口编码已存在：{code}")
        window = Window(code=code, name=name, unit=unit, hall=_text(data, "hall", max_len=120) or "",
                        location=_text(data, "location", max_len=200) or "", created_at=hl.now())
        s.add(window)
        s.flush()
        view = window_view(window)
        uow.commit()
        return view


def get_window(hl, code: str) -> dict:
    with hl.sessions() as s:
        window = s.scalar(select(Window).where(Window.code == code))
        if window is None:
            raise NotFound(f"窗口不存在：{code}")
        return window_view(window)


def list_windows(hl, unit_code: str | None = None) -> list[dict]:
    with hl.sessions() as s:
        stmt = select(Window).where(Window.active.is_(True)).order_by(Window.code)
        if unit_code:
            stmt = stmt.join(Unit, Unit.id == Window.unit_id).where(Unit.code == unit_code)
        return [window_view(w) for w in s.scalars(stmt)]


# -- 办件 (what can be rated, and is 未评 until it is) -------------------------------------------
def register_case(hl, *, actor: Actor, data: dict[str, Any]) -> dict:
    """Record a 办件 handled at a window or online; ``completed`` (default true) marks it 办结 now."""
    actor.require(Role.operator, Role.admin, Role.channel, Role.unit)
    number = _text(data, "case_number", required=True, max_len=60)
    with hl.uow() as uow:
        s = uow.session
        window = None
        if data.get("window_code"):
            window = s.scalar(select(Window).where(Window.code == data["window_code"]))
            if window is None:
                raise InvalidInput(f"窗口不存在：{data['window_code']}", field="window_code")
        unit = window.unit if window is not None and not data.get("unit") else active_unit(s, data.get("unit"))
        scope.check_unit(actor, unit.id, "只能登记本单位的办件")
        if s.scalar(select(ServiceCase.id).where(ServiceCase.case_number == number)):
            raise Conflict(f"办件编号已存在：{number}")
        now = hl.now()
        case = ServiceCase(case_number=number, unit_id=unit.id, window_id=window.id if window else None,
                           staff_number=_text(data, "staff_number", max_len=40),
                           staff_name=_text(data, "staff_name", max_len=80),
                           service_item_code=_text(data, "service_item_code", max_len=60),
                           service_item_name=_text(data, "service_item_name", max_len=200),
                           channel=_text(data, "channel", max_len=20) or "window",
                           citizen_ref=_text(data, "citizen_ref", max_len=120), accepted_at=now,
                           completed_at=now if _bool({"completed": data.get("completed", True)}, "completed") else None,
                           rated_at=s.scalar(select(func.min(Review.rated_at)).where(
                               Review.subject_key == f"case:{number}", Review.is_default.is_(False))))
        s.add(case)
        s.flush()
        out = {"case_number": case.case_number, "unit": unit.code, "window": window.code if window else None,
               "completed_at": _iso(case.completed_at)}
        uow.commit()
        return out


# -- reviews ----------------------------------------------------------------------------------
def _reason_tags(data: dict) -> list[str]:
    tags = data.get("reason_tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) and t.strip() for t in tags):
        raise InvalidInput("reason_tags 必须是原因标签（文本）列表", field="reason_tags")
    tags = list(dict.fromkeys(t.strip() for t in tags))
    if len(tags) > 10 or any(len(t) > 30 for t in tags):
        raise InvalidInput("原因标签最多 10 个，每个不超过 30 个字符", field="reason_tags")
    return tags


def _level(data: dict) -> int:
    level = data.get("level")
    if isinstance(level, str) and level.strip().isdigit():
        level = int(level.strip())
    if not isinstance(level, int) or isinstance(level, bool) or not 1 <= level <= 5:
        raise InvalidInput("评价等级 level 须为 1 至 5 的整数（5 非常满意 … 1 非常不满意）", field="level")
    return level


def submit_review(hl, *, actor: Actor, data: dict[str, Any], idempotency_key: str | None = None
                  ) -> tuple[dict, bool]:
    """Record one rating. Returns (view, created); a retry returns the first review, created=False."""
    actor.require(*RATING_ROLES)
    if not isinstance(data, dict):
        raise InvalidInput("请求体必须是 JSON 对象")
    target = _enum(Target, data, "target")
    if target is None:
        raise InvalidInput("缺少必填字段：target（window / ticket / case）", field="target")
    stage = _enum(Stage, data, "stage", Stage.complete)
    channel = _enum(ReviewChannel, data, "channel")
    if channel is None:
        raise InvalidInput("缺少必填字段：channel", field="channel")
    if channel is ReviewChannel.system:
        raise InvalidInput("system 渠道仅用于系统默认评价", field="channel")
    level = _level(data)
    tags = _reason_tags(data)
    text = _text(data, "text", max_len=MAX_TEXT)
    if domain.is_bad(level) and not tags and not text:
        raise InvalidInput("差评（1–2 星）须选择原因标签或填写评价内容", field="reason_tags")
    rater_type = _enum(RaterType, data, "rater_type", RaterType.person)
    real_name = _bool(data, "real_name")
    rater_name = _text(data, "rater_name", max_len=80)
    rater_phone = _text(data, "rater_phone", max_len=40)
    if rater_phone and not _PHONE.match(rater_phone):
        raise InvalidInput("联系电话格式不正确", field="rater_phone")
    if real_name and not rater_phone:
        raise InvalidInput("实名评价须留联系电话，以便回访核实", field="rater_phone")
    channel_ref = _text(data, "channel_ref", max_len=120)
    key = idempotency_key_of(idempotency_key)
    request_hash = fingerprint(data)

    with hl.uow() as uow:
        s = uow.session
        existing = find_retry(s, Review, key, channel.value, channel_ref)
        if existing is not None:
            return _replay(s, existing, actor, request_hash, key)
        now = hl.now()
        subject = _resolve_subject(s, actor, target, data)
        if subject["key"] is not None:
            earlier = s.scalar(select(Review).where(Review.subject_key == subject["key"],
                                                    Review.stage == stage.value))
            if earlier is not None:
                if earlier.is_default:
                    raise Conflict(f"{subject['label']}已超过评价期限，系统已按默认评价记录，不能再评价")
                raise Conflict(f"{subject['label']}的“{stage.label}”环节已评价，每个环节只能评价一次",
                               review_id=earlier.id)
        reason, source = contradiction(hl, level, text)
        review = Review(
            target=target.value, subject_key=subject["key"], stage=stage.value, unit_id=subject["unit"].id,
            window_id=subject["window"].id if subject["window"] else None,
            ticket_id=subject["ticket"].id if subject["ticket"] else None,
            case_number=subject["case_number"], staff_number=subject["staff_number"],
            staff_name=subject["staff_name"], service_item_code=subject["service_item_code"],
            service_item_name=subject["service_item_name"], channel=channel.value, channel_ref=channel_ref,
            idempotency_key=key, level=level, reason_tags=tags, text=text, rater_type=rater_type.value,
            real_name=real_name, rater_name=rater_name, rater_phone=rater_phone,
            citizen_ref=_text(data, "citizen_ref", max_len=120) or (actor.id if actor.kind == "citizen" else None),
            flagged=reason is not None, flag_reason=reason, rated_at=now, created_at=now,
            extra={"request_hash": request_hash, "sentiment_source": source},
        )
        s.add(review)
        try:
            s.flush()
        except IntegrityError:
            s.rollback()
            existing = find_retry(s, Review, key, channel.value, channel_ref)
            if existing is not None:
                return _replay(s, existing, actor, request_hash, key)
            raise Conflict(f"{subject['label']}的“{stage.label}”环节已评价，每个环节只能评价一次") from None
        if target is not Target.ticket and review.case_number:
            s.execute(update(ServiceCase).where(ServiceCase.case_number == review.case_number,
                                                ServiceCase.rated_at.is_(None)).values(rated_at=now))
        audit.record(s, actor, "review", at=now, subject_type="review", subject_id=review.id,
                     ticket_id=review.ticket_id,
                     data={"level": level, "channel": channel.value, "target": target.value, "stage": stage.value,
                           "flagged": review.flagged})
        if domain.is_bad(level):
            _open_case(s, hl, review, now)
        s.flush()
        view = review_view(review, actor)
        uow.commit()
        return view, True


def _replay(s: Session, review: Review, actor: Actor, request_hash: str, key: str | None) -> tuple[dict, bool]:
    check_replay(review, key, request_hash, message="该 Idempotency-Key 已用于内容不同的评价请求", review_id=review.id)
    return review_view(review, actor), False


def _resolve_subject(s: Session, actor: Actor, target: Target, data: dict) -> dict[str, Any]:
    """The unit responsible and what "one rating per … and stage" is keyed on."""
    out: dict[str, Any] = {"window": None, "ticket": None, "case_number": _text(data, "case_number", max_len=60),
                           "staff_number": _text(data, "staff_number", max_len=40),
                           "staff_name": _text(data, "staff_name", max_len=80),
                           "service_item_code": _text(data, "service_item_code", max_len=60),
                           "service_item_name": _text(data, "service_item_name", max_len=200)}
    code = _text(data, "window_code", max_len=40)
    if code:
        out["window"] = s.scalar(select(Window).where(Window.code == code, Window.active.is_(True)))
        if out["window"] is None:
            raise InvalidInput(f"窗口不存在：{code}", field="window_code")
    unit_code = _text(data, "unit", max_len=40)
    if target is Target.ticket:
        number = _text(data, "ticket_number", required=True, max_len=20)
        ticket = s.scalar(select(Ticket).where(Ticket.number == number))
        if ticket is None:
            raise InvalidInput(f"工单不存在：{number}", field="ticket_number")
        if actor.kind == "citizen" and ticket.citizen_ref and ticket.citizen_ref != actor.id:
            raise Forbidden("只能评价本人提交的诉求")
        merged_closed = ticket.status == TicketStatus.merged.value and ticket.closed_at is not None
        if ticket.status != TicketStatus.closed.value and not merged_closed:
            raise Conflict(f"工单 {number} 尚未办结，办结后才能评价")
        unit = s.get(Unit, ticket.lead_unit_id) if ticket.lead_unit_id else _hotline_centre(s)
        if unit is None:
            raise Conflict(f"工单 {number} 没有承办单位，也未登记热线中心，不能评价")
        out.update(ticket=ticket, unit=unit, key=f"ticket:{number}", label=f"工单 {number}")
        return out
    if target is Target.case:
        number = out["case_number"]
        if not number:
            raise InvalidInput("评价办件须提供办件编号 case_number", field="case_number")
        case = s.scalar(select(ServiceCase).where(ServiceCase.case_number == number))
        if case is not None:
            if out["window"] is None and case.window_id:
                out["window"] = s.get(Window, case.window_id)
            for field in ("staff_number", "staff_name", "service_item_code", "service_item_name"):
                out[field] = out[field] or getattr(case, field)
            unit = s.get(Unit, case.unit_id)
        elif out["window"] is not None:
            unit = out["window"].unit
        else:
            unit = active_unit(s, unit_code)
        out.update(unit=unit, key=f"case:{number}", label=f"办件 {number}")
        return out
    if out["window"] is None:
        raise InvalidInput("评价窗口须提供窗口编码 window_code", field="window_code")
    out["unit"] = out["window"].unit
    if out["case_number"]:
        out.update(key=f"case:{out['case_number']}", label=f"办件 {out['case_number']}")
    else:  # a window visit without a 办件: each visit is its own subject (retries by channel_ref)
        out.update(key=None, label=f"窗口 {out['window'].code}")
    return out


def _hotline_centre(s: Session) -> Unit | None:
    """The hotline centre: a consultation it answered itself is rated as its own 一事一评."""
    return s.scalar(select(Unit).where(Unit.kind == "centre", Unit.active.is_(True)).order_by(Unit.id))


def _open_case(s: Session, hl, review: Review, now: datetime) -> RectificationCase:
    case = RectificationCase(
        review=review, unit_id=review.unit_id, status=CaseStatus.opened.value, real_name=review.real_name,
        opened_at=review.rated_at, updated_at=now,  # the unit and period of the figures, as on the review
        contact_due=deadlines.review_first_contact_due(hl.rules, hl.calendar, review.rated_at),
        rectify_due=deadlines.review_rectify_due(hl.rules, hl.calendar, review.rated_at))
    s.add(case)
    s.flush()
    audit.record(s, SYSTEM, "open", at=now, subject_type=SUBJECT, subject_id=case.id,
                 to_status=case.status, data={"review_id": review.id, "level": review.level,
                                              "contact_due": case.contact_due.isoformat(),
                                              "rectify_due": case.rectify_due.isoformat()})
    notice(s, unit_id=case.unit_id, ticket=None, kind="rectification", at=now, subject_type=SUBJECT,
           subject_id=case.id, dedupe_key=f"rect-open:{case.id}",
           message=f"差评整改单 {case.id}：请于 {format_local(hl, case.contact_due)} 前回访核实，"
                   f"{format_local(hl, case.rectify_due)} 前完成整改并答复评价人")
    return case


# -- views --------------------------------------------------------------------------------------
def review_view(r: Review, actor: Actor, *, show_contact: bool = False) -> dict[str, Any]:
    """A review as ``actor`` reads it. The rater's name and phone appear only with ``show_contact`` (the
    caller has checked ``scope.may_see_rater_contact`` and recorded the showing, see ``_show_rater``)
    or, masked, to the rater themself."""
    masked = not scope.is_centre(actor)
    if show_contact:
        name, phone = r.rater_name, r.rater_phone
    elif scope.is_citizen(actor) and scope.may_see_rater_contact(actor, r):
        name, phone = mask_name(r.rater_name), mask_phone(r.rater_phone)
    else:
        name, phone = (RATER_HIDDEN, RATER_HIDDEN) if (r.rater_name or r.rater_phone) else (None, None)
    view = {
        "id": r.id, "target": r.target, "stage": r.stage, "stage_label": Stage(r.stage).label,
        "unit": r.unit.code if r.unit else None, "unit_name": r.unit.name if r.unit else None,
        "window": r.window.code if r.window else None, "window_name": r.window.name if r.window else None,
        "ticket_id": r.ticket_id, "case_number": r.case_number,
        "staff_number": r.staff_number, "staff_name": r.staff_name,
        "service_item_code": r.service_item_code, "service_item_name": r.service_item_name,
        "channel": r.channel, "channel_label": ReviewChannel(r.channel).label,
        "level": r.level, "level_label": domain.LEVEL_LABELS[r.level], "bad": domain.is_bad(r.level),
        "reason_tags": list(r.reason_tags or []), "text": mask_text(r.text, (r.rater_name,)) if masked else r.text,
        "rater_type": r.rater_type, "rater_type_label": RaterType(r.rater_type).label,
        "real_name": r.real_name, "rater_name": name, "rater_phone": phone,
        "is_default": r.is_default, "excluded": r.excluded, "excluded_reason": r.excluded_reason,
        "flagged": r.flagged, "flag_reason": r.flag_reason, "rated_at": _iso(r.rated_at),
        "rectification_id": r.case.id if r.case is not None else None,
    }
    if scope.is_centre(actor):
        view["citizen_ref"] = r.citizen_ref
        view["channel_ref"] = r.channel_ref
    return view


def _show_rater(s: Session, hl, case: RectificationCase, actor: Actor) -> bool:
    """Whether ``actor`` (the one doing the 回访核实) sees the rater's contact now; each showing is audited."""
    if scope.is_citizen(actor) or not scope.may_see_rater_contact(actor, case.review):
        return False
    audit.record(s, actor, "show_rater", at=hl.now(), subject_type=SUBJECT, subject_id=case.id,
                 data={"review_id": case.review_id})
    return True


def case_view(c: RectificationCase, actor: Actor, *, detail: bool = True,
              show_contact: bool = False) -> dict[str, Any]:
    view = {
        "id": c.id, "status": c.status, "status_label": CaseStatus(c.status).label,
        "unit": c.unit.code if c.unit else None, "unit_name": c.unit.name if c.unit else None,
        "real_name": c.real_name, "handler": c.handler_name,
        "opened_at": _iso(c.opened_at), "contact_due": _iso(c.contact_due), "rectify_due": _iso(c.rectify_due),
        "callback_at": _iso(c.callback_at), "callback_outcome": c.callback_outcome,
        "callback_outcome_label": CallbackOutcome(c.callback_outcome).label if c.callback_outcome else None,
        "callback_on_time": c.callback_on_time, "callback_attempts": c.callback_attempts or [],
        "finding": c.finding, "finding_label": Finding(c.finding).label if c.finding else None,
        "finding_note": c.finding_note, "replied_at": _iso(c.replied_at), "reply": c.reply_text,
        "replied_on_time": c.replied_on_time, "follow_up": c.follow_up,
        "follow_up_label": FollowUp(c.follow_up).label if c.follow_up else None,
        "follow_up_text": c.follow_up_text, "sent_back_count": c.sent_back_count,
        "closed_at": _iso(c.closed_at), "overdue": c.overdue, "contact_overdue": c.contact_overdue,
        "supervision_level": c.supervision_level,
        "allowed_actions": [e.value for e in domain.allowed_events(c.status, actor.role)],
    }
    if detail:
        view["review"] = review_view(c.review, actor, show_contact=show_contact)
        view["actions"] = [{"id": a.id, "description": a.description, "created_by": a.created_by,
                            "created_at": _iso(a.created_at),
                            "attachments": [{k: v for k, v in att.items() if k != "path"} for att in a.attachments or []]}
                           for a in c.actions]
    return view


# -- reading ------------------------------------------------------------------------------------
def _load_review(s: Session, review_id: int, actor: Actor) -> Review:
    review = s.get(Review, _int_id(review_id, "评价"))
    if review is None:
        raise NotFound(f"评价不存在：{review_id}")
    scope.check_unit(actor, review.unit_id, "无权查看其他单位的评价")
    if actor.role is Role.channel and (not scope.is_citizen(actor) or review.citizen_ref != actor.id):
        raise Forbidden("只能查看本人提交的评价")
    return review


def _int_id(value, what: str) -> int:
    from hotline.services.fields import ident

    return ident(value, what)


def get_review(hl, *, actor: Actor, review_id: int) -> dict:
    with hl.sessions() as s:
        return review_view(_load_review(s, review_id, actor), actor)


def list_reviews(hl, *, actor: Actor, unit: str | None = None, window: str | None = None,
                 bad: bool | None = None, flagged: bool | None = None, start: datetime | None = None,
                 end: datetime | None = None, limit: int = 50, offset: int = 0) -> dict:
    limit, offset = max(1, min(int(limit), 200)), max(0, int(offset))
    with hl.sessions() as s:
        stmt = scope.apply(select(Review), scope.unit_clause(actor, Review.unit_id))
        if actor.role is Role.channel:
            if not scope.is_citizen(actor) or not actor.id:
                raise Forbidden("渠道账号只能查看市民本人的评价")
            stmt = stmt.where(Review.citizen_ref == actor.id)
        if unit:
            stmt = stmt.where(Review.unit_id == select(Unit.id).where(Unit.code == unit).scalar_subquery())
        if window:
            stmt = stmt.where(Review.window_id == select(Window.id).where(Window.code == window).scalar_subquery())
        if bad is not None:
            stmt = stmt.where(Review.level <= domain.BAD_MAX_LEVEL if bad else Review.level > domain.BAD_MAX_LEVEL)
        if flagged is not None:
            stmt = stmt.where(Review.flagged.is_(flagged))
        stmt = stmt.where(*period(Review.rated_at, start, end))
        total = s.scalar(select(func.count()).select_from(stmt.subquery()))
        rows = s.scalars(stmt.order_by(Review.rated_at.desc(), Review.id.desc()).limit(limit).offset(offset)).all()
        return {"total": total, "limit": limit, "offset": offset, "items": [review_view(r, actor) for r in rows]}


def _load_case(s: Session, case_id: int, actor: Actor, *, act: bool = False) -> RectificationCase:
    case = s.get(RectificationCase, _int_id(case_id, "整改单"))
    if case is None:
        raise NotFound(f"整改单不存在：{case_id}")
    scope.check_unit(actor, case.unit_id, "无权查看或办理其他单位的整改单")
    if actor.role is Role.channel:
        if act and actor.kind == "citizen" and case.review.citizen_ref == actor.id:
            return case
        raise Forbidden("只能追评本人的评价")
    return case


def get_case(hl, *, actor: Actor, case_id: int) -> dict:
    with hl.uow() as uow:
        case = _load_case(uow.session, case_id, actor)
        view = case_view(case, actor, show_contact=_show_rater(uow.session, hl, case, actor))
        uow.commit()
        return view


def list_cases(hl, *, actor: Actor, status: str | None = None, unit: str | None = None,
               overdue: bool | None = None, limit: int = 50, offset: int = 0) -> dict:
    actor.require(Role.unit, *CENTRE_ROLES)
    limit, offset = max(1, min(int(limit), 200)), max(0, int(offset))
    with hl.sessions() as s:
        stmt = scope.apply(select(RectificationCase), scope.unit_clause(actor, RectificationCase.unit_id))
        if status:
            stmt = stmt.where(RectificationCase.status.in_(choices(CaseStatus, status, what="整改单状态")))
        if unit:
            stmt = stmt.where(RectificationCase.unit_id ==
                              select(Unit.id).where(Unit.code == unit).scalar_subquery())
        if overdue is not None:
            stmt = stmt.where(RectificationCase.overdue.is_(overdue))
        total = s.scalar(select(func.count()).select_from(stmt.subquery()))
        rows = s.scalars(stmt.order_by(RectificationCase.rectify_due, RectificationCase.id)
                         .limit(limit).offset(offset)).all()
        return {"total": total, "limit": limit, "offset": offset,
                "items": [case_view(c, actor, detail=False) for c in rows]}


def case_audit(hl, *, actor: Actor, case_id: int) -> list[dict]:
    from models import AuditEvent

    with hl.sessions() as s:
        case = _load_case(s, case_id, actor)
        rows = s.scalars(select(AuditEvent).where(AuditEvent.subject_type == SUBJECT,
                                                  AuditEvent.subject_id == case.id)
                         .order_by(AuditEvent.at, AuditEvent.id)).all()
        return [{"at": e.at.isoformat(), "actor": e.actor_name, "action": e.action,
                 "action_label": domain.EVENT_LABELS.get(CaseEvent(e.action), e.action)
                 if e.action in CaseEvent._value2member_map_ else {"open": "生成整改单", "overdue": "超期",
                                                                    "warn": "到期预警", "urge": "督办",
                                                                    "notify": "通报",
                                                                    "callback_attempt": "回访未联系上",
                                                                    "recompute_deadlines": "节假日调整，时限重算"
                                                                    }.get(e.action, e.action),
                 "from_status": e.from_status, "to_status": e.to_status, "reason": e.reason, "data": e.data or {}}
                for e in rows]


# -- the rectification loop -------------------------------------------------------------------
def _facts(case: RectificationCase) -> CaseFacts:
    return CaseFacts(real_name=case.real_name, has_callback=case.callback_at is not None,
                     finding=case.finding, action_count=len(case.actions))


def _move(s: Session, hl, case: RectificationCase, actor: Actor, event: CaseEvent, *,
          reason: str | None = None, data: dict | None = None, role_check: bool = True) -> None:
    audit.move(s, actor, domain.MACHINE, case, event, at=hl.now(), facts=_facts(case), role_check=role_check,
               subject_type=SUBJECT, subject_id=case.id, reason=reason, data=data)


def _act(hl, actor: Actor, case_id: int, fn) -> dict:
    with hl.uow() as uow:
        s = uow.session
        case = _load_case(s, case_id, actor, act=True)
        fn(s, case, hl.now())
        s.flush()
        s.refresh(case)
        view = case_view(case, actor, show_contact=_show_rater(s, hl, case, actor))
        uow.commit()
        return view


def claim_case(hl, *, actor: Actor, case_id: int) -> dict:
    """认领: the handler who calls the rater back. A real-name 差评 is called back by the centre: the
    rater's contact never reaches the rated unit (rules.md §1)."""
    def run(s, case, now):
        _centre_calls_real_name(case, actor)
        _move(s, hl, case, actor, CaseEvent.claim, data={"handler": actor.name})
        case.handler_id, case.handler_name = actor.id, actor.name
    return _act(hl, actor, case_id, run)


def _centre_calls_real_name(case: RectificationCase, actor: Actor) -> None:
    if case.real_name and not scope.is_centre(actor):
        raise Forbidden("实名差评由热线中心回访核实，评价人信息不向被评价单位提供")


def record_callback(hl, *, actor: Actor, case_id: int, outcome: str, note: str | None = None) -> dict:
    """回访核实 (within 1 working day): the call's outcome."""
    result = _enum(CallbackOutcome, {"outcome": outcome}, "outcome")
    if result is None:
        raise InvalidInput("缺少必填字段：outcome（reached / unreachable / declined）", field="outcome")
    note = _text({"note": note}, "note", max_len=MAX_TEXT)

    def run(s, case, now):
        _centre_calls_real_name(case, actor)
        attempts = list(case.callback_attempts or [])
        if case.callback_on_time is None:  # the first call, reached or not, is the on-time contact
            case.callback_on_time = now <= case.contact_due
        attempts.append({"at": now.isoformat(), "outcome": result.value, "note": note, "by": actor.name})
        case.callback_attempts = attempts
        if case.handler_id is None:
            case.handler_id, case.handler_name = actor.id, actor.name
        if result is CallbackOutcome.unreachable and case.real_name:
            days = unreachable_days(hl, attempts)
            needed = hl.rules.review_callback_attempts
            if len(days) < needed:  # not yet 无法联系: try again on another working day
                case.updated_at = now
                audit.record(s, actor, "callback_attempt", at=now, subject_type=SUBJECT, subject_id=case.id,
                             from_status=case.status, to_status=case.status, reason=note,
                             data={"outcome": result.value, "working_days_tried": len(days), "needed": needed})
                retry_on = hl.calendar.next_workday(hl.calendar.local_date(now))
                # a real-name rater is called back by the centre (never the rated unit): the notice is the centre's
                notice(s, unit_id=None, ticket=None, kind="rect_callback_retry", at=now,
                       subject_type=SUBJECT, subject_id=case.id, dedupe_key=f"rect-retry:{case.id}:{len(attempts)}",
                       message=f"差评整改单 {case.id}：评价人未能联系上（已在 {len(days)}/{needed} 个工作日尝试），"
                               f"请于 {retry_on.isoformat()} 再次回访；满 {needed} 个工作日仍联系不上方可记为无法联系")
                return
        _move(s, hl, case, actor, CaseEvent.callback, reason=note,
              data={"outcome": result.value, "attempts": len(attempts)})  # the table: opened → verified
        case.callback_at, case.callback_outcome, case.callback_note = now, result.value, note
    return _act(hl, actor, case_id, run)


def unreachable_days(hl, attempts: list[dict]) -> list[str]:
    """The distinct working days (local) on which the rater could not be reached."""
    days = []
    for a in attempts:
        if a.get("outcome") != CallbackOutcome.unreachable.value:
            continue
        day = hl.calendar.local_date(datetime.fromisoformat(a["at"]))
        if hl.calendar.is_workday(day) and day.isoformat() not in days:
            days.append(day.isoformat())
    return days


def record_finding(hl, *, actor: Actor, case_id: int, finding: str, note: str | None = None) -> dict:
    """核实认定: 属实·立行立改 / 属实·限期整改 / 解释说明 / 不属实."""
    found = _enum(Finding, {"finding": finding}, "finding")
    if found is None:
        raise InvalidInput("缺少必填字段：finding", field="finding")
    note = _text({"note": note}, "note", required=not found.substantiated, max_len=MAX_TEXT)

    def run(s, case, now):
        _move(s, hl, case, actor, CaseEvent.finding, reason=note, data={"finding": found.value})
        case.finding, case.finding_note, case.found_at = found.value, note, now
    return _act(hl, actor, case_id, run)


def _store_attachments(hl, case_id: int, items: Any) -> list[dict]:
    if items in (None, []):
        return []
    if not isinstance(items, list) or len(items) > MAX_ATTACHMENTS:
        raise InvalidInput(f"attachments 须为不超过 {MAX_ATTACHMENTS} 个附件的列表", field="attachments")
    stored = []
    folder = Path(hl.settings.uploads_dir) / "rectification" / str(case_id)
    for i, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise InvalidInput(f"第 {i} 个附件须有文件名 name", field="attachments")
        raw = item.get("content")
        if isinstance(raw, (bytes, bytearray)):
            content = bytes(raw)
        elif isinstance(item.get("content_base64"), str):
            try:
                content = base64.b64decode(item["content_base64"], validate=True)
            except (binascii.Error, ValueError):
                raise InvalidInput(f"第 {i} 个附件的 content_base64 不是有效的 Base64", field="attachments") from None
        else:
            raise InvalidInput(f"第 {i} 个附件缺少内容（content_base64）", field="attachments")
        if not content or len(content) > MAX_ATTACHMENT_BYTES:
            raise InvalidInput(f"第 {i} 个附件为空或超过 10 MB", field="attachments")
        digest = hashlib.sha256(content).hexdigest()
        name = _SAFE_NAME.sub("_", Path(item["name"].strip()).name)[:80] or "file"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{digest[:16]}-{name}"
        if not path.exists():
            tmp = path.with_suffix(path.suffix + ".part")
            tmp.write_bytes(content)
            tmp.replace(path)
        stored.append({"name": name, "size": len(content), "sha256": digest,
                       "content_type": str(item.get("content_type") or "application/octet-stream")[:100],
                       "path": str(path.relative_to(hl.settings.uploads_dir))})
    return stored


def add_action(hl, *, actor: Actor, case_id: int, description: str, attachments: list | None = None) -> dict:
    """整改措施 with evidence: files under ``uploads_dir/rectification/<case>/``, metadata in the DB."""
    description = _text({"description": description}, "description", required=True, max_len=MAX_TEXT)

    def run(s, case, now):
        _move(s, hl, case, actor, CaseEvent.action, data={"attachments": len(attachments or [])})
        files = _store_attachments(hl, case.id, attachments)
        case.actions.append(RectificationAction(description=description, attachments=files,
                                                created_by=actor.name, created_at=now))
    return _act(hl, actor, case_id, run)


def attachment_path(hl, *, actor: Actor, case_id: int, sha256: str) -> tuple[Path, str, str]:
    with hl.sessions() as s:
        case = _load_case(s, case_id, actor)
        for action in case.actions:
            for att in action.attachments or []:
                if att.get("sha256") == sha256:
                    return Path(hl.settings.uploads_dir) / att["path"], att["name"], att["content_type"]
    raise NotFound("附件不存在")


def reply_case(hl, *, actor: Actor, case_id: int, reply: str) -> dict:
    """答复评价人 (within 15 working days of the rating)."""
    text = _text({"reply": reply}, "reply", required=True, max_len=MAX_TEXT)
    if len(text) < 5:
        raise InvalidInput("答复内容过短，请写明核实和整改情况", field="reply")

    def run(s, case, now):
        _move(s, hl, case, actor, CaseEvent.reply, data={"reply": text})
        case.replied_at, case.reply_text = now, text
        case.replied_on_time = now <= case.rectify_due
    view = _act(hl, actor, case_id, run)
    try:  # the rater is told the result on their own channel (committed above)
        hl.queue.enqueue("notify_rater", view["review"]["id"], "rectified")
    except Exception:  # noqa: BLE001 - the reply stands; the message is not worth failing it
        log.exception("could not enqueue the rectification message of case %s", case_id)
    return view


def record_follow_up(hl, *, actor: Actor, case_id: int, result: str, text: str | None = None) -> dict:
    """追评: the rater's one follow-up rating after the reply (满意 / 基本满意 / 不满意)."""
    value = _enum(FollowUp, {"result": result}, "result")
    if value is None:
        raise InvalidInput("缺少必填字段：result（satisfied / basic / unsatisfied）", field="result")
    text = _text({"text": text}, "text", max_len=MAX_TEXT)

    def run(s, case, now):
        _move(s, hl, case, actor, CaseEvent.follow_up, data={"result": value.value})
        case.follow_up, case.follow_up_text, case.follow_up_at = value.value, text, now
    return _act(hl, actor, case_id, run)


def accept_case(hl, *, actor: Actor, case_id: int, note: str | None = None) -> dict:
    """督查验收: the supervisor closes the case."""
    def run(s, case, now):
        _move(s, hl, case, actor, CaseEvent.accept, reason=note)
        case.closed_at, case.closed_by = now, actor.name
    return _act(hl, actor, case_id, run)


def send_back_case(hl, *, actor: Actor, case_id: int, reason: str) -> dict:
    """督查退回: rectify again; the reply and 追评 are cleared (kept in the audit trail)."""
    reason = _text({"reason": reason}, "reason", required=True, max_len=MAX_TEXT)

    def run(s, case, now):
        _move(s, hl, case, actor, CaseEvent.send_back, reason=reason,
              data={"previous_reply": case.reply_text, "previous_follow_up": case.follow_up})
        case.sent_back_count += 1
        case.replied_at = case.reply_text = case.replied_on_time = None
        case.follow_up = case.follow_up_text = case.follow_up_at = None
        notice(s, unit_id=case.unit_id, ticket=None, kind="rect_send_back", at=now, subject_type=SUBJECT,
               subject_id=case.id, dedupe_key=f"rect-back:{case.id}:{case.sent_back_count}",
               message=f"差评整改单 {case.id} 被督查退回，请重新整改：{reason}")
    return _act(hl, actor, case_id, run)


CASE_ACTIONS = {
    "claim": (claim_case, ()),
    "callback": (record_callback, ("outcome", "note")),
    "finding": (record_finding, ("finding", "note")),
    "action": (add_action, ("description", "attachments")),
    "reply": (reply_case, ("reply",)),
    "follow-up": (record_follow_up, ("result", "text")),
    "accept": (accept_case, ("note",)),
    "send-back": (send_back_case, ("reason",)),
}


def case_action(hl, *, actor: Actor, case_id: int, action: str, data: dict[str, Any]) -> dict:
    """One entry for every step (the REST API and the CLI use it)."""
    if action not in CASE_ACTIONS:
        raise NotFound(f"不支持的整改操作：{action}（可选：{'、'.join(CASE_ACTIONS)}）")
    fn, params = CASE_ACTIONS[action]
    if not isinstance(data, dict):
        raise InvalidInput("请求体必须是 JSON 对象")
    kwargs = {p: data.get(p) for p in params}
    return fn(hl, actor=actor, case_id=case_id, **kwargs)


# -- appeals (申诉复核) ---------------------------------------------------------------------------
def appeal_view(a: ReviewAppeal) -> dict[str, Any]:
    return {"id": a.id, "review_id": a.review_id, "kind": a.kind, "kind_label": AppealKind(a.kind).label,
            "reason": a.reason, "status": a.status,
            "status_label": {"pending": "待复核", "upheld": "申诉成立", "rejected": "申诉不成立"}[a.status],
            "created_by": a.created_by, "created_at": _iso(a.created_at), "decided_by": a.decided_by,
            "decided_at": _iso(a.decided_at), "decision_reason": a.decision_reason}


def appeal_review(hl, *, actor: Actor, review_id: int, kind: str, reason: str) -> dict:
    """A unit appeals a 差评 as 误评 or 恶意差评; a supervisor decides."""
    actor.require(Role.unit)
    appeal_kind = _enum(AppealKind, {"kind": kind}, "kind")
    if appeal_kind is None:
        raise InvalidInput("缺少必填字段：kind（mistaken 误评 / malicious 恶意差评）", field="kind")
    reason = _text({"reason": reason}, "reason", required=True, max_len=MAX_TEXT)
    if len(reason) < 4:
        raise InvalidInput("申诉须写明理由", field="reason")
    with hl.uow() as uow:
        s = uow.session
        review = _load_review(s, review_id, actor)
        if not domain.is_bad(review.level) or review.is_default:
            raise Conflict("只能对差评申诉")
        if s.scalar(select(ReviewAppeal.id).where(ReviewAppeal.review_id == review.id)):
            raise Conflict("该评价已申诉过，每条评价只能申诉一次")
        now = hl.now()
        appeal = ReviewAppeal(review_id=review.id, unit_id=review.unit_id, kind=appeal_kind.value, reason=reason,
                              created_by=actor.name, created_at=now)
        s.add(appeal)
        s.flush()
        audit.record(s, actor, "appeal", at=now, subject_type="appeal", subject_id=appeal.id, reason=reason,
                     data={"review_id": review.id, "kind": appeal_kind.value})
        notice(s, unit_id=None, ticket=None, kind="review_appeal", at=now, subject_type="appeal",
               subject_id=appeal.id, dedupe_key=f"review-appeal:{appeal.id}",
               message=f"评价 {review.id} 被申诉为{appeal_kind.label}，请复核")
        view = appeal_view(appeal)
        uow.commit()
        return view


def decide_appeal(hl, *, actor: Actor, appeal_id: int, uphold: bool, reason: str) -> dict:
    """Uphold (the review leaves the figures, never the record; its case is voided) or reject."""
    actor.require(Role.supervisor, Role.admin)
    if not isinstance(uphold, bool):
        raise InvalidInput("uphold 必须是 true 或 false", field="uphold")
    reason = _text({"reason": reason}, "reason", required=True, max_len=MAX_TEXT)
    with hl.uow() as uow:
        s = uow.session
        appeal = s.get(ReviewAppeal, _int_id(appeal_id, "申诉"))
        if appeal is None:
            raise NotFound(f"申诉不存在：{appeal_id}")
        if appeal.status != "pending":
            raise Conflict("该申诉已复核")
        now = hl.now()
        appeal.status = "upheld" if uphold else "rejected"
        appeal.decided_by, appeal.decided_at, appeal.decision_reason = actor.name, now, reason
        audit.record(s, actor, "decide_appeal", at=now, subject_type="appeal", subject_id=appeal.id,
                     reason=reason, data={"uphold": uphold, "review_id": appeal.review_id})
        review = s.get(Review, appeal.review_id)
        if uphold:
            review.excluded = True
            review.excluded_reason = f"申诉成立（{AppealKind(appeal.kind).label}）：{reason}"
            case = review.case
            if case is not None and case.status in {st.value for st in domain.OPEN}:
                _move(s, hl, case, actor, CaseEvent.void, reason=reason, data={"appeal_id": appeal.id})
                case.closed_at, case.closed_by = now, actor.name
        notice(s, unit_id=appeal.unit_id, ticket=None, kind="appeal_decided", at=now, subject_type="appeal",
               subject_id=appeal.id, dedupe_key=f"review-appeal-decided:{appeal.id}",
               message=f"评价 {review.id} 的申诉{'成立，已从统计中剔除' if uphold else '不成立'}：{reason}")
        view = appeal_view(appeal)
        uow.commit()
        return view


def list_appeals(hl, *, actor: Actor, status: str | None = None) -> list[dict]:
    actor.require(Role.unit, *CENTRE_ROLES)
    with hl.sessions() as s:
        stmt = scope.apply(select(ReviewAppeal), scope.unit_clause(actor, ReviewAppeal.unit_id))
        stmt = stmt.order_by(ReviewAppeal.created_at.desc(), ReviewAppeal.id.desc())
        if status:
            stmt = stmt.where(ReviewAppeal.status == status)
        return [appeal_view(a) for a in s.scalars(stmt.limit(200))]


# -- 未评 and default ratings ------------------------------------------------------------------
def apply_default_ratings(hl, now: datetime, batch: int = 1000) -> int:
    """After ``[reviews] default_rating_days`` natural days (0 = off), an unrated 办件 or closed ticket
    gets a default 基本满意 marked ``is_default`` — never counted as an active rating. Safe to run twice."""
    days = hl.rules.review_default_rating_days
    if days <= 0:
        return 0
    cutoff = now - timedelta(days=days)
    created = 0
    with hl.uow() as uow:
        s = uow.session
        cases = s.execute(
            select(ServiceCase.case_number, ServiceCase.unit_id, ServiceCase.window_id, ServiceCase.staff_number,
                   ServiceCase.staff_name, ServiceCase.service_item_code, ServiceCase.service_item_name)
            .where(ServiceCase.completed_at <= cutoff,
                   ~exists().where(Review.subject_key == "case:" + ServiceCase.case_number))
            .limit(batch)).all()
        rows = [dict(target="case", subject_key=f"case:{c.case_number}", stage="complete", unit_id=c.unit_id,
                     window_id=c.window_id, case_number=c.case_number, staff_number=c.staff_number,
                     staff_name=c.staff_name, service_item_code=c.service_item_code,
                     service_item_name=c.service_item_name) for c in cases]
        tickets = s.execute(
            select(Ticket.id, Ticket.number, Ticket.lead_unit_id)
            .where(Ticket.status == TicketStatus.closed.value, Ticket.closed_at <= cutoff,
                   Ticket.lead_unit_id.is_not(None), ~exists().where(Review.ticket_id == Ticket.id))
            .limit(batch)).all()
        rows += [dict(target="ticket", subject_key=f"ticket:{t.number}", stage="complete", unit_id=t.lead_unit_id,
                      ticket_id=t.id) for t in tickets]
        for row in rows:
            s.execute(insert(Review).values(
                **{"window_id": None, "ticket_id": None, "case_number": None, "staff_number": None,
                   "staff_name": None, "service_item_code": None, "service_item_name": None, **row},
                channel=ReviewChannel.system.value, level=domain.DEFAULT_LEVEL, reason_tags=[], is_default=True,
                excluded=False, flagged=False, rater_type="person", real_name=False, rated_at=now,
                created_at=now, extra={"default_after_days": days}))
            created += 1
        if created:
            audit.record(s, SYSTEM, "default_rating", at=now, subject_type="review",
                         data={"count": created, "days": days})
        uow.commit()
    return created
