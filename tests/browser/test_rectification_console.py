"""好差评 in the consoles: a unit handles a rectification case and appeals a review; a supervisor decides."""
from __future__ import annotations

import pytest

from rectification import services
from tests.browser.conftest import login

pytestmark = pytest.mark.browser

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")


def _bad_review(hl, case_number: str, text: str) -> dict:
    from hotline.services.actors import citizen

    view, created = services.submit_review(hl, actor=citizen("web", "citizen-1"), data={
        "target": "case", "case_number": case_number, "unit": "D-JA", "channel": "web", "level": 1,
        "text": text})
    assert created
    return view


def _case_status(hl, review_id: int) -> str:
    from models import Review

    with hl.sessions() as s:
        return s.get(Review, review_id).case.status


def test_unit_handles_a_rectification_case(demo, server, new_page, tmp_path):
    review = _bad_review(demo, "JA-2026-0301", "窗口工作人员态度差，材料要求前后不一致，来回跑了三次")
    assert review["rectification_id"]
    page = new_page()
    login(page, server.url, "jiangan")
    page.click("text=差评整改")
    page.click(f"a[href='/console/rectification/{review['rectification_id']}']")
    page.select_option("#form-case-callback select[name=outcome]", "reached")
    page.fill("#form-case-callback input[name=note]", "已电话联系评价人，情况属实")
    page.click("#form-case-callback button")
    assert "回访核实已记录（当前状态：已回访核实）" in page.inner_text(".flash.ok")
    page.select_option("#form-case-finding select[name=finding]", "fix_now")
    page.click("#form-case-finding button")
    # replying before any action is refused by the service, and the text typed is kept
    page.fill("#form-case-reply textarea[name=reply]", "已整改，材料清单统一公示。")
    page.click("#form-case-reply button")
    assert "须先登记整改措施" in page.inner_text(".flash.err")
    assert page.input_value("#form-case-reply textarea[name=reply]") == "已整改，材料清单统一公示。"
    evidence = tmp_path / "公示照片.png"
    evidence.write_bytes(PNG)
    page.fill("#form-case-action textarea[name=description]", "统一材料清单并在窗口公示，对当事人员批评教育")
    page.set_input_files("#form-case-action input[name=evidence]", str(evidence))
    page.click("#form-case-action button")
    assert "公示照片.png" in page.inner_text("main")
    page.fill("#form-case-reply textarea[name=reply]", "已整改，材料清单统一公示，并向您致歉。")
    page.click("#form-case-reply button")
    assert "已答复" in page.inner_text("h1")
    assert _case_status(demo, review["id"]) == "replied"


def test_unit_appeals_and_supervisor_decides(demo, server, new_page):
    review = _bad_review(demo, "JA-2026-0302", "随便打的")
    unit = new_page()
    login(unit, server.url, "jiangan")
    unit.goto(f"{server.url}/console/rectification/{review['rectification_id']}")
    unit.select_option("#form-appeal select[name=kind]", "mistaken")
    unit.fill("#form-appeal textarea[name=reason]", "评价人来电说明是误操作，办件已按时办结")
    unit.click("#form-appeal button")
    assert "已提交申诉" in unit.inner_text(".flash.ok")

    sup = new_page()
    login(sup, server.url, "supervisor")
    sup.click("text=评价申诉")
    row = sup.locator("#appeals tr", has_text="评价人来电说明是误操作")
    row.locator("button[value='1']").click()
    assert "复核理由" in sup.inner_text(".flash.err") or "reason" in sup.inner_text(".flash.err")
    row = sup.locator("#appeals tr", has_text="评价人来电说明是误操作")
    row.locator("input[name=reason]").fill("经核实评价人确属误操作")
    row.locator("button[value='1']").click()
    assert "已复核" in sup.inner_text(".flash.ok")
    assert "申诉成立" in sup.inner_text("#appeals")
    from models import Review

    with demo.sessions() as s:
        assert s.get(Review, review["id"]).excluded is True
    assert _case_status(demo, review["id"]) == "voided"


def test_supervisor_downloads_the_monthly_report(demo, server, new_page, tmp_path):
    page = new_page()
    login(page, server.url, "supervisor")
    page.click("text=月度报告")
    with page.expect_download() as info:
        page.click("#report-form button")
    path = tmp_path / "report.xlsx"
    info.value.save_as(path)
    from openpyxl import load_workbook

    assert load_workbook(path).sheetnames
