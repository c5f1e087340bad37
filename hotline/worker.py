"""``hotline worker``: an rq worker with rq's scheduler, plus the periodic deadline sweep.

Models are loaded in the parent before rq forks a work horse per job, so a job does not reload
them. Several workers may run: the sweep is enqueued once per interval through a Redis lock.
"""
from __future__ import annotations

import logging
import threading

from hotline import jobs
from hotline.queue import RQ_QUEUE_NAME, RqQueue
from hotline.settings import Settings

log = logging.getLogger(__name__)


def sweep_ticker(queue: RqQueue, interval: int, stop: threading.Event) -> None:
    """Enqueue one sweep per interval across all workers (SET NX on a per-slot key)."""
    import time

    while not stop.is_set():
        slot = int(time.time() // interval)
        try:
            if queue.redis.set(f"hotline:sweep:{slot}", "1", nx=True, ex=interval * 2):
                queue.enqueue("sweep", job_id=f"sweep-{slot}")
        except Exception:  # noqa: BLE001 - Redis may come back; the next tick tries again
            log.exception("could not enqueue the sweep")
        stop.wait(interval)


def run_worker(settings: Settings, *, burst: bool = False) -> int:
    from rq import Worker

    from hotline.bootstrap import bootstrap

    queue = RqQueue(settings.redis_url)
    hl = bootstrap(settings, queue=queue, start_queue=False)
    jobs.set_context(hl)
    stop = threading.Event()
    if not burst:
        threading.Thread(target=sweep_ticker, args=(queue, settings.sweep_interval, stop), daemon=True,
                         name="hotline-sweep-ticker").start()
    try:
        worker = Worker([RQ_QUEUE_NAME], connection=queue.redis)
        worker.work(with_scheduler=True, burst=burst, logging_level="INFO")
    finally:
        stop.set()
        hl.engine.dispose()
    return 0
