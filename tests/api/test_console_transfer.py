"""Issue 11 on the operator console: a calmly reported fire is first in the queue with 119 and a
one-action transfer button; the API ticket view carries `transfer` and `redirect`."""
from __future__ import annotations

import re

import pytest

from hotline.demo import DEMO_PASSWORD, load_demo
from hotline.services import tickets
from hotline.web.app import create_app

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def demo_hl(hl, actors):
    load_demo(hl)          # the demo city's real router, catalogue and triage
    return hl


@pytest.fixture
async def client(aiohttp_client, demo_hl):
    return await aiohttp_client(create_app(demo_hl))


def _csrf(html: str) -> str:
    return re.search(r'name="_csrf" value="([^"]+)"', html).group(1)


async def test_fire_is_first_with_119_and_transferred_in_one_click(client, demo_hl, actors):
    op = actors["operator"]
    tickets.create_ticket(demo_hl, actor=op, data={"content": "我想问问这个事情找谁", "channel": "phone"})
    view, _ = tickets.create_ticket(demo_hl, actor=op, data={"content": "你好，江汉区新华路一家餐馆的厨房着火了，火挺大的",
                                                             "channel": "phone"})
    number = view["number"]
    page = await client.get("/login")
    await client.post("/login", data={"username": "operator", "password": DEMO_PASSWORD, "_csrf": _csrf(await page.text())})
    queue = await (await client.get("/console/operator")).text()
    rows = re.findall(r'/console/tickets/(\d+)"', queue)
    assert rows[0] == number and "转 119" in queue

    api = await (await client.get(f"/api/v1/tickets/{number}")).json()
    assert (api["transfer"], api["redirect"]) == (["119"], None)

    html = await (await client.get(f"/console/tickets/{number}")).text()
    assert 'id="form-transfer"' in html and "立即转办 119" in html
    resp = await client.post(f"/console/tickets/{number}/transfer", data={"_csrf": _csrf(html), "to": "119"},
                             allow_redirects=False)
    assert resp.status == 303
    done = tickets.get_ticket(demo_hl, actor=op, number=number)
    assert done["status"] == "closed" and "消防119" in done["answer"]


async def test_admin_sees_the_responsibility_catalogue(client):
    page = await client.get("/login")
    await client.post("/login", data={"username": "admin", "password": DEMO_PASSWORD, "_csrf": _csrf(await page.text())})
    html = await (await client.get("/console/admin/routing")).text()
    assert 'id="catalogue"' in html and "武汉地铁集团：地铁运营" in html and "UTIL-METRO" in html


async def test_api_redirect_and_a_bad_transfer_number_over_http(client, demo_hl):
    from hotline.services.auth import create_token

    op = {"Authorization": f"Bearer {create_token(demo_hl, name='op', role='operator')}"}
    resp = await client.post("/api/v1/tickets", headers=op, json={
        "content": "我的信访件已经在处理了，信访办说要等复查意见", "channel": "phone"})
    number = (await resp.json())["number"]
    view = await (await client.get(f"/api/v1/tickets/{number}", headers=op)).json()
    assert (view["transfer"], view["redirect"], view["status"]) == ([], "信访", "triage")
    bad = await client.post(f"/api/v1/tickets/{number}/transfer", headers=op, json={"to": "999"})
    assert bad.status == 422 and "999" in (await bad.json())["error"]["message"]
    done = await client.post(f"/api/v1/tickets/{number}/redirect", headers=op, json={})
    body = await done.json()
    assert done.status == 200 and body["status"] == "closed" and "信访" in body["answer"]
