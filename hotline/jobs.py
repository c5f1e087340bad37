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


def execute(name: str, *args: Any) -> Any:
    global _CONTEXT
    if _CONTEXT is None:
        from hotline.bootstrap import bootstrap

        _CONTEXT = bootstrap(start_queue=False)
    return run(_CONTEXT, name, *args)


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

    return run_sweep(hl).as_dict()


@job("notify_citizen")
def notify_citizen(hl, ticket_id: int, kind: str) -> bool:
    """Tell the citizen on the channel they used (answered, extended, closed…). Channels register a
    notifier in ``hl.notifiers[channel]`` (``bootstrap.wire``); a channel without one has nothing to push."""
    from models import Ticket

    with hl.sessions() as s:
        ticket = s.get(Ticket, ticket_id)
        if ticket is None:
            return False
        channel = ticket.channel
    notifier = hl.notifiers.get(channel)
    if notifier is None:
        return False
    notifier(hl, ticket_id, kind)
    return True


@job("retrain_classifier")
def retrain_classifier(hl) -> dict:
    """A new category model version from the base data plus operators' corrections."""
    from hotline.services.learning import retrain_classifier as retrain

    return retrain(hl)
