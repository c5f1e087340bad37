"""Group commit of intakes: the appeals of concurrent requests written in one transaction, each request
answered with its own ticket or its own error; retries answered with their first ticket; a row the
database refuses does not fail its neighbours. On SQLite and PostgreSQL, and over HTTP."""
from __future__ import annotations

import asyncio
import threading

import pytest
from sqlalchemy import func, select

from hotline.errors import Forbidden, InvalidInput
from hotline.services import tickets as svc
from hotline.web.group import GroupWriter
from models import AuditEvent, Ticket
from tests.api.conftest import auth
from tests.conftest import beijing

CONTENT = "江岸区解放大道小区门口占道经营严重"


def _appeal(**extra):
    return {"content": CONTENT, "channel": "phone", **extra}


def test_a_group_is_written_together_and_each_request_gets_its_own_answer(hl, actors, clock):
    from hotline.queue import TaskQueue

    class Recording(TaskQueue):
        def __init__(self):
            self.jobs = []

        def enqueue(self, name, *args, job_id=None, front=False):
            self.jobs.append((name, args))

    clock.set(beijing(2026, 11, 18, 9, 0))
    earlier, _ = svc.create_ticket(hl, actor=actors["operator"], data=_appeal(), idempotency_key="call-0")
    hl.queue = queue = Recording()
    op = actors["operator"]
    answers = svc.create_ticket_group(hl, [
        (op, _appeal(contact_phone="13812345678"), "call-1"),     # 0 new
        (op, {"channel": "phone"}, None),                          # 1 no content: its own 4xx
        (actors["D-JA"], _appeal(), None),                         # 2 a unit may not file: its own 403
        (op, _appeal(channel_ref="cc-5"), None),                   # 3 new
        (op, _appeal(contact_phone="13812345678"), "call-1"),     # 4 a retry of 0 in the same group
        (op, _appeal(category="没有这个分类"), None),               # 5 refused while building the ticket
        (op, _appeal(), "call-0"),                                 # 6 a retry of a ticket written before
        (op, _appeal(channel_ref="cc-5"), None),                   # 7 a retry of 3 by its channel reference
        (op, _appeal(), None),                                     # 8 new
    ])
    assert [type(a).__name__ if isinstance(a, Exception) else a[1] for a in answers] == [
        True, "InvalidInput", "Forbidden", True, False, "InvalidInput", False, False, True]
    assert isinstance(answers[1], InvalidInput) and isinstance(answers[2], Forbidden)
    assert answers[4][0]["number"] == answers[0][0]["number"]
    assert answers[6][0]["number"] == earlier["number"]
    assert answers[7][0]["number"] == answers[3][0]["number"]
    new = [answers[i][0] for i in (0, 3, 8)]
    assert len({v["number"] for v in new}) == 3
    with hl.sessions() as s:
        assert s.scalar(select(func.count(Ticket.id))) == 4
        for view in new:
            t = s.scalar(select(Ticket).where(Ticket.number == view["number"]))
            entries = s.scalars(select(AuditEvent).where(AuditEvent.ticket_id == t.id)).all()
            assert [(e.action, e.to_status, e.actor_name) for e in entries] == [("create", "received", "话务员")]
            assert t.next_action_at is not None and t.intake_state == "pending"
    by_number = {v["number"]: v for v in new}
    ids = {n: hl.sessions().scalar(select(Ticket.id).where(Ticket.number == n)) for n in by_number}
    # after the commit: the intake job of each new ticket, the 受理 message of the one with a phone
    assert sorted(queue.jobs) == sorted([("process_intake", (i,)) for i in ids.values()]
                                        + [("notify_citizen", (ids[answers[0][0]["number"]], "accepted"))])


def test_a_row_the_database_refuses_does_not_fail_its_neighbours(hl, actors, clock, monkeypatch):
    """A retry the look-up before the write did not see (another process wrote its first ticket
    meanwhile): the group's INSERT fails on the unique keys, nothing of it is kept, and each appeal is
    written again on its own."""
    clock.set(beijing(2026, 11, 18, 9, 0))
    monkeypatch.setattr(svc, "_retries_in", lambda hl, checked: set())
    op = actors["operator"]
    answers = svc.create_ticket_group(hl, [(op, _appeal(), "k-1"), (op, _appeal(), None), (op, _appeal(), "k-1")])
    assert [a[1] for a in answers] == [True, True, False]
    assert answers[2][0]["number"] == answers[0][0]["number"]
    with hl.sessions() as s:
        assert s.scalar(select(func.count(Ticket.id))) == 2
        assert s.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == "create")) == 2


async def test_requests_that_arrive_while_a_group_is_written_make_the_next_group():
    from concurrent.futures import ThreadPoolExecutor

    release = threading.Event()
    groups: list[list[int]] = []

    def write_group(items):
        groups.append(list(items))
        if len(groups) == 1:
            release.wait(10)
        return [ValueError(f"bad {i}") if i == 5 else i * 10 for i in items]

    with ThreadPoolExecutor(4) as pool:
        writer = GroupWriter(write_group, pool)
        first = asyncio.ensure_future(writer.submit(0))
        await asyncio.sleep(0.05)           # the first group is in the database...
        rest = [asyncio.ensure_future(writer.submit(i)) for i in range(1, 8)]
        await asyncio.sleep(0.05)
        release.set()                       # ...the others waited for it and go together
        assert await first == 0
        outcomes = await asyncio.gather(*rest, return_exceptions=True)
    assert groups == [[0], [1, 2, 3, 4, 5, 6, 7]]
    assert [str(o) if isinstance(o, Exception) else o for o in outcomes] == [10, 20, 30, 40, "bad 5", 60, 70]
    assert writer.status() == {"groups": 2, "requests": 8, "largest": 7, "mean": 4.0}


