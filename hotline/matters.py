"""The city's matters, not only its tickets: hotspots (API, supervisor console, sweep refresh and
alerts) and the knowledge base (API, console, stale flags). Its routes are one of ``create_app``'s parts, its sweep hooks and report sheets are set by
``bootstrap.wire``; the repeat
appeals (并单) live in the ticket use cases (``hotline/services/similar.py``)."""
from __future__ import annotations

from aiohttp import web

from hotline.domain.vocab import Role
from hotline.errors import InvalidInput
from hotline.services import hotspots, knowledge, reply_quality
from hotline.web.app import call, json_response, require_actor


async def api_hotspots(request: web.Request) -> web.Response:
    """当前热点问题（range=today 今日 / week 本周），按热度排序"""
    actor = await require_actor(request)
    raw = request.query.get("limit") or "50"
    if not raw.isdigit():
        raise InvalidInput("参数 limit 应为整数")
    return json_response(await call(request, hotspots.list_hotspots, actor=actor, range=request.query.get("range"),
                                    limit=int(raw)))


async def api_hotspot(request: web.Request) -> web.Response:
    """热点详情：地点、热度、时间范围与所含工单"""
    actor = await require_actor(request)
    raw = request.match_info["id"]
    if not raw.isdigit():
        raise InvalidInput("热点编号应为整数")
    return json_response(await call(request, hotspots.get_hotspot, actor=actor, hotspot_id=int(raw)))


async def _body(request: web.Request) -> dict:
    from hotline.web.api import read_json

    return await read_json(request)


def _id(request: web.Request) -> int:
    raw = request.match_info["id"]
    if not raw.isdigit():
        raise InvalidInput("知识条目编号应为整数")
    return int(raw)


async def api_kb_search(request: web.Request) -> web.Response:
    """知识库检索（q=市民的问题），返回已发布且在有效期内的条目"""
    actor = await require_actor(request)
    return json_response(await call(request, knowledge.search, actor=actor, q=request.query.get("q", ""),
                                    limit=int(request.query["limit"]) if request.query.get("limit", "").isdigit() else 5))


async def api_kb_articles(request: web.Request) -> web.Response:
    """知识条目列表（status、stale=1 过复核日期）；POST 新建草稿"""
    actor = await require_actor(request)
    if request.method == "POST":
        view = await call(request, knowledge.create_article, actor=actor, data=await _body(request))
        return json_response(view, status=201)
    stale = request.query.get("stale") in ("1", "true")
    return json_response({"items": await call(request, knowledge.list_articles, actor=actor,
                                              status=request.query.get("status") or None, stale=stale)})


async def api_kb_article(request: web.Request) -> web.Response:
    """知识条目详情（含版本记录）；PATCH 修改为新版本（需重新审核）"""
    actor = await require_actor(request)
    if request.method == "PATCH":
        return json_response(await call(request, knowledge.update_article, actor=actor, article_id=_id(request),
                                        data=await _body(request)))
    return json_response(await call(request, knowledge.get_article, actor=actor, article_id=_id(request)))


async def api_kb_approve(request: web.Request) -> web.Response:
    """审核发布知识条目（retire=true 停用）"""
    actor = await require_actor(request)
    body = await _body(request)
    retire = body.get("retire", False)
    if not isinstance(retire, bool):
        raise InvalidInput("retire 必须是 true 或 false", field="retire")
    return json_response(await call(request, knowledge.approve_article, actor=actor, article_id=_id(request),
                                    retire=retire))


async def api_kb_from_ticket(request: web.Request) -> web.Response:
    """由已答复的工单一键生成知识草稿"""
    actor = await require_actor(request)
    view = await call(request, knowledge.draft_from_ticket, actor=actor, number=request.match_info["number"])
    return json_response(view, status=201)


async def api_reply_checks(request: web.Request) -> web.Response:
    """工单质检按单位汇总（days=统计天数）"""
    actor = await require_actor(request)
    raw = request.query.get("days") or "30"
    if not raw.isdigit():
        raise InvalidInput("参数 days 应为整数")
    return json_response({"items": await call(request, reply_quality.unit_summary, actor=actor, days=int(raw))})


