"""Fixtures shared by every test layer.

Integration tests run on SQLite **and** on the real PostgreSQL (127.0.0.1:5432) through the
``database_url`` fixture; Redis tests use the real Redis (127.0.0.1:6379). Neither is mocked, and
a server that cannot be reached is an error, not a skip.
"""
from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("HOTLINE_SHARED_DATA", REPO.parent / "shared" / "data"))
PG_ADMIN_URL = os.environ.get("HOTLINE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("HOTLINE_TEST_REDIS", "redis://127.0.0.1:6379/15")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The team's training and evaluation data; tests that need it skip where it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"../shared/data is absent ({SHARED_DATA}): training data is not part of the project")
    return SHARED_DATA


# -- clock ------------------------------------------------------------------------------------
@dataclass
class FakeClock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kw) -> datetime:
        self.now = self.now + timedelta(**kw)
        return self.now

    def set(self, value: datetime) -> datetime:
        self.now = value
        return value


def beijing(y, m, d, hh=10, mm=0) -> datetime:
    """A moment given in Beijing time, as an aware UTC datetime."""
    return datetime(y, m, d, hh, mm, tzinfo=timezone(timedelta(hours=8))).astimezone(timezone.utc)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(beijing(2026, 3, 2, 10, 0))  # a Monday after the Spring Festival


# -- databases --------------------------------------------------------------------------------
def _pg_exec(sql: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def _pg_url(name: str) -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    from hotline import db

    path = tmp_path_factory.mktemp("sqlite-template") / "template.sqlite3"
    db.upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_template():
    """A PostgreSQL database built by the migrations, copied for each test (CREATE … TEMPLATE)."""
    from hotline import db

    name = f"hl_tmpl_{uuid.uuid4().hex[:10]}"
    try:
        _pg_exec(f'CREATE DATABASE "{name}"')
    except Exception as exc:  # a missing server is a failure, never a skip
        pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL}: {exc}", pytrace=False)
    try:
        db.upgrade(_pg_url(name))
        yield name
    finally:
        _pg_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "hotline.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    template = request.getfixturevalue("pg_template")
    name = f"hl_test_{uuid.uuid4().hex[:12]}"
    _pg_exec(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield _pg_url(name)
    finally:
        _pg_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def redis_url() -> str:
    from redis import Redis

    conn = Redis.from_url(REDIS_URL)
    try:
        conn.ping()
    except Exception as exc:
        pytest.fail(f"Redis is not reachable at {REDIS_URL}: {exc}", pytrace=False)
    conn.flushdb()
    yield REDIS_URL
    conn.flushdb()
    conn.close()


# -- the application context ------------------------------------------------------------------
class FakeClassifier:
    """Deterministic stand-in: a table from a keyword to (category, appeal type, urgency)."""

    version = "fake-1"

    def __init__(self, table=None, confidence: float = 0.95):
        self.table = table or {
            "占道": ("城乡建设", "complaint", "normal"),
            "停水": ("城乡建设", "help", "utility"),
            "社保": ("劳动和社会保障", "consult", "normal"),
            "燃气泄漏": ("城乡建设", "help", "emergency"),
            "噪音": ("环境保护", "complaint", "normal"),
        }
        self.confidence = confidence

    def classify(self, text: str):
        from hotline.ports import Classification

        for word, (cat, kind, urgency) in self.table.items():
            if word in text:
                return Classification(category=cat, confidence=self.confidence, appeal_type=kind,
                                      urgency=urgency, model_version=self.version,
                                      abstain=self.confidence < 0.5, signals={"keyword": word})
        return Classification(category=None, confidence=0.1, appeal_type="consult", urgency="normal",
                              model_version=self.version, abstain=True)


class FakeRouter:
    """Routes by district name in the text to that district's government; records requests."""

    def __init__(self, confidence: float = 0.9):
        self.confidence = confidence
        self.requests = []
        self.districts = {"江岸": "D-JA", "武昌": "D-WC", "洪山": "D-HS", "江汉": "D-JH"}

    def route(self, request):
        from hotline.ports import RoutingDecision

        self.requests.append(request)
        for name, code in self.districts.items():
            if name in request.text and code not in request.exclude_units:
                return RoutingDecision(unit=code, rule="fake-district", confidence=self.confidence,
                                       district=code, explanation=f"文本提到{name}")
        for code in ("D-WC", "D-HS"):
            if code not in request.exclude_units:
                return RoutingDecision(unit=code, rule="fake-fallback", confidence=self.confidence,
                                       explanation="兜底")
        return RoutingDecision(unit=None, explanation="无可选单位")


@pytest.fixture
def make_hotline(tmp_path, clock):
    """Build a Hotline on a database URL with an inline queue, fakes and the fixed clock."""
    from hotline.bootstrap import bootstrap
    from hotline.queue import InlineQueue
    from hotline.services.registry import load_registry_files
    from hotline.settings import Settings

    built = []

    def make(url: str, *, queue=None, classifier=None, router=None, registry=True, **settings_kw):
        settings = Settings(data_dir=tmp_path / "data", database_url=url, **settings_kw)
        hl = bootstrap(settings, queue=queue or InlineQueue(), classifier=classifier or FakeClassifier(),
                       router=router or FakeRouter(), clock=clock)
        built.append(hl)
        if registry:
            load_registry_files(hl)
        return hl

    yield make
    for hl in built:
        hl.close()


@pytest.fixture
def sqlite_demo(make_hotline, sqlite_template, tmp_path):
    """Build the demo city and its users on a copy of the SQLite template, keeping the given (or the
    deterministic fake) router: ``sqlite_demo(**make_hotline_kwargs)``."""
    def make(**kw):
        from hotline.demo import load_demo

        path = tmp_path / f"demo-{uuid.uuid4().hex[:8]}.sqlite3"
        shutil.copy(sqlite_template, path)
        hl = make_hotline(f"sqlite:///{path}", **kw)
        router = hl.router
        load_demo(hl)
        hl.router = router
        return hl
    return make


@pytest.fixture
def hl(make_hotline, database_url):
    """The application context on SQLite and on PostgreSQL, with the demo city's registry."""
    return make_hotline(database_url)


@pytest.fixture
def actors(hl):
    """An operator, a supervisor and unit staff of two units, as the service layer sees them."""
    from sqlalchemy import select

    from hotline.domain.vocab import Role
    from hotline.services.actors import Actor
    from models import Unit

    with hl.sessions() as s:
        ids = dict(s.execute(select(Unit.code, Unit.id).where(Unit.code.in_(["D-JA", "D-WC", "D-HS"]))).all())

    def unit(code):
        return Actor(kind="user", name=f"{code} 联络员", role=Role.unit, id=f"user:{code}", unit_id=ids[code],
                     unit_code=code)

    return {
        "operator": Actor(kind="user", name="话务员", role=Role.operator, id="user:op"),
        "supervisor": Actor(kind="user", name="督办员", role=Role.supervisor, id="user:sup"),
        "admin": Actor(kind="user", name="管理员", role=Role.admin, id="user:admin"),
        "channel": Actor(kind="token", name="渠道", role=Role.channel, id="token:ch"),
        "D-JA": unit("D-JA"), "D-WC": unit("D-WC"), "D-HS": unit("D-HS"),
    }
