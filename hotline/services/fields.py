"""Request fields checked the same way in every use case and channel, and the look-up that makes a
retried submission return the record it first created."""
from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hotline.errors import Conflict, InvalidInput, NotFound

PHONE = re.compile(r"^\+?[0-9][0-9\- ]{4,19}$")
MAX_ID = 2 ** 31 - 1        # ids are 32-bit integers in the database (PostgreSQL INTEGER)
# control characters a text may not hold: all of C0 and DEL except tab, line feed, carriage return
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_MESSAGE = "不能包含控制字符（如 \\u0000）"


def refuse_control(value: str, where: str) -> str:
    """``value`` unchanged, or InvalidInput naming ``where`` when it holds a control character."""
    if CONTROL.search(value):
        raise InvalidInput(f"{where}{CONTROL_MESSAGE}", field=where)
    return value


def ident(value, what: str) -> int:
    """A record id from a path or a form: a positive 32-bit integer, else NotFound (it cannot exist)."""
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        raise NotFound(f"{what}不存在：{str(value)[:40]}") from None
    if not 1 <= number <= MAX_ID:
        raise NotFound(f"{what}不存在：{str(value)[:40]}")
    return number


def int_param(raw, name: str, default: int, *, lo: int = 0, hi: int = MAX_ID) -> int:
    """An integer query parameter (offset, limit, after…) within ``lo``..``hi``."""
    if raw is None or raw == "":
        return default
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):
        raise InvalidInput(f"参数 {name} 应为整数", field=name) from None
    if not lo <= value <= hi:
        raise InvalidInput(f"参数 {name} 应在 {lo} 到 {hi} 之间", field=name)
    return value


def text(data: dict, key: str, *, required: bool = False, max_len: int = 200) -> str | None:
    """A stripped text field; None when absent or blank (InvalidInput when required)."""
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise InvalidInput(f"缺少必填字段：{key}", field=key)
        return None
    if not isinstance(value, str):
        raise InvalidInput(f"字段 {key} 必须是文本", field=key)
    value = refuse_control(value.strip(), key)
    if len(value) > max_len:
        raise InvalidInput(f"字段 {key} 超过 {max_len} 个字符", field=key)
    return value


def choice(enum, data: dict, key: str):
    """A LabelledEnum member from its code or its Chinese label; None when absent."""
    raw = data.get(key)
    if raw in (None, ""):
        return None
    try:
        return enum.parse(str(raw))
    except ValueError as exc:
        raise InvalidInput(f"字段 {key}：{exc}", field=key) from None


def flag(data: dict, key: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise InvalidInput(f"字段 {key} 必须是 true 或 false", field=key)
    return value


def choices(enum, raw: str | None, *, what: str = "状态") -> list[str]:
    """A comma-separated list of enum codes (a list filter); InvalidInput names the first bad one."""
    values = [x for x in (raw or "").split(",") if x]
    for value in values:
        try:
            enum(value)
        except ValueError:
            raise InvalidInput(f"无效的{what}：{value}", field="status") from None
    return values


def period(column, start, end) -> list:
    """Conditions for ``start <= column < end``; an open end adds nothing."""
    conds = []
    if start is not None:
        conds.append(column >= start)
    if end is not None:
        conds.append(column < end)
    return conds


def revoke_live(s: Session, model, *where, at) -> int:
    """Stamp ``revoked_at`` on every live row matching ``where`` (tokens, keys, devices); returns how many."""
    rows = s.scalars(select(model).where(*where, model.revoked_at.is_(None))).all()
    for row in rows:
        row.revoked_at = at
    return len(rows)


# -- the idempotency protocol (tickets, reviews, and every channel that submits them) ------------
# A client may send an ``Idempotency-Key`` (or a channel its own reference, ``channel_ref``): a retry
# returns the record the first submission created; the same key with a different body is a 409.
MAX_IDEMPOTENCY_KEY = 120


def idempotency_key(raw: str | None) -> str | None:
    """The stripped key (None when absent); InvalidInput when too long."""
    key = (raw or "").strip() or None
    if key and len(key) > MAX_IDEMPOTENCY_KEY:
        raise InvalidInput(f"Idempotency-Key 不能超过{MAX_IDEMPOTENCY_KEY}个字符")
    return key


def fingerprint(data: dict) -> str:
    """What a retry's body must equal: a hash of the request, stored as ``extra['request_hash']``."""
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def check_replay(record, key: str | None, request_hash: str, *, message: str, **details) -> None:
    """A retry with the record's own key must carry the same body (Conflict otherwise)."""
    stored = (record.extra or {}).get("request_hash")
    if key and stored and stored != request_hash and record.idempotency_key == key:
        raise Conflict(message, **details)


def find_retry(s: Session, model: Any, key: str | None, channel: str,
               channel_ref: str | None) -> Any:
    """The record a retry refers to: the same idempotency key, else the same channel reference."""
    if key:
        found = s.scalar(select(model).where(model.idempotency_key == key))
        if found is not None:
            return found
    if channel_ref:
        return s.scalar(select(model).where(model.channel == channel, model.channel_ref == channel_ref))
    return None
