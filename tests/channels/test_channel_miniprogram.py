"""Mini-program API over HTTP on loopback, with a fake WeChat ``jscode2session`` server."""
from __future__ import annotations

import json
import secrets
from pathlib import Path

import pytest
from aiohttp import web

from channels.miniprogram import request_signature
from hotline.services import tickets
from hotline.services.actors import SYSTEM

APPID = "wx-test-app"
JPEG = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF" + b"\x01" * 200
PNG = b"\x89PNG\r\n\x1a\n" + b"\x02" * 200
GIF = b"GIF89a" + b"\x03" * 200


@pytest.fixture
async def wechat(aiohttp_server):
    """A fake WeChat API: code ``good-<openid>`` logs in as <openid>; anything else is refused."""
    seen = []

    async def jscode2session(request):
        seen.append(dict(request.query))
        q = request.query
        if q.get("appid") != APPID or q.get("secret") != "mp-test-secret" or q.get("grant_type") != "authorization_code":
            return web.json_response({"errcode": 40013, "errmsg": "invalid appid"})
        code = q.get("js_code", "")
        if not code.startswith("good-"):
            return web.json_response({"errcode": 40029, "errmsg": "invalid code"})
        # WeChat answers with text/plain
        return web.Response(text=json.dumps({"openid": code[5:], "session_key": "sk"}), content_type="text/plain")

    app = web.Application()
    app.router.add_get("/sns/jscode2session", jscode2session)
    server = await aiohttp_server(app, host="127.0.0.1")
    server.seen = seen
    return server


@pytest.fixture
async def mp(make_hotline, database_url, wechat, aiohttp_client):
    from channel_support import CHANNEL_SETTINGS, channel_app

    hl = make_hotline(database_url, extra=dict(CHANNEL_SETTINGS, mp_api_base=str(wechat.make_url(""))))
    client = await aiohttp_client(channel_app(hl))
    return hl, client


class MpCitizen:
    def __init__(self, client, hl, session):
        self.client, self.hl, self.session = client, hl, session

    def headers(self, method, path, body=b"", *, nonce=None, ts=None, key=None):
        ts = str(int(self.hl.now().timestamp()) if ts is None else ts)
        nonce = nonce or secrets.token_hex(8)
        sig = request_signature(key or self.session["sign_key"], method, path, ts, nonce, body)
        return {"X-MP-AppId": APPID, "X-MP-Session": self.session["session_id"], "X-MP-Timestamp": ts,
                "X-MP-Nonce": nonce, "X-MP-Signature": sig}

    async def send(self, method, path, body=b"", *, content_type="application/json", idem=None, **kw):
        headers = self.headers(method, path, body, **kw)
        if body:
            headers["Content-Type"] = content_type
        if idem:
            headers["Idempotency-Key"] = idem
        return await self.client.request(method, path, data=body or None, headers=headers)

    async def post_json(self, path, data, **kw):
        return await self.send("POST", path, json.dumps(data, ensure_ascii=False).encode(), **kw)


async def login(client, hl, openid="o-citizen-1") -> MpCitizen:
    resp = await client.post("/channels/mp/login", json={"appid": APPID, "code": f"good-{openid}"})
    assert resp.status == 201, await resp.text()
    return MpCitizen(client, hl, await resp.json())


def multipart(fields: dict, photos: list[bytes]) -> tuple[bytes, str]:
    boundary = "----hotline" + secrets.token_hex(8)
    out = b""
    for name, value in fields.items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").encode()
    for i, data in enumerate(photos):
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"p{i}.jpg\"\r\n"
                f"Content-Type: application/octet-stream\r\n\r\n").encode() + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, f"multipart/form-data; boundary={boundary}"


# -- login ----------------------------------------------------------------------------------
async def test_login_exchanges_the_code_through_jscode2session(mp, wechat):
    hl, client = mp
    resp = await client.post("/channels/mp/login", json={"appid": APPID, "code": "good-o-abc"})
    assert resp.status == 201
    body = await resp.json()
    assert body["session_id"] and body["sign_key"] and "openid" not in body
    assert wechat.seen[-1]["js_code"] == "good-o-abc" and wechat.seen[-1]["secret"] == "mp-test-secret"

    resp = await client.post("/channels/mp/login", json={"appid": APPID, "code": "expired"})
    assert resp.status == 401 and "invalid code" in (await resp.json())["error"]["message"]
    resp = await client.post("/channels/mp/login", json={"appid": "wx-other", "code": "good-x"})
    assert resp.status == 401
    resp = await client.post("/channels/mp/login", json={"appid": APPID})
    assert resp.status == 422 and "code" in (await resp.json())["error"]["message"]
    resp = await client.post("/channels/mp/login", data=b"[1,2", headers={"Content-Type": "application/json"})
    assert resp.status == 422


