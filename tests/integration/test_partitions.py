"""Monthly partitions on the real PostgreSQL (models/partitions.py, migration 0740): rows land in
their month, a missing month is made (and its rows moved out of the default partition), months are
made ahead, retention drops only the old months of the tables configured, and "once per dedupe key"
still holds without a unique constraint. On SQLite the tables stay plain tables."""
from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select, text

from hotline import jobs
from hotline.services import tickets
from models import AuditEvent, ChannelMessage, Notice, partitions

postgres = pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
UTC = timezone.utc


def _where(hl, table: str, column: str = "id") -> dict:
    """Each row's partition: {id: partition name}."""
    with hl.engine.connect() as conn:
        return dict(conn.execute(text(f'SELECT {column}, tableoid::regclass::text FROM "{table}"')).all())


def _maintain(hl, now: datetime, **kw) -> dict:
    with hl.engine.connect() as conn:
        done = partitions.maintain(conn, now, **kw)
        conn.commit()
    return done


def _message(s, key: str, at: datetime) -> None:
    s.add(ChannelMessage(channel="sms", citizen_ref="sms", kind="received", text="已受理", dedupe_key=key,
                         created_at=at))


@postgres
def test_rows_land_in_their_month_and_a_missing_month_is_made_without_losing_any(make_hotline, database_url,
                                                                                  clock, actors):
    hl = make_hotline(database_url)
    with hl.engine.connect() as conn:
        assert all(partitions.is_partitioned(conn, spec.table) for spec in partitions.TABLES)
    # the clock is in March 2026, a month the migration did not make: the default partition takes it
    made = tickets.create_ticket(hl, actor=actors["operator"], data={"content": "江岸区占道经营，堵路",
                                                                    "channel": "phone"})[0]
    number = made["number"]
    trail = tickets.audit_trail(hl, actor=actors["operator"], number=number)
    assert trail and set(_where(hl, "audit_events").values()) == {"audit_events_default"}

    assert "audit_events_p202603" in jobs.partitions(hl)["created"]   # the worker's job, run with the sweep
    assert set(_where(hl, "audit_events").values()) == {"audit_events_p202603"}
    assert tickets.audit_trail(hl, actor=actors["operator"], number=number) == trail

    clock.advance(days=1)
    now = tickets.get_ticket(hl, actor=actors["operator"], number=number)
    assert now["status"] == "dispatched"          # intake ran: the fake router is sure of D-JA (tests/conftest.py)
    tickets.sign_ticket(hl, actor=actors["D-JA"], number=number)
    where = _where(hl, "audit_events")
    assert len(where) > len(trail) and set(where.values()) == {"audit_events_p202603"}
    assert _where(hl, "notices") and set(_where(hl, "notices").values()) == {"notices_p202603"}


@postgres
def test_months_are_made_ahead_and_the_default_partition_catches_the_rest(make_hotline, database_url):
    hl = make_hotline(database_url)
    done = _maintain(hl, datetime(2027, 5, 31, 23, 0, tzinfo=UTC), ahead=3)
    assert {n for n in done["created"] if n.startswith("channel_messages")} == {
        "channel_messages_p202705", "channel_messages_p202706", "channel_messages_p202707",
        "channel_messages_p202708"}
    assert _maintain(hl, datetime(2027, 5, 31, 23, 0, tzinfo=UTC), ahead=3)["created"] == []  # nothing twice
    with hl.sessions() as s:
        _message(s, "a", datetime(2027, 8, 31, 23, 59, 59, tzinfo=UTC))
        _message(s, "b", datetime(2027, 9, 1, 0, 0, tzinfo=UTC))
        s.commit()
    assert sorted(_where(hl, "channel_messages", "dedupe_key").items()) == [
        ("a", "channel_messages_p202708"), ("b", "channel_messages_default")]


