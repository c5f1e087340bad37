"""Credentials an administrator enters in the console reach the channels: settings and tablet pairing."""
from __future__ import annotations



from hotline.console import credentials  # noqa: E402
from rectification import services as rect  # noqa: E402

from channels.common import setting  # noqa: E402
from hotline.domain.vocab import Role  # noqa: E402
from hotline.services.actors import Actor  # noqa: E402

ADMIN = Actor(kind="user", name="管理员", role=Role.admin)


def test_channel_settings_fall_back_to_console_credentials(hl, monkeypatch):
    assert setting(hl, "callcenter_secret") is None                 # nothing configured anywhere
    secret = credentials.save_credential(hl, actor=ADMIN, kind="callcentre", name="default")
    assert setting(hl, "callcenter_secret") == secret
    credentials.save_credential(hl, actor=ADMIN, kind="miniprogram", name="main", app_id="wx1234567890",
                                secret="s" * 32)
    assert setting(hl, "mp_appid") == "wx1234567890" and setting(hl, "mp_secret") == "s" * 32
    monkeypatch.setenv("HOTLINE_CALLCENTER_SECRET", "from-env")
    assert setting(hl, "callcenter_secret") == "from-env"           # the environment still wins


async def test_tablet_pairs_once_with_a_console_pairing_code(client, chl, clock):
    rect.create_window(chl, code="W-JA-01", name="江岸区政务中心 1 号窗口", unit_code="D-JA")
    code = credentials.save_credential(chl, actor=ADMIN, kind="tablet_pairing", name="W-JA-01")
    resp = await client.post("/channels/tablet/pair", json={"code": code})
    assert resp.status == 201, await resp.text()
    body = await resp.json()
    assert body["window"] == "W-JA-01" and body["token"]
    events = await client.get("/channels/tablet/events", params={"token": body["token"]})
    assert events.status == 200
    events.close()
    again = await client.post("/channels/tablet/pair", json={"code": code})
    assert again.status == 401 and "配对码" in (await again.json())["error"]["message"]
    bad = await client.post("/channels/tablet/pair", json={"code": "12ab"})
    assert bad.status == 422
    late = credentials.save_credential(chl, actor=ADMIN, kind="tablet_pairing", name="W-JA-01")
    clock.advance(hours=25)
    expired = await client.post("/channels/tablet/pair", json={"code": late})
    assert expired.status == 401
