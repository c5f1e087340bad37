"""Messages to citizens: one service, one template per event, sent on the citizen's own channel.

``notify_ticket(hl, ticket_id, event)`` (the core's ``notify_citizen`` job) and
``notify_review(hl, review_id, event)`` (a rectification case's result, to the rater) write one
``ChannelMessage`` per (subject, event, moment) — the delivery record — and enqueue
``deliver_message``. Delivery picks the sender of the channel:

* phone, web, Open311, operator and API callers with a contact phone → **SMS** (``sms_provider``:
  ``log`` — the embedded default, which logs the message id only — or ``tencent``: Tencent Cloud SMS
  through its SDK, TC3-HMAC-SHA256 signed);
* the mini-program → its inbox (``GET /channels/mp/messages``), plus a WeChat subscription message
  when ``mp_template_id`` is configured;
* Telegram → the bot (with the rating keyboard on 办结).

A ticket merged into another is closed with it (``hotline.services.similar.close_merged``); the
master's 办结 fans out to its citizen as ``merged_closed``, with a rating link of their own.

Quiet hours (``notify_quiet_hours``, default ``22:00-08:00`` local) defer pushes to their end; a
citizen who opted out (``CitizenOptOut``, or ``"notify": false`` on the ticket) gets nothing and the
record says so; a failed send is retried with back-off through the queue by the sweep, up to
``MAX_ATTEMPTS``. Every text is Simplified Chinese and at most ``SMS_LIMIT`` characters (one SMS,
the 【签名】 included).
"""
from __future__ import annotations

import json
import logging
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from channels.common import setting, sha256_hex
from hotline.errors import InvalidInput
from models import ChannelMessage, ChannelNonce, CitizenOptOut, MpSession, Review, Ticket
from models.partitions import claim_dedupe_key

log = logging.getLogger(__name__)

TELEGRAM_API = "https://api.telegram.org"
WECHAT_API = "https://api.weixin.qq.com"
MAX_ATTEMPTS = 8
SMS_LIMIT = 70                 # characters of one Chinese SMS, the 【签名】 included
SMS_CHANNELS = ("phone", "web", "open311", "operator", "api")
STUCK_AFTER = timedelta(minutes=10)   # a "sending" message older than this was lost with its worker

# One template per event, in variants from the fullest to the shortest: the first that fits one SMS
# (with the sender's 【签名】) is used; the unit's name is shortened as a last resort.
# Fields: number, unit, date, link, hotline.
TEMPLATES: dict[str, tuple[str, ...]] = {
    "accepted": ("您的诉求已受理，工单号{number}，可致电{hotline}报工单号查询进度。",
                 "诉求已受理，工单号{number}，可致电{hotline}查询进度。"),
    "dispatched": ("工单{number}已转{unit}办理，办理结果将告知您。", "工单{number}已转{unit}办理。"),
    "extended": ("工单{number}经批准延期，办理时限延至{date}，敬请谅解。", "工单{number}办理时限延至{date}。"),
    "answered": ("工单{number}已由{unit}答复，我们将回访核实办理结果。", "工单{number}已由{unit}答复。"),
    "closed": ("工单{number}已办结，请评价{link}", "诉求已办结，请评价{link}", "工单{number}已办结，感谢您的反映。"),
    "closed_nolink": ("工单{number}已办结，感谢您的反映。",),
    "closed_bot": ("工单{number}已办结，欢迎点击下方按钮评价。",),
    "merged": ("工单{number}与同类诉求合并办理，结果将一并告知您。", "工单{number}已与同类诉求合并办理。"),
    "merged_closed": ("工单{number}合并办理的诉求已办结，请评价{link}", "合并办理的诉求已办结，请评价{link}",
                      "工单{number}合并办理的诉求已办结，感谢您的反映。"),
    "rectified": ("您对工单{number}的差评已整改并答复，可致电{hotline}追评。", "工单{number}差评已整改答复。"),
    "rectified_visit": ("您的差评已整改并答复，如有意见请致电{hotline}。",),
}
CLOSING = ("closed", "merged_closed")  # the messages that invite a rating
EVENT_LABELS = {"accepted": "受理", "dispatched": "派单", "extended": "延期", "answered": "答复",
                "closed": "办结", "merged": "并单", "merged_closed": "并单办结", "rectified": "整改结果"}


class MessageTooLong(ValueError):
    pass


