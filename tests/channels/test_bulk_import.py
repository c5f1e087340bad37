"""Bulk imports in batches: ``import-calls`` and ``import-tickets`` stopped halfway and run again lose
nothing and double nothing; closed history sends no message and dispatches nothing."""
from __future__ import annotations

import csv
import json

import pytest
from sqlalchemy import func, select

from channels import importer
from hotline.services import tickets
from models import AuditEvent, Ticket
from tests.channels.test_channel_phone import a_call


def _count(hl, *where) -> int:
    with hl.sessions() as s:
        return s.scalar(select(func.count()).select_from(Ticket).where(*where))


def _write_calls(folder, n: int, answered=()):
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for i in range(n):
        extra = {"resolved_consultation": {"answer": "可在政务服务网办理"}} if i in answered else {}
        lines.append(json.dumps(a_call(f"C-{i}", caller=f"1381234{i:04d}", **extra), ensure_ascii=False))
    (folder / "calls.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


class Crash(BaseException):
    """The process dies: nothing after it runs (not an error the importer could handle)."""


def test_an_interrupted_call_import_resumes_without_loss_or_doubles(chl, tmp_path, monkeypatch):
    folder = tmp_path / "calls"
    _write_calls(folder, 11, answered={4})
    real = tickets._after_intake
    seen = []

    def dies_in_the_second_batch(uow, ticket):
        seen.append(ticket.channel_ref)
        if len(seen) == 6:              # the second batch of 3 has been inserted: mid-transaction
            raise Crash()
        real(uow, ticket)

    monkeypatch.setattr(tickets, "_after_intake", dies_in_the_second_batch)
    with pytest.raises(Crash):
        importer.import_calls(chl, folder, progress=False, batch=3)
    assert _count(chl) == 3             # the first batch committed; the second, cut off in its transaction: nothing
    monkeypatch.setattr(tickets, "_after_intake", real)

    report = importer.import_calls(chl, folder, progress=False, batch=3)
    assert report.skipped == 3 and report.created == 8 and not report.rejected
    with chl.sessions() as s:
        refs = s.scalars(select(Ticket.channel_ref)).all()
        closed = s.scalars(select(Ticket.channel_ref).where(Ticket.status == "closed")).all()
        creates = s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "create"))
    assert sorted(refs) == sorted(f"C-{i}" for i in range(11))        # every call, once
    assert closed == ["C-4"] and creates == 11                         # answered on the call: closed at once
    again = importer.import_calls(chl, folder, progress=False, batch=3)
    assert again.skipped == 11 and again.created == 0 and _count(chl) == 11


HEADER = ["number", "created_at", "content", "category", "unit", "status", "closed_at", "answer", "satisfaction"]


def _history(path, rows):
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(rows)


def test_an_interrupted_history_import_resumes_and_sends_nothing(chl, tmp_path, monkeypatch):
    rows = [[f"2025010{1 + i % 9}{i:04d}", "2025-01-0%d 09:30" % (1 + i % 9), f"江岸区路灯不亮{i}", "", "D-JA",
             "closed", "2025-01-1%d 17:00" % (i % 9), "已修复", "满意"] for i in range(10)]
    rows.insert(4, ["20250101x", "2025-01-01 09:00", "编号不对", "", "", "closed", "2025-01-02 09:00", "", ""])
    rows.insert(7, ["202501020099", "2025-01-02 09:00", "还在办", "", "", "signed", "", "", ""])
    rows.append(rows[0])                                                  # the same ticket twice in the file
    path = tmp_path / "history.csv"
    _history(path, rows)
    real = importer._insert_history
    calls = []

    def dies_on_the_second_batch(hl, batch_rows, dirty):
        calls.append(len(batch_rows))
        if len(calls) == 2:
            raise Crash()
        return real(hl, batch_rows, dirty)

    monkeypatch.setattr(importer, "_insert_history", dies_on_the_second_batch)
    with pytest.raises(Crash):
        importer.import_tickets(chl, path, progress=False, batch=4)
    first = _count(chl)
    assert first == 4                                                     # batch 1 committed, batch 2 not
    monkeypatch.setattr(importer, "_insert_history", real)
    rejected = []
    report = importer.import_tickets(chl, path, progress=False, batch=4, on_reject=lambda w, e: rejected.append(e))
    assert report.created == 10 - first and report.skipped == first + 1   # + the repeated row
    assert _count(chl) == 10 and _count(chl, Ticket.status == "closed") == 10
    assert any("工单编号格式不正确" in e for e in rejected) and any("只导入已办结" in e for e in rejected)
    assert chl.queue.ran == []                                            # no message, no intake, no dispatch
    t = tickets.get_ticket(chl, actor=tickets.Actor(kind="system", name="t", role=tickets.Role.admin, id="t"),
                           number=rows[0][0])
    assert t["status"] == "closed" and t["lead_unit"] == "D-JA" and t["content"] == "江岸区路灯不亮0"
    with chl.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Ticket).where(Ticket.next_action_at.is_not(None))) == 0
        imports = s.scalars(select(AuditEvent.to_status).where(AuditEvent.action == "import")).all()
    assert imports == ["closed"] * 10


