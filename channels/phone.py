"""Phone transcripts: the call centre's signed webhook and the folder importer share ``ingest_call``.

The caller's turns become the appeal, the whole transcript is kept with the ticket (units see it
masked: ``hotline.presenters``), and a consultation answered during the call is closed at once.
The call id is the channel reference, so a re-delivered call returns the first ticket.
"""
from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aiohttp import web
from sqlalchemy.orm.exc import StaleDataError

from channels.common import check_timestamp, hmac_hex, parse_json_object, read_body, setting, sha256_hex, \
    verify_signature
from hotline.domain.vocab import Role
from hotline.errors import InvalidInput
from hotline.services import fields, tickets
from hotline.services.actors import Actor
from hotline.web.app import HOTLINE, call, error_response, json_response, write_in_group

log = logging.getLogger(__name__)

MAX_CALL_BYTES = 2 * 1024 * 1024
MAX_TURNS = 2000
MAX_TURN_TEXT = 2000
_CALL_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,100}$")
INTAKE_ACTOR = Actor(kind="system", name="呼叫中心语音转写", role=Role.channel, id="channel:phone")


@dataclass(frozen=True)
class Call:
    call_id: str
    caller: str | None
    agent: str
    started_at: datetime
    ended_at: datetime
    turns: list[dict[str, Any]]
    answer: str | None
    place: str | None
    contact_name: str | None
    hide_identity: bool

    @property
    def content(self) -> str:
        text = "\n".join(t["text"] for t in self.turns if t["speaker"] == "caller" and t["text"])
        return text if len(text) <= tickets.MAX_CONTENT else text[: tickets.MAX_CONTENT - 1] + "…"

    def transcript(self) -> dict[str, Any]:
        return {"call_id": self.call_id, "caller": self.caller, "agent": self.agent,
                "started_at": self.started_at.isoformat(), "ended_at": self.ended_at.isoformat(),
                "turns": self.turns}


def _str(payload: dict, key: str, *, required: bool = True, max_len: int = 200) -> str | None:
    return fields.text(payload, key, required=required, max_len=max_len)


def _moment(payload: dict, key: str) -> datetime:
    raw = _str(payload, key, max_len=40)
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(f"字段 {key} 应为 ISO 8601 时间（如 2026-03-02T10:00:00+08:00）", field=key) from None
    if value.tzinfo is None:
        raise InvalidInput(f"字段 {key} 必须带时区", field=key)
    return value


def _number(turn: dict, key: str, index: int, *, required: bool = True) -> float | None:
    value = turn.get(key)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise InvalidInput(f"第 {index + 1} 段对话的 {key} 必须是非负数", field=f"turns[{index}].{key}")
    return float(value)


def parse_call(payload: Any) -> Call:
    """Validate one call record; raise ``InvalidInput`` with a Chinese message on the first problem."""
    if not isinstance(payload, dict):
        raise InvalidInput("通话记录必须是 JSON 对象")
    call_id = _str(payload, "call_id", max_len=100)
    if not _CALL_ID.match(call_id):
        raise InvalidInput("call_id 只能包含字母、数字和 . _ : -", field="call_id")
    caller = _str(payload, "caller", required=False, max_len=40)
    if caller and not fields.PHONE.match(caller):
        raise InvalidInput("主叫号码格式不正确", field="caller")
    agent = _str(payload, "agent", max_len=80)
    started, ended = _moment(payload, "started_at"), _moment(payload, "ended_at")
    if ended < started:
        raise InvalidInput("ended_at 早于 started_at", field="ended_at")
    raw_turns = payload.get("turns")
    if not isinstance(raw_turns, list) or not raw_turns:
        raise InvalidInput("turns 必须是非空列表", field="turns")
    if len(raw_turns) > MAX_TURNS:
        raise InvalidInput(f"对话段数超过 {MAX_TURNS}", field="turns")
    turns = []
    for i, turn in enumerate(raw_turns):
        if not isinstance(turn, dict):
            raise InvalidInput(f"第 {i + 1} 段对话必须是对象", field=f"turns[{i}]")
        speaker = turn.get("speaker")
        if speaker not in ("caller", "agent"):
            raise InvalidInput(f"第 {i + 1} 段对话的 speaker 必须是 caller 或 agent", field=f"turns[{i}].speaker")
        text = turn.get("text")
        if not isinstance(text, str):
            raise InvalidInput(f"第 {i + 1} 段对话缺少文本", field=f"turns[{i}].text")
        if len(text) > MAX_TURN_TEXT:
            raise InvalidInput(f"第 {i + 1} 段对话超过 {MAX_TURN_TEXT} 个字符", field=f"turns[{i}].text")
        start, end = _number(turn, "start", i), _number(turn, "end", i)
        if end < start:
            raise InvalidInput(f"第 {i + 1} 段对话的 end 早于 start", field=f"turns[{i}].end")
        item = {"speaker": speaker, "text": text.strip(), "start": start, "end": end}
        confidence = _number(turn, "confidence", i, required=False)
        if confidence is not None:
            if confidence > 1:
                raise InvalidInput(f"第 {i + 1} 段对话的 confidence 应在 0 到 1 之间", field=f"turns[{i}].confidence")
            item["confidence"] = confidence
        turns.append(item)
    if not any(t["speaker"] == "caller" and t["text"] for t in turns):
        raise InvalidInput("通话中没有来电人的发言，无法形成诉求", field="turns")
    answer = None
    resolved = payload.get("resolved_consultation")
    if resolved is not None:
        if not isinstance(resolved, dict):
            raise InvalidInput("resolved_consultation 必须是对象", field="resolved_consultation")
        answer = _str(resolved, "answer", max_len=tickets.MAX_CONTENT)
    hide = payload.get("hide_identity", False)
    if not isinstance(hide, bool):
        raise InvalidInput("hide_identity 必须是 true 或 false", field="hide_identity")
    return Call(call_id=call_id, caller=caller, agent=agent, started_at=started, ended_at=ended, turns=turns,
                answer=answer, place=_str(payload, "place", required=False, max_len=300),
                contact_name=_str(payload, "contact_name", required=False, max_len=80), hide_identity=hide)


