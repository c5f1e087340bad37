"""A real server on 127.0.0.1 and Debian's Chromium driven by Playwright.

Chromium missing: the browser tests FAIL when ``CI`` is set, and are skipped only on a developer
machine without ``/usr/bin/chromium``. Never ``playwright install``.
"""
from __future__ import annotations

import asyncio
import os
import threading
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("HOTLINE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PASSWORD = "hotline-demo"


def chromium_or_fail() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    message = f"Chromium 不存在：{CHROMIUM}（apt-get install -y chromium）"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="module")
def browser():
    # module scope: sync Playwright runs an event loop of its own, which must be gone before the
    # asyncio tests of other modules run
    path = chromium_or_fail()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class LiveServer:
    """The real aiohttp application in a thread with its own event loop."""

    def __init__(self, hl) -> None:
        self.hl = hl
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="live-server", daemon=True)
        self.runner = None
        self.url = ""

    async def _start(self) -> None:
        from aiohttp import web

        from hotline.web.app import create_app

        self.runner = web.AppRunner(create_app(self.hl), access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        host, port = self.runner.addresses[0][:2]
        self.url = f"http://{host}:{port}"

    def start(self) -> "LiveServer":
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(30)
        return self

    def stop(self) -> None:
        if self.runner is not None:
            asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


@pytest.fixture
def demo(sqlite_demo):
    """The demo city and its users on SQLite, with the deterministic fake classifier and router."""
    return sqlite_demo()


@pytest.fixture
def server(demo):
    live = LiveServer(demo).start()
    yield live
    live.stop()


@pytest.fixture
def new_page(browser, server):
    contexts = []

    def make(width: int = 1280, height: int = 860):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN",
                                      accept_downloads=True)
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def login(page, base: str, username: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
