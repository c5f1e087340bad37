"""Fixtures of the channel tests: a Hotline with channel secrets, the aiohttp app on loopback."""
from __future__ import annotations

import pytest

from channel_support import CHANNEL_SETTINGS, channel_app
from channels.common import CONFIG_ENV


@pytest.fixture(autouse=True)
def _no_channel_env(monkeypatch):
    for var in CONFIG_ENV.values():
        monkeypatch.delenv(var, raising=False)


@pytest.fixture
def chl(make_hotline, database_url):
    """The application context with channel secrets in its config (SQLite and PostgreSQL)."""
    return make_hotline(database_url, extra=dict(CHANNEL_SETTINGS))


@pytest.fixture
async def client(aiohttp_client, chl):
    return await aiohttp_client(channel_app(chl))
