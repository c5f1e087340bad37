"""Supervisor dashboard: figures and charts, rankings with 末位, overdue and 督办 lists, decisions,
and xlsx downloads of any table."""
from __future__ import annotations

import asyncio
import os
import tempfile
from typing import Any, Awaitable, Callable
from urllib.parse import quote, urlencode

from aiohttp import web

from hotline.console import figures
from hotline.console.web import (CENTRE, TICKET_HEADERS, _charts, _days, _units, local_time, months, page, render,
                                 search_params, ticket_row, ticket_rows, triage_items)
from hotline.console.xlsx import write_xlsx
from hotline.domain.vocab import Role
from hotline.services import registry, reply_quality, tickets
from hotline.services.actors import Actor
from hotline.web.app import HOTLINE, call
from rectification import metrics


@page(Role.supervisor, Role.admin)
async def dashboard(request: web.Request, actor: Actor) -> web.Response:
    days = _days(request)
    figs = await call(request, figures.compute, actor=actor, days=days)
    return render(request, "figures.html", figs=figs, days=days, charts=_charts(figs), title="数据总览")


def ranking_period(request: web.Request) -> tuple[str, Any, Any, str]:
    """The ranking's period: ``month=YYYY-MM`` (default: this month, as the monthly report counts it)
    or ``days=N`` (the last N local days). Returns (query, start, end, label)."""
    hl = request.app[HOTLINE]
    raw_days = request.query.get("days", "")
    if raw_days and not request.query.get("month"):
        days = _days(request)
        start, end = metrics.recent_bounds(hl, days)
        return f"days={days}", start, end, f"近 {days} 天"
    month = request.query.get("month") or months(hl, 1)[0]
    start, end = metrics.month_bounds(month, hl.calendar.tz)
    return f"month={month}", start, end, f"{month} 月"


@page(Role.supervisor, Role.admin)
async def rankings(request: web.Request, actor: Actor) -> web.Response:
    kind = request.query.get("kind") or None
    period, start, end, label = ranking_period(request)
    items = await call(request, figures.rankings, actor=actor, start=start, end=end, kind=kind)
    reply = await call(request, reply_quality.unit_summary, actor=actor, days=30)   # the sentence beside the figure
    return render(request, "rankings.html", items=items, period=period, period_label=label, kind=kind or "",
                  reply=reply,
                  months=months(request.app[HOTLINE]), method=metrics.METHOD, kinds=figures.RANK_KINDS,
                  pct=figures.percent, title="单位排名")


OVERDUE_PAGE = 50   # tickets on a page of each of the overdue page's two lists (上一页 / 下一页 for the rest)


@page(Role.supervisor, Role.admin, Role.operator)
async def overdue(request: web.Request, actor: Actor) -> web.Response:
    """The open overdue tickets (newest first) and the open ones under 督办 / 通报 (earliest deadline
    first), each a page at a time by its own cursor (``cursor``, ``scursor``): paging one list keeps the
    other on its page."""
    cursor, scursor = request.query.get("cursor") or None, request.query.get("scursor") or None
    # the open ones, chosen by the database (filtering a page of all overdue tickets here would keep only
    # the few open ones among the newest overdue, most of them long closed)
    found = await call(request, tickets.list_tickets, actor=actor, queue="overdue", limit=OVERDUE_PAGE, cursor=cursor)
    supervised = await call(request, tickets.list_tickets, actor=actor, queue="supervised", limit=OVERDUE_PAGE,
                            cursor=scursor)
    here = {"cursor": cursor, "scursor": scursor}
    return render(request, "overdue.html", found=found, supervised=supervised, title="超期与督办",
                  pages={"cursor": _pages(here, "cursor", found), "scursor": _pages(here, "scursor", supervised)})


def _pages(here: dict[str, str | None], name: str, found: dict) -> list[tuple[str, str]]:
    """(label, query) of 上一页 / 下一页 of one list of a page with several, the others kept on their page."""
    def query(cursor: str) -> str:
        return "?" + urlencode({k: v for k, v in {**here, name: cursor}.items() if v})

    return [(label, query(c)) for label, c in (("上一页", found["previous"]), ("下一页", found["next"])) if c]


@page(Role.supervisor, Role.admin)
async def decisions(request: web.Request, actor: Actor) -> web.Response:
    extensions = await call(request, figures.pending_extensions, actor=actor)
    arbitration = await call(request, tickets.list_tickets, actor=actor, status="arbitration", limit=200)
    return render(request, "decisions.html", extensions=extensions, arbitration=arbitration["items"],
                  units=await _units(request), title="待审批")


# -- xlsx downloads ---------------------------------------------------------------------------
Table = Callable[[web.Request, Actor], Awaitable[tuple[str, list[str], list[list[Any]]]]]


def _all_tickets(actor, **filters):
    """Every ticket of the list with the page's filters, read in the export's worker thread."""
    return lambda hl: (ticket_row(hl, t) for t in tickets.iter_tickets(hl, actor=actor, **filters))


async def _t_tickets(request, actor):
    filters = {k: v for k, v in search_params(request.query).items() if k != "offset"}
    return "工单", TICKET_HEADERS, _all_tickets(actor, **filters)


