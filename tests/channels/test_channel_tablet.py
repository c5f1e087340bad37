"""Window tablets: pairing, case push, SSE, idempotent ratings; the page itself in headless Chromium."""
from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from rectification import services as rect  # noqa: E402

from channels.tablet import pair_device  # noqa: E402
from models import Review  # noqa: E402

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def window(chl):
    rect.create_window(chl, code="W-JA-01", name="江岸区政务中心 1 号窗口", unit_code="D-JA")
    rect.create_window(chl, code="W-WC-01", name="武昌区政务中心 1 号窗口", unit_code="D-WC")
    return "W-JA-01"


@pytest.fixture
def device(chl, window):
    return pair_device(chl, window_code=window, name="1号窗评价器")


def reviews(chl, **where):
    with chl.sessions() as s:
        stmt = select(Review)
        for k, v in where.items():
            stmt = stmt.where(getattr(Review, k) == v)
        return s.scalars(stmt).all()


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


async def read_events(resp, n):
    events = []
    while len(events) < n:
        line = (await asyncio.wait_for(resp.content.readline(), 5)).decode()
        if line.startswith("data: "):
            events.append(json.loads(line[6:]))
    return events


async def test_case_push_reaches_the_tablet_and_the_rating_counts_once(client, chl, device):
    events = await client.get("/channels/tablet/events", params={"token": device})
    assert events.status == 200
    hello = await read_events(events, 1)
    assert hello[0]["window"]["code"] == "W-JA-01"

    case = {"case_number": "WH2026030200017", "service_item_name": "居住证签注", "staff_number": "JA0107"}
    resp = await client.post("/channels/tablet/cases", json=case, headers=bearer(device))
    assert resp.status == 201
    pushed = await read_events(events, 1)
    assert pushed[0]["case"]["case_number"] == "WH2026030200017"
    again = await client.post("/channels/tablet/cases", json=case, headers=bearer(device))
    assert again.status == 200
    events.close()

    rating = {"case_number": "WH2026030200017", "level": 2, "reason_tags": ["排队等候时间长"]}
    key = {"Idempotency-Key": "tab-0f1e2d3c-0001"}
    first = await client.post("/channels/tablet/ratings", json=rating, headers=bearer(device) | key)
    second = await client.post("/channels/tablet/ratings", json=rating, headers=bearer(device) | key)
    assert first.status == 201, await first.text()
    assert second.status == 200 and (await second.json())["id"] == (await first.json())["id"]
    other = await client.post("/channels/tablet/ratings", json=dict(rating, level=5, reason_tags=[]),
                              headers=bearer(device) | {"Idempotency-Key": "tab-0f1e2d3c-0002"})
    assert other.status == 409
    stored = reviews(chl, channel="tablet")
    assert len(stored) == 1
    assert (stored[0].case_number, stored[0].staff_number, stored[0].channel_ref) == \
        ("WH2026030200017", "JA0107", "tab-0f1e2d3c-0001")

    # a tablet that reconnects is shown only cases still waiting for a rating
    resp = await client.post("/channels/tablet/cases", json={"case_number": "WH2026030200018"}, headers=bearer(device))
    assert resp.status == 201
    events = await client.get("/channels/tablet/events", params={"token": device})
    got = await read_events(events, 2)
    assert got[1]["case"]["case_number"] == "WH2026030200018"
    events.close()


