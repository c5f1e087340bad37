"""The monthly assessment report: ``report.xlsx`` (one sheet per view) and ``report.html`` with charts.

The charts are inline SVG drawn here (no CDN, no JavaScript): the daily trend, ratings by channel,
and units by 综合得分 with the 末位 in red.
"""
from __future__ import annotations

import html
from datetime import timedelta
from pathlib import Path
from typing import Any

from rectification import metrics

SHEETS = (("unit", "单位排名"), ("window", "按窗口"), ("staff", "按工作人员"), ("service_item", "按事项"),
          ("channel", "按渠道"))
COUNT_COLUMNS = ("rated", "bad", "rateable", "unrated", "tickets")


def build_monthly(hl, month: str) -> dict[str, Any]:
    """Every view's figures for the month, the city's row and the daily trend (read from the replica
    when one is set)."""
    hl = hl.reader()
    tz = hl.calendar.tz
    start, end = metrics.month_bounds(month, tz)
    views = {view: metrics.figures(hl, view=view, start=start, end=end)["rows"] for view, _ in SHEETS}
    city = metrics.figures(hl, view="all", start=start, end=end)["rows"]
    first = start.astimezone(tz).date()
    last = (end.astimezone(tz) - timedelta(seconds=1)).date()
    trend = []
    day = first
    while day <= last:
        lo = metrics.local_start(day, tz)
        hi = metrics.local_start(day + timedelta(days=1), tz)
        rows = metrics.figures(hl, view="all", start=lo, end=hi)["rows"]
        row = rows[0] if rows else {"counts": {}}
        trend.append({"day": day.isoformat(), "rated": row["counts"].get("rated", 0),
                      "bad": row["counts"].get("bad", 0), "tickets": row["counts"].get("tickets", 0),
                      "good_rate": row.get("good_rate"), "satisfaction_rate": row.get("satisfaction_rate")})
        day += timedelta(days=1)
    extra = [sheet for make in hl.report_sheets for sheet in make(hl, start, end)]
    return {"month": month, "from": start, "to": end, "generated_at": hl.now(), "city": city[0] if city else None,
            "extra_sheets": extra,
            "period": f"{first.isoformat()} 至 {last.isoformat()}（北京时间，含首尾）",
            "generated_local": hl.now().astimezone(tz).strftime("%Y-%m-%d %H:%M"),
            "views": views, "trend": trend}


def _pct(value) -> str:
    return "—" if value is None else f"{value * 100:.2f}%"


