"""The aiohttp application factory."""
from __future__ import annotations

import asyncio
import functools
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Sequence

from aiohttp import web

from hotline.bootstrap import Hotline
from hotline.domain.privacy import install_log_redaction
from hotline.errors import HotlineError, InvalidInput, Unauthorized
from hotline.services.actors import Actor
from hotline.web.group import GroupWriter

log = logging.getLogger(__name__)

HOTLINE = web.AppKey("hotline", Hotline)
EXECUTOR = web.AppKey("executor", ThreadPoolExecutor)
INTAKES = web.AppKey("intakes", GroupWriter)    # the group commit of POST /api/v1/tickets
ACTOR_KEY = web.RequestKey("actor", object)
MAX_BODY = 1024 * 1024


MAX_JSON_DEPTH = 32      # nesting of objects and arrays a request body may have
# what a JSON door accepts: JSON, no type, and curl's default for -d (the body must still be JSON)
JSON_TYPES = ("application/json", "application/octet-stream", "application/x-www-form-urlencoded")


def _json_content_type(request: web.Request) -> None:
    ctype = request.content_type
    if ctype not in JSON_TYPES and not ctype.endswith("+json"):
        raise web.HTTPUnsupportedMediaType(text=f"请求体须为 JSON（Content-Type: application/json），收到 {ctype}")


def parse_json_object(body: bytes, *, max_depth: int = MAX_JSON_DEPTH) -> dict[str, Any]:
    """The one JSON reader of every door (API, channels, signed webhooks): a JSON object nested at
    most ``max_depth`` deep whose keys and texts hold no control character (tab, CR, LF allowed)."""
    from hotline.services.fields import CONTROL, CONTROL_MESSAGE

    try:
        data = json.loads(body.decode("utf-8")) if body.strip() else {}
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidInput("请求体不是有效的 JSON") from None
    except RecursionError:
        raise InvalidInput(f"JSON 嵌套层数超过 {max_depth} 层") from None
    if not isinstance(data, dict):
        raise InvalidInput("请求体必须是 JSON 对象")
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            if depth > max_depth:
                raise InvalidInput(f"JSON 嵌套层数超过 {max_depth} 层")
            items = value.items() if isinstance(value, dict) else ((None, v) for v in value)
            for key, item in items:
                if key is not None and CONTROL.search(key):
                    raise InvalidInput(f"字段名{CONTROL_MESSAGE}")
                stack.append((item, depth + 1))
        elif isinstance(value, str) and CONTROL.search(value):
            raise InvalidInput(f"字段值{CONTROL_MESSAGE}")
    return data


async def read_body(request: web.Request, limit: int = MAX_BODY) -> bytes:
    """The raw body, refusing one larger than ``limit`` with a 413 and a message."""
    if request.content_length is not None and request.content_length > limit:
        raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=request.content_length)
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = await request.content.read(64 * 1024)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=size)
        chunks.append(chunk)


async def read_json(request: web.Request, limit: int = MAX_BODY) -> dict[str, Any]:
    """The JSON object of a request (``{}`` without a body), read with ``parse_json_object``."""
    if not request.can_read_body:
        return {}
    _json_content_type(request)
    return parse_json_object(await read_body(request, limit))


def json_response(data: Any, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=functools.partial(json.dumps, ensure_ascii=False))


def error_response(status: int, code: str, message: str, details: dict[str, Any] | None = None) -> web.Response:
    body: dict[str, Any] = {"error": {"code": code, "message": message}}
    if details:
        body["error"]["details"] = details
    return json_response(body, status=status)