async def test_tablet_refuses_bad_tokens_and_input(client, chl, device):
    from hotline.services.auth import create_token

    assert (await client.get("/channels/tablet/events", params={"token": "tab_forged"})).status == 401
    assert (await client.post("/channels/tablet/cases", json={"case_number": "X1"})).status == 401
    resp = await client.post("/channels/tablet/cases", json={"case_number": "X1", "window_code": "W-WC-01"},
                             headers=bearer(device))
    assert resp.status == 403
    resp = await client.post("/channels/tablet/cases", json={"service_item_name": "x"}, headers=bearer(device))
    assert resp.status == 422 and "办件编号" in (await resp.json())["error"]["message"]
    resp = await client.post("/channels/tablet/ratings", json={"level": 5}, headers=bearer(device))
    assert resp.status == 422 and "Idempotency-Key" in (await resp.json())["error"]["message"]
    resp = await client.post("/channels/tablet/ratings", json={"level": 1},
                             headers=bearer(device) | {"Idempotency-Key": "tab-000000000001"})
    assert resp.status == 422 and "原因" in (await resp.json())["error"]["message"]
    resp = await client.post("/channels/tablet/ratings", json={"case_number": "NOT-HERE", "level": 5},
                             headers=bearer(device) | {"Idempotency-Key": "tab-000000000002"})
    assert resp.status == 422
    resp = await client.post("/channels/tablet/ratings", data=b"x" * 20000,
                             headers=bearer(device) | {"Idempotency-Key": "tab-000000000003"})
    assert resp.status == 413

    # the window's case system may push with a unit API token of its own unit only
    ja = create_token(chl, name="江岸办件系统", role="unit", unit_code="D-JA")
    resp = await client.post("/channels/tablet/cases", json={"case_number": "C-9", "window_code": "W-JA-01"},
                             headers=bearer(ja))
    assert resp.status == 201
    resp = await client.post("/channels/tablet/cases", json={"case_number": "C-10", "window_code": "W-WC-01"},
                             headers=bearer(ja))
    assert resp.status == 403
    assert reviews(chl) == []


def test_pair_command_prints_a_token_stored_as_a_hash(chl, window, tmp_path, monkeypatch, capsys):
    from channels.common import sha256_hex
    from hotline.cli import main
    from models import TabletDevice

    monkeypatch.setenv("HOTLINE_DATABASE_URL", chl.settings.effective_database_url)
    assert main(["--data-dir", str(tmp_path / "d"), "tablet", "pair", "--window", window]) == 0
    token = capsys.readouterr().out.strip()
    with chl.sessions() as s:
        assert s.scalars(select(TabletDevice.token_hash)).all() == [sha256_hex(token)]
    assert main(["--data-dir", str(tmp_path / "d"), "tablet", "pair", "--window", "W-NONE"]) == 2


# -- the page in a real browser -------------------------------------------------------------------
@pytest.fixture
def chromium_path():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: CI must `apt-get install -y chromium`", pytrace=False)
        pytest.skip("chromium is not installed (apt-get install -y chromium)")
    return CHROMIUM


