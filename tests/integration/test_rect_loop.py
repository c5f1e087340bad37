"""The 差评 loop on a fixed clock, on SQLite and PostgreSQL: rating → case → callback → finding →
evidence → reply → 追评 → supervisor; deadlines across the 2026 National Day holiday; the sweep's
回访超时, 预警, 督办 and 通报 on the right working days; appeals; default ratings."""
import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import func, select

from hotline.errors import Conflict, Forbidden, IllegalTransition, InvalidInput
from hotline.services.actors import citizen
from hotline.services.sweep import sweep
from models import AuditEvent, Notice, RectificationCase, Review
from rectification import load_demo, services as sv
from tests.conftest import beijing


@pytest.fixture
def city(hl):
    load_demo(hl)
    return hl


def bad_review(hl, actor, **over):
    data = {"target": "window", "window_code": "JA-ZX-01", "channel": "tablet", "level": 1,
            "reason_tags": ["服务态度差"], "real_name": True, "rater_name": "张三", "rater_phone": "13800001111",
            "staff_number": "JA0001", "staff_name": "李四", "channel_ref": f"tab-{over.pop('ref', 1)}"}
    data.update(over)
    return sv.submit_review(hl, actor=actor, data=data)


def test_bad_review_on_a_tablet_walks_the_whole_loop_across_national_day(city, clock, actors):
    hl, unit, sup = city, actors["D-JA"], actors["supervisor"]
    clock.set(beijing(2026, 9, 30, 10))  # Wednesday before the National Day holiday (Oct 1–7 off)
    view, created = bad_review(hl, actors["channel"])
    assert created and view["unit"] == "D-JA" and view["bad"]
    assert view["rater_phone"] == sv.RATER_HIDDEN  # a channel token is not the rater
    case = sv.get_case(hl, actor=sup, case_id=view["rectification_id"])
    # hand-counted: 1st working day after Sep 30 is Oct 8; the 15th is Oct 27 (Oct 10 is a make-up Saturday)
    assert case["contact_due"] == beijing(2026, 10, 8, 23, 59).replace(second=59).isoformat()
    assert case["rectify_due"] == beijing(2026, 10, 27, 23, 59).replace(second=59).isoformat()
    assert case["status"] == "opened" and case["unit"] == "D-JA"

    # the rated unit never sees a real-name rater: the centre member who claims the case calls back,
    # and only they see the contact, each showing recorded in the audit
    unit_view = sv.get_case(hl, actor=unit, case_id=case["id"])
    assert unit_view["review"]["rater_phone"] == sv.RATER_HIDDEN
    with pytest.raises(Forbidden):
        sv.get_case(hl, actor=actors["D-WC"], case_id=case["id"])
    with pytest.raises(Forbidden, match="热线中心"):
        sv.claim_case(hl, actor=unit, case_id=case["id"])
    caller = actors["operator"]
    claimed = sv.claim_case(hl, actor=caller, case_id=case["id"])
    assert claimed["review"]["rater_phone"] == "13800001111" and claimed["handler"] == caller.name
    assert sv.get_case(hl, actor=unit, case_id=case["id"])["review"]["rater_phone"] == sv.RATER_HIDDEN
    assert sv.get_case(hl, actor=sup, case_id=case["id"])["review"]["rater_phone"] == sv.RATER_HIDDEN
    other = dataclasses.replace(caller, id="user:other", name="另一话务员")
    assert sv.get_case(hl, actor=other, case_id=case["id"])["review"]["rater_phone"] == sv.RATER_HIDDEN
    with hl.sessions() as s:
        shown = s.scalars(select(AuditEvent.actor_id).where(AuditEvent.action == "show_rater")).all()
    assert shown == [caller.id]

    with pytest.raises(IllegalTransition, match="回访"):
        sv.record_finding(hl, actor=unit, case_id=case["id"], finding="fix_by_deadline")
    clock.set(beijing(2026, 10, 8, 9))
    with pytest.raises(Forbidden):
        sv.record_callback(hl, actor=unit, case_id=case["id"], outcome="reached", note="已电话联系评价人")
    c = sv.record_callback(hl, actor=caller, case_id=case["id"], outcome="reached", note="已电话联系评价人")
    assert c["status"] == "verified" and c["callback_on_time"] is True
    c = sv.record_finding(hl, actor=unit, case_id=case["id"], finding="fix_by_deadline")
    assert c["status"] == "found"
    with pytest.raises(IllegalTransition, match="整改措施"):
        sv.reply_case(hl, actor=unit, case_id=case["id"], reply="已整改完毕，感谢监督")
    c = sv.add_action(hl, actor=unit, case_id=case["id"], description="对窗口人员开展服务规范培训",
                      attachments=[{"name": "培训记录.txt", "content": "培训签到表".encode()}])
    assert c["status"] == "rectifying" and c["actions"][0]["attachments"][0]["size"] == len("培训签到表".encode())
    stored = list(Path(hl.settings.uploads_dir).rglob("*培训记录.txt"))
    assert len(stored) == 1 and stored[0].read_bytes() == "培训签到表".encode()
    clock.set(beijing(2026, 10, 20, 15))
    c = sv.reply_case(hl, actor=unit, case_id=case["id"], reply="经核实情况属实，已对相关人员批评教育并培训")
    assert c["status"] == "replied" and c["replied_on_time"] is True
    c = sv.record_follow_up(hl, actor=actors["operator"], case_id=case["id"], result="unsatisfied", text="还是不好")
    assert c["follow_up"] == "unsatisfied"
    c = sv.send_back_case(hl, actor=sup, case_id=case["id"], reason="评价人不满意，请进一步整改")
    assert c["status"] == "rectifying" and c["sent_back_count"] == 1 and c["replied_at"] is None
    c = sv.reply_case(hl, actor=unit, case_id=case["id"], reply="已调整窗口人员并再次回访评价人")
    c = sv.record_follow_up(hl, actor=actors["operator"], case_id=case["id"], result="satisfied")
    with pytest.raises(IllegalTransition):
        sv.accept_case(hl, actor=unit, case_id=case["id"])
    c = sv.accept_case(hl, actor=sup, case_id=case["id"], note="整改到位")
    assert c["status"] == "closed" and c["closed_at"]
    with pytest.raises(IllegalTransition):
        sv.add_action(hl, actor=unit, case_id=case["id"], description="再补充")

    with hl.sessions() as s:
        actions = s.scalars(select(AuditEvent.action).where(AuditEvent.subject_type == "rectification",
                                                            AuditEvent.subject_id == case["id"],
                                                            AuditEvent.action != "show_rater")
                            .order_by(AuditEvent.id)).all()
    assert actions == ["open", "claim", "callback", "finding", "action", "reply", "follow_up", "send_back",
                       "reply", "follow_up", "accept"]
    # the sweep leaves a replied and closed case alone
    clock.set(beijing(2026, 11, 20, 10))
    assert sweep(hl).extra["rectification"]["supervised"] == 0


