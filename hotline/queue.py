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

    def enqueue(self, name: str, *args: Any, job_id: str | None = None, front: bool = False) -> None:  # pragma: no cover
        """Queue job ``name``; ``front``: ahead of the jobs waiting (an emergency's intake). Queues that
        run jobs at once or on several threads may ignore it."""
        raise NotImplementedError

    def start(self, hl: "Hotline") -> None:
        pass

    def stop(self) -> None:
        pass

    def status(self) -> dict[str, Any]:
        return {"kind": self.kind}

    def sweep_done(self, at: float | None = None) -> None:
        """Called when a sweep finished (shown in /healthz)."""


class InlineQueue(TaskQueue):
    """Runs each job at once in the caller's thread, after the commit (tests, CLI one-shots)."""

    kind = "inline"

    def __init__(self) -> None:
        self.hl: "Hotline | None" = None
        self.ran: list[tuple[str, tuple]] = []

    def start(self, hl: "Hotline") -> None:
        self.hl = hl

    def enqueue(self, name: str, *args: Any, job_id: str | None = None, front: bool = False) -> None:
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
        self._last_sweep: float | None = None

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

    def enqueue(self, name: str, *args: Any, job_id: str | None = None, front: bool = False) -> None:
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
                "workers": self._workers,
                "last_sweep_age_s": None if self._last_sweep is None else round(time.time() - self._last_sweep, 1)}

    def sweep_done(self, at: float | None = None) -> None:
        self._last_sweep = time.time() if at is None else at

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


SWEEP_LAST_KEY = "hotline:sweep:last"      # Unix time the last sweep finished (any process)
WORKERS_KEY = "hotline:workers"            # hash: worker name -> Unix time of its last heartbeat
WORKER_HEARTBEAT = 5                       # seconds between a worker's heartbeats
WORKER_DEAD_AFTER = 30                     # a worker silent this long is reported dead


def redis_client(url: str, *, timeout: float | None):
    """A Redis client that reconnects by itself. ``timeout`` bounds each command (None: a blocking
    reader such as rq's dequeue, which waits far longer than any socket timeout)."""
    from redis import Redis
    from redis.backoff import ExponentialBackoff
    from redis.exceptions import ConnectionError, TimeoutError
    from redis.retry import Retry

    return Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout or 5,
                          socket_keepalive=True, health_check_interval=30,
                          retry=Retry(ExponentialBackoff(cap=2, base=0.1), 3),
                          retry_on_error=[ConnectionError, TimeoutError])


