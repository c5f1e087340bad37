"""Ticket lists that stay fast on a big database keep their answers: search by number or text, a
capped count, a unit's led and assisted tickets; on SQLite and PostgreSQL."""
from __future__ import annotations

from hotline.services import tickets as svc
from tests.conftest import beijing


def _create(hl, actor, content, **data):
    return svc.create_ticket(hl, actor=actor, data={"content": content, "channel": "phone", **data})[0]


def test_search_by_number_by_text_and_literal_percent(hl, actors, clock):
    clock.set(beijing(2026, 11, 18, 9, 0))
    lamp = _create(hl, actors["operator"], "洪山区珞喻路路灯不亮，晚上很黑")
    _create(hl, actors["operator"], "江岸区解放大道占道经营")
    rate = _create(hl, actors["operator"], "物业费上涨了50%，要求解释", title="物业费50%上涨")
    op = actors["operator"]
    found = svc.list_tickets(hl, actor=op, q=lamp["number"])
    assert [t["number"] for t in found["items"]] == [lamp["number"]] and found["total"] == 1
    assert [t["number"] for t in svc.list_tickets(hl, actor=op, q="路灯不亮")["items"]] == [lamp["number"]]
    assert [t["number"] for t in svc.list_tickets(hl, actor=op, q="50%")["items"]] == [rate["number"]]
    assert svc.list_tickets(hl, actor=op, q="5_%")["total"] == 0          # _ and % are literal, not wildcards


def test_the_count_stops_at_the_cap_and_says_so(hl, actors, clock, monkeypatch):
    clock.set(beijing(2026, 11, 18, 9, 0))
    for i in range(4):
        _create(hl, actors["operator"], f"江岸区解放大道{i}号占道经营")
    monkeypatch.setattr(svc, "COUNT_CAP", 3)
    capped = svc.list_tickets(hl, actor=actors["operator"], limit=2)
    assert capped["total"] == 3 and capped["total_exact"] is False and len(capped["items"]) == 2
    monkeypatch.setattr(svc, "COUNT_CAP", 10)
    exact = svc.list_tickets(hl, actor=actors["operator"], limit=2)
    assert exact["total"] == 4 and exact["total_exact"] is True


def test_a_unit_lists_what_it_leads_and_what_it_assists(hl, actors, clock):
    clock.set(beijing(2026, 11, 18, 9, 0))
    led = _create(hl, actors["operator"], "江岸区解放大道小区门口占道经营严重")      # auto-dispatched to D-JA
    helped = _create(hl, actors["operator"], "不知道说什么")                           # triage
    svc.dispatch_ticket(hl, actor=actors["operator"], number=helped["number"], unit="D-WC",
                        assisting_units=["D-JA"])
    _create(hl, actors["operator"], "还是不知道说什么")                                # nobody's yet
    mine = svc.list_tickets(hl, actor=actors["D-JA"])
    assert sorted(t["number"] for t in mine["items"]) == sorted([led["number"], helped["number"]])
    assert mine["total"] == 2
    assert [t["number"] for t in svc.list_tickets(hl, actor=actors["D-WC"])["items"]] == [helped["number"]]
