"""The intake's hot path: per-day ticket numbers without a row lock, retries without a read first,
tokens remembered briefly but revoked at once; on SQLite and PostgreSQL."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from sqlalchemy import func, select

from hotline.errors import Unauthorized
from hotline.services import auth, tickets as svc
from models import NumberSequence, Ticket
from tests.conftest import beijing

CONTENT = "江岸区解放大道小区门口占道经营严重"


def _create(hl, actor, **data):
    return svc.create_ticket(hl, actor=actor, data={"content": CONTENT, "channel": "phone", **data})


def test_concurrent_intakes_get_the_days_numbers_in_turn(hl, actors, clock):
    clock.set(beijing(2026, 11, 18, 9, 0))
    with ThreadPoolExecutor(8) as pool:
        views = list(pool.map(lambda i: _create(hl, actors["operator"], channel_ref=f"c-{i}")[0], range(24)))
    numbers = sorted(v["number"] for v in views)
    assert numbers == [f"20261118{n:04d}" for n in range(1, 25)]     # distinct, from 0001, no gap
    clock.set(beijing(2026, 11, 19, 0, 5))                             # a new local day starts again at 1
    assert _create(hl, actors["operator"])[0]["number"] == "202611190001"


def test_a_retry_is_found_on_the_unique_keys_and_burns_no_ticket(hl, actors, clock):
    clock.set(beijing(2026, 11, 18, 9, 0))
    first, created = svc.create_ticket(hl, actor=actors["operator"], data={"content": CONTENT, "channel": "phone"},
                                       idempotency_key="call-0001")
    again, created_again = svc.create_ticket(hl, actor=actors["operator"],
                                             data={"content": CONTENT, "channel": "phone"},
                                             idempotency_key="call-0001")
    assert created and not created_again and again["number"] == first["number"]
    same_ref, created_ref = _create(hl, actors["operator"], channel_ref="cc-77")
    retry, created_retry = _create(hl, actors["operator"], channel_ref="cc-77")
    assert created_ref and not created_retry and retry["number"] == same_ref["number"]
    with hl.sessions() as s:
        assert s.scalar(select(func.count(Ticket.id))) == 2


def test_a_day_numbered_before_the_sequence_goes_on_after_its_last_number(hl, actors, clock, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("the sequence is PostgreSQL's; SQLite counts in number_sequences.last")
    clock.set(beijing(2026, 11, 18, 9, 0))
    with hl.uow() as uow:                      # the day's first seven numbers were given by the old counter
        uow.session.add(NumberSequence(day=date(2026, 11, 18), last=7))
        uow.commit()
    assert _create(hl, actors["operator"])[0]["number"] == "202611180008"
    assert _create(hl, actors["operator"])[0]["number"] == "202611180009"


def test_a_revoked_token_stops_working_at_once_in_the_revoking_process(hl):
    token = auth.create_token(hl, name="呼叫中心", role="channel")
    assert auth.actor_for_token(hl, token).name == "呼叫中心"
    assert auth.actor_for_token(hl, token).name == "呼叫中心"          # now from the process's memory
    assert auth.revoke_token(hl, name="呼叫中心") == 1
    with pytest.raises(Unauthorized):
        auth.actor_for_token(hl, token)


def test_a_new_ticket_is_written_with_its_audit_entry_its_figures_marks_and_its_schedule(make_hotline, database_url,
                                                                                         clock):
    """The hot path writes with Core, not an ORM flush: what the flush did for a new ticket still happens,
    and its background work is queued after the commit."""
    from hotline.queue import TaskQueue
    from hotline.services.next_action import TICK
    from models import AuditEvent
    from models.rollup import MetricDirty

    class Recording(TaskQueue):
        def __init__(self):
            self.jobs = []

        def enqueue(self, name, *args, job_id=None, front=False):
            self.jobs.append((name, args, job_id))

    queue = Recording()
    hl = make_hotline(database_url, queue=queue)
    operator = auth.actor_for_token(hl, auth.create_token(hl, name="话务台", role="operator"))
    clock.set(beijing(2026, 11, 18, 9, 0))
    view, created = _create(hl, operator, contact_phone="13812345678", channel_ref="cc-9")
    assert created
    with hl.sessions() as s:
        t = s.scalar(select(Ticket).where(Ticket.number == view["number"]))
        entries = s.scalars(select(AuditEvent).where(AuditEvent.ticket_id == t.id)).all()
        assert [(e.action, e.to_status, e.subject_id, e.actor_name, e.data) for e in entries] == [
            ("create", "received", t.id, "话务台", {"channel": "phone", "channel_ref": "cc-9"})]
        assert s.scalar(select(func.count(MetricDirty.id)).where(MetricDirty.ticket_id == t.id)) == 1
        assert s.scalar(select(func.count(MetricDirty.id)).where(MetricDirty.at == t.created_at)) == 1
        assert t.next_action_at == t.dispatch_due + TICK            # next_action.refresh ran
        assert (t.version_id, t.overdue, t.intake_state, t.supervision_level) == (1, False, "pending", "none")
        assert t.contact_phone == "13812345678" and t.extra["given"] == {}
    assert queue.jobs == [("notify_citizen", (t.id, "accepted"), None),
                          ("process_intake", (t.id,), f"intake-{t.id}")]
    again = svc.get_ticket(hl, actor=operator, number=view["number"])
    assert {k: again[k] for k in view} == view                  # the answer is what was stored


@pytest.mark.redis
def test_a_web_process_sends_its_jobs_in_batches_and_a_failing_one_is_retried_on_its_own(redis_url):
    from rq import SimpleWorker

    from hotline import jobs
    from hotline.queue import RQ_QUEUE_NAME, RqQueue

    queue = RqQueue(redis_url, batched=True)
    ran: list[tuple] = []

    def good(hl_, n):
        ran.append(("good", n))

    def bad(hl_, n):
        ran.append(("bad", n))
        raise RuntimeError("fails")

    class Context:              # what execute_batch needs of the worker's Hotline: a queue that sends now
        def __init__(self):
            self.queue = RqQueue(redis_url)

    jobs.JOBS.update(test_good=good, test_bad=bad)
    queue.queue.empty()
    try:
        with queue._outbox_cond:      # hold the sender back: the jobs go out together
            queue.enqueue("test_good", 1, job_id="good-1")
            queue.enqueue("test_bad", 2)
            queue.enqueue("test_good", 3)
            queue.enqueue("test_good", 0, front=True)              # an emergency's: its own job, first
        assert queue.flush(timeout=10)
        assert queue.queue.count == 2                               # one rq job carries the other three
        jobs.set_context(Context())
        SimpleWorker([RQ_QUEUE_NAME], connection=queue.redis).work(burst=True)
        # the failing one ran in the batch, then again as a job of its own (rq retries it later)
        assert ran == [("good", 0), ("good", 1), ("bad", 2), ("good", 3), ("bad", 2)]
    finally:
        jobs.set_context(None)
        jobs.JOBS.pop("test_good", None)
        jobs.JOBS.pop("test_bad", None)
        queue.queue.empty()
        queue.stop()