def test_anonymous_bad_review_can_be_found_unfounded_and_closed_without_callback(city, clock, actors):
    hl, unit = city, actors["D-JA"]
    view, _ = bad_review(hl, actors["channel"], real_name=False, rater_phone=None, rater_name=None, level=2)
    cid = view["rectification_id"]
    with pytest.raises(InvalidInput):
        sv.record_finding(hl, actor=unit, case_id=cid, finding="unfounded")  # 不属实 needs a note
    sv.record_finding(hl, actor=unit, case_id=cid, finding="unfounded", note="调取监控，窗口人员按规范服务")
    sv.reply_case(hl, actor=unit, case_id=cid, reply="经核实，窗口人员服务规范，已向评价人解释说明")
    assert sv.accept_case(hl, actor=actors["supervisor"], case_id=cid)["status"] == "closed"


def test_overdue_case_is_escalated_on_the_right_working_days(city, clock, actors):
    hl = city
    clock.set(beijing(2026, 9, 30, 10))
    view, _ = bad_review(hl, actors["channel"])
    cid = view["rectification_id"]

    def run(y, m, d, hh, mm=0):
        clock.set(beijing(y, m, d, hh, mm))
        return sweep(hl).extra["rectification"]

    assert run(2026, 10, 8, 23, 0)["contact_overdue"] == 0         # still within the first working day
    assert run(2026, 10, 9, 0, 30)["contact_overdue"] == 1         # 回访超时 the next morning
    assert run(2026, 10, 9, 0, 40)["contact_overdue"] == 0         # once
    assert run(2026, 10, 26, 12)["warned"] == 0                    # due Oct 27 23:59:59, warn 24 h before
    assert run(2026, 10, 27, 10)["warned"] == 1
    assert run(2026, 10, 27, 23, 30)["supervised"] == 0
    r = run(2026, 10, 28, 9)
    assert r["supervised"] == 1 and r["notified"] == 0
    # 通报 after 5 more working days: Oct 28, 29, 30, Nov 2, Nov 3 → from Nov 4
    assert run(2026, 11, 3, 23)["notified"] == 0
    assert run(2026, 11, 4, 0, 10)["notified"] == 1
    assert run(2026, 11, 4, 9) == {"contact_overdue": 0, "warned": 0, "supervised": 0, "notified": 0,
                                   "default_ratings": 0, "errors": 0, "failed_ids": []}
    case = sv.get_case(hl, actor=actors["supervisor"], case_id=cid)
    assert case["overdue"] and case["contact_overdue"] and case["supervision_level"] == "notified"
    with hl.sessions() as s:
        kinds = sorted(s.scalars(select(Notice.kind).where(Notice.subject_type == "rectification",
                                                            Notice.subject_id == cid)))
    assert kinds == ["rect_contact_late", "rect_notify", "rect_notify", "rect_supervise", "rect_warn",
                     "rectification"]
    # a late reply is recorded as late
    sv.record_callback(hl, actor=actors["operator"], case_id=cid, outcome="reached")
    sv.record_finding(hl, actor=actors["D-JA"], case_id=cid, finding="explain", note="政策规定须本人到场")
    assert sv.reply_case(hl, actor=actors["D-JA"], case_id=cid, reply="已向评价人解释政策规定")["replied_on_time"] is False


