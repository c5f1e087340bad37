"""Monthly partitions (PostgreSQL declarative partitioning) of the tables that grow without end.

On PostgreSQL, ``audit_events`` (by ``at``), ``notices`` and ``channel_messages`` (by ``created_at``)
are partitioned by RANGE, one partition a month (``<table>_pYYYYMM``, months in UTC) plus a default
partition (``<table>_default``) so that an insert never fails for a missing month. Migration 0740
converts existing tables; :func:`maintain` creates the months ahead and applies retention (the
worker runs it with every sweep, ``hotline db partitions`` by hand). On SQLite they stay plain tables
and every function here does nothing.

Why these and not ``reviews``: a partitioned table's unique constraints and primary key must contain
the partition key, and ``reviews`` has three global rules held by unique constraints (one rating per
subject and stage, one per channel reference, one per idempotency key) and is referenced by
``rectification_cases``, ``review_appeals`` and ``channel_messages``; partitioned by ``rated_at`` each
of those would hold only within a month. ``reviews`` stays one table (its figures read an index-only
scan by period, docs/benchmarks.md).

The two message tables had a unique ``dedupe_key`` ("sent once per key"). On PostgreSQL it becomes a
plain index and the rule is kept by :func:`claim_dedupe_key`, a transaction-scoped advisory lock on the
key taken before the "already sent?" SELECT, so two transactions with one key run one after the other.
The sweep writes its notices in bulk with the keys it loaded for its chunk; two sweeps over one ticket
cannot both write, because each also updates the ticket with its version check in that transaction.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session


@dataclass(frozen=True)
class Partitioned:
    table: str
    column: str                 # the partition key (a UTCDateTime column)
    dedupe: str | None = None   # a column unique on SQLite, kept unique by claim_dedupe_key on PostgreSQL


TABLES = (
    Partitioned("audit_events", "at"),
    Partitioned("notices", "created_at", dedupe="dedupe_key"),
    Partitioned("channel_messages", "created_at", dedupe="dedupe_key"),
)
BY_NAME = {t.table: t for t in TABLES}
# retention setting of each table (Settings field): 0 keeps every month
RETENTION_SETTING = {"audit_events": "retention_audit_months", "notices": "retention_notices_months",
                     "channel_messages": "retention_messages_months"}
PARTITION_NAME = re.compile(r"^(%s)_(p(\d{4})(\d{2})|default)$" % "|".join(t.table for t in TABLES))
# objects the models declare that PostgreSQL holds differently (for ``alembic check``)
PG_REPLACED = {f"uq_{t.table}_{t.dedupe}" for t in TABLES if t.dedupe}
PG_ONLY = {f"ix_{t.table}_{t.dedupe}" for t in TABLES if t.dedupe}
MONTHS_AHEAD = 3
# below PostgreSQL's deadlock_timeout (1 s by default): maintenance gives up before a deadlock check
# could pick a unit of work as its victim
LOCK_TIMEOUT_MS = 200


def is_partition(name: str) -> bool:
    return PARTITION_NAME.match(name) is not None


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month_of(moment: datetime) -> date:
    moment = moment.astimezone(timezone.utc)
    return date(moment.year, moment.month, 1)


def partition_name(table: str, month: date) -> str:
    return f"{table}_p{month.year:04d}{month.month:02d}"


def _bound(month: date) -> str:
    return f"'{month.isoformat()} 00:00:00+00'"


def is_partitioned(conn: Connection, table: str) -> bool:
    if conn.dialect.name != "postgresql":
        return False
    return bool(conn.scalar(text("SELECT EXISTS (SELECT 1 FROM pg_partitioned_table p JOIN pg_class c "
                                 "ON c.oid = p.partrelid WHERE c.relname = :t "
                                 "AND c.relnamespace = current_schema()::regnamespace)"), {"t": table}))


def partitions(conn: Connection, table: str) -> list[str]:
    """The names of ``table``'s partitions, oldest month first, the default partition last."""
    rows = conn.scalars(text("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
                             "JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = :t "
                             "AND p.relnamespace = current_schema()::regnamespace"), {"t": table}).all()
    return sorted(rows, key=lambda n: (n.endswith("_default"), n))


