"""The holiday table keeps up: a change from another process reaches a running one, open deadlines
across a changed day move with an audit entry, next year's missing days are warned of from
1 November, and the State Council's notice imports as a small file."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest
from sqlalchemy import select

from tests.conftest import REPO, beijing
from hotline.services import tickets
from hotline.services.holidays import DayChange, calendar_warnings, parse_notice

# The 2026 notice as published (国办发明电〔2025〕7号), abridged to its holiday lines.
NOTICE_2026 = """国务院办公厅关于2026年部分节假日安排的通知
一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、国庆节、中秋节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
"""


def test_the_2026_notice_agrees_with_the_published_calendar():
    import chinese_calendar

    days = parse_notice(NOTICE_2026)
    assert len([d for d in days if not d.workday]) == 3 + 9 + 3 + 5 + 3 + 7
    assert [d.day for d in days if d.workday] == [date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28),
                                                  date(2026, 5, 9), date(2026, 9, 20), date(2026, 10, 10)]
    for d in days:  # every day the parser read is what chinesecalendar publishes for 2026
        assert chinese_calendar.is_workday(d.day) is d.workday, d
    notes = {d.day: d.note for d in days}
    assert notes[date(2026, 2, 17)] == "春节" and notes[date(2026, 2, 14)] == "春节调休上班"


def test_a_notice_crossing_the_year_and_simple_lines():
    text = ("国务院办公厅关于2027年部分节假日安排的通知\n"
            "一、元旦：2026年12月31日（周四）至2027年1月2日（周六）放假调休，共3天。2026年12月27日（周日）上班。\n")
    days = {d.day: d.workday for d in parse_notice(text)}
    assert days == {date(2026, 12, 31): False, date(2027, 1, 1): False, date(2027, 1, 2): False,
                    date(2026, 12, 27): True}
    simple = parse_notice("2027-01-01 off 元旦\n2027-02-06 work 春节调休\n")
    assert [(d.day, d.workday, d.note) for d in simple] == [(date(2027, 1, 1), False, "元旦"),
                                                            (date(2027, 2, 6), True, "春节调休")]
    from hotline.errors import InvalidInput

    with pytest.raises(InvalidInput, match="无法从通知中确定年份"):
        parse_notice("一、元旦：1月1日放假。")


@pytest.fixture
def december(clock):
    clock.set(beijing(2026, 12, 1, 10, 0))
    return clock


def test_healthz_warnings_from_november(hl, december):
    warnings = calendar_warnings(hl)
    assert any("2027 年的节假日尚未录入" in w for w in warnings)
    assert calendar_warnings(hl, beijing(2026, 10, 31, 10, 0)) == []


def test_a_change_from_another_process_moves_open_deadlines_with_an_audit_entry(hl, actors, clock, monkeypatch,
                                                                                database_url, tmp_path):
    import hotline.bootstrap as boot
    from models import AuditEvent, Ticket

    clock.set(beijing(2026, 12, 28, 10, 0))  # a Monday; a complaint has 15 working days
    view, _ = tickets.create_ticket(hl, actor=actors["operator"],
                                    data={"content": "江岸区解放大道小区门口占道经营，早高峰堵路", "channel": "phone",
                                          "appeal_type": "complaint"})
    number = view["number"]
    due = tickets.get_ticket(hl, actor=actors["operator"], number=number)["complete_due"]
    assert due.startswith("2027-01-18")  # plain weekends: 2027 is not in chinesecalendar 1.11
    # `hotline holidays set` in another process, on the same database
    env = dict(os.environ, PYTHONPATH=str(REPO), HOTLINE_DATABASE_URL=database_url,
               HOTLINE_DATA_DIR=str(tmp_path / "cli-data"))
    out = subprocess.run([sys.executable, "-m", "hotline", "holidays", "set", "2027-01-01", "off", "--note", "元旦"],
                         env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "重新计算时限：工单 1 件" in out.stdout
    # the running process sees it on its next unit of work (its poll interval made immediate here)
    monkeypatch.setattr(boot, "CALENDAR_POLL_SECONDS", 0.0)
    assert hl.calendar.is_workday(date(2027, 1, 1))  # not yet reloaded
    with hl.uow():
        pass
    assert not hl.calendar.is_workday(date(2027, 1, 1))
    full = tickets.get_ticket(hl, actor=actors["operator"], number=number)
    assert full["complete_due"].startswith("2027-01-19")
    with hl.sessions() as s:
        tid = s.scalar(select(Ticket.id).where(Ticket.number == number))
        entry = s.scalars(select(AuditEvent).where(AuditEvent.ticket_id == tid,
                                                   AuditEvent.action == "recompute_deadlines")).one()
    assert entry.data["complete_due"] == {"from": "2027-01-18", "to": "2027-01-19"}
    assert "2027-01-01" in entry.reason
    # a deadline that does not cross the changed day is left alone, and running it again moves nothing
    from hotline.services.holidays import change_days

    result = change_days(hl, [DayChange(date(2027, 3, 1), True, "测试")])
    assert result["tickets_moved"] == []


def test_a_rectification_case_moves_too_and_the_cli_imports_a_notice(hl, actors, clock, tmp_path, capsys):
    from hotline.cli import main
    from models import AuditEvent, RectificationCase
    from rectification import services as rect

    clock.set(beijing(2026, 12, 21, 10, 0))  # a 差评 on Monday 21 December: 15 working days to rectify
    rect.create_window(hl, code="W-T1", name="测试窗口", unit_code="D-JA")
    rect.submit_review(hl, actor=actors["channel"], data={"target": "window", "window_code": "W-T1",
                                                          "channel": "tablet", "level": 1,
                                                          "reason_tags": ["服务态度差"]})
    with hl.sessions() as s:
        before = s.scalar(select(RectificationCase.rectify_due))
    assert hl.calendar.local_date(before) == date(2027, 1, 11)
    notice = tmp_path / "2027.txt"
    notice.write_text("国务院办公厅关于2027年部分节假日安排的通知\n"
                      "一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n", encoding="utf-8")
    os.environ["HOTLINE_DATABASE_URL"] = hl.settings.effective_database_url
    try:
        code = main(["--data-dir", str(hl.settings.data_dir), "holidays", "import", str(notice)])
    except SystemExit as exc:  # pragma: no cover - argparse errors
        code = exc.code
    finally:
        del os.environ["HOTLINE_DATABASE_URL"]
    out = capsys.readouterr().out
    assert code == 0 and "已导入 3 天：放假 3 天" in out and "整改单 1 件" in out
    with hl.sessions() as s:
        case = s.scalar(select(RectificationCase))
        entry = s.scalars(select(AuditEvent).where(AuditEvent.subject_type == "rectification",
                                                   AuditEvent.action == "recompute_deadlines")).one()
    assert hl.calendar.local_date(case.rectify_due) == date(2027, 1, 12)
    assert entry.subject_id == case.id and entry.data["rectify_due"] == {"from": "2027-01-11", "to": "2027-01-12"}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
async def test_healthz_and_the_consoles_warn_on_1_december(hl, december, aiohttp_client):
    import re

    from hotline.demo import DEMO_PASSWORD, load_demo
    from hotline.web.app import create_app

    router = hl.router
    load_demo(hl)
    hl.router = router
    client = await aiohttp_client(create_app(hl))
    health = await (await client.get("/healthz")).json()
    assert any("2027 年的节假日尚未录入" in w for w in health["warnings"])
    for user, path in (("supervisor", "/console/supervisor"), ("admin", "/console/admin")):
        html = await (await client.get("/login")).text()
        csrf = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
        await client.post("/login", data={"username": user, "password": DEMO_PASSWORD, "_csrf": csrf})
        page = await (await client.get(path)).text()
        assert "2027 年的节假日尚未录入" in page, user
    # once the days are entered the warning is gone
    from hotline.services.holidays import change_days

    change_days(hl, parse_notice("2027-01-01 off 元旦\n"))
    health = await (await client.get("/healthz")).json()
    assert health["warnings"] == []
