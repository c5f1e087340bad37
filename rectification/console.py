"""The 好差评 console pages: rectification cases (units and the centre), review appeals and the
monthly report (supervisors). Added to the consoles by ``setup_routes`` (``create_app`` calls it after
``hotline.console.web.setup``); the templates are in ``rectification/templates``.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote

import aiohttp_jinja2
import jinja2
from aiohttp import web
from multidict import MultiDictProxy

from hotline.console.web import FORM, form_of, months, opt, page, render, see_other, yes_no
from hotline.domain.vocab import Role
from hotline.errors import Forbidden, HotlineError, InvalidInput, NotFound
from hotline.services.actors import Actor
from hotline.web.app import HOTLINE, call
from rectification import domain, metrics, report as monthly, services as svc

HERE = Path(__file__).parent


CASE_DONE = {"claim": "已认领", "callback": "回访核实已记录", "finding": "核实认定已保存", "action": "整改措施已登记",
             "reply": "已答复评价人", "follow-up": "追评已记录", "follow_up": "追评已记录", "accept": "已验收办结",
             "send-back": "已退回重新整改", "send_back": "已退回重新整改"}


# -- unit: rectification cases ----------------------------------------------------------------
@page(Role.unit, Role.operator, Role.supervisor, Role.admin)
async def cases(request: web.Request, actor: Actor) -> web.Response:
    status = request.query.get("status") or None
    found = await call(request, svc.list_cases, actor=actor, status=status, limit=200)
    appeals = await call(request, svc.list_appeals, actor=actor)
    return render(request, "cases.html", found=found, appeals=appeals, title="差评整改")


async def _case_page(request: web.Request, actor: Actor, case_id: str, *, status: int = 200,
                     error: str | None = None, form: dict | None = None, failed: str | None = None):
    case = await call(request, svc.get_case, actor=actor, case_id=case_id)
    trail = await call(request, svc.case_audit, actor=actor, case_id=case_id)
    appeals = [a for a in await call(request, svc.list_appeals, actor=actor)
               if a["review_id"] == case["review"]["id"]] if actor.role is not Role.operator else []
    return render(request, "case.html", status=status, c=case, trail=trail, error=error, form=form or {},
                  failed=failed, appeals=appeals, title=f"差评整改单 {case['id']}",
                  outcomes=list(domain.CallbackOutcome), findings=list(domain.Finding),
                  follow_ups=list(domain.FollowUp), appeal_kinds=list(domain.AppealKind))


@page(Role.unit, Role.operator, Role.supervisor, Role.admin)
async def case_page(request: web.Request, actor: Actor) -> web.Response:
    return await _case_page(request, actor, request.match_info["id"])


@page(Role.unit, Role.operator, Role.supervisor, Role.admin)
async def case_action(request: web.Request, actor: Actor) -> web.StreamResponse:
    case_id, action = request.match_info["id"], request.match_info["action"]
    form = form_of(request)
    raw = cast(MultiDictProxy, request[FORM])
    try:
        if action == "appeal":
            case = await call(request, svc.get_case, actor=actor, case_id=case_id)
            if not opt(form, "kind"):
                raise InvalidInput("请选择申诉类型", field="kind")
            await call(request, svc.appeal_review, actor=actor, review_id=case["review"]["id"],
                       kind=opt(form, "kind"), reason=opt(form, "reason") or "")
            label = f"整改单 {case_id}：已提交申诉，等待督办人员复核"
        else:
            data: dict[str, Any] = {k: opt(form, k) for k in ("outcome", "note", "finding", "description", "reply",
                                                               "result", "text", "reason")}
            if action == "callback" and not data["outcome"]:
                raise InvalidInput("请选择回访结果", field="outcome")
            if action == "finding" and not data["finding"]:
                raise InvalidInput("请选择核实认定结论", field="finding")
            if action == "action":
                files = [f for f in raw.getall("evidence", []) if isinstance(f, web.FileField) and f.filename]
                data["attachments"] = [{"name": f.filename, "content": f.file.read(),
                                        "content_type": f.content_type} for f in files]
            view = await call(request, svc.case_action, actor=actor, case_id=case_id, action=action, data=data)
            label = f"整改单 {case_id}：{CASE_DONE.get(action, '已保存')}" + (
                f"（当前状态：{view['status_label']}）" if isinstance(view, dict) and view.get("status_label") else "")
    except (Forbidden, NotFound):
        raise
    except HotlineError as exc:
        return await _case_page(request, actor, case_id, status=exc.status, error=exc.message, form=form,
                                failed=action)
    raise see_other(f"/console/rectification/{quote(str(case_id))}?done={quote(label)}")


@page(Role.unit, Role.operator, Role.supervisor, Role.admin)
async def case_attachment(request: web.Request, actor: Actor) -> web.StreamResponse:
    path, name, ctype = await call(request, svc.attachment_path, actor=actor, case_id=request.match_info["id"],
                                   sha256=request.match_info["sha"])
    return web.FileResponse(path, headers={"Content-Type": ctype,
                                           "Content-Disposition": f"inline; filename*=UTF-8''{quote(name)}"})


# -- supervisor: appeals and the monthly report ------------------------------------------------
@page(Role.supervisor, Role.admin)
async def appeals(request: web.Request, actor: Actor) -> web.Response:
    return await _appeals_page(request, actor)


async def _appeals_page(request, actor, *, status=200, error=None, form=None, failed=None):
    items = await call(request, svc.list_appeals, actor=actor)
    for item in items:
        try:
            item["review"] = await call(request, svc.get_review, actor=actor, review_id=item["review_id"])
        except HotlineError:
            item["review"] = None
    return render(request, "appeals.html", status=status, items=items, error=error, form=form or {},
                  failed=failed, title="评价申诉复核")


@page(Role.supervisor, Role.admin)
async def decide_appeal(request: web.Request, actor: Actor) -> web.StreamResponse:
    form = form_of(request)
    appeal_id = request.match_info["id"]
    try:
        uphold = yes_no(form, "uphold", "复核结论")
        await call(request, svc.decide_appeal, actor=actor, appeal_id=appeal_id, uphold=uphold,
                   reason=opt(form, "reason") or "")
    except (Forbidden, NotFound):
        raise
    except HotlineError as exc:
        return await _appeals_page(request, actor, status=exc.status, error=exc.message, form=form,
                                   failed=str(appeal_id))
    outcome = "申诉成立：该评价不再计入统计，其整改单作废" if uphold else "申诉不成立：评价照常计入统计"
    raise see_other(f"/console/supervisor/appeals?done={quote(f'申诉 {appeal_id} 已复核，{outcome}')}")


@page(Role.supervisor, Role.admin)
async def report(request: web.Request, actor: Actor) -> web.StreamResponse:
    """月度报告: the month's report as xlsx (``rectification.report``, the figures of ``metrics``)."""
    hl = request.app[HOTLINE]
    month = request.query.get("month")
    if month:
        try:
            metrics.month_bounds(month, hl.calendar.tz)
        except InvalidInput as exc:
            return render(request, "report.html", status=422, months=months(hl), error=exc.message,
                          title="月度报告")
        data = await call(request, report_xlsx, month=month)
        return web.Response(body=data, headers={
            "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(f'月度报告-{month}.xlsx')}"})
    return render(request, "report.html", months=months(hl), title="月度报告")


def report_xlsx(hl, *, month: str) -> bytes:
    """The monthly report's workbook as bytes."""
    with tempfile.TemporaryDirectory() as tmp:
        return Path(monthly.monthly_report(hl, month, tmp)["xlsx"]).read_bytes()


def setup_routes(app: web.Application) -> None:
    """The pages and their templates (after ``hotline.console.web.setup``, whose base.html they extend)."""
    env = aiohttp_jinja2.get_env(app)
    loaders: list[jinja2.BaseLoader] = [env.loader] if env.loader is not None else []
    env.loader = jinja2.ChoiceLoader([*loaders, jinja2.FileSystemLoader(str(HERE / "templates"))])
    r = app.router
    r.add_get("/console/unit/rectification", cases)
    r.add_get("/console/rectification", cases)
    r.add_get("/console/rectification/{id}", case_page)
    r.add_post("/console/rectification/{id}/{action}", case_action)
    r.add_get("/console/rectification/{id}/files/{sha}", case_attachment)
    r.add_get("/console/supervisor/appeals", appeals)
    r.add_post("/console/supervisor/appeals/{id}/decide", decide_appeal)
    r.add_get("/console/supervisor/report", report)
