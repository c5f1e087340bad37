"""The sweep reads what is due from ``ticket_schedule`` and writes in bulk: the narrow table follows
``tickets.next_action_at`` on every path, and the bulk sweep writes exactly what the ticket-by-ticket
fallback (the ORM, one savepoint per ticket) writes. On SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from hotline.services import tickets as svc
from hotline.services.sweep import COUNTED, SweepReport, _sweep_chunk_at_once, _sweep_chunk_one_by_one
from models import AuditEvent, Notice, Ticket, TicketSchedule
from tests.conftest import beijing

CONTENT = "江岸区解放大道小区门口占道经营严重"


def _schedule(hl) -> dict[int, object]:
    with hl.sessions() as s:
        return dict(s.execute(select(TicketSchedule.ticket_id, TicketSchedule.next_action_at)).all())


def _open_times(hl) -> dict[int, object]:
    with hl.sessions() as s:
        return dict(s.execute(select(Ticket.id, Ticket.next_action_at).where(Ticket.next_action_at.is_not(None))).all())


def _id(hl, number: str) -> int:
    with hl.sessions() as s:
        return s.scalar(select(Ticket.id).where(Ticket.number == number))


def test_the_schedule_follows_next_action_at_on_every_path(hl, actors, clock):
    clock.set(beijing(2026, 11, 2, 9, 0))
    view, _ = svc.create_ticket(hl, actor=actors["operator"], data={"content": CONTENT, "channel": "phone"})
    number = view["number"]
    ticket_id = _id(hl, number)
    assert _schedule(hl) == _open_times(hl) and ticket_id in _schedule(hl)       # the intake's INSERT
    before = _schedule(hl)[ticket_id]
    svc.sign_ticket(hl, actor=actors["D-JA"], number=number)                      # an ORM flush moves it
    assert _schedule(hl) == _open_times(hl) and _schedule(hl)[ticket_id] != before
    svc.answer_ticket(hl, actor=actors["D-JA"], number=number, answer="已答复市民的问题")
    assert _schedule(hl) == _open_times(hl)
    with hl.engine.begin() as conn:                                               # a Core UPDATE to NULL
        conn.execute(update(Ticket).where(Ticket.id == ticket_id).values(next_action_at=None))
    assert ticket_id not in _schedule(hl) and _schedule(hl) == _open_times(hl)
    with hl.engine.begin() as conn:                                               # and back
        conn.execute(update(Ticket).where(Ticket.id == ticket_id).values(next_action_at=before))
    assert _schedule(hl)[ticket_id] == before


def _scenario(hl, actors, clock) -> list[int]:
    """Tickets in each state the sweep acts on, created at the same moments (ids in creation order)."""
    made = []
    clock.set(beijing(2026, 9, 11, 9, 0))
    triage, _ = svc.create_ticket(hl, actor=actors["operator"], data={"content": "不知道说什么", "channel": "phone"})
    made.append(triage["number"])
    unsigned, _ = svc.create_ticket(hl, actor=actors["operator"], data={"content": CONTENT, "channel": "phone"})
    made.append(unsigned["number"])
    for _ in range(2):
        signed, _ = svc.create_ticket(hl, actor=actors["operator"], data={"content": CONTENT, "channel": "web"})
        svc.sign_ticket(hl, actor=actors["D-JA"], number=signed["number"])
        made.append(signed["number"])
    answered, _ = svc.create_ticket(hl, actor=actors["operator"], data={"content": CONTENT, "channel": "phone"})
    svc.sign_ticket(hl, actor=actors["D-JA"], number=answered["number"])
    svc.answer_ticket(hl, actor=actors["D-JA"], number=answered["number"], answer="已答复市民的问题")
    made.append(answered["number"])
    return [_id(hl, number) for number in made]


def _written(hl, ids: list[int]) -> tuple[list, list, list]:
    """What the sweep left for these tickets, with each ticket's id and number replaced by its place."""
    with hl.sessions() as s:
        tickets = {t.id: t for t in s.scalars(select(Ticket).where(Ticket.id.in_(ids)))}
        place = {i: f"#{n}" for n, i in enumerate(ids)}

        def anon(text):
            for i in ids:
                text = text.replace(tickets[i].number, place[i]).replace(f":{i}:", f":{place[i]}:")
            return text

        stamps = [(t.status, t.overdue, t.supervision_level, t.warned_at, t.urged_at, t.notified_at, t.next_action_at,
                   t.version_id) for t in (tickets[i] for i in ids)]
        notices = sorted((place[n.ticket_id], n.kind, repr(n.unit_id), anon(n.message), anon(n.dedupe_key), n.created_at,
                          n.subject_type, place[n.subject_id]) for n in s.scalars(
            select(Notice).where(Notice.ticket_id.in_(ids), Notice.kind != "dispatch")))
        entries = sorted((place[e.ticket_id], e.action, e.actor_type, e.actor_id, e.actor_name, e.actor_role,
                          e.subject_type, place[e.subject_id], repr(e.data), e.at) for e in s.scalars(
            select(AuditEvent).where(AuditEvent.ticket_id.in_(ids), AuditEvent.actor_type == "system",
                                     AuditEvent.action.in_(["warn", "urge", "notify"]))))
    return stamps, notices, entries


