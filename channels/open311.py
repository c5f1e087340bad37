"""Open311 GeoReport v2 at ``/open311/v2``: discovery, services, definitions, requests, tokens.

JSON or XML by the path's extension (``requests.json`` / ``requests.xml``). Creating a request
needs an ``api_key`` (``hotline open311-key create``); reading is public and shows requests filed
through Open311 only, with phone and ID numbers in the description masked and no contact data.
Errors follow the protocol: an array of ``{code, description}`` (``<errors>`` in XML).
"""
from __future__ import annotations

import secrets
from datetime import datetime, timedelta, timezone
from typing import Any
from xml.sax.saxutils import escape

from aiohttp import web
from sqlalchemy import select

from channels.common import sha256_hex
from hotline.errors import Forbidden, HotlineError, InvalidInput, NotFound
from hotline.presenters import public_request_view
from hotline.services.actors import Actor
from hotline.services.fields import revoke_live
from hotline.domain.vocab import TICKET_TERMINAL_CODES, Role
from hotline.web.app import call, write_in_group
from models import Category, Open311Key, Ticket

PREFIX = "/open311/v2"
MAX_FORM_BYTES = 64 * 1024
MAX_RESULTS = 1000
CLOSED = TICKET_TERMINAL_CODES


# -- API keys -------------------------------------------------------------------------------
def create_key(hl, *, name: str) -> str:
    name = (name or "").strip()
    if not name or len(name) > 120:
        raise InvalidInput("密钥名称不能为空，且不超过120个字符")
    key = "o311_" + secrets.token_urlsafe(24)
    with hl.uow() as uow:
        uow.session.add(Open311Key(name=name, key_hash=sha256_hex(key), created_at=hl.now()))
        uow.commit()
    return key


def revoke_key(hl, *, name: str) -> int:
    with hl.uow() as uow:
        count = revoke_live(uow.session, Open311Key, Open311Key.name == name, at=hl.now())
        uow.commit()
        return count


def key_actor(hl, key: str) -> Actor:
    with hl.sessions() as s:
        row = s.scalar(select(Open311Key).where(Open311Key.key_hash == sha256_hex(key)))
        if row is None or row.revoked_at is not None:
            raise Forbidden("api_key 无效或已吊销")
        return Actor(kind="token", name=f"Open311：{row.name}", role=Role.channel, id=f"open311:{row.id}")


# -- output ---------------------------------------------------------------------------------
def _xml(value: Any, tag: str) -> str:
    if isinstance(value, dict):
        return f"<{tag}>" + "".join(_xml(v, k) for k, v in value.items()) + f"</{tag}>"
    if isinstance(value, list):
        return "".join(_xml(v, tag) for v in value)
    if value is None:
        return f"<{tag}/>"
    if isinstance(value, bool):
        value = "true" if value else "false"
    return f"<{tag}>{escape(str(value))}</{tag}>"


def render(data: Any, fmt: str, root: str, item: str, status: int = 200) -> web.Response:
    if fmt == "xml":
        inner = _xml(data, item) if isinstance(data, list) else "".join(_xml(v, k) for k, v in data.items())
        body = f'<?xml version="1.0" encoding="utf-8"?><{root}>{inner}</{root}>'
        return web.Response(text=body, status=status, content_type="text/xml", charset="utf-8")
    from hotline.web.app import json_response

    return json_response(data, status=status)


def error(fmt: str, status: int, message: str) -> web.Response:
    return render([{"code": status, "description": message}], fmt, "errors", "error", status)


def _fmt(request: web.Request) -> str:
    fmt = request.match_info.get("fmt", "json")
    if fmt not in ("json", "xml"):
        raise web.HTTPNotFound()
    return fmt


def protocol_errors(handler):
    """Translate domain errors to Open311's error array in the requested format."""
    async def wrapped(request: web.Request) -> web.Response:
        fmt = request.match_info.get("fmt", "json")
        fmt = fmt if fmt in ("json", "xml") else "json"
        try:
            return await handler(request)
        except HotlineError as exc:
            status = 400 if exc.status == 422 else exc.status
            return error(fmt, status, exc.message)
    return wrapped