@postgres
def test_retention_drops_only_old_months_of_the_tables_configured(make_hotline, database_url, clock):
    hl = make_hotline(database_url, retention_messages_months=2)
    assert hl.settings.retention == {"audit_events": 0, "notices": 0, "channel_messages": 2}
    months = [datetime(2026, m, 10, tzinfo=UTC) for m in range(1, 7)]
    _maintain(hl, months[0], ahead=6)
    with hl.sessions() as s:
        for i, at in enumerate(months):
            _message(s, f"m{i + 1}", at)
            s.add(Notice(kind="warn", message="预警", dedupe_key=f"n{i + 1}", created_at=at))
            s.add(AuditEvent(actor_type="system", actor_name="系统", action="test", at=at))
        s.commit()
    clock.set(datetime(2026, 6, 20, tzinfo=UTC))
    done = jobs.partitions(hl)
    assert sorted(done["dropped"]) == [f"channel_messages_p20260{m}" for m in (1, 2, 3, 4)]
    with hl.sessions() as s:
        assert sorted(s.scalars(select(ChannelMessage.dedupe_key))) == ["m5", "m6"]   # May and June kept
        assert s.scalar(select(func.count()).select_from(Notice)) == 6                 # off by default
        assert s.scalar(select(func.count()).select_from(AuditEvent)) == 6


@postgres
def test_a_dedupe_key_is_still_used_once_by_concurrent_transactions(make_hotline, database_url, clock):
    hl = make_hotline(database_url)
    first, second = hl.sessions(), hl.sessions()
    results = {}
    assert tickets.notice(first, unit_id=None, ticket=None, kind="warn", message="预警", dedupe_key="k",
                          at=clock.now) is True

    def other():
        results["second"] = tickets.notice(second, unit_id=None, ticket=None, kind="warn", message="预警",
                                           dedupe_key="k", at=clock.now + timedelta(days=40))
        second.commit()

    first.flush()
    worker = threading.Thread(target=other)
    worker.start()
    worker.join(0.5)
    assert worker.is_alive()           # waits for the first transaction's key
    first.commit()
    worker.join(10)
    assert results == {"second": False}
    with hl.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Notice).where(Notice.dedupe_key == "k")) == 1
    first.close()
    second.close()


def test_sqlite_keeps_plain_tables(make_hotline, sqlite_template, tmp_path, capsys, monkeypatch):
    import shutil

    from hotline.cli import main

    for var in ("HOTLINE_DATABASE_URL", "HOTLINE_CONFIG"):
        monkeypatch.delenv(var, raising=False)

    path = tmp_path / "plain.sqlite3"
    shutil.copy(sqlite_template, path)
    hl = make_hotline(f"sqlite:///{path}", registry=False)
    assert _maintain(hl, datetime(2027, 1, 1, tzinfo=UTC)) == {"created": [], "dropped": []}
    with hl.engine.connect() as conn:
        assert not partitions.is_partitioned(conn, "audit_events")
    assert main(["--data-dir", str(tmp_path), "db", "partitions"]) == 0
    assert "不分区" in capsys.readouterr().out


@postgres
def test_cli_reports_the_partitions(database_url, tmp_path, capsys, monkeypatch):
    from hotline.cli import main

    monkeypatch.setenv("HOTLINE_DATABASE_URL", database_url)
    monkeypatch.setenv("HOTLINE_RETENTION_MESSAGES_MONTHS", "24")
    assert main(["--data-dir", str(tmp_path), "db", "partitions", "--ahead", "5"]) == 0
    out = capsys.readouterr().out
    assert "channel_messages：按月分区" in out and "保留最近 24 个月" in out and "audit_events" in out
    assert "保留全部" in out
    # before importing a city's history: its months, so that its rows land in them
    assert main(["--data-dir", str(tmp_path), "db", "partitions", "--since", "2025-01"]) == 0
    assert "audit_events：按月分区" in (out := capsys.readouterr().out) and "（202501–" in out
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tmp_path), "db", "partitions", "--since", "2025年1月"])
    assert "YYYY-MM" in capsys.readouterr().err
    monkeypatch.setenv("HOTLINE_RETENTION_MESSAGES_MONTHS", "-1")
    assert main(["--data-dir", str(tmp_path), "db", "partitions"]) == 2