async def call(request: web.Request, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
    """Run a (synchronous) service function in the worker threads, for at most the request timeout
    (a database that stopped answering gives a 503, not a request that hangs)."""
    app = request.app
    hl = app[HOTLINE]
    loop = asyncio.get_running_loop()
    work = loop.run_in_executor(app[EXECUTOR], functools.partial(fn, hl, *args, **kwargs))
    try:
        return await asyncio.wait_for(work, timeout=hl.settings.request_timeout)
    except asyncio.TimeoutError:
        raise Unavailable(f"request waited more than {hl.settings.request_timeout} s") from None


async def write_in_group(request: web.Request, *item: Any) -> Any:
    """``call`` for an intake: written together with the intakes waiting at that moment (group commit,
    ``hotline.web.group``), answered once their transaction has committed."""
    app = request.app
    timeout = app[HOTLINE].settings.request_timeout
    try:
        return await app[INTAKES].submit(item, timeout=timeout)
    except asyncio.TimeoutError:
        raise Unavailable(f"request waited more than {timeout} s") from None


class Unavailable(Exception):
    """The database (or what the request waits on) does not answer in time."""


RETRY_AFTER = "10"  # seconds a client should wait before retrying after a 503
UNAVAILABLE_MESSAGE = "服务暂时不可用（数据库连接中断），请稍后重试；已提交成功的内容不会丢失"
UNAVAILABLE_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>服务暂时不可用</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto;line-height:1.6">
<h1>服务暂时不可用</h1><p>{message}</p><p>页面将在稍后恢复，请 {retry} 秒后<a href="">刷新</a>。</p>
</body></html>"""


def unavailable_errors() -> tuple[type[BaseException], ...]:
    """Exceptions that mean "the database is away", not "the code is wrong": answered with 503."""
    from psycopg import OperationalError as DriverOperationalError
    from sqlalchemy.exc import DisconnectionError, OperationalError, TimeoutError as PoolTimeout

    # the driver's own, from a raw connection (the intake's COPY): a lost server, or a deadlock the client retries
    return (OperationalError, DisconnectionError, PoolTimeout, Unavailable, DriverOperationalError)


def unavailable_response(request: web.Request) -> web.Response:
    if request.path.startswith(("/api", "/open311", "/channels", "/healthz")):
        resp = error_response(503, "unavailable", UNAVAILABLE_MESSAGE)
    else:  # console pages: a page a person can read
        resp = web.Response(status=503, content_type="text/html", charset="utf-8",
                            text=UNAVAILABLE_PAGE.format(message=UNAVAILABLE_MESSAGE, retry=RETRY_AFTER))
    resp.headers["Retry-After"] = RETRY_AFTER
    resp.headers["Cache-Control"] = "no-store"
    return resp


async def refuse_control_characters(request: web.Request) -> None:
    """The path, the query string and (outside the JSON doors) a form: no control character."""
    from hotline.services.fields import CONTROL, CONTROL_MESSAGE

    if CONTROL.search(request.path) or any(CONTROL.search(k) or CONTROL.search(v) for k, v in request.query.items()):
        raise InvalidInput(f"网址或查询参数{CONTROL_MESSAGE}")
    if (request.content_type == "application/x-www-form-urlencoded" and request.method == "POST"
            and not request.path.startswith(("/api", "/channels"))):
        form = await request.post()  # cached: the handler reads the same form
        for key, value in form.items():
            if CONTROL.search(key) or (isinstance(value, str) and CONTROL.search(value)):
                raise InvalidInput(f"表单字段 {key[:40]!r} {CONTROL_MESSAGE}")


@web.middleware
async def errors_middleware(request: web.Request, handler):
    try:
        await refuse_control_characters(request)
        return await handler(request)
    except HotlineError as exc:
        return error_response(exc.status, exc.code, exc.message, exc.details)
    except web.HTTPException as exc:
        if exc.status < 400 or not request.path.startswith(("/api", "/open311", "/channels")):
            raise
        messages = {404: "接口不存在", 405: "不支持该请求方法", 413: "请求体过大",
                    415: exc.text if exc.status == 415 and exc.text else "不支持的请求体类型"}
        return error_response(exc.status, exc.reason.lower().replace(" ", "_"),
                              messages.get(exc.status, exc.reason))
    except Exception as exc:  # noqa: BLE001
        from sqlalchemy.exc import DataError

        if isinstance(exc, DataError):  # a value the database refuses (out of range…): the input's fault
            log.warning("database refused a value on %s %s: %s", request.method, request.path,
                        exc.orig.__class__.__name__ if exc.orig is not None else "DataError")
            return error_response(400, "invalid_value", "输入的值超出允许范围或含有不允许的字符")
        if isinstance(exc, unavailable_errors()):
            log.warning("database unavailable on %s %s: %s", request.method, request.path,
                        exc.__class__.__name__)
            return unavailable_response(request)
        log.exception("unhandled error on %s %s", request.method, request.path)
        return error_response(500, "internal_error", "服务器内部错误，已记录")


async def actor_from_request(request: web.Request) -> Actor | None:
    """The authenticated actor: a bearer token, or a signed-in console session."""
    if ACTOR_KEY in request:
        return request[ACTOR_KEY]
    from hotline.services.auth import actor_for_token, cached_actor_for_token

    actor = None
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthorized("Authorization 头格式应为：Bearer <令牌>")
        actor = (cached_actor_for_token(request.app[HOTLINE], token.strip())    # no thread hop when known
                 or await call(request, actor_for_token, token.strip()))
    else:
        resolver = request.app.get(SESSION_RESOLVER)
        if resolver is not None:
            actor = await resolver(request)
    request[ACTOR_KEY] = actor
    return actor


async def require_actor(request: web.Request) -> Actor:
    actor = await actor_from_request(request)
    if actor is None:
        raise Unauthorized("需要登录或提供 API 令牌（Authorization: Bearer <令牌>）")
    return actor


SESSION_RESOLVER = web.AppKey("session_resolver", object)


async def _executor_ctx(app: web.Application):
    yield
    app[EXECUTOR].shutdown(wait=True, cancel_futures=False)


def all_parts() -> list[Callable[[web.Application], None]]:
    """The routes of the whole program beside the core API: 好差评, the channels, the consoles (the
    好差评 pages and the hotspot / knowledge-base pages extend the consoles, so they come after them)."""
    import channels
    from hotline import matters
    from hotline.console import web as console
    from rectification import console as rectification_console, web as rectification

    return [rectification.setup_routes, channels.setup, console.setup, rectification_console.setup_routes,
            matters.setup]


def create_app(hl: Hotline, *, executor_threads: int = 16,
               parts: Sequence[Callable[[web.Application], None]] | None = None) -> web.Application:
    """The web application: the core API and ``parts`` (default: ``all_parts()``; a test may serve fewer)."""
    app = web.Application(middlewares=[errors_middleware], client_max_size=MAX_BODY * 12)
    app[HOTLINE] = hl
    install_log_redaction()
    app[EXECUTOR] = ThreadPoolExecutor(max_workers=executor_threads, thread_name_prefix="hotline-svc")
    from hotline.services.tickets import create_ticket_group

    app[INTAKES] = GroupWriter(functools.partial(create_ticket_group, hl), app[EXECUTOR])
    app.cleanup_ctx.append(_executor_ctx)
    from hotline.web import api, guard

    guard.setup(app)
    api.setup_routes(app)
    for setup in all_parts() if parts is None else parts:
        setup(app)
    return app