# -- discovery and services -----------------------------------------------------------------
@protocol_errors
async def discovery(request: web.Request) -> web.Response:
    fmt = _fmt(request)
    base = f"{request.scheme}://{request.host}{PREFIX}/"
    data = {"changeset": "2026-03-01T00:00:00Z", "contact": "12345 政务服务便民热线",
            "key_service": "向热线中心申请 api_key（hotline open311-key create）",
            "endpoints": [{"specification": "http://wiki.open311.org/GeoReport_v2", "url": base,
                           "changeset": "2026-03-01T00:00:00Z", "type": "production",
                           "formats": ["application/json", "text/xml"]}]}
    if fmt == "xml":
        ep = data["endpoints"][0]
        data = dict(data, endpoints={"endpoint": dict(ep, formats={"format": ep["formats"]})})
    return render(data, fmt, "discovery", "discovery")


def list_services(hl) -> list[dict]:
    with hl.sessions() as s:
        cats = s.scalars(select(Category).where(Category.active.is_(True)).order_by(Category.code)).all()
        names = {c.id: c.name for c in cats}
        return [{"service_code": c.code, "service_name": c.name,
                 "description": f"{names.get(c.parent_id, '')}{' / ' if c.parent_id else ''}{c.name}",
                 "metadata": False, "type": "realtime", "keywords": c.name,
                 "group": names.get(c.parent_id) or c.name} for c in cats]


@protocol_errors
async def services(request: web.Request) -> web.Response:
    fmt = _fmt(request)
    return render(await call(request, list_services), fmt, "services", "service")


@protocol_errors
async def service_definition(request: web.Request) -> web.Response:
    fmt = _fmt(request)
    code = request.match_info["code"]
    known = {s["service_code"] for s in await call(request, list_services)}
    if code not in known:
        raise NotFound(f"服务类别不存在：{code}")
    return render({"service_code": code, "attributes": []}, fmt, "service_definition", "service_definition")


# -- requests -------------------------------------------------------------------------------
def request_view(t: Ticket) -> dict:
    return public_request_view(t, CLOSED)


def _moment(raw: str | None, name: str) -> datetime | None:
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput(f"{name} 应为 W3C 时间格式，如 2026-03-01T00:00:00Z") from None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def find_requests(hl, *, ids: list[str] | None = None, service_codes: list[str] | None = None,
                  start: datetime | None = None, end: datetime | None = None,
                  statuses: list[str] | None = None, token: str | None = None) -> list[dict]:
    """Read-only search over requests filed through Open311."""
    stmt = select(Ticket).where(Ticket.channel == "open311")
    if token:
        stmt = stmt.where(Ticket.channel_ref == token)
    elif ids:
        stmt = stmt.where(Ticket.number.in_(ids))
    else:
        now = hl.now()
        if start and end and end - start > timedelta(days=90):
            raise InvalidInput("start_date 与 end_date 的间隔不能超过 90 天")
        end = end or (start + timedelta(days=90) if start else now)
        start = start or end - timedelta(days=90)
        stmt = stmt.where(Ticket.created_at >= start, Ticket.created_at <= end)
        if service_codes:
            stmt = stmt.join(Category, Category.id == Ticket.category_id).where(Category.code.in_(service_codes))
        if statuses:
            closed = Ticket.status.in_(CLOSED)
            if statuses == ["closed"]:
                stmt = stmt.where(closed)
            elif statuses == ["open"]:
                stmt = stmt.where(~closed)
    with hl.sessions() as s:
        rows = s.scalars(stmt.order_by(Ticket.created_at.desc(), Ticket.id.desc()).limit(MAX_RESULTS)).all()
        return [request_view(t) | ({"token": token} if token else {}) for t in rows]


def _list(raw: str | None) -> list[str]:
    return [x.strip() for x in (raw or "").split(",") if x.strip()]


@protocol_errors
async def get_requests(request: web.Request) -> web.Response:
    fmt = _fmt(request)
    q = request.query
    statuses = sorted(set(_list(q.get("status"))))
    if any(st not in ("open", "closed") for st in statuses):
        raise InvalidInput("status 只能是 open 或 closed")
    rows = await call(request, find_requests, ids=_list(q.get("service_request_id")),
                      service_codes=_list(q.get("service_code")), start=_moment(q.get("start_date"), "start_date"),
                      end=_moment(q.get("end_date"), "end_date"), statuses=statuses)
    return render(rows, fmt, "service_requests", "request")


