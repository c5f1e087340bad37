"""REST API under /api/v1: thin handlers that translate HTTP to service calls and back.

The routes are described once (``ACTIONS`` for the lifecycle); the OpenAPI document is generated
from the same description, so it cannot drift from what the server does.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable

from aiohttp import web

from hotline.domain.vocab import Role
from hotline.errors import InvalidInput
from hotline.services import fields, registry, sweep as sweep_service, tickets
from hotline.services.holidays import calendar_warnings
from hotline.web.app import HOTLINE, INTAKES, Unavailable, call, json_response, read_json, require_actor, write_in_group


@dataclass(frozen=True)
class Param:
    name: str
    type: str = "string"          # string | integer | boolean | array
    required: bool = False
    description: str = ""


@dataclass(frozen=True)
class Action:
    path: str                     # the last path segment after /tickets/{number}/
    service: Callable[..., Any]
    summary: str
    roles: tuple[Role, ...]
    params: tuple[Param, ...] = field(default_factory=tuple)


_UNIT = Param("unit", required=True, description="承办单位编码（主办）")
_ASSIST = Param("assisting_units", "array", description="协办单位编码列表")
_NOTE = Param("note", description="说明")
CENTRE = (Role.operator, Role.supervisor, Role.admin)

ACTIONS: tuple[Action, ...] = (
    Action("dispatch", tickets.dispatch_ticket, "派单", CENTRE, (_UNIT, _ASSIST, _NOTE)),
    Action("sign", tickets.sign_ticket, "签收", (Role.unit,)),
    Action("start", tickets.start_ticket, "开始办理", (Role.unit,)),
    Action("answer", tickets.answer_ticket, "答复", (Role.unit,), (Param("answer", required=True),)),
    Action("return", tickets.return_ticket, "退单（须在退单时限内，写明理由）", (Role.unit,),
           (Param("reason", required=True), Param("suggested_unit", description="建议的承办单位编码"))),
    Action("decide-return", tickets.decide_return, "退单审核：同意（改派）或驳回", (Role.operator, Role.admin),
           (Param("accept", "boolean", required=True), _NOTE,
            Param("unit", description="同意时改派的单位；不填则由系统重新派单"), _ASSIST)),
    Action("arbitrate", tickets.arbitrate, "多次退单后裁定承办单位（具有约束力）", (Role.supervisor, Role.admin),
           (_UNIT, _ASSIST, Param("note", required=True))),
    Action("extension", tickets.request_extension, "申请延期", (Role.unit,),
           (Param("workdays", "integer", required=True), Param("reason", required=True))),
    Action("decide-extension", tickets.decide_extension, "延期审批", CENTRE,
           (Param("approve", "boolean", required=True), _NOTE)),
    Action("start-callback", tickets.start_callback, "开始回访", (Role.operator, Role.admin)),
    Action("callback", tickets.record_callback, "回访结果：解决则办结，未解决则重办", (Role.operator, Role.admin),
           (Param("solved", "boolean", required=True),
            Param("satisfaction", description="满意 / 基本满意 / 不满意（satisfied/basic/unsatisfied）"), _NOTE)),
    Action("close-consultation", tickets.close_consultation, "咨询直接答复办结", (Role.operator, Role.admin),
           (Param("answer", required=True),)),
    Action("transfer", tickets.transfer_ticket, "紧急警情转办 110/119/120/122（一键，办结并停止计时）",
           (Role.operator, Role.admin),
           (Param("to", description="转办号码，如 119 或 122|120；不填则用系统识别的号码"), _NOTE)),
    Action("redirect", tickets.redirect_ticket, "不属于热线受理范围：告知法定途径后办结", (Role.operator, Role.admin),
           (Param("kind", description="诉讼/仲裁/纪检监察/行政复议/信访/保密；不填则用系统识别的类别"), _NOTE)),
    Action("merge", tickets.merge_ticket, "并单", CENTRE, (Param("into", required=True, description="目标工单编号"), _NOTE)),
    Action("supervise", tickets.supervise_ticket, "督办", (Role.supervisor, Role.admin), (Param("note", required=True),)),
    Action("correct", tickets.correct_ticket, "更正分类（作为训练样本保存）", CENTRE,
           (Param("category"), Param("appeal_type"), Param("urgency"))),
)
ACTIONS_BY_PATH = {a.path: a for a in ACTIONS}
_PY_TYPES = {"string": str, "integer": int, "boolean": bool, "array": list}


def _params(action: Action, body: dict[str, Any]) -> dict[str, Any]:
    kwargs: dict[str, Any] = {}
    known = {p.name for p in action.params}
    unknown = sorted(set(body) - known)
    if unknown:
        raise InvalidInput(f"未知字段：{', '.join(unknown)}")
    for p in action.params:
        if p.name not in body or body[p.name] is None:
            if p.required:
                raise InvalidInput(f"缺少必填字段：{p.name}", field=p.name)
            continue
        value = body[p.name]
        expected = _PY_TYPES[p.type]
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise InvalidInput(f"字段 {p.name} 类型应为 {p.type}", field=p.name)
        kwargs[p.name] = value
    return kwargs


async def ticket_action(request: web.Request) -> web.Response:
    action = ACTIONS_BY_PATH.get(request.match_info["action"])
    if action is None:
        raise web.HTTPNotFound()
    actor = await require_actor(request)
    actor.require(*action.roles)
    kwargs = _params(action, await read_json(request))
    view = await call(request, action.service, actor=actor, number=request.match_info["number"], **kwargs)
    return json_response(view)


async def create_ticket(request: web.Request) -> web.Response:
    actor = await require_actor(request)
    body = await read_json(request)
    # written together with the intakes waiting at that moment: one transaction and COMMIT for them all
    view, created = await write_in_group(request, actor, body, request.headers.get("Idempotency-Key"))
    resp = json_response(view, status=201 if created else 200)
    resp.headers["Location"] = f"/api/v1/tickets/{view['number']}"
    return resp


def bool_arg(request: web.Request, name: str) -> bool | None:
    raw = request.query.get(name)
    if raw is None or raw == "":
        return None
    if raw.lower() in ("1", "true", "yes"):
        return True
    if raw.lower() in ("0", "false", "no"):
        return False
    raise InvalidInput(f"参数 {name} 应为 true 或 false")


def _time_arg(request: web.Request, name: str):
    """An ISO date or datetime; a date means the start of that day in the city's time zone."""
    from datetime import datetime, time as dtime

    raw = request.query.get(name)
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise InvalidInput(f"参数 {name} 应为日期（YYYY-MM-DD）或 ISO 时间") from None
    if value.tzinfo is None:
        tz = request.app[HOTLINE].calendar.tz
        value = datetime.combine(value.date(), value.time() if "T" in raw else dtime(0), tzinfo=tz)
    return value


