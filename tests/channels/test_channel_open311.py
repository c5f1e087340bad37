"""Open311 GeoReport v2, driven by the ``georeport`` client from PyPI over loopback HTTP."""
from __future__ import annotations

import asyncio

import pytest
from georeport import GeoReport

from channels.open311 import create_key, revoke_key
from hotline.services import tickets
from hotline.services.actors import SYSTEM


@pytest.fixture
def api_key(chl):
    return create_key(chl, name="城市服务 App")


def georeport(client, fmt="json") -> GeoReport:
    return GeoReport(str(client.make_url("/open311/v2")), output_format=fmt)


async def post(client, key_value, *, key=None, **fields):
    form = {"api_key": key_value, "service_code": "C010202", "description": "洪山区珞喻路占道经营，电话13912345678",
            "address_string": "珞喻路 1037 号", "first_name": "明", "last_name": "李", "phone": "13912345678",
            "device_id": "dev-77"}
    form.update(fields)
    form = {k: v for k, v in form.items() if v is not None}
    headers = {"Idempotency-Key": key} if key else {}
    return await client.post("/open311/v2/requests.json", data=form, headers=headers)


async def test_services_and_definitions_through_georeport(client):
    geo = georeport(client)
    services = await asyncio.to_thread(geo.get_service_list)
    codes = {s["service_code"]: s for s in services}
    assert codes["C01"]["service_name"] == "城乡建设" and codes["C010202"]["group"] == "城市建设和市政管理"
    definition = await asyncio.to_thread(geo.get_service_definition, "C010202")
    assert definition["service_code"] == "C010202" and definition["attributes"] == []
    xml_services = await asyncio.to_thread(georeport(client, "xml").get_service_list)
    assert any(s["service_code"] == "C0101" for s in xml_services)
    resp = await client.get("/open311/v2/services/NOPE.json")
    assert resp.status == 404 and (await resp.json())[0]["description"].startswith("服务类别不存在")
    disc = await client.get("/open311/v2/discovery.xml")
    assert disc.status == 200 and "<discovery>" in await disc.text()
    disc = await (await client.get("/open311/v2/discovery.json")).json()
    assert disc["endpoints"][0]["url"].endswith("/open311/v2/")


async def test_post_then_follow_the_request(client, chl, api_key, actors):
    resp = await post(client, api_key, key="app-req-1", lat="30.5123", long="114.3601")
    assert resp.status == 201, await resp.text()
    created = (await resp.json())[0]
    number, token = created["service_request_id"], created["token"]
    again = await post(client, api_key, key="app-req-1", lat="30.5123", long="114.3601")
    assert again.status == 200 and (await again.json())[0]["service_request_id"] == number
    assert tickets.list_tickets(chl, actor=SYSTEM)["total"] == 1

    full = tickets.get_ticket(chl, actor=SYSTEM, number=number)
    assert full["channel"] == "open311" and full["channel_ref"] == token
    assert full["category"] == "C010202" and "30.512300" in full["place"]

    geo = georeport(client)
    one = await asyncio.to_thread(geo.get_service_request, number)
    assert one["service_request_id"] == number and one["status"] == "open"
    assert "13912345678" not in one["description"] and "phone" not in one
    one_xml = await asyncio.to_thread(georeport(client, "xml").get_service_request, number)
    assert one_xml["service_request_id"] == number  # XML: a single element comes back as a dict
    tok = await (await client.get(f"/open311/v2/tokens/{token}.json")).json()
    assert tok == [{"token": token, "service_request_id": number}]

    second = await post(client, api_key, service_code="C01", description="江岸区路灯不亮", key="app-req-2")
    number2 = (await second.json())[0]["service_request_id"]
    tickets.sign_ticket(chl, actor=actors["D-HS"], number=number)
    tickets.answer_ticket(chl, actor=actors["D-HS"], number=number, answer="已清理占道摊点。")
    tickets.record_callback(chl, actor=actors["operator"], number=number, solved=True, satisfaction="satisfied")

    closed = await asyncio.to_thread(geo.get_service_requests, status="closed")
    assert [r["service_request_id"] for r in closed] == [number]
    assert closed[0]["status_notes"] == "已清理占道摊点。"
    opened = await asyncio.to_thread(geo.get_service_requests, status="open")
    assert [r["service_request_id"] for r in opened] == [number2]
    by_code = await asyncio.to_thread(geo.get_service_requests, service_code="C01")
    assert [r["service_request_id"] for r in by_code] == [number2]
    both = await asyncio.to_thread(geo.get_service_requests, service_request_id=f"{number},{number2}")
    assert {r["service_request_id"] for r in both} == {number, number2}
    past = await asyncio.to_thread(geo.get_service_requests, start_date="2025-01-01T00:00:00Z",
                                   end_date="2025-02-01T00:00:00Z")
    assert past == []
    window = await asyncio.to_thread(geo.get_service_requests, start_date="2026-03-01T00:00:00Z",
                                     end_date="2026-03-03T00:00:00Z")
    assert len(window) == 2


