"""The aiohttp application factory."""
from __future__ import annotations

import asyncio
import functools
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

from aiohttp import web

from hotline.bootstrap import Hotline
from hotline.errors import HotlineError, Unauthorized
from hotline.services.actors import Actor

log = logging.getLogger(__name__)

HOTLINE = web.AppKey("hotline", Hotline)
EXECUTOR = web.AppKey("executor", ThreadPoolExecutor)
ACTOR_KEY = web.RequestKey("actor", object)
MAX_BODY = 1024 * 1024


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
    from sqlalchemy.exc import DisconnectionError, OperationalError, TimeoutError as PoolTimeout

    return (OperationalError, DisconnectionError, PoolTimeout, Unavailable)


def unavailable_response(request: web.Request) -> web.Response:
    if request.path.startswith(("/api", "/open311", "/channels", "/healthz")):
        resp = error_response(503, "unavailable", UNAVAILABLE_MESSAGE)
    else:  # console pages: a page a person can read
        resp = web.Response(status=503, content_type="text/html", charset="utf-8",
                            text=UNAVAILABLE_PAGE.format(message=UNAVAILABLE_MESSAGE, retry=RETRY_AFTER))
    resp.headers["Retry-After"] = RETRY_AFTER
    resp.headers["Cache-Control"] = "no-store"
    return resp


@web.middleware
async def errors_middleware(request: web.Request, handler):
    try:
        return await handler(request)
    except HotlineError as exc:
        return error_response(exc.status, exc.code, exc.message, exc.details)
    except web.HTTPException as exc:
        if exc.status < 400 or not request.path.startswith(("/api", "/open311", "/channels")):
            raise
        messages = {404: "接口不存在", 405: "不支持该请求方法", 413: "请求体过大"}
        return error_response(exc.status, exc.reason.lower().replace(" ", "_"),
                              messages.get(exc.status, exc.reason))
    except Exception as exc:  # noqa: BLE001
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
    from hotline.services.auth import actor_for_token

    actor = None
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthorized("Authorization 头格式应为：Bearer <令牌>")
        actor = await call(request, actor_for_token, token.strip())
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


def create_app(hl: Hotline, *, executor_threads: int = 16) -> web.Application:
    app = web.Application(middlewares=[errors_middleware], client_max_size=MAX_BODY * 12)
    app[HOTLINE] = hl
    app[EXECUTOR] = ThreadPoolExecutor(max_workers=executor_threads, thread_name_prefix="hotline-svc")
    app.cleanup_ctx.append(_executor_ctx)
    from hotline.web import api

    api.setup_routes(app)
    for setup in hl.extras.get("web_setups", []):
        setup(app)
    return app
