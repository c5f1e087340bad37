"""REST routes of 好差评 under /api/v1 (added by ``hotline.web.app.create_app``)."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from aiohttp import web

from hotline import scope
from hotline.domain.vocab import Role
from hotline.errors import InvalidInput
from hotline.web.api import bool_arg, int_arg, read_json as _body
from hotline.web.app import HOTLINE, call, json_response, require_actor
from rectification import metrics, services


def _day_arg(request: web.Request, name: str, *, end: bool = False) -> datetime | None:
    """A local date (YYYY-MM-DD) → the UTC moment it starts (``to`` is inclusive: its next day)."""
    raw = request.query.get(name)
    if not raw:
        return None
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(f"参数 {name} 的日期格式应为 YYYY-MM-DD", field=name) from None
    if end:
        day += timedelta(days=1)
    tz = request.app[HOTLINE].calendar.tz
    return metrics.local_start(day, tz)


async def post_review(request: web.Request) -> web.Response:
    """提交评价（好差评，Idempotency-Key 使重试返回首次评价；差评须选择原因）"""
    actor = await require_actor(request)
    data = await _body(request)
    view, created = await call(request, services.submit_review, actor=actor, data=data,
                               idempotency_key=request.headers.get("Idempotency-Key"))
    return json_response(view, status=201 if created else 200)


async def list_reviews(request: web.Request) -> web.Response:
    """评价列表（承办单位仅见本单位）"""
    actor = await require_actor(request)
    q = request.query
    return json_response(await call(request, services.list_reviews, actor=actor, unit=q.get("unit"),
                                    window=q.get("window"), bad=bool_arg(request, "bad"),
                                    flagged=bool_arg(request, "flagged"), start=_day_arg(request, "from"),
                                    end=_day_arg(request, "to", end=True), limit=int_arg(request, "limit", 50),
                                    offset=int_arg(request, "offset", 0)))


async def get_review(request: web.Request) -> web.Response:
    """评价详情（评价人信息按权限脱敏）"""
    actor = await require_actor(request)
    return json_response(await call(request, services.get_review, actor=actor,
                                    review_id=request.match_info["id"]))


async def reason_tags(request: web.Request) -> web.Response:
    """差评原因标签"""
    return json_response({"reason_tags": services.list_reason_tags()})


async def appeal(request: web.Request) -> web.Response:
    """承办单位对评价提出申诉（误评 / 恶意差评）"""
    actor = await require_actor(request)
    data = await _body(request)
    view = await call(request, services.appeal_review, actor=actor, review_id=request.match_info["id"],
                      kind=data.get("kind"), reason=data.get("reason"))
    return json_response(view, status=201)


async def decide_appeal(request: web.Request) -> web.Response:
    """督办人员裁定申诉（支持则该评价不计入统计，记录保留）"""
    actor = await require_actor(request)
    data = await _body(request)
    return json_response(await call(request, services.decide_appeal, actor=actor,
                                    appeal_id=request.match_info["id"], uphold=data.get("uphold"),
                                    reason=data.get("reason")))


async def list_appeals(request: web.Request) -> web.Response:
    """申诉列表"""
    actor = await require_actor(request)
    return json_response({"items": await call(request, services.list_appeals, actor=actor,
                                              status=request.query.get("status"))})


async def list_cases(request: web.Request) -> web.Response:
    """整改工单列表（承办单位仅见本单位）"""
    actor = await require_actor(request)
    q = request.query
    return json_response(await call(request, services.list_cases, actor=actor, status=q.get("status"),
                                    unit=q.get("unit"), overdue=bool_arg(request, "overdue"),
                                    limit=int_arg(request, "limit", 50), offset=int_arg(request, "offset", 0)))


async def get_case(request: web.Request) -> web.Response:
    """整改工单详情"""
    actor = await require_actor(request)
    return json_response(await call(request, services.get_case, actor=actor, case_id=request.match_info["id"]))


async def case_audit(request: web.Request) -> web.Response:
    """整改工单全流程记录"""
    actor = await require_actor(request)
    return json_response({"items": await call(request, services.case_audit, actor=actor,
                                              case_id=request.match_info["id"])})


async def case_action(request: web.Request) -> web.Response:
    """整改工单操作：回访核实、核实结论、整改措施、答复、追评、督办审核"""
    actor = await require_actor(request)
    data = await _body(request)
    return json_response(await call(request, services.case_action, actor=actor, case_id=request.match_info["id"],
                                    action=request.match_info["action"], data=data))


async def get_metrics(request: web.Request) -> web.Response:
    """好差评与热线考核指标（按单位、窗口、人员、事项、渠道、时段）"""
    actor = await require_actor(request)
    q = request.query
    start, end = _day_arg(request, "from"), _day_arg(request, "to", end=True)
    return json_response(await call(request, metrics.figures_for_actor, actor=actor,
                                    view=q.get("view", "unit"), start=start, end=end, unit=q.get("unit")))


async def list_windows(request: web.Request) -> web.Response:
    """服务窗口列表（一窗一码）"""
    actor = await require_actor(request)
    unit = scope.unit_code_only(actor, request.query.get("unit"))
    return json_response({"items": await call(request, services.list_windows, unit)})


async def post_assessment(request: web.Request) -> web.Response:
    """记录综合点评（监督员）或监督查评（督查人员），与市民评价分开统计"""
    from rectification.assessments import record_assessment

    actor = await require_actor(request)
    return json_response(await call(request, record_assessment, actor=actor, data=await _body(request)), status=201)


async def list_assessments(request: web.Request) -> web.Response:
    """综合点评与监督查评记录；?figures=1 为按单位与类型的汇总"""
    from rectification.assessments import assessment_figures, list_assessments as listing

    actor = await require_actor(request)
    start, end = _day_arg(request, "from"), _day_arg(request, "to", end=True)
    if request.query.get("figures") == "1":
        actor.require(Role.supervisor, Role.admin, Role.operator)
        return json_response({"items": await call(request, assessment_figures, start=start, end=end)})
    return json_response({"items": await call(request, listing, actor=actor, kind=request.query.get("kind"),
                                              unit=request.query.get("unit"), start=start, end=end)})


def setup_routes(app: web.Application) -> None:
    r = app.router
    r.add_post("/api/v1/reviews", post_review)
    r.add_get("/api/v1/reviews", list_reviews)
    r.add_get("/api/v1/reviews/{id}", get_review)
    r.add_post("/api/v1/reviews/{id}/appeal", appeal)
    r.add_get("/api/v1/review-reason-tags", reason_tags)
    r.add_get("/api/v1/appeals", list_appeals)
    r.add_post("/api/v1/appeals/{id}/decide", decide_appeal)
    r.add_get("/api/v1/rectifications", list_cases)
    r.add_get("/api/v1/rectifications/{id}", get_case)
    r.add_get("/api/v1/rectifications/{id}/audit", case_audit)
    r.add_post("/api/v1/rectifications/{id}/{action}", case_action)
    r.add_get("/api/v1/metrics", get_metrics)
    r.add_post("/api/v1/assessments", post_assessment)
    r.add_get("/api/v1/assessments", list_assessments)
    r.add_get("/api/v1/windows", list_windows)
