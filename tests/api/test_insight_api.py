"""Hotspots and repeat appeals over HTTP: the API contracts, the supervisor's list and drill-down, the
operator's ticket page with one-click merge."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from hotline.demo import DEMO_PASSWORD, load_demo
from hotline.services import hotspots, tickets
from hotline.services.auth import create_token
from hotline.web.app import create_app
from models import Notice

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

OUTAGE = ["江汉区万松园路西北湖小区今天一早就停水了，到现在还没来水",
          "西北湖小区没水了，家里老人孩子都等着用水",
          "请问西北湖小区停水是什么原因，什么时候能恢复供水",
          "西北湖小区一整天不来水，也没有提前通知",
          "西北湖小区还是没水，已经好几个小时了"]


@pytest.fixture
def demo_hl(hl, actors):
    router = hl.router
    load_demo(hl)
    hl.router = router
    return hl


@pytest.fixture
async def client(aiohttp_client, demo_hl):
    return await aiohttp_client(create_app(demo_hl))


def _file(hl, actors, clock, text, n):
    clock.advance(minutes=20)
    view, _ = tickets.create_ticket(hl, actor=actors["operator"], data={
        "content": text, "channel": "phone", "contact_phone": f"1391234{n:04d}"})
    return view["number"]


async def _login(client, username):
    html = await (await client.get("/login")).text()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
    await client.post("/login", data={"username": username, "password": DEMO_PASSWORD, "_csrf": csrf})


async def test_an_outage_becomes_a_hotspot_alerts_supervisors_and_drills_down(client, demo_hl, actors, clock):
    numbers = [_file(demo_hl, actors, clock, text, n) for n, text in enumerate(OUTAGE)]
    _file(demo_hl, actors, clock, "江岸区解放大道有一段路灯不亮", 99)           # background, left alone
    result = hotspots.refresh(demo_hl)
    assert result["hotspots"] == 1 and result["alerts"] == 1
    assert hotspots.refresh(demo_hl)["alerts"] == 0                         # alerted once, not every sweep
    with demo_hl.sessions() as s:
        alert = s.scalar(select(Notice).where(Notice.kind == "hotspot"))
    assert alert.unit_id is None and "西北湖小区停水" in alert.message and "5 件诉求" in alert.message

    token = create_token(demo_hl, name="sup", role="supervisor")
    resp = await client.get("/api/v1/hotspots?range=today", headers={"Authorization": f"Bearer {token}"})
    body = await resp.json()
    assert resp.status == 200 and len(body["items"]) == 1
    spot = body["items"][0]
    assert spot["appeals"] == 5 and spot["citizens"] == 5 and spot["places"][0] == "西北湖小区"
    detail = await (await client.get(f"/api/v1/hotspots/{spot['id']}",
                                     headers={"Authorization": f"Bearer {token}"})).json()
    assert detail["tickets"] == numbers
    bad = await client.get("/api/v1/hotspots?range=year", headers={"Authorization": f"Bearer {token}"})
    assert bad.status == 422 and "range" in (await bad.json())["error"]["message"]
    unit = create_token(demo_hl, name="ja", role="unit", unit_code="D-JA")
    assert (await client.get("/api/v1/hotspots", headers={"Authorization": f"Bearer {unit}"})).status == 403

    await _login(client, "supervisor")
    page = await (await client.get("/console/supervisor/hotspots")).text()
    assert "西北湖小区停水：5 件诉求，5 位市民" in page and "热点预警" in page
    drill = await (await client.get(f"/console/supervisor/hotspots/{spot['id']}")).text()
    assert all(n in drill for n in numbers)


async def test_operator_page_lists_repeats_and_merges_in_one_click(client, demo_hl, actors, clock):
    first = _file(demo_hl, actors, clock, OUTAGE[0], 1)
    second = _file(demo_hl, actors, clock, OUTAGE[1], 2)
    await _login(client, "operator")
    html = await (await client.get(f"/console/tickets/{second}")).text()
    assert "疑似重复诉求（1 件）" in html and first in html and "同一地点、同一问题：西北湖小区停水" in html
    csrf = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
    resp = await client.post(f"/console/tickets/{second}/merge", data={"_csrf": csrf, "into": first, "note": "并单"})
    assert resp.status == 200
    assert tickets.get_ticket(demo_hl, actor=actors["operator"], number=second)["merged_into"] == first


def test_monthly_report_gets_hotspot_and_monthly_topic_sheets(demo_hl, actors, clock, tmp_path):
    from openpyxl import load_workbook

    from rectification.report import monthly_report

    clock.set(clock.now.replace(month=2, day=10))
    _file(demo_hl, actors, clock, "江岸区解放大道百步亭花园停水了", 1)                  # February
    _file(demo_hl, actors, clock, "武昌区中南路水果湖小区停水一天了", 2)
    clock.set(clock.now.replace(month=3, day=2))
    numbers = [_file(demo_hl, actors, clock, text, n) for n, text in enumerate(OUTAGE)]  # March
    hotspots.refresh(demo_hl)
    out = monthly_report(demo_hl, "2026-03", tmp_path)
    wb = load_workbook(out["xlsx"])
    hot = [[c.value for c in row] for row in wb["热点问题"].iter_rows(min_row=2)]
    assert hot[0][1] == "西北湖小区停水：5 件诉求，5 位市民，近24小时新增 5 件" and hot[0][3] == 5
    topics = [[c.value for c in row] for row in wb["每月一题候选"].iter_rows(min_row=2)]
    assert topics[0][1] == "停水" and topics[0][3] == 7 and topics[0][4] == 2 and topics[0][6] == 1
    assert "每月一题候选" in open(out["html"], encoding="utf-8").read() and numbers
