"""Administration: units, users, categories, the routing table, deadline rules, holidays and
channel credentials. Every page is for the admin role only."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import quote

from aiohttp import web
from sqlalchemy import select

from hotline.console import credentials
from hotline.console.web import _units, forget_units, form_of, opt, page, render, see_other
from hotline.domain.vocab import Role, UnitKind
from hotline.errors import HotlineError, InvalidInput, NotFound
from hotline.services import auth, registry
from hotline.services.actors import Actor
from hotline.web import guard
from hotline.web.app import HOTLINE, call
from models import User

ADMIN = (Role.admin,)


# -- small admin services (no core service exists for these) ----------------------------------
def list_users(hl, *, actor: Actor) -> list[dict]:
    actor.require(Role.admin)
    with hl.sessions() as s:
        return [{"id": u.id, "username": u.username, "display_name": u.display_name, "role": Role(u.role).label,
                 "unit": u.unit.name if u.unit else "", "active": u.active, "totp": u.totp_enabled,
                 "locked": bool(u.locked_until and u.locked_until > hl.now())}
                for u in s.scalars(select(User).order_by(User.id))]


def set_user_active(hl, *, actor: Actor, user_id: int, active: bool) -> None:
    actor.require(Role.admin)
    with hl.uow() as uow:
        user = uow.session.get(User, user_id)
        if user is None:
            raise NotFound("用户不存在")
        if actor.id == f"user:{user.id}" and not active:
            raise InvalidInput("不能停用自己的账号")
        user.active = active
        if active:
            user.locked_until, user.failed_logins = None, 0
        uow.commit()


def save_unit(hl, *, actor: Actor, code: str, name: str, kind: str, parent: str | None, aliases: str) -> None:
    actor.require(Role.admin)
    if not code or len(code) > 40:
        raise InvalidInput("单位编码不能为空，且不超过40个字符", field="code")
    if not name:
        raise InvalidInput("单位名称不能为空", field="name")
    row = {"code": code, "name": name, "kind": kind, "parent": parent,
           "aliases": [a.strip() for a in (aliases or "").replace("，", ",").split(",") if a.strip()]}
    with hl.uow() as uow:
        registry.upsert_units(uow.session, [row])
        uow.commit()
    _reload_router(hl)


def save_category(hl, *, actor: Actor, code: str, name: str, parent: str | None) -> None:
    actor.require(Role.admin)
    if not code or len(code) > 40:
        raise InvalidInput("分类编码不能为空，且不超过40个字符", field="code")
    if not name:
        raise InvalidInput("分类名称不能为空", field="name")
    with hl.uow() as uow:
        registry.upsert_categories(uow.session, [{"code": code, "name": name, "parent": parent}])
        uow.commit()
    _reload_router(hl)


def _reload_router(hl) -> None:
    from hotline.bootstrap import default_router

    hl.router = default_router(hl)


def routing_text(hl) -> tuple[str, str]:
    text, source, _version = registry.routing_table_text(hl)
    return text, source


def catalogue_summary(text: str) -> list[dict]:
    """The 派单目录 entries of a routing table, for the administrator's overview (unvalidated)."""
    import tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return []
    return [{"id": d.get("id"), "name": d.get("name", ""), "lead": " → ".join(d.get("lead") or []),
             "matters": "、".join((d.get("matters") or [])[:8]),
             "terms": sum(len(d.get(k) or []) for k in ("matters", "objects", "places"))}
            for d in data.get("duty", []) if isinstance(d, dict)]


def save_routing(hl, *, actor: Actor, text: str) -> str:
    """Validate (errors name the line) and store a new version in the database; every process serves it."""
    saved = registry.save_routing_table(hl, actor=actor, text=text)
    return f"数据库版本 #{saved['version']}"


def rules_text(hl) -> tuple[str, str]:
    from hotline.domain.rules import default_rules_text

    if hl.settings.rules_file and Path(hl.settings.rules_file).exists():
        return Path(hl.settings.rules_file).read_text("utf-8"), hl.settings.rules_file
    return default_rules_text(), "系统默认规则（hotline/rules.toml）"


