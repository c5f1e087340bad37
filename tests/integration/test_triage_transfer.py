"""Emergencies and out-of-scope matters at intake (issue 11), with the demo city's real router."""
from __future__ import annotations

import pytest

from hotline.errors import IllegalTransition, InvalidInput
from hotline.services import tickets as svc

FIRE = "江汉区新华路一家餐馆的厨房着火了，火很大，好多烟"
LAMP = "紧急！江汉区新华路的路灯坏了一排，晚上黑漆漆的"
ARBITRATION = "我已经申请了劳动仲裁，仲裁委到现在还没开庭，你们能不能让公司先把钱给我"


@pytest.fixture(scope="module")
def demo_router():
    from routing import demo_router as build
    return build()


@pytest.fixture
def hl(make_hotline, database_url, demo_router):
    return make_hotline(database_url, router=demo_router)


def new(hl, actor, content):
    view, created = svc.create_ticket(hl, actor=actor, data={"content": content, "channel": "phone"})
    assert created
    return svc.get_ticket(hl, actor=actor, number=view["number"])


def test_a_calm_fire_report_jumps_the_queue_and_is_transferred_in_one_action(hl, actors, clock):
    op = actors["operator"]
    ordinary = new(hl, op, "我想问一下这个事情该找谁")          # unsure: waits in triage
    clock.advance(minutes=5)
    fire = new(hl, op, FIRE)
    assert fire["status"] == "triage" and fire["transfer"] == ["119"] and fire["redirect"] is None
    assert fire["urgency"] == "emergency" and "119" in fire["triage_reason"]
    queue = svc.list_tickets(hl, actor=op, queue="triage")["items"]
    assert [t["number"] for t in queue][:2] == [fire["number"], ordinary["number"]]
    assert queue[0]["transfer"] == ["119"]

    clock.advance(seconds=30)
    done = svc.transfer_ticket(hl, actor=op, number=fire["number"])
    assert done["status"] == "closed" and "消防119" in done["answer"]
    trail = svc.audit_trail(hl, actor=op, number=fire["number"])
    moves = [(e["action"], e["from_status"], e["to_status"], (e.get("data") or {}).get("to")) for e in trail if e["to_status"]]
    assert moves[-1] == ("transfer", "triage", "closed", ["119"])
    with pytest.raises(IllegalTransition):
        svc.transfer_ticket(hl, actor=op, number=fire["number"])


def test_urgent_words_alone_are_no_emergency(hl, actors):
    lamp = new(hl, actors["operator"], LAMP)
    assert lamp["transfer"] == [] and lamp["redirect"] is None
    assert lamp["routing"]["unit"] == "D-JH-CG"


def test_an_arbitration_already_filed_is_closed_with_the_legal_route(hl, actors):
    op = actors["operator"]
    t = new(hl, op, ARBITRATION)
    assert t["status"] == "triage" and t["redirect"] == "仲裁" and t["transfer"] == []
    with pytest.raises(InvalidInput):
        svc.redirect_ticket(hl, actor=op, number=t["number"], kind="法院")
    done = svc.redirect_ticket(hl, actor=op, number=t["number"])
    assert done["status"] == "closed" and "仲裁委员会" in done["answer"]


def test_transfer_refuses_a_number_that_is_no_emergency_number(hl, actors):
    t = new(hl, actors["operator"], FIRE)
    with pytest.raises(InvalidInput) as err:
        svc.transfer_ticket(hl, actor=actors["operator"], number=t["number"], to="999")
    assert "999" in str(err.value)
    assert svc.get_ticket(hl, actor=actors["operator"], number=t["number"])["status"] == "triage"


def test_a_unit_that_returned_a_kind_of_matter_twice_is_no_longer_chosen_for_it(make_hotline, database_url):
    from sqlalchemy import select

    from hotline.demo import load_demo
    from hotline.domain.vocab import Role
    from hotline.ports import RoutingRequest
    from hotline.services.actors import Actor
    from hotline.services.registry import returns_by_duty
    from models import Unit

    hl = make_hotline(database_url)
    load_demo(hl)                      # the demo city's router, built from the database
    op = Actor(kind="user", name="话务员", role=Role.operator, id="user:op")
    with hl.sessions() as s:
        sj = s.scalar(select(Unit.id).where(Unit.code == "D-JA-SJ"))
    unit = Actor(kind="user", name="江岸市场监管", role=Role.unit, id="user:sj", unit_id=sj, unit_code="D-JA-SJ")
    text = "江岸区台北路一家小吃店卖的鸭脖有异味，吃了肚子疼"
    assert hl.router.route(RoutingRequest(text=text)).unit == "D-JA-SJ"
    for _ in range(2):
        t = new(hl, op, text)
        assert t["routing"]["unit"] == "D-JA-SJ" and t["routing"]["duty"] == "market"
        if t["status"] != "dispatched":
            svc.dispatch_ticket(hl, actor=op, number=t["number"], unit="D-JA-SJ")
        svc.return_ticket(hl, actor=unit, number=t["number"], reason="该店位于黄陂区，不属于本局辖区")
        svc.decide_return(hl, actor=op, number=t["number"], accept=True, unit="DEPT-SJJ")
    assert returns_by_duty(hl) == {("market", "D-JA-SJ"): 2}
    hl.router.reload()
    again = hl.router.route(RoutingRequest(text=text))
    assert again.unit == "DEPT-SJJ" and again.duty == "market"
