"""Fixtures of the channel tests: a Hotline with channel secrets, the aiohttp app on loopback."""
from __future__ import annotations

import pytest

from channels.common import CONFIG_ENV

CHANNEL_SETTINGS = {
    "callcenter_secret": "test-callcenter-secret",
    "mp_appid": "wx-test-app",
    "mp_secret": "mp-test-secret",
    "bot_token": "123456:TEST-token",
}


@pytest.fixture(autouse=True)
def _no_channel_env(monkeypatch):
    for var in CONFIG_ENV.values():
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def chl(make_hotline, database_url):
    """The application context with channel secrets in its config (SQLite and PostgreSQL)."""
    return make_hotline(database_url, extra=dict(CHANNEL_SETTINGS))


def channel_app(hl):
    """The aiohttp app with the core API and the channels' routes only (other parts' pages are
    tested by their own suites)."""
    import channels
    from hotline.web.app import create_app

    return create_app(hl, parts=[channels.setup])


@pytest.fixture
async def client(aiohttp_client, chl):
    return await aiohttp_client(channel_app(chl))
