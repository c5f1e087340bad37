"""Deadline sweep, background work and recovery: nothing accepted is ever lost."""
from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import select

from hotline.presenters import supervision_level
from hotline.services import tickets as svc
from hotline.services.sweep import sweep
from models import Notice, Ticket
from tests.conftest import beijing

CONTENT = "江岸区解放大道小区门口占道经营严重"


def _dispatched(hl, actors):
    view, _ = svc.create_ticket(hl, actor=actors["operator"], data={"content": CONTENT, "channel": "phone"})
    svc.sign_ticket(hl, actor=actors["D-JA"], number=view["number"])
    return view["number"]


def _ticket(hl, number):
    with hl.sessions() as s:
        return s.scalar(select(Ticket).where(Ticket.number == number))


def _kinds(hl, number):
    with hl.sessions() as s:
        t = s.scalar(select(Ticket).where(Ticket.number == number))
        return sorted(n.kind for n in s.scalars(select(Notice).where(Notice.ticket_id == t.id)))


def test_escalation_across_national_day(hl, actors, clock):
    # Dispatched Friday 11 Sep 2026 with 15 working days: 14–30 Sep give 13 (Sunday 27 Sep? the
    # calendar decides), 1–7 Oct are off, so the deadline is the end of Friday 9 Oct.
    clock.set(beijing(2026, 9, 11, 9, 0))
    number = _dispatched(hl, actors)
    t = _ticket(hl, number)
    due_day = t.complete_due.astimezone(hl.calendar.tz).date()
    assert due_day == date(2026, 10, 9)           # 14–30 Sep = 13 days, 8 Oct, 9 Oct (10 Oct is a Saturday workday)

    clock.set(beijing(2026, 10, 8, 9, 0))         # more than 24 h before the deadline: nothing yet
    assert sweep(hl).warned == 0
    clock.set(beijing(2026, 10, 9, 9, 0))         # within 24 h of the deadline → 预警
    report = sweep(hl)
    assert report.warned == 1 and report.urged == 0
    assert sweep(hl).warned == 0                  # safe to run twice
    t = _ticket(hl, number)                       # shown as 预警, read from its stamp (a HOT update)
    assert supervision_level(t) == "warned" and t.supervision_level == "none" and t.warned_at is not None

    clock.set(beijing(2026, 10, 10, 9, 0))        # the day after the deadline → 催办 + 督办
    report = sweep(hl)
    assert report.urged == 1 and report.notified == 0
    t = _ticket(hl, number)
    assert t.overdue and t.supervision_level == "supervised"

    clock.set(beijing(2026, 10, 16, 9, 0))        # 10,12,13,14,15 Oct = 5 working days, ends 15 Oct
    report = sweep(hl)
    assert report.notified == 1
    assert _ticket(hl, number).supervision_level == "notified"
    assert sweep(hl).as_dict()["notified"] == 0
    assert _kinds(hl, number) == ["dispatch", "notify", "notify", "urge", "warn"]


def test_not_yet_notified_the_day_before(hl, actors, clock):
    clock.set(beijing(2026, 9, 11, 9, 0))
    number = _dispatched(hl, actors)
    clock.set(beijing(2026, 10, 15, 12, 0))       # the 5th working day after the deadline has not ended
    report = sweep(hl)
    assert report.urged == 1 and report.notified == 0
    assert _ticket(hl, number).notified_at is None


def test_late_dispatch_sign_and_callback_are_flagged(hl, actors, clock):

    view, _ = svc.create_ticket(hl, actor=actors["operator"], data={"content": "不知道说什么", "channel": "phone"})
    assert _ticket(hl, view["number"]).status == "triage"
    clock.advance(hours=25)
    assert sweep(hl).late_dispatch == 1
    number = svc.dispatch_ticket(hl, actor=actors["operator"], number=view["number"], unit="D-JA")["number"]
    clock.advance(hours=25)
    assert sweep(hl).late_sign == 1
    svc.sign_ticket(hl, actor=actors["D-JA"], number=number)
    svc.answer_ticket(hl, actor=actors["D-JA"], number=number, answer="已答复市民的问题")
    clock.advance(days=4)
    report = sweep(hl)
    assert report.late_callback == 1 and sweep(hl).late_callback == 0