async def test_login_says_when_wechat_is_unreachable(make_hotline, database_url, aiohttp_client, unused_tcp_port):
    from channel_support import CHANNEL_SETTINGS, channel_app

    hl = make_hotline(database_url, extra=dict(CHANNEL_SETTINGS, mp_api_base=f"http://127.0.0.1:{unused_tcp_port}"))
    client = await aiohttp_client(channel_app(hl))
    resp = await client.post("/channels/mp/login", json={"appid": APPID, "code": "good-x"})
    assert resp.status == 502 and "微信" in (await resp.json())["error"]["message"]


# -- appeals --------------------------------------------------------------------------------
async def test_appeal_with_photos_is_filed_once_and_followed_by_its_citizen(mp, actors):
    hl, client = mp
    me = await login(client, hl, "o-alice")
    body, ctype = multipart({"content": "江岸区解放大道占道经营，人行道走不了。", "place": "解放大道 100 号",
                             "contact_phone": "13912345678"}, [JPEG, PNG])
    resp = await me.send("POST", "/channels/mp/appeals", body, content_type=ctype, idem="appeal-0001")
    assert resp.status == 201, await resp.text()
    view = await resp.json()
    number = view["number"]
    assert view["contact_phone"] != "13912345678"  # the citizen's own view is masked too

    again = await me.send("POST", "/channels/mp/appeals", body, content_type=ctype, idem="appeal-0001")
    assert again.status == 200 and (await again.json())["number"] == number

    full = tickets.get_ticket(hl, actor=SYSTEM, number=number)
    assert full["channel"] == "miniprogram" and full["channel_ref"] == "o-alice:appeal-0001"
    kinds = sorted(a["content_type"] for a in full["attachments"])
    assert kinds == ["image/jpeg", "image/png"]
    for att in full["attachments"]:
        stored = Path(hl.settings.uploads_dir) / att["path"]
        assert stored.read_bytes() in (JPEG, PNG) and att["size"] == stored.stat().st_size
    assert tickets.list_tickets(hl, actor=SYSTEM)["total"] == 1

    mine = await me.send("GET", "/channels/mp/appeals")
    assert [t["number"] for t in (await mine.json())["items"]] == [number]
    one = await me.send("GET", f"/channels/mp/appeals/{number}")
    assert one.status == 200 and (await one.json())["status"] == "dispatched"

    bob = await login(client, hl, "o-bob")
    assert (await (await bob.send("GET", "/channels/mp/appeals")).json())["items"] == []
    assert (await bob.send("GET", f"/channels/mp/appeals/{number}")).status == 403

    # the unit answers: the citizen's inbox gets the message once
    unit = actors["D-JA"]
    tickets.sign_ticket(hl, actor=unit, number=number)
    tickets.answer_ticket(hl, actor=unit, number=number, answer="已组织城管清理占道摊点。")
    from hotline import jobs
    jobs.run(hl, "notify_citizen", _ticket_id(hl, number), "answered")  # a second run sends nothing twice
    inbox = await (await me.send("GET", "/channels/mp/messages")).json()
    answered = [m for m in inbox["items"] if m["kind"] == "answered"]
    assert len(answered) == 1 and answered[0]["text"] == f"工单{number}已由江岸区人民政府答复，我们将回访核实办理结果。"
    detail = await (await me.send("GET", f"/channels/mp/appeals/{number}")).json()
    assert detail["answer"] == "已组织城管清理占道摊点。"  # the answer itself is on the appeal's page
    assert (await (await bob.send("GET", "/channels/mp/messages")).json())["items"] == []


def _ticket_id(hl, number):
    from sqlalchemy import select

    from models import Ticket

    with hl.sessions() as s:
        return s.scalar(select(Ticket.id).where(Ticket.number == number))


