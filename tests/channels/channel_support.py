"""What the channel tests share beside their fixtures: the channel secrets and the app with the
channels' routes. A module of its own (not ``conftest``): pytest keeps only the last ``conftest`` module
it collected under that name, so ``from channel_support import …`` found another directory's when several
test directories ran together."""
from __future__ import annotations

CHANNEL_SETTINGS = {
    "callcenter_secret": "test-callcenter-secret",
    "mp_appid": "wx-test-app",
    "mp_secret": "mp-test-secret",
    "bot_token": "123456:TEST-token",
}


def channel_app(hl):
    """The aiohttp app with the core API and the channels' routes only (other parts' pages are
    tested by their own suites)."""
    import channels
    from hotline.web.app import create_app

    return create_app(hl, parts=[channels.setup])