@pytest.fixture
async def browser(chromium_path):
    from playwright.async_api import async_playwright

    async with async_playwright() as pw:
        b = await pw.chromium.launch(executable_path=chromium_path, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield b
        await b.close()


@pytest.mark.browser
async def _until(page, expression: str, timeout: float = 10) -> None:
    """Poll a page expression (``wait_for_function`` evaluates strings, which the page's CSP forbids)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not await page.evaluate(expression):
        assert asyncio.get_running_loop().time() < deadline, f"still false after {timeout} s: {expression}"
        await asyncio.sleep(0.05)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_rating_in_the_browser_online_and_offline_arrives_exactly_once(
        aiohttp_server, chl, device, browser):
    from channel_support import channel_app

    server = await aiohttp_server(channel_app(chl), host="127.0.0.1")
    base = str(server.make_url("")).rstrip("/")
    context = await browser.new_context()
    page = await context.new_page()
    await page.goto(f"{base}/tablet#token={device}")
    await page.wait_for_selector("#screen-idle:not([hidden])")
    await _until(page, "document.getElementById('status').textContent === '已连接'")
    assert "江岸区政务中心 1 号窗口" in await page.text_content("#window-name")
    # what a 差评 is comes from the server (hotline.domain.vocab.BAD_MAX_LEVEL), not from a copy in tablet.js
    await page.wait_for_function("localStorage.getItem('hotline.tablet.badMaxLevel') === '2'")

    import aiohttp

    async with aiohttp.ClientSession() as http:
        async def push(number):
            async with http.post(f"{base}/channels/tablet/cases", headers=bearer(device),
                                 json={"case_number": number, "service_item_name": "不动产登记", "staff_number": "JA0107"}) as r:
                assert r.status == 201

        # online: a 差评 needs a reason tag
        await push("WH-ONLINE-1")
        await page.wait_for_selector("#screen-rate:not([hidden])")
        assert await page.text_content("#case-number") == "WH-ONLINE-1"
        await page.click(".face[data-level='2']")
        await page.click("#submit")
        assert await page.is_visible("#reason-error")
        await page.click(".tag >> text=服务态度差")
        await page.fill("#comment", "窗口人员态度生硬")
        await page.click("#submit")
        await page.wait_for_selector("#screen-thanks:not([hidden])")
        await page.wait_for_selector("#screen-idle:not([hidden])", timeout=6000)
        await _until(page, "JSON.parse(localStorage.getItem('hotline.tablet.outbox')).length === 0")
        online = reviews(chl, case_number="WH-ONLINE-1")
        assert [(r.level, r.reason_tags, r.text) for r in online] == [(2, ["服务态度差"], "窗口人员态度生硬")]

        # offline: the rating waits on the tablet and is sent once the network is back
        await push("WH-OFFLINE-1")
        await page.wait_for_selector("#screen-rate:not([hidden])")
        await context.set_offline(True)
        await page.click(".face[data-level='5']")
        await page.click("#submit")
        await page.wait_for_selector("#screen-thanks:not([hidden])")
        await page.wait_for_function("(JSON.parse(localStorage.getItem('hotline.tablet.outbox')) || []).length === 1")
        queued = await page.evaluate("JSON.parse(localStorage.getItem('hotline.tablet.outbox'))")
        assert len(queued) == 1 and queued[0]["body"]["case_number"] == "WH-OFFLINE-1"
        assert await page.is_visible("#outbox")
        assert reviews(chl, case_number="WH-OFFLINE-1") == []
        await context.set_offline(False)
        await _until(page, "JSON.parse(localStorage.getItem('hotline.tablet.outbox')).length === 0", 15)
        assert [r.level for r in reviews(chl, case_number="WH-OFFLINE-1")] == [5]

        # the same queued rating delivered again (response lost, tablet restarted) is not doubled
        await page.evaluate("items => localStorage.setItem('hotline.tablet.outbox', JSON.stringify(items))", queued)
        await page.reload()
        await _until(page, "JSON.parse(localStorage.getItem('hotline.tablet.outbox')).length === 0", 15)
        with chl.sessions() as s:
            assert s.scalar(select(func.count()).select_from(Review).where(Review.channel == "tablet")) == 2
    await context.close()


@pytest.mark.redis
async def test_a_push_reaches_a_tablet_connected_to_another_web_process(make_hotline, database_url, redis_url,
                                                                        aiohttp_client):
    """Two app instances (two web processes) on one database and one Redis: the case is posted to
    one, the tablet listens on the other."""
    from tests.channels.conftest import CHANNEL_SETTINGS, channel_app

    first = make_hotline(database_url, extra=dict(CHANNEL_SETTINGS), redis_url=redis_url)
    second = make_hotline(database_url, extra=dict(CHANNEL_SETTINGS), redis_url=redis_url, registry=False)
    rect.create_window(first, code="W-JA-01", name="江岸区政务中心 1 号窗口", unit_code="D-JA")
    token = pair_device(first, window_code="W-JA-01", name="1号窗评价器")
    app_a, app_b = channel_app(first), channel_app(second)
    client_a, client_b = await aiohttp_client(app_a), await aiohttp_client(app_b)
    from channels.tablet import BROKER

    await asyncio.wait_for(app_a[BROKER].ready.wait(), 10)     # subscribed to Redis

    events = await client_a.get("/channels/tablet/events", params={"token": token})
    assert (await read_events(events, 1))[0]["window"]["code"] == "W-JA-01"
    case = {"case_number": "WH2026030200042", "service_item_name": "户籍迁入", "staff_number": "JA0107"}
    resp = await client_b.post("/channels/tablet/cases", json=case, headers=bearer(token))
    assert resp.status == 201
    pushed = await read_events(events, 1)
    assert pushed[0]["case"]["case_number"] == "WH2026030200042"
    events.close()
