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
    cache = hl.token_actors
    if cache is None:
        with _TOKEN_CACHE_LOCK:
            if hl.token_actors is None:
                hl.token_actors = TTLCache(maxsize=4096, ttl=TOKEN_CACHE_SECONDS)
            cache = hl.token_actors
    return cache


def cached_actor_for_token(hl, token: str) -> Actor | None:
    """The actor of a token this process looked up less than ``TOKEN_CACHE_SECONDS`` ago, else None.
    No I/O: the web server asks here on its event loop before it sends a look-up to a worker thread."""
    cache = _token_cache(hl)
    with _TOKEN_CACHE_LOCK:
        return cache.get(_token_hash(token))


def actor_for_token(hl, token: str) -> Actor:
    actor = cached_actor_for_token(hl, token)
    if actor is not None:
        return actor
    key = _token_hash(token)
    cache = _token_cache(hl)
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


def login(hl, *, username: str, password: str, otp: str | None = None) -> Actor:
    """Check a password (and the TOTP code of an account with a second factor); lock the account for a
    while after repeated failures. Every refusal before the password is right says the same thing."""
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
        if user.totp_enabled and not _totp_ok(user.totp_secret, otp):
            raise Unauthorized("请输入动态验证码（两步验证）" if not (otp or "").strip() else "动态验证码错误或已过期",
                               otp_required=True)
        user.failed_logins = 0
        user.locked_until = None
        actor = actor_for_user(user)
        uow.commit()
        return actor


# -- password reset by an administrator (a one-time link) ------------------------------------------
RESET_LIFETIME = timedelta(hours=24)
MIN_PASSWORD = 8


def issue_password_reset(hl, *, actor: Actor, user_id: int) -> str:
    """An administrator issues a one-time reset link for a user; returns the token (shown once)."""
    from hotline.services import audit

    actor.require(Role.admin)
    token = secrets.token_urlsafe(32)
    now = hl.now()
    with hl.uow() as uow:
        user = uow.session.get(User, int(user_id))
        if user is None:
            raise NotFound("用户不存在")
        user.reset_token_hash, user.reset_expires_at = _token_hash(token), now + RESET_LIFETIME
        audit.record(uow.session, actor, "issue_password_reset", at=now, subject_type="user", subject_id=user.id,
                     data={"username": user.username, "expires_at": user.reset_expires_at.isoformat()})
        uow.commit()
    return token


def reset_user(hl, token: str) -> str | None:
    """The username a reset link is for, while it is valid; ``None`` otherwise."""
    if not token or len(token) > 100:
        return None
    with hl.sessions() as s:
        user = s.scalar(select(User).where(User.reset_token_hash == _token_hash(token)))
        if user is None or not user.active or not user.reset_expires_at or user.reset_expires_at < hl.now():
            return None
        return user.username


def reset_password(hl, *, token: str, password: str) -> str:
    """Redeem a reset link once: set the new password, unlock, end every open session of the user."""
    from models import ConsoleSession
    from sqlalchemy import delete

    from hotline.services import audit

    if len(password or "") < MIN_PASSWORD:
        raise InvalidInput(f"密码至少{MIN_PASSWORD}位", field="password")
    now = hl.now()
    with hl.uow() as uow:
        s = uow.session
        user = s.scalar(select(User).where(User.reset_token_hash == _token_hash(token or "")))
        if user is None or not user.active or not user.reset_expires_at or user.reset_expires_at < now:
            raise Unauthorized("重置链接无效、已使用或已过期，请联系管理员重新生成")
        user.password_hash = hash_password(password)
        user.reset_token_hash = user.reset_expires_at = None
        user.failed_logins, user.locked_until = 0, None
        s.execute(delete(ConsoleSession).where(ConsoleSession.user_id == user.id))
        audit.record(s, actor_for_user(user), "reset_password", at=now, subject_type="user", subject_id=user.id)
        uow.commit()
        return user.username


# -- the optional second factor (TOTP, RFC 6238, with pyotp) ---------------------------------------
TOTP_ROLES = (Role.admin, Role.supervisor)
TOTP_ISSUER = "12345热线"


def _totp_ok(secret: str | None, code: str | None) -> bool:
    import pyotp

    code = (code or "").strip().replace(" ", "")
    return bool(secret and code.isdigit() and len(code) == 6 and pyotp.TOTP(secret).verify(code, valid_window=1))


def _user_of(s, actor: Actor) -> User:
    if actor.kind != "user" or not (actor.id or "").startswith("user:"):
        raise InvalidInput("只有控制台账号可以设置两步验证")
    user = s.get(User, int(actor.id.split(":", 1)[1]))
    if user is None:
        raise NotFound("用户不存在")
    return user


def begin_totp(hl, *, actor: Actor) -> dict:
    """Start enrolling a second factor: a new secret and its otpauth:// URI for an authenticator app."""
    import pyotp

    actor.require(*TOTP_ROLES)
    with hl.uow() as uow:
        user = _user_of(uow.session, actor)
        if user.totp_enabled:
            raise Conflict("两步验证已开启；如需更换，请先由管理员关闭")
        user.totp_secret = pyotp.random_base32()
        uri = pyotp.TOTP(user.totp_secret).provisioning_uri(name=user.username, issuer_name=TOTP_ISSUER)
        out = {"secret": user.totp_secret, "uri": uri}
        uow.commit()
        return out


def confirm_totp(hl, *, actor: Actor, code: str) -> None:
    """Turn the second factor on once the first code from the app is right."""
    from hotline.services import audit

    actor.require(*TOTP_ROLES)
    with hl.uow() as uow:
        user = _user_of(uow.session, actor)
        if not user.totp_secret or user.totp_enabled:
            raise Conflict("请先生成两步验证密钥")
        if not _totp_ok(user.totp_secret, code):
            raise InvalidInput("动态验证码错误，请核对手机时间后重试", field="code")
        user.totp_enabled = True
        audit.record(uow.session, actor, "enable_totp", at=hl.now(), subject_type="user", subject_id=user.id)
        uow.commit()


def totp_status(hl, *, actor: Actor) -> bool:
    with hl.sessions() as s:
        return bool(_user_of(s, actor).totp_enabled)


def disable_totp(hl, *, actor: Actor, user_id: int) -> None:
    """An administrator turns a user's second factor off (a lost phone); recorded in the audit."""
    from hotline.services import audit

    actor.require(Role.admin)
    with hl.uow() as uow:
        user = uow.session.get(User, int(user_id))
        if user is None:
            raise NotFound("用户不存在")
        user.totp_enabled, user.totp_secret = False, None
        audit.record(uow.session, actor, "disable_totp", at=hl.now(), subject_type="user", subject_id=user.id)
        uow.commit()
