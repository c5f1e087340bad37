"""Builds the application context every entrypoint shares: storage, rules, calendar, queue, models.

``bootstrap()`` is the composition root. Tests inject fakes (``classifier=``, ``router=``,
``queue=``, ``clock=``); the server, the CLI and rq workers call it with the settings alone.
"""
from __future__ import annotations

import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterator

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from hotline import db
from hotline.domain.calendar import WorkCalendar
from hotline.domain.rules import Rules, load_rules
from hotline.ports import Classification, Classifier, Router, RoutingDecision, RoutingRequest
from hotline.queue import InProcessQueue, RqQueue, TaskQueue
from hotline.settings import Settings, load_settings

log = logging.getLogger(__name__)
CALENDAR_POLL_SECONDS = 2.0  # how stale another process's holiday change may be here


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class AbstainingClassifier:
    """Used when no trained model can be loaded: every ticket goes to an operator."""

    version = "none"

    def classify(self, text: str) -> Classification:
        return Classification(category=None, confidence=0.0, appeal_type="consult", urgency="normal",
                              model_version=self.version, abstain=True,
                              signals={"reason": "没有可用的分类模型"})


class NoRouter:
    """Used when no routing table can be loaded: every ticket goes to an operator."""

    def route(self, request: RoutingRequest) -> RoutingDecision:
        return RoutingDecision(unit=None, explanation="未加载派单规则，需人工派单")


@dataclass
class Hotline:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    rules: Rules
    calendar: WorkCalendar
    queue: TaskQueue
    classifier: Classifier
    router: Router
    clock: Callable[[], datetime] = _utcnow
    auto_dispatch_confidence: float = 0.6
    extras: dict[str, Any] = field(default_factory=dict)

    def now(self) -> datetime:
        return self.clock()

    @contextmanager
    def uow(self) -> Iterator["UnitOfWork"]:
        self.refresh_calendar()
        work = UnitOfWork(self)
        try:
            yield work
        except BaseException:
            work.session.rollback()
            raise
        finally:
            work.session.close()

    def reload_calendar(self) -> None:
        from models import HolidayOverride, HolidayTableVersion

        with self.sessions() as s:
            version = s.scalar(select(HolidayTableVersion.version).where(HolidayTableVersion.id == 1)) or 0
            rows = s.execute(select(HolidayOverride.day, HolidayOverride.workday)).all()
        self.calendar.set_overrides({d: w for d, w in rows})
        self.extras["holiday_version"] = version

    def refresh_calendar(self, force: bool = False) -> None:
        """Reload the holiday table when another process changed it: one tiny SELECT of its version
        at most every ``CALENDAR_POLL_SECONDS``, before a unit of work and on /healthz."""
        from models import HolidayTableVersion

        now = time.monotonic()
        if not force and now < self.extras.get("holiday_checked", 0.0) + CALENDAR_POLL_SECONDS:
            return
        self.extras["holiday_checked"] = now
        try:
            with self.sessions() as s:
                version = s.scalar(select(HolidayTableVersion.version).where(HolidayTableVersion.id == 1)) or 0
        except Exception:  # noqa: BLE001 - e.g. before `db upgrade`; the next call tries again
            log.debug("holiday table version not read", exc_info=True)
            return
        if version != self.extras.get("holiday_version"):
            self.reload_calendar()

    def close(self) -> None:
        self.queue.stop()
        self.engine.dispose()


class UnitOfWork:
    """One transaction; jobs registered with ``after_commit`` are enqueued once it has committed."""

    def __init__(self, hl: Hotline) -> None:
        self.hl = hl
        self.session: Session = hl.sessions()
        self.session.connection(execution_options={db.WRITE: True})  # SQLite: BEGIN IMMEDIATE
        self._jobs: list[tuple[str, tuple, str | None]] = []

    def after_commit(self, name: str, *args: Any, job_id: str | None = None) -> None:
        self._jobs.append((name, args, job_id))

    def commit(self) -> None:
        self.session.commit()
        jobs, self._jobs = self._jobs, []
        for name, args, job_id in jobs:
            try:
                self.hl.queue.enqueue(name, *args, job_id=job_id)
            except Exception:  # noqa: BLE001 - committed work is safe; the sweep re-enqueues it
                log.exception("could not enqueue %s%r; the sweep will pick it up", name, args)