def call_intake(payload: Any) -> tuple[dict[str, Any], str, tuple[Actor, str] | None]:
    """One call record checked (``InvalidInput`` otherwise) and turned into what intake takes: the appeal,
    its idempotency key, and for a consultation answered on the call the agent and the answer."""
    rec = parse_call(payload)
    data: dict[str, Any] = {
        "content": rec.content, "channel": "phone", "channel_ref": rec.call_id,
        "contact_phone": rec.caller, "contact_name": rec.contact_name, "hide_identity": rec.hide_identity,
        "place": rec.place, "transcript": rec.transcript(),
        "citizen_ref": "tel:" + sha256_hex(rec.caller)[:32] if rec.caller else None,
    }
    answered = None
    if rec.answer:
        data["appeal_type"] = "consult"
        answered = (Actor(kind="token", name=rec.agent, role=Role.operator, id=f"agent:{rec.agent}"[:40]), rec.answer)
    return {k: v for k, v in data.items() if v is not None}, f"phone:{rec.call_id}", answered


def ingest_call(hl, payload: Any) -> tuple[dict, bool]:
    """Turn one call into a ticket (and close it when answered on the call). Safe to repeat."""
    return ingest_checked(hl, *call_intake(payload))


def ingest_checked(hl, data: dict[str, Any], key: str, answered: tuple[Actor, str] | None) -> tuple[dict, bool]:
    """``ingest_call`` of a record ``call_intake`` has already checked and turned into intake's terms."""
    view, created = tickets.create_ticket(hl, actor=INTAKE_ACTOR, data=data, idempotency_key=key)
    if answered and view["status"] in ("received", "triage"):
        agent, answer = answered
        for attempt in range(5):
            try:
                view = tickets.close_consultation(hl, actor=agent, number=view["number"], answer=answer)
                break
            except StaleDataError:  # background intake touched the ticket at the same moment
                time.sleep(0.05 * (attempt + 1))
                view = tickets.get_ticket(hl, actor=INTAKE_ACTOR, number=view["number"])
                if view["status"] not in ("received", "triage"):
                    break
    return view, created


# -- the webhook ------------------------------------------------------------------------------
def sign_call(secret: str, timestamp: int | str, body: bytes) -> str:
    """What the call centre sends in ``X-Hotline-Signature``: HMAC-SHA256(secret, "<ts>." + body)."""
    return hmac_hex(secret, f"{timestamp}.".encode() + body)


async def phone_webhook(request: web.Request) -> web.Response:
    hl = request.app[HOTLINE]
    secret = setting(hl, "callcenter_secret")
    if not secret:
        return error_response(503, "not_configured", "未配置呼叫中心共享密钥（callcenter_secret）")
    check_timestamp(request.headers.get("X-Hotline-Timestamp"), hl.now())
    body = await read_body(request, MAX_CALL_BYTES)
    verify_signature(sign_call(secret, request.headers["X-Hotline-Timestamp"].strip(), body),
                     request.headers.get("X-Hotline-Signature"))
    payload = parse_json_object(body)
    data, key, answered = call_intake(payload)      # a bad record: its 4xx, before any write
    if answered is None:    # an appeal: written with the intakes waiting at that moment (group commit)
        view, created = await write_in_group(request, INTAKE_ACTOR, data, key)
    else:                   # answered on the call: created, then closed at once
        view, created = await call(request, ingest_checked, data, key, answered)    # parsed once
    return json_response({"number": view["number"], "status": view["status"], "created": created},
                         status=201 if created else 200)


def setup_routes(app: web.Application) -> None:
    app.router.add_post("/channels/phone/calls", phone_webhook)

