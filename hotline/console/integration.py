"""Pages over the 好差评 package (``rectification``): rectification cases, review appeals, the
official figures and the monthly report. When that package is not installed the pages say so.
"""
from __future__ import annotations

import importlib
from datetime import datetime
from typing import Any
from urllib.parse import quote

from aiohttp import web

from hotline.console.web import FORM, SIGNED, error_page, months, form_of, opt, page, render, see_other, yes_no
from hotline.domain.vocab import Role
from hotline.errors import Forbidden, HotlineError, InvalidInput, NotFound
from hotline.services.actors import Actor
from hotline.web.app import HOTLINE, call

MISSING = "好差评整改模块（rectification）尚未安装，此功能暂不可用"


def _module(name: str):
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def services():
    return _module("rectification.services")


# -- unit: rectification cases ----------------------------------------------------------------
@page(Role.unit, Role.operator, Role.supervisor, Role.admin)
async def cases(request: web.Request, actor: Actor) -> web.Response:
    svc = services()
    if svc is None:
        return render(request, "unavailable.html", title="差评整改", message=MISSING)
    status = request.query.get("status") or None
    found = await call(request, svc.list_cases, actor=actor, status=status, limit=200)
    appeals = await call(request, svc.list_appeals, actor=actor) if hasattr(svc, "list_appeals") else []
    return render(request, "cases.html", found=found, appeals=appeals, title="差评整改")


async def _case_page(request: web.Request, actor: Actor, case_id: str, *, status: int = 200,
                     error: str | None = None, form: dict | None = None, failed: str | None = None):
    svc = services()
    case = await call(request, svc.get_case, actor=actor, case_id=case_id)
    trail = await call(request, svc.case_audit, actor=actor, case_id=case_id)
    domain = _module("rectification.domain")
    appeals = [a for a in await call(request, svc.list_appeals, actor=actor)
               if a["review_id"] == case["review"]["id"]] if actor.role is not Role.operator else []
    return render(request, "case.html", status=status, c=case, trail=trail, error=error, form=form or {},
                  failed=failed, appeals=appeals, title=f"差评整改单 {case['id']}",
                  outcomes=list(domain.CallbackOutcome), findings=list(domain.Finding),
                  follow_ups=list(domain.FollowUp), appeal_kinds=list(domain.AppealKind))


@page(Role.unit, Role.operator, Role.supervisor, Role.admin)
async def case_page(request: web.Request, actor: Actor) -> web.Response:
    if services() is None:
        return render(request, "unavailable.html", title="差评整改", message=MISSING)
    return await _case_page(request, actor, request.match_info["id"])


@page(Role.unit, Role.operator, Role.supervisor, Role.admin)
async def case_action(request: web.Request, actor: Actor) -> web.StreamResponse:
    svc = services()
    if svc is None:
        return error_page(request, 404, MISSING)
    case_id, action = request.match_info["id"], request.match_info["action"]
    form = form_of(request)
    raw = request[FORM]
    try:
        if action == "appeal":
            case = await call(request, svc.get_case, actor=actor, case_id=case_id)
            if not opt(form, "kind"):
                raise InvalidInput("请选择申诉类型", field="kind")
            await call(request, svc.appeal_review, actor=actor, review_id=case["review"]["id"],
                       kind=opt(form, "kind"), reason=opt(form, "reason") or "")
            label = "已提交申诉"
        else:
            data: dict[str, Any] = {k: opt(form, k) for k in ("outcome", "note", "finding", "description", "reply",
                                                               "result", "text", "reason")}
            if action == "callback" and not data["outcome"]:
                raise InvalidInput("请选择回访结果", field="outcome")
            if action == "finding" and not data["finding"]:
                raise InvalidInput("请选择核实认定结论", field="finding")
            if action == "action":
                files = [f for f in raw.getall("evidence", []) if hasattr(f, "file") and f.filename]
                data["attachments"] = [{"name": f.filename, "content": f.file.read(),
                                        "content_type": f.content_type} for f in files]
            await call(request, svc.case_action, actor=actor, case_id=case_id, action=action, data=data)
            label = "已保存"
    except (Forbidden, NotFound):
        raise
    except HotlineError as exc:
        return await _case_page(request, actor, case_id, status=exc.status, error=exc.message, form=form,
                                failed=action)
    raise see_other(f"/console/rectification/{quote(str(case_id))}?done={quote(label)}")


