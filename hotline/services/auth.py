"""Users, passwords (scrypt: memory-hard, in the standard library) and API tokens."""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
from datetime import timedelta

from cachetools import TTLCache
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
    cache = _token_cache(hl)
    with _TOKEN_CACHE_LOCK:
        cache.clear()
    return count


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# A valid token's actor is remembered this long by a process, so that a busy channel (the call
# centre's webhook, an intake client) does not cost a database round trip per request. Revoking a
# token takes effect at once in the process that revokes it and within this time everywhere else.
TOKEN_CACHE_SECONDS = 10
_TOKEN_CACHE_LOCK = threading.Lock()


def _token_cache(hl) -> TTLCache:
    cache = hl.extras.get("token_actors")
    if cache is None:
        with _TOKEN_CACHE_LOCK:
            cache = hl.extras.setdefault("token_actors", TTLCache(maxsize=4096, ttl=TOKEN_CACHE_SECONDS))
    return cache


def actor_for_token(hl, token: str) -> Actor:
    key = _token_hash(token)
    cache = _token_cache(hl)
    with _TOKEN_CACHE_LOCK:
        actor = cache.get(key)
    if actor is not None:
        return actor
    with hl.sessions() as s:
        row = s.scalar(select(ApiToken).where(ApiToken.token_hash == key))
        if row is None or row.revoked_at is not None:
            raise Unauthorized("令牌无效或已吊销")
        unit = row.unit
        actor = Actor(kind="token", name=row.name, role=Role(row.role), id=f"token:{row.id}",
                      unit_id=row.unit_id, unit_code=unit.code if unit else None)
    with _TOKEN_CACHE_LOCK:
        cache[key] = actor
    return actor


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
            raise Unauthorized("用户名或密码错误")
        if user.locked_until and user.locked_until > now:
            raise Unauthorized("登录失败次数过多，账号已临时锁定，请稍后再试")
        if not verify_password(password or "", user.password_hash):
            user.failed_logins += 1
            if user.failed_logins >= MAX_FAILED_LOGINS:
                user.locked_until = now + LOCKOUT
                user.failed_logins = 0
            uow.commit()
            raise Unauthorized("用户名或密码错误")
        user.failed_logins = 0
        user.locked_until = None
        actor = actor_for_user(user)
        uow.commit()
        return actor