def _written(hl, ref):
    """What intake wrote for a call: the ticket's columns (less what differs from call to call), its audit
    entries, and whether the figures were marked for it and for its moments."""
    from models.rollup import MetricDirty

    with hl.sessions() as s:
        t = s.scalar(select(Ticket).where(Ticket.channel_ref == ref))
        row = {c.key: getattr(t, c.key) for c in Ticket.__table__.columns}
        entries = [(e.action, e.to_status, e.actor_id, e.subject_type, e.subject_id == t.id,
                    sorted((e.data or {}).keys()))
                   for e in s.scalars(select(AuditEvent).where(AuditEvent.ticket_id == t.id).order_by(AuditEvent.id))]
        marked = {m.ticket_id for m in s.scalars(select(MetricDirty))}
        moments = {m.at for m in s.scalars(select(MetricDirty).where(MetricDirty.at.is_not(None)))}
    assert t.id in marked and t.created_at in moments and (t.closed_at is None or t.closed_at in moments)
    varying = ("id", "number", "channel_ref", "idempotency_key", "created_at", "updated_at", "dispatch_due",
               "next_action_at", "answered_at", "closed_at", "extra", "contact_phone", "citizen_ref", "transcript",
               # one at a time, background intake may run between the call's ticket and its close (triage)
               "triage_reason", "version_id")
    entries = [e for e in entries if e[0] in ("create", "close_consultation")]     # (closed from triage, or not)
    return {k: v for k, v in row.items() if k not in varying}, entries, sorted((row["extra"] or {}).get("given", {}))


@pytest.mark.parametrize("answered", [False, True], ids=["appeal", "answered-on-the-call"])
def test_a_batch_writes_what_one_call_at_a_time_writes(chl, tmp_path, monkeypatch, answered):
    """The batch's Core INSERTs and the webhook's single intake write the same ticket and entries; the
    batch marks the figures for the ticket and its moments."""
    from channels.phone import ingest_call
    from hotline.services.intake import process_intake
    from models.rollup import MetricDirty

    extra = {"resolved_consultation": {"answer": "可在政务服务网办理"}} if answered else {}
    folder = tmp_path / "calls"
    folder.mkdir()
    (folder / "calls.jsonl").write_text(json.dumps(a_call("C-batch", **extra), ensure_ascii=False) + "\n",
                                        encoding="utf-8")
    monkeypatch.setattr(tickets, "_after_intake", lambda uow, ticket: None)   # background intake: below
    assert importer.import_calls(chl, folder, progress=False).created == 1
    monkeypatch.undo()
    with chl.sessions() as s:
        t = s.scalar(select(Ticket).where(Ticket.channel_ref == "C-batch"))
        marks = {tuple(m) for m in s.execute(select(MetricDirty.ticket_id, MetricDirty.at))}
    assert (t.id, None) in marks and (None, t.created_at) in marks
    assert (None, t.closed_at) in marks if answered else t.next_action_at is not None
    process_intake(chl, t.id)
    ingest_call(chl, a_call("C-single", caller="13900001111", **extra))     # another citizen: not a repeat
    batch, single = _written(chl, "C-batch"), _written(chl, "C-single")
    assert batch[0] == single[0], {k: (v, single[0][k]) for k, v in batch[0].items() if v != single[0][k]}
    assert batch[1:] == single[1:]
    assert (batch[0]["status"] == "closed") is answered      # (the other went on through background intake)
    assert [e[0] for e in batch[1]] == (["create", "close_consultation"] if answered else ["create"])