def test_one_bad_ticket_never_stops_the_sweep(hl, actors, clock, monkeypatch):
    clock.set(beijing(2026, 9, 11, 9, 0))
    first, second = _dispatched(hl, actors), _dispatched(hl, actors)
    bad_id = _ticket(hl, first).id
    from hotline.services import sweep as sweep_module

    real = sweep_module._escalate

    def flaky(s, hl_, t, now, report):
        if t.id == bad_id:
            raise RuntimeError("corrupt row")
        return real(s, hl_, t, now, report)

    monkeypatch.setattr(sweep_module, "_escalate", flaky)
    clock.set(beijing(2026, 10, 10, 9, 0))
    report = sweep(hl)
    assert report.errors == 1 and report.failed_ids == [bad_id] and report.urged == 1
    assert _ticket(hl, second).overdue and not _ticket(hl, first).overdue


class DeadQueue:
    kind = "dead"

    def enqueue(self, *a, **k):
        raise ConnectionError("queue is down")

    def start(self, hl):
        pass

    def stop(self):
        pass

    def status(self):
        return {"kind": self.kind}


def test_ticket_is_committed_when_the_queue_is_down_and_the_sweep_recovers_it(make_hotline, database_url, clock):
    from hotline.queue import InlineQueue
    from hotline.services.actors import SYSTEM

    hl = make_hotline(database_url, queue=DeadQueue())
    view, created = svc.create_ticket(hl, actor=SYSTEM, data={"content": CONTENT, "channel": "phone"})
    assert created
    assert _ticket(hl, view["number"]).intake_state == "pending"      # stored, not lost
    hl.queue = InlineQueue()
    hl.queue.start(hl)
    assert sweep(hl).intake_requeued == 0                             # too fresh: its job may still run
    clock.advance(minutes=5)
    assert sweep(hl).intake_requeued == 1
    t = _ticket(hl, view["number"])
    assert t.intake_state == "done" and t.status == "dispatched"
    assert sweep(hl).intake_requeued == 0


def test_failing_intake_job_is_marked_and_retried_later(make_hotline, database_url, clock):
    from hotline.services.actors import SYSTEM

    class Broken:
        version = "broken"

        def classify(self, text):
            raise RuntimeError("model file missing")

    hl = make_hotline(database_url, classifier=Broken())
    view, created = svc.create_ticket(hl, actor=SYSTEM, data={"content": CONTENT, "channel": "phone"})
    assert created                                   # the channel is told "received" all the same
    t = _ticket(hl, view["number"])
    assert t.intake_state == "failed" and "model file missing" in t.intake_error and t.status == "received"
    from tests.conftest import FakeClassifier

    hl.classifier = FakeClassifier()                 # the model is back
    clock.advance(minutes=5)
    assert sweep(hl).intake_requeued == 1
    assert _ticket(hl, view["number"]).status == "dispatched"


def test_in_process_queue_runs_jobs_and_retries(make_hotline, database_url, clock):
    from hotline import jobs
    from hotline.queue import InProcessQueue
    from hotline.services.actors import SYSTEM

    queue = InProcessQueue(workers=2, sweep_interval=0, backoff=lambda n: 0.01)
    hl = make_hotline(database_url, queue=queue)
    calls = []

    def flaky(hl_, n):
        calls.append(n)
        if len(calls) < 2:
            raise RuntimeError("transient")

    jobs.JOBS["test_flaky"] = flaky
    try:
        view, _ = svc.create_ticket(hl, actor=SYSTEM, data={"content": CONTENT, "channel": "phone"})
        queue.enqueue("test_flaky", 7)
        assert queue.drain(timeout=20)
        assert calls == [7, 7]
        assert _ticket(hl, view["number"]).status == "dispatched"
        assert queue.status()["failed"] == 0
    finally:
        jobs.JOBS.pop("test_flaky", None)


