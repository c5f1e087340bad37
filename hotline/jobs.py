"""Background jobs by name. Each takes ids, never ORM objects, and is safe to run twice.

``run(hl, name, *args)`` is what the in-process queue calls; ``execute(name, *args)`` is what an rq
worker calls, on the context ``hotline worker`` built before forking.
"""
from __future__ import annotations

import logging
from typing import Any, Callable

log = logging.getLogger(__name__)

JOBS: dict[str, Callable[..., Any]] = {}
_CONTEXT = None  # the Hotline an rq worker process uses


def job(name: str):
    def register(fn):
        JOBS[name] = fn
        return fn
    return register


def run(hl, name: str, *args: Any) -> Any:
    try:
        fn = JOBS[name]
    except KeyError:
        raise LookupError(f"unknown job {name!r}") from None
    return fn(hl, *args)


def set_context(hl) -> None:
    global _CONTEXT
    _CONTEXT = hl


def current_context():
    """The Hotline this rq worker process runs jobs on (None before ``set_context``)."""
    return _CONTEXT


def _worker_context():
    global _CONTEXT
    if _CONTEXT is None:
        from hotline.bootstrap import bootstrap

        _CONTEXT = bootstrap(start_queue=False)
    return _CONTEXT


def execute(name: str, *args: Any) -> Any:
    return run(_worker_context(), name, *args)


def execute_batch(items: list[tuple[str, tuple, str | None]]) -> int:
    """Jobs a web process handed over together (``RqQueue`` batched), run by one rq job: each on its
    own; one that fails is queued again as a job of its own, with rq's retries. Returns how many failed."""
    hl = _worker_context()
    failed = 0
    for name, args, job_id in items:
        try:
            run(hl, name, *args)
        except Exception:  # noqa: BLE001 - the others go on; this one is retried on its own
            failed += 1
            log.warning("job %s%r failed in a batch; queued again on its own", name, tuple(args), exc_info=True)
            hl.queue.enqueue(name, *args, job_id=job_id)
    return failed


@job("process_intake")
def process_intake(hl, ticket_id: int) -> str:
    from hotline.services.intake import mark_intake_failed, process_intake as process

    try:
        return process(hl, ticket_id)
    except Exception as exc:
        mark_intake_failed(hl, ticket_id, f"{exc.__class__.__name__}: {exc}")
        raise


@job("sweep")
def sweep(hl) -> dict:
    from hotline.services.sweep import sweep as run_sweep

    report = run_sweep(hl).as_dict()
    partitions(hl)
    done = getattr(hl.queue, "sweep_done", None)  # queues injected by tests may not keep it
    if done is not None:
        done()
    return report


@job("partitions")
def partitions(hl) -> dict:
    """PostgreSQL: create the monthly partitions ahead and apply the retention settings
    (models/partitions.py); run with every sweep, nothing to do most times. A failure is logged and
    tried again at the next sweep: the default partition takes the rows meanwhile."""
    from models.partitions import maintain

    try:
        with hl.engine.connect() as conn:
            done = maintain(conn, hl.now(), hl.settings.retention)
            conn.commit()
    except Exception:  # noqa: BLE001 - e.g. a lock not granted within lock_timeout
        log.warning("monthly partitions not maintained this time", exc_info=True)
        return {}
    if done["created"] or done["dropped"]:
        log.info("monthly partitions: created %s, dropped %s", done["created"], done["dropped"])
    return done


@job("notify_citizen")
def notify_citizen(hl, ticket_id: int, kind: str) -> bool:
    """Tell the citizen on their own channel (受理, 派单, 延期, 答复, 办结…). The notification service
    (``channels.notify``) is ``hl.citizen_notifier`` (set by ``bootstrap.wire``)."""
    notifier = hl.citizen_notifier
    if notifier is None:
        return False
    return notifier(hl, ticket_id, kind) is not None


@job("notify_rater")
def notify_rater(hl, review_id: int, kind: str = "rectified") -> bool:
    """Tell the rater of a 差评 the rectification's result."""
    from channels.notify import notify_review

    return notify_review(hl, review_id, kind) is not None


@job("deliver_message")
def deliver_message(hl, msg_id: int) -> str:
    from channels.notify import deliver_message as deliver

    return deliver(hl, msg_id)


@job("retrain_classifier")
def retrain_classifier(hl) -> dict:
    """A new category model version from the base data plus operators' corrections."""
    from hotline.services.learning import retrain_classifier as retrain

    return retrain(hl)
