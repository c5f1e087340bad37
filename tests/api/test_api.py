"""The REST API over HTTP: contracts, errors, roles, idempotency, OpenAPI, health."""
from __future__ import annotations

from datetime import date

import pytest

from hotline.web.app import create_app
from tests.api.conftest import auth


@pytest.fixture
async def client(hl, aiohttp_client):
    return await aiohttp_client(create_app(hl))


BODY = {"content": "江岸区解放大道小区门口占道经营严重，电话13812345678", "channel": "phone",
        "contact_phone": "13812345678", "place": "江岸区解放大道"}


async def test_walk_a_ticket_through_its_life_over_http(client, tokens):
    op, unit = auth(tokens["operator"]), auth(tokens["D-JA"])
    resp = await client.post("/api/v1/tickets", json=BODY, headers={**op, "Idempotency-Key": "abc"})
    assert resp.status == 201
    number = (await resp.json())["number"]
    assert resp.headers["Location"] == f"/api/v1/tickets/{number}"
    again = await client.post("/api/v1/tickets", json=BODY, headers={**op, "Idempotency-Key": "abc"})
    assert again.status == 200 and (await again.json())["number"] == number

    got = await (await client.get(f"/api/v1/tickets/{number}", headers=op)).json()
    assert got["status"] == "dispatched" and got["lead_unit"] == "D-JA"
    for path, body, headers in [("sign", {}, unit), ("answer", {"answer": "已清理占道摊点，恢复通行"}, unit),
                                ("start-callback", {}, op),
                                ("callback", {"solved": True, "satisfaction": "satisfied"}, op)]:
        resp = await client.post(f"/api/v1/tickets/{number}/{path}", json=body, headers=headers)
        assert resp.status == 200, await resp.text()
    final = await (await client.get(f"/api/v1/tickets/{number}", headers=op)).json()
    assert final["status"] == "closed"
    trail = await (await client.get(f"/api/v1/tickets/{number}/audit", headers=op)).json()
    assert [e["action"] for e in trail["items"] if e["to_status"]][-4:] == ["sign", "answer", "start_callback", "close"]


async def test_errors_are_json_with_a_message(client, tokens):
    op = auth(tokens["operator"])
    cases = [
        (client.post("/api/v1/tickets", json=BODY), 401),
        (client.post("/api/v1/tickets", json=BODY, headers={"Authorization": "Bearer nope"}), 401),
        (client.post("/api/v1/tickets", json=BODY, headers={"Authorization": "Basic x"}), 401),
        (client.post("/api/v1/tickets", data="{not json", headers={**op, "Content-Type": "application/json"}), 422),
        (client.post("/api/v1/tickets", data='{"content": "x"}', headers=op), 415),        # text/plain is not JSON
        (client.post("/api/v1/tickets", json=["a"], headers=op), 422),
        (client.post("/api/v1/tickets", json={"channel": "phone"}, headers=op), 422),
        (client.get("/api/v1/tickets/209901010001", headers=op), 404),
        (client.get("/api/v1/nothing-here", headers=op), 404),
        (client.get("/api/v1/tickets?limit=lots", headers=op), 422),
        (client.get("/api/v1/tickets?status=flying", headers=op), 422),
    ]
    for request, status in cases:
        resp = await request
        assert resp.status == status, (status, await resp.text())
        body = await resp.json()
        assert body["error"]["message"] and body["error"]["code"]


async def test_roles_and_unit_scope(client, tokens):
    op = auth(tokens["operator"])
    number = (await (await client.post("/api/v1/tickets", json=BODY, headers=op)).json())["number"]
    resp = await client.get(f"/api/v1/tickets/{number}", headers=auth(tokens["D-WC"]))
    assert resp.status == 403 and "其他单位" in (await resp.json())["error"]["message"]
    resp = await client.post(f"/api/v1/tickets/{number}/sign", json={}, headers=op)
    assert resp.status == 403
    resp = await client.post(f"/api/v1/tickets/{number}/supervise", json={"note": "x"}, headers=op)
    assert resp.status == 403
    mine = await (await client.get(f"/api/v1/tickets/{number}", headers=auth(tokens["D-JA"]))).json()
    assert mine["contact_phone"] == "138****5678" and "13812345678" not in mine["content"]
    listed = await (await client.get("/api/v1/tickets", headers=auth(tokens["D-WC"]))).json()
    assert listed["total"] == 0


async def test_illegal_move_is_409_and_unknown_fields_422(client, tokens):
    op, unit = auth(tokens["operator"]), auth(tokens["D-JA"])
    number = (await (await client.post("/api/v1/tickets", json=BODY, headers=op)).json())["number"]
    resp = await client.post(f"/api/v1/tickets/{number}/answer", json={"answer": "已经处理完毕了"}, headers=unit)
    assert resp.status == 409
    assert "已签收" in (await resp.json())["error"]["message"]   # says what state it must be in
    resp = await client.post(f"/api/v1/tickets/{number}/sign", json={"bogus": 1}, headers=unit)
    assert resp.status == 422
    resp = await client.post(f"/api/v1/tickets/{number}/extension", json={"workdays": "5", "reason": "x"}, headers=unit)
    assert resp.status == 422
    resp = await client.post(f"/api/v1/tickets/{number}/fly", json={}, headers=unit)
    assert resp.status == 404


