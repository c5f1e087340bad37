"""Window tablets (一窗一码): pairing, the rating page, case push over SSE, idempotent ratings.

A tablet is paired with one window (``hotline tablet pair --window CODE`` prints its token; only
the hash is stored). The window's case system, or the clerk, posts each finished case to
``POST /channels/tablet/cases``; every tablet of that window listening on
``GET /channels/tablet/events`` shows the rating screen at once. Ratings carry an idempotency key
made on the tablet, so a rating queued while offline and sent later — even twice — counts once.
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from pathlib import Path
from typing import Any

from aiohttp import web
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from channels.common import parse_json_object, read_body, sha256_hex
from hotline import scope
from hotline.domain.vocab import BAD_MAX_LEVEL, Role
from hotline.errors import Conflict, Forbidden, InvalidInput, NotFound, Unauthorized
from hotline.services.actors import Actor
from hotline.services.fields import revoke_live
from hotline.web import guard
from hotline.web.app import HOTLINE, call, json_response
from models import TabletCase, TabletDevice

STATIC = Path(__file__).with_name("static")
TOKEN_PREFIX = "tab_"
MAX_JSON = 16 * 1024
HEARTBEAT = 15.0
BROKER = web.AppKey("tablet_broker", object)
log = logging.getLogger(__name__)


class Broker:
    """In-process fan-out of case events to the tablets of a window (one server process)."""

    def __init__(self) -> None:
        self.listeners: dict[str, set[asyncio.Queue]] = {}

    def subscribe(self, window: str) -> asyncio.Queue:
        q: asyncio.Queue = asyncio.Queue(maxsize=100)
        self.listeners.setdefault(window, set()).add(q)
        return q

    def unsubscribe(self, window: str, q: asyncio.Queue) -> None:
        self.listeners.get(window, set()).discard(q)

    def deliver(self, window: str, event: dict) -> int:
        """Hand an event to the tablets of ``window`` connected to this process."""
        queues = list(self.listeners.get(window, ()))
        for q in queues:
            if not q.full():
                q.put_nowait(event)
        return len(queues)

    async def publish(self, window: str, event: dict) -> None:
        self.deliver(window, event)

    async def start(self, app: web.Application) -> None:
        pass

    async def stop(self, app: web.Application) -> None:
        pass


class RedisBroker(Broker):
    """Fan-out through Redis pub/sub, so a tablet connected to any web process gets every push.

    Each process subscribes to ``hotline:tablet:*`` and delivers to its own tablets; a lost Redis
    connection is re-made with back-off. A push published while Redis is away is not lost for the
    tablet: it is stored, and a tablet that (re)connects is sent its window's pending case."""

    CHANNEL = "hotline:tablet:"

    def __init__(self, redis_url: str, timeout: float = 5) -> None:
        super().__init__()
        self.redis_url = redis_url
        self.timeout = timeout
        self._task: asyncio.Task | None = None
        self._client = None
        self.ready = asyncio.Event()

    async def publish(self, window: str, event: dict) -> None:
        try:
            await self._client.publish(self.CHANNEL + window, json.dumps(event, ensure_ascii=False))
        except Exception as exc:  # noqa: BLE001 - the case is stored; the tablet gets it on reconnect
            log.warning("tablet push for window %s not published: %s", window, exc.__class__.__name__)

    async def start(self, app: web.Application) -> None:
        from redis.asyncio import Redis
        from redis.asyncio.retry import Retry
        from redis.backoff import NoBackoff

        # one quick retry, no back-off (redis-py's default backs off for seconds): a push that cannot be
        # published is dropped at once, the tablet reads the stored case when it reconnects
        self._client = Redis.from_url(self.redis_url, socket_timeout=self.timeout,
                                      socket_connect_timeout=self.timeout, retry=Retry(NoBackoff(), 1))
        self._task = asyncio.get_running_loop().create_task(self._listen())

    async def stop(self, app: web.Application) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
        if self._client is not None:
            await self._client.aclose()

    async def _listen(self) -> None:
        from redis.asyncio import Redis

        wait = 0.5
        while True:
            listener = Redis.from_url(self.redis_url, socket_connect_timeout=self.timeout,
                                      health_check_interval=30)
            try:
                async with listener.pubsub() as pubsub:
                    await pubsub.psubscribe(self.CHANNEL + "*")
                    self.ready.set()
                    wait = 0.5
                    while True:
                        message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=30)
                        if message is None or message.get("type") != "pmessage":
                            continue
                        window = message["channel"].decode()[len(self.CHANNEL):]
                        self.deliver(window, json.loads(message["data"]))
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - Redis restarting: subscribe again
                self.ready.clear()
                log.warning("tablet pub/sub connection lost (%s); again in %.1f s", exc.__class__.__name__, wait)
                await asyncio.sleep(wait)
                wait = min(10.0, wait * 2)
            finally:
                await listener.aclose()