def _sign_len(hl) -> int:
    sign = setting(hl, "sms_sign_name") or "12345热线"
    return len(sign) + 2


def render(hl, event: str, *, number: str = "", unit: str = "", date: str = "", link: str = "") -> str:
    """The text of an event's message, at most one SMS long (with the 【签名】)."""
    fields = dict(number=number, unit=unit or "承办单位", date=date, link=link,
                  hotline=setting(hl, "hotline_phone") or "12345")
    limit = SMS_LIMIT - _sign_len(hl)
    variants = TEMPLATES[event]
    for template in variants:
        text = template.format(**fields)
        if len(text) <= limit:
            return text
    template = variants[-1]
    if "{unit}" in template:
        room = len(fields["unit"]) - (len(text) - limit) - 1
        fields["unit"] = fields["unit"][:max(room, 2)] + "…"
        text = template.format(**fields)
    if len(text) > limit:
        raise MessageTooLong(f"{event}: {len(text)} > {limit} characters")
    return text


def _local_date(hl, moment: datetime | None) -> str:
    if moment is None:
        return ""
    day = hl.calendar.local_date(moment)
    return f"{day.year}年{day.month}月{day.day}日"


# -- who gets it, and may they -------------------------------------------------------------------
def _channel_of(channel: str | None) -> str | None:
    if channel in ("bot", "miniprogram"):
        return channel
    if channel in SMS_CHANNELS:
        return "sms"
    return None


def address_hash(channel: str, address: str) -> str:
    digits = re.sub(r"\D", "", address) if channel == "sms" else address.strip()
    if channel == "sms" and len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return sha256_hex(f"{channel}:{digits}")


def opted_out(s, channel: str, address: str | None) -> bool:
    if not address:
        return False
    return s.scalar(select(CitizenOptOut.id).where(CitizenOptOut.address_hash == address_hash(channel, address))) \
        is not None


def set_opt_out(hl, *, channel: str, address: str, opt_out: bool = True, source: str = "") -> bool:
    """退订 / 恢复: record (or forget) that this address wants no messages. Returns the new state."""
    if channel not in ("sms", "bot", "miniprogram"):
        raise InvalidInput("渠道须为 sms、bot 或 miniprogram", field="channel")
    if not address or not str(address).strip():
        raise InvalidInput("缺少必填字段：address（手机号、聊天 ID 或 openid）", field="address")
    key = address_hash(channel, str(address))
    with hl.uow() as uow:
        s = uow.session
        row = s.scalar(select(CitizenOptOut).where(CitizenOptOut.address_hash == key))
        if opt_out and row is None:
            s.add(CitizenOptOut(channel=channel, address_hash=key, source=source[:40], created_at=hl.now()))
        elif not opt_out and row is not None:
            s.delete(row)
        uow.commit()
    return opt_out


def _quiet_until(hl, now: datetime) -> datetime | None:
    """The end of the quiet hours when ``now`` is inside them, else None."""
    spec = setting(hl, "notify_quiet_hours", "22:00-08:00") or ""
    if spec.strip().lower() in ("", "off", "none"):
        return None
    try:
        start_s, end_s = spec.split("-")
        start = datetime.strptime(start_s.strip(), "%H:%M").time()
        end = datetime.strptime(end_s.strip(), "%H:%M").time()
    except ValueError:
        log.warning("notify_quiet_hours %r is not HH:MM-HH:MM; no quiet hours", spec)
        return None
    local = now.astimezone(hl.calendar.tz)
    t = local.time()
    inside = (start <= t or t < end) if start > end else (start <= t < end)
    if not inside:
        return None
    day = local.date() if t < end else local.date() + timedelta(days=1)
    return datetime.combine(day, end, tzinfo=hl.calendar.tz).astimezone(now.tzinfo)


# -- writing the record -------------------------------------------------------------------------
def _record(uow, hl, *, channel: str, citizen_ref: str, number: str | None, kind: str, text: str,
            key: str, ticket_id: int | None = None, review_id: int | None = None,
            refused: bool = False) -> int | None:
    s = uow.session
    claim_dedupe_key(s, key)   # PostgreSQL: the key is not a unique constraint (models.partitions)
    found = s.scalar(select(ChannelMessage.id).where(ChannelMessage.dedupe_key == key))
    if found is not None:
        return None
    now = hl.now()
    msg = ChannelMessage(channel=channel, citizen_ref=citizen_ref, ticket_number=number, kind=kind, text=text,
                         dedupe_key=key[:160], created_at=now, ticket_id=ticket_id, review_id=review_id,
                         status="opted_out" if refused else "queued",
                         not_before=None if refused or channel == "miniprogram" and not _mp_push(hl)
                         else _quiet_until(hl, now))
    s.add(msg)
    try:
        s.flush()
    except IntegrityError:  # the same job ran at the same moment elsewhere
        s.rollback()
        return None
    if not refused:
        uow.after_commit("deliver_message", msg.id, job_id=f"msg-{msg.id}-0")
    return msg.id


