"""``hotline worker``: an rq worker with rq's scheduler, plus the periodic deadline sweep.

Made to run for months:

- Jobs run in the worker process itself (rq's ``SimpleWorker``), on models loaded once and one
  database pool: 15.8 intake jobs/s against 2.2 for rq's fork-per-job ``Worker`` on this machine
  (``bench/bench_worker.py``, docs/benchmarks.md). rq's job timeout still applies (SIGALRM), and a
  worker that dies mid-job loses nothing: the sweep re-enqueues intake work that never finished.
  ``hotline worker --fork`` keeps rq's fork per job for isolation; then the parent holds no database
  connection and each horse drops the pool it inherited (``engine.dispose(close=False)``), so a horse
  never writes on a socket another process uses (on PostgreSQL: ``DuplicatePreparedStatement`` from
  the second job on).
- rq's blocking dequeue waits minutes on Redis: the worker's own connection has no socket timeout
  (rq sets one above its dequeue timeout) and a health check, so an idle worker never quits; when
  Redis restarts, or anything else makes rq's loop return, the loop starts it again with back-off.
  Only a stop request (SIGTERM / SIGINT) or ``--burst`` ends the process.
- Every worker ticks the sweep (one per interval across all of them, through a per-slot Redis lock)
  and writes a heartbeat that ``/healthz`` of the web processes reads.
"""
from __future__ import annotations

import logging
import os
import socket
import threading
import time

from rq import SimpleWorker, Worker
from rq.worker.base import StopRequested

from hotline import jobs
from hotline.queue import (RQ_QUEUE_NAME, WORKER_HEARTBEAT, WORKERS_KEY, RqQueue, claim_sweep, redis_client)
from hotline.settings import Settings

log = logging.getLogger(__name__)


class ForkingWorker(Worker):
    """rq's forking worker whose work horse never touches the parent's database connections."""

    def main_work_horse(self, job, queue):
        hl = jobs.current_context()
        if hl is not None:
            hl.engine.dispose(close=False)  # forget the inherited pool without closing its sockets
        return super().main_work_horse(job, queue)


def sweep_ticker(queue: RqQueue, interval: int, stop: threading.Event) -> None:
    """Enqueue one sweep per interval across all workers."""
    while not stop.is_set():
        try:
            if claim_sweep(queue.redis, interval):
                queue.enqueue("sweep", job_id=f"sweep-{int(time.time() // interval)}")
        except Exception:  # noqa: BLE001 - Redis may come back; the next tick tries again
            log.warning("could not enqueue the sweep (Redis unreachable?)")
        stop.wait(interval)


def heartbeat(queue: RqQueue, name: str, stop: threading.Event) -> None:
    """Tell the web processes this worker is alive (read by /healthz)."""
    while not stop.is_set():
        try:
            queue.redis.hset(WORKERS_KEY, name, time.time())
        except Exception:  # noqa: BLE001
            log.debug("heartbeat not written", exc_info=True)
        stop.wait(WORKER_HEARTBEAT)
    try:
        queue.redis.hdel(WORKERS_KEY, name)
    except Exception:  # noqa: BLE001
        pass


MAINTENANCE_INTERVAL = 30  # seconds between rq's maintenance runs: a dead scheduler restarted, registries cleaned


def _stopping(worker: Worker | None) -> bool:
    """A warm shutdown was asked for (SIGTERM / SIGINT), not a loop that ended on a Redis error."""
    if worker is None:
        return False
    return worker._stop_requested or worker._shutdown_requested_date is not None


def run_worker(settings: Settings, *, burst: bool = False, fork: bool = False, max_restart_wait: float = 30) -> int:
    from hotline.bootstrap import bootstrap

    queue = RqQueue(settings.redis_url, timeout=settings.redis_timeout, sweep_interval=settings.sweep_interval)
    hl = bootstrap(settings, queue=queue, start_queue=False)
    jobs.set_context(hl)
    hl.engine.dispose()  # nothing pooled from before: (with --fork) every horse opens its own connections
    if not burst:
        from hotline.services import knowledge

        knowledge.warm(hl)   # the knowledge-base index, built in the background as work starts
    worker_class = ForkingWorker if fork else SimpleWorker
    name = f"{socket.gethostname()}:{os.getpid()}"
    stop = threading.Event()
    if not burst:
        for target, label in ((sweep_ticker, "sweep-ticker"), (heartbeat, "heartbeat")):
            args = (queue, settings.sweep_interval, stop) if target is sweep_ticker else (queue, name, stop)
            threading.Thread(target=target, args=args, daemon=True, name=f"hotline-{label}").start()
    # the dequeue blocks for minutes: this connection has no socket timeout of its own
    connection = redis_client(settings.redis_url, timeout=None)
    wait = 1.0
    try:
        while True:
            worker = None
            started = time.monotonic()
            try:  # rq talks to Redis from its constructor on
                # rq starts a dead scheduler again (the one that moves retries due) only in its maintenance,
                # every 10 min by default: one that died on a Redis restart held every retry back that long
                worker = worker_class([RQ_QUEUE_NAME], connection=connection,
                                       name=f"hotline-{name}-{time.time():.0f}",
                                       maintenance_interval=MAINTENANCE_INTERVAL)
                worker.work(with_scheduler=True, burst=burst, logging_level="INFO")
            except StopRequested:
                return 0
            except Exception as exc:  # noqa: BLE001 - e.g. Redis unreachable while registering
                log.warning("the rq worker loop stopped: %s: %s", exc.__class__.__name__, exc)
            if burst or _stopping(worker):
                return 0
            if time.monotonic() - started > 60:
                wait = 1.0
            log.warning("the rq worker loop ended (Redis unreachable?); restarting in %.0f s", wait)
            try:
                time.sleep(wait)  # rq's signal handlers are still installed: SIGTERM lands here
            except StopRequested:
                return 0
            if _stopping(worker):
                return 0
            wait = min(max_restart_wait, wait * 2)
    finally:
        stop.set()
        hl.engine.dispose()
