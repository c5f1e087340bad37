"""工单质检 end to end: a unit's one-line "已处理" never reaches the citizen unflagged — three characters are
refused at answering, and a one line a little longer is answered but flagged on the ticket the operator opens
for the callback (待回访), with the sentence saying why; a full answer of the same unit is not flagged."""
from __future__ import annotations

import pytest

from hotline.errors import InvalidInput
from hotline.services import tickets as svc


def file(hl, op, citizen, text, clock):
    clock.advance(minutes=5)
    view, created = svc.create_ticket(hl, actor=op, data={"content": text, "channel": "miniprogram",
                                                          "citizen_ref": citizen})
    assert created
    return view["number"]


def test_a_one_line_已处理_is_flagged_before_the_callback(hl, actors, clock):
    op, unit = actors["operator"], actors["D-HS"]
    number = file(hl, op, "mp-31", "洪山区珞喻路一个工地晚上施工噪音扰民，吵得睡不着", clock)
    assert svc.get_ticket(hl, actor=op, number=number)["lead_unit"] == "D-HS"
    svc.sign_ticket(hl, actor=unit, number=number)
    with pytest.raises(InvalidInput, match="答复内容过短"):
        svc.answer_ticket(hl, actor=unit, number=number, answer="已处理")
    svc.answer_ticket(hl, actor=unit, number=number, answer="已处理，请知悉。")
    callbacks = {t["number"]: t for t in svc.list_tickets(hl, actor=op, queue="callbacks")["items"]}
    assert callbacks[number]["reply_weak"] is True                          # it is the operator's to call back, marked …
    check = svc.get_ticket(hl, actor=op, number=number)["reply_check"]      # … and the ticket says it is weak
    assert check["weak"]
    assert check["scores"]["completeness"]["why"] == "答复缺少：做了什么（只说“已处理”）、由谁办理、何时办理"
    assert "答复缺少：做了什么" in check["summary"]

    full = file(hl, op, "mp-32", "洪山区珞喻路那个工地凌晨一两点还在打桩，噪音太大了，老人睡不着", clock)
    assert svc.get_ticket(hl, actor=op, number=full)["lead_unit"] == "D-HS"
    svc.sign_ticket(hl, actor=unit, number=full)
    svc.answer_ticket(hl, actor=unit, number=full, answer=(
        "您好！您反映的珞喻路某工地凌晨打桩噪音扰民问题，洪山区城管执法局于当晚到工地检查，该工地未取得夜间施工"
        "许可，已责令其22时后停止打桩作业并立案处罚，次日夜间复查已停止夜间施工。"))
    good = svc.get_ticket(hl, actor=op, number=full)["reply_check"]
    assert not good["weak"] and good["summary"] == "答复完整规范", good
    marks = {t["number"]: t["reply_weak"] for t in svc.list_tickets(hl, actor=op, queue="callbacks")["items"]}
    assert marks == {number: True, full: False}