def claim_sweep(redis, interval: int, *, only_if_stale: bool = False, now: float | None = None) -> bool:
    """Enqueue this interval's sweep once across every process (SET NX on a per-slot key).

    Workers call it every interval; web processes call it with ``only_if_stale`` and so enqueue a
    sweep only when none has finished for two intervals (no worker's ticker is alive)."""
    now = time.time() if now is None else now
    if only_if_stale:
        last = redis.get(SWEEP_LAST_KEY)
        started = redis.get("hotline:sweep:first-seen")
        if last is None and started is None:
            redis.set("hotline:sweep:first-seen", now, nx=True)  # a fresh install: give workers time
            return False
        if now - float(last or started) < 2 * interval:
            return False
    slot = int(now // interval)
    return bool(redis.set(f"hotline:sweep:{slot}", "1", nx=True, ex=interval * 2))


class RqQueue(TaskQueue):
    """rq on Redis: ``hotline worker`` processes run the jobs, rq's scheduler and the sweep.

    A web process enqueues (with bounded Redis timeouts: a Redis outage costs a request seconds,
    and the sweep re-enqueues what could not be queued) and, every sweep interval, enqueues the
    sweep itself when no worker has run it for two intervals."""

    kind = "rq"

    def __init__(self, redis_url: str, name: str = RQ_QUEUE_NAME, *, timeout: float | None = 5,
                 sweep_interval: int = 60, batched: bool = False) -> None:
        """``batched`` (web processes): ``enqueue`` hands the job to a sender thread and returns at once;
        otherwise (workers, the CLI, tests) it sends the job before returning and raises if it cannot."""
        from rq import Queue

        self.redis = redis_client(redis_url, timeout=timeout)
        self.queue = Queue(name, connection=self.redis)
        self.sweep_interval = sweep_interval
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # jobs handed over by committed transactions, sent to Redis by one sender thread in batches
        self._outbox: list[tuple[str, tuple, str | None, bool]] = []
        self._sending = 0                   # jobs taken from the outbox and not yet sent
        self._outbox_cond = threading.Condition()
        self._sender: threading.Thread | None = None
        self._closing = False
        self.batched = batched

    def enqueue(self, name: str, *args: Any, job_id: str | None = None, front: bool = False) -> None:
        """Hand the job to the sender thread and return at once: the request that committed it does not
        wait for Redis. The sender sends whatever accumulated meanwhile in two round trips (one reads
        the statuses of the named jobs, one pipeline enqueues them all), so concurrent intakes share
        them. A job that cannot be sent (Redis away, the process killed) is logged and lost from the
        queue only: the committed work is found again by the sweep. Not ``batched``: sent now.
        ``front``: ahead of the jobs waiting (an emergency's intake), always as a job of its own."""
        if not self.batched:
            self._send([(name, args, job_id, front)])
            return
        with self._outbox_cond:
            self._outbox.append((name, args, job_id, front))
            if self._sender is None or not self._sender.is_alive():
                self._closing = False
                self._sender = threading.Thread(target=self._send_loop, name="hotline-enqueue", daemon=True)
                self._sender.start()
            self._outbox_cond.notify_all()

    def flush(self, timeout: float = 10) -> bool:
        """Wait until every job handed over so far was sent (or given up); False on timeout."""
        deadline = time.monotonic() + timeout
        with self._outbox_cond:
            while self._outbox or self._sending:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._outbox_cond.wait(left)
        return True

    def _send_loop(self) -> None:
        while True:
            with self._outbox_cond:
                while not self._outbox and not self._closing:
                    self._outbox_cond.wait()
                if not self._outbox:
                    return
                batch, self._outbox = self._outbox, []
                self._sending = len(batch)
            try:
                self._send(batch)
            except Exception:  # noqa: BLE001 - committed work is safe; the sweep re-enqueues it
                log.exception("could not enqueue %d job(s) (%s); the sweep will pick them up", len(batch),
                              ", ".join(sorted({job[0] for job in batch})))
            finally:
                with self._outbox_cond:
                    self._sending = 0
                    self._outbox_cond.notify_all()

    def _send(self, batch: list[tuple[str, tuple, str | None, bool]]) -> None:
        from rq import Retry
        from rq.job import Job, JobStatus

        # the same work still waiting in Redis: do not queue it twice (a started job is queued again: its
        # worker may have died with it, and jobs are safe to run twice)
        named = list(dict.fromkeys(job_id for _, _, job_id, _ in batch if job_id is not None))
        waiting: set[str] = set()
        if named:
            pipe = self.redis.pipeline(transaction=False)
            for named_id in named:
                pipe.hget(Job.key_for(named_id), "status")
            still = {JobStatus.QUEUED.value, JobStatus.SCHEDULED.value, JobStatus.DEFERRED.value}
            waiting = {named_id for named_id, status in zip(named, pipe.execute())
                       if status is not None and status.decode() in still}
        todo: list[tuple[str, tuple, str | None]] = []
        first: list[tuple[str, tuple, str | None]] = []
        for name, args, job_id, front in batch:
            if job_id is not None:
                if job_id in waiting:
                    continue
                waiting.add(job_id)      # twice in one batch: once
            (first if front else todo).append((name, args, job_id))

        def one(name: str, args: tuple, job_id: str | None, front: bool):
            return self.queue.prepare_data("hotline.jobs.execute", (name, *args), job_id=job_id, at_front=front,
                                           retry=Retry(max=3, interval=[5, 30, 120]),
                                           description=f"hotline {name}{args!r}")

        datas = [one(name, args, job_id, True) for name, args, job_id in first]
        if len(todo) > 1:    # one rq job runs them all (creating an rq job costs more than most of them)
            datas.append(self.queue.prepare_data(
                "hotline.jobs.execute_batch", (todo,), retry=Retry(max=3, interval=[5, 30, 120]),
                description=f"hotline batch of {len(todo)}: " + ", ".join(f"{n}{a!r}" for n, a, _ in todo[:5])))
        else:
            datas.extend(one(name, args, job_id, False) for name, args, job_id in todo)
        if datas:
            with self.redis.pipeline() as pipe:
                self.queue.enqueue_many(datas, pipeline=pipe)
                pipe.execute()

    def start(self, hl: "Hotline") -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._watch_sweep, name="hotline-sweep-watchdog", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        with self._outbox_cond:      # what was handed over is sent before the process goes
            self._closing = True
            self._outbox_cond.notify_all()
            sender = self._sender
        if sender is not None:
            sender.join(timeout=10)

    def _watch_sweep(self) -> None:
        while not self._stop.wait(self.sweep_interval):
            try:
                if claim_sweep(self.redis, self.sweep_interval, only_if_stale=True):
                    log.warning("no worker has run the sweep for %d s: enqueued it", 2 * self.sweep_interval)
                    self.enqueue("sweep", job_id=f"sweep-web-{int(time.time())}")
            except Exception:  # noqa: BLE001 - Redis may come back; the next tick tries again
                log.warning("could not check the sweep on Redis", exc_info=True)

    def sweep_done(self, at: float | None = None) -> None:
        try:
            self.redis.set(SWEEP_LAST_KEY, time.time() if at is None else at)
        except Exception:  # noqa: BLE001 - only bookkeeping for /healthz
            log.warning("could not record the sweep on Redis", exc_info=True)

    def status(self) -> dict[str, Any]:
        from rq.job import Job

        try:
            now = time.time()
            depth = self.queue.count
            oldest_age = None
            ids = self.queue.get_job_ids(0, 0)
            if ids:
                job = Job.fetch(ids[0], connection=self.redis)
                if job.enqueued_at is not None:
                    oldest_age = round(now - job.enqueued_at.timestamp(), 1)
            last = self.redis.get(SWEEP_LAST_KEY)
            beats = {k.decode(): float(v) for k, v in self.redis.hgetall(WORKERS_KEY).items()}
        except Exception as exc:  # noqa: BLE001
            return {"kind": self.kind, "redis": f"unreachable: {exc.__class__.__name__}"}
        alive = sorted(k for k, t in beats.items() if now - t <= WORKER_DEAD_AFTER)
        sweep_age = round(now - float(last), 1) if last else None
        return {"kind": self.kind, "redis": "ok", "queued": depth, "oldest_job_age_s": oldest_age,
                "last_sweep_age_s": sweep_age, "sweep_interval_s": self.sweep_interval,
                "sweep_overdue": sweep_age is None or sweep_age > 2 * self.sweep_interval,
                "workers_alive": len(alive), "workers": alive,
                "workers_silent": sorted(k for k, t in beats.items() if now - t > WORKER_DEAD_AFTER)}
