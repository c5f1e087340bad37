"""Accounts that hold: an administrator's one-time reset link, the optional TOTP second factor, and
deactivation (never deletion) of users, units and categories with their history kept."""
from __future__ import annotations

import re

import pyotp
import pytest
from sqlalchemy import select

from hotline.demo import DEMO_PASSWORD
from hotline.domain.vocab import Role
from hotline.errors import Conflict, Forbidden, InvalidInput, Unauthorized
from hotline.services import auth, registry, tickets
from hotline.services.actors import Actor
from hotline.services.auth import NEUTRAL_LOGIN_ERROR
from models import AuditEvent, User

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
OPERATOR = Actor(kind="user", name="话务员", role=Role.operator, id="user:op")


@pytest.fixture
def city(sqlite_demo):
    return sqlite_demo()


def _user_actor(hl, username):
    with hl.sessions() as s:
        return auth.actor_for_user(s.scalar(select(User).where(User.username == username)))


def _user_id(hl, username):
    with hl.sessions() as s:
        return s.scalar(select(User.id).where(User.username == username))


def test_a_reset_link_works_once_and_ends_the_users_sessions(city, clock):
    admin = _user_actor(city, "admin")
    with pytest.raises(Forbidden):
        auth.issue_password_reset(city, actor=OPERATOR, user_id=_user_id(city, "jiangan"))
    token = auth.issue_password_reset(city, actor=admin, user_id=_user_id(city, "jiangan"))
    assert auth.reset_user(city, token) == "jiangan"
    with pytest.raises(InvalidInput):
        auth.reset_password(city, token=token, password="short")
    assert auth.reset_password(city, token=token, password="a-new-secret-1") == "jiangan"
    with pytest.raises(Unauthorized):
        auth.reset_password(city, token=token, password="again-new-secret")      # one use only
    assert auth.login(city, username="jiangan", password="a-new-secret-1").name
    with pytest.raises(Unauthorized):
        auth.login(city, username="jiangan", password=DEMO_PASSWORD)
    expired = auth.issue_password_reset(city, actor=admin, user_id=_user_id(city, "operator"))
    clock.advance(hours=25)
    assert auth.reset_user(city, expired) is None
    with city.sessions() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.subject_type == "user")).all()
    assert actions.count("issue_password_reset") == 2 and actions.count("reset_password") == 1


def test_totp_second_factor_for_admins_and_supervisors(city):
    sup = _user_actor(city, "supervisor")
    with pytest.raises(Forbidden):
        auth.begin_totp(city, actor=_user_actor(city, "jiangan"))
    enrol = auth.begin_totp(city, actor=sup)
    assert enrol["uri"].startswith("otpauth://totp/") and "supervisor" in enrol["uri"]
    with pytest.raises(InvalidInput):
        auth.confirm_totp(city, actor=sup, code="000000")
    totp = pyotp.TOTP(enrol["secret"])
    auth.confirm_totp(city, actor=sup, code=totp.now())
    with pytest.raises(Conflict):
        auth.begin_totp(city, actor=sup)
    with pytest.raises(Unauthorized, match="动态验证码"):
        auth.login(city, username="supervisor", password=DEMO_PASSWORD)
    with pytest.raises(Unauthorized, match="动态验证码"):
        auth.login(city, username="supervisor", password=DEMO_PASSWORD, otp="123456")
    with pytest.raises(Unauthorized, match=NEUTRAL_LOGIN_ERROR):  # a wrong password says nothing of the code
        auth.login(city, username="supervisor", password="wrong-password", otp=totp.now())
    assert auth.login(city, username="supervisor", password=DEMO_PASSWORD, otp=totp.now()).role.value == "supervisor"
    auth.disable_totp(city, actor=_user_actor(city, "admin"), user_id=_user_id(city, "supervisor"))
    assert auth.login(city, username="supervisor", password=DEMO_PASSWORD)


def test_units_and_categories_are_deactivated_not_deleted(city):
    admin = _user_actor(city, "admin")
    view, _ = tickets.create_ticket(city, actor=OPERATOR, data={
        "content": "江岸区解放大道占道经营", "channel": "phone"})
    with pytest.raises(Forbidden):
        registry.set_active(city, actor=OPERATOR, kind="unit", code="D-JA", active=False)
    registry.set_active(city, actor=admin, kind="unit", code="D-WC", active=False)
    assert "D-WC" not in [u["code"] for u in registry.list_units(city)]
    assert {"code": "D-WC", "active": False}.items() <= next(
        u for u in registry.list_units(city, include_inactive=True) if u["code"] == "D-WC").items()
    with pytest.raises(InvalidInput, match="D-WC"):
        tickets.dispatch_ticket(city, actor=OPERATOR, number=view["number"], unit="D-WC")
    cat = registry.list_categories(city)[0]["code"]
    registry.set_active(city, actor=admin, kind="category", code=cat, active=False)
    assert cat not in [c["code"] for c in registry.list_categories(city)]
    registry.set_active(city, actor=admin, kind="unit", code="D-WC", active=True)
    assert "D-WC" in [u["code"] for u in registry.list_units(city)]
    with city.sessions() as s:
        trail = s.execute(select(AuditEvent.subject_type, AuditEvent.action)
                          .where(AuditEvent.subject_type.in_(["unit", "category"])).order_by(AuditEvent.id)).all()
    assert [tuple(r) for r in trail] == [("unit", "deactivate"), ("category", "deactivate"), ("unit", "activate")]


async def test_the_reset_link_in_the_console(city, aiohttp_client):
    from hotline.web.app import create_app

    client = await aiohttp_client(create_app(city))
    token = auth.issue_password_reset(city, actor=_user_actor(city, "admin"), user_id=_user_id(city, "rsj"))
    page = await client.get(f"/reset/{token}")
    html = await page.text()
    assert page.status == 200 and "rsj" in html
    csrf = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
    resp = await client.post(f"/reset/{token}", data={"_csrf": csrf, "password": "brand-new-pass",
                                                      "password2": "brand-new-pass"}, allow_redirects=False)
    assert resp.status == 303 and resp.headers["Location"] == "/login"
    gone = await client.get(f"/reset/{token}")
    assert gone.status == 404 and "已过期" in await gone.text()
    assert auth.login(city, username="rsj", password="brand-new-pass")
