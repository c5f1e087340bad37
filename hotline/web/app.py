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
    """Run a (synchronous) service function in the worker threads."""
    app = request.app
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(app[EXECUTOR], functools.partial(fn, app[HOTLINE], *args, **kwargs))


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
    except Exception:  # noqa: BLE001
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


def all_parts() -> list[Callable[[web.Application], None]]:
    """The routes of the whole program beside the core API: 好差评, the channels and the consoles."""
    import channels
    from hotline.console import web as console
    from rectification import console as rectification_console, web as rectification

    return [rectification.setup_routes, channels.setup, console.setup, rectification_console.setup_routes]


def create_app(hl: Hotline, *, executor_threads: int = 16,
               parts: Sequence[Callable[[web.Application], None]] | None = None) -> web.Application:
    """The web application: the core API and ``parts`` (default: ``all_parts()``; a test may serve fewer)."""
    app = web.Application(middlewares=[errors_middleware], client_max_size=MAX_BODY * 12)
    app[HOTLINE] = hl
    app[EXECUTOR] = ThreadPoolExecutor(max_workers=executor_threads, thread_name_prefix="hotline-svc")
    app.cleanup_ctx.append(_executor_ctx)
    from hotline.web import api

    api.setup_routes(app)
    for setup in all_parts() if parts is None else parts:
        setup(app)
    return app
