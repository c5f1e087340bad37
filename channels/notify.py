"""Messages to citizens on their own channel: the mini-program's inbox and Telegram pushes.

The core job ``notify_citizen(ticket_id, kind)`` calls the notifier of the ticket's channel. Each
notifier writes one outbox row per (ticket, kind) — a job that runs twice sends nothing twice —
and the bot notifier then sends it through the Bot API; one that could not be sent is retried by
the sweep.
"""
from __future__ import annotations

import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from channels.common import setting
from models import ChannelMessage, ChannelNonce, MpSession, Ticket

log = logging.getLogger(__name__)

TELEGRAM_API = "https://api.telegram.org"
MAX_ATTEMPTS = 8

KIND_TEXT = {
    "dispatched": "您的诉求（工单号 {number}）已派至{unit}办理。",
    "answered": "您的诉求（工单号 {number}）已有答复：{answer}",
    "extended": "您的诉求（工单号 {number}）办理期限已延长，我们会尽快处理。",
    "closed": "您的诉求（工单号 {number}）已办结。{answer}欢迎对办理结果进行评价。",
    "merged": "您的诉求（工单号 {number}）与同类诉求合并办理，结果会一并告知您。",
}


def message_text(ticket: Ticket, kind: str) -> str:
    template = KIND_TEXT.get(kind, "您的诉求（工单号 {number}）状态已更新：{status}。")
    answer = (ticket.answer_text or "").strip()
    if kind == "closed":
        answer = f"答复：{answer.rstrip('。.')}。" if answer else ""
    return template.format(number=ticket.number, unit=ticket.lead_unit.name if ticket.lead_unit else "承办单位",
                           answer=answer[:1000], status=ticket.status)


def queue_message(hl, ticket_id: int, kind: str, channel: str) -> int | None:
    """Add the outbox row for (ticket, kind); return its id, or None if the ticket has no citizen."""
    with hl.uow() as uow:
        s = uow.session
        ticket = s.get(Ticket, ticket_id)
        if ticket is None or not ticket.citizen_ref or ticket.channel != channel:
            return None
        moment = {"dispatched": ticket.dispatched_at, "answered": ticket.answered_at,
                  "closed": ticket.closed_at}.get(kind) or ticket.updated_at
        key = f"{channel}:{ticket.id}:{kind}:{moment.isoformat() if moment else ''}"
        found = s.scalar(select(ChannelMessage.id).where(ChannelMessage.dedupe_key == key))
        if found is not None:
            return found
        msg = ChannelMessage(channel=channel, citizen_ref=ticket.citizen_ref, ticket_number=ticket.number,
                             kind=kind, text=message_text(ticket, kind), dedupe_key=key, created_at=hl.now())
        s.add(msg)
        try:
            s.flush()
        except IntegrityError:  # the same job ran at the same moment elsewhere
            s.rollback()
            return s.scalar(select(ChannelMessage.id).where(ChannelMessage.dedupe_key == key))
        msg_id = msg.id
        uow.commit()
        return msg_id


def notify_miniprogram(hl, ticket_id: int, kind: str) -> None:
    """The mini-program reads its inbox (``GET /channels/mp/messages``): queuing is delivering."""
    msg_id = queue_message(hl, ticket_id, kind, "miniprogram")
    if msg_id is not None:
        with hl.uow() as uow:
            msg = uow.session.get(ChannelMessage, msg_id)
            if msg.sent_at is None:
                msg.sent_at = hl.now()
                uow.commit()


def bot_api_call(hl, method: str, fields: dict, timeout: float = 10.0) -> dict:
    token = setting(hl, "bot_token")
    if not token:
        raise RuntimeError("bot_token is not configured")
    base = (setting(hl, "bot_api_base") or TELEGRAM_API).rstrip("/")
    data = urllib.parse.urlencode({k: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
                                   for k, v in fields.items()}).encode()
    req = urllib.request.Request(f"{base}/bot{token}/{method}", data=data, method="POST")
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - configured https/loopback URL
        body = json.loads(resp.read().decode())
    if not body.get("ok"):
        raise RuntimeError(f"Bot API {method}: {body.get('description')}")
    return body


def rating_keyboard(number: str) -> dict:
    labels = {5: "😀 非常满意", 4: "🙂 满意", 3: "😐 基本满意", 2: "🙁 不满意", 1: "😠 非常不满意"}
    return {"inline_keyboard": [[{"text": labels[n], "callback_data": f"rate:{number}:{n}"}] for n in labels]}


def send_bot_message(hl, msg_id: int) -> bool:
    with hl.sessions() as s:
        msg = s.get(ChannelMessage, msg_id)
        if msg is None or msg.sent_at is not None:
            return False
        chat, text, kind, number = msg.citizen_ref, msg.text, msg.kind, msg.ticket_number
    fields = {"chat_id": chat, "text": text}
    if kind == "closed" and number:
        fields["reply_markup"] = rating_keyboard(number)
    error = None
    try:
        bot_api_call(hl, "sendMessage", fields)
    except (OSError, ValueError, RuntimeError, urllib.error.URLError) as exc:
        error = f"{exc.__class__.__name__}: {exc}"[:300]
        log.warning("bot message %s not sent: %s", msg_id, error)
    with hl.uow() as uow:
        msg = uow.session.get(ChannelMessage, msg_id)
        msg.attempts += 1
        if error is None:
            msg.sent_at = hl.now()
        msg.last_error = error
        uow.commit()
    return error is None


def notify_bot(hl, ticket_id: int, kind: str) -> None:
    msg_id = queue_message(hl, ticket_id, kind, "bot")
    if msg_id is not None:
        send_bot_message(hl, msg_id)


def sweep_hook(hl, now, report) -> None:
    """Retry unsent bot messages; forget expired mini-program sessions and old nonces."""
    with hl.sessions() as s:
        pending = s.scalars(select(ChannelMessage.id).where(ChannelMessage.channel == "bot",
                                                            ChannelMessage.sent_at.is_(None),
                                                            ChannelMessage.attempts < MAX_ATTEMPTS)
                            .limit(200)).all()
    for msg_id in pending:
        try:
            send_bot_message(hl, msg_id)
        except Exception:  # noqa: BLE001 - one bad message must not stop the sweep
            log.exception("retrying bot message %s failed", msg_id)
    with hl.uow() as uow:
        uow.session.execute(delete(ChannelNonce).where(ChannelNonce.seen_at < now - timedelta(minutes=15)))
        uow.session.execute(delete(MpSession).where(MpSession.expires_at < now))
        uow.commit()
