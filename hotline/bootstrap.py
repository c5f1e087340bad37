"""Builds the application context every entrypoint shares: storage, rules, calendar, queue, models.

``bootstrap()`` is the composition root. Tests inject fakes (``classifier=``, ``router=``,
``queue=``, ``clock=``); the server, the CLI and rq workers call it with the settings alone.
"""
from __future__ import annotations

import errno
import logging
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
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
    # called by the deadline sweep after the tickets: hook(hl, now, report) (see ``wire``)
    sweep_hooks: list[Callable[..., Any]] = field(default_factory=list)
    # notifier(hl, ticket_id, kind): tells a citizen on the channel they used (``channels.notify``)
    citizen_notifier: Callable[..., Any] | None = None
    # messages_for_number(number) → what the citizen was told (the ticket page's 市民消息)
    citizen_messages: Callable[..., Any] | None = None
    # the monthly report's extra sheets: make(hl, start, end) → sheets (hotspots, 每月一题)
    report_sheets: list[Callable[..., Any]] = field(default_factory=list)
    review_sentiment: Any = None              # classifier.service.SentimentModel, or None: the word list
    metrics_refresh_days: int | None = None   # figures roll-up: days re-checked daily (None: the default)
    # per-process caches
    holiday_version: int | None = None        # the holiday table version the calendar was loaded at
    holiday_checked: float = 0.0              # time.monotonic() of the last version check
    token_actors: Any = None                  # cachetools.TTLCache: API token hash → Actor
    wechat_token: tuple[str, float] | None = None   # the mini-program's access token and when it expires
    ticket_number_first_of_day: dict[Any, Any] = field(default_factory=dict)
    # read-only sessions for figures, reports and exports: the replica when set (hotline.db.Reads)
    reads: Any = None

    def now(self) -> datetime:
        return self.clock()

    def reader(self) -> "Hotline":
        """This context with its sessions taken from the read replica when one is set and reachable
        (``HOTLINE_DATABASE_REPLICA_URL``): for figures, reports and exports, which only read."""
        if self.reads is None or self.reads.replica is None:
            return self
        return replace(self, sessions=self.reads)

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
        self.holiday_version = version

    def refresh_calendar(self, force: bool = False) -> None:
        """Reload the holiday table when another process changed it: one tiny SELECT of its version
        at most every ``CALENDAR_POLL_SECONDS``, before a unit of work and on /healthz."""
        from models import HolidayTableVersion

        now = time.monotonic()
        if not force and now < self.holiday_checked + CALENDAR_POLL_SECONDS:
            return
        self.holiday_checked = now
        try:
            with self.sessions() as s:
                version = s.scalar(select(HolidayTableVersion.version).where(HolidayTableVersion.id == 1)) or 0
        except Exception:  # noqa: BLE001 - e.g. before `db upgrade`; the next call tries again
            log.debug("holiday table version not read", exc_info=True)
            return
        if version != self.holiday_version:
            self.reload_calendar()

    def close(self) -> None:
        self.queue.stop()
        self.engine.dispose()
        if self.reads is not None:
            self.reads.dispose()


class UnitOfWork:
    """One transaction; jobs registered with ``after_commit`` are enqueued once it has committed."""

    def __init__(self, hl: Hotline) -> None:
        self.hl = hl
        self.session: Session = hl.sessions()
        self.session.connection(execution_options={db.WRITE: True})  # SQLite: BEGIN IMMEDIATE
        self._jobs: list[tuple[str, tuple, str | None, bool]] = []

    def after_commit(self, name: str, *args: Any, job_id: str | None = None, front: bool = False) -> None:
        self._jobs.append((name, args, job_id, front))

    def commit(self) -> None:
        self.session.commit()
        jobs, self._jobs = self._jobs, []
        for name, args, job_id, front in jobs:
            try:
                self.hl.queue.enqueue(name, *args, job_id=job_id, front=front)
            except Exception:  # noqa: BLE001 - committed work is safe; the sweep re-enqueues it
                log.exception("could not enqueue %s%r; the sweep will pick it up", name, args)


def city_rules_file(settings: Settings) -> str | None:
    """HOTLINE_RULES_FILE, else the rules an administrator saved in the data directory, else defaults."""
    if settings.rules_file:
        return settings.rules_file
    saved = settings.data_dir / "rules.toml"
    return str(saved) if saved.exists() else None


def make_queue(settings: Settings, *, web: bool = False) -> TaskQueue:
    if settings.redis_url:   # a web process hands its jobs to a sender thread (RqQueue ``batched``)
        return RqQueue(settings.redis_url, timeout=settings.redis_timeout, sweep_interval=settings.sweep_interval,
                       batched=web)
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
        queue=queue or make_queue(settings, web=web),
        classifier=classifier or AbstainingClassifier(),
        router=router or NoRouter(),
        clock=clock or _utcnow,
    )
    hl.reads = db.reads_for(settings, hl.sessions, limit_statements=web)
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
    """The parts of the program the core calls back, named here rather than discovered: the sweep hooks
    (the rectification loop, the figures' roll-up, the channels' reminders, hotspots and the knowledge
    base), the citizen notifier, the monthly report's extra sheets, and the core's next-action upkeep."""
    from channels import notify
    from hotline.services import hotspots, knowledge, next_action, similar
    from rectification.rollup import sweep_hook as rollup_hook
    from rectification.supervision import sweep_hook as supervision_hook

    next_action.install(hl)     # every session keeps next_action_at current
    # the roll-up after supervision, which changes cases
    hl.sweep_hooks = [supervision_hook, rollup_hook, notify.sweep_hook, similar.upkeep, hotspots.sweep_hook,
                      knowledge.flag_stale]
    hl.citizen_notifier = notify.notify_ticket
    hl.citizen_messages = notify.messages_for_number
    hl.report_sheets = [hotspots.report_sheets]
