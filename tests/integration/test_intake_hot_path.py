"""The intake's hot path: per-day ticket numbers without a row lock, retries without a read first,
tokens remembered briefly but revoked at once; on SQLite and PostgreSQL."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from sqlalchemy import func, select

from hotline.errors import Unauthorized
from hotline.services import auth, tickets as svc
from models import NumberSequence, Ticket
from tests.conftest import beijing

CONTENT = "江岸区解放大道小区门口占道经营严重"


def _create(hl, actor, **data):
    return svc.create_ticket(hl, actor=actor, data={"content": CONTENT, "channel": "phone", **data})


def test_concurrent_intakes_get_the_days_numbers_in_turn(hl, actors, clock):
    clock.set(beijing(2026, 11, 18, 9, 0))
    with ThreadPoolExecutor(8) as pool:
        views = list(pool.map(lambda i: _create(hl, actors["operator"], channel_ref=f"c-{i}")[0], range(24)))
    numbers = sorted(v["number"] for v in views)
    assert numbers == [f"20261118{n:04d}" for n in range(1, 25)]     # distinct, from 0001, no gap
    clock.set(beijing(2026, 11, 19, 0, 5))                             # a new local day starts again at 1
    assert _create(hl, actors["operator"])[0]["number"] == "202611190001"


def test_a_retry_is_found_on_the_unique_keys_and_burns_no_ticket(hl, actors, clock):
    clock.set(beijing(2026, 11, 18, 9, 0))
    first, created = svc.create_ticket(hl, actor=actors["operator"], data={"content": CONTENT, "channel": "phone"},
                                       idempotency_key="call-0001")
    again, created_again = svc.create_ticket(hl, actor=actors["operator"],
                                             data={"content": CONTENT, "channel": "phone"},
                                             idempotency_key="call-0001")
    assert created and not created_again and again["number"] == first["number"]
    same_ref, created_ref = _create(hl, actors["operator"], channel_ref="cc-77")
    retry, created_retry = _create(hl, actors["operator"], channel_ref="cc-77")
    assert created_ref and not created_retry and retry["number"] == same_ref["number"]
    with hl.sessions() as s:
        assert s.scalar(select(func.count(Ticket.id))) == 2


def test_a_day_numbered_before_the_sequence_goes_on_after_its_last_number(hl, actors, clock, database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("the sequence is PostgreSQL's; SQLite counts in number_sequences.last")
    clock.set(beijing(2026, 11, 18, 9, 0))
    with hl.uow() as uow:                      # the day's first seven numbers were given by the old counter
        uow.session.add(NumberSequence(day=date(2026, 11, 18), last=7))
        uow.commit()
    assert _create(hl, actors["operator"])[0]["number"] == "202611180008"
    assert _create(hl, actors["operator"])[0]["number"] == "202611180009"


def test_a_revoked_token_stops_working_at_once_in_the_revoking_process(hl):
    token = auth.create_token(hl, name="呼叫中心", role="channel")
    assert auth.actor_for_token(hl, token).name == "呼叫中心"
    assert auth.actor_for_token(hl, token).name == "呼叫中心"          # now from the process's memory
    assert auth.revoke_token(hl, name="呼叫中心") == 1
    with pytest.raises(Unauthorized):
        auth.actor_for_token(hl, token)
