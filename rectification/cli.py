"""``hotline report monthly --month YYYY-MM --out DIR`` and ``hotline reviews figures``."""
from __future__ import annotations

import json


def opened(args, **kw):
    from hotline.cli import opened as open_hotline

    return open_hotline(args, **kw)


def cmd_report(args) -> int:
    from rectification.report import monthly_report

    with opened(args, start_queue=False) as hl:
        written = monthly_report(hl, args.month, args.out)
    print(f"已生成 {args.month} 考核月报：")
    for kind, path in written.items():
        print(f"  {kind:<5} {path}")
    return 0


def cmd_figures(args) -> int:
    from rectification import metrics

    with opened(args, start_queue=False) as hl:
        start = end = None
        if args.month:
            start, end = metrics.month_bounds(args.month, hl.calendar.tz)
        data = metrics.figures(hl, view=args.view, start=start, end=end, unit=args.unit)
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        return 0
    labels = [f.label for f in metrics.FIGURES]
    print("\t".join(["编码", "名称", *labels]))
    for row in data["rows"]:
        cells = ["—" if row[f.key] is None else f"{row[f.key] * 100:.2f}%" for f in metrics.FIGURES]
        print("\t".join([str(row["key"]), row["name"], *cells]) + ("\t末位" if row.get("bottom") else ""))
    return 0


def cmd_rollup(args) -> int:
    from datetime import date

    from hotline.errors import InvalidInput
    from rectification import rollup

    try:
        first = date.fromisoformat(args.from_day) if args.from_day else None
        last = date.fromisoformat(args.to_day) if args.to_day else None
    except ValueError:
        raise InvalidInput("日期格式应为 YYYY-MM-DD", field="from") from None
    with opened(args, start_queue=False) as hl:
        done = rollup.build(hl, first, last)
    print(f"已重建指标日汇总：{done['days']} 天，{done['rows']} 行；覆盖 {done['from']} 至 {done['through']}")
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser("report", help="考核报表（好差评与热线指标）")
    sub = p.add_subparsers(dest="report_command", required=True)
    m = sub.add_parser("monthly", help="月度考核报告：report.xlsx 与带图表的 report.html")
    m.add_argument("--month", required=True, help="YYYY-MM")
    m.add_argument("--out", required=True, help="输出目录")
    m.set_defaults(func=cmd_report)

    p = subparsers.add_parser("reviews", help="好差评")
    sub = p.add_subparsers(dest="reviews_command", required=True)
    f = sub.add_parser("figures", help="按维度打印指标")
    f.add_argument("--view", default="unit", help="unit / window / staff / service_item / channel / all")
    f.add_argument("--month", help="YYYY-MM（默认全部）")
    f.add_argument("--unit", help="单位编码")
    f.add_argument("--json", action="store_true", help="输出 JSON（默认输出表格）")
    f.set_defaults(func=cmd_figures)
    r = sub.add_parser("rollup", help="重建指标日汇总（默认：最早数据日至昨日）")
    r.add_argument("--from", dest="from_day", help="YYYY-MM-DD（本地日期，含）")
    r.add_argument("--to", dest="to_day", help="YYYY-MM-DD（本地日期，含；默认昨日）")
    r.set_defaults(func=cmd_rollup)


