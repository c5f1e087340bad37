"""The city's matters, not only its tickets: hotspots (API, supervisor console, sweep refresh and
alerts) and the knowledge base's search. A plugin (``install(hl)``) like ``channels``; the repeat
appeals (并单) live in the ticket use cases (``hotline/services/similar.py``)."""
from __future__ import annotations

from aiohttp import web

from hotline.domain.vocab import Role
from hotline.errors import InvalidInput
from hotline.services import hotspots
from hotline.web.app import call, json_response, require_actor


async def api_hotspots(request: web.Request) -> web.Response:
    actor = await require_actor(request)
    raw = request.query.get("limit") or "50"
    if not raw.isdigit():
        raise InvalidInput("参数 limit 应为整数")
    return json_response(await call(request, hotspots.list_hotspots, actor=actor, range=request.query.get("range"),
                                    limit=int(raw)))


async def api_hotspot(request: web.Request) -> web.Response:
    actor = await require_actor(request)
    raw = request.match_info["id"]
    if not raw.isdigit():
        raise InvalidInput("热点编号应为整数")
    return json_response(await call(request, hotspots.get_hotspot, actor=actor, hotspot_id=int(raw)))


def _console_pages():
    from hotline.console.web import page, render
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

    return hotspot_list, hotspot_page


def setup(app: web.Application) -> None:
    r = app.router
    r.add_get("/api/v1/hotspots", api_hotspots)
    r.add_get("/api/v1/hotspots/{id}", api_hotspot)
    if any(getattr(res, "name", None) == "console_static" for res in r.resources()):
        hotspot_list, hotspot_page = _console_pages()
        r.add_get("/console/supervisor/hotspots", hotspot_list)
        r.add_get("/console/supervisor/hotspots/{id}", hotspot_page)


def install(hl) -> None:
    setups = hl.extras.setdefault("web_setups", [])
    if setup not in setups:
        setups.append(setup)
    hooks = hl.extras.setdefault("sweep_hooks", [])
    if hotspots.sweep_hook not in hooks:
        hooks.append(hotspots.sweep_hook)