@pytest.mark.postgres
def test_concurrent_retries_create_one_ticket_on_postgres(make_hotline, pg_template, tmp_path):
    import uuid

    from tests.conftest import _pg_exec, _pg_url

    name = f"hl_test_{uuid.uuid4().hex[:12]}"
    _pg_exec(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    try:
        from hotline.services.actors import SYSTEM

        hl = make_hotline(_pg_url(name))
        results, errors = [], []
        barrier = threading.Barrier(8)

        def send():
            try:
                barrier.wait()
                results.append(svc.create_ticket(hl, actor=SYSTEM, data={"content": CONTENT, "channel": "phone"},
                                                 idempotency_key="same-call"))
            except Exception as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=send) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        assert len({view["number"] for view, _ in results}) == 1
        assert sum(created for _, created in results) == 1
        with hl.sessions() as s:
            assert len(s.scalars(select(Ticket)).all()) == 1
        hl.close()
    finally:
        _pg_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.redis
@pytest.mark.postgres
def test_rq_worker_processes_intake_and_sweep_on_redis_and_postgres(make_hotline, pg_template, redis_url, clock):
    import uuid

    from rq import SimpleWorker

    from hotline import jobs
    from hotline.queue import RQ_QUEUE_NAME, RqQueue
    from hotline.services.actors import SYSTEM
    from tests.conftest import _pg_exec, _pg_url

    name = f"hl_test_{uuid.uuid4().hex[:12]}"
    _pg_exec(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    try:
        queue = RqQueue(redis_url)
        hl = make_hotline(_pg_url(name), queue=queue)
        view, _ = svc.create_ticket(hl, actor=SYSTEM, data={"content": CONTENT, "channel": "phone"})
        assert _ticket(hl, view["number"]).intake_state == "pending"     # waiting in Redis
        assert queue.queue.count == 1
        jobs.set_context(hl)
        try:
            worker = SimpleWorker([RQ_QUEUE_NAME], connection=queue.redis)
            worker.work(burst=True)
            t = _ticket(hl, view["number"])
            assert t.intake_state == "done" and t.status == "dispatched"
            # the sweep runs as an rq job too
            queue.enqueue("sweep", job_id="sweep-test")
            worker.work(burst=True)
            assert queue.queue.count == 0
        finally:
            jobs.set_context(None)
        hl.close()
    finally:
        _pg_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_timed_sweeps_never_overlap(make_hotline, database_url, monkeypatch):
    import time as _time

    from hotline import jobs
    from hotline.queue import InProcessQueue

    running, overlaps, runs = [], [], []

    def slow_sweep(hl_):
        if running:
            overlaps.append(1)
        running.append(1)
        _time.sleep(0.3)
        running.pop()
        runs.append(1)

    monkeypatch.setitem(jobs.JOBS, "sweep", slow_sweep)
    queue = InProcessQueue(workers=2, sweep_interval=0.05)
    make_hotline(database_url, queue=queue)
    _time.sleep(1.0)
    queue.stop()
    assert runs and not overlaps


@pytest.mark.redis
def test_rq_queue_does_not_queue_work_that_is_still_waiting(redis_url):
    from hotline.queue import RqQueue

    queue = RqQueue(redis_url)
    queue.enqueue("process_intake", 7, job_id="intake-7")
    queue.enqueue("process_intake", 7, job_id="intake-7")       # the sweep finds it pending again
    queue.enqueue("process_intake", 8, job_id="intake-8")
    assert queue.queue.count == 2
    queue.queue.empty()
    queue.enqueue("process_intake", 7, job_id="intake-7")       # gone from the queue: queued again
    assert queue.queue.count == 1


@pytest.mark.redis
def test_an_emergency_intake_goes_ahead_of_the_waiting_ones(redis_url, make_hotline, database_url, actors):
    from sqlalchemy import select

    from hotline.queue import RqQueue
    from hotline.services import tickets
    from models import Ticket

    queue = RqQueue(redis_url)
    queue.queue.empty()
    hl = make_hotline(database_url, queue=queue)
    op = actors["operator"]
    tickets.create_ticket(hl, actor=op, data={"content": "小区门口的路灯坏了", "channel": "phone"})
    fire, _ = tickets.create_ticket(hl, actor=op, data={"content": "对面楼上着火了，好大的烟", "channel": "phone"})
    waiting = queue.queue.job_ids
    queue.queue.empty()
    with hl.sessions() as s:
        fire_id = s.scalar(select(Ticket.id).where(Ticket.number == fire["number"]))
    assert len(waiting) == 2 and waiting[0] == f"intake-{fire_id}"