# -- xlsx -------------------------------------------------------------------------------------
def write_xlsx(data: dict[str, Any], path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    bold = Font(bold=True)
    red = PatternFill("solid", fgColor="FFC7CE")
    wb = Workbook()
    ws = wb.active
    ws.title = "全市概览"
    ws.append([f"{data['month']} 好差评与热线考核月报"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(["统计区间", data["period"]])
    ws.append([])
    ws.append(["指标", "数值", "分子", "分母"])
    for cell in ws[4]:
        cell.font = bold
    city = data["city"] or {"counts": {}}
    for f in metrics.FIGURES:
        ws.append([f.label, city.get(f.key), city["counts"].get(f.numerator, 0), city["counts"].get(f.denominator, 0)])
        ws.cell(row=ws.max_row, column=2).number_format = "0.00%"
    ws.column_dimensions["A"].width = 18

    for view, title in SHEETS:
        sheet = wb.create_sheet(title)
        rows = data["views"][view]
        head = (["名次", "末位"] if view == "unit" else []) + ["编码", "名称"] + \
            [metrics.COUNT_LABELS[c] for c in COUNT_COLUMNS] + [f.label for f in metrics.FIGURES] + \
            (["综合得分", "说明"] if view == "unit" else [])
        sheet.append(head)
        for cell in sheet[1]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True)
        for r in rows:
            line = ([r.get("rank") or "不参评", "末位" if r.get("bottom") else ""] if view == "unit" else []) + \
                [r["key"], r["name"]] + [r["counts"].get(c, 0) for c in COUNT_COLUMNS] + \
                [r.get(f.key) for f in metrics.FIGURES] + ([r.get("score"), r.get("unranked") or ""] if view == "unit" else [])
            sheet.append(line)
            first_rate = len(line) - len(metrics.FIGURES) - (2 if view == "unit" else 0) + 1
            for col in range(first_rate, first_rate + len(metrics.FIGURES)):
                sheet.cell(row=sheet.max_row, column=col).number_format = "0.00%"
            if r.get("bottom"):
                for cell in sheet[sheet.max_row]:
                    cell.fill = red
        sheet.freeze_panes = "A2"
        sheet.column_dimensions["D" if view == "unit" else "B"].width = 28

    trend = wb.create_sheet("每日趋势")
    trend.append(["日期", "评价数", "差评数", "工单数", "好评率", "满意率"])
    for cell in trend[1]:
        cell.font = bold
    for t in data["trend"]:
        trend.append([t["day"], t["rated"], t["bad"], t["tickets"], t["good_rate"], t["satisfaction_rate"]])
        for col in (5, 6):
            trend.cell(row=trend.max_row, column=col).number_format = "0.00%"

    for title, head, rows in data.get("extra_sheets", []):  # sheets other packages add (热点问题, 每月一题候选)
        sheet = wb.create_sheet(title)
        sheet.append(head)
        for cell in sheet[1]:
            cell.font = bold
        for line in rows:
            sheet.append(line)

    notes = wb.create_sheet("指标口径")
    notes.append(["指标", "分子", "分母"])
    for f in metrics.FIGURES:
        notes.append([f.label, metrics.COUNT_LABELS[f.numerator], metrics.COUNT_LABELS[f.denominator]])
    notes.append([])
    notes.append(["完整口径见 docs/metrics.md；分母为 0 的指标不计算（空白）。"])
    notes.append(["单位排名", metrics.METHOD])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


# -- svg charts -------------------------------------------------------------------------------
def _esc(text: Any) -> str:
    return html.escape(str(text), quote=True)


def svg_trend(trend: list[dict], width: int = 760, height: int = 260) -> str:
    """Bars: ratings per day (差评 stacked in red); line: 好评率 (right axis, 0–100 %)."""
    left, right, top, bottom = 48, 48, 20, 36
    w, h = width - left - right, height - top - bottom
    n = max(len(trend), 1)
    peak = max([t["rated"] for t in trend] + [1])
    step = w / n
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="每日评价趋势" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" font-size="11" font-family="sans-serif">',
             f'<line x1="{left}" y1="{top + h}" x2="{left + w}" y2="{top + h}" stroke="#888"/>']
    points = []
    for i, t in enumerate(trend):
        x = left + i * step
        bh = h * t["rated"] / peak
        badh = h * t["bad"] / peak
        parts.append(f'<rect x="{x + 1:.1f}" y="{top + h - bh:.1f}" width="{max(step - 2, 1):.1f}" height="{bh:.1f}" '
                     f'fill="#9ec5e8"><title>{_esc(t["day"])} 评价 {t["rated"]}，差评 {t["bad"]}</title></rect>')
        if badh:
            parts.append(f'<rect x="{x + 1:.1f}" y="{top + h - badh:.1f}" width="{max(step - 2, 1):.1f}" '
                         f'height="{badh:.1f}" fill="#e06666"/>')
        if t["good_rate"] is not None:
            points.append(f"{x + step / 2:.1f},{top + h - h * t['good_rate']:.1f}")
        if i % max(1, n // 10) == 0:
            parts.append(f'<text x="{x + step / 2:.1f}" y="{top + h + 14}" text-anchor="middle">{_esc(t["day"][5:])}</text>')
    if points:
        parts.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#2e7d32" stroke-width="2"/>')
    parts.append(f'<text x="{left - 6}" y="{top + 4}" text-anchor="end">{peak}</text>')
    parts.append(f'<text x="{left + w + 6}" y="{top + 4}">100%</text>')
    parts.append(f'<text x="{left + w + 6}" y="{top + h}">0%</text>')
    parts.append(f'<text x="{left}" y="{height - 4}">柱：每日评价数（红色为差评）；线：好评率</text></svg>')
    return "".join(parts)


def svg_bars(rows: list[dict], value_key: str, label: str, *, width: int = 760, percent: bool = False,
             mark_bottom: bool = False, limit: int = 30) -> str:
    """Horizontal bars, one per row (units by score, channels by number of ratings)."""
    rows = [r for r in rows if r.get(value_key) is not None][:limit]
    bar_h, label_w, top = 20, 210, 24
    height = top + bar_h * max(len(rows), 1) + 24
    peak = 100.0 if percent else max([float(r[value_key]) for r in rows] + [1.0])
    w = width - label_w - 70
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{_esc(label)}" width="{width}" '
             f'height="{height}" viewBox="0 0 {width} {height}" font-size="11" font-family="sans-serif">',
             f'<text x="0" y="14" font-weight="bold">{_esc(label)}</text>']
    for i, r in enumerate(rows):
        y = top + i * bar_h
        value = float(r[value_key])
        bw = w * value / peak if peak else 0
        color = "#e06666" if mark_bottom and r.get("bottom") else "#6fa8dc"
        shown = f"{value:.2f}" if percent else f"{value:g}"
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{_esc(r["name"])[:18]}</text>'
                     f'<rect x="{label_w}" y="{y + 3}" width="{bw:.1f}" height="{bar_h - 6}" fill="{color}"/>'
                     f'<text x="{label_w + bw + 4:.1f}" y="{y + 14}">{shown}{" 末位" if mark_bottom and r.get("bottom") else ""}</text>')
    if not rows:
        parts.append(f'<text x="0" y="{top + 14}">本月无数据</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(rows: list[dict], *, ranked: bool) -> str:
    head = (["名次"] if ranked else []) + ["编码", "名称", "评价数", "差评数", "工单数"] + \
        [f.label for f in metrics.FIGURES] + (["综合得分"] if ranked else [])
    out = ["<table><thead><tr>" + "".join(f"<th>{_esc(h)}</th>" for h in head) + "</tr></thead><tbody>"]
    for r in rows:
        cells = ([r.get("rank") or "不参评"] if ranked else []) + [r["key"], r["name"], r["counts"].get("rated", 0),
                                                              r["counts"].get("bad", 0), r["counts"].get("tickets", 0)]
        cells += [_pct(r.get(f.key)) for f in metrics.FIGURES]
        if ranked:
            cells.append(r.get("unranked") or "—" if r.get("score") is None else f"{r['score']:.2f}")
        cls = ' class="bottom"' if r.get("bottom") else ""
        out.append(f"<tr{cls}>" + "".join(f"<td>{_esc(c)}</td>" for c in cells) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def write_html(data: dict[str, Any], path: Path) -> Path:
    city = data["city"] or {"counts": {}}
    units = data["views"]["unit"]
    bottom = [r for r in units if r.get("bottom")]
    cards = "".join(f'<div class="card"><div class="label">{_esc(f.label)}</div><div class="value">{_pct(city.get(f.key))}'
                    f'</div><div class="sub">{city["counts"].get(f.numerator, 0)} / {city["counts"].get(f.denominator, 0)}'
                    f'</div></div>' for f in metrics.FIGURES)
    channels = [dict(r, n=r["counts"].get("rated", 0) or r["counts"].get("tickets", 0)) for r in data["views"]["channel"]]
    sections = [
        f"<h1>{_esc(data['month'])} 好差评与 12345 热线考核月报</h1>",
        f"<p class='meta'>统计区间 {_esc(data['period'])}；"
        f"生成于 {_esc(data['generated_local'])}。口径见 docs/metrics.md。</p>",
        f"<h2>全市指标</h2><div class='cards'>{cards}</div>",
        f"<h2>每日趋势</h2>{svg_trend(data['trend'])}",
        "<h2>按渠道</h2>" + svg_bars(sorted(channels, key=lambda r: -r["n"]), "n", "各渠道评价数（热线渠道为工单数）"),
        "<h2>单位排名</h2>" + f"<p class='meta'>{_esc(metrics.METHOD)}</p>"
        + svg_bars([r for r in units if r.get("rank")], "score", "单位综合得分（红色为末位；不参评单位不画）",
                   percent=True, mark_bottom=True),
        "<p><strong>末位单位：</strong>" + ("、".join(_esc(r["name"]) for r in bottom) or "无") + "</p>",
        _table(units, ranked=True),
    ]
    for view, title in SHEETS[1:]:
        sections.append(f"<h2>{_esc(title)}</h2>{_table(data['views'][view], ranked=False)}")
    for title, head, rows in data.get("extra_sheets", []):
        body = "".join("<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in line) + "</tr>" for line in rows)
        sections.append(f"<h2>{_esc(title)}</h2><table><tr>{''.join(f'<th>{_esc(h)}</th>' for h in head)}</tr>"
                        f"{body or '<tr><td>无</td></tr>'}</table>")
    doc = ("<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'><title>"
           f"{_esc(data['month'])} 考核月报</title><style>"
           "body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;font-size:12px;margin:8px 0 24px}"
           "th,td{border:1px solid #ccc;padding:3px 6px;text-align:right}td:nth-child(-n+3),th{text-align:left}"
           "tr.bottom td{background:#fde2e1}.cards{display:flex;flex-wrap:wrap;gap:8px}"
           ".card{border:1px solid #ddd;border-radius:6px;padding:8px 12px;min-width:120px}"
           ".label{color:#555;font-size:12px}.value{font-size:20px;font-weight:bold}.sub{color:#888;font-size:11px}"
           ".meta{color:#666}</style></head><body>" + "".join(sections) + "</body></html>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(doc, encoding="utf-8")
    return path


def monthly_report(hl, month: str, out: str | Path) -> dict[str, str]:
    data = build_monthly(hl, month)
    out = Path(out)
    return {"xlsx": str(write_xlsx(data, out / "report.xlsx")), "html": str(write_html(data, out / "report.html"))}
