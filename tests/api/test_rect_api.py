"""好差评 over HTTP: rating with Idempotency-Key, the loop's actions, appeals, figures, windows, roles."""
from __future__ import annotations

import base64

import pytest

from hotline.web.app import create_app
from rectification import load_demo
from tests.api.conftest import auth


@pytest.fixture
async def client(hl, aiohttp_client):
    load_demo(hl)
    return await aiohttp_client(create_app(hl))


BAD = {"target": "window", "window_code": "JA-ZX-01", "channel": "tablet", "level": 1,
       "reason_tags": ["服务态度差"], "text": "工作人员态度差，电话13812345678", "real_name": True,
       "rater_name": "王五", "rater_phone": "13812345678"}


async def test_a_tablet_bad_review_through_the_loop_over_http(client, tokens):
    ch, ja, wc, sup = (auth(tokens[k]) for k in ("channel", "D-JA", "D-WC", "supervisor"))
    resp = await client.post("/api/v1/reviews", json=BAD, headers={**ch, "Idempotency-Key": "tab-1"})
    assert resp.status == 201, await resp.text()
    review = await resp.json()
    again = await client.post("/api/v1/reviews", json=BAD, headers={**ch, "Idempotency-Key": "tab-1"})
    assert again.status == 200 and (await again.json())["id"] == review["id"]

    seen = await (await client.get(f"/api/v1/reviews/{review['id']}", headers=ja)).json()
    assert seen["rater_phone"] == "（评价人信息保密）" and "13812345678" not in seen["text"]
    assert (await client.get(f"/api/v1/reviews/{review['id']}", headers=wc)).status == 403
    listed = await (await client.get("/api/v1/reviews?bad=true", headers=wc)).json()
    assert listed["total"] == 0

    cid = review["rectification_id"]
    op = auth(tokens["operator"])
    refused = await client.post(f"/api/v1/rectifications/{cid}/claim", json={}, headers=ja)
    assert refused.status == 403 and "热线中心" in (await refused.json())["error"]["message"]
    steps = [("claim", {}, op), ("callback", {"outcome": "reached", "note": "已回访"}, op),
             ("finding", {"finding": "属实·立行立改"}, ja),
             ("action", {"description": "窗口人员批评教育", "attachments": [
                 {"name": "整改.jpg", "content_type": "image/jpeg",
                  "content_base64": base64.b64encode(b"\xff\xd8jpeg").decode()}]}, ja),
             ("reply", {"reply": "已批评教育窗口人员并致歉"}, ja),
             ("follow-up", {"result": "basic"}, auth(tokens["operator"])),
             ("accept", {"note": "验收通过"}, sup)]
    for action, body, headers in steps:
        resp = await client.post(f"/api/v1/rectifications/{cid}/{action}", json=body, headers=headers)
        assert resp.status == 200, (action, await resp.text())
    case = await resp.json()
    assert case["status"] == "closed" and case["actions"][0]["attachments"][0]["name"] == "整改.jpg"
    assert "path" not in case["actions"][0]["attachments"][0]
    trail = await (await client.get(f"/api/v1/rectifications/{cid}/audit", headers=sup)).json()
    actions = [e["action"] for e in trail["items"]]
    assert [a for a in actions if a != "show_rater"][-3:] == ["reply", "follow_up", "accept"]
    assert "show_rater" in actions  # the centre's caller saw the rater's contact, and that is on record
    illegal = await client.post(f"/api/v1/rectifications/{cid}/reply", json={"reply": "再答复一次看看"}, headers=ja)
    assert illegal.status == 409 and "整改单状态" in (await illegal.json())["error"]["message"]
    unknown = await client.post(f"/api/v1/rectifications/{cid}/explode", json={}, headers=sup)
    assert unknown.status == 404


async def test_refusals_are_chinese_json(client, tokens):
    ch = auth(tokens["channel"])
    first = await client.post("/api/v1/reviews", json={**BAD, "case_number": "BJ-9"}, headers=ch)
    assert first.status == 201
    dup = await client.post("/api/v1/reviews", json={**BAD, "case_number": "BJ-9", "channel": "qr"}, headers=ch)
    assert dup.status == 409 and "只能评价一次" in (await dup.json())["error"]["message"]
    bad = await client.post("/api/v1/reviews", json={**BAD, "level": 9}, headers=ch)
    assert bad.status == 422 and "评价等级" in (await bad.json())["error"]["message"]
    notjson = await client.post("/api/v1/reviews", data="{", headers={**ch, "Content-Type": "application/json"})
    assert notjson.status == 422
    anon = await client.post("/api/v1/reviews", json=BAD)
    assert anon.status == 401
    assert (await client.get("/api/v1/rectifications/999", headers=auth(tokens["supervisor"]))).status == 404


async def test_appeal_metrics_and_windows(client, tokens):
    ch, ja, sup = auth(tokens["channel"]), auth(tokens["D-JA"]), auth(tokens["supervisor"])
    review = await (await client.post("/api/v1/reviews", json=BAD, headers=ch)).json()
    await client.post("/api/v1/reviews", json={**BAD, "level": 5, "real_name": False, "channel_ref": "x2"},
                      headers=ch)
    resp = await client.post(f"/api/v1/reviews/{review['id']}/appeal",
                             json={"kind": "误评", "reason": "评价人误操作"}, headers=ja)
    assert resp.status == 201
    appeal = await resp.json()
    assert (await client.post(f"/api/v1/appeals/{appeal['id']}/decide", json={"uphold": True, "reason": "属实"},
                              headers=ja)).status == 403
    decided = await client.post(f"/api/v1/appeals/{appeal['id']}/decide", json={"uphold": True, "reason": "属实"},
                                headers=sup)
    assert decided.status == 200 and (await decided.json())["status"] == "upheld"

    body = await (await client.get("/api/v1/metrics?view=unit&from=2026-03-01&to=2026-03-31", headers=sup)).json()
    row = {r["key"]: r for r in body["rows"]}["D-JA"]
    assert row["counts"]["rated"] == 1 and row["good_rate"] == 1.0  # the upheld 差评 is out
    mine = await (await client.get("/api/v1/metrics?view=unit", headers=auth(tokens["D-WC"]))).json()
    assert mine["rows"] == []
    assert (await client.get("/api/v1/metrics?view=planet", headers=sup)).status == 422
    assert (await client.get("/api/v1/metrics?from=2026-13-01", headers=sup)).status == 422

    windows = await (await client.get("/api/v1/windows", headers=ja)).json()
    assert {w["unit"] for w in windows["items"]} == {"D-JA"} and len(windows["items"]) >= 2
    everyone = await (await client.get("/api/v1/windows", headers=sup)).json()
    assert len(everyone["items"]) >= 10
    cases = await (await client.get("/api/v1/rectifications", headers=ja)).json()
    assert cases["total"] == 1 and cases["items"][0]["status"] == "voided"
    assert (await (await client.get("/api/v1/rectifications", headers=auth(tokens["D-WC"]))).json())["total"] == 0
