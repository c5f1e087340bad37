"""Channel credentials an administrator manages in the console.

Kinds: ``tablet_pairing`` (one pairing code per window tablet, short-lived), ``bot_token`` (the chat
bot's token), ``miniprogram`` (AppID + AppSecret), ``callcentre`` (the shared secret the call-centre
system signs its requests with). Channel adapters read them with ``get_secret(hl, kind, name)``;
an environment variable or settings value, where the channel has one, wins over the table.
"""
from __future__ import annotations

import secrets
from datetime import timedelta

from sqlalchemy import select

from hotline.domain.vocab import Role
from hotline.errors import InvalidInput, NotFound
from hotline.services.actors import Actor
from models.console import ChannelCredential

KINDS = {
    "tablet_pairing": "窗口评价器配对码",
    "bot_token": "聊天机器人令牌",
    "miniprogram": "小程序密钥",
    "callcentre": "呼叫中心接口密钥",
}
GENERATED = {"tablet_pairing", "callcentre"}
PAIRING_TTL = timedelta(hours=24)


def mask(secret: str) -> str:
    if len(secret) <= 6:
        return "*" * len(secret)
    return secret[:3] + "*" * min(12, len(secret) - 5) + secret[-2:]


def list_credentials(hl, *, actor: Actor) -> list[dict]:
    actor.require(Role.admin)
    with hl.sessions() as s:
        rows = s.scalars(select(ChannelCredential).order_by(ChannelCredential.kind, ChannelCredential.name)).all()
        now = hl.now()
        return [{"id": r.id, "kind": r.kind, "kind_label": KINDS.get(r.kind, r.kind), "name": r.name,
                 "masked": mask(r.secret), "meta": r.meta or {}, "note": r.note, "updated_at": r.updated_at,
                 "revoked": r.revoked_at is not None,
                 "expired": bool((r.meta or {}).get("expires_at")) and (r.meta or {})["expires_at"] < now.isoformat()}
                for r in rows]


def save_credential(hl, *, actor: Actor, kind: str, name: str, secret: str | None = None,
                    app_id: str | None = None, note: str = "") -> str:
    """Create or replace a credential; returns the secret (shown once in the console)."""
    actor.require(Role.admin)
    if kind not in KINDS:
        raise InvalidInput("请选择凭据类型", field="kind")
    name = (name or "").strip()
    if not name or len(name) > 120:
        raise InvalidInput("名称不能为空，且不超过120个字符（例如窗口编号、机器人名称）", field="name")
    secret = (secret or "").strip()
    meta: dict = {}
    now = hl.now()
    if kind == "tablet_pairing":
        secret = f"{secrets.randbelow(10 ** 8):08d}"
        meta["expires_at"] = (now + PAIRING_TTL).isoformat()
    elif kind == "callcentre":
        secret = secret or secrets.token_urlsafe(32)
    elif kind == "bot_token":
        if ":" not in secret or len(secret) < 20:
            raise InvalidInput("机器人令牌格式应为“数字:字母数字串”，请从机器人平台复制完整令牌", field="secret")
    elif kind == "miniprogram":
        if not (app_id or "").strip():
            raise InvalidInput("请填写小程序 AppID", field="app_id")
        if len(secret) < 16:
            raise InvalidInput("AppSecret 至少16个字符", field="secret")
        meta["app_id"] = app_id.strip()
    if len(secret) > 2000:
        raise InvalidInput("密钥过长", field="secret")
    with hl.uow() as uow:
        s = uow.session
        row = s.scalar(select(ChannelCredential).where(ChannelCredential.kind == kind, ChannelCredential.name == name))
        if row is None:
            row = ChannelCredential(kind=kind, name=name, created_at=now)
            s.add(row)
        row.secret, row.meta, row.note, row.updated_at, row.revoked_at = secret, meta, (note or "")[:300], now, None
        uow.commit()
    return secret


def revoke_credential(hl, *, actor: Actor, credential_id: int) -> None:
    actor.require(Role.admin)
    with hl.uow() as uow:
        row = uow.session.get(ChannelCredential, credential_id)
        if row is None:
            raise NotFound("凭据不存在")
        row.revoked_at = hl.now()
        uow.commit()


def get_secret(hl, kind: str, name: str = "default") -> str | None:
    """For channel adapters: the live secret of ``kind``/``name`` (None if absent, revoked or expired)."""
    with hl.sessions() as s:
        row = s.scalar(select(ChannelCredential).where(ChannelCredential.kind == kind, ChannelCredential.name == name,
                                                       ChannelCredential.revoked_at.is_(None)))
        if row is None:
            return None
        expires = (row.meta or {}).get("expires_at")
        if expires and expires < hl.now().isoformat():
            return None
        return row.secret


def redeem_pairing_code(hl, code: str) -> str | None:
    """A tablet presents its pairing code once; returns the window name and revokes the code."""
    with hl.uow() as uow:
        row = uow.session.scalar(select(ChannelCredential).where(
            ChannelCredential.kind == "tablet_pairing", ChannelCredential.secret == str(code).strip(),
            ChannelCredential.revoked_at.is_(None)))
        if row is None or (row.meta or {}).get("expires_at", "") < hl.now().isoformat():
            return None
        row.revoked_at = hl.now()
        uow.commit()
        return row.name
