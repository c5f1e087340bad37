"""The figures on the consoles, the API, the xlsx exports and the monthly report are the same numbers.

``march`` (tests/conftest.py) is the hand-counted month of tests/integration/test_rect_metrics.py; ``ranked``
adds five districts whose only figure is 响应率 (so 综合得分 = 响应率 × 100) and one below the sample.
"""
from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from models import Ticket, Unit
from rectification import metrics, report

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

CARD = re.compile(r'<div class="metric[^"]*"><div class="label">([^<]+)</div><div class="value">([^<]*)</div>'
                  r'<div class="note">([^<]*)</div></div>')


def _cards(html: str, section: str) -> dict[str, tuple[str, str]]:
    block = html.split(f'id="{section}"', 1)[1]
    block = block[:block.index("\n</div>")]
    return {label: (value, note) for label, value, note in CARD.findall(block)}


async def test_the_unit_page_shows_its_own_hand_counted_figures(signed_in, march):
    client = await signed_in(march, "jiangan")
    resp = await client.get("/console/unit/figures?days=30")
    html = await resp.text()
    assert resp.status == 200
    review = _cards(html, "review-cards")
    # D-JA: 5 ratings (one default, one upheld appeal left out), 3 good, 2 差评, one of them replied
    assert review == {"评价数": ("5", "件"), "差评数": ("2", "件"), "好评率": ("60.0%", "3 / 5"),
                      "主动评价好评率": ("50.0%", "2 / 4"), "未评率": ("60.0%", "3 / 5"),
                      "差评回复率": ("50.0%", "1 / 2"), "回访整改率": ("50.0%", "1 / 2"),
                      "回访整改满意率": ("100.0%", "1 / 1")}
    hotline = _cards(html, "hotline-cards")
    # one ticket it leads (T1); T2 it returned: 回退率 = 1 returned of 2 given
    assert hotline["受理量"] == ("1", "件") and hotline["响应率"] == ("100.0%", "1 / 1")
    assert hotline["回退率"] == ("50.0%", "1 / 2") and hotline["重办率"] == ("0.0%", "0 / 1")
    for internal in ("view_label", "view", "from", "to"):
        assert f'<div class="label">{internal}</div>' not in html


async def test_the_supervisor_dashboard_shows_the_city_figures(signed_in, march):
    client = await signed_in(march, "supervisor")
    html = await (await client.get("/console/supervisor?days=30")).text()
    review = _cards(html, "review-cards")
    assert review["评价数"] == ("7", "件") and review["好评率"] == ("57.1%", "4 / 7")
    assert review["未评率"] == ("71.4%", "5 / 7")
    hotline = _cards(html, "hotline-cards")
    assert hotline["受理量"] == ("2", "件") and hotline["响应率"] == ("50.0%", "1 / 2")
    assert hotline["重办率"] == ("50.0%", "1 / 2")


async def test_a_unit_below_the_sample_is_listed_without_a_score(signed_in, march):
    client = await signed_in(march, "supervisor")
    html = await (await client.get("/console/supervisor/rankings?month=2026-03")).text()
    rows = dict(re.findall(r'<tr class="[^"]*" data-unit="([^"]+)">(.*?)</tr>', html, re.S))
    ja = metrics.score(metrics.row_of(metrics.figures(march, view="unit", unit="D-JA")["rows"]))
    assert rows["D-JA"].startswith("<td>1</td><td>江岸区人民政府</td>") and f"<b>{ja:.2f}</b>" in rows["D-JA"]
    assert rows["D-WC"].startswith("<td>不参评</td>")  # its score cell says why, with no number
    assert rows["D-WC"].endswith('<td><span class="muted">样本不足（3 件，至少 5 件）</span></td><td></td>')
    assert metrics.METHOD in html


@pytest.fixture
def ranked(march):
    """Five districts with 5 tickets each in March, 5, 4, 3, 2 and 1 of them signed on time; D-XZ 2 tickets."""
    when = march.now() - timedelta(hours=1)
    plan = {"D-JH": 5, "D-QK": 4, "D-HY": 3, "D-QS": 2, "D-HN": 1, "D-XZ": 1}
    with march.sessions() as s:
        units = {u.code: u.id for u in s.query(Unit).filter(Unit.code.in_(plan))}
        n = 0
        for code, on_time in plan.items():
            for i in range(2 if code == "D-XZ" else 5):
                n += 1
                s.add(Ticket(number=f"T-RANK-{n:03d}", channel="phone", content="排名测试", lead_unit_id=units[code],
                             status="signed", created_at=when, signed_at=when, signed_on_time=i < on_time))
        s.commit()
    return march


