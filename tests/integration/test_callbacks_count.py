"""Callbacks that count: a real-name 差评 not reached is tried on different working days (3 by
default) before it is 无法联系, with every attempt shown; the 回访整改率 counts reached callbacks only."""
from __future__ import annotations

import pytest

from hotline.errors import IllegalTransition
from rectification import load_demo, metrics, services as sv
from tests.conftest import beijing


@pytest.fixture
def city(hl):
    load_demo(hl)
    return hl


def _bad(hl, actor, ref):
    view, _ = sv.submit_review(hl, actor=actor, data={
        "target": "window", "window_code": "JA-ZX-01", "channel": "tablet", "level": 1,
        "reason_tags": ["服务态度差"], "real_name": True, "rater_name": "张三", "rater_phone": "13800001111",
        "channel_ref": f"tab-{ref}"})
    return view["rectification_id"]


def _to_replied(hl, unit, case_id):
    sv.record_finding(hl, actor=unit, case_id=case_id, finding="explain", note="属政策规定范围")
    return sv.reply_case(hl, actor=unit, case_id=case_id, reply="已向评价人解释政策规定并致歉")


def test_unreachable_needs_three_working_days_and_only_reached_counts(city, clock, actors):
    hl, unit = city, actors["D-JA"]
    caller = actors["operator"]           # a real-name 差评 is called back by the centre, never the rated unit
    clock.set(beijing(2026, 11, 27, 10))  # a Friday
    case_id = _bad(hl, actors["channel"], 1)
    clock.set(beijing(2026, 11, 30, 9))   # Monday: not reached
    c = sv.record_callback(hl, actor=caller, case_id=case_id, outcome="unreachable", note="无人接听")
    assert c["status"] == "opened" and c["callback_at"] is None and c["callback_on_time"] is True
    from sqlalchemy import select

    from models import Notice
    with hl.sessions() as s:
        told = s.scalars(select(Notice.message).where(Notice.kind == "rect_callback_retry")).all()
    assert told == [f"差评整改单 {case_id}：评价人未能联系上（已在 1/3 个工作日尝试），请于 2026-12-01 再次回访；"
                    "满 3 个工作日仍联系不上方可记为无法联系"]
    with pytest.raises(IllegalTransition, match="回访"):
        sv.record_finding(hl, actor=unit, case_id=case_id, finding="explain", note="属政策规定范围")
    clock.set(beijing(2026, 11, 30, 16))  # the same day again: recorded, but it is still one working day
    c = sv.record_callback(hl, actor=caller, case_id=case_id, outcome="unreachable", note="仍无人接听")
    assert c["callback_at"] is None and len(c["callback_attempts"]) == 2
    clock.set(beijing(2026, 12, 5, 10))   # a Saturday does not count as a working day
    c = sv.record_callback(hl, actor=caller, case_id=case_id, outcome="unreachable")
    assert c["callback_at"] is None
    clock.set(beijing(2026, 12, 1, 10))
    sv.record_callback(hl, actor=caller, case_id=case_id, outcome="unreachable", note="关机")
    clock.set(beijing(2026, 12, 2, 10))   # the third working day: now 无法联系, with every attempt
    c = sv.record_callback(hl, actor=caller, case_id=case_id, outcome="unreachable", note="空号")
    assert c["status"] == "verified" and c["callback_outcome"] == "unreachable"
    assert c["callback_outcome_label"] == "无法联系"
    assert [a["note"] for a in c["callback_attempts"]] == ["无人接听", "仍无人接听", None, "关机", "空号"]
    _to_replied(hl, unit, case_id)

    reached = _bad(hl, actors["channel"], 2)
    sv.record_callback(hl, actor=caller, case_id=reached, outcome="reached", note="已联系")
    _to_replied(hl, unit, reached)
    rows = metrics.figures(hl, view="unit", start=beijing(2026, 11, 1, 0), end=beijing(2026, 12, 31, 0),
                           unit="D-JA")["rows"]
    counts = rows[0]["counts"]
    assert (counts["bad"], counts["bad_replied"], counts["bad_rectified"]) == (2, 2, 1)
    assert rows[0]["rectify_rate"] == 0.5