def save_rules(hl, *, actor: Actor, text: str) -> str:
    """Validate with ``parse_rules``, write the city rules file and use it from now on."""
    from hotline.domain.rules import RulesError, parse_rules
    from hotline.settings import with_overrides

    actor.require(Role.admin)
    target = Path(hl.settings.rules_file or hl.settings.data_dir / "rules.toml")
    try:
        rules = parse_rules(text, str(target))
    except RulesError as exc:
        raise InvalidInput(f"时限规则有误：{exc}", field="text") from None
    _write(target, text)
    hl.settings = with_overrides(hl.settings, rules_file=str(target))
    hl.rules = rules
    return str(target)


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(target.suffix + ".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)


# -- pages ------------------------------------------------------------------------------------
@page(*ADMIN)
async def overview(request: web.Request, actor: Actor) -> web.Response:
    hl = request.app[HOTLINE]
    return render(request, "admin.html", title="系统管理", calendar=hl.calendar.status().as_dict(),
                  rules_source=hl.rules.source, router=router_status(hl), classifier=classifier_status(hl))


def router_status(hl) -> str:
    """The routing engine as an administrator reads it (never a class name)."""
    from hotline.bootstrap import NoRouter
    from routing.router import RuleRouter

    if isinstance(hl.router, NoRouter):
        return "未加载派单规则表：所有工单转话务员人工派单（请在“派单规则表”页检查并保存）"
    if isinstance(hl.router, RuleRouter):
        return f"派单规则表已加载，共 {len(hl.router.table.rules)} 条规则；无规则命中时参考历史派单模型"
    return "使用自定义派单引擎"


def classifier_status(hl) -> str:
    from hotline.bootstrap import AbstainingClassifier

    if isinstance(hl.classifier, AbstainingClassifier):
        return "没有可用的分类模型：所有工单转话务员人工分类"
    version = getattr(hl.classifier, "version", None)
    return f"分类模型已启用（版本 {version}）；把握不足时转人工分类" if version else "分类模型已启用"


async def _form_post(request: web.Request, fn, template: str, context, **kwargs) -> web.Response | None:
    """Run ``fn``; on a validation error re-render ``template`` with what was typed and the message."""
    try:
        return await call(request, fn, **kwargs)
    except HotlineError as exc:
        ctx = await context()
        raise _Rerender(render(request, template, status=exc.status, error=exc.message,
                               form=form_of(request), **ctx)) from exc


class _Rerender(Exception):
    def __init__(self, response: web.Response) -> None:
        self.response = response


def admin_form(template: str):
    """Decorate a (request, actor, form) handler: GET renders, POST runs it and re-renders on error."""
    def deco(build_context):
        async def handler(request: web.Request, actor: Actor) -> web.StreamResponse:
            async def ctx():
                return await build_context(request, actor)
            if request.method == "POST":
                try:
                    message = await ACTIONS[template](request, actor, form_of(request), ctx)
                except _Rerender as r:
                    return r.response
                raise see_other(f"{request.path}?done={quote(message)}")
            return render(request, template, **await ctx())
        handler.__name__ = build_context.__name__
        return page(*ADMIN)(handler)
    return deco


async def _units_ctx(request, actor):
    return {"units": await call(request, registry.list_units, include_inactive=True), "kinds": list(UnitKind),
            "title": "单位管理"}


async def _users_ctx(request, actor):
    return {"users": await call(request, list_users, actor=actor), "roles": [r for r in Role],
            "units": await _units(request), "title": "用户管理"}


async def _categories_ctx(request, actor):
    return {"categories": await call(request, registry.list_categories, include_inactive=True),
            "title": "分类管理"}


async def _routing_ctx(request, actor):
    text, source = await call(request, routing_text)
    return {"text": text, "source": source, "title": "派单规则表", "duties": catalogue_summary(text)}


async def _rules_ctx(request, actor):
    text, source = await call(request, rules_text)
    return {"text": text, "source": source, "title": "时限规则"}


async def _holidays_ctx(request, actor):
    hl = request.app[HOTLINE]
    return {"holidays": await call(request, registry.list_holidays), "calendar": hl.calendar.status().as_dict(),
            "title": "节假日设置"}


async def _channels_ctx(request, actor):
    return {"items": await call(request, credentials.list_credentials, actor=actor), "kinds": credentials.KINDS,
            "title": "渠道凭据", "shown": request.query.get("shown")}


async def _toggle(request, actor, form, ctx, kind: str, template: str) -> str | None:
    code = opt(form, "toggle")
    if not code:
        return None
    active = opt(form, "active") == "1"
    await _form_post(request, registry.set_active, template, ctx, actor=actor, kind=kind, code=code, active=active)
    await call(request, _reload_router)
    forget_units(request.app)
    return f"已{'启用' if active else '停用'} {code}（历史记录保留）"


async def _post_units(request, actor, form, ctx):
    done = await _toggle(request, actor, form, ctx, "unit", "admin_units.html")
    if done:
        return done
    await _form_post(request, save_unit, "admin_units.html", ctx, actor=actor, code=opt(form, "code") or "",
                     name=opt(form, "name") or "", kind=opt(form, "kind") or "", parent=opt(form, "parent"),
                     aliases=opt(form, "aliases") or "")
    forget_units(request.app)
    return f"已保存单位 {opt(form, 'code')}"


async def _post_users(request, actor, form, ctx):
    if opt(form, "reset"):
        token = await _form_post(request, auth.issue_password_reset, "admin_users.html", ctx, actor=actor,
                                 user_id=int(opt(form, "reset")))
        link = f"{'https' if guard.is_https(request) else 'http'}://{request.host}/reset/{token}"
        raise _Rerender(render(request, "admin_users.html", reset_link=link, form={}, **await ctx()))
    if opt(form, "totp_off"):
        await _form_post(request, auth.disable_totp, "admin_users.html", ctx, actor=actor,
                         user_id=int(opt(form, "totp_off")))
        return "已关闭该账号的两步验证"
    if opt(form, "toggle"):
        await _form_post(request, set_user_active, "admin_users.html", ctx, actor=actor,
                         user_id=int(opt(form, "toggle")), active=opt(form, "active") == "1")
        return "已更新账号状态"
    if opt(form, "password") != opt(form, "password2"):
        raise _Rerender(render(request, "admin_users.html", status=422, error="两次输入的密码不一致",
                               form=form, **await ctx()))
    role = opt(form, "role") or ""
    await _form_post(request, auth.create_user, "admin_users.html", ctx, username=opt(form, "username") or "",
                     password=opt(form, "password") or "", role=role,
                     unit_code=opt(form, "unit") if role == "unit" else None,
                     display_name=opt(form, "display_name") or "")
    return f"已创建用户 {opt(form, 'username')}"


async def _post_categories(request, actor, form, ctx):
    done = await _toggle(request, actor, form, ctx, "category", "admin_categories.html")
    if done:
        return done
    await _form_post(request, save_category, "admin_categories.html", ctx, actor=actor,
                     code=opt(form, "code") or "", name=opt(form, "name") or "", parent=opt(form, "parent"))
    return f"已保存分类 {opt(form, 'code')}"


async def _post_routing(request, actor, form, ctx):
    target = await _form_post(request, save_routing, "admin_routing.html", ctx, actor=actor,
                              text=form.get("text") or "")
    return f"派单表已校验并保存到 {target}，立即生效"


async def _post_rules(request, actor, form, ctx):
    target = await _form_post(request, save_rules, "admin_rules.html", ctx, actor=actor, text=form.get("text") or "")
    return f"时限规则已校验并保存到 {target}，新工单立即按新规则计算"


async def _post_holidays(request, actor, form, ctx):
    raw = opt(form, "day") or ""
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise _Rerender(render(request, "admin_holidays.html", status=422, error="日期格式应为 YYYY-MM-DD",
                               form=form, **await ctx())) from None
    if opt(form, "delete"):
        result = await _form_post(request, registry.delete_holiday, "admin_holidays.html", ctx, day=day, actor=actor)
        return f"已删除 {day} 的设置" + _moved(result)
    workday = opt(form, "workday")
    if workday not in ("1", "0"):
        raise _Rerender(render(request, "admin_holidays.html", status=422, error="请选择当天上班还是放假",
                               form=form, **await ctx()))
    result = await _form_post(request, registry.set_holiday, "admin_holidays.html", ctx, day=day,
                              workday=workday == "1", note=(opt(form, "note") or "")[:200], actor=actor)
    return f"已设置 {day}" + _moved(result)


def _moved(result: dict | None) -> str:
    if not result or not (result["tickets_moved"] or result["cases_moved"]):
        return ""
    return (f"，已按新日历重新计算 {len(result['tickets_moved'])} 件工单、{len(result['cases_moved'])} 件整改单的时限"
            "（各自的操作记录中有调整前后的日期）")


async def _post_channels(request, actor, form, ctx):
    if opt(form, "revoke"):
        await _form_post(request, credentials.revoke_credential, "admin_channels.html", ctx, actor=actor,
                         credential_id=int(opt(form, "revoke")))
        return "已吊销"
    secret = await _form_post(request, credentials.save_credential, "admin_channels.html", ctx, actor=actor,
                              kind=opt(form, "kind") or "", name=opt(form, "name") or "",
                              secret=opt(form, "secret"), app_id=opt(form, "app_id"), note=opt(form, "note") or "")
    kind = opt(form, "kind")
    if kind in credentials.GENERATED:
        # shown once, right after it was made: the table keeps it but the list masks it
        raise _Rerender(render(request, "admin_channels.html", done="已生成，请立即记录（只显示这一次）",
                               new_secret=secret, **await ctx()))
    return "已保存"


ACTIONS = {
    "admin_units.html": _post_units, "admin_users.html": _post_users,
    "admin_categories.html": _post_categories, "admin_routing.html": _post_routing,
    "admin_rules.html": _post_rules, "admin_holidays.html": _post_holidays,
    "admin_channels.html": _post_channels,
}

units_page = admin_form("admin_units.html")(_units_ctx)
users_page = admin_form("admin_users.html")(_users_ctx)
categories_page = admin_form("admin_categories.html")(_categories_ctx)
routing_page = admin_form("admin_routing.html")(_routing_ctx)
rules_page = admin_form("admin_rules.html")(_rules_ctx)
holidays_page = admin_form("admin_holidays.html")(_holidays_ctx)
channels_page = admin_form("admin_channels.html")(_channels_ctx)


def setup_routes(app: web.Application) -> None:
    r = app.router
    r.add_get("/console/admin", overview)
    for path, handler in (("units", units_page), ("users", users_page), ("categories", categories_page),
                          ("routing", routing_page), ("rules", rules_page), ("holidays", holidays_page),
                          ("channels", channels_page)):
        r.add_route("GET", f"/console/admin/{path}", handler)
        r.add_route("POST", f"/console/admin/{path}", handler)