def int_arg(request: web.Request, name: str, default: int) -> int:
    return fields.int_param(request.query.get(name), name, default)


async def list_tickets(request: web.Request) -> web.Response:
    """A page of tickets: follow ``next`` / ``previous`` (``?cursor=``); ``offset`` or ``page`` (from 1) still
    work for the first pages of older clients."""
    actor = await require_actor(request)
    q = request.query
    limit = int_arg(request, "limit", 50)
    offset = int_arg(request, "offset", 0)
    if "page" in q:
        offset = min((max(1, int_arg(request, "page", 1)) - 1) * max(1, min(limit, 200)), fields.MAX_ID)
    result = await call(request, tickets.list_tickets, actor=actor, status=q.get("status"), unit=q.get("unit"),
                        q=q.get("q"), overdue=bool_arg(request, "overdue"), queue=q.get("queue"),
                        citizen_ref=q.get("citizen_ref"), channel=q.get("channel"), category=q.get("category"),
                        created_from=_time_arg(request, "from"), created_to=_time_arg(request, "to"),
                        limit=limit, offset=offset, cursor=q.get("cursor") or None)
    return json_response(result)


async def get_ticket(request: web.Request) -> web.Response:
    actor = await require_actor(request)
    return json_response(await call(request, tickets.get_ticket, actor=actor, number=request.match_info["number"]))


async def get_audit(request: web.Request) -> web.Response:
    actor = await require_actor(request)
    events = await call(request, tickets.audit_trail, actor=actor, number=request.match_info["number"])
    return json_response({"items": events})


async def list_units(request: web.Request) -> web.Response:
    await require_actor(request)
    return json_response({"items": await call(request, registry.list_units, kind=request.query.get("kind"))})