def test_a_batch_built_without_orm_tickets_stores_what_orm_tickets_stored(chl, monkeypatch):
    """A bulk import's tickets are built as their values (``_bare_ticket``), not ``Ticket(**values)``: the
    stored rows, audit entries and figures' marks are those the ORM-built tickets gave (same clock, same
    calls but their ids), with a category, an urgency, hidden identity and a consultation answered on the call."""
    from channels.phone import INTAKE_ACTOR, call_intake
    from models.rollup import MetricDirty

    def items(tag):
        out = []
        for i, extra in enumerate(({}, {"resolved_consultation": {"answer": "可在政务服务网办理"}}, {})):
            data, key, answered = call_intake(a_call(f"{tag}-{i}", caller=f"1390000{i:04d}", **extra))
            if i == 2:
                data.update(category="C0101", urgency="utility", hide_identity=True, title="路灯")
            out.append((data, key, answered))
        return out

    def stored(numbers):
        with chl.sessions() as s:
            rows = s.scalars(select(Ticket).where(Ticket.number.in_(numbers)).order_by(Ticket.id)).all()
            ids = [t.id for t in rows]
            tickets_ = [{c.key: getattr(t, c.key) for c in Ticket.__table__.columns
                         if c.key not in ("id", "number", "channel_ref", "idempotency_key", "transcript")}
                        | {"extra": {**t.extra, "request_hash": None}} for t in rows]
            entries = [[(e.action, e.from_status, e.to_status, e.actor_id, e.subject_type, e.subject_id == tid,
                         e.reason, {k: v for k, v in (e.data or {}).items() if k != "channel_ref"}, e.at)
                        for e in s.scalars(select(AuditEvent).where(AuditEvent.ticket_id == tid).order_by(AuditEvent.id))]
                       for tid in ids]
            marks = sorted(((m.ticket_id is not None and m.ticket_id in ids), m.at)
                           for m in s.scalars(select(MetricDirty).where(MetricDirty.ticket_id.in_(ids)
                                                                        | MetricDirty.at.is_not(None))))
        return tickets_, entries, marks

    def clear_marks():
        with chl.sessions() as s:
            s.execute(MetricDirty.__table__.delete())
            s.commit()

    clear_marks()
    monkeypatch.setattr(tickets, "_after_intake", lambda uow, ticket: None)   # background intake: not here
    with monkeypatch.context() as m:    # before: ORM-built tickets
        m.setattr(tickets, "_bare_ticket", lambda values: Ticket(**values))
        orm_numbers = tickets.create_tickets(chl, actor=INTAKE_ACTOR, items=items("ORM"))
    orm = stored(orm_numbers)
    clear_marks()
    bare = stored(tickets.create_tickets(chl, actor=INTAKE_ACTOR, items=items("BARE")))
    assert [t["status"] for t in bare[0]] == ["received", "closed", "received"]
    assert bare[0][2]["category_id"] is not None and bare[0][2]["next_action_at"] is not None
    for was, now in zip(orm[0], bare[0], strict=True):
        assert was == now, {k: (v, now[k]) for k, v in was.items() if v != now[k]}
    assert orm[1] == bare[1] and orm[2] == bare[2]


def test_a_batch_that_collides_is_done_call_by_call_without_doubles(chl, tmp_path, monkeypatch):
    """A batch whose call another import took meanwhile (here: the look-up of known calls says none)
    fails on the unique keys — a COPY's violation too — and is redone call by call: each once."""
    folder = tmp_path / "calls"
    _write_calls(folder, 4, answered={1})
    assert importer.import_calls(chl, folder, progress=False).created == 4
    monkeypatch.setattr(importer, "_known", lambda *args, **kwargs: set())
    report = importer.import_calls(chl, folder, progress=False)
    assert report.created == 0 and report.existing == 4 and not report.rejected
    assert _count(chl) == 4
    with chl.sessions() as s:
        assert s.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "create")) == 4


def test_a_batch_marks_the_figures_as_the_orm_would():
    """``intake.new_ticket_marks`` (the batch's marks, COPYed) gives ``dirty_rows`` of the same new tickets,
    in the same order: each creation and closing moment once, each ticket's id."""
    from datetime import datetime, timedelta, timezone

    from hotline.services.intake import new_ticket_marks
    from models.rollup import dirty_rows

    now = datetime(2026, 3, 2, 2, 0, tzinfo=timezone.utc)
    later = now + timedelta(minutes=5)
    made = [tickets._bare_ticket({"id": 7, "created_at": now, "closed_at": None}),
            tickets._bare_ticket({"id": 8, "created_at": now, "closed_at": later}),
            Ticket(id=9, created_at=later, closed_at=later),
            tickets._bare_ticket({"id": 10, "created_at": now + timedelta(minutes=9), "closed_at": None})]
    assert new_ticket_marks(made) == dirty_rows(made)
    assert len(new_ticket_marks(made)) == 3 + 4