def _ticket_text(hl, s, ticket: Ticket, event: str, channel: str) -> str:
    unit = ticket.lead_unit.name if ticket.lead_unit else ""
    if event in CLOSING and channel == "bot":  # rated with the message's buttons
        return render(hl, "closed_bot", number=ticket.number)
    if event in CLOSING:
        from channels.ratelink import rating_link

        link = rating_link(hl, s, ticket)  # a merged ticket closed with its master is rated on its own
        if link is None:
            return render(hl, "closed_nolink", number=ticket.number)
        return render(hl, event, number=ticket.number, link=link)
    return render(hl, event, number=ticket.number, unit=unit, date=_local_date(hl, ticket.complete_due))


def notify_ticket(hl, ticket_id: int, event: str) -> int | None:
    """Write (once) and enqueue the message of ``event`` for the ticket's citizen; returns its id.
    A 办结 also reaches the citizens of the tickets merged into this one (``merged_closed``)."""
    if event not in TEMPLATES:
        raise LookupError(f"unknown citizen message event {event!r}")
    msg_id = _notify_one(hl, ticket_id, event)
    if event == "closed":
        _fan_out_closed(hl, ticket_id)
    return msg_id


def _notify_one(hl, ticket_id: int, event: str) -> int | None:
    with hl.uow() as uow:
        s = uow.session
        ticket = s.get(Ticket, ticket_id)
        if ticket is None:
            return None
        channel = _channel_of(ticket.channel)
        if channel is None or event == "accepted" and channel != "sms":
            return None  # the bot and the mini-program show the number when the appeal is filed
        address = ticket.contact_phone if channel == "sms" else ticket.citizen_ref
        if not address:
            return None
        moment = {"dispatched": ticket.dispatched_at, "answered": ticket.answered_at, "closed": ticket.closed_at,
                  "merged_closed": ticket.closed_at, "accepted": ticket.created_at,
                  "extended": ticket.complete_due}.get(event) or ticket.updated_at
        key = f"{channel}:{ticket.id}:{event}:{moment.isoformat() if moment else ''}"
        refused = (ticket.extra or {}).get("notify") is False or opted_out(s, channel, address)
        text = _ticket_text(hl, s, ticket, event, channel)
        msg_id = _record(uow, hl, channel=channel, citizen_ref="sms" if channel == "sms" else address,
                         number=ticket.number, kind=event, text=text, key=key, ticket_id=ticket.id,
                         refused=refused)
        uow.commit()
    return msg_id


def _fan_out_closed(hl, ticket_id: int) -> None:
    """The master's 办结 reaches every citizen whose ticket was merged into it and closed with it
    (``hotline.services.similar.close_merged``), each with a rating link of their own."""
    with hl.sessions() as s:
        children = s.scalars(select(Ticket.id).where(Ticket.merged_into_id == ticket_id,
                                                     Ticket.closed_at.is_not(None)).order_by(Ticket.id)).all()
    for child in children:
        notify_ticket(hl, child, "merged_closed")


def notify_review(hl, review_id: int, event: str = "rectified") -> int | None:
    """The rectification result to the rater of a 差评, on the channel they rated on."""
    with hl.uow() as uow:
        s = uow.session
        review = s.get(Review, review_id)
        if review is None:
            return None
        ticket = s.get(Ticket, review.ticket_id) if review.ticket_id else None
        if review.channel in ("bot", "miniprogram") and review.citizen_ref:
            channel, address = review.channel, review.citizen_ref
        elif review.rater_phone:
            channel, address = "sms", review.rater_phone
        elif ticket is not None and _channel_of(ticket.channel):
            channel = _channel_of(ticket.channel)
            address = ticket.contact_phone if channel == "sms" else ticket.citizen_ref
        else:
            return None
        if not address:
            return None
        text = (render(hl, "rectified", number=ticket.number) if ticket is not None
                else render(hl, "rectified_visit"))
        msg_id = _record(uow, hl, channel=channel, citizen_ref="sms" if channel == "sms" else address,
                         number=ticket.number if ticket else None, kind=event, text=text,
                         key=f"{channel}:review:{review.id}:{event}", review_id=review.id,
                         ticket_id=ticket.id if ticket else None, refused=opted_out(s, channel, address))
        uow.commit()
        return msg_id


