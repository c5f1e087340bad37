"""Users, passwords (scrypt: memory-hard, in the standard library) and API tokens."""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import timedelta

from sqlalchemy import select

from hotline.domain.vocab import Role
from hotline.errors import Conflict, InvalidInput, NotFound, Unauthorized
from hotline.services.actors import Actor
from hotline.services.fields import revoke_live
from models import ApiToken, Unit, User

# scrypt with N=2**14, r=8 uses 16 MiB per hash: memory-hard, ~50 ms on these machines.
_N, _R, _P = 2 ** 14, 8, 1
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
TOKEN_PREFIX = "hl_"
NEUTRAL_LOGIN_ERROR = "用户名或密码错误，或尝试次数过多，请稍后再试"


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=_N, r=_R, p=_P, maxmem=64 * 1024 * 1024, dklen=32)
    return f"scrypt${_N}${_R}${_P}${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    got = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                         maxmem=64 * 1024 * 1024, dklen=32)
    return hmac.compare_digest(got, base64.b64decode(digest))


def _parse_role(role: str) -> Role:
    try:
        return Role.parse(role)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None


def _unit_for(session, role: Role, unit_code: str | None) -> Unit | None:
    if role is Role.unit and not unit_code:
        raise InvalidInput("承办单位账号必须绑定一个单位（--unit 单位编码）")
    if not unit_code:
        return None
    unit = session.scalar(select(Unit).where(Unit.code == unit_code))
    if unit is None:
        raise NotFound(f"单位编码不存在：{unit_code}")
    return unit


def create_user(hl, *, username: str, password: str, role: str, unit_code: str | None = None,
                display_name: str = "") -> dict:
    username = (username or "").strip()
    if not username or len(username) > 80:
        raise InvalidInput("用户名不能为空，且不超过80个字符")
    if len(password or "") < 8:
        raise InvalidInput("密码至少8位")
    parsed = _parse_role(role)
    with hl.uow() as uow:
        s = uow.session
        if s.scalar(select(User.id).where(User.username == username)):
            raise Conflict(f"用户名已存在：{username}")
        unit = _unit_for(s, parsed, unit_code)
        user = User(username=username, password_hash=hash_password(password), role=parsed.value,
                    unit_id=unit.id if unit else None, display_name=display_name or username)
        s.add(user)
        uow.commit()
        return {"id": user.id, "username": user.username, "role": user.role,
                "unit": unit.code if unit else None}


def create_token(hl, *, name: str, role: str, unit_code: str | None = None) -> str:
    """Create an API token and return it; only its hash is stored, so it is shown once."""
    if not (name or "").strip():
        raise InvalidInput("令牌名称不能为空")
    parsed = _parse_role(role)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with hl.uow() as uow:
        unit = _unit_for(uow.session, parsed, unit_code)
        uow.session.add(ApiToken(name=name.strip(), token_hash=_token_hash(token), role=parsed.value,
                                 unit_id=unit.id if unit else None))
        uow.commit()
    return token


def revoke_token(hl, *, name: str) -> int:
    with hl.uow() as uow:
        count = revoke_live(uow.session, ApiToken, ApiToken.name == name, at=hl.now())
        uow.commit()
        return count


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def actor_for_token(hl, token: str) -> Actor:
    with hl.sessions() as s:
        row = s.scalar(select(ApiToken).where(ApiToken.token_hash == _token_hash(token)))
        if row is None or row.revoked_at is not None:
            raise Unauthorized("令牌无效或已吊销")
        unit = row.unit
        return Actor(kind="token", name=row.name, role=Role(row.role), id=f"token:{row.id}",
                     unit_id=row.unit_id, unit_code=unit.code if unit else None)


def actor_for_user(user: User) -> Actor:
    return Actor(kind="user", name=user.display_name or user.username, role=Role(user.role),
                 id=f"user:{user.id}", unit_id=user.unit_id,
                 unit_code=user.unit.code if user.unit else None)


def login(hl, *, username: str, password: str) -> Actor:
    """Check a password; lock the account for a while after repeated failures."""
    now = hl.now()
    with hl.uow() as uow:
        user = uow.session.scalar(select(User).where(User.username == (username or "").strip()))
        if user is None or not user.active:
            hash_password(password or "x")  # same cost whether or not the user exists
            raise Unauthorized(NEUTRAL_LOGIN_ERROR)
        if user.locked_until and user.locked_until > now:
            hash_password(password or "x")
            raise Unauthorized(NEUTRAL_LOGIN_ERROR)  # the same answer: it must not tell that the account exists
        if not verify_password(password or "", user.password_hash):
            user.failed_logins += 1
            if user.failed_logins >= MAX_FAILED_LOGINS:
                user.locked_until = now + LOCKOUT
                user.failed_logins = 0
            uow.commit()
            raise Unauthorized(NEUTRAL_LOGIN_ERROR)
        user.failed_logins = 0
        user.locked_until = None
        actor = actor_for_user(user)
        uow.commit()
        return actor
