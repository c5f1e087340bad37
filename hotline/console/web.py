"""Console routes: sign-in, the operator console, the unit portal; supervisor and admin pages are
added by ``supervisor.setup_routes`` and ``admin.setup_routes``.

Handlers are thin: they read the form, call a service through ``hotline.web.app.call`` and render.
Service errors become a Chinese error page (403, 404) or the same form again with the message and
what was typed (422, 409).
"""
from __future__ import annotations

import functools
import secrets
from datetime import datetime
from pathlib import Path
from typing import Any, Awaitable, Callable
from urllib.parse import quote, urlencode

import aiohttp_jinja2
import jinja2
from aiohttp import web
from markupsafe import Markup

from hotline.console import sessions
from hotline.domain.vocab import AppealType, Channel, Role, Satisfaction, TicketStatus, Urgency, UnitKind
from hotline.errors import Forbidden, HotlineError, InvalidInput, NotFound
from hotline.services import registry, tickets
from hotline.services.actors import Actor
from hotline.web import guard
from hotline.web.app import HOTLINE, SESSION_RESOLVER, call, write_in_group

HERE = Path(__file__).parent
SIGNED = web.RequestKey("console_signed", object)
FORM = web.RequestKey("console_form", object)
LOGIN_CSRF_COOKIE = "hl_login_csrf"
CENTRE = (Role.operator, Role.supervisor, Role.admin)
HOME = {Role.operator: "/console/operator", Role.unit: "/console/unit", Role.supervisor: "/console/supervisor",
        Role.admin: "/console/admin"}
URGENCY_RANK = {"emergency": 0, "utility": 1, "normal": 2}


