"""Issue 11, through the real app and its JSON API: a calmly written fire appeal submitted with
POST /api/v1/tickets is first in the operator's triage list with 119 and the 转办 action, and one
POST transfers it (recorded as 转办; the ticket is closed, its clock stopped). The time it takes is a
benchmark figure (bench/bench_emergency.py), not an assertion here."""
from __future__ import annotations

import pytest

from hotline.demo import load_demo
from hotline.services.auth import create_token
from hotline.web.app import create_app

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

CALM_FIRE = "你好，我想反映个情况，我们小区对面那栋楼五楼的窗户在往外冒黑烟，好像是里面着火了，在江岸区黄浦路这边"


@pytest.fixture
async def api(aiohttp_client, hl, actors):
    load_demo(hl)          # the demo city's real router, catalogue and triage
    client = await aiohttp_client(create_app(hl))
    client.op = {"Authorization": f"Bearer {create_token(hl, name='op', role='operator')}"}
    return client


async def _submit(api, content: str) -> str:
    resp = await api.post("/api/v1/tickets", headers=api.op, json={"content": content, "channel": "phone"})
    assert resp.status in (200, 201, 202), await resp.text()
    return (await resp.json())["number"]


async def test_a_calm_fire_appeal_tops_the_triage_list_with_119_and_the_transfer_action(api, clock):
    waiting = [await _submit(api, text) for text in ("我想问一下这个事情应该找哪个部门", "请问一下办事的流程是什么样的")]
    clock.advance(minutes=10)
    fire = await _submit(api, CALM_FIRE)

    listing = await (await api.get("/api/v1/tickets?queue=triage", headers=api.op)).json()
    numbers = [t["number"] for t in listing["items"]]
    assert numbers[0] == fire and set(waiting) <= set(numbers[1:])
    assert listing["items"][0]["transfer"] == ["119"]

    view = await (await api.get(f"/api/v1/tickets/{fire}", headers=api.op)).json()
    assert (view["status"], view["urgency"], view["transfer"], view["redirect"]) == ("triage", "emergency", ["119"], None)
    assert "transfer" in view["allowed_actions"]

    clock.advance(seconds=20)
    done = await api.post(f"/api/v1/tickets/{fire}/transfer", headers=api.op, json={})
    body = await done.json()
    assert done.status == 200 and body["status"] == "closed" and "119" in body["answer"]
    again = await (await api.get("/api/v1/tickets?queue=triage", headers=api.op)).json()
    assert fire not in [t["number"] for t in again["items"]]


async def test_an_urgent_sounding_ordinary_appeal_is_no_emergency(api):
    number = await _submit(api, "紧急！江岸区黄浦路的路灯坏了好几盏，晚上黑漆漆的")
    view = await (await api.get(f"/api/v1/tickets/{number}", headers=api.op)).json()
    assert view["transfer"] == [] and view["urgency"] != "emergency"