@protocol_errors
async def get_request(request: web.Request) -> web.Response:
    fmt = _fmt(request)
    rows = await call(request, find_requests, ids=[request.match_info["id"]])
    if not rows:
        raise NotFound(f"服务请求不存在：{request.match_info['id']}")
    return render(rows, fmt, "service_requests", "request")


@protocol_errors
async def get_token(request: web.Request) -> web.Response:
    fmt = _fmt(request)
    rows = await call(request, find_requests, token=request.match_info["token"])
    if not rows:
        raise NotFound(f"令牌不存在：{request.match_info['token']}")
    return render([{"token": r["token"], "service_request_id": r["service_request_id"]} for r in rows],
                  fmt, "service_requests", "request")


@protocol_errors
async def post_request(request: web.Request) -> web.Response:
    fmt = _fmt(request)
    if request.content_length and request.content_length > MAX_FORM_BYTES:
        raise InvalidInput("请求体过大")
    if request.content_type not in ("application/x-www-form-urlencoded", "multipart/form-data"):
        raise InvalidInput("请求应为表单（application/x-www-form-urlencoded）")
    form = await request.post()
    key = str(form.get("api_key") or "")
    if not key:
        raise Forbidden("缺少 api_key")
    actor = await call(request, key_actor, key)
    code = str(form.get("service_code") or "").strip()
    if not code:
        raise InvalidInput("缺少 service_code")
    known = {s["service_code"] for s in await call(request, list_services)}
    if code not in known:
        raise InvalidInput(f"service_code 不存在：{code}")
    description = str(form.get("description") or "").strip()
    if not description:
        raise InvalidInput("缺少 description（诉求内容）")
    address = str(form.get("address_string") or "").strip()
    lat, lon = str(form.get("lat") or "").strip(), str(form.get("long") or "").strip()
    if bool(lat) != bool(lon):
        raise InvalidInput("lat 与 long 须同时提供")
    if lat:
        try:
            la, lo = float(lat), float(lon)
        except ValueError:
            raise InvalidInput("lat / long 必须是数字") from None
        if not (-90 <= la <= 90 and -180 <= lo <= 180):
            raise InvalidInput("lat / long 超出范围")
        address = f"{address}（{la:.6f},{lo:.6f}）".strip()
    if not address:
        raise InvalidInput("须提供 address_string 或 lat/long（位置）")
    client_key = request.headers.get("Idempotency-Key", "").strip()
    if len(client_key) > 80:
        raise InvalidInput("Idempotency-Key 不能超过80个字符")
    # the request's token is its channel reference: a retry with the same Idempotency-Key finds it
    token = sha256_hex(f"{actor.id}:{client_key}")[:32] if client_key else secrets.token_hex(16)
    name = " ".join(str(form.get(k) or "").strip() for k in ("last_name", "first_name")).strip()
    account = str(form.get("account_id") or form.get("device_id") or "").strip()
    data = {"content": description, "category": code, "place": address[:300], "channel": "open311",
            "channel_ref": token, "contact_name": name or None,
            "contact_phone": str(form.get("phone") or "").strip() or None,
            "citizen_ref": f"{actor.id}:{account}"[:120] if account else None}
    # written with the intakes waiting at that moment (group commit, like POST /api/v1/tickets)
    view, created = await write_in_group(request, actor, {k: v for k, v in data.items() if v is not None},
                                         f"open311:{token}")
    body = [{"service_request_id": view["number"], "token": token,
             "service_notice": "已受理，可凭 service_request_id 查询办理进度", "account_id": account or None}]
    return render(body, fmt, "service_requests", "request", status=201 if created else 200)


def setup_routes(app: web.Application) -> None:
    r = app.router
    ext = "{fmt:json|xml}"
    r.add_get(f"{PREFIX}/discovery.{ext}", discovery)
    r.add_get(f"{PREFIX}/services.{ext}", services)
    r.add_get(f"{PREFIX}/services/{{code}}.{ext}", service_definition)
    r.add_get(f"{PREFIX}/requests.{ext}", get_requests)
    r.add_post(f"{PREFIX}/requests.{ext}", post_request)
    r.add_get(f"{PREFIX}/requests/{{id}}.{ext}", get_request)
    r.add_get(f"{PREFIX}/tokens/{{token}}.{ext}", get_token)