# -- helpers ----------------------------------------------------------------------------------
def local_time(hl, value: Any, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if not value:
        return "—"
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    return value.astimezone(hl.calendar.tz).strftime(fmt)


def nav_for(actor: Actor) -> list[tuple[str, str]]:
    role = actor.role
    items: list[tuple[str, str]] = []
    if role in (Role.operator, Role.admin):
        items += [("/console/operator", "分拣队列"), ("/console/operator/callbacks", "待回访"),
                  ("/console/operator/new", "新建工单")]
    if role is Role.unit:
        items += [("/console/unit", "待办工单"), ("/console/unit/notices", "通知"),
                  ("/console/unit/rectification", "差评整改"), ("/console/unit/figures", "本单位数据")]
    if role in (Role.supervisor, Role.admin):
        items += [("/console/supervisor", "数据总览"), ("/console/supervisor/rankings", "单位排名"),
                  ("/console/supervisor/overdue", "超期与督办"), ("/console/supervisor/decisions", "待审批"),
                  ("/console/supervisor/appeals", "评价申诉"), ("/console/supervisor/report", "月度报告"),
                  ("/console/supervisor/hotspots", "热点问题")]
    items.append(("/console/tickets", "工单查询"))
    items.append(("/console/kb", "知识库"))
    if role is Role.admin:
        items.append(("/console/admin", "系统管理"))
    if role in (Role.supervisor, Role.admin):
        items.append(("/console/account", "账号安全"))
    return items


async def current(request: web.Request) -> sessions.SignedIn | None:
    if SIGNED not in request:
        token = request.cookies.get(sessions.COOKIE)
        request[SIGNED] = await call(request, sessions.resolve, token) if token else None
    return request[SIGNED]


def render(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    signed = request.get(SIGNED)
    context.setdefault("me", signed)
    context.setdefault("csrf", signed.csrf if signed else "")
    context.setdefault("nav", nav_for(signed.actor) if signed else [])
    context.setdefault("path", request.path)
    context.setdefault("query", request.query)
    context.setdefault("error", None)
    context.setdefault("title", "登录")
    context.setdefault("form", {})
    context.setdefault("done", request.query.get("done"))
    if signed and signed.actor.role.value in ("supervisor", "admin") and "calendar_warnings" not in context:
        from hotline.services.holidays import calendar_warnings
        from hotline.web.app import HOTLINE

        context["calendar_warnings"] = calendar_warnings(request.app[HOTLINE])
    context.setdefault("calendar_warnings", [])
    response = aiohttp_jinja2.render_template(template, request, context, status=status)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def error_page(request: web.Request, status: int, message: str) -> web.Response:
    titles = {401: "请先登录", 403: "无权访问", 404: "未找到", 409: "操作冲突", 422: "输入有误"}
    return render(request, "error.html", status=status, title=titles.get(status, "出错了"), message=message)


Handler = Callable[[web.Request, Actor], Awaitable[web.StreamResponse]]


def page(*roles: Role) -> Callable[[Handler], Callable[[web.Request], Awaitable[web.StreamResponse]]]:
    """Sign-in, role and (on POST) CSRF checks around a console handler."""
    def deco(fn: Handler):
        @functools.wraps(fn)
        async def handler(request: web.Request) -> web.StreamResponse:
            signed = await current(request)
            if signed is None:
                if request.method == "GET":
                    raise web.HTTPSeeOther(f"/login?next={quote(request.path_qs)}")
                return error_page(request, 401, "登录已过期，请重新登录")
            if roles and signed.actor.role not in roles:
                return error_page(request, 403, f"当前账号（{signed.actor.role.label}）无权访问此页面")
            if request.method == "POST":
                request[FORM] = await request.post()
                if not sessions.csrf_ok(signed, request[FORM].get("_csrf")):
                    return error_page(request, 403, "表单校验失败（CSRF），请刷新页面后重新提交")
            try:
                return await fn(request, signed.actor)
            except (Forbidden, NotFound) as exc:
                return error_page(request, exc.status, exc.message)
            except HotlineError as exc:
                return error_page(request, exc.status, exc.message)
        return handler
    return deco


def form_of(request: web.Request) -> dict[str, Any]:
    raw = request.get(FORM)
    if raw is None:
        return {}
    out: dict[str, Any] = {}
    for key in raw.keys():
        if key == "_csrf":
            continue
        values = raw.getall(key)
        out[key] = values if len(values) > 1 or key.endswith("_list") else values[0]
    return out


def opt(form: dict, key: str) -> str | None:
    value = form.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    value = (value or "").strip() if isinstance(value, str) else value
    return value or None


def as_list(form: dict, key: str) -> list[str]:
    value = form.get(key) or []
    if isinstance(value, str):
        value = [value]
    return [v for v in value if v]


def yes_no(form: dict, key: str, label: str) -> bool:
    value = opt(form, key)
    if value not in ("1", "0"):
        raise InvalidInput(f"请选择“{label}”", field=key)
    return value == "1"


def see_other(location: str) -> web.HTTPSeeOther:
    return web.HTTPSeeOther(location)


# -- sign-in ----------------------------------------------------------------------------------
def _safe_next(value: str | None) -> str | None:
    if value and value.startswith("/") and not value.startswith("//") and not value.startswith("/login"):
        return value
    return None


async def login_form(request: web.Request) -> web.Response:
    signed = await current(request)
    if signed is not None:
        raise see_other(_safe_next(request.query.get("next")) or HOME.get(signed.actor.role, "/console/tickets"))
    return _login_page(request, username="", error=None)


def _login_page(request: web.Request, *, username: str, error: str | None, status: int = 200) -> web.Response:
    token = secrets.token_urlsafe(24)
    response = render(request, "login.html", status=status, login_csrf=token, username=username, error=error,
                      next=_safe_next(request.query.get("next")) or "")
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="Strict", path="/login",
                        secure=guard.is_https(request))
    return response


async def login_submit(request: web.Request) -> web.Response:
    form = await request.post()
    username = str(form.get("username", "")).strip()
    password = str(form.get("password", ""))
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not cookie or not secrets.compare_digest(cookie, str(form.get("_csrf", ""))):
        return _login_page(request, username=username, status=403,
                           error="登录表单已过期（CSRF 校验失败），请重新输入")
    if not username or not password:
        return _login_page(request, username=username, status=422, error="请输入用户名和密码")
    if guard.sign_in_blocked(request, username):
        return _login_page(request, username=username, error=guard.NEUTRAL_LOGIN_ERROR, status=401)
    try:
        token, signed = await call(request, sessions.sign_in, username=username, password=password,
                                   user_agent=request.headers.get("User-Agent", ""),
                                   otp=str(form.get("otp", "")).strip() or None)
    except HotlineError as exc:
        if exc.status == 401:
            guard.sign_in_failed(request, username)
        return _login_page(request, username=username, error=exc.message, status=exc.status)
    guard.sign_in_succeeded(request, username)
    target = _safe_next(str(form.get("next", ""))) or HOME.get(signed.actor.role, "/console/tickets")
    response = web.HTTPSeeOther(target)
    response.set_cookie(sessions.COOKIE, token, httponly=True, samesite="Lax", path="/", secure=guard.is_https(request),
                        max_age=int(sessions.LIFETIME.total_seconds()))
    response.del_cookie(LOGIN_CSRF_COOKIE, path="/login")
    raise response


async def logout(request: web.Request) -> web.Response:
    signed = await current(request)
    if signed is not None:
        form = await request.post()
        if not sessions.csrf_ok(signed, form.get("_csrf")):
            return error_page(request, 403, "表单校验失败（CSRF），请刷新页面后重新提交")
        await call(request, sessions.sign_out, request.cookies.get(sessions.COOKIE))
    response = web.HTTPSeeOther("/login")
    response.del_cookie(sessions.COOKIE, path="/")
    raise response


async def root(request: web.Request) -> web.Response:
    signed = await current(request)
    raise see_other(HOME.get(signed.actor.role, "/console/tickets") if signed else "/login")


async def api_session_resolver(request: web.Request) -> Actor | None:
    """Lets the JSON API accept the console cookie; unsafe methods need the X-CSRF-Token header."""
    token = request.cookies.get(sessions.COOKIE)
    if not token:
        return None
    signed = await current(request)
    if signed is None:
        return None
    if request.method not in ("GET", "HEAD", "OPTIONS") and not sessions.csrf_ok(
            signed, request.headers.get("X-CSRF-Token")):
        raise Forbidden("使用登录会话调用接口时，修改类请求须携带 X-CSRF-Token 头")
    return signed.actor


# -- ticket lists -----------------------------------------------------------------------------
TICKET_HEADERS = ["工单编号", "标题", "诉求类型", "紧急程度", "状态", "承办单位", "受理时间", "派单时限",
                  "办结时限", "超期", "督办"]


def ticket_row(hl, t: dict) -> list[Any]:
    return [t["number"], t["title"], t["appeal_type_label"], t["urgency_label"], t["status_label"],
            t.get("lead_unit_name") or "", local_time(hl, t["created_at"]), local_time(hl, t["dispatch_due"]),
            local_time(hl, t["complete_due"]), "是" if t["overdue"] else "",
            t["supervision_label"] if t["supervision_level"] != "none" else ""]


def ticket_rows(hl, items: list[dict]) -> list[list[Any]]:
    return [ticket_row(hl, t) for t in items]


def search_params(query) -> dict[str, Any]:
    params: dict[str, Any] = {}
    for key in ("q", "status", "unit"):
        if query.get(key, "").strip():
            params[key] = query[key].strip()
    if query.get("overdue") in ("1", "0"):
        params["overdue"] = query["overdue"] == "1"
    try:
        params["offset"] = min(max(0, int(query.get("offset", "0"))), 2 ** 31 - 1)
    except ValueError:
        params["offset"] = 0
    if query.get("cursor", "").strip():
        params["cursor"] = query["cursor"].strip()
    return params


async def triage_items(request: web.Request, actor: Actor) -> list[dict]:
    queue = await call(request, tickets.list_tickets, actor=actor, queue="triage", limit=200)
    received = await call(request, tickets.list_tickets, actor=actor, status="received", limit=200)
    items = queue["items"] + received["items"]
    items.sort(key=lambda t: (URGENCY_RANK.get(t["urgency"], 9), t["dispatch_due"] or "9999"))
    return items


TRIAGE_PAGE = 50    # tickets of the triage queue on a page (上一页 / 下一页 for the rest)


@page(Role.operator, Role.admin)
async def operator_queue(request: web.Request, actor: Actor) -> web.Response:
    """The triage queue a page at a time in dispatch-deadline order (which follows urgency); the tickets
    still waiting for automatic triage (受理, usually few) head the first page."""
    cursor = request.query.get("cursor") or None
    found = await call(request, tickets.list_tickets, actor=actor, queue="triage", limit=TRIAGE_PAGE, cursor=cursor)
    received = {"items": [], "total": 0, "total_exact": True}
    if not cursor:
        received = await call(request, tickets.list_tickets, actor=actor, status="received", limit=TRIAGE_PAGE)
    items = received["items"] + found["items"]
    items.sort(key=lambda t: (URGENCY_RANK.get(t["urgency"], 9), t["dispatch_due"] or "9999"))
    total = {"n": found["total"] + received["total"], "exact": found["total_exact"] and received["total_exact"]}
    return render(request, "operator.html", items=items, found=found, total=total,
                  now=request.app[HOTLINE].now().isoformat(), title="分拣队列")


CALLBACKS_PAGE = 50     # tickets on a page of the callbacks (上一页 / 下一页 for the rest)


@page(Role.operator, Role.admin)
async def operator_callbacks(request: web.Request, actor: Actor) -> web.Response:
    """The answered tickets to call back, a page at a time, the earliest callback deadline first."""
    found = await call(request, tickets.list_tickets, actor=actor, queue="callbacks", limit=CALLBACKS_PAGE,
                       cursor=request.query.get("cursor") or None)
    return render(request, "callbacks.html", items=found["items"], found=found, title="待回访")


SEARCH_PAGE = 50    # tickets on a page of the search list


@page(*CENTRE, Role.unit)
async def ticket_search(request: web.Request, actor: Actor) -> web.Response:
    params = search_params(request.query)
    error = None
    try:
        found = await call(request, tickets.list_tickets, actor=actor, limit=SEARCH_PAGE, **params)
    except (InvalidInput, Forbidden) as exc:
        found, error = {"items": [], "total": 0, "offset": 0, "limit": SEARCH_PAGE}, exc.message
    units = await _units(request) if actor.role is not Role.unit else []
    base = {k: v for k, v in request.query.items() if k not in ("offset", "cursor")}
    return render(request, "search.html", found=found, error=error, units=units, statuses=list(TicketStatus),
                  title="工单查询", base_query=urlencode(base),
                  export_query=urlencode(base))


async def _units(request: web.Request) -> list[dict]:
    cache = request.app[UNITS_CACHE]
    if cache.get("at", 0) < datetime.now().timestamp() - 60:
        cache["units"] = await call(request, registry.list_units)
        cache["at"] = datetime.now().timestamp()
    return cache["units"]


def forget_units(app: web.Application) -> None:
    app[UNITS_CACHE].clear()


UNITS_CACHE = web.AppKey("console_units_cache", dict)


# -- the ticket page and its actions ----------------------------------------------------------
def _parse_action(action: str, form: dict) -> dict[str, Any]:
    if action == "dispatch":
        if not opt(form, "unit"):
            raise InvalidInput("请选择承办单位", field="unit")
        return {"unit": opt(form, "unit"), "assisting_units": as_list(form, "assisting_units"),
                "note": opt(form, "note")}
    if action in ("sign", "start", "start-callback"):
        return {}
    if action == "answer":
        return {"answer": opt(form, "answer") or ""}
    if action == "return":
        return {"reason": opt(form, "reason") or "", "suggested_unit": opt(form, "suggested_unit")}
    if action == "decide-return":
        accept = yes_no(form, "accept", "审核结果")
        return {"accept": accept, "note": opt(form, "note"), "unit": opt(form, "unit") if accept else None}
    if action == "arbitrate":
        if not opt(form, "unit"):
            raise InvalidInput("请选择裁定的承办单位", field="unit")
        return {"unit": opt(form, "unit"), "note": opt(form, "note"),
                "assisting_units": as_list(form, "assisting_units")}
    if action == "extension":
        raw = opt(form, "workdays") or ""
        if not raw.isdigit():
            raise InvalidInput("延期天数须为整数（工作日）", field="workdays")
        return {"workdays": int(raw), "reason": opt(form, "reason") or ""}
    if action == "decide-extension":
        return {"approve": yes_no(form, "approve", "审批结果"), "note": opt(form, "note")}
    if action == "callback":
        solved = yes_no(form, "solved", "是否解决")
        if not opt(form, "satisfaction"):
            raise InvalidInput("请选择市民的满意度", field="satisfaction")
        return {"solved": solved, "satisfaction": opt(form, "satisfaction"), "note": opt(form, "note")}
    if action == "close-consultation":
        return {"answer": opt(form, "answer") or ""}
    if action == "transfer":
        return {"to": "|".join(as_list(form, "to")) or None, "note": opt(form, "note")}
    if action == "redirect":
        return {"kind": opt(form, "kind"), "note": opt(form, "note")}
    if action == "merge":
        if not opt(form, "into"):
            raise InvalidInput("请填写要并入的工单编号", field="into")
        return {"into": opt(form, "into"), "note": opt(form, "note")}
    if action == "supervise":
        return {"note": opt(form, "note") or ""}
    if action == "correct":
        return {"category": opt(form, "category"), "appeal_type": opt(form, "appeal_type"),
                "urgency": opt(form, "urgency")}
    raise NotFound("不支持的操作")


def _percent(value: Any) -> str:
    try:
        return f"{float(value) * 100:.0f}%"
    except (TypeError, ValueError):
        return "—"


def suggestion_facts(t: dict, unit_names: dict[str, str]) -> list[tuple[str, str]]:
    """The classifier's and the router's suggestions as an operator reads them: names instead of codes,
    the top categories as a short list, reasons as sentences."""
    c, r = t.get("classification") or {}, t.get("routing") or {}
    signals = c.get("signals") or {}
    facts: list[tuple[str, str]] = []
    if c:
        category = c.get("category") or "无把握"
        verdict = "，未采纳，需人工确认" if c.get("abstain") else ""
        facts.append(("分类建议", f"{category}（把握 {_percent(c.get('confidence'))}{verdict}）"))
        top = [x for x in signals.get("top") or [] if isinstance(x, (list, tuple)) and len(x) == 2][:3]
        if top:
            facts.append(("可能的分类", "、".join(f"{name} {_percent(p)}" for name, p in top)))
        for key, label, enum in (("appeal_type", "诉求类型", AppealType), ("urgency", "紧急程度", Urgency)):
            sig = signals.get(key)
            if isinstance(sig, dict) and sig.get("code") in enum._value2member_map_:
                words = "、".join(str(w) for w in sig.get("matched") or [])
                facts.append((label, enum(sig["code"]).label + (f"（因为提到“{words}”）" if words else "")))
        if signals.get("reason"):
            facts.append(("说明", str(signals["reason"])))
    if r:
        unit = r.get("unit")
        name = unit_names.get(unit, unit) if unit else "无法确定，需人工派单"
        assist = "、".join(unit_names.get(a, a) for a in r.get("assisting_units") or [])
        facts.append(("派单建议", f"{name}（把握 {_percent(r.get('confidence'))}）" + (f"；协办：{assist}" if assist else "")))
        facts.append(("派单理由", r.get("explanation") or "—"))
        # the other candidates are listed under 候选单位 on the page
        if r.get("excluded"):
            facts.append(("已退单单位", "、".join(unit_names.get(u, u) for u in r["excluded"])))
    if t.get("triage_reason"):
        facts.append(("转人工原因", t["triage_reason"]))
    return facts


async def _ticket_page(request: web.Request, actor: Actor, number: str, *, status: int = 200,
                       error: str | None = None, form: dict | None = None, failed: str | None = None
                       ) -> web.Response:
    view, trail = await call(request, tickets.ticket_with_trail, actor=actor, number=number)
    units = await _units(request)
    categories = await call(request, registry.list_categories) if actor.role in CENTRE else []
    reader = request.app[HOTLINE].citizen_messages
    messages = (await call(request, reader, number) or []) if reader and actor.role in CENTRE else []
    returns = [e for e in trail if e["action"] == "return"]
    extensions = [e for e in trail if e["action"] == "request_extension"]
    facts = suggestion_facts(view, {u["code"]: u["name"] for u in units})
    return render(request, "ticket.html", status=status, t=view, trail=trail, units=units, messages=messages,
                  suggestions=facts,
                  categories=categories, error=error, form=form or {}, failed=failed,
                  appeal_types=list(AppealType), urgencies=list(Urgency), satisfactions=list(Satisfaction),
                  unit_kinds=list(UnitKind), last_return=returns[-1] if returns else None,
                  last_extension=extensions[-1] if extensions else None, title=f"工单 {view['number']}",
                  max_extension=request.app[HOTLINE].rules.extension_max_workdays)


@page(*CENTRE, Role.unit)
async def ticket_page(request: web.Request, actor: Actor) -> web.Response:
    return await _ticket_page(request, actor, request.match_info["number"])


DONE = {"dispatch": "已派单给{unit}", "sign": "已签收", "start": "已开始办理", "answer": "已答复，等待热线中心回访",
        "return": "已退单，等待热线中心审核", "decide-return": "退单审核已完成", "arbitrate": "已裁定由{unit}承办",
        "extension": "已申请延期，等待热线中心审批", "decide-extension": "延期审批已完成", "start-callback": "已开始回访",
        "callback": "回访结果已记录", "close-consultation": "咨询已答复并办结", "merge": "已并入工单 {into}",
        "supervise": "已督办，承办单位已收到督办通知", "correct": "分类已更正（已作为训练样本保存）"}


def confirmation(action: str, number: str, view: dict, kwargs: dict) -> str:
    """What happened to which ticket, in one sentence: 工单 2026…：已派单给江岸区人民政府（当前状态：已派单）."""
    what = DONE.get(action, "操作已完成").format(unit=view.get("lead_unit_name") or "承办单位",
                                              into=kwargs.get("into") or "")
    status = view.get("status_label")
    return f"工单 {number}：{what}" + (f"（当前状态：{status}）" if status else "")


@page(*CENTRE, Role.unit)
async def ticket_action(request: web.Request, actor: Actor) -> web.StreamResponse:
    from hotline.web.api import ACTIONS_BY_PATH

    number, action = request.match_info["number"], request.match_info["action"]
    spec = ACTIONS_BY_PATH.get(action)
    if spec is None:
        return error_page(request, 404, "不支持的操作")
    if actor.role not in spec.roles:
        return error_page(request, 403, f"当前账号（{actor.role.label}）不能执行“{spec.summary}”")
    form = form_of(request)
    try:
        kwargs = _parse_action(action, form)
        result = await call(request, spec.service, actor=actor, number=number, **kwargs)
    except (Forbidden, NotFound):
        raise
    except HotlineError as exc:
        return await _ticket_page(request, actor, number, status=exc.status, error=exc.message, form=form,
                                  failed=action)
    if not isinstance(result, dict) or "status_label" not in result:
        try:
            result = await call(request, tickets.get_ticket, actor=actor, number=number)
        except HotlineError:   # e.g. a unit that returned the ticket may no longer read it
            result = {}
    done = quote(confirmation(action, number, result, kwargs))
    back = opt(form, "back")
    if back and _safe_next(back):
        raise see_other(back + ("&" if "?" in back else "?") + "done=" + done)
    target = f"/console/tickets/{quote(number)}" if result else "/console/unit"
    raise see_other(f"{target}?done={done}")


@page(Role.operator, Role.admin)
async def new_ticket(request: web.Request, actor: Actor) -> web.Response:
    form: dict[str, Any] = {}
    error = None
    if request.method == "POST":
        form = form_of(request)
        data = {k: opt(form, k) for k in ("content", "title", "place", "contact_name", "contact_phone",
                                           "appeal_type", "urgency", "category")}
        data = {k: v for k, v in data.items() if v is not None}
        data["channel"] = opt(form, "channel") or "phone"
        data["hide_identity"] = opt(form, "hide_identity") == "1"
        data["share_contact"] = opt(form, "share_contact") == "1"
        try:
            # written with the intakes waiting at that moment (group commit, like POST /api/v1/tickets)
            view, _ = await write_in_group(request, actor, data, None)
        except HotlineError as exc:
            error = exc.message
        else:
            raise see_other(f"/console/tickets/{view['number']}?done={quote('已受理')}")
    return render(request, "new_ticket.html", status=422 if error else 200, form=form, error=error,
                  appeal_types=list(AppealType), urgencies=list(Urgency), channels=list(Channel),
                  title="新建工单")


# -- unit portal ------------------------------------------------------------------------------
INBOX_PAGE = 50     # tickets on a page of the unit's inbox (上一页 / 下一页 for the rest)


@page(Role.unit)
async def unit_inbox(request: web.Request, actor: Actor) -> web.Response:
    found = await call(request, tickets.list_tickets, actor=actor, status="dispatched,signed,in_progress",
                       limit=INBOX_PAGE, cursor=request.query.get("cursor") or None)
    answered = await call(request, tickets.list_tickets, actor=actor, status="answered,callback,returned",
                          limit=50, count=False)    # shown without a total
    return render(request, "unit.html", items=found["items"], found=found, waiting=answered["items"],
                  title="待办工单", now=request.app[HOTLINE].now().isoformat())


@page(Role.unit)
async def unit_notices(request: web.Request, actor: Actor) -> web.Response:
    items = await call(request, tickets.unit_notices, actor=actor, limit=100)
    return render(request, "notices.html", items=items, title="通知")


@page(Role.unit)
async def unit_figures(request: web.Request, actor: Actor) -> web.Response:
    from hotline.console import figures

    days = _days(request)
    figs = await call(request, figures.compute, actor=actor, days=days)
    return render(request, "figures.html", figs=figs, days=days, charts=_charts(figs),
                  title=f"{request[SIGNED].unit_name or ''} 数据")


def _days(request: web.Request) -> int:
    raw = request.query.get("days", "30")
    return int(raw) if raw.isdigit() and 1 <= int(raw) <= 366 else 30


def _charts(figs) -> dict[str, Markup]:
    from hotline.console import charts

    return {
        "trend": charts.line_chart([d for d, _, _ in figs.trend],
                                   [("受理", [r for _, r, _ in figs.trend]), ("办结", [c for _, _, c in figs.trend])],
                                   title="每日受理与办结", width=1000, height=240),
        "category": charts.bar_chart(figs.by_category, title="按诉求分类（件）"),
        "district": charts.bar_chart(figs.by_district, title="按区域（件）"),
        "channel": charts.bar_chart(figs.by_channel, title="按渠道（件）"),
    }


def months(hl, count: int = 12) -> list[str]:
    """The last ``count`` local months, this one first ('2026-03', '2026-02', …)."""
    today = hl.calendar.local_date(hl.now())
    out, y, m = [], today.year, today.month
    for _ in range(count):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out


# -- setup ------------------------------------------------------------------------------------
def setup(app: web.Application) -> None:
    hl = app[HOTLINE]
    env = aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(str(HERE / "templates")),
                               autoescape=jinja2.select_autoescape(default=True), undefined=jinja2.StrictUndefined)
    env.filters["bj"] = functools.partial(local_time, hl)
    env.filters["bjdate"] = lambda v: local_time(hl, v, "%m-%d %H:%M")
    env.filters["pct"] = lambda v: "—" if v is None else f"{v:.1f}%"
    env.globals["now_iso"] = lambda: hl.now().isoformat()
    env.globals["role_home"] = HOME
    env.filters["channel"] = lambda v: Channel(v).label if v in Channel._value2member_map_ else v
    env.globals["static"] = lambda name: str(app.router["console_static"].url_for(filename=name))
    app[SESSION_RESOLVER] = api_session_resolver
    app[UNITS_CACHE] = {}
    r = app.router
    r.add_get("/", root)
    r.add_get("/login", login_form)
    r.add_post("/login", login_submit)
    r.add_post("/logout", logout)
    r.add_static("/console/static", str(HERE / "static"), name="console_static")
    r.add_get("/console/operator", operator_queue)
    r.add_get("/console/operator/callbacks", operator_callbacks)
    r.add_route("*", "/console/operator/new", new_ticket)
    r.add_get("/console/tickets", ticket_search)
    r.add_get("/console/tickets/{number}", ticket_page)
    r.add_post("/console/tickets/{number}/{action}", ticket_action)
    r.add_get("/console/unit", unit_inbox)
    r.add_get("/console/unit/notices", unit_notices)
    r.add_get("/console/unit/figures", unit_figures)
    from hotline.console import account, admin, supervisor

    supervisor.setup_routes(app)
    admin.setup_routes(app)
    account.setup_routes(app)