# -- devices (the channel's own storage) --------------------------------------------------------
def _rect():
    try:
        from rectification import services
    except ImportError:  # pragma: no cover - the review service ships with the project
        raise NotFound("评价服务尚未启用") from None
    return services


def pair_device(hl, *, window_code: str, name: str = "") -> str:
    """Pair a tablet with a window; return its token (shown once, stored hashed)."""
    _rect().get_window(hl, window_code)  # NotFound for an unknown window
    token = TOKEN_PREFIX + secrets.token_urlsafe(24)
    with hl.uow() as uow:
        uow.session.add(TabletDevice(window_code=window_code, name=(name or "")[:120], token_hash=sha256_hex(token),
                                     created_at=hl.now()))
        uow.commit()
    return token


def pair_with_code(hl, *, code: str) -> tuple[str, str]:
    """Redeem a one-time pairing code an administrator created in the console (渠道凭据 → 窗口评价器配对码,
    named after the window code); returns (window code, device token)."""
    from models.console import ChannelCredential

    code = str(code or "").strip()
    if not code.isdigit() or len(code) != 8:
        raise InvalidInput("配对码应为8位数字")
    now = hl.now()
    with hl.uow() as uow:
        row = uow.session.scalar(select(ChannelCredential).where(
            ChannelCredential.kind == "tablet_pairing", ChannelCredential.secret == code,
            ChannelCredential.revoked_at.is_(None)))
        if row is None or (row.meta or {}).get("expires_at", "") < now.isoformat():
            raise Unauthorized("配对码无效、已使用或已过期，请管理员重新生成")
        row.revoked_at = now                     # one use only
        window_code = row.name
        uow.commit()
    return window_code, pair_device(hl, window_code=window_code, name="配对码配对")


async def post_pair(request: web.Request) -> web.Response:
    data = parse_json_object(await read_body(request, MAX_JSON))
    if guard.pairing_blocked(request):
        raise Unauthorized(guard.NEUTRAL_PAIRING_ERROR)
    try:
        window_code, token = await call(request, pair_with_code, code=data.get("code"))
    except (Unauthorized, InvalidInput):
        guard.pairing_failed(request)
        raise
    return json_response({"window": window_code, "token": token}, status=201)


def unpair_devices(hl, *, window_code: str) -> int:
    with hl.uow() as uow:
        count = revoke_live(uow.session, TabletDevice, TabletDevice.window_code == window_code, at=hl.now())
        uow.commit()
        return count


def device_window(hl, token: str) -> tuple[int, str]:
    with hl.uow() as uow:
        row = uow.session.scalar(select(TabletDevice).where(TabletDevice.token_hash == sha256_hex(token)))
        if row is None or row.revoked_at is not None:
            raise Unauthorized("评价器令牌无效或已解除配对，请重新配对")
        row.last_seen_at = hl.now()
        out = (row.id, row.window_code)
        uow.commit()
        return out


def _token(request: web.Request) -> str:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if header and scheme.lower() == "bearer" and token.strip():
        return token.strip()
    if request.query.get("token"):
        return request.query["token"]
    raise Unauthorized("需要评价器令牌（Authorization: Bearer <令牌>）")