@postgres
def test_maintenance_gives_way_to_a_unit_of_work_never_the_reverse(make_hotline, database_url, clock):
    """A unit of work writing the audit trail, then notices (as a dispatch does) while maintenance wants
    to make a month: maintenance gives up within its lock timeout and the unit of work commits."""
    from sqlalchemy.exc import OperationalError

    hl = make_hotline(database_url)
    work = hl.sessions()
    work.add(AuditEvent(actor_type="system", actor_name="系统", action="test", at=clock.now))
    work.flush()                                  # holds audit_events (and the month's partition)
    t0 = time.monotonic()
    with pytest.raises(OperationalError, match="lock timeout"):
        _maintain(hl, datetime(2030, 1, 15, tzinfo=UTC))
    assert time.monotonic() - t0 < 5
    work.add(Notice(kind="warn", message="预警", dedupe_key="after", created_at=clock.now))
    work.commit()
    work.close()
    assert jobs.partitions(hl)["created"]         # later, with nobody in the way, the sweep's job makes them


def test_the_migration_converts_existing_tables_and_back(tmp_path):
    """0740 on a PostgreSQL database that already has rows: each table is rebuilt partitioned with every
    row in its month, the append-only trigger and the foreign keys kept; the downgrade rebuilds plain
    tables with the unique dedupe keys back."""
    import os
    import uuid

    from alembic import command
    from sqlalchemy import create_engine
    from sqlalchemy.exc import DBAPIError

    from hotline import db

    admin_url = os.environ.get("HOTLINE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    name = f"hl_test_mig_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin_url.rsplit("/", 1)[0] + "/" + name
    engine = create_engine(url)
    try:
        db.upgrade(url, "0660")
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO audit_events (subject_type, actor_type, actor_name, action, at) VALUES "
                              "('ticket', 'system', '系统', 'a', '2025-03-05 01:00+00'), "
                              "('ticket', 'system', '系统', 'b', '2025-07-09 01:00+00')"))
            conn.execute(text("INSERT INTO notices (kind, message, dedupe_key, created_at, subject_type) VALUES "
                              "('warn', '预警', 'k1', '2025-07-01 00:00+00', 'ticket')"))
        db.upgrade(url)
        db.check(url)
        with engine.begin() as conn:
            assert dict(conn.execute(text("SELECT action, tableoid::regclass::text FROM audit_events")).all()) == {
                "a": "audit_events_p202503", "b": "audit_events_p202507"}
            assert conn.scalar(text("SELECT tableoid::regclass::text FROM notices")) == "notices_p202507"
            assert partitions.is_partitioned(conn, "channel_messages")
            next_id = conn.scalar(text("INSERT INTO audit_events (subject_type, actor_type, actor_name, action, at) "
                                       "VALUES ('ticket', 'system', '系统', 'c', now()) RETURNING id"))
            assert next_id == 3                     # the id sequence went with the table
        with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_events"))
        with pytest.raises(DBAPIError, match="foreign key"), engine.begin() as conn:
            conn.execute(text("INSERT INTO audit_events (ticket_id, subject_type, actor_type, actor_name, action, at) "
                              "VALUES (999999, 'ticket', 'system', '系统', 'd', now())"))
        command.downgrade(db.alembic_config(url), "0660")
        with engine.begin() as conn:
            assert not partitions.is_partitioned(conn, "audit_events")
            assert conn.scalar(text("SELECT count(*) FROM audit_events")) == 3
        with pytest.raises(DBAPIError, match="uq_notices_dedupe_key"), engine.begin() as conn:
            conn.execute(text("INSERT INTO notices (kind, message, dedupe_key, created_at, subject_type) VALUES "
                              "('warn', '预警', 'k1', now(), 'ticket')"))
    finally:
        engine.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
