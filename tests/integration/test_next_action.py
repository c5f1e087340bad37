"""next_action_at: the sweep reads only what is due, and acts exactly when a row says it is due.

Each test walks a ticket or a rectification case from one stored ``next_action_at`` to the next: a
sweep a second before does nothing, a sweep at that moment acts; on SQLite and PostgreSQL.
"""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event, select

from hotline.services import next_action
from hotline.services import tickets as svc
from hotline.services.sweep import COUNTED, sweep
from models import RectificationCase, Ticket
from rectification import load_demo, services as rect
from tests.conftest import beijing

RECT_COUNTED = ("contact_overdue", "warned", "supervised", "notified")


def _ticket(hl, number):
    with hl.sessions() as s:
        return s.scalar(select(Ticket).where(Ticket.number == number))


def _acted(report) -> list[str]:
    steps = [name for name in COUNTED for _ in range(getattr(report, name))]
    rect_counts = report.extra.get("rectification", {})
    steps += [f"rect_{name}" for name in RECT_COUNTED for _ in range(rect_counts.get(name, 0))]
    return steps


def _walk(hl, clock, load) -> list[tuple[str, list[str]]]:
    """Sweep a second before and at each stored next_action_at until none is left."""
    seen = []
    for _ in range(10):
        due = load().next_action_at
        if due is None:
            return seen
        clock.set(due - timedelta(seconds=1))
        assert _acted(sweep(hl)) == [], f"acted before {due}"
        assert load().next_action_at == due
        clock.set(due)
        report = sweep(hl)
        assert "chunks_retried" not in report.extra      # the batched path wrote it, not the fallback
        acted = _acted(report)
        assert acted, f"nothing done at {due}"
        seen.append((hl.calendar.local_date(due).isoformat(), acted))
    raise AssertionError("next_action_at never settles")


def test_a_ticket_is_swept_exactly_at_each_of_its_moments(hl, actors, clock):
    clock.set(beijing(2026, 9, 11, 9, 0))      # Friday; 15 working days across National Day → 9 Oct
    view, _ = svc.create_ticket(hl, actor=actors["operator"],
                                data={"content": "江岸区解放大道小区门口占道经营严重", "channel": "phone"})
    number = view["number"]
    assert _ticket(hl, number).status == "dispatched"
    assert _ticket(hl, number).next_action_at == _ticket(hl, number).sign_due + next_action.TICK
    # 签收 is due a day after dispatch; the completion ladder runs while the ticket stays unsigned
    assert _walk(hl, clock, lambda: _ticket(hl, number)) == [
        ("2026-09-12", ["late_sign"]), ("2026-10-08", ["warned"]), ("2026-10-09", ["urged"]),
        ("2026-10-15", ["notified"])]
    assert _ticket(hl, number).next_action_at is None


def test_closing_or_extending_moves_the_moment(hl, actors, clock):
    clock.set(beijing(2026, 11, 2, 9, 0))
    view, _ = svc.create_ticket(hl, actor=actors["operator"],
                                data={"content": "江岸区解放大道小区门口占道经营严重", "channel": "phone"})
    number = view["number"]
    svc.sign_ticket(hl, actor=actors["D-JA"], number=number)
    before = _ticket(hl, number).next_action_at
    svc.request_extension(hl, actor=actors["D-JA"], number=number, workdays=5, reason="需要协调多个部门")
    svc.decide_extension(hl, actor=actors["operator"], number=number, approve=True)
    t = _ticket(hl, number)
    assert t.next_action_at == t.complete_due - timedelta(hours=hl.rules.warn_before_hours)
    assert t.next_action_at > before
    svc.answer_ticket(hl, actor=actors["D-JA"], number=number, answer="已清理占道摊点")
    t = _ticket(hl, number)
    assert t.status == "answered" and t.next_action_at == t.callback_due + next_action.TICK
    svc.record_callback(hl, actor=actors["operator"], number=number, solved=True, satisfaction="满意")
    assert _ticket(hl, number).next_action_at is None


