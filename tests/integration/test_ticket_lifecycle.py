"""A ticket's whole life through the service layer, on SQLite and on PostgreSQL."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text

from hotline.errors import Conflict, Forbidden, IllegalTransition, InvalidInput, NotFound
from hotline.services import tickets as svc
from models import AuditEvent, Ticket, TrainingExample

OCCUPY = "江岸区解放大道1号小区门口占道经营严重，早上堵路。联系电话13812345678"


def new_ticket(hl, actor, content=OCCUPY, **extra):
    view, created = svc.create_ticket(hl, actor=actor, data={"content": content, "channel": "phone", **extra})
    assert created
    return view


def local_date(hl, iso):
    from datetime import datetime

    return datetime.fromisoformat(iso).astimezone(hl.calendar.tz).date()


def test_intake_to_closure_with_every_step_audited(hl, actors, clock):
    op, unit = actors["operator"], actors["D-JA"]
    view = new_ticket(hl, op, contact_phone="13812345678", contact_name="张三")
    number = view["number"]
    assert number.startswith("20260302") and len(number) == 12
    # The inline queue ran intake after the commit: classified and auto-dispatched to 江岸区.
    t = svc.get_ticket(hl, actor=op, number=number)
    assert t["status"] == "dispatched" and t["lead_unit"] == "D-JA"
    assert t["category_name"] == "城乡建设" and t["appeal_type"] == "complaint"
    assert t["classification"]["model_version"] == "fake-1"
    assert local_date(hl, t["complete_due"]) == date(2026, 3, 23)   # 15 working days

    clock.advance(hours=1)
    assert svc.sign_ticket(hl, actor=unit, number=number)["status"] == "signed"
    assert svc.start_ticket(hl, actor=unit, number=number)["status"] == "in_progress"
    clock.advance(days=2)
    answered = svc.answer_ticket(hl, actor=unit, number=number, answer="已联合城管清理占道摊点并建立巡查机制")
    assert answered["status"] == "answered"
    assert local_date(hl, answered["callback_due"]) == date(2026, 3, 5)
    assert svc.start_callback(hl, actor=op, number=number)["status"] == "callback"
    closed = svc.record_callback(hl, actor=op, number=number, solved=True, satisfaction="满意")
    assert closed["status"] == "closed" and closed["satisfaction"] == "satisfied"

    trail = svc.audit_trail(hl, actor=op, number=number)
    moves = [(e["action"], e["from_status"], e["to_status"]) for e in trail if e["to_status"]]
    assert moves == [("create", None, "received"), ("dispatch", "received", "dispatched"),
                     ("sign", "dispatched", "signed"), ("start", "signed", "in_progress"),
                     ("answer", "in_progress", "answered"), ("start_callback", "answered", "callback"),
                     ("close", "callback", "closed")]
    assert {e["actor"] for e in trail} >= {"话务员", "D-JA 联络员", "系统"}
    with hl.sessions() as s:
        ticket = s.scalar(select(Ticket).where(Ticket.number == number))
        assert ticket.signed_on_time and ticket.answered_on_time and ticket.solved


def test_unit_sees_only_its_own_tickets_and_masked_personal_data(hl, actors):
    view = new_ticket(hl, actors["operator"], contact_phone="13812345678", contact_name="张三")
    mine = svc.get_ticket(hl, actor=actors["D-JA"], number=view["number"])
    assert "13812345678" not in mine["content"] and "138****5678" in mine["content"]
    assert mine["contact_phone"] == "138****5678" and mine["contact_name"] == "张*"
    with pytest.raises(Forbidden):
        svc.get_ticket(hl, actor=actors["D-WC"], number=view["number"])
    with pytest.raises(Forbidden):
        svc.sign_ticket(hl, actor=actors["D-WC"], number=view["number"])
    assert svc.list_tickets(hl, actor=actors["D-WC"])["total"] == 0
    assert svc.list_tickets(hl, actor=actors["D-JA"])["total"] == 1


def test_hidden_identity_is_never_shown_to_the_unit(hl, actors):
    view = new_ticket(hl, actors["operator"], contact_phone="13812345678", contact_name="张三", hide_identity=True)
    seen = svc.get_ticket(hl, actor=actors["D-JA"], number=view["number"])
    assert "张" not in seen["contact_name"] and "5678" not in seen["contact_phone"]
    full = svc.get_ticket(hl, actor=actors["operator"], number=view["number"])
    assert full["contact_phone"] == "13812345678"


def test_illegal_move_changes_nothing(hl, actors):
    view = new_ticket(hl, actors["operator"])
    with pytest.raises(IllegalTransition):
        svc.answer_ticket(hl, actor=actors["D-JA"], number=view["number"], answer="直接答复了事情办完")
    after = svc.get_ticket(hl, actor=actors["operator"], number=view["number"])
    assert after["status"] == "dispatched" and after["answer"] is None
    assert not [e for e in svc.audit_trail(hl, actor=actors["operator"], number=view["number"])
                if e["action"] == "answer"]


def test_idempotency_key_and_channel_reference(hl, actors):
    data = {"content": OCCUPY, "channel": "phone"}
    first, created = svc.create_ticket(hl, actor=actors["channel"], data=data, idempotency_key="call-1")
    again, created_again = svc.create_ticket(hl, actor=actors["channel"], data=data, idempotency_key="call-1")
    assert created and not created_again and again["number"] == first["number"]
    with pytest.raises(Conflict):
        svc.create_ticket(hl, actor=actors["channel"], data={**data, "content": "别的事"}, idempotency_key="call-1")
    ref = {"content": "武昌区噪音扰民", "channel": "open311", "channel_ref": "sr-9"}
    a, _ = svc.create_ticket(hl, actor=actors["channel"], data=ref)
    b, created_b = svc.create_ticket(hl, actor=actors["channel"], data=ref)
    assert a["number"] == b["number"] and not created_b
    with hl.sessions() as s:
        assert s.scalar(select(text("count(*)")).select_from(Ticket)) == 2


@pytest.mark.parametrize("data, message", [
    ({"channel": "phone"}, "content"),
    ({"content": "  ", "channel": "phone"}, "content"),
    ({"content": "x", "channel": "pigeon"}, "channel"),
    ({"content": "x", "channel": "phone", "contact_phone": "call me"}, "联系电话"),
    ({"content": "x" * 5001, "channel": "phone"}, "5000"),
    ({"content": "x", "channel": "phone", "appeal_type": "吐槽"}, "appeal_type"),
    ({"content": "x", "channel": "phone", "hide_identity": "yes"}, "hide_identity"),
    ({"content": "x", "channel": "phone", "category": "NOPE"}, "分类不存在"),
])
def test_bad_intake_is_refused_and_nothing_is_stored(hl, actors, data, message):
    with pytest.raises(InvalidInput, match=message):
        svc.create_ticket(hl, actor=actors["operator"], data=data)
    with hl.sessions() as s:
        assert s.scalar(select(text("count(*)")).select_from(Ticket)) == 0


def test_units_cannot_file_tickets(hl, actors):
    with pytest.raises(Forbidden):
        svc.create_ticket(hl, actor=actors["D-JA"], data={"content": "x", "channel": "phone"})


def test_unsure_ticket_goes_to_triage_and_operator_correction_is_a_training_example(make_hotline, database_url, actors_free):
    from tests.conftest import FakeClassifier

    hl = make_hotline(database_url, classifier=FakeClassifier(confidence=0.3))
    op = actors_free(hl)["operator"]
    view = new_ticket(hl, op, content="江岸区某小区停水两天了")
    t = svc.get_ticket(hl, actor=op, number=view["number"])
    assert t["status"] == "triage" and "分类置信度不足" in t["triage_reason"]
    assert svc.list_tickets(hl, actor=op, queue="triage")["total"] == 1
    corrected = svc.correct_ticket(hl, actor=op, number=view["number"], category="C01", appeal_type="help")
    assert corrected["category"] == "C01"
    with hl.sessions() as s:
        examples = s.scalars(select(TrainingExample)).all()
        assert [(e.kind, e.label) for e in examples] == [("category", "城乡建设")]
    dispatched = svc.dispatch_ticket(hl, actor=op, number=view["number"], unit="D-JA", assisting_units=["DEPT-SWJ"])
    assert dispatched["status"] == "dispatched" and dispatched["assisting_units"] == ["DEPT-SWJ"]


@pytest.fixture
def actors_free():
    """Actors for a Hotline built inside the test."""
    def build(hl):
        from sqlalchemy import select as sel

        from hotline.domain.vocab import Role
        from hotline.services.actors import Actor
        from models import Unit

        with hl.sessions() as s:
            ids = dict(s.execute(sel(Unit.code, Unit.id)).all())
        return {"operator": Actor(kind="user", name="话务员", role=Role.operator, id="user:op"),
                "supervisor": Actor(kind="user", name="督办员", role=Role.supervisor, id="user:sup"),
                "D-JA": Actor(kind="user", name="江岸", role=Role.unit, unit_id=ids["D-JA"], unit_code="D-JA")}
    return build


def test_return_then_reroute_and_second_return_goes_to_supervisors(hl, actors, clock):
    op, sup = actors["operator"], actors["supervisor"]
    view = new_ticket(hl, op)
    number = view["number"]
    with pytest.raises(InvalidInput):
        svc.return_ticket(hl, actor=actors["D-JA"], number=number, reason="")
    r1 = svc.return_ticket(hl, actor=actors["D-JA"], number=number, reason="该路段属武昌区管辖",
                           suggested_unit="D-WC")
    assert r1["status"] == "returned" and r1["return_count"] == 1
    # Accepted: the router is asked again without 江岸区 and dispatches elsewhere.
    moved = svc.decide_return(hl, actor=op, number=number, accept=True, note="核实属实")
    assert moved["status"] == "dispatched" and moved["lead_unit"] != "D-JA"
    assert hl.router.requests[-1].exclude_units == frozenset({"D-JA"})
    second_unit = moved["lead_unit"]
    r2 = svc.return_ticket(hl, actor=actors[second_unit], number=number, reason="不属于本单位职责范围")
    assert r2["status"] == "arbitration"
    with pytest.raises(IllegalTransition):
        svc.decide_return(hl, actor=op, number=number, accept=True)
    with pytest.raises(InvalidInput):
        svc.arbitrate(hl, actor=sup, number=number, unit="D-JA")          # a reason is required
    decided = svc.arbitrate(hl, actor=sup, number=number, unit="D-JA", note="经核实由江岸区主办")
    assert decided["status"] == "dispatched" and decided["lead_unit"] == "D-JA"
    with pytest.raises(Conflict, match="约束力"):
        svc.return_ticket(hl, actor=actors["D-JA"], number=number, reason="仍然不是我们的")


def test_rejected_return_goes_back_and_late_return_is_refused(hl, actors, clock):
    op = actors["operator"]
    number = new_ticket(hl, op)["number"]
    svc.return_ticket(hl, actor=actors["D-JA"], number=number, reason="不属本单位")
    with pytest.raises(InvalidInput):
        svc.decide_return(hl, actor=op, number=number, accept=False)          # a reason is required
    back = svc.decide_return(hl, actor=op, number=number, accept=False, note="属江岸区职责，请办理")
    assert back["status"] == "dispatched" and back["lead_unit"] == "D-JA"
    clock.advance(days=7)                                                  # past the 2-working-day window
    with pytest.raises(Conflict, match="退单时限"):
        svc.return_ticket(hl, actor=actors["D-JA"], number=number, reason="不属本单位")


def test_extension_request_and_approval_move_the_deadline(hl, actors, clock):
    unit, op = actors["D-JA"], actors["operator"]
    number = new_ticket(hl, op)["number"]
    svc.sign_ticket(hl, actor=unit, number=number)
    with pytest.raises(InvalidInput):
        svc.request_extension(hl, actor=unit, number=number, workdays=30, reason="需协调")
    before = svc.get_ticket(hl, actor=op, number=number)["complete_due"]
    svc.request_extension(hl, actor=unit, number=number, workdays=5, reason="需多部门现场协调")
    with pytest.raises(Conflict):
        svc.request_extension(hl, actor=unit, number=number, workdays=2, reason="再延")
    approved = svc.decide_extension(hl, actor=op, number=number, approve=True, note="同意")
    assert local_date(hl, approved["complete_due"]) == date(2026, 3, 30)
    assert approved["complete_due"] > before and approved["extension_workdays"] == 5
    with pytest.raises(Conflict):
        svc.decide_extension(hl, actor=op, number=number, approve=True)


def test_unsolved_callback_reopens_at_the_same_unit(hl, actors):
    unit, op = actors["D-JA"], actors["operator"]
    number = new_ticket(hl, op)["number"]
    svc.sign_ticket(hl, actor=unit, number=number)
    svc.answer_ticket(hl, actor=unit, number=number, answer="已处理，摊贩已劝离")
    again = svc.record_callback(hl, actor=op, number=number, solved=False, satisfaction="不满意",
                                note="市民反映仍有摊贩")
    assert again["status"] == "dispatched" and again["lead_unit"] == "D-JA" and again["reopen_count"] == 1


def test_merge_and_consultation_closure(hl, actors):
    op = actors["operator"]
    a = new_ticket(hl, op)["number"]
    b = new_ticket(hl, op, content="解放大道小区门口又有人占道经营")["number"]
    merged = svc.merge_ticket(hl, actor=op, number=b, into=a, note="同一事项")
    assert merged["status"] == "merged" and merged["merged_into"] == a
    with pytest.raises(InvalidInput):
        svc.merge_ticket(hl, actor=op, number=a, into=a)
    c = new_ticket(hl, op, content="请问社保卡丢了怎么补办")["number"]
    assert svc.get_ticket(hl, actor=op, number=c)["status"] == "triage"     # consultations: operator first
    closed = svc.close_consultation(hl, actor=op, number=c, answer="携带身份证到就近社保网点补办")
    assert closed["status"] == "closed"
    with pytest.raises(Conflict):
        svc.close_consultation(hl, actor=op, number=a, answer="不是咨询")
    with pytest.raises(NotFound):
        svc.get_ticket(hl, actor=op, number="209901010001")


def test_audit_trail_is_append_only_in_the_database(hl, actors):
    new_ticket(hl, actors["operator"])
    with hl.engine.connect() as conn:
        with pytest.raises(Exception, match="append-only"):
            conn.execute(text("UPDATE audit_events SET reason = 'x'"))
        conn.rollback()
        with pytest.raises(Exception, match="append-only"):
            conn.execute(text("DELETE FROM audit_events"))
        conn.rollback()
    with hl.sessions() as s:
        assert s.scalar(select(text("count(*)")).select_from(AuditEvent)) >= 4


def test_supervise_notifies_the_unit(hl, actors):
    number = new_ticket(hl, actors["operator"])["number"]
    with pytest.raises(Forbidden):
        from hotline.web.api import ACTIONS_BY_PATH

        actors["operator"].require(*ACTIONS_BY_PATH["supervise"].roles)
    view = svc.supervise_ticket(hl, actor=actors["supervisor"], number=number, note="群众反映强烈，请三日内办结")
    assert view["supervision_level"] == "supervised"
    notes = svc.unit_notices(hl, actor=actors["D-JA"])
    assert [n["kind"] for n in notes][:2] == ["supervise", "dispatch"]