def _console_pages():
    from hotline.console.web import form_of, page, render
    from hotline.services import tickets

    @page(Role.supervisor, Role.admin, Role.operator)
    async def hotspot_list(request: web.Request, actor) -> web.Response:
        which = request.query.get("range") or "today"
        found = await call(request, hotspots.list_hotspots, actor=actor, range=which)
        alerts = [n for n in await call(request, tickets.unit_notices, actor=actor, limit=100)
                  if n["kind"] == "hotspot"][:10]
        return render(request, "hotspots.html", items=found["items"], which=which, alerts=alerts, title="热点问题")

    @page(Role.supervisor, Role.admin, Role.operator)
    async def hotspot_page(request: web.Request, actor) -> web.Response:
        raw = request.match_info["id"]
        if not raw.isdigit():
            raise InvalidInput("热点编号应为整数")
        spot = await call(request, hotspots.get_hotspot, actor=actor, hotspot_id=int(raw))
        return render(request, "hotspot.html", h=spot, title="热点详情")

    def _article_data(form: dict) -> dict:
        data = {k: (form.get(k) or "").strip() for k in ("title", "answer", "source", "valid_from", "valid_to",
                                                        "review_date", "unit", "note") if k in form}
        if "questions" in form:
            data["questions"] = form.get("questions") or ""
        return {k: v for k, v in data.items() if v != "" or k in ("title", "answer")}

    @page(Role.operator, Role.supervisor, Role.admin, Role.unit)
    async def kb_home(request: web.Request, actor) -> web.Response:
        error = None
        if request.method == "POST":
            try:
                view = await call(request, knowledge.create_article, actor=actor, data=_article_data(form_of(request)))
                raise web.HTTPSeeOther(f"/console/kb/{view['id']}?done=created")
            except InvalidInput as exc:
                error = exc.message
        q = (request.query.get("q") or "").strip()
        results = (await call(request, knowledge.search, actor=actor, q=q))["items"] if q else []
        articles = await call(request, knowledge.list_articles, actor=actor)
        return render(request, "kb.html", status=422 if error else 200, q=q, results=results, articles=articles,
                      error=error, form=form_of(request) if error else {}, title="知识库")

    @page(Role.operator, Role.supervisor, Role.admin, Role.unit)
    async def kb_article(request: web.Request, actor) -> web.Response:
        article_id = _id(request)
        error = None
        if request.method == "POST":
            form = form_of(request)
            try:
                if form.get("do") in ("approve", "retire"):
                    await call(request, knowledge.approve_article, actor=actor, article_id=article_id,
                               retire=form.get("do") == "retire")
                else:
                    await call(request, knowledge.update_article, actor=actor, article_id=article_id,
                               data=_article_data(form))
                raise web.HTTPSeeOther(f"/console/kb/{article_id}?done=saved")
            except InvalidInput as exc:
                error = exc.message
        a = await call(request, knowledge.get_article, actor=actor, article_id=article_id)
        return render(request, "kb_article.html", status=422 if error else 200, a=a, error=error, title=a["title"])

    @page(Role.operator, Role.supervisor, Role.admin)
    async def kb_from_ticket(request: web.Request, actor) -> web.Response:
        view = await call(request, knowledge.draft_from_ticket, actor=actor, number=request.match_info["number"])
        raise web.HTTPSeeOther(f"/console/kb/{view['id']}?done=drafted")

    return hotspot_list, hotspot_page, kb_home, kb_article, kb_from_ticket


async def _warm_up(app: web.Application) -> None:
    """Load the knowledge base's jieba dictionary at start-up, never inside the first request."""
    import asyncio

    from insight.kb import terms

    await asyncio.get_running_loop().run_in_executor(None, terms, "预热")


def setup(app: web.Application) -> None:
    app.on_startup.append(_warm_up)
    r = app.router
    r.add_get("/api/v1/hotspots", api_hotspots)
    r.add_get("/api/v1/hotspots/{id}", api_hotspot)
    r.add_get("/api/v1/reply-checks", api_reply_checks)
    r.add_get("/api/v1/kb/search", api_kb_search)
    r.add_get("/api/v1/kb/articles", api_kb_articles)
    r.add_post("/api/v1/kb/articles", api_kb_articles)
    r.add_get("/api/v1/kb/articles/{id}", api_kb_article)
    r.add_patch("/api/v1/kb/articles/{id}", api_kb_article)
    r.add_post("/api/v1/kb/articles/{id}/approve", api_kb_approve)
    r.add_post("/api/v1/kb/from-ticket/{number}", api_kb_from_ticket)
    if any(getattr(res, "name", None) == "console_static" for res in r.resources()):
        hotspot_list, hotspot_page, kb_home, kb_article, kb_from_ticket = _console_pages()
        r.add_get("/console/supervisor/hotspots", hotspot_list)
        r.add_get("/console/supervisor/hotspots/{id}", hotspot_page)
        r.add_route("*", "/console/kb", kb_home)
        r.add_route("*", "/console/kb/{id}", kb_article)
        r.add_post("/console/kb/from-ticket/{number}", kb_from_ticket)