def test_the_sweep_does_not_read_tickets_that_are_not_due(hl, actors, clock, monkeypatch):
    clock.set(beijing(2026, 11, 2, 9, 0))
    # the deadline sweep itself: hooks of other features (hotspots read a week of tickets) aside
    monkeypatch.setattr(hl, "sweep_hooks", [])
    view, _ = svc.create_ticket(hl, actor=actors["operator"],
                                data={"content": "江岸区解放大道小区门口占道经营严重", "channel": "phone"})
    svc.sign_ticket(hl, actor=actors["D-JA"], number=view["number"])
    loaded = []

    def on_load(target, _context):
        loaded.append(target.number)

    from hotline.services import sweep as sweep_module

    chunks: list[list[int]] = []
    real = sweep_module._sweep_chunk
    monkeypatch.setattr(sweep_module, "_sweep_chunk", lambda hl_, ids, now: chunks.append(ids) or real(hl_, ids, now))
    event.listen(Ticket, "load", on_load)
    try:
        assert _acted(sweep(hl)) == []
    finally:
        event.remove(Ticket, "load", on_load)
    assert loaded == [] and chunks == []   # not one ticket was loaded, by the ORM or in bulk: nothing is due
    clock.set(_ticket(hl, view["number"]).next_action_at)
    assert _acted(sweep(hl)) == ["warned"] and len(chunks) == 1     # the same sweep once it is due


@pytest.fixture
def city(hl):
    load_demo(hl)
    return hl


def test_a_rectification_case_is_swept_exactly_at_each_of_its_moments(city, actors, clock):
    hl = city
    clock.set(beijing(2026, 9, 30, 10))
    view, _ = rect.submit_review(hl, actor=actors["channel"], data={
        "target": "window", "window_code": "JA-ZX-01", "channel": "tablet", "level": 1,
        "reason_tags": ["服务态度差"], "real_name": False, "channel_ref": "tab-na-1"})
    case_id = view["rectification_id"]

    def load():
        with hl.sessions() as s:
            return s.get(RectificationCase, case_id)

    assert _walk(hl, clock, load) == [
        ("2026-10-08", ["rect_contact_overdue"]),     # first contact: 1 working day after 30 Sep
        ("2026-10-26", ["rect_warned"]),              # 24 h before the end of the 15th working day (27 Oct)
        ("2026-10-27", ["rect_supervised"]),          # just after 23:59:59 on the 27th
        ("2026-11-03", ["rect_notified"]),            # the 5th working day after 27 Oct is 3 Nov
    ]


def test_a_holiday_change_moves_the_moments_that_count_working_days(hl, actors, clock):
    from datetime import date

    from hotline.domain import deadlines
    from hotline.services.holidays import DayChange, change_days

    clock.set(beijing(2026, 11, 2, 9, 0))                 # Monday; 15 working days → Friday 20 Nov
    view, _ = svc.create_ticket(hl, actor=actors["operator"],
                                data={"content": "江岸区解放大道小区门口占道经营严重", "channel": "phone"})
    number = view["number"]
    svc.sign_ticket(hl, actor=actors["D-JA"], number=number)
    due = _ticket(hl, number).complete_due
    clock.set(due + timedelta(hours=10))                  # 催办 done: the 通报 is 5 working days after the due
    assert sweep(hl).urged == 1
    before = _ticket(hl, number).next_action_at
    assert before == deadlines.notify_at(hl.rules, hl.calendar, due) + next_action.TICK
    change_days(hl, [DayChange(date(2026, 11, 24), False, "临时放假")])   # a Tuesday after the due becomes a holiday
    t = _ticket(hl, number)
    assert t.complete_due == due                          # the deadline itself does not move
    assert t.next_action_at == before + timedelta(days=1)  # but its 通报 comes one working day later
