"""While PostgreSQL is away every request answers 503 with Retry-After, nothing hangs, and the web
process recovers by itself when the database returns. A TCP proxy between the app and PostgreSQL
plays the outage: ``refuse`` (server down) and ``blackhole`` (packets dropped)."""
from __future__ import annotations

import asyncio
import time
import uuid

import pytest

from hotline.services.auth import create_token
from hotline.web.app import create_app
from tests.conftest import PG_ADMIN_URL, _pg_exec
from tests.system.proxy import Proxy

pytestmark = pytest.mark.postgres

BODY = {"content": "江岸区解放大道小区门口占道经营，早高峰堵路", "channel": "phone"}
TIMEOUTS = {"db_connect_timeout": 1, "db_statement_timeout": 2, "db_pool_timeout": 2, "request_timeout": 3}


@pytest.fixture
def pg_behind_proxy(pg_template):
    name = f"hl_test_{uuid.uuid4().hex[:12]}"
    _pg_exec(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    host_port = PG_ADMIN_URL.split("@", 1)[1].split("/", 1)[0]
    port = int(host_port.rsplit(":", 1)[1]) if ":" in host_port else 5432
    proxy = Proxy(port)
    prefix = PG_ADMIN_URL.split("@", 1)[0]
    try:
        yield proxy, f"{prefix}@127.0.0.1:{proxy.port}/{name}"
    finally:
        proxy.close()
        _pg_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def _timed(coro):
    started = time.monotonic()
    resp = await coro
    return resp, time.monotonic() - started


@pytest.mark.parametrize("mode", ["refuse", "blackhole"])
async def test_database_outage_gives_503_and_the_process_recovers(pg_behind_proxy, make_hotline, aiohttp_client,
                                                                  mode):
    proxy, url = pg_behind_proxy
    hl = make_hotline(url, **TIMEOUTS)
    token = create_token(hl, name="op", role="operator")
    client = await aiohttp_client(create_app(hl))
    headers = {"Authorization": f"Bearer {token}"}

    for _ in range(5):                                      # warm (a busy CI machine may be slow)
        ok = await client.post("/api/v1/tickets", json=BODY, headers={**headers, "Idempotency-Key": "before"})
        if ok.status != 503:
            break
    assert ok.status in (200, 201)

    proxy.set_mode(mode)
    for i in range(3):
        resp, took = await _timed(client.post("/api/v1/tickets", json=BODY,
                                              headers={**headers, "Idempotency-Key": f"during-{i}"}))
        body = await resp.json()
        assert resp.status == 503, body
        assert body["error"]["code"] == "unavailable" and "服务暂时不可用" in body["error"]["message"]
        assert int(resp.headers["Retry-After"]) > 0
        assert took < TIMEOUTS["request_timeout"] + 3      # bounded: never a hang for the outage
    page = await client.get("/", cookies={"hl_session": "a-session"})       # a console page
    assert page.status == 503 and "服务暂时不可用" in await page.text()
    health = await client.get("/healthz")
    assert health.status == 503 and (await health.json())["database"].startswith("error")

    proxy.set_mode("pass")
    for _ in range(50):                                     # recovers without a restart
        resp = await client.post("/api/v1/tickets", json=BODY, headers={**headers, "Idempotency-Key": "after"})
        if resp.status != 503:
            break
        await asyncio.sleep(0.2)
    assert resp.status == 201, await resp.text()
    assert (await client.get("/healthz")).status == 200


def test_web_processes_bound_their_statements_and_batch_work_does_not(pg_behind_proxy, tmp_path):
    from sqlalchemy import text

    from hotline import db
    from hotline.settings import Settings

    _, url = pg_behind_proxy
    settings = Settings(data_dir=tmp_path, database_url=url, db_statement_timeout=7)
    for limit, shown in ((True, "7s"), (False, "0")):
        engine = db.engine_for(settings, limit_statements=limit)
        with engine.connect() as conn:
            assert conn.execute(text("SHOW statement_timeout")).scalar() == shown
        engine.dispose()
