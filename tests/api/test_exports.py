"""Exports of any size: every row of the list, with the page's filters, streamed (openpyxl write-only)."""
from __future__ import annotations

from datetime import timedelta
from io import BytesIO

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert, select

from hotline.demo import DEMO_PASSWORD, load_demo
from hotline.services import tickets
from hotline.web.app import create_app

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
def month_hl(hl, actors, clock):
    """The demo city with a month of 493 tickets, bulk-inserted (SQL, not the ORM loop)."""
    from models import Ticket, Unit

    router = hl.router
    load_demo(hl)
    hl.router = router
    with hl.uow() as uow:
        s = uow.session
        units = dict(s.execute(select(Unit.code, Unit.id).where(Unit.code.in_(["D-JA", "D-WC"]))).all())
        start = clock.now - timedelta(days=30)
        rows = []
        for i in range(493):
            at = start + timedelta(hours=i * 1.4)
            rows.append({"number": f"20261101{i:04d}", "channel": "phone", "content": f"第{i}件诉求：路灯不亮",
                         "title": f"路灯不亮 {i}" + ("\x07" if i == 7 else ""),  # a control character
                         "status": "closed" if i % 3 == 0 else "dispatched",
                         "lead_unit_id": units["D-JA"] if i % 2 else units["D-WC"], "created_at": at,
                         "updated_at": at, "complete_due": at + timedelta(days=14), "appeal_type": "help",
                         "urgency": "normal", "hide_identity": False, "share_contact": False, "overdue": i % 10 == 0,
                         "binding_dispatch": False, "supervision_level": "none", "intake_state": "done",
                         "intake_attempts": 1, "extension_workdays": 0, "return_count": 0, "reopen_count": 0,
                         "version_id": 1})
        s.execute(insert(Ticket), rows)
        uow.commit()
    return hl


async def _login(client, username):
    import re

    page = await client.get("/login")
    html = await page.text()
    assert page.status == 200, html[:2000]
    csrf = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
    resp = await client.post("/login", data={"username": username, "password": DEMO_PASSWORD, "_csrf": csrf},
                             allow_redirects=False)
    assert resp.status == 303


async def _sheet(client, url):
    resp = await client.get(url)
    assert resp.status == 200, await resp.text()
    assert resp.headers["Content-Type"].startswith("application/vnd.openxmlformats")
    return list(load_workbook(BytesIO(await resp.read()), read_only=True).active.values)


async def test_a_month_of_tickets_exports_whole_with_the_pages_filters(aiohttp_client, month_hl, actors):
    client = await aiohttp_client(create_app(month_hl))
    await _login(client, "supervisor")
    rows = await _sheet(client, "/console/export/tickets.xlsx")
    assert rows[0][0] == "工单编号" and len(rows) - 1 == 493
    assert len({r[0] for r in rows[1:]}) == 493
    assert "路灯不亮 7" in {r[1] for r in rows[1:]}  # the control character was dropped, not the row
    closed = await _sheet(client, "/console/export/tickets.xlsx?status=closed&unit=D-JA")
    listed = tickets.list_tickets(month_hl, actor=actors["supervisor"], status="closed", unit="D-JA")
    assert len(closed) - 1 == listed["total"] == len([i for i in range(493) if i % 3 == 0 and i % 2])
    assert {r[4] for r in closed[1:]} == {"已办结"} and {r[5] for r in closed[1:]} == {"江岸区人民政府"}
    # the first page of the list and the export agree on the order
    assert [r[0] for r in closed[1:51]] == [t["number"] for t in listed["items"]]
    overdue = await _sheet(client, "/console/export/overdue.xlsx")
    assert len(overdue) - 1 == 50


async def test_a_unit_exports_only_its_own_tickets(aiohttp_client, month_hl):
    client = await aiohttp_client(create_app(month_hl))
    await _login(client, "jiangan")
    rows = await _sheet(client, "/console/export/tickets.xlsx")
    assert len(rows) - 1 == 246 and {r[5] for r in rows[1:]} == {"江岸区人民政府"}