def test_the_bulk_sweep_writes_what_the_ticket_by_ticket_sweep_writes(hl, actors, clock):
    bulk, orm = _scenario(hl, actors, clock), _scenario(hl, actors, clock)
    with hl.sessions() as s:
        complete_due = s.scalar(select(Ticket.complete_due).where(Ticket.id == bulk[2]))
    # 12 h before the deadline (预警, late dispatch, sign-off, callback), just after it (催办), 8 days later (通报)
    for now in (complete_due - timedelta(hours=12), complete_due + timedelta(hours=1), complete_due + timedelta(days=8)):
        clock.set(now)
        done = _sweep_chunk_at_once(hl, bulk, now)
        again = SweepReport()
        _sweep_chunk_one_by_one(hl, orm, now, again)
        assert [getattr(done, k) for k in COUNTED] == [getattr(again, k) for k in COUNTED]
        assert again.errors == 0
    stamps, notices, entries = _written(hl, bulk)
    assert (stamps, notices, entries) == _written(hl, orm)
    kinds = sorted(n[1] for n in notices)
    assert kinds == sorted(["late_dispatch", "late_sign", "late_callback"] + ["warn", "urge", "notify", "notify"] * 3)
    assert len(entries) == 3 * 3                # the unsigned and the two signed tickets: warned, urged, notified
    assert _schedule(hl) == _open_times(hl)


def test_a_chunk_written_in_bulk_is_checked_against_each_ticket_version(hl, actors, clock, monkeypatch):
    """A ticket changed by another writer between the read and the write fails the bulk chunk, which is
    then done ticket by ticket: nothing is written twice or lost."""
    from hotline.services import sweep as sweep_module

    ids = _scenario(hl, actors, clock)
    with hl.sessions() as s:
        now = s.scalar(select(Ticket.complete_due).where(Ticket.id == ids[2])) + timedelta(hours=1)
    real = sweep_module._write

    def interfering(conn, swept, out):
        # as if another writer had changed the ticket after the chunk read it
        conn.execute(update(Ticket).where(Ticket.id == ids[2]).values(version_id=Ticket.version_id + 1))
        return real(conn, swept, out)

    monkeypatch.setattr(sweep_module, "_write", interfering)
    clock.set(now)
    report = sweep_module.sweep(hl, now)
    assert report.extra.get("chunks_retried") == 1 and report.errors == 0
    monkeypatch.setattr(sweep_module, "_write", real)
    assert sweep_module.sweep(hl, now).urged == 0       # done once, not again
    with hl.sessions() as s:
        urges = s.scalars(select(Notice.ticket_id).where(Notice.kind == "urge", Notice.ticket_id.in_(ids))).all()
    assert sorted(urges) == sorted(ids[1:4])


# what a 预警 changes on a ticket (hotline.services.sweep.escalate with warned_level=False, next_action.refresh)
WARNING_WRITES = {"warned_at", "next_action_at", "version_id"}


def test_a_warning_changes_no_indexed_column_of_tickets(pg_template, sqlite_template, tmp_path, clock, make_hotline):
    """A 预警 must stay a HOT update on PostgreSQL: none of the columns it writes may be in an index of
    ``tickets`` (key, INCLUDE, expression or predicate), or each 预警 adds an entry to every index of the
    table (about 0.5 s per 5,000 预警 at 1 M open tickets). Both sweep paths are checked to write no more."""
    from sqlalchemy import create_engine, text

    from tests.conftest import _pg_url

    engine = create_engine(_pg_url(pg_template))
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(
                "SELECT i.indexrelid::regclass::text, a.attname, pg_get_expr(i.indexprs, i.indrelid), "
                "pg_get_expr(i.indpred, i.indrelid) FROM pg_index i LEFT JOIN pg_attribute a "
                "ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = 'tickets'::regclass")).all()
    finally:
        engine.dispose()
    assert rows
    used = {(name, column) for name, attname, exprs, pred in rows for column in WARNING_WRITES
            if column == attname or column in (exprs or "") or column in (pred or "")}
    assert not used, used

    # and a 预警 through the bulk sweep writes only those columns
    from hotline.services.sweep import SweptTicket, Wording, escalate

    values = dict.fromkeys(SweptTicket.READ)
    values.update(id=1, number="N1", status="signed", overdue=False, supervision_level="none", version_id=1,
                  complete_due=clock.now + timedelta(hours=12), next_action_at=clock.now)
    ticket = SweptTicket(values, "江岸区城管局")

    class Out:
        def notice(self, **kw):
            return True

        def record(self, *a, **kw):
            pass

    import shutil

    shutil.copy(sqlite_template, tmp_path / "rules.sqlite3")       # the rules and the calendar, not the data
    hl = make_hotline(f"sqlite:///{tmp_path / 'rules.sqlite3'}", registry=False)
    steps = escalate(None, hl, ticket, due=ticket.complete_due, now=clock.now, unit_id=None,
                     wording=Wording(name="工单 N1", deadline="办结时限", todo="办理"), subject_type="ticket",
                     subject_id=1, ticket=ticket, out=Out(), warned_level=False)
    ticket.next_action_at = clock.now + timedelta(hours=12)       # as next_action.refresh moves it
    assert steps == ["warned"] and set(ticket.changed()) | {"version_id"} <= WARNING_WRITES
