"""Mini-program API under ``/channels/mp``: WeChat login, signed requests, appeals, photos, ratings.

Login: the mini-program sends ``wx.login()``'s ``code``; we exchange it through WeChat's
``jscode2session`` for the citizen's ``openid`` and issue our own session: a public ``session_id``
and a ``sign_key`` that never travels again. Every later request carries

    X-MP-AppId, X-MP-Session, X-MP-Timestamp (Unix s), X-MP-Nonce, X-MP-Signature

with ``signature = hex(HMAC-SHA256(sign_key, METHOD + "\\n" + PATH?QUERY + "\\n" + TIMESTAMP + "\\n"
+ NONCE + "\\n" + BODY))``. A timestamp outside five minutes or a nonce seen before is refused.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import re
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from channels.common import check_timestamp, hmac_hex, parse_json_object, read_body, setting, verify_signature
from hotline.errors import HotlineError, InvalidInput, NotFound, Unauthorized
from hotline.services import tickets
from hotline.services.actors import Actor, citizen
from hotline.services.fields import int_param, refuse_control
from hotline.web.app import HOTLINE, call, error_response, json_response, write_in_group
from models import ChannelMessage, ChannelNonce, MpSession

WECHAT_API = "https://api.weixin.qq.com"
SESSION_TTL = timedelta(days=7)
MAX_PHOTOS = 9
MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_JSON_BYTES = 64 * 1024
MAX_BODY = MAX_PHOTOS * MAX_PHOTO_BYTES + MAX_JSON_BYTES
_KEY = re.compile(r"^[A-Za-z0-9._:\-]{8,64}$")
_NONCE = re.compile(r"^[A-Za-z0-9_\-]{8,64}$")
MAGIC = {b"\xff\xd8\xff": ("image/jpeg", ".jpg"), b"\x89PNG\r\n\x1a\n": ("image/png", ".png")}
SESSION = web.AppKey("mp_http", aiohttp.ClientSession)


def request_signature(sign_key: str, method: str, path_qs: str, timestamp: str, nonce: str, body: bytes) -> str:
    head = "\n".join([method.upper(), path_qs, timestamp, nonce]) + "\n"
    return hmac_hex(sign_key, head.encode() + body)


# -- sessions (the channel's own storage) -------------------------------------------------------
def open_session(hl, openid: str) -> dict:
    now = hl.now()
    row = MpSession(session_id=secrets.token_urlsafe(24), openid=openid, sign_key=secrets.token_urlsafe(32),
                    created_at=now, expires_at=now + SESSION_TTL)
    with hl.uow() as uow:
        uow.session.add(row)
        uow.commit()
        return {"session_id": row.session_id, "sign_key": row.sign_key, "expires_at": row.expires_at.isoformat()}


def check_request(hl, *, session_id: str, timestamp: str, nonce: str, signature: str, method: str,
                  path_qs: str, body: bytes) -> str:
    """Verify a signed request and burn its nonce; return the citizen's openid."""
    now = hl.now()
    check_timestamp(timestamp, now)
    if not _NONCE.match(nonce or ""):
        raise Unauthorized("X-MP-Nonce 缺失或格式不正确（8–64 位字母数字）")
    with hl.uow() as uow:
        s = uow.session
        row = s.scalar(select(MpSession).where(MpSession.session_id == session_id))
        if row is None or row.expires_at <= now:
            raise Unauthorized("登录已失效，请重新登录")
        verify_signature(request_signature(row.sign_key, method, path_qs, timestamp, nonce, body), signature)
        openid = row.openid
        s.add(ChannelNonce(scope=f"mp:{session_id}", nonce=nonce, seen_at=now))
        try:
            uow.commit()
        except IntegrityError:
            raise Unauthorized("请求已被使用过（nonce 重复），疑似重放") from None
    return openid


async def signed_openid(request: web.Request, body: bytes) -> str:
    hl = request.app[HOTLINE]
    appid = setting(hl, "mp_appid")
    h = request.headers
    if not appid or h.get("X-MP-AppId") != appid:
        raise Unauthorized("X-MP-AppId 缺失或不是本小程序")
    session_id = h.get("X-MP-Session", "")
    if not session_id:
        raise Unauthorized("缺少 X-MP-Session，请先登录")
    return await call(request, check_request, session_id=session_id, timestamp=h.get("X-MP-Timestamp", ""),
                      nonce=h.get("X-MP-Nonce", ""), signature=h.get("X-MP-Signature", ""),
                      method=request.method, path_qs=request.path_qs, body=body)


def _actor(openid: str) -> Actor:
    return citizen("miniprogram", openid)


