"""Engine, sessions and migrations."""
from __future__ import annotations

import json
import logging
import time
from itertools import chain
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.orm import Session, sessionmaker

import models

log = logging.getLogger(__name__)

MIGRATIONS = Path(models.__file__).resolve().parent / "migrations"
WRITE = "hotline_write"  # execution option of a unit of work's connection
# A pooled connection unused for longer than this is pinged before it is handed out (one back in use
# within it is not: under load no request pays a round trip for the ping).
IDLE_PING_SECONDS = 1.0


def make_engine(url: str, *, echo: bool = False, pool_size: int = 10, connect_timeout: int = 5,
                statement_timeout: int = 20, pool_timeout: int = 10) -> Engine:
    """An engine whose failures are bounded: a connection opens within ``connect_timeout`` seconds, a
    statement runs at most ``statement_timeout`` seconds (PostgreSQL), a request waits at most
    ``pool_timeout`` seconds for a pooled connection, and a connection that died while idle is
    replaced before use (``ping_when_idle``). Statement parameters never reach a log (``hide_parameters``)."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, echo=echo, hide_parameters=True,
                               connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # WAL for concurrent readers, FKs enforced
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()
            dbapi_conn.isolation_level = None  # let SQLAlchemy emit BEGIN (see below)

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # A unit of work takes the write lock up front (BEGIN IMMEDIATE): two writers that both
            # started by reading cannot deadlock. Reads begin deferred and, in WAL mode, never wait
            # for a writer, even one in the same thread.
            conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")

        return engine
    connect_args = {}
    if url.startswith("postgresql"):
        connect_args = {
            "connect_timeout": connect_timeout,
            "options": f"-c statement_timeout={statement_timeout * 1000}",  # 0: no limit
            # a peer that vanished without a FIN (network cut) is noticed in seconds, not hours
            "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 3, "keepalives_count": 3,
            "tcp_user_timeout": (connect_timeout + (statement_timeout or 60)) * 1000,
        }
    engine = create_engine(url, echo=echo, hide_parameters=True, pool_size=pool_size, max_overflow=pool_size,
                           pool_timeout=pool_timeout, connect_args=connect_args)
    ping_when_idle(engine)
    return engine


def ping_when_idle(engine: Engine, idle: float = IDLE_PING_SECONDS) -> None:
    """SQLAlchemy's ``pool_pre_ping``, for connections that sat in the pool longer than ``idle`` seconds
    only: a connection the database dropped meanwhile (a restart, a network cut) is replaced before a
    request uses it. One that dies in use fails its request with a 503 (``OperationalError``), and
    SQLAlchemy then replaces every connection opened before the failure."""
    dialect = engine.dialect

    @event.listens_for(engine, "checkin")
    def _checked_in(_dbapi_conn, record) -> None:
        record.info["hotline_idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checked_out(dbapi_conn, record, _proxy) -> None:
        since = record.info.pop("hotline_idle_since", None)
        if since is not None and time.monotonic() - since > idle:
            try:
                dialect.do_ping(dbapi_conn)
            except Exception as exc:  # noqa: BLE001 - the pool discards it and opens another
                raise DisconnectionError("pooled connection is gone") from exc


def engine_for(settings, *, limit_statements: bool = False) -> Engine:
    """The engine of a process, with the timeouts of its settings (a statement timeout for web
    processes only: ``limit_statements``)."""
    return make_engine(settings.effective_database_url, connect_timeout=settings.db_connect_timeout,
                       statement_timeout=settings.db_statement_timeout if limit_statements else 0,
                       pool_timeout=settings.db_pool_timeout)


# json.dumps(value, ensure_ascii=False) without building an encoder for each value
_JSON_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def copy_rows(conn, table: str, rows: list[dict], *, json_columns=frozenset()) -> None:
    """COPY ``rows`` (dicts; a key some of them leave out is NULL in those) into ``table`` through the
    driver (psycopg 3, PostgreSQL), in ``conn``'s transaction: a bulk import's batch without a statement per row. Values go as they are
    (no SQLAlchemy type processing: give aware datetimes); ``json_columns`` are serialised here, a None
    in them is SQL NULL. A unique or foreign-key violation raises ``IntegrityError`` as an INSERT would."""
    import psycopg
    from sqlalchemy.exc import IntegrityError

    cols = list(dict.fromkeys(chain.from_iterable(rows)))   # a key a row leaves out: NULL
    encode = _JSON_ENCODE
    json_at = [i for i, c in enumerate(cols) if c in json_columns]
    statement = f"COPY {table} ({', '.join(cols)}) FROM STDIN"
    cursor = conn.connection.driver_connection.cursor()
    try:
        with cursor.copy(statement) as copy:
            for row in rows:
                values = [row.get(c) for c in cols]
                for i in json_at:
                    if values[i] is not None:
                        values[i] = encode(values[i])
                copy.write_row(values)
    except psycopg.IntegrityError as exc:
        raise IntegrityError(statement, None, exc) from exc


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def check(url: str) -> None:
    """Raise ``alembic.util.exc.AutogenerateDiffsDetected`` when models and migrations differ."""
    command.check(alembic_config(url))


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision(url: str) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


class Reads:
    """Which engine a read-only use (figures, reports, exports) gets: the streaming replica
    (``HOTLINE_DATABASE_REPLICA_URL``) when one is set and answers, otherwise the primary. Called like a
    sessionmaker. The replica is tried at most every ``recheck`` seconds after it failed; what it
    serves may lag the primary by the replication delay (a figure, not a ticket page)."""

    def __init__(self, primary: sessionmaker[Session], replica: Engine | None, *, recheck: float = 30.0,
                 clock=time.monotonic) -> None:
        self.primary = primary
        self.replica = replica
        self.replica_sessions = make_sessionmaker(replica) if replica is not None else None
        self.recheck = recheck
        self.clock = clock
        self.down_until = 0.0

    def replica_usable(self) -> bool:
        """The replica answers now (a pooled connection's ``SELECT 1``: a read session is a figure or
        an export, this round trip is nothing beside it)."""
        if self.replica is None:
            return False
        now = self.clock()
        if now < self.down_until:
            return False
        try:
            with self.replica.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except DBAPIError as exc:
            log.warning("the read replica is unreachable (%s): reading from the primary for %.0f s",
                        exc.__class__.__name__, self.recheck)
            self.down_until = now + self.recheck
            return False
        return True

    def __call__(self) -> Session:
        if self.replica_sessions is not None and self.replica_usable():
            return self.replica_sessions()
        return self.primary()

    def dispose(self) -> None:
        if self.replica is not None:
            self.replica.dispose()


def reads_for(settings, primary: sessionmaker[Session], *, limit_statements: bool = False) -> Reads:
    """The read-only sessions of a process (see ``Reads``); without a replica URL, the primary's."""
    url = settings.effective_replica_url
    replica = None
    if url:
        replica = make_engine(url, connect_timeout=min(settings.db_connect_timeout, 2),
                              statement_timeout=settings.db_statement_timeout if limit_statements else 0,
                              pool_timeout=settings.db_pool_timeout)
    return Reads(primary, replica)