# -- senders ------------------------------------------------------------------------------------
@dataclass
class Outgoing:
    id: int
    channel: str
    kind: str
    text: str
    number: str | None
    to: str                  # phone number, chat id or openid: never logged


class SendFailed(RuntimeError):
    """A send that did not go through; ``final`` ones are not retried."""

    def __init__(self, message: str, final: bool = False):
        super().__init__(message)
        self.final = final


def _log_sms(hl, out: Outgoing) -> str:
    log.info("SMS message %s (%s, %d characters) handed to the log-only sender", out.id, out.kind, len(out.text))
    return f"log-{out.id}"


def _tencent_sms(hl, out: Outgoing) -> str:
    """Tencent Cloud SMS ``SendSms`` (API 2021-01-11) through its SDK: TC3-HMAC-SHA256 signed.

    ``sms_template_id`` is a template with one parameter ``{1}`` (the whole text); a city with one
    approved template per event sets ``sms_template_<event>`` and gets the event's text as well."""
    from tencentcloud.common import credential
    from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
    from tencentcloud.common.profile.client_profile import ClientProfile
    from tencentcloud.common.profile.http_profile import HttpProfile
    from tencentcloud.sms.v20210111 import models as sms_models, sms_client

    endpoint = setting(hl, "sms_endpoint") or "https://sms.tencentcloudapi.com"
    parsed = urllib.parse.urlsplit(endpoint if "://" in endpoint else f"https://{endpoint}")
    http = HttpProfile(protocol=parsed.scheme, endpoint=parsed.netloc, reqTimeout=15)
    client = sms_client.SmsClient(credential.Credential(setting(hl, "sms_secret_id"), setting(hl, "sms_secret_key")),
                                  setting(hl, "sms_region") or "ap-guangzhou", ClientProfile(httpProfile=http))
    req = sms_models.SendSmsRequest()
    phone = re.sub(r"[^\d+]", "", out.to)
    req.PhoneNumberSet = [phone if phone.startswith("+") else f"+86{phone}"]
    req.SmsSdkAppId = setting(hl, "sms_app_id")
    req.SignName = setting(hl, "sms_sign_name") or "12345热线"
    req.TemplateId = setting(hl, f"sms_template_{out.kind}") or setting(hl, "sms_template_id")
    req.TemplateParamSet = [out.text]
    req.SessionContext = str(out.id)
    try:
        resp = client.SendSms(req)
    except TencentCloudSDKException as exc:
        raise SendFailed(f"Tencent SMS {exc.code}: {exc.message}") from None
    status = (resp.SendStatusSet or [None])[0]
    if status is None or status.Code != "Ok":
        code = status.Code if status else "NoStatus"
        raise SendFailed(f"Tencent SMS {code}: {status.Message if status else ''}",
                         final=code.startswith(("InvalidParameterValue", "UnauthorizedOperation")))
    return status.SerialNo or resp.RequestId


SMS_SENDERS: dict[str, Callable[..., str]] = {"log": _log_sms, "tencent": _tencent_sms}


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


def _bot(hl, out: Outgoing) -> str:
    fields = {"chat_id": out.to, "text": out.text}
    if out.kind in CLOSING and out.number:
        fields["reply_markup"] = rating_keyboard(out.number)
    body = bot_api_call(hl, "sendMessage", fields)
    return str((body.get("result") or {}).get("message_id", ""))


def _mp_push(hl) -> bool:
    return bool(setting(hl, "mp_template_id"))


