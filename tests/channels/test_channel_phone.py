"""Phone transcripts: the signed webhook over HTTP on loopback, and ``hotline import-calls``."""
from __future__ import annotations

import json

import pytest

from channels.phone import parse_call, sign_call
from hotline.errors import InvalidInput
from hotline.services import tickets
from hotline.services.actors import SYSTEM

SECRET = "test-callcenter-secret"


def a_call(call_id="C-1001", **over):
    call = {
        "call_id": call_id, "caller": "13812345678", "agent": "A07",
        "started_at": "2026-03-02T10:00:00+08:00", "ended_at": "2026-03-02T10:04:00+08:00",
        "turns": [
            {"speaker": "agent", "text": "您好，12345热线。", "start": 0, "end": 2},
            {"speaker": "caller", "text": "江岸区解放大道占道经营很严重，", "start": 2, "end": 6, "confidence": 0.93},
            {"speaker": "agent", "text": "请留个电话。", "start": 6, "end": 8},
            {"speaker": "caller", "text": "我电话13812345678，身份证420102198801011234。", "start": 8, "end": 14},
        ],
    }
    call.update(over)
    return call


def signed(chl, payload, *, secret=SECRET, ts=None, body=None):
    body = body if body is not None else json.dumps(payload, ensure_ascii=False).encode()
    ts = int(chl.now().timestamp()) if ts is None else ts
    return body, {"X-Hotline-Timestamp": str(ts), "X-Hotline-Signature": sign_call(secret, ts, body),
                  "Content-Type": "application/json"}


# -- pure validation ----------------------------------------------------------------------------
def test_parse_call_joins_only_the_callers_turns():
    rec = parse_call(a_call())
    assert rec.content.startswith("江岸区解放大道占道经营很严重，")
    assert "您好" not in rec.content and "请留个电话" not in rec.content
    assert rec.turns[1]["confidence"] == 0.93


@pytest.mark.parametrize("change, message", [
    ({"call_id": "bad id!"}, "call_id"),
    ({"turns": []}, "turns"),
    ({"turns": [{"speaker": "agent", "text": "您好", "start": 0, "end": 1}]}, "没有来电人"),
    ({"turns": [{"speaker": "robot", "text": "x", "start": 0, "end": 1}]}, "speaker"),
    ({"turns": [{"speaker": "caller", "text": "x", "start": 3, "end": 1}]}, "end"),
    ({"ended_at": "2026-03-02T09:00:00+08:00"}, "ended_at"),
    ({"started_at": "2026-03-02T10:00:00"}, "时区"),
    ({"caller": "call me"}, "主叫号码"),
    ({"resolved_consultation": {"answer": ""}}, "answer"),
])
def test_parse_call_refuses_malformed_records(change, message):
    with pytest.raises(InvalidInput) as err:
        parse_call(a_call(**change))
    assert message in err.value.message


# -- the webhook --------------------------------------------------------------------------------
async def test_signed_call_becomes_a_ticket_with_its_transcript_masked_for_units(client, chl, actors):
    body, headers = signed(chl, a_call())
    resp = await client.post("/channels/phone/calls", data=body, headers=headers)
    assert resp.status == 201, await resp.text()
    number = (await resp.json())["number"]

    full = tickets.get_ticket(chl, actor=SYSTEM, number=number)
    assert full["channel"] == "phone" and full["channel_ref"] == "C-1001"
    assert full["contact_phone"] == "13812345678"
    assert "占道经营" in full["content"] and "您好" not in full["content"]
    assert len(full["transcript"]["turns"]) == 4 and full["transcript"]["caller"] == "13812345678"

    lead = full["lead_unit"]
    assert lead == "D-JA"  # routed by the fake router from the caller's words
    unit_view = tickets.get_ticket(chl, actor=actors["D-JA"], number=number)
    turns_text = " ".join(t["text"] for t in unit_view["transcript"]["turns"])
    assert "13812345678" not in turns_text and "420102198801011234" not in turns_text
    assert "13812345678" not in unit_view["content"]
    assert "caller" not in unit_view["transcript"]


async def test_redelivered_call_returns_the_first_ticket(client, chl):
    body, headers = signed(chl, a_call())
    first = await client.post("/channels/phone/calls", data=body, headers=headers)
    body2, headers2 = signed(chl, a_call(), ts=int(chl.now().timestamp()) + 30)  # re-signed retry
    again = await client.post("/channels/phone/calls", data=body2, headers=headers2)
    replay = await client.post("/channels/phone/calls", data=body, headers=headers)  # byte-identical replay
    assert first.status == 201 and again.status == 200 and replay.status == 200
    numbers = {(await r.json())["number"] for r in (first, again, replay)}
    assert len(numbers) == 1
    listing = tickets.list_tickets(chl, actor=SYSTEM)
    assert listing["total"] == 1


async def test_same_call_id_with_other_words_is_a_conflict(client, chl):
    body, headers = signed(chl, a_call())
    assert (await client.post("/channels/phone/calls", data=body, headers=headers)).status == 201
    other = a_call(turns=[{"speaker": "caller", "text": "完全不同的内容", "start": 0, "end": 1}])
    body, headers = signed(chl, other)
    resp = await client.post("/channels/phone/calls", data=body, headers=headers)
    assert resp.status == 409
    assert tickets.list_tickets(chl, actor=SYSTEM)["total"] == 1