async def _t_triage(request, actor):
    return "分拣队列", TICKET_HEADERS, ticket_rows(request.app[HOTLINE], await triage_items(request, actor))


async def _t_overdue(request, actor):
    return "超期工单", TICKET_HEADERS, _all_tickets(actor, overdue=True)


async def _t_supervised(request, actor):
    return "督办工单", TICKET_HEADERS, _all_tickets(actor, queue="supervised")


async def _t_rankings(request, actor):
    _, start, end, label = ranking_period(request)
    items = await call(request, figures.rankings, actor=actor, start=start, end=end,
                       kind=request.query.get("kind") or None)
    return f"单位排名（{label}）", figures.RANK_HEADERS, figures.ranking_rows(items)


async def _t_figures(request, actor):
    figs = await call(request, figures.compute, actor=actor, days=_days(request))
    rows = [[label, value, note] for label, value, note in figs.cards() + figs.review_cards()]
    rows += [[f"按分类：{k}", v, "件"] for k, v in figs.by_category]
    rows += [[f"按区域：{k}", v, "件"] for k, v in figs.by_district]
    rows += [[f"按渠道：{k}", v, "件"] for k, v in figs.by_channel]
    rows += [[f"{d} 受理/办结", f"{r}/{c}", "件"] for d, r, c in figs.trend]
    return "数据总览", ["指标", "数值", "说明"], rows


async def _t_extensions(request, actor):
    hl = request.app[HOTLINE]
    items = await call(request, figures.pending_extensions, actor=actor)
    return "延期申请", ["工单编号", "标题", "单位", "延期工作日", "理由", "申请时间", "原办结时限"], [
        [x["number"], x["title"], x["unit_name"], x["workdays"], x["reason"], local_time(hl, x["requested_at"]),
         local_time(hl, x["complete_due"])] for x in items]


async def _t_units(request, actor):
    items = await call(request, registry.list_units)
    return "单位", ["编码", "名称", "类型", "上级", "别名"], [
        [u["code"], u["name"], u["kind"], u["parent"] or "", u["aliases"]] for u in items]


async def _t_notices(request, actor):
    hl = request.app[HOTLINE]
    items = await call(request, tickets.unit_notices, actor=actor, limit=200)
    return "通知", ["时间", "类型", "工单", "内容"], [
        [local_time(hl, n["created_at"]), n["kind"], n["ticket"] or "", n["message"]] for n in items]


TABLES: dict[str, tuple[tuple[Role, ...], Table]] = {
    "tickets": ((*CENTRE, Role.unit), _t_tickets),
    "triage": ((Role.operator, Role.admin), _t_triage),
    "overdue": (CENTRE, _t_overdue),
    "supervised": (CENTRE, _t_supervised),
    "rankings": ((Role.supervisor, Role.admin), _t_rankings),
    "figures": ((Role.supervisor, Role.admin), _t_figures),
    "extensions": ((Role.supervisor, Role.admin), _t_extensions),
    "units": ((Role.admin, Role.supervisor), _t_units),
    "notices": ((Role.unit,), _t_notices),
}


@page(*CENTRE, Role.unit)
async def export(request: web.Request, actor: Actor) -> web.StreamResponse:
    from hotline.console.web import error_page

    entry = TABLES.get(request.match_info["name"])
    if entry is None:
        return error_page(request, 404, "没有这个表格")
    roles, producer = entry
    if actor.role not in roles:
        return error_page(request, 403, f"当前账号（{actor.role.label}）无权导出此表格")
    title, headers, rows = await producer(request, actor)
    stamp = local_time(request.app[HOTLINE], request.app[HOTLINE].now(), "%Y%m%d-%H%M")
    return await send_xlsx(request, title, headers, rows, f"{title}-{stamp}.xlsx")


async def send_xlsx(request: web.Request, title: str, headers, rows, filename: str) -> web.StreamResponse:
    """Write the table (a list, or ``rows(hl)`` yielding rows) to a temporary file in a worker thread
    (openpyxl write-only: memory stays flat), then stream the file to the client in chunks."""
    loop = asyncio.get_running_loop()
    tmp = tempfile.NamedTemporaryFile(prefix="hotline-export-", suffix=".xlsx", delete=False)
    tmp.close()
    try:
        await call(request, lambda hl: write_xlsx(tmp.name, title, headers,  # the read replica when one is set
                                                  rows(hl.reader()) if callable(rows) else rows))
        response = web.StreamResponse(headers={
            "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}",
            "Cache-Control": "no-store"})
        response.content_length = os.path.getsize(tmp.name)
        await response.prepare(request)
        with open(tmp.name, "rb") as fh:
            while chunk := await loop.run_in_executor(None, fh.read, 256 * 1024):
                await response.write(chunk)
        await response.write_eof()
        return response
    finally:
        os.unlink(tmp.name)


def setup_routes(app: web.Application) -> None:
    r = app.router
    r.add_get("/console/supervisor", dashboard)
    r.add_get("/console/supervisor/rankings", rankings)
    r.add_get("/console/supervisor/overdue", overdue)
    r.add_get("/console/supervisor/decisions", decisions)
    r.add_get("/console/export/{name}.xlsx", export)