async def _window_of_caller(request: web.Request, data: dict) -> str:
    """A paired tablet acts for its window; a core API token (unit / operator / admin) names one."""
    token = _token(request)
    if token.startswith(TOKEN_PREFIX):
        _, window = await call(request, device_window, token)
        if data.get("window_code") not in (None, "", window):
            raise Forbidden("评价器只能为所配对的窗口推送办件")
        return window
    from hotline.services.auth import actor_for_token

    actor: Actor = await call(request, actor_for_token, token)
    actor.require(Role.unit, Role.operator, Role.admin)
    window = data.get("window_code")
    if not isinstance(window, str) or not window:
        raise InvalidInput("缺少必填字段：window_code", field="window_code")
    info = await call(request, lambda hl: _rect().get_window(hl, window))
    if scope.unit_code_only(actor, info.get("unit")) != info.get("unit"):
        raise Forbidden("只能为本单位的窗口推送办件")
    return window


# -- cases ----------------------------------------------------------------------------------
_CASE_FIELDS = {"window_code": 40, "case_number": 60, "service_item_code": 60, "service_item_name": 200,
                "staff_number": 40, "staff_name": 80, "stage": 10}


def _case_data(data: dict) -> dict[str, str | None]:
    unknown = set(data) - set(_CASE_FIELDS)
    if unknown:
        raise InvalidInput(f"未知字段：{', '.join(sorted(unknown))}")
    out: dict[str, str | None] = {}
    for key, limit in _CASE_FIELDS.items():
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > limit):
            raise InvalidInput(f"字段 {key} 须为不超过 {limit} 个字符的文本", field=key)
        out[key] = value.strip() if isinstance(value, str) and value.strip() else None
    if not out["case_number"]:
        raise InvalidInput("缺少必填字段：case_number（办件编号）", field="case_number")
    out["stage"] = out["stage"] or "complete"
    if out["stage"] not in ("accept", "complete"):
        raise InvalidInput("stage 只能是 accept（受理）或 complete（办结）", field="stage")
    return out


def case_view(c: TabletCase) -> dict[str, Any]:
    return {"case_number": c.case_number, "stage": c.stage, "service_item_code": c.service_item_code,
            "service_item_name": c.service_item_name, "staff_number": c.staff_number, "staff_name": c.staff_name,
            "window_code": c.window_code, "created_at": c.created_at.isoformat()}


def push_case(hl, *, window_code: str, data: dict) -> tuple[dict, bool]:
    """Record the finished case for the window's tablet (and as a 办件 that can be rated)."""
    with hl.uow() as uow:
        s = uow.session
        found = s.scalar(select(TabletCase).where(TabletCase.window_code == window_code,
                                                  TabletCase.case_number == data["case_number"],
                                                  TabletCase.stage == data["stage"]))
        if found is not None:
            return case_view(found), False
        row = TabletCase(window_code=window_code, created_at=hl.now(),
                         **{k: v for k, v in data.items() if k != "window_code"})
        s.add(row)
        try:
            s.flush()
        except IntegrityError:
            s.rollback()
            found = s.scalar(select(TabletCase).where(TabletCase.window_code == window_code,
                                                      TabletCase.case_number == data["case_number"],
                                                      TabletCase.stage == data["stage"]))
            return case_view(found), False
        view = case_view(row)
        uow.commit()
    try:  # the 办件 itself, so it counts as 未评 until rated
        _rect().register_case(hl, actor=Actor(kind="system", name=f"窗口 {window_code}", role=Role.channel,
                                              id=f"window:{window_code}"[:40]),
                              data={"case_number": data["case_number"], "window_code": window_code,
                                    **{k: data[k] for k in ("staff_number", "staff_name", "service_item_code",
                                                            "service_item_name") if data.get(k)}})
    except Conflict:
        pass  # already registered by the case system
    return view, True


def pending_case(hl, window_code: str) -> dict | None:
    with hl.sessions() as s:
        row = s.scalar(select(TabletCase).where(TabletCase.window_code == window_code,
                                                TabletCase.rated_at.is_(None))
                       .order_by(TabletCase.created_at.desc(), TabletCase.id.desc()).limit(1))
        return case_view(row) if row else None


async def post_case(request: web.Request) -> web.Response:
    data = parse_json_object(await read_body(request, MAX_JSON))
    window = await _window_of_caller(request, data)
    case = _case_data(data)
    view, created = await call(request, push_case, window_code=window, data=case)
    if created:
        await request.app[BROKER].publish(window, {"type": "case", "case": view})
    return json_response(view, status=201 if created else 200)