async def test_the_page_the_api_the_export_and_the_report_name_the_same_bottom_units(
        signed_in, ranked, tmp_path):
    client = await signed_in(ranked, "supervisor")
    html = await (await client.get("/console/supervisor/rankings?month=2026-03&kind=district")).text()
    bottom_on_page = re.findall(r'<tr class="row-bottom" data-unit="([^"]+)">', html)
    # ranked: D-JA (its own figures), D-JH 100, D-QK 80, D-HY 60, D-QS 40, D-HN 20 → the last three
    assert bottom_on_page == ["D-HY", "D-QS", "D-HN"]
    assert re.search(r'data-unit="D-JH"><td>\d</td><td>江汉区人民政府</td>.*?<b>100\.00</b>', html, re.S)
    assert re.search(r'data-unit="D-XZ"><td>不参评</td>', html)

    api = await client.get("/api/v1/metrics?view=unit&from=2026-03-01&to=2026-03-31")
    rows = (await api.json())["rows"]
    assert [r["key"] for r in rows if r["bottom"]] == bottom_on_page
    assert {r["key"]: r["score"] for r in rows}["D-XZ"] is None

    export = await client.get("/console/export/rankings.xlsx?month=2026-03")
    sheet = load_workbook(io.BytesIO(await export.read())).active
    header = [c.value for c in sheet[1]]
    lines = [dict(zip(header, [c.value for c in row])) for row in sheet.iter_rows(min_row=2)]
    assert [x["单位"] for x in lines if x["末位"] == "末位"] == ["汉阳区人民政府", "青山区人民政府", "汉南区人民政府"]
    assert [x["综合得分"] for x in lines if x["单位"] == "硚口区人民政府"] == [80.0]

    written = report.monthly_report(ranked, "2026-03", tmp_path)
    units = load_workbook(written["xlsx"])["单位排名"]
    header = [c.value for c in units[1]]
    lines = [dict(zip(header, [c.value for c in row])) for row in units.iter_rows(min_row=2)]
    assert [x["编码"] for x in lines if x["末位"] == "末位"] == bottom_on_page
    assert [(x["名次"], x["综合得分"]) for x in lines if x["编码"] == "D-XZ"] == [("不参评", None)]
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "末位单位：</strong>汉阳区人民政府、青山区人民政府、汉南区人民政府" in page
    assert "新洲区人民政府" not in page.split("单位综合得分")[1].split("</svg>")[0]  # no bar for 不参评


def test_the_dashboard_volumes_trend_and_breakdowns_are_counted_by_the_database(hl, actors, clock):
    """Hand-counted: five tickets over three days, two closed, one overdue and open, two channels."""
    from hotline.console import figures as dashboard
    from hotline.services import tickets as tk
    from tests.conftest import beijing

    op = actors["operator"]
    made = []
    for day, hour, channel in ((2, 9, "phone"), (2, 23, "web"), (3, 1, "phone"), (4, 10, "phone"), (4, 11, "web")):
        clock.set(beijing(2026, 3, day, hour))
        made.append(tk.create_ticket(hl, actor=op, data={"content": f"江岸区解放大道占道经营{day}{hour}",
                                                          "channel": channel})[0]["number"])
    with hl.sessions() as s:
        for number, closed in ((made[0], beijing(2026, 3, 3, 0, 30)), (made[3], beijing(2026, 3, 4, 23, 59))):
            s.query(Ticket).filter_by(number=number).update({"closed_at": closed, "status": "closed"})
        s.query(Ticket).filter_by(number=made[2]).update({"overdue": True})
        s.commit()
    clock.set(beijing(2026, 3, 5, 12))
    figs = dashboard.compute(hl, actor=actors["supervisor"], days=5)
    assert (figs.received, figs.closed, figs.open_overdue) == (5, 2, 1)
    trend = {d: (r, c) for d, r, c in figs.trend}
    assert trend["03-02"] == (2, 0) and trend["03-03"] == (1, 1) and trend["03-04"] == (2, 1)   # Beijing days
    assert dict(figs.by_channel) == {"电话": 3, "网站": 2}
    assert sum(n for _, n in figs.by_category) == 5 and sum(n for _, n in figs.by_district) == 5