def claim_dedupe_key(session: Session, key: str) -> None:
    """Before "was this already sent?": on PostgreSQL, wait for any other transaction holding ``key``
    (a transaction-scoped advisory lock), so the check and the insert are one step per key. SQLite
    needs nothing: its writers run one at a time and the unique constraint is still there."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(key, 0))))


# -- creating months ---------------------------------------------------------------------------
def _create_month(conn: Connection, spec: Partitioned, month: date) -> str:
    """Create the month's partition. Rows of that month already in the default partition (written
    while the month was missing) are moved into it: the default partition is detached for the move
    (its copy of the append-only trigger goes with the detach) and attached again."""
    name = partition_name(spec.table, month)
    lo, hi = _bound(month), _bound(add_months(month, 1))
    default = f"{spec.table}_default"
    waiting = conn.scalar(text(f'SELECT EXISTS (SELECT 1 FROM "{default}" WHERE "{spec.column}" >= {lo} '
                               f'AND "{spec.column}" < {hi})'))
    if not waiting:
        conn.execute(text(f'CREATE TABLE "{name}" PARTITION OF "{spec.table}" FOR VALUES FROM ({lo}) TO ({hi})'))
        return name
    conn.execute(text(f'ALTER TABLE "{spec.table}" DETACH PARTITION "{default}"'))
    conn.execute(text(f'CREATE TABLE "{name}" PARTITION OF "{spec.table}" FOR VALUES FROM ({lo}) TO ({hi})'))
    conn.execute(text(f'INSERT INTO "{spec.table}" SELECT * FROM "{default}" WHERE "{spec.column}" >= {lo} '
                      f'AND "{spec.column}" < {hi}'))
    conn.execute(text(f'DELETE FROM "{default}" WHERE "{spec.column}" >= {lo} AND "{spec.column}" < {hi}'))
    conn.execute(text(f'ALTER TABLE "{spec.table}" ATTACH PARTITION "{default}" DEFAULT'))
    return name


def ensure_months(conn: Connection, spec: Partitioned, first: date, last: date) -> list[str]:
    """Create the missing monthly partitions from ``first`` to ``last`` (months), and the default one."""
    existing = set(partitions(conn, spec.table))
    created = []
    if f"{spec.table}_default" not in existing:
        conn.execute(text(f'CREATE TABLE "{spec.table}_default" PARTITION OF "{spec.table}" DEFAULT'))
        created.append(f"{spec.table}_default")
    month = first
    while month <= last:
        if partition_name(spec.table, month) not in existing:
            created.append(_create_month(conn, spec, month))
        month = add_months(month, 1)
    return created


def drop_before(conn: Connection, spec: Partitioned, keep_from: date) -> list[str]:
    """Detach and drop the monthly partitions wholly before ``keep_from`` (a first of month)."""
    dropped = []
    for name in partitions(conn, spec.table):
        m = PARTITION_NAME.match(name)
        if m is None or m.group(3) is None:
            continue
        if add_months(date(int(m.group(3)), int(m.group(4)), 1), 1) <= keep_from:
            conn.execute(text(f'ALTER TABLE "{spec.table}" DETACH PARTITION "{name}"'))
            conn.execute(text(f'DROP TABLE "{name}"'))
            dropped.append(name)
    return dropped


def maintain(conn: Connection, now: datetime, retention: dict[str, int] | None = None, *,
             ahead: int = MONTHS_AHEAD, since: date | None = None) -> dict[str, list[str]]:
    """Create this month and ``ahead`` months of partitions (from the month of ``since`` when given:
    before importing a city's history, so that its rows land in their months); with ``retention``
    (months to keep per table, 0 or absent: keep all), drop the partitions that ended before the first
    kept month.

    Each table with work to do gets its own short transaction that first locks the table and the
    tables its foreign keys reference, within ``lock_timeout`` (``LOCK_TIMEOUT_MS``, below PostgreSQL's
    ``deadlock_timeout``): when a unit of work holds one of them, maintenance gives up (raises) and the
    next sweep tries again, so a unit of work is never chosen as a deadlock's victim. The months are
    made ``ahead`` of time and the default partition takes rows meanwhile. Commits; returns what it did."""
    done: dict[str, list[str]] = {"created": [], "dropped": []}
    if conn.dialect.name != "postgresql":
        return done
    this_month = month_of(now)
    wanted = [min(this_month, date(since.year, since.month, 1)) if since else this_month]
    while wanted[-1] < add_months(this_month, ahead):
        wanted.append(add_months(wanted[-1], 1))
    for spec in TABLES:
        if not is_partitioned(conn, spec.table):
            continue
        existing = set(partitions(conn, spec.table))
        months = (retention or {}).get(spec.table, 0)
        keep_from = add_months(this_month, -months + 1) if months > 0 else None
        stale = keep_from is not None and any(
            (m := PARTITION_NAME.match(n)) and m.group(3) and add_months(date(int(m.group(3)), int(m.group(4)), 1), 1)
            <= keep_from for n in existing)
        missing = f"{spec.table}_default" not in existing or any(
            partition_name(spec.table, m) not in existing for m in wanted)
        if conn.in_transaction():
            conn.commit()
        if not (missing or stale):
            continue
        referenced = conn.scalars(text(
            "SELECT DISTINCT r.relname FROM pg_constraint c JOIN pg_class r ON r.oid = c.confrelid "
            "WHERE c.conrelid = CAST(:t AS regclass) AND c.contype = 'f'"), {"t": spec.table}).all()
        conn.commit()
        with conn.begin():
            conn.execute(text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT_MS}ms'"))
            conn.execute(text(f'LOCK TABLE "{spec.table}" IN ACCESS EXCLUSIVE MODE'))
            if referenced:   # a new partition's foreign keys add triggers to the tables they reference
                conn.execute(text("LOCK TABLE " + ", ".join(f'"{r}"' for r in referenced)
                                  + " IN SHARE ROW EXCLUSIVE MODE"))
            done["created"] += ensure_months(conn, spec, wanted[0], wanted[-1])
            if keep_from is not None:
                done["dropped"] += drop_before(conn, spec, keep_from)
    return done


# -- converting a table (migration 0740) ----------------------------------------------------------
def _definitions(conn: Connection, table: str) -> dict[str, Any]:
    schema_filter = "AND n.nspname = current_schema()"
    indexes = conn.execute(text(
        "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
        "JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
        f"WHERE t.relname = :t {schema_filter} AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
        "WHERE c.conindid = i.oid AND c.conrelid = t.oid)"), {"t": table}).all()
    constraints = conn.execute(text(
        "SELECT c.conname, c.contype, pg_get_constraintdef(c.oid) FROM pg_constraint c "
        "JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
        f"WHERE t.relname = :t {schema_filter} AND c.contype IN ('p', 'u', 'f')"), {"t": table}).all()
    triggers = conn.execute(text(
        "SELECT g.tgname, pg_get_triggerdef(g.oid) FROM pg_trigger g JOIN pg_class t ON t.oid = g.tgrelid "
        f"JOIN pg_namespace n ON n.oid = t.relnamespace WHERE t.relname = :t {schema_filter} "
        "AND NOT g.tgisinternal AND g.tgparentid = 0"), {"t": table}).all()
    return {"indexes": indexes, "constraints": constraints, "triggers": triggers}


def rebuild(conn: Connection, spec: Partitioned, *, partition: bool, now: datetime) -> None:
    """Rebuild ``spec.table`` as a partitioned table (``partition``) or back as a plain one: rename the
    old table, create the new one with the same columns, defaults, indexes, foreign keys and triggers,
    copy the rows, hand the id sequence over and drop the old table. The primary key of a partitioned
    table is (id, partition key); a unique dedupe column becomes a plain index (see module doc)."""
    table, old = spec.table, f"{spec.table}__old"
    found = _definitions(conn, table)
    seq = conn.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table})
    conn.execute(text(f'ALTER TABLE "{table}" RENAME TO "{old}"'))
    for name, _type, _definition in found["constraints"]:
        conn.execute(text(f'ALTER TABLE "{old}" DROP CONSTRAINT "{name}"'))
    for name, _definition in found["indexes"]:
        conn.execute(text(f'DROP INDEX "{name}"'))
    for name, _definition in found["triggers"]:
        conn.execute(text(f'DROP TRIGGER "{name}" ON "{old}"'))
    tail = f' PARTITION BY RANGE ("{spec.column}")' if partition else ""
    conn.execute(text(f'CREATE TABLE "{table}" (LIKE "{old}" INCLUDING DEFAULTS INCLUDING CONSTRAINTS){tail}'))
    pk_columns = f'id, "{spec.column}"' if partition else "id"
    conn.execute(text(f'ALTER TABLE "{table}" ADD CONSTRAINT "pk_{table}" PRIMARY KEY ({pk_columns})'))
    for name, kind, definition in found["constraints"]:
        if kind == "f":
            conn.execute(text(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}'))
        elif kind == "u" and not (partition and spec.dedupe and name == f"uq_{table}_{spec.dedupe}"):
            conn.execute(text(f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}'))
    if spec.dedupe:
        if partition:
            conn.execute(text(f'CREATE INDEX "ix_{table}_{spec.dedupe}" ON "{table}" ("{spec.dedupe}")'))
        else:
            conn.execute(text(f'ALTER TABLE "{table}" ADD CONSTRAINT "uq_{table}_{spec.dedupe}" '
                              f'UNIQUE ("{spec.dedupe}")'))
    for name, definition in found["indexes"]:
        if spec.dedupe and name == f"ix_{table}_{spec.dedupe}":
            continue
        conn.execute(text(re.sub(r" ON (ONLY )?\S+ USING ", f' ON "{table}" USING ', definition, count=1)))
    if partition:
        first = conn.scalar(text(f'SELECT min("{spec.column}") FROM "{old}"'))
        this_month = month_of(now)
        ensure_months(conn, spec, min(month_of(first), this_month) if first else this_month,
                      add_months(this_month, MONTHS_AHEAD))
    conn.execute(text(f'INSERT INTO "{table}" SELECT * FROM "{old}"'))
    for _name, definition in found["triggers"]:
        conn.execute(text(re.sub(r" ON \S+ ", f' ON "{table}" ', definition, count=1)))
    if seq:
        conn.execute(text(f'ALTER SEQUENCE {seq} OWNED BY "{table}".id'))
    conn.execute(text(f'DROP TABLE "{old}"'))