async def events(request: web.Request) -> web.StreamResponse:
    _, window = await call(request, device_window, _token(request))
    broker: Broker = request.app[BROKER]
    q = broker.subscribe(window)
    resp = web.StreamResponse(headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache",
                                       "X-Accel-Buffering": "no"})
    await resp.prepare(request)
    try:
        info = await call(request, lambda hl: _rect().get_window(hl, window))
        await _send(resp, {"type": "hello", "window": info})
        pending = await call(request, pending_case, window)
        if pending:
            await _send(resp, {"type": "case", "case": pending})
        while True:
            try:
                event = await asyncio.wait_for(q.get(), timeout=HEARTBEAT)
            except asyncio.TimeoutError:
                await resp.write(b": keep-alive\n\n")
                continue
            await _send(resp, event)
    except (ConnectionResetError, asyncio.CancelledError):
        pass
    finally:
        broker.unsubscribe(window, q)
    return resp


async def _send(resp: web.StreamResponse, event: dict) -> None:
    await resp.write(f"event: {event['type']}\ndata: {json.dumps(event, ensure_ascii=False)}\n\n".encode())


# -- ratings --------------------------------------------------------------------------------
def rate(hl, *, window_code: str, key: str, data: dict) -> tuple[dict, bool]:
    review_data: dict[str, Any] = {k: data[k] for k in ("level", "reason_tags", "text") if k in data}
    review_data.update(channel="tablet", channel_ref=key, window_code=window_code)
    number = data.get("case_number")
    stage = data.get("stage") or "complete"
    case = None
    if number:
        with hl.sessions() as s:
            case = s.scalar(select(TabletCase).where(TabletCase.window_code == window_code,
                                                     TabletCase.case_number == number, TabletCase.stage == stage))
        if case is None:
            raise InvalidInput(f"本窗口没有办件 {number}", field="case_number")
        review_data.update(target="case", case_number=number, stage=stage,
                           **{k: getattr(case, k) for k in ("staff_number", "staff_name", "service_item_code",
                                                            "service_item_name") if getattr(case, k)})
    else:
        review_data.update(target="window")
    actor = Actor(kind="system", name=f"窗口评价器 {window_code}", role=Role.channel, id=f"tablet:{window_code}"[:40])
    view, created = _rect().submit_review(hl, actor=actor, data=review_data, idempotency_key=f"tablet:{key}")
    if case is not None:
        with hl.uow() as uow:
            row = uow.session.get(TabletCase, case.id)
            if row.rated_at is None:
                row.rated_at = hl.now()
                uow.commit()
    return view, created


async def post_rating(request: web.Request) -> web.Response:
    _, window = await call(request, device_window, _token(request))
    data = parse_json_object(await read_body(request, MAX_JSON))
    unknown = set(data) - {"case_number", "stage", "level", "reason_tags", "text"}
    if unknown:
        raise InvalidInput(f"未知字段：{', '.join(sorted(unknown))}")
    key = request.headers.get("Idempotency-Key", "").strip()
    if not 8 <= len(key) <= 80:
        raise InvalidInput("缺少 Idempotency-Key（评价器生成的唯一编号）")
    view, created = await call(request, rate, window_code=window, key=key, data=data)
    return json_response({"id": view.get("id"), "level": view.get("level"), "created": created},
                         status=201 if created else 200)


async def reason_tags(request: web.Request) -> web.Response:
    return json_response({"items": _rect().list_reason_tags(), "bad_max_level": BAD_MAX_LEVEL})


async def page(request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "tablet.html", headers={"Cache-Control": "no-cache"})


def setup_routes(app: web.Application) -> None:
    redis_url = app[HOTLINE].settings.redis_url
    broker = RedisBroker(redis_url, app[HOTLINE].settings.redis_timeout) if redis_url else Broker()
    app[BROKER] = broker
    app.on_startup.append(broker.start)
    app.on_cleanup.append(broker.stop)
    r = app.router
    r.add_get("/tablet", page)
    r.add_static("/channels/static", str(STATIC))
    r.add_post("/channels/tablet/pair", post_pair)
    r.add_post("/channels/tablet/cases", post_case)
    r.add_get("/channels/tablet/events", events)
    r.add_post("/channels/tablet/ratings", post_rating)
    r.add_get("/channels/tablet/reason-tags", reason_tags)