def test_one_bad_case_does_not_stop_the_sweep(city, clock, actors, monkeypatch):
    hl = city
    clock.set(beijing(2026, 3, 2, 10))
    ids = [bad_review(hl, actors["channel"], ref=i)[0]["rectification_id"] for i in (1, 2)]
    from rectification import supervision
    real = supervision._sweep_case

    def broken(hl_, case_id, now, counts):
        if case_id == ids[0]:
            raise RuntimeError("boom")
        return real(hl_, case_id, now, counts)

    monkeypatch.setattr(supervision, "_sweep_case", broken)
    clock.set(beijing(2026, 4, 30, 10))
    report = sweep(hl)
    assert report.extra["rectification"]["failed_ids"] == [ids[0]]
    assert report.extra["rectification"]["supervised"] == 1


def test_one_rating_per_subject_and_stage_and_retries_are_idempotent(city, clock, actors):
    hl, ch = city, actors["channel"]
    data = {"target": "case", "case_number": "BJ2026001", "window_code": "JA-ZX-01", "channel": "miniprogram",
            "level": 5, "stage": "accept"}
    first, created = sv.submit_review(hl, actor=ch, data=data, idempotency_key="k-1")
    again, created2 = sv.submit_review(hl, actor=ch, data=data, idempotency_key="k-1")
    assert created and not created2 and again["id"] == first["id"]
    with pytest.raises(Conflict, match="只能评价一次"):
        sv.submit_review(hl, actor=ch, data=dict(data, channel="qr"))
    with pytest.raises(Conflict, match="Idempotency-Key"):
        sv.submit_review(hl, actor=ch, data=dict(data, level=4), idempotency_key="k-1")
    done, _ = sv.submit_review(hl, actor=ch, data=dict(data, stage="complete"))  # 一事多评: another stage
    assert done["stage"] == "complete"
    same_ref = {"target": "window", "window_code": "JA-ZX-01", "channel": "tablet", "level": 4, "channel_ref": "v9"}
    a, _ = sv.submit_review(hl, actor=ch, data=same_ref)
    b, created3 = sv.submit_review(hl, actor=ch, data=same_ref)
    assert a["id"] == b["id"] and not created3
    with pytest.raises(InvalidInput, match="差评"):
        sv.submit_review(hl, actor=ch, data={"target": "window", "window_code": "JA-ZX-01", "channel": "tablet",
                                             "level": 2})
    with pytest.raises(InvalidInput, match="level"):
        sv.submit_review(hl, actor=ch, data={"target": "window", "window_code": "JA-ZX-01", "channel": "tablet",
                                             "level": 6})
    with pytest.raises(Forbidden):
        sv.submit_review(hl, actor=actors["D-JA"], data=same_ref)
    with hl.sessions() as s:
        assert s.scalar(select(func.count(Review.id))) == 3


