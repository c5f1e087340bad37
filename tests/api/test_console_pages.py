"""The consoles over HTTP (no browser): sign-in, sessions, CSRF, role checks, every page renders."""
from __future__ import annotations


import pytest

from hotline.demo import DEMO_PASSWORD
from hotline.services import tickets
from hotline.web.app import create_app
from tests.api.conftest import console_login, csrf_of

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture
async def client(aiohttp_client, demo_hl):
    return await aiohttp_client(create_app(demo_hl))


def _new_ticket(hl, actors, content):
    view, _ = tickets.create_ticket(hl, actor=actors["operator"], data={"content": content, "channel": "phone",
                                                                        "contact_name": "张三",
                                                                        "contact_phone": "13912345678"})
    return tickets.get_ticket(hl, actor=actors["operator"], number=view["number"])


async def test_root_redirects_to_login_then_to_the_role_console(client):
    resp = await client.get("/", allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/login"
    resp = await console_login(client, "operator")
    assert resp.status == 303 and resp.headers["Location"] == "/console/operator"
    cookie = resp.cookies["hl_session"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    resp = await client.get("/", allow_redirects=False)
    assert resp.headers["Location"] == "/console/operator"


async def test_wrong_password_says_so_in_chinese_and_keeps_the_username(client):
    resp = await console_login(client, "operator", "wrong-password")
    assert resp.status == 401
    html = await resp.text()
    assert "用户名或密码错误" in html and 'value="operator"' in html


async def test_login_without_csrf_is_refused(client):
    resp = await client.post("/login", data={"username": "operator", "password": DEMO_PASSWORD},
                             allow_redirects=False)
    assert resp.status == 403
    assert "hl_session" not in resp.cookies


ROLE_PAGES = {
    "operator": ["/console/operator", "/console/operator/callbacks", "/console/operator/new", "/console/tickets",
                 "/console/tickets?q=占道&overdue=0"],
    "jiangan": ["/console/unit", "/console/unit/notices", "/console/unit/figures", "/console/tickets",
                "/console/unit/rectification"],
    "supervisor": ["/console/supervisor", "/console/supervisor/rankings", "/console/supervisor/overdue",
                   "/console/supervisor/decisions", "/console/supervisor/appeals", "/console/supervisor/report",
                   "/console/supervisor?days=7"],
    "admin": ["/console/admin", "/console/admin/units", "/console/admin/users", "/console/admin/categories",
              "/console/admin/routing", "/console/admin/rules", "/console/admin/holidays",
              "/console/admin/channels", "/console/operator", "/console/supervisor"],
}


@pytest.mark.parametrize("username", sorted(ROLE_PAGES))
async def test_every_page_of_a_role_renders(client, demo_hl, actors, username):
    _new_ticket(demo_hl, actors, "江岸区占道经营严重")
    _new_ticket(demo_hl, actors, "想问一下这个怎么办理")
    await console_login(client, username)
    for path in ROLE_PAGES[username]:
        resp = await client.get(path)
        assert resp.status == 200, (path, await resp.text())
        assert "<html" in await resp.text()


async def test_pages_of_another_role_are_forbidden(client):
    await console_login(client, "jiangan")
    for path in ("/console/operator", "/console/supervisor", "/console/admin/users", "/console/export/rankings.xlsx"):
        resp = await client.get(path)
        assert resp.status == 403, path
        assert "无权" in await resp.text()


async def test_unit_cannot_open_another_units_ticket(client, demo_hl, actors):
    mine = _new_ticket(demo_hl, actors, "江岸区占道经营严重")
    assert mine["lead_unit"] == "D-JA"
    await console_login(client, "wuchang")
    resp = await client.get(f"/console/tickets/{mine['number']}")
    assert resp.status == 403
    assert "无权查看或办理其他单位的工单" in await resp.text()
    resp = await client.get(f"/console/tickets/{mine['number']}")
    assert mine["content"] not in await resp.text()


async def test_unit_sees_masked_contact(client, demo_hl, actors):
    t = _new_ticket(demo_hl, actors, "江岸区占道经营严重")
    await console_login(client, "jiangan")
    html = await (await client.get(f"/console/tickets/{t['number']}")).text()
    assert "13912345678" not in html and "张三" not in html


async def test_console_action_without_csrf_is_refused(client, demo_hl, actors):
    t = _new_ticket(demo_hl, actors, "江岸区占道经营严重")
    await console_login(client, "jiangan")
    resp = await client.post(f"/console/tickets/{t['number']}/sign", data={}, allow_redirects=False)
    assert resp.status == 403
    assert tickets.get_ticket(demo_hl, actor=actors["operator"], number=t["number"])["status"] == "dispatched"
    page = await (await client.get(f"/console/tickets/{t['number']}")).text()
    resp = await client.post(f"/console/tickets/{t['number']}/sign", data={"_csrf": csrf_of(page)},
                             allow_redirects=False)
    assert resp.status == 303
    assert tickets.get_ticket(demo_hl, actor=actors["operator"], number=t["number"])["status"] == "signed"


async def test_api_accepts_the_session_cookie_but_needs_the_csrf_header_to_change(client, demo_hl, actors):
    t = _new_ticket(demo_hl, actors, "江岸区占道经营严重")
    await console_login(client, "jiangan")
    resp = await client.get(f"/api/v1/tickets/{t['number']}")
    assert resp.status == 200
    resp = await client.post(f"/api/v1/tickets/{t['number']}/sign", json={})
    assert resp.status == 403
    page = await (await client.get(f"/console/tickets/{t['number']}")).text()
    resp = await client.post(f"/api/v1/tickets/{t['number']}/sign", json={}, headers={"X-CSRF-Token": csrf_of(page)})
    assert resp.status == 200 and (await resp.json())["status"] == "signed"


async def test_form_error_keeps_what_was_typed(client, demo_hl, actors):
    t = _new_ticket(demo_hl, actors, "江岸区占道经营严重")
    await console_login(client, "jiangan")
    page = await (await client.get(f"/console/tickets/{t['number']}")).text()
    resp = await client.post(f"/console/tickets/{t['number']}/extension",
                             data={"_csrf": csrf_of(page), "workdays": "三天", "reason": "需要协调多个部门"})
    assert resp.status == 422
    html = await resp.text()
    assert "延期天数须为整数" in html and "需要协调多个部门" in html


async def test_logout_ends_the_session(client):
    await console_login(client, "operator")
    page = await (await client.get("/console/operator")).text()
    resp = await client.post("/logout", data={"_csrf": csrf_of(page)}, allow_redirects=False)
    assert resp.status == 303
    resp = await client.get("/console/operator", allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"].startswith("/login")


async def test_xlsx_export_of_a_table(client, demo_hl, actors):
    from io import BytesIO

    from openpyxl import load_workbook

    t = _new_ticket(demo_hl, actors, "江岸区占道经营严重")
    await console_login(client, "supervisor")
    resp = await client.get("/console/export/tickets.xlsx")
    assert resp.status == 200
    sheet = load_workbook(BytesIO(await resp.read())).active
    rows = list(sheet.values)
    assert rows[0][0] == "工单编号"
    assert any(r[0] == t["number"] for r in rows[1:])


async def test_the_search_list_pages_with_next_and_previous_links(client, demo_hl, actors, monkeypatch):
    from hotline.console import web as console_web

    monkeypatch.setattr(console_web, "SEARCH_PAGE", 2)
    numbers = [_new_ticket(demo_hl, actors, f"江岸区占道经营严重{i}")["number"] for i in range(5)]
    await console_login(client, "operator")

    links = _pager

    def listed(page):
        return sorted((n for n in numbers if n in page), key=page.index)     # in the page's order

    page = await (await client.get("/console/tickets?q=占道")).text()
    seen = listed(page)
    assert "上一页" not in links(page)
    while "下一页" in links(page):
        page = await (await client.get("/console/tickets" + links(page)["下一页"])).text()
        seen += listed(page)
    assert seen == list(reversed(numbers))                  # newest first, each once
    back = await (await client.get("/console/tickets" + links(page)["上一页"])).text()
    assert listed(back) == seen[2:4]



def _pager(page: str) -> dict[str, str]:
    """The 上一页 / 下一页 links of a console list page."""
    import html as html_lib
    import re

    return {label: html_lib.unescape(href)
            for href, label in re.findall(r'<a href="(\?[^"]*)">(上一页|下一页)</a>', page)}


@pytest.mark.parametrize("path, setting, username, content", [
    ("/console/unit", "INBOX_PAGE", "jiangan", "江岸区占道经营严重"),
    ("/console/operator", "TRIAGE_PAGE", "operator", "不知道说什么"),
])
async def test_a_console_queue_pages_with_next_and_previous_links(client, demo_hl, actors, monkeypatch, path, setting,
                                                                  username, content):
    from hotline.console import web as console_web

    monkeypatch.setattr(console_web, setting, 2)
    numbers = [_new_ticket(demo_hl, actors, f"{content}{i}")["number"] for i in range(5)]
    await console_login(client, username)
    page = await (await client.get(path)).text()
    assert "共 5 件" in page
    seen = [n for n in numbers if n in page.split("已答复")[0]]
    while "下一页" in _pager(page):
        page = await (await client.get(path + _pager(page)["下一页"])).text()
        seen += [n for n in numbers if n in page.split("已答复")[0]]
    assert sorted(seen) == sorted(numbers) and len(seen) == 5            # every ticket once
    assert "上一页" in _pager(page)


def _set(hl, numbers, **values):
    from sqlalchemy import update

    from models import Ticket

    with hl.sessions() as s:
        s.execute(update(Ticket).where(Ticket.number.in_(numbers)).values(**values))
        s.commit()


async def test_the_overdue_page_pages_each_of_its_lists_and_keeps_the_other_on_its_page(client, demo_hl, actors,
                                                                                         monkeypatch):
    from datetime import timedelta

    from hotline.console import supervisor

    monkeypatch.setattr(supervisor, "OVERDUE_PAGE", 2)
    numbers = [_new_ticket(demo_hl, actors, f"江岸区占道经营严重{i}")["number"] for i in range(9)]
    overdue, closed, supervised = numbers[:5], numbers[5], numbers[5:]     # the closed one is in neither list
    _set(demo_hl, overdue + [closed], overdue=True)
    _set(demo_hl, [closed], status="closed")
    now = demo_hl.now()
    for i, number in enumerate(supervised):     # later deadlines first in creation order
        _set(demo_hl, [number], supervision_level="supervised", complete_due=now + timedelta(days=10 - i))
    await console_login(client, "supervisor")

    def lists(page):
        first, second = page.split("督办 / 通报中的工单")
        return (sorted((n for n in numbers if n in first), key=first.index),
                sorted((n for n in numbers if n in second), key=second.index), _pager(first), _pager(second))

    page = await (await client.get("/console/supervisor/overdue")).text()
    assert "共 5 件" in page and "共 3 件" in page
    shown, other, pager, spager = lists(page)
    seen = shown
    assert "上一页" not in pager and len(other) == 2 and "下一页" in spager
    while "下一页" in pager:
        page = await (await client.get("/console/supervisor/overdue" + pager["下一页"])).text()
        shown, still, pager, _ = lists(page)
        assert still == other                   # the 督办 list stays on its first page
        seen += shown
    assert sorted(seen) == sorted(overdue) and len(seen) == 5 and closed not in seen     # open ones, each once
    on_last = shown
    page = await (await client.get("/console/supervisor/overdue" + lists(page)[3]["下一页"])).text()
    shown, more, pager, spager = lists(page)
    assert shown == on_last and "上一页" in spager and "下一页" not in spager    # the first list kept its page
    assert other + more == list(reversed(supervised[1:]))       # the earliest deadline first, each once
    page = await (await client.get("/console/supervisor/overdue" + spager["上一页"])).text()
    assert lists(page)[1] == other


async def test_the_callbacks_page_pages_by_callback_deadline(client, demo_hl, actors, monkeypatch):
    from datetime import timedelta

    from hotline.console import web as console_web

    monkeypatch.setattr(console_web, "CALLBACKS_PAGE", 2)
    numbers = [_new_ticket(demo_hl, actors, f"江岸区占道经营严重{i}")["number"] for i in range(6)]
    now = demo_hl.now()
    for i, number in enumerate(numbers[:5]):    # the newest is due first
        _set(demo_hl, [number], status="answered" if i % 2 else "callback", callback_due=now + timedelta(hours=10 - i))
    await console_login(client, "operator")
    page = await (await client.get("/console/operator/callbacks")).text()
    assert "共 5 件" in page
    seen = sorted((n for n in numbers if n in page), key=page.index)
    while "下一页" in _pager(page):
        page = await (await client.get("/console/operator/callbacks" + _pager(page)["下一页"])).text()
        seen += sorted((n for n in numbers if n in page), key=page.index)
    assert seen == list(reversed(numbers[:5]))       # earliest callback deadline first, each once; not the 6th
    assert "上一页" in _pager(page)
    _set(demo_hl, [numbers[4]], reply_weak=True)     # 工单质检 flagged the unit's answer: the row says so
    _set(demo_hl, [numbers[3]], reply_weak=False)
    page = await (await client.get("/console/operator/callbacks")).text()
    rows = {n: page[page.index(n):page.index("</tr>", page.index(n))] for n in numbers[3:5]}
    assert "答复待核" in rows[numbers[4]] and "答复待核" not in rows[numbers[3]] and page.count("答复待核") == 1
