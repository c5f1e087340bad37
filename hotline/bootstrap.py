"""Builds the application context every entrypoint shares: storage, rules, calendar, queue, models.

``bootstrap()`` is the composition root. Tests inject fakes (``classifier=``, ``router=``,
``queue=``, ``clock=``); the server, the CLI and rq workers call it with the settings alone.
"""
from __future__ import annotations

import errno
import logging
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
    # called by the deadline sweep after the tickets: hook(hl, now, report) (see ``wire``)
    sweep_hooks: list[Callable[["Hotline", datetime, Any], None]] = field(default_factory=list)
    # channel code → notifier(hl, ticket_id, kind): tells a citizen on the channel they used
    notifiers: dict[str, Callable[["Hotline", int, str], None]] = field(default_factory=dict)
    review_sentiment: Any = None              # classifier.service.SentimentModel, or None: the word list
    metrics_refresh_days: int | None = None   # figures roll-up: days re-checked daily (None: the default)

    def now(self) -> datetime:
        return self.clock()

    @contextmanager
    def uow(self) -> Iterator["UnitOfWork"]:
        work = UnitOfWork(self)
        try:
            yield work
        except BaseException:
            work.session.rollback()
            raise
        finally:
            work.session.close()

    def reload_calendar(self) -> None:
        from models import HolidayOverride

        with self.sessions() as s:
            rows = s.execute(select(HolidayOverride.day, HolidayOverride.workday)).all()
        self.calendar.set_overrides({d: w for d, w in rows})

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
        return RqQueue(settings.redis_url)
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
    except OSError as exc:  # HOTLINE_ROUTING_FILE names a file that is not there or cannot be read
        why = {errno.ENOENT: "文件不存在", errno.EACCES: "没有读取权限", errno.EISDIR: "这是一个目录"}
        log.error("派单规则表文件无法读取：%s（%s）；工单转话务员人工派单", exc.filename or hl.settings.routing_file,
                  why.get(exc.errno or 0, exc.strerror or str(exc)))
        return NoRouter()
    except Exception:  # noqa: BLE001 - a broken table must not stop intake: operators dispatch
        log.exception("routing table could not be loaded: tickets go to operators")
        return NoRouter()


def bootstrap(settings: Settings | None = None, *, queue: TaskQueue | None = None,
              classifier: Classifier | None = None, router: Router | None = None,
              clock: Callable[[], datetime] | None = None, migrate: bool = False,
              start_queue: bool = True) -> Hotline:
    settings = settings or load_settings()
    settings.ensure_dirs()
    url = settings.effective_database_url
    if migrate:
        db.upgrade(url)
    engine = db.make_engine(url)
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
        hl.review_sentiment = default_sentiment(settings)
    if router is None:
        hl.router = default_router(hl)
    wire(hl)
    if start_queue:
        hl.queue.start(hl)
    return hl


def wire(hl: Hotline) -> None:
    """The parts of the program the core calls back, named here rather than discovered: the
    rectification loop's and the figures' sweep hooks, and the channels' notifiers and reminders."""
    from channels import notify
    from rectification.rollup import sweep_hook as rollup_hook
    from rectification.supervision import sweep_hook as supervision_hook

    # the roll-up after supervision, which changes cases
    hl.sweep_hooks = [supervision_hook, rollup_hook, notify.sweep_hook]
    hl.notifiers = {"miniprogram": notify.notify_miniprogram, "bot": notify.notify_bot}