# -- login ----------------------------------------------------------------------------------
async def login(request: web.Request) -> web.Response:
    hl = request.app[HOTLINE]
    appid, secret = setting(hl, "mp_appid"), setting(hl, "mp_secret")
    if not appid or not secret:
        return error_response(503, "not_configured", "未配置小程序 appid / secret")
    data = parse_json_object(await read_body(request, MAX_JSON_BYTES))
    if data.get("appid") != appid:
        raise Unauthorized("appid 不是本小程序")
    code = data.get("code")
    if not isinstance(code, str) or not code.strip() or len(code) > 128:
        raise InvalidInput("缺少登录凭证 code（wx.login 返回值）", field="code")
    base = (setting(hl, "mp_api_base") or WECHAT_API).rstrip("/")
    params = {"appid": appid, "secret": secret, "js_code": code.strip(), "grant_type": "authorization_code"}
    try:
        async with request.app[SESSION].get(f"{base}/sns/jscode2session", params=params) as resp:
            raw = await resp.text()
    except (aiohttp.ClientError, asyncio.TimeoutError):
        return error_response(502, "upstream_unavailable", "微信登录服务暂时无法访问，请稍后重试")
    try:
        answer = json.loads(raw)
    except json.JSONDecodeError:
        return error_response(502, "upstream_invalid", "微信登录服务返回了无法识别的内容")
    if answer.get("errcode"):
        raise Unauthorized(f"微信登录失败：{answer.get('errmsg') or answer['errcode']}",
                           errcode=answer["errcode"])
    openid = answer.get("openid")
    if not isinstance(openid, str) or not openid:
        return error_response(502, "upstream_invalid", "微信登录服务未返回 openid")
    return json_response(await call(request, open_session, openid), status=201)


# -- photos ---------------------------------------------------------------------------------
def sniff_image(data: bytes) -> tuple[str, str] | None:
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            return kind
    return None


def store_photo(uploads: Path, data: bytes) -> dict:
    kind = sniff_image(data)
    if kind is None:
        raise InvalidInput("照片只接受 JPEG 或 PNG 格式", field="photos")
    digest = hashlib.sha256(data).hexdigest()
    rel = Path("miniprogram") / digest[:2] / (digest + kind[1])
    path = uploads / rel
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + f".{secrets.token_hex(4)}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)
    return {"sha256": digest, "content_type": kind[0], "size": len(data), "path": str(rel)}


class _Detached:
    """A protocol stand-in for a StreamReader fed from memory."""

    def pause_reading(self, *args, **kwargs) -> None:
        pass

    def resume_reading(self, *args, **kwargs) -> None:
        pass


async def _multipart(request: web.Request, body: bytes) -> tuple[dict[str, str], list[bytes]]:
    # parse the bytes already read (and signed) without touching the connection's flow control
    stream = aiohttp.StreamReader(_Detached(), limit=max(2 ** 16, len(body) + 1), loop=asyncio.get_running_loop())
    stream.feed_data(body)
    stream.feed_eof()
    reader = aiohttp.MultipartReader(request.headers, stream)
    fields: dict[str, str] = {}
    photos: list[bytes] = []
    while True:
        part = await reader.next()
        if part is None:
            break
        if part.name == "photos":
            if len(photos) >= MAX_PHOTOS:
                raise InvalidInput(f"照片最多 {MAX_PHOTOS} 张", field="photos")
            data = bytearray()
            while chunk := await part.read_chunk(256 * 1024):
                data.extend(chunk)
                if len(data) > MAX_PHOTO_BYTES:
                    raise InvalidInput(f"每张照片不能超过 {MAX_PHOTO_BYTES // 1024 // 1024} MB", field="photos")
            if not data:
                raise InvalidInput("照片为空文件", field="photos")
            photos.append(bytes(data))
        elif part.name:
            value = await part.text()
            if len(value) > 10000:
                raise InvalidInput(f"字段 {part.name} 过长", field=part.name)
            fields[part.name] = refuse_control(value, part.name)
    return fields, photos


# -- appeals --------------------------------------------------------------------------------
def _key(request: web.Request) -> str:
    key = request.headers.get("Idempotency-Key", "").strip()
    if not _KEY.match(key):
        raise InvalidInput("请在 Idempotency-Key 头中提供本次提交的唯一编号（8–64 位字母数字）")
    return key


async def file_appeal(request: web.Request) -> web.Response:
    body = await read_body(request, MAX_BODY)
    openid = await signed_openid(request, body)
    key = _key(request)
    if request.content_type == "multipart/form-data":
        try:
            fields, photos = await _multipart(request, body)
        except HotlineError:
            raise
        except Exception:  # noqa: BLE001 - whatever a malformed body makes aiohttp's parser raise
            raise InvalidInput("multipart 请求体格式不正确") from None
        hide = fields.get("hide_identity", "false").lower()
        if hide not in ("true", "false", "1", "0"):
            raise InvalidInput("hide_identity 必须是 true 或 false", field="hide_identity")
        data: dict[str, Any] = {k: fields.get(k) for k in ("content", "place", "contact_name", "contact_phone")}
        data["hide_identity"] = hide in ("true", "1")
    else:
        data = parse_json_object(body)
        photos = []
        unknown = set(data) - {"content", "place", "contact_name", "contact_phone", "hide_identity"}
        if unknown:
            raise InvalidInput(f"未知字段：{', '.join(sorted(unknown))}")
    hl = request.app[HOTLINE]
    uploads = hl.settings.uploads_dir
    attachments = [await asyncio.to_thread(store_photo, uploads, p) for p in photos]
    data = {k: v for k, v in data.items() if v not in (None, "")}
    data.update(channel="miniprogram", channel_ref=f"{openid}:{key}"[:120], citizen_ref=openid)
    if attachments:
        data["attachments"] = attachments
    # written with the intakes waiting at that moment (group commit, like POST /api/v1/tickets)
    view, created = await write_in_group(request, _actor(openid), data, f"mp:{openid}:{key}"[:120])
    return json_response(view, status=201 if created else 200)


