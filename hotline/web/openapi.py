"""The OpenAPI 3.1 document, generated from the same route description the server uses."""
from __future__ import annotations

from typing import Any

from hotline.domain.vocab import AppealType, Channel, TicketStatus, Urgency

ERROR = {"$ref": "#/components/schemas/Error"}
TICKET = {"$ref": "#/components/schemas/Ticket"}


def _resp(schema: dict, desc: str = "OK") -> dict:
    return {"description": desc, "content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict:
    text = {400: "请求无效", 401: "未认证", 403: "无权限", 404: "不存在", 409: "状态冲突（非法流转）",
            413: "请求体过大", 415: "请求体不是 JSON（Content-Type）",
            422: "字段校验失败（含 JSON 嵌套超过 32 层、控制字符）", 503: "数据库暂时不可用（带 Retry-After 头）"}
    return {str(c): _resp(ERROR, text[c]) for c in codes}


def _enum(e) -> dict:
    return {"type": "string", "enum": [m.value for m in e],
            "description": "、".join(f"{m.value}={m.label}" for m in e)}


def _part_paths(app, paths: dict[str, Any]) -> None:
    """Routes the other parts added (好差评, channels, Open311) that the table below does not describe: listed
    with the first line of their handler's docstring, so the document names every route."""
    for route in app.router.routes():
        info = route.resource.get_info() if route.resource is not None else {}
        path = info.get("path") or info.get("formatter")
        if not path or not path.startswith(("/api/", "/open311/", "/channels/")) or route.method == "HEAD":
            continue
        method = route.method.lower()
        if method in paths.get(path, {}):
            continue
        doc = (getattr(route.handler, "__doc__", None) or "").strip().splitlines()
        params = [{"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
                  for name in (p.split("}")[0].split(":")[0] for p in path.split("{")[1:])]
        paths.setdefault(path, {})[method] = {
            "summary": doc[0] if doc else f"{route.handler.__module__}.{route.handler.__name__}",
            "tags": [route.handler.__module__.split(".")[0]],
            **({"parameters": params} if params else {}),
            "responses": {"200": _resp({"type": "object"}), **_errors(400, 401, 403, 404, 409, 422)},
        }


def _real_limits(paths: dict[str, Any]) -> None:
    """What every operation can answer and the ranges the server enforces (hotline/services/fields.py)."""
    from hotline.services.fields import MAX_ID

    retry_after = {"Retry-After": {"description": "建议重试前等待的秒数", "schema": {"type": "integer"}}}
    for path, operations in paths.items():
        for method, op in operations.items():
            responses = op.setdefault("responses", {})
            if path != "/healthz":
                responses.setdefault("503", _errors(503)["503"] | {"headers": retry_after})
            if path.startswith(("/api/", "/open311/")) and path != "/api/openapi.json":
                for code in (401, 403, 422) + ((404,) if "{" in path else ()):
                    responses.setdefault(str(code), _errors(code)[str(code)])
            if method in ("post", "put"):
                responses.setdefault("413", _errors(413)["413"])
                if path.startswith("/api/"):
                    responses.setdefault("415", _errors(415)["415"])
            for param in op.get("parameters", []):
                schema = param.setdefault("schema", {})
                if param["in"] == "path" and param["name"] == "id":
                    param["schema"] = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
                elif param["name"] in ("offset", "after", "page") and param["in"] == "query":
                    schema.update(type="integer", minimum=0, maximum=MAX_ID)
                elif param["name"] == "limit" and param["in"] == "query":
                    schema.update(type="integer", minimum=0, maximum=MAX_ID)
                    param.setdefault("description", "每页条数（1–200；超出按边界取值）")


def document(app=None) -> dict[str, Any]:
    from hotline.web.api import ACTIONS

    number = {"name": "number", "in": "path", "required": True, "schema": {"type": "string"},
              "description": "工单编号"}
    paths: dict[str, Any] = {
        "/healthz": {"get": {"summary": "健康检查（含工作日历状态）", "security": [],
                             "responses": {"200": _resp({"type": "object"}), "503": _resp({"type": "object"}, "降级")}}},
        "/api/v1/tickets": {
            "post": {
                "summary": "受理诉求（Idempotency-Key 使重试返回同一工单）",
                "parameters": [{"name": "Idempotency-Key", "in": "header", "schema": {"type": "string"}}],
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/NewTicket"}}}},
                "responses": {"201": _resp(TICKET, "已创建"), "200": _resp(TICKET, "重试：返回首次创建的工单"),
                              **_errors(401, 403, 409, 422)}},
            "get": {
                "summary": "工单列表（承办单位仅见本单位工单）",
                "parameters": [{"name": n, "in": "query", "schema": {"type": t}} for n, t in
                               (("status", "string"), ("unit", "string"), ("q", "string"), ("overdue", "boolean"),
                                ("queue", "string"), ("citizen_ref", "string"), ("channel", "string"),
                                ("category", "string"), ("from", "string"), ("to", "string"), ("limit", "integer"),
                                ("offset", "integer"), ("page", "integer"), ("cursor", "string"))],
                "description": "按游标分页：把回答中的 next / previous 作为 cursor 参数读下一页 / 上一页"
                               "（新工单到达时既不重复也不遗漏）；offset、page 仍可用于前几页。"
                               "queue：triage（待分拣，按派单时限）、callbacks（待回访，按回访时限）、"
                               "overdue（超期的在办工单，最新的在前）、supervised（督办 / 通报中的在办工单，按办结时限）。",
                "responses": {"200": _resp({"type": "object", "properties": {
                    "total": {"type": "integer"}, "total_exact": {"type": "boolean"},
                    "next": {"type": ["string", "null"]}, "previous": {"type": ["string", "null"]},
                    "items": {"type": "array", "items": TICKET}}}),
                    **_errors(401, 422)}},
        },
        "/api/v1/tickets/{number}": {"get": {"summary": "工单详情", "parameters": [number],
                                             "responses": {"200": _resp(TICKET), **_errors(401, 403, 404)}}},
        "/api/v1/tickets/{number}/audit": {"get": {"summary": "工单全流程记录（只追加）", "parameters": [number],
                                                   "responses": {"200": _resp({"type": "object"}),
                                                                 **_errors(401, 403, 404)}}},
        "/api/v1/units": {"get": {"summary": "单位列表", "responses": {"200": _resp({"type": "object"})}}},
        "/api/v1/categories": {"get": {"summary": "分类树", "responses": {"200": _resp({"type": "object"})}}},
        "/api/v1/notices": {"get": {"summary": "通知（派单、预警、催办、督办、通报）",
                                    "responses": {"200": _resp({"type": "object"})}}},
        "/api/v1/me": {"get": {"summary": "当前身份", "responses": {"200": _resp({"type": "object"})}}},
        "/api/v1/holidays": {"get": {"summary": "节假日覆盖表", "responses": {"200": _resp({"type": "object"})}}},
        "/api/v1/holidays/{day}": {
            "put": {"summary": "设置某日是否上班（管理员）",
                    "parameters": [{"name": "day", "in": "path", "required": True, "schema": {"type": "string", "format": "date"}}],
                    "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["workday"],
                                    "properties": {"workday": {"type": "boolean"}, "note": {"type": "string"}}}}}},
                    "responses": {"200": _resp({"type": "object"}), **_errors(401, 403, 422)}},
            "delete": {"summary": "删除某日设置（管理员）",
                       "parameters": [{"name": "day", "in": "path", "required": True, "schema": {"type": "string", "format": "date"}}],
                       "responses": {"200": _resp({"type": "object"}), **_errors(401, 403, 404)}}},
        "/api/v1/sweep": {"post": {"summary": "立即执行一次时限巡检（管理员、督办）",
                                   "responses": {"200": _resp({"type": "object"})}}},
        "/api/v1/admin/routing-table": {
            "get": {"summary": "当前派单规则表（文本、来源、历史版本）", "responses": {"200": _resp({"type": "object"})}},
            "put": {"summary": "保存新的派单规则表（校验后生效，错误指明行号），或 {\"restore\": 版本号} 回滚（管理员）",
                    "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
                        "text": {"type": "string"}, "note": {"type": "string"}, "restore": {"type": "integer"}}}}}},
                    "responses": {"200": _resp({"type": "object"}), **_errors(401, 403, 404, 422)}}},
        "/api/v1/admin/retrain": {"post": {"summary": "用话务员更正重新训练分类模型（后台任务，管理员）",
                                           "responses": {"202": _resp({"type": "object"}, "已排队"),
                                                         **_errors(401, 403)}}},
    }
    for action in ACTIONS:
        props = {p.name: ({"type": "array", "items": {"type": "string"}} if p.type == "array" else {"type": p.type})
                 | ({"description": p.description} if p.description else {}) for p in action.params}
        body = {"type": "object", "properties": props, "additionalProperties": False,
                "required": [p.name for p in action.params if p.required]}
        paths[f"/api/v1/tickets/{{number}}/{action.path}"] = {"post": {
            "summary": f"{action.summary}（角色：{'、'.join(r.label for r in action.roles)}）",
            "operationId": action.path.replace("-", "_"),
            "parameters": [number],
            "requestBody": {"content": {"application/json": {"schema": body}}},
            "responses": {"200": _resp(TICKET), **_errors(401, 403, 404, 409, 422)}}}
    if app is not None:
        _part_paths(app, paths)
    _real_limits(paths)
    return {
        "openapi": "3.1.0",
        "info": {"title": "hotline 12345 政务服务便民热线 API", "version": "1.0.0",
                 "description": "工单全生命周期：受理、派单、签收、办理、答复、回访、办结，以及退单、延期、重办、并单、督办。"},
        "servers": [{"url": "/"}],
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                           "description": "hotline token create 生成的令牌"}},
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {
                    "type": "object", "required": ["code", "message"],
                    "properties": {"code": {"type": "string"}, "message": {"type": "string"},
                                   "details": {"type": "object"}}}}},
                "NewTicket": {"type": "object", "required": ["content", "channel"], "properties": {
                    "content": {"type": "string", "maxLength": 5000}, "channel": _enum(Channel),
                    "channel_ref": {"type": "string"}, "title": {"type": "string"},
                    "contact_name": {"type": "string"}, "contact_phone": {"type": "string"},
                    "hide_identity": {"type": "boolean"}, "share_contact": {"type": "boolean"},
                    "place": {"type": "string"}, "appeal_type": _enum(AppealType), "urgency": _enum(Urgency),
                    "category": {"type": "string"}, "citizen_ref": {"type": "string"},
                    "transcript": {"type": "object"}, "attachments": {"type": "array"}}},
                "Ticket": {"type": "object", "required": ["number", "status"], "properties": {
                    "number": {"type": "string"}, "status": _enum(TicketStatus), "status_label": {"type": "string"},
                    "appeal_type": _enum(AppealType), "urgency": _enum(Urgency), "channel": _enum(Channel),
                    "content": {"type": "string"}, "lead_unit": {"type": ["string", "null"]},
                    "dispatch_due": {"type": ["string", "null"], "format": "date-time"},
                    "complete_due": {"type": ["string", "null"], "format": "date-time"},
                    "allowed_actions": {"type": "array", "items": {"type": "string"}}}},
            },
        },
    }