async def test_a_group_that_fails_as_a_whole_fails_each_of_its_requests():
    from concurrent.futures import ThreadPoolExecutor

    from sqlalchemy.exc import OperationalError

    def write_group(items):
        raise OperationalError("INSERT", {}, Exception("server closed the connection"))

    with ThreadPoolExecutor(2) as pool:
        writer = GroupWriter(write_group, pool)
        outcomes = await asyncio.gather(*[writer.submit(i) for i in range(3)], return_exceptions=True)
    assert [type(o).__name__ for o in outcomes] == ["OperationalError"] * 3


async def test_a_request_that_waits_too_long_gives_up_and_its_group_still_commits():
    from concurrent.futures import ThreadPoolExecutor

    release = threading.Event()
    written: list[list[int]] = []

    def write_group(items):
        release.wait(10)
        written.append(list(items))
        return [ValueError("refused")] * len(items)     # an outcome nobody reads any more

    with ThreadPoolExecutor(2) as pool:
        writer = GroupWriter(write_group, pool)
        with pytest.raises(asyncio.TimeoutError):
            await writer.submit(1, timeout=0.05)
        release.set()
        with pytest.raises(ValueError):     # the next request is written after the first group
            await writer.submit(2)
    assert written == [[1], [2]]


async def test_concurrent_posts_are_grouped_and_answered_each_with_its_own_ticket(aiohttp_client, hl, tokens, clock):
    from hotline.web.app import INTAKES, create_app

    clock.set(beijing(2026, 11, 18, 9, 0))
    app = create_app(hl, parts=[])
    client = await aiohttp_client(app)
    op = auth(tokens["operator"])
    bodies = [_appeal(channel_ref=f"cc-{i}") for i in range(12)] + [{"channel": "phone"}, _appeal(channel_ref="cc-0")]
    answers = await asyncio.gather(*[client.post("/api/v1/tickets", json=b, headers=op) for b in bodies])
    statuses = [r.status for r in answers]
    assert statuses[1:12] == [201] * 11 and statuses[12] == 422
    assert sorted((statuses[0], statuses[13])) == [200, 201]      # whichever came first wrote cc-0
    views = [await r.json() for r in answers]
    assert len({v["number"] for v in views[:12]}) == 12 and views[13]["number"] == views[0]["number"]
    assert "content" in views[12]["error"]["message"]
    assert app[INTAKES].status()["requests"] == 14
    with hl.sessions() as s:
        assert s.scalar(select(func.count(Ticket.id))) == 12


@pytest.fixture
def tokens(hl):
    from hotline.services.auth import create_token

    return {"operator": create_token(hl, name="op", role="operator")}


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_a_group_that_deadlocks_with_another_process_is_written_request_by_request(hl, actors, clock):
    """Two web processes' groups on PostgreSQL, each holding a key the other's COPY is about to write:
    the server breaks the deadlock by failing one transaction (DeadlockDetected). A real deadlock, made
    in order: "the other process" (a second connection) holds k-2 uncommitted, our group writes k-1 and
    waits on k-2, then the other process writes k-1. Our group is the one PostgreSQL fails (the other
    connection waits 30 s before it looks for a deadlock); its requests are then written one by one and
    every one is answered with its ticket, none with a 500."""
    from sqlalchemy import text

    clock.set(beijing(2026, 11, 18, 9, 0))
    op = actors["operator"]
    model, _ = svc.create_ticket(hl, actor=op, data=_appeal(), idempotency_key="model")
    cols = [c.name for c in Ticket.__table__.columns]
    fixed = {"id", "number", "idempotency_key"}
    copied = ", ".join(f'"{c}"' for c in cols if c not in fixed)

    def clone(conn, key: str, offset: int) -> None:
        conn.execute(text(f'INSERT INTO tickets (id, number, idempotency_key, {copied}) '
                          f'SELECT id + :off, :number, :key, {copied} FROM tickets WHERE number = :model'),
                     {"off": 10_000 + offset, "number": f"X{offset}", "key": key, "model": model["number"]})

    other = hl.engine.connect()
    other.execute(text("SET deadlock_timeout = '30s'"))
    clone(other, "k-2", 2)                     # the other process's group: k-2 written, not committed
    answers: list = []
    ours = threading.Thread(target=lambda: answers.extend(svc.create_ticket_group(
        hl, [(op, _appeal(), "k-1"), (op, _appeal(), "k-2")])))
    ours.start()
    with hl.engine.connect() as watch:         # wait until our group's COPY waits on k-2
        for _ in range(200):
            waiting = watch.execute(text("SELECT count(*) FROM pg_stat_activity "
                                         "WHERE wait_event_type = 'Lock' AND datname = current_database()")).scalar()
            if waiting:
                break
            threading.Event().wait(0.05)
        assert waiting, "our group never waited on the other process's key"
    clone(other, "k-1", 1)                     # a cycle: PostgreSQL fails our transaction after 1 s
    other.rollback()                           # the other process gives up; its keys are free again
    other.close()
    ours.join(30)
    assert not ours.is_alive()
    assert [type(a).__name__ if isinstance(a, Exception) else a[1] for a in answers] == [True, True]
    with hl.sessions() as s:
        keys = set(s.scalars(select(Ticket.idempotency_key)))
        assert keys == {"model", "k-1", "k-2"}
        assert s.scalar(select(func.count(AuditEvent.id)).where(AuditEvent.action == "create")) == 3