def test_rating_a_ticket_requires_it_to_be_closed(city, clock, actors):
    from hotline.services import tickets as tk

    hl = city
    me = citizen("miniprogram", "wx-1")
    t, _ = tk.create_ticket(hl, actor=me, data={"content": "江岸区某路占道经营", "channel": "miniprogram",
                                                "citizen_ref": "wx-1"})
    rating = {"target": "ticket", "ticket_number": t["number"], "channel": "miniprogram", "level": 1,
              "text": "处理太慢"}
    with pytest.raises(Conflict, match="尚未办结"):
        sv.submit_review(hl, actor=me, data=rating)
    t = tk.get_ticket(hl, actor=actors["operator"], number=t["number"])
    assert t["lead_unit"] == "D-JA"
    tk.sign_ticket(hl, actor=actors["D-JA"], number=t["number"])
    tk.answer_ticket(hl, actor=actors["D-JA"], number=t["number"], answer="已联系城管清理占道经营")
    tk.record_callback(hl, actor=actors["operator"], number=t["number"], solved=True, satisfaction="basic")
    with pytest.raises(Forbidden):
        sv.submit_review(hl, actor=citizen("miniprogram", "wx-2"), data=rating)
    view, created = sv.submit_review(hl, actor=me, data=rating)
    assert created and view["unit"] == "D-JA" and view["rectification_id"]
    assert sv.get_review(hl, actor=me, review_id=view["id"])["level"] == 1


def test_upheld_appeal_voids_the_case_and_keeps_the_review(city, clock, actors):
    hl, unit, sup = city, actors["D-JA"], actors["supervisor"]
    view, _ = bad_review(hl, actors["channel"])
    good, _ = bad_review(hl, actors["channel"], level=5, ref=2, real_name=False)
    with pytest.raises(Conflict, match="只能对差评申诉"):
        sv.appeal_review(hl, actor=unit, review_id=good["id"], kind="mistaken", reason="评价人误点了差评")
    with pytest.raises(Forbidden):
        sv.appeal_review(hl, actor=actors["D-WC"], review_id=view["id"], kind="malicious", reason="恶意差评")
    appeal = sv.appeal_review(hl, actor=unit, review_id=view["id"], kind="malicious", reason="评价人未来窗口办事")
    with pytest.raises(Conflict):
        sv.appeal_review(hl, actor=unit, review_id=view["id"], kind="malicious", reason="再次申诉")
    with pytest.raises(Forbidden):
        sv.decide_appeal(hl, actor=unit, appeal_id=appeal["id"], uphold=True, reason="自己批准")
    decided = sv.decide_appeal(hl, actor=sup, appeal_id=appeal["id"], uphold=True, reason="经查监控属实")
    assert decided["status"] == "upheld"
    r = sv.get_review(hl, actor=sup, review_id=view["id"])
    assert r["excluded"] and "申诉成立" in r["excluded_reason"]
    assert sv.get_case(hl, actor=sup, case_id=view["rectification_id"])["status"] == "voided"
    with pytest.raises(Conflict):
        sv.decide_appeal(hl, actor=sup, appeal_id=appeal["id"], uphold=False, reason="改判")


def test_default_rating_after_n_days_is_marked_and_not_active(city, clock, actors):
    hl = city
    hl.rules = dataclasses.replace(hl.rules, review_default_rating_days=7)
    clock.set(beijing(2026, 3, 2, 10))
    sv.register_case(hl, actor=actors["operator"], data={"case_number": "BJ-1", "window_code": "JA-ZX-01"})
    sv.register_case(hl, actor=actors["operator"], data={"case_number": "BJ-2", "window_code": "JA-ZX-01"})
    sv.submit_review(hl, actor=actors["channel"], data={"target": "case", "case_number": "BJ-2",
                                                        "channel": "tablet", "level": 5})
    clock.set(beijing(2026, 3, 9, 9))
    assert sweep(hl).extra["rectification"]["default_ratings"] == 0
    clock.set(beijing(2026, 3, 9, 11))
    assert sweep(hl).extra["rectification"]["default_ratings"] == 1
    assert sweep(hl).extra["rectification"]["default_ratings"] == 0
    with hl.sessions() as s:
        d = s.scalar(select(Review).where(Review.is_default.is_(True)))
        assert (d.case_number, d.level, d.channel) == ("BJ-1", 3, "system")
        assert s.scalar(select(func.count(RectificationCase.id))) == 0
    with pytest.raises(Conflict, match="默认评价"):
        sv.submit_review(hl, actor=actors["channel"], data={"target": "case", "case_number": "BJ-1",
                                                            "channel": "tablet", "level": 1, "text": "很差"})