def city_rules_file(settings: Settings) -> str | None:
    """HOTLINE_RULES_FILE, else the rules an administrator saved in the data directory, else defaults."""
    if settings.rules_file:
        return settings.rules_file
    saved = settings.data_dir / "rules.toml"
    return str(saved) if saved.exists() else None


def make_queue(settings: Settings) -> TaskQueue:
    if settings.redis_url:
        return RqQueue(settings.redis_url, timeout=settings.redis_timeout, sweep_interval=settings.sweep_interval)
    return InProcessQueue(sweep_interval=settings.sweep_interval)


def default_classifier(settings: Settings) -> Classifier:
    try:
        from classifier.service import load_default_classifier
    except ImportError:
        log.warning("classifier package has no load_default_classifier: tickets go to operators")
        return AbstainingClassifier()
    try:
        return load_default_classifier(settings.models_dir)
    except Exception:  # noqa: BLE001 - no model means operators classify; intake goes on
        log.exception("no category model could be loaded or trained: tickets go to operators")
        return AbstainingClassifier()


def default_sentiment(settings: Settings):
    """The review-sentiment model (trained from the starter set on first use), or None: the 好差评
    loop then falls back to its word list."""
    try:
        from classifier.service import load_default_sentiment, set_default_sentiment
    except ImportError:
        return None
    try:
        model = load_default_sentiment(settings.models_dir)
    except Exception:  # noqa: BLE001
        log.exception("no review-sentiment model could be loaded or trained: using the word list")
        return None
    set_default_sentiment(model)
    return model


def default_router(hl: "Hotline") -> Router:
    try:
        from hotline.services.registry import build_router_from_db
    except ImportError:  # pragma: no cover
        return NoRouter()
    try:
        return build_router_from_db(hl)
    except Exception:  # noqa: BLE001 - a broken table must not stop intake: operators dispatch
        log.exception("routing table could not be loaded: tickets go to operators")
        return NoRouter()


def bootstrap(settings: Settings | None = None, *, queue: TaskQueue | None = None,
              classifier: Classifier | None = None, router: Router | None = None,
              clock: Callable[[], datetime] | None = None, migrate: bool = False,
              start_queue: bool = True, web: bool = False) -> Hotline:
    """``web``: a web process, whose statements are bounded by ``db_statement_timeout`` (batch
    commands and workers run long statements, e.g. a year's roll-up; rq's job timeout bounds jobs)."""
    settings = settings or load_settings()
    settings.ensure_dirs()
    url = settings.effective_database_url
    if migrate:
        db.upgrade(url)
    engine = db.engine_for(settings, limit_statements=web)
    hl = Hotline(
        settings=settings,
        engine=engine,
        sessions=db.make_sessionmaker(engine),
        rules=load_rules(city_rules_file(settings)),
        calendar=WorkCalendar(tz=settings.timezone),
        queue=queue or make_queue(settings),
        classifier=classifier or AbstainingClassifier(),
        router=router or NoRouter(),
        clock=clock or _utcnow,
    )
    try:
        hl.reload_calendar()
    except Exception:  # noqa: BLE001 - e.g. the schema is not there yet (before `db upgrade`)
        log.debug("holiday overrides not loaded", exc_info=True)
    if classifier is None:
        hl.classifier = default_classifier(settings)
        hl.extras["review_sentiment"] = default_sentiment(settings)
    if router is None:
        hl.router = default_router(hl)
    install_plugins(hl)
    if start_queue:
        hl.queue.start(hl)
    return hl


# Packages that plug into the core. Each may define ``install(hl)`` (add sweep hooks, channel
# notifiers, web routes to ``hl.extras``), ``register(subparsers)`` (CLI commands) and
# ``load_demo(hl)`` (demo data of their own, called by ``hotline demo``).
PLUGINS = ("rectification", "channels", "hotline.console", "hotline.matters")


def plugin_modules(attr: str) -> list[Any]:
    import importlib

    found = []
    for name in PLUGINS:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            if exc.name and name.startswith(exc.name):
                continue
            raise
        if hasattr(module, attr):
            found.append(module)
    return found


def install_plugins(hl: Hotline) -> None:
    from hotline.services import next_action

    next_action.install(hl)     # the core's own: every session keeps next_action_at current
    hl.extras.setdefault("sweep_hooks", [])
    hl.extras.setdefault("web_setups", [])
    for module in plugin_modules("install"):
        module.install(hl)