async def test_consultation_answered_on_the_call_is_closed(client, chl):
    call = a_call("C-2002", turns=[{"speaker": "caller", "text": "社保卡补办需要什么材料？", "start": 0, "end": 3}],
                  resolved_consultation={"answer": "携带身份证到社保窗口即可补办。"})
    body, headers = signed(chl, call)
    resp = await client.post("/channels/phone/calls", data=body, headers=headers)
    assert resp.status == 201
    data = await resp.json()
    assert data["status"] == "closed"
    view = tickets.get_ticket(chl, actor=SYSTEM, number=data["number"])
    assert view["answer"] == "携带身份证到社保窗口即可补办。" and view["appeal_type"] == "consult"
    trail = tickets.audit_trail(chl, actor=SYSTEM, number=data["number"])
    assert any(e["actor"] == "A07" and e["action"] == "close_consultation" for e in trail)
    again = await client.post("/channels/phone/calls", data=body, headers=headers)
    assert again.status == 200 and (await again.json())["status"] == "closed"


async def test_unsigned_forged_stale_oversize_and_malformed_calls_are_refused(client, chl):
    body, headers = signed(chl, a_call())
    cases = [
        ({k: v for k, v in headers.items() if k != "X-Hotline-Signature"}, body, 401),
        ({k: v for k, v in headers.items() if k != "X-Hotline-Timestamp"}, body, 401),
        (signed(chl, a_call(), secret="wrong")[1], body, 401),
        (dict(headers, **{"X-Hotline-Signature": "0" * 64}), body, 401),
        (signed(chl, a_call(), ts=int(chl.now().timestamp()) - 301)[1], body, 401),
        (headers, body + b" ", 401),                       # body changed after signing
    ]
    for hdrs, payload, status in cases:
        resp = await client.post("/channels/phone/calls", data=payload, headers=hdrs)
        assert resp.status == status, (hdrs, await resp.text())
        assert (await resp.json())["error"]["message"]
    big = json.dumps(a_call(agent="x" * (3 * 1024 * 1024))).encode()
    body, headers = signed(chl, None, body=big)
    resp = await client.post("/channels/phone/calls", data=big, headers=headers)
    assert resp.status == 413 and "过大" in (await resp.json())["error"]["message"]
    body, headers = signed(chl, None, body=b"{not json")
    resp = await client.post("/channels/phone/calls", data=body, headers=headers)
    assert resp.status == 422 and "JSON" in (await resp.json())["error"]["message"]
    body, headers = signed(chl, a_call(turns="hello"))
    resp = await client.post("/channels/phone/calls", data=body, headers=headers)
    assert resp.status == 422 and "turns" in (await resp.json())["error"]["message"]
    assert tickets.list_tickets(chl, actor=SYSTEM)["total"] == 0


async def test_webhook_without_a_configured_secret_says_so(aiohttp_client, make_hotline, database_url):
    from channel_support import channel_app

    bare = make_hotline(database_url)
    client = await aiohttp_client(channel_app(bare))
    body, headers = signed(bare, a_call())
    resp = await client.post("/channels/phone/calls", data=body, headers=headers)
    assert resp.status == 503 and "callcenter_secret" in (await resp.json())["error"]["message"]


# -- import-calls -------------------------------------------------------------------------------
def test_import_calls_reports_rejects_and_resumes(chl, tmp_path, monkeypatch, capsys):
    from hotline.cli import main

    folder = tmp_path / "calls"
    (folder / "day2").mkdir(parents=True)
    (folder / "one.json").write_text(json.dumps(a_call("C-1"), ensure_ascii=False), encoding="utf-8")
    lines = [json.dumps(a_call(f"C-{i}"), ensure_ascii=False) for i in (2, 3)] + ["{broken"]
    (folder / "day2" / "many.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "bad.json").write_text(json.dumps(a_call("C-9", turns=[])), encoding="utf-8")
    (folder / "notes.txt").write_text("ignored")
    monkeypatch.setenv("HOTLINE_DATABASE_URL", chl.settings.effective_database_url)

    code = main(["--data-dir", str(tmp_path / "d"), "import-calls", str(folder), "--no-progress"])
    out = capsys.readouterr()
    assert code == 1
    assert "bad.json" in out.err and "turns" in out.err
    assert "many.jsonl:3" in out.err and "JSON" in out.err
    assert "新建工单 3" in out.out
    refs = {t["number"] for t in tickets.list_tickets(chl, actor=SYSTEM)["items"]}
    assert len(refs) == 3

    (folder / "bad.json").unlink()
    (folder / "day2" / "many.jsonl").write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    code = main(["--data-dir", str(tmp_path / "d"), "import-calls", str(folder), "--no-progress"])
    out = capsys.readouterr()
    assert code == 0 and "跳过（已导入）3" in out.out and "新建工单 0" in out.out
    assert tickets.list_tickets(chl, actor=SYSTEM)["total"] == 3