def _wechat_json(url: str, payload: dict | None = None, timeout: float = 10.0) -> dict:
    data = json.dumps(payload, ensure_ascii=False).encode() if payload is not None else None
    req = urllib.request.Request(url, data=data, method="POST" if data else "GET",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as resp:  # noqa: S310 - configured https/loopback URL
        return json.loads(resp.read().decode())


def _wechat_token(hl, base: str) -> str:
    cached = hl.wechat_token
    if cached and cached[1] > time.monotonic():
        return cached[0]
    body = _wechat_json(f"{base}/cgi-bin/token?" + urllib.parse.urlencode(
        {"grant_type": "client_credential", "appid": setting(hl, "mp_appid"), "secret": setting(hl, "mp_secret")}))
    if not body.get("access_token"):
        raise SendFailed(f"WeChat token {body.get('errcode')}: {body.get('errmsg')}")
    hl.wechat_token = (body["access_token"], time.monotonic() + int(body.get("expires_in", 7200)) - 300)
    return body["access_token"]


def _miniprogram(hl, out: Outgoing) -> str:
    """The inbox row is the message; a subscription message is pushed when a template is set up."""
    if not _mp_push(hl):
        return "inbox"
    base = (setting(hl, "mp_api_base") or WECHAT_API).rstrip("/")
    token = _wechat_token(hl, base)
    body = _wechat_json(f"{base}/cgi-bin/message/subscribe/send?access_token={urllib.parse.quote(token)}", {
        "touser": out.to, "template_id": setting(hl, "mp_template_id"),
        "page": f"pages/appeal/detail?number={out.number or ''}", "lang": "zh_CN",
        "data": {"character_string1": {"value": out.number or "-"},
                 "thing2": {"value": EVENT_LABELS.get(out.kind, "进度更新")},
                 "thing3": {"value": out.text[:20]}}})
    code = body.get("errcode", 0)
    if code in (40001, 42001):
        hl.wechat_token = None
    if code == 43101:  # the citizen did not (or no longer) accept this template: the inbox has it
        return "inbox:not-subscribed"
    if code:
        raise SendFailed(f"WeChat subscribe {code}: {body.get('errmsg')}")
    return str(body.get("msgid") or "wechat")


def _sender(hl, channel: str) -> Callable[..., str]:
    if channel == "sms":
        name = setting(hl, "sms_provider", "log") or "log"
        if name not in SMS_SENDERS:
            raise SendFailed(f"unknown sms_provider {name!r}", final=True)
        return SMS_SENDERS[name]
    return {"bot": _bot, "miniprogram": _miniprogram}[channel]


def _address(s, msg: ChannelMessage) -> str | None:
    if msg.channel != "sms":
        return msg.citizen_ref
    if msg.review_id is not None:
        review = s.get(Review, msg.review_id)
        if review is not None and review.rater_phone:
            return review.rater_phone
    ticket = s.get(Ticket, msg.ticket_id) if msg.ticket_id else None
    return ticket.contact_phone if ticket else None


def deliver_message(hl, msg_id: int) -> str:
    """Send one queued message (the ``deliver_message`` job). Safe to run twice: the row is claimed."""
    now = hl.now()
    with hl.uow() as uow:
        s = uow.session
        msg = s.get(ChannelMessage, msg_id)
        if msg is None or msg.status != "queued" or (msg.not_before and msg.not_before > now):
            return msg.status if msg else "missing"
        to = _address(s, msg)
        if to is None or opted_out(s, msg.channel, to):
            msg.status = "opted_out" if to else "failed"
            msg.last_error = None if to else "no address"
            uow.commit()
            return msg.status
        claimed = s.execute(update(ChannelMessage).where(ChannelMessage.id == msg_id,
                                                         ChannelMessage.status == "queued")
                            .values(status="sending", attempts=ChannelMessage.attempts + 1, not_before=now))
        if claimed.rowcount != 1:
            return "busy"
        out = Outgoing(id=msg.id, channel=msg.channel, kind=msg.kind, text=msg.text, number=msg.ticket_number, to=to)
        uow.commit()
    error, final, ref = None, False, None
    try:
        ref = _sender(hl, out.channel)(hl, out)
    except SendFailed as exc:
        error, final = str(exc), exc.final
    except (OSError, ValueError, RuntimeError, urllib.error.URLError) as exc:
        error = f"{exc.__class__.__name__}: {exc}"
    with hl.uow() as uow:
        msg = uow.session.get(ChannelMessage, msg_id)
        if error is None:
            msg.status, msg.sent_at, msg.provider_ref, msg.last_error = "sent", hl.now(), (ref or "")[:120], None
        else:
            msg.last_error = error[:300]
            gone = final or msg.attempts >= MAX_ATTEMPTS
            msg.status = "failed" if gone else "queued"
            msg.not_before = None if gone else hl.now() + timedelta(minutes=2 ** min(msg.attempts, 8))
            log.warning("%s message %s not sent (attempt %s): %s", out.channel, msg_id, msg.attempts, msg.last_error)
        uow.commit()
        return msg.status


def sweep_hook(hl, now, report) -> None:
    """Enqueue messages whose quiet hours or back-off ended; forget expired mini-program sessions."""
    with hl.uow() as uow:
        s = uow.session
        s.execute(update(ChannelMessage).where(ChannelMessage.status == "sending",
                                               ChannelMessage.not_before < now - STUCK_AFTER)
                  .values(status="queued"))
        uow.commit()
    with hl.sessions() as s:
        due = s.execute(select(ChannelMessage.id, ChannelMessage.attempts)
                        .where(ChannelMessage.status == "queued",
                               (ChannelMessage.not_before.is_(None)) | (ChannelMessage.not_before <= now))
                        .order_by(ChannelMessage.id).limit(500)).all()
    for msg_id, attempts in due:
        try:
            hl.queue.enqueue("deliver_message", msg_id, job_id=f"msg-{msg_id}-{attempts}")
        except Exception:  # noqa: BLE001 - one bad message must not stop the sweep
            log.exception("could not enqueue message %s", msg_id)
    with hl.uow() as uow:
        uow.session.execute(delete(ChannelNonce).where(ChannelNonce.seen_at < now - timedelta(minutes=15)))
        uow.session.execute(delete(MpSession).where(MpSession.expires_at < now))
        uow.commit()


def delivery_view(m: ChannelMessage) -> dict:
    """A delivery record as an official sees it: no address."""
    return {"id": m.id, "channel": m.channel, "event": m.kind, "event_label": EVENT_LABELS.get(m.kind, m.kind),
            "text": m.text, "status": m.status, "attempts": m.attempts, "created_at": m.created_at.isoformat(),
            "sent_at": m.sent_at.isoformat() if m.sent_at else None,
            "not_before": m.not_before.isoformat() if m.not_before else None, "last_error": m.last_error}


def ticket_messages(hl, ticket_id: int) -> list[dict]:
    with hl.sessions() as s:
        rows = s.scalars(select(ChannelMessage).where(ChannelMessage.ticket_id == ticket_id)
                         .order_by(ChannelMessage.id)).all()
        return [delivery_view(m) for m in rows]


__all__ = ["notify_ticket", "notify_review", "deliver_message", "set_opt_out", "render", "sweep_hook",
           "ticket_messages"]


# -- HTTP: the delivery record of a ticket, and 退订 ---------------------------------------------
async def ticket_messages_view(request):
    """工单的市民消息及送达记录（话务、督办、管理员）"""
    from hotline.domain.vocab import Role
    from hotline.errors import NotFound
    from hotline.web.app import call, json_response, require_actor

    actor = await require_actor(request)
    actor.require(Role.operator, Role.supervisor, Role.admin)

    items = await call(request, messages_for_number, request.match_info["number"])
    if items is None:
        raise NotFound(f"工单不存在：{request.match_info['number']}")
    return json_response({"items": items})


def messages_for_number(hl, number: str) -> list[dict] | None:
    """The delivery records of a ticket by its number (None: no such ticket)."""
    with hl.sessions() as s:
        ticket_id = s.scalar(select(Ticket.id).where(Ticket.number == str(number)))
    return None if ticket_id is None else ticket_messages(hl, ticket_id)


async def opt_out_view(request):
    """市民退订或恢复接收消息（话务员代为登记）：{"channel": "sms", "address": "138…", "opt_out": true}"""
    from hotline.domain.vocab import Role
    from hotline.web.api import read_json
    from hotline.web.app import call, json_response, require_actor

    actor = await require_actor(request)
    actor.require(Role.operator, Role.admin)
    data = await read_json(request)
    opt_out = data.get("opt_out", True)
    if not isinstance(opt_out, bool):
        raise InvalidInput("opt_out 必须是 true 或 false", field="opt_out")
    state = await call(request, set_opt_out, channel=str(data.get("channel") or "sms"),
                       address=str(data.get("address") or ""), opt_out=opt_out, source=f"api:{actor.name}")
    return json_response({"channel": data.get("channel") or "sms", "opt_out": state})


def setup_routes(app) -> None:
    app.router.add_get("/api/v1/tickets/{number}/messages", ticket_messages_view)
    app.router.add_post("/api/v1/citizens/opt-out", opt_out_view)