async def list_categories(request: web.Request) -> web.Response:
    await require_actor(request)
    return json_response({"items": await call(request, registry.list_categories)})


async def notices(request: web.Request) -> web.Response:
    actor = await require_actor(request)
    items = await call(request, tickets.unit_notices, actor=actor,
                       unread_only=bool(bool_arg(request, "unread")))
    return json_response({"items": items})


async def me(request: web.Request) -> web.Response:
    actor = await require_actor(request)
    return json_response({"name": actor.name, "kind": actor.kind, "role": actor.role.value,
                          "role_label": actor.role.label, "unit": actor.unit_code})


async def holidays(request: web.Request) -> web.Response:
    actor = await require_actor(request)
    if request.method == "GET":
        year = request.query.get("year")
        return json_response({"items": await call(request, registry.list_holidays,
                                                  year=int(year) if year and year.isdigit() else None)})
    actor.require(Role.admin)
    try:
        day = date.fromisoformat(request.match_info.get("day", ""))
    except ValueError:
        raise InvalidInput("日期格式应为 YYYY-MM-DD") from None
    if request.method == "DELETE":
        result = await call(request, registry.delete_holiday, day=day, actor=actor)
        return json_response({"deleted": day.isoformat(), **result})
    body = await read_json(request)
    if not isinstance(body.get("workday"), bool):
        raise InvalidInput("字段 workday 必须是 true（上班）或 false（放假）", field="workday")
    note = body.get("note") or ""
    if not isinstance(note, str):
        raise InvalidInput("字段 note 必须是文本", field="note")
    result = await call(request, registry.set_holiday, day=day, workday=body["workday"], note=note[:200],
                        actor=actor)
    return json_response({"day": day.isoformat(), "workday": body["workday"], "note": note[:200], **result})


async def import_holidays(request: web.Request) -> web.Response:
    """POST the State Council's notice (text/plain, UTF-8): every day in it is set at once."""
    from hotline.services.holidays import change_days, parse_notice

    actor = await require_actor(request)
    actor.require(Role.admin)
    raw = await request.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput("通知须为 UTF-8 文本") from None
    year = request.query.get("year")
    days = parse_notice(text, int(year) if year and year.isdigit() else None)
    result = await call(request, change_days, days, actor=actor, source="导入国务院办公厅通知")
    return json_response({"days": [{"day": d.day.isoformat(), "workday": d.workday, "note": d.note} for d in days],
                          **result})


async def run_sweep(request: web.Request) -> web.Response:
    actor = await require_actor(request)
    actor.require(Role.admin, Role.supervisor)
    report = await call(request, sweep_service.sweep)
    return json_response(report.as_dict())


async def retrain(request: web.Request) -> web.Response:
    actor = await require_actor(request)
    actor.require(Role.admin)
    hl = request.app[HOTLINE]
    await call(request, lambda hl_: hl_.queue.enqueue("retrain_classifier", job_id="retrain-classifier"))
    return json_response({"queued": "retrain_classifier", "queue": hl.queue.kind}, status=202)


async def routing_table(request: web.Request) -> web.Response:
    actor = await require_actor(request)
    actor.require(Role.admin, Role.supervisor, Role.operator)
    if request.method == "GET":
        text, source, version = await call(request, registry.routing_table_text)
        versions = await call(request, registry.list_routing_versions)
        return json_response({"text": text, "source": source, "version": version, "versions": versions})
    body = await read_json(request)
    if "restore" in body:
        if not isinstance(body["restore"], int) or isinstance(body["restore"], bool):
            raise InvalidInput("restore 应为版本号（整数）", field="restore")
        return json_response(await call(request, registry.activate_routing_version, actor=actor,
                                        version=body["restore"]))
    text, note = body.get("text"), body.get("note") or ""
    if not isinstance(text, str) or not isinstance(note, str):
        raise InvalidInput("text 与 note 必须是文本")
    return json_response(await call(request, registry.save_routing_table, actor=actor, text=text, note=note))


QUEUE_AGE_WARNING = 300  # seconds a queued job may wait before /healthz warns