async def test_bad_requests_get_open311_errors(client, chl, api_key):
    cases = [
        ({"api_key": None}, 403, "api_key"),
        ({"api_key": "o311_forged"}, 403, "api_key"),
        ({"service_code": "NOPE"}, 400, "service_code"),
        ({"description": ""}, 400, "description"),
        ({"address_string": "", "lat": None}, 400, "位置"),
        ({"lat": "north", "long": "1"}, 400, "数字"),
    ]
    for fields, status, word in cases:
        resp = await post(client, api_key, **fields)
        assert resp.status == status, (fields, await resp.text())
        assert word in (await resp.json())[0]["description"]
    resp = await client.post("/open311/v2/requests.xml", data={"api_key": "x", "service_code": "C01"})
    assert resp.status == 403 and "<errors><error><code>403</code>" in await resp.text()
    resp = await client.get("/open311/v2/requests.json", params={"status": "pending"})
    assert resp.status == 400
    resp = await client.get("/open311/v2/requests.json", params={"start_date": "yesterday"})
    assert resp.status == 400 and "W3C" in (await resp.json())[0]["description"]
    resp = await client.get("/open311/v2/requests.json", params={"start_date": "2026-01-01T00:00:00Z",
                                                                "end_date": "2026-06-01T00:00:00Z"})
    assert resp.status == 400 and "90" in (await resp.json())[0]["description"]
    resp = await client.get("/open311/v2/requests/2026030209999.json")
    assert resp.status == 404
    revoke_key(chl, name="城市服务 App")
    resp = await post(client, api_key)
    assert resp.status == 403
    assert tickets.list_tickets(chl, actor=SYSTEM)["total"] == 0


def test_cli_creates_a_key_that_is_stored_hashed(chl, tmp_path, monkeypatch, capsys):
    from sqlalchemy import select

    from channels.common import sha256_hex
    from hotline.cli import main
    from models import Open311Key

    monkeypatch.setenv("HOTLINE_DATABASE_URL", chl.settings.effective_database_url)
    assert main(["--data-dir", str(tmp_path / "d"), "open311-key", "create", "--name", "区网格平台"]) == 0
    key = capsys.readouterr().out.strip()
    with chl.sessions() as s:
        stored = s.scalars(select(Open311Key.key_hash)).all()
    assert stored == [sha256_hex(key)] and key not in stored


async def test_requests_posted_together_are_written_as_a_group(client, chl, api_key):
    """Open311 requests go through the group writer of POST /api/v1/tickets: requests arriving together
    share a transaction, each gets its own ticket, and a retry (same Idempotency-Key) in the same burst,
    or after it, is answered with the first ticket."""
    from hotline.web.app import INTAKES

    writer = client.server.app[INTAKES]
    before = writer.written
    places = ["珞喻路 1037 号", "中山路 12 号", "解放大道 88 号", "建设大道 5 号", "民族大道 9 号"]
    answers = await asyncio.gather(*[post(client, api_key, key=f"burst-{i}", address_string=place,
                                          description=f"{place}路灯不亮") for i, place in enumerate(places)],
                                   post(client, api_key, key="burst-0", address_string=places[0],
                                        description=f"{places[0]}路灯不亮"))
    assert sorted(r.status for r in answers) == [200] + [201] * 5     # (which of the two is first: either)
    numbers = [(await r.json())[0]["service_request_id"] for r in answers]
    assert len(set(numbers[:5])) == 5 and numbers[5] == numbers[0]
    assert writer.written - before == 6            # every request went through the group writer
    assert tickets.list_tickets(chl, actor=SYSTEM)["total"] == 5
    later = await post(client, api_key, key="burst-3", address_string=places[3], description=f"{places[3]}路灯不亮")
    assert later.status == 200 and (await later.json())[0]["service_request_id"] == numbers[3]
