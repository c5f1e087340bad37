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


def worker_redis_url(url: str, worker: str | None) -> str:
    """The Redis database of one pytest-xdist worker (``gw0`` keeps the URL's, ``gw1`` the one below, …): the
    ``redis_url`` fixture empties its database before and after each test, which must not empty the one a
    test on another worker is using. Without xdist (``worker`` None) the URL as given."""
    if not worker or not worker.startswith("gw"):
        return url
    base, _, db = url.rpartition("/")
    return f"{base}/{(int(db or 0) - int(worker[2:])) % 16}"


REDIS_URL = worker_redis_url(REDIS_URL, os.environ.get("PYTEST_XDIST_WORKER"))


# -- the order the two workers take the files in --------------------------------------------------
# setup.cfg runs the suite as ``-n 2 --dist loadfile --no-loadscope-reorder``: a file's tests in order, in one
# worker, and the files handed out in the order collected. xdist's default order (most tests first) handed the
# files of one long test out last, so one worker ran them alone at the end while the other had finished. These
# files (the longest, longest first: the CI's durations, docs/benchmarks/wave23.md) are collected
# first; the many short files after them fill in whichever worker is free. (test_workers: real processes in one
# test, handed out last but one before.)
LONGEST_FIRST = (
    "tests/system/test_production.py",
    "tests/channels/test_hotspot_alerts.py",
    "tests/unit/test_insight_speed_w21.py",
    "tests/unit/test_insight_speed.py",
    "tests/system/test_workers.py",
)


def pytest_collection_modifyitems(session, config, items) -> None:
    rank = {name: n for n, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.nodeid.split("::", 1)[0], len(rank)))   # (stable: the rest keep their order)


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


