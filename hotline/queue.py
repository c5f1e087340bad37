"""Background work: an in-process queue (embedded default) or rq on Redis (production).

Jobs are named functions in ``hotline.jobs`` that take ids, never ORM objects, and are safe to run
twice. Work is enqueued only after its transaction commits (``UnitOfWork.after_commit``); if the
queue is down, the sweep finds the unfinished work again (nothing accepted is ever lost).
"""
from __future__ import annotations

import logging
import queue as _queue
import threading
import time
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:  # pragma: no cover
    from hotline.bootstrap import Hotline

log = logging.getLogger(__name__)

RQ_QUEUE_NAME = "hotline"


class TaskQueue:
    """Interface: ``enqueue(job_name, *args, job_id=None)``."""

    kind = "none"

    def enqueue(self, name: str, *args: Any, job_id: str | None = None) -> None:  # pragma: no cover
        raise NotImplementedError

    def start(self, hl: "Hotline") -> None:
        pass

    def stop(self) -> None:
        pass

    def status(self) -> dict[str, Any]:
        return {"kind": self.kind}


class InlineQueue(TaskQueue):
    """Runs each job at once in the caller's thread, after the commit (tests, CLI one-shots)."""

    kind = "inline"

    def __init__(self) -> None:
        self.hl: "Hotline | None" = None
        self.ran: list[tuple[str, tuple]] = []

    def start(self, hl: "Hotline") -> None:
        self.hl = hl

    def enqueue(self, name: str, *args: Any, job_id: str | None = None) -> None:
        from hotline import jobs

        if self.hl is None:
            raise RuntimeError("InlineQueue used before start()")
        self.ran.append((name, args))
        jobs.run(self.hl, name, *args)


class InProcessQueue(TaskQueue):
    """Worker threads and a sweep timer inside the server process (the embedded default).

    A failed job is retried with back-off; one that keeps failing is logged and left for the sweep.
    """

    kind = "in-process"

    def __init__(self, workers: int = 2, sweep_interval: float = 60, retries: int = 3,
                 backoff: Callable[[int], float] = lambda n: min(30.0, 0.5 * 2 ** n)) -> None:
        self._q: _queue.Queue = _queue.Queue()
        self._workers = workers
        self._sweep_interval = sweep_interval
        self._retries = retries
        self._backoff = backoff
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()
        self._idle = threading.Condition()
        self._pending = 0
        self.hl: "Hotline | None" = None
        self.done = 0
        self.failed = 0
        self._sweeping = threading.Event()  # set while a timed sweep is queued or running

    def start(self, hl: "Hotline") -> None:
        self.hl = hl
        self._stop.clear()
        for i in range(self._workers):
            t = threading.Thread(target=self._work, name=f"hotline-worker-{i}", daemon=True)
            t.start()
            self._threads.append(t)
        if self._sweep_interval:
            t = threading.Thread(target=self._tick, name="hotline-sweep", daemon=True)
            t.start()
            self._threads.append(t)

    def stop(self) -> None:
        self._stop.set()
        for _ in range(self._workers):
            self._q.put(None)
        for t in self._threads:
            t.join(timeout=10)
        self._threads.clear()

    def enqueue(self, name: str, *args: Any, job_id: str | None = None) -> None:
        with self._idle:
            self._pending += 1
        self._q.put((name, args, 0))

    def drain(self, timeout: float = 30) -> bool:
        """Wait until every enqueued job has finished (tests)."""
        deadline = time.monotonic() + timeout
        with self._idle:
            while self._pending:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._idle.wait(left)
        return True

    def status(self) -> dict[str, Any]:
        return {"kind": self.kind, "pending": self._pending, "done": self.done, "failed": self.failed,
                "workers": self._workers}

    def _finish(self) -> None:
        with self._idle:
            self._pending -= 1
            self._idle.notify_all()

    def _work(self) -> None:
        from hotline import jobs

        while not self._stop.is_set():
            item = self._q.get()
            if item is None:
                return
            name, args, attempt = item
            try:
                if name == "timed_sweep":
                    try:
                        jobs.run(self.hl, "sweep")
                    finally:
                        self._sweeping.clear()
                else:
                    jobs.run(self.hl, name, *args)
                self.done += 1
                self._finish()
            except Exception:  # noqa: BLE001 - a job must never kill its worker
                if attempt + 1 < self._retries and not self._stop.is_set():
                    log.warning("job %s%r failed (attempt %d), retrying", name, args, attempt + 1, exc_info=True)
                    timer = threading.Timer(self._backoff(attempt), self._q.put, [(name, args, attempt + 1)])
                    timer.daemon = True
                    timer.start()
                else:
                    self.failed += 1
                    log.error("job %s%r failed %d times; the sweep will pick it up", name, args,
                              attempt + 1, exc_info=True)
                    self._finish()

    def _tick(self) -> None:
        while not self._stop.wait(self._sweep_interval):
            if not self._sweeping.is_set():  # a slow sweep is never overtaken by the next one
                self._sweeping.set()
                self.enqueue("timed_sweep")


class RqQueue(TaskQueue):
    """rq on Redis: ``hotline worker`` processes run the jobs and rq's scheduler."""

    kind = "rq"

    def __init__(self, redis_url: str, name: str = RQ_QUEUE_NAME) -> None:
        from redis import Redis
        from rq import Queue

        self.redis = Redis.from_url(redis_url)
        self.queue = Queue(name, connection=self.redis)

    def enqueue(self, name: str, *args: Any, job_id: str | None = None) -> None:
        from rq import Retry

        self.queue.enqueue("hotline.jobs.execute", name, *args, job_id=job_id,
                           retry=Retry(max=3, interval=[5, 30, 120]),
                           description=f"hotline {name}{args!r}")

    def status(self) -> dict[str, Any]:
        try:
            self.redis.ping()
            return {"kind": self.kind, "redis": "ok", "queued": self.queue.count}
        except Exception as exc:  # noqa: BLE001
            return {"kind": self.kind, "redis": f"unreachable: {exc.__class__.__name__}"}
