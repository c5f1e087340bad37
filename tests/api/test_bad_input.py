"""Malformed input is a 4xx with a Chinese message at every door, on SQLite and PostgreSQL: deep JSON,
control characters, ids and offsets beyond the database's integers, malformed multipart, text/plain."""
from __future__ import annotations

import pytest

from hotline.services.auth import create_token
from hotline.web.app import create_app

DEEP = ("[" * 5000 + "]" * 5000).encode()                 # RecursionError in json without a limit
NESTED = ('{"a":' * 40 + "1" + "}" * 40).encode()         # valid JSON, deeper than the limit


@pytest.fixture
async def client(hl, aiohttp_client):
    return await aiohttp_client(create_app(hl))


@pytest.fixture
def op(hl):
    return {"Authorization": f"Bearer {create_token(hl, name='op', role='operator')}"}


async def _refused(resp, status: int, word: str) -> None:
    body = await resp.json()
    assert resp.status == status, body
    assert word in body["error"]["message"], body


@pytest.mark.parametrize("path", ["/api/v1/tickets", "/channels/tablet/pair", "/channels/tablet/cases"])
async def test_deep_json_is_refused_at_every_door(client, op, path):
    json_type = {**op, "Content-Type": "application/json"}
    await _refused(await client.post(path, data=DEEP, headers=json_type), 422, "嵌套")
    await _refused(await client.post(path, data=NESTED, headers=json_type), 422, "嵌套")


async def test_control_characters_are_refused_before_storage(client, op, hl):
    from sqlalchemy import func, select

    from models import Ticket

    for content in ("占道经营\u0000堵路", "占道经营\u0001堵路"):
        resp = await client.post("/api/v1/tickets", json={"content": content, "channel": "phone"}, headers=op)
        await _refused(resp, 422, "控制字符")
    resp = await client.post("/api/v1/tickets", json={"content": "占道经营\t堵路\r\n第二行", "channel": "phone"},
                             headers=op)
    assert resp.status == 201                            # tab, CR and LF are text
    await _refused(await client.get("/api/v1/tickets?q=%00x", headers=op), 422, "控制字符")
    with hl.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 1


@pytest.mark.parametrize("path", ["/api/v1/reviews/2147483648", "/api/v1/reviews/99999999999999999999",
                                  "/api/v1/rectifications/9223372036854775808"])
async def test_ids_beyond_the_database_integers_are_not_found(client, hl, path):
    sup = {"Authorization": f"Bearer {create_token(hl, name='sup', role='supervisor')}"}
    await _refused(await client.get(path, headers=sup), 404, "不存在")


async def test_appeal_decision_on_a_huge_id_is_not_found(client, hl):
    sup = {"Authorization": f"Bearer {create_token(hl, name='sup', role='supervisor')}"}
    resp = await client.post("/api/v1/appeals/9223372036854775808/decide", json={"uphold": True, "reason": "核实"},
                             headers=sup)
    await _refused(resp, 404, "不存在")


@pytest.mark.parametrize("query", ["offset=9223372036854775808", "offset=-1", "limit=99999999999999999999"])
async def test_offsets_and_limits_out_of_range_are_refused(client, op, query):
    await _refused(await client.get(f"/api/v1/tickets?{query}", headers=op), 422, "之间")


async def test_an_unknown_work_list_is_refused(client, op):
    await _refused(await client.get("/api/v1/tickets?queue=everything", headers=op), 422, "queue 只能是")
    for queue in ("triage", "callbacks", "overdue", "supervised"):
        assert (await client.get(f"/api/v1/tickets?queue={queue}", headers=op)).status == 200


async def test_text_plain_is_not_json(client, op):
    resp = await client.post("/api/v1/tickets", data='{"content": "占道经营", "channel": "phone"}',
                             headers={**op, "Content-Type": "text/plain"})
    await _refused(resp, 415, "JSON")
