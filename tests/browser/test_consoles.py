"""People doing their day's work in a real browser: operator, unit staff, supervisor."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from hotline.services import tickets
from tests.browser.conftest import login

pytestmark = pytest.mark.browser


def _ticket(hl, content: str, **extra) -> dict:
    from hotline.domain.vocab import Role
    from hotline.services.actors import Actor

    operator = Actor(kind="user", name="话务员", role=Role.operator, id="user:test-op")
    view, _ = tickets.create_ticket(hl, actor=operator, data={"content": content, "channel": "phone",
                                                              "contact_name": "张三",
                                                              "contact_phone": "13912345678", **extra})
    return tickets.get_ticket(hl, actor=operator, number=view["number"])


def _status(hl, number: str) -> str:
    from models import Ticket

    with hl.sessions() as s:
        return s.scalar(select(Ticket.status).where(Ticket.number == number))


def test_operator_triages_corrects_and_dispatches(demo, server, new_page):
    t = _ticket(demo, "楼下有人每天深夜施工，影响休息，希望有关部门处理")
    assert t["status"] == "triage"
    page = new_page()
    login(page, server.url, "operator")
    assert page.url.endswith("/console/operator")
    page.click(f"text={t['number']}")
    page.wait_for_url(f"**/console/tickets/{t['number']}")
    assert "分类置信度不足" in page.inner_text("main")
    # the router's suggestion is preselected
    assert page.input_value("#dispatch-unit") == t["routing"]["unit"]
    page.select_option("#form-correct select[name=category]", label="环境保护")
    page.select_option("#form-correct select[name=appeal_type]", "complaint")
    page.click("#form-correct button")
    assert "分类已更正" in page.inner_text(".flash.ok")
    page.select_option("#dispatch-unit", "D-JA")
    page.fill("#form-dispatch input[name=note]", "夜间施工噪音，请江岸区处理")
    page.click("#form-dispatch button")
    assert "派单" in page.inner_text(".flash.ok")
    assert "江岸区" in page.inner_text("dl.facts")
    assert _status(demo, t["number"]) == "dispatched"
    from models import TrainingExample

    with demo.sessions() as s:
        labels = set(s.scalars(select(TrainingExample.label)))
    assert {"环境保护", "complaint"} <= labels
    page.goto(f"{server.url}/console/operator")
    assert t["number"] not in page.inner_text("main")


def test_unit_signs_and_answers_then_operator_closes_by_callback(demo, server, new_page):
    t = _ticket(demo, "江岸区解放大道有商贩占道经营，堵塞人行道")
    assert t["status"] == "dispatched" and t["lead_unit"] == "D-JA"
    unit = new_page(1024, 768)  # a tablet-sized screen
    login(unit, server.url, "jiangan")
    assert unit.url.endswith("/console/unit")
    unit.click(f"text={t['number']}")
    assert "13912345678" not in unit.content() and "张三" not in unit.content()
    unit.click("#btn-sign")
    assert "签收" in unit.inner_text(".flash.ok")
    unit.fill("#form-answer textarea[name=answer]", "短")
    unit.click("#form-answer button")
    assert "答复内容过短" in unit.inner_text(".flash.err")
    assert unit.input_value("#form-answer textarea[name=answer]") == "短"
    unit.fill("#form-answer textarea[name=answer]", "已联合街道清理占道摊点，并安排每日巡查。")
    unit.click("#form-answer button")
    assert "已答复" in unit.inner_text("h1")
    assert _status(demo, t["number"]) == "answered"

    operator = new_page()
    login(operator, server.url, "operator")
    operator.click("text=待回访")
    operator.click(f"text={t['number']}")
    operator.check("#form-callback input[name=solved][value='1']")
    operator.select_option("#form-callback select[name=satisfaction]", "satisfied")
    operator.fill("#form-callback input[name=note]", "市民表示摊点已清理")
    operator.click("#form-callback button")
    assert "已办结" in operator.inner_text("h1")
    assert _status(demo, t["number"]) == "closed"


def test_unit_cannot_open_another_units_ticket_by_url(demo, server, new_page):
    t = _ticket(demo, "江岸区解放大道有商贩占道经营")
    assert t["lead_unit"] == "D-JA"
    page = new_page()
    login(page, server.url, "wuchang")
    response = page.goto(f"{server.url}/console/tickets/{t['number']}")
    assert response.status == 403
    assert "无权查看或办理其他单位的工单" in page.inner_text("main")
    assert "解放大道" not in page.content()
    response = page.goto(f"{server.url}/console/supervisor")
    assert response.status == 403


def test_login_locks_after_five_failures(demo, server, new_page):
    page = new_page()
    for _ in range(5):
        login(page, server.url, "operator", "not-the-password")
        assert "用户名或密码错误" in page.inner_text(".flash.err")
    login(page, server.url, "operator")  # the right password, refused with the same neutral message
    assert "用户名或密码错误，或尝试次数过多" in page.inner_text(".flash.err")
    assert "/login" in page.url


def test_a_form_with_a_forged_csrf_token_is_refused(demo, server, new_page):
    t = _ticket(demo, "江岸区解放大道有商贩占道经营")
    page = new_page()
    login(page, server.url, "jiangan")
    page.goto(f"{server.url}/console/tickets/{t['number']}")
    page.eval_on_selector_all("input[name=_csrf]", "els => els.forEach(e => e.value = 'forged')")
    page.click("#btn-sign")
    assert "CSRF" in page.inner_text("main")
    assert _status(demo, t["number"]) == "dispatched"


def test_supervisor_sees_figures_and_downloads_a_table(demo, server, new_page, tmp_path):
    _ticket(demo, "江岸区解放大道有商贩占道经营")
    page = new_page()
    login(page, server.url, "supervisor")
    assert page.url.endswith("/console/supervisor")
    assert page.locator("svg.chart").count() >= 4
    assert "受理量" in page.inner_text(".cards")
    page.click("text=单位排名")
    with page.expect_download() as info:
        page.click("text=导出 xlsx")
    path = tmp_path / "rankings.xlsx"
    info.value.save_as(path)
    from openpyxl import load_workbook

    assert list(load_workbook(path).active.values)[0][0] == "名次"
