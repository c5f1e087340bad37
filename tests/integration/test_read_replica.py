"""Figures, the monthly report and exports read from a real PostgreSQL streaming replica
(``HOTLINE_DATABASE_REPLICA_URL``), and from the primary when the replica is gone.

The clusters are started by the test (tests/pg_clusters.py: initdb + pg_basebackup -R). To tell which
server answered, replay is paused on the replica and more tickets are written on the primary: what the
replica serves is the count from before the pause, what the primary serves is the new one.
"""
from __future__ import annotations

from datetime import timedelta
from io import BytesIO

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, func, insert, select, text

import pg_clusters
from hotline import db
from rectification import metrics

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


@pytest.fixture(scope="module")
def pair():
    try:
        started = pg_clusters.start_pair()
    except pg_clusters.ClusterError as exc:  # never a skip: CI must exercise the replica
        pytest.fail(f"could not start a PostgreSQL primary and streaming replica: {exc}", pytrace=False)
    try:
        admin = create_engine(started.primary.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text('CREATE DATABASE "hotline"'))
        admin.dispose()
        db.upgrade(started.primary.url("hotline"))
        yield started
    finally:
        started.stop()


def _add_tickets(hl, clock, n: int, first: int) -> None:
    from models import Ticket

    with hl.uow() as uow:
        start = clock.now - timedelta(days=1)
        uow.session.execute(insert(Ticket), [
            {"number": f"20260301{first + i:04d}", "channel": "phone", "content": f"第{i}件诉求：路灯不亮",
             "title": f"路灯不亮 {first + i}", "status": "dispatched", "created_at": start + timedelta(minutes=i),
             "updated_at": start, "complete_due": start + timedelta(days=14), "appeal_type": "help",
             "urgency": "normal", "hide_identity": False, "share_contact": False, "overdue": False,
             "binding_dispatch": False, "supervision_level": "none", "intake_state": "done", "intake_attempts": 1,
             "extension_workdays": 0, "return_count": 0, "reopen_count": 0, "version_id": 1}
            for i in range(n)])
        uow.commit()


def _replay(url: str, pause: bool) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"SELECT pg_wal_replay_{'pause' if pause else 'resume'}()"))
    engine.dispose()


async def _login(client, username: str) -> None:
    import re

    from hotline.demo import DEMO_PASSWORD

    html = await (await client.get("/login")).text()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
    resp = await client.post("/login", data={"username": username, "password": DEMO_PASSWORD, "_csrf": csrf},
                             allow_redirects=False)
    assert resp.status == 303


async def _sheet(client, url: str) -> list:
    resp = await client.get(url)
    assert resp.status == 200, await resp.text()
    return list(load_workbook(BytesIO(await resp.read()), read_only=True).active.values)


def _figures_count(hl) -> int:
    start, end = metrics.month_bounds("2026-03", hl.calendar.tz)
    return metrics.figures(hl, view="all", start=start, end=end)["rows"][0]["counts"]["tickets"]


async def test_figures_report_and_exports_read_the_replica_and_fall_back_to_the_primary(
        pair, make_hotline, clock, aiohttp_client):
    from hotline.console import figures as console_figures
    from hotline.demo import DEMO_PASSWORD
    from hotline.services.auth import create_user
    from hotline.web.app import create_app
    from models import Ticket
    from hotline.domain.vocab import Role
    from hotline.services.actors import Actor
    from rectification.report import build_monthly

    primary, replica = pair.primary.url("hotline"), pair.replica.url("hotline")
    hl = make_hotline(primary, database_replica_url=replica)     # the demo city's registry
    create_user(hl, username="supervisor", password=DEMO_PASSWORD, role="supervisor", display_name="督办员")
    _add_tickets(hl, clock, 40, first=1)
    pg_clusters.wait_replayed(primary, replica)
    _replay(replica, pause=True)
    _add_tickets(hl, clock, 7, first=100)          # on the primary only, while the replica stands still
    with hl.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Ticket)) == 47

    # the figures, the supervisor's dashboard figures, the monthly report and an export: the replica's 40
    assert _figures_count(hl) == 40
    supervisor = Actor(kind="user", name="督办员", role=Role.supervisor, id="user:sup")
    dash = console_figures.compute(hl, actor=supervisor, days=7)
    assert sum(received for _day, received, _closed in dash.trend) == 40
    report = build_monthly(hl, "2026-03")
    assert report["city"]["counts"]["tickets"] == 40
    client = await aiohttp_client(create_app(hl))
    await _login(client, "supervisor")
    rows = await _sheet(client, "/console/export/tickets.xlsx")
    assert len(rows) - 1 == 40
    # pages that act on tickets read the primary
    listed = await client.get("/api/v1/tickets?limit=1")
    assert listed.status == 200 and (await listed.json())["total"] == 47

    # replay resumes: the replica catches up and the figures follow
    _replay(replica, pause=False)
    pg_clusters.wait_replayed(primary, replica)
    assert _figures_count(hl) == 47

    health = await (await client.get("/healthz")).json()
    assert health["read_replica"] == "ok"

    # the replica goes away: figures come from the primary, no error; /healthz says so
    _add_tickets(hl, clock, 3, first=200)
    pair.replica.stop()
    assert _figures_count(hl) == 50
    assert hl.reads.down_until > 0
    rows = await _sheet(client, "/console/export/tickets.xlsx")
    assert len(rows) - 1 == 50
    hl.reads.down_until = 0    # as 30 s later: tried again, still gone
    resp = await client.get("/healthz")
    health = await resp.json()
    assert resp.status == 200 and health["read_replica"] == "unreachable"
    assert any("只读副本" in w for w in health["warnings"])


def test_without_a_replica_url_reads_use_the_primary(tmp_path):
    from hotline.settings import Settings

    settings = Settings(data_dir=tmp_path, database_url=f"sqlite:///{tmp_path / 'h.sqlite3'}")
    engine = db.make_engine(settings.effective_database_url)
    primary = db.make_sessionmaker(engine)
    reads = db.reads_for(settings, primary)
    assert reads.replica is None and reads.replica_sessions is None
    with reads() as s:
        assert s.get_bind() is engine
    engine.dispose()