def _queue_warnings(queue: dict[str, Any]) -> list[str]:
    """What an operator must look at in the background work (a web process stays in service: 200)."""
    if queue.get("kind") != "rq" or queue.get("redis") != "ok":
        return []
    found = []
    if not queue.get("workers_alive"):
        found.append("没有存活的后台任务进程（hotline worker）：受理分类、派单与督办扫描暂停")
    if (queue.get("oldest_job_age_s") or 0) > QUEUE_AGE_WARNING:
        found.append(f"后台队列最早的任务已等待 {queue['oldest_job_age_s']:.0f} 秒")
    if queue.get("sweep_overdue") and queue.get("last_sweep_age_s") is not None:
        found.append(f"督办扫描已 {queue['last_sweep_age_s']:.0f} 秒未运行")
    return found


async def healthz(request: web.Request) -> web.Response:
    hl = request.app[HOTLINE]

    def check(hl):
        from sqlalchemy import text

        try:
            with hl.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            database = "ok"
        except Exception as exc:  # noqa: BLE001
            return f"error: {exc.__class__.__name__}", None
        try:   # the repeat-appeal index: current, or rewritten by the sweep after an upgrade
            from hotline.services.similar import index_status

            return database, index_status(hl)
        except Exception:  # noqa: BLE001 - a database before migration 0780
            return database, None

    try:
        database, similar_index = await call(request, check)
    except Unavailable:
        database, similar_index = "error: timeout", None
    replica = None
    if hl.reads is not None and hl.reads.replica is not None:   # HOTLINE_DATABASE_REPLICA_URL (hotline.db.Reads)
        replica = "ok" if await call(request, lambda h: h.reads.replica_usable()) else "unreachable"
    if database == "ok":
        await call(request, lambda h: h.refresh_calendar(force=True))
    cal = hl.calendar.status()
    queue = hl.queue.status()
    ok = database == "ok" and queue.get("redis", "ok") == "ok"
    background = _queue_warnings(queue)
    body = {"status": "ok" if ok and not background else "degraded", "database": database,
            "database_backend": hl.engine.dialect.name, "queue": queue, "calendar": cal.as_dict(),
            "intake_groups": request.app[INTAKES].status(),     # the group commit (hotline.web.group)
            "warnings": calendar_warnings(hl) + background
            + (["只读副本（HOTLINE_DATABASE_REPLICA_URL）无法连接：统计、报表和导出改由主库读取"]
               if replica == "unreachable" else [])
            + ([f"并单索引正在按新版本重建（已完成至工单 id {similar_index['done_through_ticket_id']}），"
                "完成前部分较早工单可能暂不提示重复"] if similar_index and similar_index["state"] == "reindexing" else []),
            "similar_index": similar_index,
            "classifier": (getattr(hl.classifier, "model_version", None) or getattr(hl.classifier, "version", None)
                           or type(hl.classifier).__name__),
            "router": type(hl.router).__name__,
            # the shipped learned triage check (routing.seed): ready, training (at start) or not started
            "triage_check": getattr(getattr(hl.router, "triage_check", None), "state", None)}
    if replica is not None:
        body["read_replica"] = replica
    return json_response(body, status=200 if ok else 503)


async def openapi(request: web.Request) -> web.Response:
    from hotline.web.openapi import document

    return json_response(document(request.app))


def setup_routes(app: web.Application) -> None:
    r = app.router
    r.add_get("/healthz", healthz)
    r.add_get("/api/openapi.json", openapi)
    r.add_get("/api/v1/me", me)
    r.add_post("/api/v1/tickets", create_ticket)
    r.add_get("/api/v1/tickets", list_tickets)
    r.add_get("/api/v1/tickets/{number}", get_ticket)
    r.add_get("/api/v1/tickets/{number}/audit", get_audit)
    r.add_post("/api/v1/tickets/{number}/{action}", ticket_action)
    r.add_get("/api/v1/units", list_units)
    r.add_get("/api/v1/categories", list_categories)
    r.add_get("/api/v1/notices", notices)
    r.add_get("/api/v1/holidays", holidays)
    r.add_post("/api/v1/holidays/import", import_holidays)
    r.add_put("/api/v1/holidays/{day}", holidays)
    r.add_delete("/api/v1/holidays/{day}", holidays)
    r.add_post("/api/v1/sweep", run_sweep)
    r.add_post("/api/v1/admin/retrain", retrain)
    r.add_get("/api/v1/admin/routing-table", routing_table)
    r.add_put("/api/v1/admin/routing-table", routing_table)