@page(Role.unit, Role.operator, Role.supervisor, Role.admin)
async def case_attachment(request: web.Request, actor: Actor) -> web.StreamResponse:
    svc = services()
    if svc is None:
        return error_page(request, 404, MISSING)
    path, name, ctype = await call(request, svc.attachment_path, actor=actor, case_id=request.match_info["id"],
                                   sha256=request.match_info["sha"])
    return web.FileResponse(path, headers={"Content-Type": ctype,
                                           "Content-Disposition": f"inline; filename*=UTF-8''{quote(name)}"})


# -- supervisor: appeals and the monthly report ------------------------------------------------
@page(Role.supervisor, Role.admin)
async def appeals(request: web.Request, actor: Actor) -> web.Response:
    svc = services()
    if svc is None:
        return render(request, "unavailable.html", title="评价申诉", message=MISSING)
    return await _appeals_page(request, actor)


async def _appeals_page(request, actor, *, status=200, error=None, form=None, failed=None):
    svc = services()
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
    svc = services()
    if svc is None:
        return error_page(request, 404, MISSING)
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
    raise see_other(f"/console/supervisor/appeals?done={quote('已复核')}")


REPORT_CANDIDATES = (("rectification.report", "monthly_report_xlsx"), ("rectification.report", "monthly_report"),
                     ("rectification.reports", "monthly_report"))


def report_function():
    for module_name, attr in REPORT_CANDIDATES:
        module = _module(module_name)
        if module is not None and hasattr(module, attr):
            return getattr(module, attr)
    return None


@page(Role.supervisor, Role.admin)
async def report(request: web.Request, actor: Actor) -> web.StreamResponse:
    hl = request.app[HOTLINE]
    fn = report_function()
    month = request.query.get("month")
    if month and fn is not None:
        try:
            year, mon = (int(x) for x in month.split("-"))
            datetime(year, mon, 1)
        except ValueError:
            return render(request, "report.html", status=422, months=months(hl), available=True,
                          error="月份格式应为 YYYY-MM", title="月度报告")
        data = await call(request, _run_report, fn, actor=actor, year=year, month=mon)
        return web.Response(body=data, headers={
            "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(f'月度报告-{month}.xlsx')}"})
    return render(request, "report.html", months=months(hl), available=fn is not None, title="月度报告")


def _run_report(hl, fn, *, actor: Actor, year: int, month: int) -> bytes:
    """Call the report function and return xlsx bytes, whatever shape it answers in."""
    import inspect
    import tempfile
    from pathlib import Path

    params = inspect.signature(fn).parameters
    kwargs: dict[str, Any] = {}
    if "actor" in params:
        kwargs["actor"] = actor
    if "year" in params:
        kwargs["year"], kwargs["month"] = year, month
    elif "month" in params:
        kwargs["month"] = f"{year:04d}-{month:02d}"
    with tempfile.TemporaryDirectory() as tmp:
        out_path = Path(tmp) / "report.xlsx"
        if "out" in params:          # rectification.report.monthly_report(hl, month, out_dir)
            kwargs["out"] = Path(tmp)
        for name in ("path", "output"):
            if name in params:
                kwargs[name] = out_path
        result = fn(hl, **kwargs)
        if isinstance(result, dict) and result.get("xlsx"):
            result = result["xlsx"]
        if isinstance(result, (bytes, bytearray)):
            return bytes(result)
        if isinstance(result, (str, Path)) and Path(result).is_file():
            return Path(result).read_bytes()
        if out_path.exists():
            return out_path.read_bytes()
        if hasattr(result, "save"):
            import io

            buf = io.BytesIO()
            result.save(buf)
            return buf.getvalue()
    raise HotlineError("月度报告生成失败：报告函数没有返回文件")


def setup_routes(app: web.Application) -> None:
    r = app.router
    r.add_get("/console/unit/rectification", cases)
    r.add_get("/console/rectification", cases)
    r.add_get("/console/rectification/{id}", case_page)
    r.add_post("/console/rectification/{id}/{action}", case_action)
    r.add_get("/console/rectification/{id}/files/{sha}", case_attachment)
    r.add_get("/console/supervisor/appeals", appeals)
    r.add_post("/console/supervisor/appeals/{id}/decide", decide_appeal)
    r.add_get("/console/supervisor/report", report)