async def test_unsigned_replayed_and_bad_requests_are_refused(mp):
    hl, client = mp
    me = await login(client, hl)
    path = "/channels/mp/appeals"
    ok = json.dumps({"content": "小区路灯不亮"}, ensure_ascii=False).encode()

    resp = await client.post(path, data=ok, headers={"Content-Type": "application/json", "Idempotency-Key": "k-00000001"})
    assert resp.status == 401
    resp = await me.send("POST", path, ok, idem="k-00000001", key="not-the-key")
    assert resp.status == 401 and "签名" in (await resp.json())["error"]["message"]
    resp = await me.send("POST", path, ok, idem="k-00000001", ts=int(hl.now().timestamp()) - 3600)
    assert resp.status == 401 and "过期" in (await resp.json())["error"]["message"]

    headers = me.headers("POST", path, ok, nonce="nonce-fixed-1")
    headers.update({"Content-Type": "application/json", "Idempotency-Key": "k-00000002"})
    first = await client.post(path, data=ok, headers=headers)
    replay = await client.post(path, data=ok, headers=headers)
    assert first.status == 201 and replay.status == 401
    assert "重放" in (await replay.json())["error"]["message"]

    resp = await me.send("POST", path, ok)  # no Idempotency-Key
    assert resp.status == 422 and "Idempotency-Key" in (await resp.json())["error"]["message"]
    resp = await me.send("POST", path, b"{oops", idem="k-00000003")
    assert resp.status == 422
    resp = await me.post_json(path, {"content": "x", "admin": True}, idem="k-00000004")
    assert resp.status == 422 and "admin" in (await resp.json())["error"]["message"]

    for photos, message in (([GIF], "JPEG 或 PNG"), ([JPEG] * 10, "最多 9 张"),
                            ([JPEG + b"\x00" * (5 * 1024 * 1024)], "5 MB")):
        body, ctype = multipart({"content": "小区路灯不亮"}, photos)
        resp = await me.send("POST", path, body, content_type=ctype, idem="k-" + secrets.token_hex(6))
        assert resp.status == 422, await resp.text()
        assert message in (await resp.json())["error"]["message"]
    assert tickets.list_tickets(hl, actor=SYSTEM)["total"] == 1
    assert not any(Path(hl.settings.uploads_dir).rglob("*.gif"))


# -- ratings (through rectification.services.submit_review) ---------------------------------
async def test_rating_a_closed_ticket_and_a_service_case(mp, actors):
    from rectification import services as rect
    hl, client = mp
    me = await login(client, hl, "o-carol")
    resp = await me.post_json("/channels/mp/appeals", {"content": "江岸区解放大道占道经营"}, idem="appeal-carol-1")
    number = (await resp.json())["number"]

    early = await me.post_json(f"/channels/mp/appeals/{number}/rating", {"level": 5}, idem="rate-carol-0")
    assert early.status == 409 and "办结" in (await early.json())["error"]["message"]

    tickets.sign_ticket(hl, actor=actors["D-JA"], number=number)
    tickets.answer_ticket(hl, actor=actors["D-JA"], number=number, answer="已清理占道摊点，恢复通行。")
    tickets.record_callback(hl, actor=actors["operator"], number=number, solved=True, satisfaction="satisfied")

    bad = await me.post_json(f"/channels/mp/appeals/{number}/rating", {"level": 2}, idem="rate-carol-1")
    assert bad.status == 422 and "原因" in (await bad.json())["error"]["message"]
    payload = {"level": 2, "reason_tags": ["办事效率低"], "text": "拖了很久"}
    first = await me.post_json(f"/channels/mp/appeals/{number}/rating", payload, idem="rate-carol-2")
    again = await me.post_json(f"/channels/mp/appeals/{number}/rating", payload, idem="rate-carol-2")
    other = await me.post_json(f"/channels/mp/appeals/{number}/rating", {"level": 5}, idem="rate-carol-3")
    assert first.status == 201, await first.text()
    assert again.status == 200 and (await again.json())["id"] == (await first.json())["id"]
    assert other.status == 409

    dave = await login(client, hl, "o-dave")
    resp = await dave.post_json(f"/channels/mp/appeals/{number}/rating", {"level": 5}, idem="rate-dave-1")
    assert resp.status == 403

    rect.register_case(hl, actor=actors["operator"], data={"case_number": "BJ2026030200001", "unit": "D-WC",
                                                           "service_item_name": "居住证办理"})
    resp = await me.post_json("/channels/mp/cases/BJ2026030200001/rating", {"level": 5}, idem="rate-case-01")
    assert resp.status == 201, await resp.text()
    resp = await me.post_json("/channels/mp/cases/BJ2026030200001/rating", {"level": 4}, idem="rate-case-02")
    assert resp.status == 409
    tags = await (await client.get("/channels/mp/reason-tags")).json()
    assert "办事效率低" in tags["items"]
