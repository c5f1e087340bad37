"""Browser-facing protections: the client's real address and scheme behind a trusted proxy, throttling of
guessable secrets (sign-in, tablet pairing), and the security headers of every HTML page.

``trusted_proxies`` (config file ``[hotline] trusted_proxies = ["10.0.0.5", "10.1.0.0/16"]`` or the
environment ``HOTLINE_TRUSTED_PROXIES="10.0.0.5,10.1.0.0/16"``) names the TLS-terminating balancers
whose ``X-Forwarded-For`` / ``X-Forwarded-Proto`` are believed; from anyone else they are ignored.
"""
from __future__ import annotations

import ipaddress
import os
import secrets
import threading
import time
from collections import defaultdict, deque
from typing import Callable

from aiohttp import web
from redis.exceptions import RedisError

from hotline.services.auth import NEUTRAL_LOGIN_ERROR  # noqa: F401 - one message for every refusal

# No inline script or style anywhere (console.js and console.css are files); images may come from this
# site, data: URIs (charts) and https (stored attachment links).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"}
NEUTRAL_PAIRING_ERROR = "配对码无效、已使用或已过期，或尝试次数过多，请稍后再试或请管理员重新生成"


def trusted_proxies(settings) -> list:
    raw = os.environ.get("HOTLINE_TRUSTED_PROXIES")
    if raw is None:
        raw = (getattr(settings, "extra", None) or {}).get("trusted_proxies", [])
    if isinstance(raw, str):
        raw = [p for p in raw.replace(" ", "").split(",") if p]
    nets = []
    for item in raw or []:
        try:
            nets.append(ipaddress.ip_network(str(item), strict=False))
        except ValueError:
            continue
    return nets


def _trusted(request: web.Request) -> bool:
    peer = request.remote
    if not peer:
        return False
    try:
        address = ipaddress.ip_address(peer)
    except ValueError:
        return False
    return any(address in net for net in request.app[PROXIES])


PROXIES = web.AppKey("trusted_proxies", list)


def client_address(request: web.Request) -> str:
    """The caller's address: the last hop before our trusted proxy, else the socket's peer."""
    if _trusted(request):
        hops = [h.strip() for h in request.headers.get("X-Forwarded-For", "").split(",") if h.strip()]
        if hops:
            return hops[-1]
    return request.remote or "unknown"


def is_https(request: web.Request) -> bool:
    """True on a TLS connection, or behind a trusted proxy that says the client used https."""
    if request.secure:
        return True
    return _trusted(request) and request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip() == "https"


class Throttle:
    """Failures per key over the last ``window`` seconds, in this process (thread-safe); ``RedisThrottle``
    shares them across processes."""

    def __init__(self, window: float = 15 * 60, clock: Callable[[], float] = time.monotonic):
        self.window, self.clock = window, clock
        self._failures: dict[str, deque] = defaultdict(deque)
        self._lock = threading.Lock()

    def count(self, key: str) -> int:
        with self._lock:
            q = self._failures.get(key)
            if not q:
                return 0
            cutoff = self.clock() - self.window
            while q and q[0] <= cutoff:
                q.popleft()
            return len(q)

    def fail(self, *keys: str) -> None:
        with self._lock:
            now = self.clock()
            for k in keys:
                self._failures[k].append(now)

    def reset(self, *keys: str) -> None:
        with self._lock:
            for k in keys:
                self._failures.pop(k, None)


class RedisThrottle(Throttle):
    """The same counts shared by every web process behind the balancer: a sorted set of failure times per
    key in Redis (``hotline:throttle:<key>``, expiring with the window). While Redis cannot be reached,
    this process's own counts stand in, so a Redis outage never opens sign-in to unlimited guessing."""

    PREFIX = "hotline:throttle:"

    def __init__(self, redis, window: float = 15 * 60, clock: Callable[[], float] = time.time):
        super().__init__(window, clock)
        self.redis = redis

    def count(self, key: str) -> int:
        try:
            pipe = self.redis.pipeline()
            pipe.zremrangebyscore(self.PREFIX + key, "-inf", self.clock() - self.window)
            pipe.zcard(self.PREFIX + key)
            return int(pipe.execute()[1])
        except RedisError:
            return super().count(key)

    def fail(self, *keys: str) -> None:
        super().fail(*keys)
        now = self.clock()
        try:
            pipe = self.redis.pipeline()
            for key in keys:
                pipe.zadd(self.PREFIX + key, {f"{now:.6f}:{secrets.token_hex(4)}": now})
                pipe.expire(self.PREFIX + key, int(self.window) + 1)
            pipe.execute()
        except RedisError:
            pass

    def reset(self, *keys: str) -> None:
        super().reset(*keys)
        try:
            self.redis.delete(*(self.PREFIX + k for k in keys))
        except RedisError:
            pass


def make_throttle(settings) -> Throttle:
    """Shared through Redis when the deployment has one (several web processes), else in this process."""
    if not settings.redis_url:
        return Throttle()
    from redis import Redis
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    # one quick retry, no back-off: redis-py's default (10 retries, exponential back-off) would hold each
    # sign-in for seconds while Redis is away, when this process's own counts can stand in at once
    return RedisThrottle(Redis.from_url(settings.redis_url, socket_timeout=settings.redis_timeout,
                                        socket_connect_timeout=settings.redis_timeout, retry=Retry(NoBackoff(), 1)))


# Sign-in: 10 failures per client address or 5 per account name in 15 minutes (the account's own lockout
# in the database stays as a second line). Pairing codes (8 digits): 5 failures per address and 50 in all
# per 15 minutes, so guessing one of 10^8 codes within a code's lifetime is hopeless.
THROTTLE = web.AppKey("throttle", Throttle)
SIGN_IN_PER_ADDRESS, SIGN_IN_PER_ACCOUNT, PAIRING_PER_ADDRESS, PAIRING_TOTAL = 10, 5, 5, 50


def _throttle(request: web.Request) -> Throttle:
    return request.app[THROTTLE]


def _account(username: str) -> str:
    return "sign-in:user:" + username.strip().lower()


def sign_in_blocked(request: web.Request, username: str) -> bool:
    t = _throttle(request)
    return (t.count("sign-in:addr:" + client_address(request)) >= SIGN_IN_PER_ADDRESS
            or t.count(_account(username)) >= SIGN_IN_PER_ACCOUNT)


def sign_in_failed(request: web.Request, username: str) -> None:
    _throttle(request).fail("sign-in:addr:" + client_address(request), _account(username))


def sign_in_succeeded(request: web.Request, username: str) -> None:
    _throttle(request).reset(_account(username))


def pairing_blocked(request: web.Request) -> bool:
    t = _throttle(request)
    return (t.count("pair:addr:" + client_address(request)) >= PAIRING_PER_ADDRESS
            or t.count("pair:all") >= PAIRING_TOTAL)


def pairing_failed(request: web.Request) -> None:
    _throttle(request).fail("pair:addr:" + client_address(request), "pair:all")


async def _security_headers(request: web.Request, response: web.StreamResponse) -> None:
    if response.content_type == "text/html":
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)


def setup(app: web.Application) -> None:
    from hotline.web.app import HOTLINE

    app[PROXIES] = trusted_proxies(app[HOTLINE].settings)
    app[THROTTLE] = make_throttle(app[HOTLINE].settings)
    app.on_response_prepare.append(_security_headers)