async def my_appeals(request: web.Request) -> web.Response:
    openid = await signed_openid(request, b"")
    limit = int_param(request.query.get("limit"), "limit", 20, lo=1, hi=200)
    offset = int_param(request.query.get("offset"), "offset", 0)
    result = await call(request, tickets.list_tickets, actor=_actor(openid), limit=limit, offset=offset)
    return json_response(result)


async def my_appeal(request: web.Request) -> web.Response:
    openid = await signed_openid(request, b"")
    view = await call(request, tickets.get_ticket, actor=_actor(openid), number=request.match_info["number"])
    return json_response(view)


def list_messages(hl, openid: str, after_id: int = 0) -> list[dict]:
    with hl.sessions() as s:
        rows = s.scalars(select(ChannelMessage).where(ChannelMessage.channel == "miniprogram",
                                                      ChannelMessage.citizen_ref == openid,
                                                      ChannelMessage.id > after_id)
                         .order_by(ChannelMessage.id).limit(100)).all()
        return [{"id": m.id, "ticket": m.ticket_number, "kind": m.kind, "text": m.text,
                 "created_at": m.created_at.isoformat()} for m in rows]


async def my_messages(request: web.Request) -> web.Response:
    openid = await signed_openid(request, b"")
    after = int_param(request.query.get("after"), "after", 0)
    return json_response({"items": await call(request, list_messages, openid, after)})


# -- ratings --------------------------------------------------------------------------------
def _rating_fields(data: dict) -> dict:
    unknown = set(data) - {"level", "reason_tags", "text", "stage", "rater_type", "real_name", "rater_phone"}
    if unknown:
        raise InvalidInput(f"未知字段：{', '.join(sorted(unknown))}")
    return dict(data)


def _submit_review(hl, **kw):
    from rectification.services import submit_review

    return submit_review(hl, **kw)


async def rate_ticket(request: web.Request) -> web.Response:
    body = await read_body(request, MAX_JSON_BYTES)
    openid = await signed_openid(request, body)
    key = _key(request)
    number = request.match_info["number"]
    # only the citizen who filed it may rate it: reading it through their actor checks that
    await call(request, tickets.get_ticket, actor=_actor(openid), number=number)
    data = _rating_fields(parse_json_object(body))
    data.update(target="ticket", ticket_number=number, stage=data.get("stage") or "complete",
                channel="miniprogram", citizen_ref=openid, channel_ref=f"{openid}:{key}"[:120])
    view, created = await call(request, _submit_review, actor=_actor(openid), data=data,
                               idempotency_key=f"mp:{openid}:{key}"[:120])
    return json_response(view, status=201 if created else 200)


async def rate_case(request: web.Request) -> web.Response:
    body = await read_body(request, MAX_JSON_BYTES)
    openid = await signed_openid(request, body)
    key = _key(request)
    data = _rating_fields(parse_json_object(body))
    data.update(target="case", case_number=request.match_info["case_number"],
                stage=data.get("stage") or "complete", channel="miniprogram", citizen_ref=openid,
                channel_ref=f"{openid}:{key}"[:120])
    view, created = await call(request, _submit_review, actor=_actor(openid), data=data,
                               idempotency_key=f"mp:{openid}:{key}"[:120])
    return json_response(view, status=201 if created else 200)


async def reason_tags(request: web.Request) -> web.Response:
    try:
        from rectification.services import list_reason_tags
    except ImportError:
        raise NotFound("评价服务尚未启用") from None
    return json_response({"items": list_reason_tags()})


async def _http_ctx(app: web.Application):
    app[SESSION] = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=8))
    yield
    await app[SESSION].close()


def setup_routes(app: web.Application) -> None:
    app.cleanup_ctx.append(_http_ctx)
    r = app.router
    r.add_post("/channels/mp/login", login)
    r.add_post("/channels/mp/appeals", file_appeal)
    r.add_get("/channels/mp/appeals", my_appeals)
    r.add_get("/channels/mp/appeals/{number}", my_appeal)
    r.add_post("/channels/mp/appeals/{number}/rating", rate_ticket)
    r.add_post("/channels/mp/cases/{case_number}/rating", rate_case)
    r.add_get("/channels/mp/messages", my_messages)
    r.add_get("/channels/mp/reason-tags", reason_tags)
