"""Console sign-in: server-side sessions behind an HttpOnly cookie, CSRF tokens, and the actor.

The cookie holds a random value; the table keeps only its SHA-256, so a leaked database does not
sign anyone in. Each session carries its own CSRF token, required on every form and, for
cookie-authenticated API calls, in the ``X-CSRF-Token`` header.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select

from hotline.services import auth
from hotline.services.actors import Actor
from models import User
from models.console import ConsoleSession

COOKIE = "hl_session"
LIFETIME = timedelta(hours=12)
IDLE_TIMEOUT = timedelta(hours=2)


@dataclass(frozen=True)
class SignedIn:
    actor: Actor
    csrf: str
    username: str
    unit_name: str | None


def _key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def sign_in(hl, *, username: str, password: str, user_agent: str = "", otp: str | None = None
            ) -> tuple[str, SignedIn]:
    """Check the password (``auth.login``: scrypt, lockout, TOTP) and open a session. Returns (cookie, session)."""
    actor = auth.login(hl, username=username, password=password, otp=otp)
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(24)
    now = hl.now()
    user_id = int(actor.id.split(":", 1)[1])
    with hl.uow() as uow:
        s = uow.session
        s.execute(delete(ConsoleSession).where(ConsoleSession.expires_at < now))
        s.add(ConsoleSession(id=_key(token), user_id=user_id, csrf_token=csrf, created_at=now,
                             last_seen_at=now, expires_at=now + LIFETIME, user_agent=user_agent[:300]))
        user = s.get(User, user_id)
        signed = SignedIn(actor=actor, csrf=csrf, username=user.username,
                          unit_name=user.unit.name if user.unit else None)
        uow.commit()
    return token, signed


def resolve(hl, token: str | None) -> SignedIn | None:
    """The session for a cookie value, or None when it is unknown, expired, idle or the user is disabled."""
    if not token or len(token) > 200:
        return None
    now = hl.now()
    with hl.uow() as uow:
        s = uow.session
        row = s.get(ConsoleSession, _key(token))
        if row is None:
            return None
        if row.expires_at <= now or row.last_seen_at + IDLE_TIMEOUT <= now or not row.user.active:
            s.delete(row)
            uow.commit()
            return None
        if now - row.last_seen_at > timedelta(minutes=1):
            row.last_seen_at = now
        user = row.user
        signed = SignedIn(actor=auth.actor_for_user(user), csrf=row.csrf_token, username=user.username,
                          unit_name=user.unit.name if user.unit else None)
        uow.commit()
        return signed


def sign_out(hl, token: str | None) -> None:
    if not token:
        return
    with hl.uow() as uow:
        uow.session.execute(delete(ConsoleSession).where(ConsoleSession.id == _key(token)))
        uow.commit()


def csrf_ok(signed: SignedIn, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(signed.csrf.encode(), str(given).encode())


def active_sessions(hl, *, username: str) -> int:
    with hl.sessions() as s:
        user_id = s.scalar(select(User.id).where(User.username == username))
        now = hl.now()
        return len(s.scalars(select(ConsoleSession.id).where(ConsoleSession.user_id == user_id,
                                                             ConsoleSession.expires_at > now)).all())
