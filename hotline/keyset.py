"""Keyset pagination: a page continues after (or before) the last row seen, never at an offset.

A list declares its order as ``Key``s (the last one unique, e.g. the id). A page's ``next`` and
``previous`` are opaque cursors (base64url of the boundary row's key values, the list's order name and the
direction); the next query adds ``beyond(keys, values)`` to its WHERE and reads ``limit + 1`` rows in
``order_by(keys)``, so each page is an index range scan however deep it is, and rows inserted or
removed meanwhile neither repeat nor skip the rows already listed.

NULLs sort last in both directions of a nullable key (``NULLS LAST``: PostgreSQL's default for ASC, so a
plain ascending index still serves it). Booleans are compared with ``IS TRUE / IS FALSE`` rather than
``<``, so an index on the column still answers.

(sqlakeyset does the same for SQLAlchemy but refuses nullable order columns and compares booleans as
integers — a cast no index serves — which is why the few lines here are our own.)
"""
from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Sequence

from sqlalchemy import and_, false, or_

from hotline.errors import InvalidInput

BAD_CURSOR = "分页游标无效或已过期，请从第一页重新查询"


@dataclass(frozen=True)
class Key:
    column: Any                      # an ORM attribute, e.g. Ticket.created_at
    desc: bool = False
    kind: str = "int"                # int | bool | datetime: how a cursor carries the value
    nullable: bool = False

    @property
    def name(self) -> str:
        return self.column.key


def order_by(keys: Sequence[Key], backwards: bool = False) -> list:
    """The ORDER BY of the list (``backwards``: the reverse order, to read the page before a cursor)."""
    out = []
    for k in keys:
        desc = k.desc != backwards
        term = k.column.desc() if desc else k.column.asc()
        if k.nullable:
            term = term.nulls_first() if backwards else term.nulls_last()
        out.append(term)
    return out


def _equal(k: Key, value):
    if value is None:
        return k.column.is_(None)
    if k.kind == "bool":
        return k.column.is_(bool(value))
    return k.column == value


def _after(k: Key, value, backwards: bool):
    """Rows strictly after ``value`` in this key's direction (reversed when ``backwards``)."""
    desc = k.desc != backwards
    if value is None:               # NULLs are last: nothing after them, everything not NULL before
        return k.column.is_not(None) if backwards else false()
    if k.kind == "bool":
        beyond = (k.column.is_(False) if value else false()) if desc else (k.column.is_(True) if not value else false())
    else:
        beyond = k.column < value if desc else k.column > value
    if k.nullable and not backwards:
        return or_(beyond, k.column.is_(None))
    return beyond


def beyond(keys: Sequence[Key], values: Sequence, backwards: bool = False):
    """WHERE rows come after ``values`` in the list's order (before them when ``backwards``)."""
    terms = []
    for i, k in enumerate(keys):
        terms.append(and_(*[_equal(keys[j], values[j]) for j in range(i)], _after(k, values[i], backwards)))
    return or_(*terms)


def values_of(keys: Sequence[Key], row) -> list:
    return [getattr(row, k.name) for k in keys]


def encode(order: str, keys: Sequence[Key], row, *, backwards: bool = False) -> str:
    """The cursor of the page after ``row`` (before it when ``backwards``) in list ``order``."""
    vals = [v.isoformat() if isinstance(v, datetime) else v for v in values_of(keys, row)]
    raw = json.dumps({"o": order, "k": vals, "b": int(backwards)}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str, order: str, keys: Sequence[Key]) -> tuple[list, bool]:
    """(values, backwards) of a cursor made by ``encode`` for this list; ``InvalidInput`` otherwise (a
    cursor of another list or order, edited or truncated)."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor.strip() + "=" * (-len(cursor.strip()) % 4)))
        if not isinstance(raw, dict) or raw.get("o") != order or not isinstance(raw.get("k"), list):
            raise ValueError
        vals = raw["k"]
        if len(vals) != len(keys) or raw.get("b") not in (0, 1):
            raise ValueError
        return [_value(k, v) for k, v in zip(keys, vals)], bool(raw["b"])
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise InvalidInput(BAD_CURSOR, field="cursor") from None


def _value(k: Key, v):
    if v is None:
        if not k.nullable:
            raise ValueError
        return None
    if k.kind == "datetime" and isinstance(v, str):
        moment = datetime.fromisoformat(v)
        if moment.tzinfo is None:
            raise ValueError
        return moment
    if k.kind == "bool" and isinstance(v, bool):
        return v
    if k.kind == "int" and isinstance(v, int) and not isinstance(v, bool) and -2 ** 63 < v < 2 ** 63:
        return v
    raise ValueError
