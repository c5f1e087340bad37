"""What each kind of reader sees of a ticket: full for the centre, masked for units."""
from __future__ import annotations

from typing import Any

from hotline.domain.lifecycle import allowed_events
from hotline.domain.privacy import HIDDEN, mask_name, mask_phone, mask_text
from hotline.domain.vocab import TICKET_TERMINAL_CODES, AppealType, Role, SupervisionLevel, TicketStatus, Urgency
from hotline.services.actors import Actor
from models import Ticket


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _label(enum, value):
    try:
        return enum(value).label
    except ValueError:
        return value


def ticket_view(t: Ticket, actor: Actor, *, detail: bool = True) -> dict[str, Any]:
    is_unit = actor.role is Role.unit
    is_citizen = actor.role is Role.channel
    content = mask_text(t.content) if is_unit else t.content
    if is_unit and t.hide_identity:
        name, phone = HIDDEN, HIDDEN
    elif is_unit and not t.share_contact:
        name, phone = mask_name(t.contact_name), mask_phone(t.contact_phone)
    elif is_citizen:
        name, phone = mask_name(t.contact_name), mask_phone(t.contact_phone)
    else:
        name, phone = t.contact_name, t.contact_phone
    view: dict[str, Any] = {
        "number": t.number,
        "status": t.status,
        "status_label": _label(TicketStatus, t.status),
        "terminal": t.status in TICKET_TERMINAL_CODES,
        "channel": t.channel,
        "appeal_type": t.appeal_type,
        "appeal_type_label": _label(AppealType, t.appeal_type),
        "urgency": t.urgency,
        "urgency_label": _label(Urgency, t.urgency),
        "category": t.category.code if t.category else None,
        "category_name": t.category.name if t.category else None,
        "title": t.title,
        "content": content,
        "place": t.place,
        "district": t.district.code if t.district else None,
        "district_name": t.district.name if t.district else None,
        "contact_name": name,
        "contact_phone": phone,
        "hide_identity": t.hide_identity,
        "lead_unit": t.lead_unit.code if t.lead_unit else None,
        "lead_unit_name": t.lead_unit.name if t.lead_unit else None,
        "assisting_units": [a.unit.code for a in t.assists],
        "created_at": _iso(t.created_at),
        "dispatch_due": _iso(t.dispatch_due),
        "dispatched_at": _iso(t.dispatched_at),
        "sign_due": _iso(t.sign_due),
        "signed_at": _iso(t.signed_at),
        "return_due": _iso(t.return_due),
        "complete_due": _iso(t.complete_due),
        "answered_at": _iso(t.answered_at),
        "answer": t.answer_text,
        "callback_due": _iso(t.callback_due),
        "closed_at": _iso(t.closed_at),
        "solved": t.solved,
        "satisfaction": t.satisfaction,
        "merged_into": t.merged_into.number if t.merged_into else None,
        "overdue": t.overdue,
        "supervision_level": t.supervision_level,
        "supervision_label": _label(SupervisionLevel, t.supervision_level),
        "return_count": t.return_count,
        "reopen_count": t.reopen_count,
        "extension_workdays": t.extension_workdays,
    }
    if is_citizen:
        for key in ("lead_unit", "assisting_units", "classification", "routing"):
            view.pop(key, None)
        return view
    view["allowed_actions"] = [e.value for e in allowed_events(t.status, actor.role)]
    view["triage_reason"] = t.triage_reason   # the triage list's 原因 (not personal data)
    if detail:
        view.update({
            "channel_ref": t.channel_ref,
            "intake_state": t.intake_state,
            "category_confidence": t.category_confidence,
            "model_version": t.model_version,
            "classification": t.classification,
            "routing": t.routing,
            "attachments": t.attachments or [],
            "transcript": _transcript_view(t.transcript, is_unit),
        })
    return view


def _transcript_view(transcript, is_unit: bool):
    if not transcript or not is_unit:
        return transcript
    out = dict(transcript)
    out.pop("caller", None)
    out["turns"] = [dict(turn, text=mask_text(turn.get("text"))) for turn in transcript.get("turns", [])]
    return out
