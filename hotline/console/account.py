"""Account pages: the one-time password-reset link an administrator issued, and the optional TOTP second
factor of administrators and supervisors (``hotline.services.auth``)."""
from __future__ import annotations

import secrets

from aiohttp import web

from hotline.console.web import LOGIN_CSRF_COOKIE, form_of, opt, page, render, see_other
from hotline.errors import HotlineError
from hotline.services import auth
from hotline.services.actors import Actor
from hotline.web import guard
from hotline.web.app import call


def _reset_page(request: web.Request, *, username: str | None, error: str | None = None,
                status: int = 200) -> web.Response:
    token = secrets.token_urlsafe(24)
    response = render(request, "reset.html", status=status, title="重置密码", reset_user=username,
                      login_csrf=token, error=error)
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="Strict", path="/reset",
                        secure=guard.is_https(request))
    return response


async def reset_form(request: web.Request) -> web.Response:
    username = await call(request, auth.reset_user, request.match_info["token"])
    if username is None:
        return _reset_page(request, username=None, status=404,
                           error="重置链接无效、已使用或已过期，请联系管理员重新生成")
    return _reset_page(request, username=username)


async def reset_submit(request: web.Request) -> web.Response:
    form = await request.post()
    token = request.match_info["token"]
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    username = await call(request, auth.reset_user, token)
    if not cookie or not secrets.compare_digest(cookie, str(form.get("_csrf", ""))):
        return _reset_page(request, username=username, status=403, error="表单已过期（CSRF 校验失败），请重新输入")
    if guard.sign_in_blocked(request, "reset:" + token[:12]):
        return _reset_page(request, username=None, status=401, error=guard.NEUTRAL_LOGIN_ERROR)
    password, again = str(form.get("password", "")), str(form.get("password2", ""))
    if password != again:
        return _reset_page(request, username=username, status=422, error="两次输入的密码不一致")
    try:
        await call(request, auth.reset_password, token=token, password=password)
    except HotlineError as exc:
        if exc.status == 401:
            guard.sign_in_failed(request, "reset:" + token[:12])
        return _reset_page(request, username=username, status=exc.status, error=exc.message)
    response = see_other("/login")
    response.del_cookie(LOGIN_CSRF_COOKIE, path="/reset")
    raise response


@page(*auth.TOTP_ROLES)
async def security_page(request: web.Request, actor: Actor) -> web.Response:
    enabled = await call(request, auth.totp_status, actor=actor)
    enrol = None
    if request.method == "POST":
        code = opt(form_of(request), "code")
        try:
            if code is None:
                enrol = await call(request, auth.begin_totp, actor=actor)
            else:
                await call(request, auth.confirm_totp, actor=actor, code=code)
                raise see_other("/console/account?done=" + "两步验证已开启，下次登录请输入动态验证码")
        except HotlineError as exc:
            return render(request, "account.html", status=exc.status, error=exc.message, enabled=enabled,
                          enrol=None, title="账号安全")
    return render(request, "account.html", enabled=enabled, enrol=enrol, title="账号安全")


def setup_routes(app: web.Application) -> None:
    r = app.router
    r.add_get("/reset/{token}", reset_form)
    r.add_post("/reset/{token}", reset_submit)
    r.add_route("*", "/console/account", security_page)
