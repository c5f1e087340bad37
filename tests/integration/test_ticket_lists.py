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


# -- keyset pagination -------------------------------------------------------------------------------
def _walk(hl, actor, limit, between=None, **filters) -> list[str]:
    """Follow ``next`` from the first page to the last; ``between(page_no)`` runs after each page."""
    seen: list[str] = []
    page = svc.list_tickets(hl, actor=actor, limit=limit, **filters)
    n = 0
    while True:
        seen += [t["number"] for t in page["items"]]
        if between:
            between(n)
        n += 1
        if not page["next"]:
            return seen
        assert n < 50, "the pages never end"
        page = svc.list_tickets(hl, actor=actor, limit=limit, cursor=page["next"], **filters)


def test_newest_first_pages_see_every_ticket_once_while_new_ones_arrive(hl, actors, clock):
    clock.set(beijing(2026, 11, 18, 9, 0))     # the clock stands still: equal times, the id breaks ties
    op = actors["operator"]
    first = [_create(hl, op, f"江岸区解放大道{i}号占道经营")["number"] for i in range(7)]
    arrived: list[str] = []

    def a_call_comes_in(_page):
        arrived.append(_create(hl, op, f"新来电{len(arrived)}：洪山区路灯不亮")["number"])

    seen = _walk(hl, op, 3, between=a_call_comes_in)
    assert sorted(seen) == sorted(first) and len(seen) == len(set(seen)) == 7   # none twice, none missed
    again = _walk(hl, op, 3)
    assert again == list(reversed(first + arrived))                              # the newcomers on top


def test_previous_goes_back_to_the_same_pages(hl, actors, clock):
    clock.set(beijing(2026, 11, 18, 9, 0))
    op = actors["operator"]
    for i in range(7):
        _create(hl, op, f"江岸区解放大道{i}号占道经营")
    p1 = svc.list_tickets(hl, actor=op, limit=3)
    assert p1["previous"] is None
    p2 = svc.list_tickets(hl, actor=op, limit=3, cursor=p1["next"])
    p3 = svc.list_tickets(hl, actor=op, limit=3, cursor=p2["next"])
    assert len(p3["items"]) == 1 and p3["next"] is None
    back2 = svc.list_tickets(hl, actor=op, limit=3, cursor=p3["previous"])
    assert back2["items"] == p2["items"]
    back1 = svc.list_tickets(hl, actor=op, limit=3, cursor=back2["previous"])
    assert back1["items"] == p1["items"] and back1["previous"] is None and back1["next"]
    # the older way still answers the same first pages
    assert svc.list_tickets(hl, actor=op, limit=3, offset=3)["items"] == p2["items"]


def _set(hl, numbers, **values):
    from sqlalchemy import update

    from models import Ticket
    with hl.sessions() as s:
        s.execute(update(Ticket).where(Ticket.number.in_(numbers)).values(**values))
        s.commit()


def test_a_unit_pages_overdue_first_then_by_deadline_with_missing_deadlines_last(hl, actors, clock):
    clock.set(beijing(2026, 11, 18, 9, 0))
    op, unit = actors["operator"], actors["D-JA"]
    numbers = [_create(hl, op, f"江岸区解放大道{i}号小区门口占道经营严重")["number"] for i in range(8)]
    helped = _create(hl, op, "不知道说什么")["number"]
    svc.dispatch_ticket(hl, actor=op, number=helped, unit="D-WC", assisting_units=["D-JA"])
    _set(hl, numbers[5:7], overdue=True)
    _set(hl, numbers[1:2], complete_due=None)
    whole = [t["number"] for t in svc.list_tickets(hl, actor=unit, limit=200)["items"]]
    assert sorted(whole) == sorted(numbers + [helped])
    assert set(whole[:2]) == set(numbers[5:7]) and whole[-1] == numbers[1]
    assert _walk(hl, unit, 2) == whole
    # and backwards from the last page: the same order, reversed
    last = svc.list_tickets(hl, actor=unit, limit=2, offset=8)
    back, page = [t["number"] for t in last["items"]], last
    while page["previous"]:
        page = svc.list_tickets(hl, actor=unit, limit=2, cursor=page["previous"])
        back = [t["number"] for t in page["items"]] + back
    assert back == whole


def test_the_triage_queue_pages_by_dispatch_deadline(hl, actors, clock):
    clock.set(beijing(2026, 11, 18, 9, 0))
    op = actors["operator"]
    queued = []
    for i in range(5):
        clock.advance(minutes=-10)               # later calls, earlier deadlines: not the id order
        queued.append(_create(hl, op, f"不知道说什么{i}")["number"])
    _set(hl, queued[2:3], dispatch_due=None)
    whole = [t["number"] for t in svc.list_tickets(hl, actor=op, queue="triage", limit=200)["items"]]
    assert whole == [queued[4], queued[3], queued[1], queued[0], queued[2]]
    assert _walk(hl, op, 2, queue="triage") == whole


def test_a_cursor_of_another_list_or_edited_is_refused_in_chinese(hl, actors, clock):
    import pytest

    from hotline.errors import InvalidInput
    clock.set(beijing(2026, 11, 18, 9, 0))
    op = actors["operator"]
    for i in range(3):
        _create(hl, op, f"不知道说什么{i}")
    newest = svc.list_tickets(hl, actor=op, limit=1)["next"]
    for bad in ("garbage", newest[:-3], "eyJvIjoibmV3ZXN0IiwiayI6WzEsMl0sImIiOjB9"):
        with pytest.raises(InvalidInput, match="分页游标无效"):
            svc.list_tickets(hl, actor=op, limit=1, cursor=bad)
    with pytest.raises(InvalidInput, match="分页游标无效"):      # a newest-first cursor on the triage queue
        svc.list_tickets(hl, actor=op, queue="triage", limit=1, cursor=newest)