async def test_channel_token_files_but_cannot_dispatch(client, tokens):
    ch = auth(tokens["channel"])
    resp = await client.post("/api/v1/tickets", json={**BODY, "channel": "web"}, headers=ch)
    assert resp.status == 201
    number = (await resp.json())["number"]
    resp = await client.post(f"/api/v1/tickets/{number}/dispatch", json={"unit": "D-JA"}, headers=ch)
    assert resp.status == 403


async def test_openapi_documents_every_route(client, hl):
    doc = await (await client.get("/api/openapi.json")).json()
    assert doc["openapi"].startswith("3.")
    from hotline.web.api import ACTIONS

    for action in ACTIONS:
        assert f"/api/v1/tickets/{{number}}/{action.path}" in doc["paths"]
    assert "Idempotency-Key" in str(doc["paths"]["/api/v1/tickets"]["post"])
    assert set(doc["components"]["schemas"]["NewTicket"]["required"]) == {"content", "channel"}


async def test_health_shows_the_calendar_and_a_fallback_year(client, hl):
    body = await (await client.get("/healthz")).json()
    assert body["status"] == "ok" and body["database"] == "ok"
    assert body["calendar"]["fallback_to_weekends"] is False and body["warnings"] == []
    assert body["triage_check"] in (None, "ready", "training", "not started")
    hl.calendar.is_workday(date(2031, 5, 5))
    body = await (await client.get("/healthz")).json()
    assert body["calendar"]["fallback_years"] == [2031] and "2031" in body["warnings"][0]


async def test_holiday_overrides_are_admin_only_and_change_deadlines(client, tokens, hl):
    resp = await client.put("/api/v1/holidays/2027-01-01", json={"workday": False}, headers=auth(tokens["operator"]))
    assert resp.status == 403
    resp = await client.put("/api/v1/holidays/2027-01-01", json={"workday": False, "note": "元旦"},
                            headers=auth(tokens["admin"]))
    assert resp.status == 200
    assert not hl.calendar.is_workday(date(2027, 1, 1))
    assert hl.calendar.status().fallback_years == ()
    resp = await client.put("/api/v1/holidays/2027-13-01", json={"workday": False}, headers=auth(tokens["admin"]))
    assert resp.status == 422
    listed = await (await client.get("/api/v1/holidays?year=2027", headers=auth(tokens["admin"]))).json()
    assert listed["items"] == [{"day": "2027-01-01", "workday": False, "note": "元旦"}]
    resp = await client.delete("/api/v1/holidays/2027-01-01", headers=auth(tokens["admin"]))
    assert resp.status == 200 and hl.calendar.is_workday(date(2027, 1, 1))


async def test_list_filters_by_channel_category_and_period(client, tokens, clock):
    from tests.conftest import beijing

    op = auth(tokens["operator"])
    clock.set(beijing(2026, 3, 2, 10))
    await client.post("/api/v1/tickets", json=BODY, headers=op)                       # 城乡建设, phone
    clock.set(beijing(2026, 3, 5, 10))
    await client.post("/api/v1/tickets", json={"content": "社保卡怎么补办", "channel": "web"}, headers=op)

    async def total(query):
        resp = await client.get(f"/api/v1/tickets?{query}", headers=op)
        assert resp.status == 200, await resp.text()
        return (await resp.json())["total"]

    assert await total("channel=web") == 1
    assert await total("category=C01") == 1          # a first-level code matches its subtree
    assert await total("from=2026-03-03") == 1
    assert await total("from=2026-03-01&to=2026-03-03") == 1
    assert await total("to=2026-03-02") == 0         # the start of 2 March, Beijing time
    resp = await client.get("/api/v1/tickets?from=yesterday", headers=op)
    assert resp.status == 422
    resp = await client.get("/api/v1/tickets?channel=fax", headers=op)
    assert resp.status == 422


async def test_openapi_names_every_route_the_app_serves(client):
    doc = await (await client.get("/api/openapi.json")).json()
    for route in client.server.app.router.routes():
        info = route.resource.get_info()
        path = info.get("path") or info.get("formatter") or ""      # static files have a prefix only
        if path.startswith(("/api/v1/", "/open311/")) and route.method != "HEAD":
            assert route.method.lower() in doc["paths"].get(path, {}), (route.method, path)
            assert doc["paths"][path][route.method.lower()]["summary"]


async def test_the_list_pages_by_cursor_and_refuses_a_bad_one(client, tokens, clock):
    from tests.conftest import beijing

    op = auth(tokens["operator"])
    clock.set(beijing(2026, 3, 2, 10))
    for i in range(5):
        await client.post("/api/v1/tickets", json={"content": f"社保卡怎么补办{i}", "channel": "web"}, headers=op)
    seen, url = [], "/api/v1/tickets?limit=2"
    while url:
        body = await (await client.get(url, headers=op)).json()
        seen += [t["number"] for t in body["items"]]
        await client.post("/api/v1/tickets", json={"content": "又一个新来电", "channel": "web"}, headers=op)
        url = f"/api/v1/tickets?limit=2&cursor={body['next']}" if body["next"] else None
    assert len(seen) == len(set(seen)) == 5
    by_page = await (await client.get("/api/v1/tickets?limit=2&page=2", headers=op)).json()
    by_offset = await (await client.get("/api/v1/tickets?limit=2&offset=2", headers=op)).json()
    assert by_page["items"] == by_offset["items"] and len(by_page["items"]) == 2
    resp = await client.get("/api/v1/tickets?cursor=not-a-cursor", headers=op)
    assert resp.status == 422 and "分页游标无效" in (await resp.json())["error"]["message"]
