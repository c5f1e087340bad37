"""The simulated month through the real service layer, and the monthly report built from it."""
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from hotline.cli import main
from hotline.simulate import simulate
from models import RectificationCase, Review, Ticket
from rectification import metrics
from rectification.report import build_monthly, monthly_report


@pytest.fixture
def simulated(hl, clock):
    summary = simulate(hl, days=10, seed=7, start=date(2026, 9, 24), scale=0.25)
    return hl, summary


def test_simulation_fills_the_city_and_restores_the_clock(simulated, clock):
    hl, summary = simulated
    assert hl.clock is clock and summary["start"] == "2026-09-24" and summary["end"] == "2026-10-03"
    counts = summary["counts"]
    for channel in ("phone", "miniprogram", "bot", "web", "open311"):
        assert counts.get(f"ticket:{channel}", 0) > 0, channel
    for step in ("dispatch", "sign", "review:window", "case"):
        assert counts.get(step, 0) > 0, step
    with hl.sessions() as s:
        assert s.scalar(select(func.count(Ticket.id))) == summary["tickets"]
        assert s.scalar(select(func.count(Review.id)).where(Review.is_default.is_(False))) == summary["reviews"]
        bad = s.scalar(select(func.count(Review.id)).where(Review.level <= 2))
        assert bad == s.scalar(select(func.count(RectificationCase.id))) and bad > 0
        channels = set(s.scalars(select(Review.channel).distinct()))
        assert {"tablet", "qr"} <= channels
        last = s.scalar(select(func.max(Ticket.created_at)))
    assert hl.calendar.local_date(last) <= date(2026, 10, 3)


def test_simulation_is_deterministic_with_the_seed(make_hotline, tmp_path, clock):
    from hotline import db

    runs = []
    for name in ("a", "b"):
        url = f"sqlite:///{tmp_path / name}.sqlite3"
        db.upgrade(url)
        hl = make_hotline(url)
        runs.append(simulate(hl, days=3, seed=99, start=date(2026, 3, 2), scale=0.2))
    assert runs[0] == runs[1] and runs[0]["tickets"] > 0


def test_monthly_report_writes_sheets_and_charts(simulated, tmp_path):
    hl, _ = simulated
    data = build_monthly(hl, "2026-09")
    assert [t["day"] for t in data["trend"]][0] == "2026-09-01" and len(data["trend"]) == 30
    start, end = metrics.month_bounds("2026-09", hl.calendar.tz)
    assert data["city"]["counts"]["rated"] == metrics.figures(hl, view="all", start=start, end=end)["rows"][0]["counts"]["rated"]
    assert sum(t["rated"] for t in data["trend"]) == data["city"]["counts"]["rated"]
    written = monthly_report(hl, "2026-09", tmp_path / "out")
    wb = load_workbook(written["xlsx"])
    assert wb.sheetnames == ["全市概览", "单位排名", "按窗口", "按工作人员", "按事项", "按渠道", "每日趋势", "热点问题",
                             "每月一题候选", "指标口径"]
    ranking = wb["单位排名"]
    assert [c.value for c in ranking[1]][:4] == ["名次", "末位", "编码", "名称"]
    assert ranking.max_row - 1 == len(data["views"]["unit"])
    assert sum(1 for row in ranking.iter_rows(min_row=2, values_only=True) if row[1] == "末位") == \
        sum(1 for r in data["views"]["unit"] if r["bottom"])
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 3 and "末位单位" in page and "http" not in page.replace("http://www.w3.org/2000/svg", "")


def test_report_command(hl, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HOTLINE_DATABASE_URL", hl.settings.effective_database_url)
    assert main(["--data-dir", str(tmp_path / "d"), "report", "monthly", "--month", "2026-03",
                 "--out", str(tmp_path / "r")]) == 0
    assert (tmp_path / "r" / "report.xlsx").is_file() and (tmp_path / "r" / "report.html").is_file()
    assert "考核月报" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "d"), "report", "monthly", "--month", "2026-3x",
                 "--out", str(tmp_path / "r")]) == 2
