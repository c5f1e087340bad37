"""The consoles' guard: security headers, no inline script, Secure cookies behind a trusted proxy,
throttled sign-in and tablet pairing with one neutral message."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from hotline.demo import DEMO_PASSWORD
from hotline.services.auth import NEUTRAL_LOGIN_ERROR
from hotline.web import guard

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
TEMPLATES = Path(__file__).resolve().parents[2] / "hotline" / "console" / "templates"


@pytest.fixture
def demo_city(sqlite_demo):
    return sqlite_demo(extra={"trusted_proxies": ["127.0.0.1"]})


@pytest.fixture
async def client(aiohttp_client, demo_city):
    from hotline.web.app import create_app

    return await aiohttp_client(create_app(demo_city))


async def _login(client, username, password=DEMO_PASSWORD, headers=None):
    page = await client.get("/login", headers=headers or {})
    csrf = re.search(r'name="_csrf" value="([^"]+)"', await page.text()).group(1)
    # a Secure cookie is not sent back over the test's plain http: hand it over as the browser would on https
    cookie = "; ".join(f"{k}={m.value}" for k, m in page.cookies.items())
    return await client.post("/login", data={"username": username, "password": password, "_csrf": csrf},
                             headers={**(headers or {}), "Cookie": cookie}, allow_redirects=False)


def test_no_template_carries_inline_script_or_style():
    root = TEMPLATES.parents[2]
    pages = [*TEMPLATES.glob("*.html"), *(root / "channels" / "templates").glob("*.html"),
             *(root / "channels" / "static").glob("*.html")]
    assert len(pages) > 20
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path.name
        assert not re.search(r"\son[a-z]+\s*=", html), path.name
        assert not re.search(r"<style|\sstyle\s*=", html), path.name


async def test_every_page_has_a_strict_content_security_policy(client):
    resp = await client.get("/login")
    csp = resp.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    await _login(client, "jiangan")
    page = await client.get("/console/unit")
    assert page.status == 200 and page.headers["Content-Security-Policy"] == guard.CSP


async def test_the_session_cookie_is_secure_behind_the_trusted_proxy_only(client, demo_city, monkeypatch):
    resp = await _login(client, "operator", headers={"X-Forwarded-Proto": "https"})
    assert resp.status == 303 and resp.cookies["hl_session"]["secure"]        # 127.0.0.1 is the trusted proxy
    client.app[guard.PROXIES] = []                                            # nobody trusted
    resp = await _login(client, "operator", headers={"X-Forwarded-Proto": "https"})
    assert resp.status == 303 and not resp.cookies["hl_session"]["secure"]    # a forged header is ignored


async def test_sign_in_is_throttled_per_account_with_one_neutral_message(client):
    for _ in range(guard.SIGN_IN_PER_ACCOUNT):
        resp = await _login(client, "supervisor", "wrong-password")
        assert NEUTRAL_LOGIN_ERROR in await resp.text()
    refused = await _login(client, "supervisor")                  # the right password, now refused
    assert refused.status == 401 and NEUTRAL_LOGIN_ERROR in await refused.text()
    unknown = await _login(client, "no-such-user", "wrong-password")
    assert unknown.status == 401 and NEUTRAL_LOGIN_ERROR in await unknown.text()   # the same answer
    assert (await _login(client, "jiangan")).status == 303          # other accounts are not affected


async def test_sign_in_is_throttled_per_client_address(client):
    seen_from = {"X-Forwarded-For": "203.0.113.9"}                 # behind the trusted proxy
    for i in range(guard.SIGN_IN_PER_ADDRESS):
        await _login(client, f"guess-{i}", "wrong-password", headers=seen_from)
    refused = await _login(client, "jiangan", headers=seen_from)
    assert refused.status == 401 and NEUTRAL_LOGIN_ERROR in await refused.text()
    other = await _login(client, "jiangan", headers={"X-Forwarded-For": "198.51.100.7"})
    assert other.status == 303


async def test_tablet_pairing_codes_cannot_be_guessed(client, demo_city):
    from hotline.console.credentials import save_credential
    from hotline.services.actors import SYSTEM

    code = save_credential(demo_city, actor=SYSTEM, kind="tablet_pairing", name="JA-ZX-01")
    wrong = f"{(int(code) + 1) % 10 ** 8:08d}"
    for _ in range(guard.PAIRING_PER_ADDRESS):
        resp = await client.post("/channels/tablet/pair", json={"code": wrong})
        assert resp.status == 401
    refused = await client.post("/channels/tablet/pair", json={"code": code})
    assert refused.status == 401 and (await refused.json())["error"]["message"] == guard.NEUTRAL_PAIRING_ERROR
    paired = await client.post("/channels/tablet/pair", json={"code": code},
                               headers={"X-Forwarded-For": "198.51.100.7"})
    assert paired.status == 201 and (await paired.json())["window"] == "JA-ZX-01"


def test_throttle_counts_are_shared_by_every_web_process_through_redis(redis_url):
    from redis import Redis

    now = [1_000_000.0]
    first = guard.RedisThrottle(Redis.from_url(redis_url), window=60, clock=lambda: now[0])   # web process 1
    second = guard.RedisThrottle(Redis.from_url(redis_url), window=60, clock=lambda: now[0])  # web process 2
    key = "sign-in:addr:203.0.113.9"
    for _ in range(3):
        first.fail(key)
    second.fail(key)
    assert first.count(key) == 4 and second.count(key) == 4
    now[0] += 61                                   # the window has passed: the failures no longer count
    first.fail(key)
    assert second.count(key) == 1
    second.reset(key)                              # a sign-in that succeeds anywhere clears the account
    assert first.count(key) == 0 and second.count(key) == 0


def test_throttle_counts_in_the_process_while_redis_is_unreachable():
    from hotline.settings import Settings

    throttle = guard.make_throttle(Settings(redis_url="redis://127.0.0.1:1/0", redis_timeout=1))  # nobody listens
    assert type(throttle) is guard.RedisThrottle
    for _ in range(guard.SIGN_IN_PER_ACCOUNT):
        throttle.fail("sign-in:user:supervisor")
    assert throttle.count("sign-in:user:supervisor") == guard.SIGN_IN_PER_ACCOUNT
    # a sign-in is not held while Redis is away: one retry, no back-off (redis-py's default of 10 retries
    # with back-off took ~4 s a call)
    assert throttle.redis.get_retry().get_retries() <= 1


def test_a_deployment_with_redis_shares_its_throttle(redis_url):
    from hotline.settings import Settings

    assert type(guard.make_throttle(Settings(redis_url=redis_url))) is guard.RedisThrottle
    assert type(guard.make_throttle(Settings())) is guard.Throttle
