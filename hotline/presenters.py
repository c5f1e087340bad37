"""What each audience reads of a record: one presenter per audience, deciding fields and masking.

The audiences (``hotline.scope.Audience``): the **centre** reads everything; a **unit** reads every text
field (title, content, transcript, address, answer, attachments' names, audit data) with phone, ID, plate
and bank-card numbers and the caller's name masked, no channel or citizen references, and nothing at all
of a citizen who asked to hide their identity; a **channel** (the citizen themself or the channel client
that filed it) reads its own appeal without internal routing; the **public** (Open311) reads a masked
description and address and no contact. Views never mask field by field: they call these functions.
"""
from __future__ import annotations

from typing import Any

from hotline.domain.lifecycle import allowed_events
from hotline.domain.privacy import HIDDEN, mask_deep, mask_name, mask_phone, mask_text
from hotline.domain.vocab import TICKET_TERMINAL_CODES, AppealType, SupervisionLevel, TicketStatus, Urgency
from hotline.scope import Audience, audience
from hotline.services.actors import Actor
from models import Ticket

# Keys that link an appeal to a citizen's other appeals or identify them: the centre's only.
PRIVATE_KEYS = frozenset({"channel_ref", "citizen_ref", "contact_name", "contact_phone", "caller", "openid",
                          "rater_name", "rater_phone", "phone", "id_number"})


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _label(enum, value):
    try:
        return enum(value).label
    except ValueError:
        return value


def supervision_level(t: Ticket) -> str:
    """A ticket's 督办 level as shown: a 预警 is stored as the ``warned_at`` stamp only (the sweep leaves
    ``supervision_level`` at ``none`` so that a 预警 stays a HOT update: hotline.services.sweep.escalate);
    rows written before still carry ``warned`` and read the same."""
    level = t.supervision_level
    return "warned" if level == "none" and t.warned_at is not None else level


def _names(t: Ticket) -> tuple[str | None, ...]:
    return (t.contact_name,)


def masker(t: Ticket, aud: Audience):
    """The text function for ``aud`` reading ``t``: identity for the centre, ``mask_text`` otherwise."""
    if aud is Audience.centre:
        return lambda text: text
    names = _names(t)
    return lambda text: mask_text(text, names)


def _contact(t: Ticket, aud: Audience) -> tuple[str | None, str | None]:
    if aud is Audience.centre:
        return t.contact_name, t.contact_phone
    if aud is Audience.public:
        return None, None
    if aud is Audience.unit and t.hide_identity:
        return HIDDEN, HIDDEN
    if aud is Audience.unit and t.share_contact:
        return t.contact_name, t.contact_phone
    return mask_name(t.contact_name), mask_phone(t.contact_phone)


def ticket_view(t: Ticket, actor: Actor, *, detail: bool = True) -> dict[str, Any]:
    aud = audience(actor)
    m = masker(t, aud)
    name, phone = _contact(t, aud)
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
        "title": m(t.title),
        "content": m(t.content),
        "place": m(t.place),
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
        "answer": m(t.answer_text),
        "callback_due": _iso(t.callback_due),
        "closed_at": _iso(t.closed_at),
        "solved": t.solved,
        "satisfaction": t.satisfaction,
        "merged_into": t.merged_into.number if t.merged_into else None,
        "overdue": t.overdue,
        "supervision_level": supervision_level(t),
        "supervision_label": _label(SupervisionLevel, supervision_level(t)),
        "return_count": t.return_count,
        "reopen_count": t.reopen_count,
        "extension_workdays": t.extension_workdays,
        "transfer": list((t.routing or {}).get("transfer") or []),
        "redirect": (t.routing or {}).get("redirect"),
    }
    if aud in (Audience.channel, Audience.public):
        for key in ("lead_unit", "assisting_units"):
            view.pop(key, None)
        return view
    view["allowed_actions"] = [e.value for e in allowed_events(t.status, actor.role)]
    # 工单质检: the unit's answer was flagged weak (None: no answer checked yet) — the callbacks list marks it
    view["reply_weak"] = t.reply_weak
    view["triage_reason"] = t.triage_reason   # the triage list's 原因 (not personal data)
    if detail:
        view.update({
            "intake_state": t.intake_state,
            "category_confidence": t.category_confidence,
            "model_version": t.model_version,
            "classification": t.classification,
            "routing": _private(t.routing, t, aud),
            "attachments": [_attachment(a, m, aud) for a in t.attachments or []],
            "transcript": _transcript(t.transcript, t, aud),
        })
        if aud is Audience.centre:
            view["channel_ref"] = t.channel_ref
    return view


def safe_url(url) -> str | None:
    """A link from stored data, only if it is http(s) or a path on this site (never ``javascript:``)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if url.startswith("/") and not url.startswith("//") and "\\" not in url:
        return url
    scheme, sep, rest = url.partition(":")
    if sep and scheme.lower() in ("http", "https") and rest.startswith("//"):
        return url
    return None


def _attachment(att, m, aud: Audience) -> dict[str, Any]:
    """An attachment as a dict with a masked name and a safe ``url`` (``None`` when the link is unsafe);
    the stored file's ``path`` is the centre's only."""
    if not isinstance(att, dict):
        att = {"url": att}
    url = safe_url(att.get("url"))
    name = att.get("name") or att.get("filename") or (att.get("url") if isinstance(att.get("url"), str) else "") or "附件"
    internal = ("name", "filename", "url") if aud is Audience.centre else ("name", "filename", "url", "path")
    out = {k: v for k, v in att.items() if k not in internal}
    out.update(name=m(str(name)), url=url)
    return out


def _private(value, t: Ticket, aud: Audience):
    if aud is Audience.centre or value is None:
        return value
    return mask_deep(value, _names(t), PRIVATE_KEYS)


def _transcript(transcript, t: Ticket, aud: Audience):
    if not transcript or aud is Audience.centre:
        return transcript
    if not isinstance(transcript, dict):
        return mask_deep(transcript, _names(t))
    return mask_deep(transcript, _names(t), PRIVATE_KEYS)


def audit_event_view(e, actor: Actor, ticket: Ticket | None = None) -> dict[str, Any]:
    """An audit event as ``actor`` reads it: data and reason masked, references dropped, for non-centre."""
    from hotline.services.audit import event_view

    view = event_view(e)
    aud = audience(actor)
    if aud is Audience.centre:
        return view
    names = _names(ticket) if ticket is not None else ()
    view["reason"] = mask_text(view["reason"], names)
    view["data"] = mask_deep(view["data"], names, PRIVATE_KEYS)
    if aud is not Audience.unit:
        view["actor"] = view["actor_role"] and _label_role(view["actor_role"])
        view["data"] = {}
    return view


def _label_role(role: str) -> str:
    from hotline.domain.vocab import Role

    return _label(Role, role)


def public_request_view(t: Ticket, closed_statuses) -> dict[str, Any]:
    """An Open311 GeoReport v2 service request as anyone may read it."""
    from datetime import timezone

    def iso(value):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if value else None

    m = masker(t, Audience.public)
    closed = t.status in closed_statuses
    return {"service_request_id": t.number, "status": "closed" if closed else "open",
            "status_notes": m(t.answer_text) if closed else None,
            "service_name": t.category.name if t.category else None,
            "service_code": t.category.code if t.category else None,
            "description": m(t.content),
            "agency_responsible": t.lead_unit.name if t.lead_unit else None, "service_notice": None,
            "requested_datetime": iso(t.created_at), "updated_datetime": iso(t.updated_at),
            "expected_datetime": iso(t.complete_due), "address": m(t.place), "media_url": None}