def _create_database(name: str, template: str | None = None) -> None:
    """CREATE DATABASE (a copy of ``template``) whose commits do not wait for the WAL to reach the disk:
    a test database never outlives a crash, and the tests commit thousands of times (18 simulated days
    in test_status_matches_audit: 14.6 s -> 9.7 s). Nothing these tests check depends on it; the system
    tests (production path, outages) keep PostgreSQL's default."""
    _pg_exec(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    _pg_exec(f'ALTER DATABASE "{name}" SET synchronous_commit = off')


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


@pytest.fixture(scope="session")
def trained_models(tmp_path_factory) -> Path:
    """The starter category and sentiment models, trained once for the tests that run ``hotline``
    processes: a fresh data directory would have the first command train them again (about 5 s of CPU
    each time). Only tests of the first run itself start without them."""
    from classifier.service import load_default_classifier, load_default_sentiment

    root = tmp_path_factory.mktemp("models")
    load_default_classifier(root)
    load_default_sentiment(root)
    return root


def seeded_data_dir(path: Path, models: Path) -> Path:
    """A data directory holding a copy of the trained models."""
    shutil.copytree(models, path / "models")
    return path


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        path = tmp_path / "hotline.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    template = request.getfixturevalue("pg_template")
    name = f"hl_test_{uuid.uuid4().hex[:12]}"
    _create_database(name, template)
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


# -- a hand-counted month of figures ------------------------------------------------------------
@pytest.fixture
def march(hl, clock, actors):
    """The hand-counted month of figures (March 2026) of tests/integration/test_rect_metrics.py, on the
    demo city with its accounts (the deterministic fake router kept)."""
    import dataclasses

    from hotline.demo import load_demo
    from hotline.services import tickets as tk
    from hotline.services.actors import citizen
    from hotline.services.sweep import sweep
    from rectification import services as sv

    router = hl.router
    load_demo(hl)
    hl.router = router
    ch, op, sup, ja, wc = (actors[k] for k in ("channel", "operator", "supervisor", "D-JA", "D-WC"))
    hl.rules = dataclasses.replace(hl.rules, review_default_rating_days=7)
    clock.set(beijing(2026, 3, 2, 10))
    sv.register_case(hl, actor=op, data={"case_number": "BJ-A3", "window_code": "JA-ZX-01"})
    clock.set(beijing(2026, 3, 9, 11))
    assert sweep(hl).extra["rectification"]["default_ratings"] == 1
    for number, window in (("BJ-A1", "JA-ZX-01"), ("BJ-A2", "JA-ZX-01"), ("BJ-A4", "JA-ZX-01"),
                           ("BJ-W1", "WC-ZX-01")):
        sv.register_case(hl, actor=op, data={"case_number": number, "window_code": window, "staff_number": "S1"})

    def rate(**kw):
        return sv.submit_review(hl, actor=ch, data=kw)[0]

    rate(target="case", case_number="BJ-A1", channel="tablet", level=5)
    rate(target="window", window_code="JA-ZX-01", channel="qr", level=4, channel_ref="v2")
    r3 = rate(target="case", case_number="BJ-A2", channel="tablet", level=1, reason_tags=["办事效率低"],
              real_name=True, rater_phone="13900000000")
    rate(target="window", window_code="JA-ZX-01", channel="miniprogram", level=2, text="排队太久", channel_ref="v4")
    r5 = rate(target="window", window_code="JA-ZX-01", channel="tablet", level=1, text="乱评", channel_ref="v5")
    rate(target="window", window_code="WC-ZX-01", channel="web", level=3, channel_ref="w1")
    w2 = rate(target="window", window_code="WC-ZX-01", channel="tablet", level=2, text="材料多", channel_ref="w2")

    c3 = r3["rectification_id"]
    sv.record_callback(hl, actor=actors["operator"], case_id=c3, outcome="reached")  # real name: the centre calls
    sv.record_finding(hl, actor=ja, case_id=c3, finding="fix_now")
    sv.add_action(hl, actor=ja, case_id=c3, description="增设自助取号机")
    sv.reply_case(hl, actor=ja, case_id=c3, reply="已增设自助取号机，缩短等候时间")
    sv.record_follow_up(hl, actor=op, case_id=c3, result="satisfied")
    sv.accept_case(hl, actor=sup, case_id=c3)
    appeal = sv.appeal_review(hl, actor=ja, review_id=r5["id"], kind="malicious", reason="评价人当日未到窗口")
    sv.decide_appeal(hl, actor=sup, appeal_id=appeal["id"], uphold=True, reason="监控核实")
    c2 = w2["rectification_id"]
    sv.record_finding(hl, actor=wc, case_id=c2, finding="explain", note="材料为法定要求")
    sv.reply_case(hl, actor=wc, case_id=c2, reply="已解释材料要求的法律依据")
    sv.record_follow_up(hl, actor=op, case_id=c2, result="unsatisfied")

    me = citizen("miniprogram", "wx-9")
    t1, _ = tk.create_ticket(hl, actor=me, data={"content": "江岸区某路占道经营", "channel": "miniprogram"})
    t2, _ = tk.create_ticket(hl, actor=me, data={"content": "江岸区某工地夜间噪音", "channel": "phone"})
    tk.sign_ticket(hl, actor=ja, number=t1["number"])
    tk.answer_ticket(hl, actor=ja, number=t1["number"], answer="已清理占道经营摊点")
    tk.record_callback(hl, actor=op, number=t1["number"], solved=True, satisfaction="satisfied")
    tk.return_ticket(hl, actor=ja, number=t2["number"], reason="工地噪音属武昌区管辖")
    assert tk.decide_return(hl, actor=op, number=t2["number"], accept=True)["lead_unit"] == "D-WC"
    tk.sign_ticket(hl, actor=wc, number=t2["number"])
    tk.answer_ticket(hl, actor=wc, number=t2["number"], answer="已责令工地停止夜间施工")
    tk.record_callback(hl, actor=op, number=t2["number"], solved=False, satisfaction="unsatisfied")
    clock.advance(hours=30)
    tk.sign_ticket(hl, actor=wc, number=t2["number"])  # late this time
    tk.answer_ticket(hl, actor=wc, number=t2["number"], answer="已联合执法，工地停工整改")
    tk.record_callback(hl, actor=op, number=t2["number"], solved=True, satisfaction="basic")
    return hl
