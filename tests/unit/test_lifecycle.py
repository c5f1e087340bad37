"""The ticket lifecycle: every legal move, and illegal ones refused with a clear message."""
import pytest

from hotline.domain.lifecycle import OPEN, TRANSITIONS, Event, advance, allowed_events
from hotline.domain.vocab import Role, TicketStatus as S
from hotline.errors import IllegalTransition

HAPPY_PATH = [
    (S.received, Event.triage, Role.operator, S.triage),
    (S.triage, Event.dispatch, Role.operator, S.dispatched),
    (S.dispatched, Event.sign, Role.unit, S.signed),
    (S.signed, Event.start, Role.unit, S.in_progress),
    (S.in_progress, Event.answer, Role.unit, S.answered),
    (S.answered, Event.start_callback, Role.operator, S.callback),
    (S.callback, Event.close, Role.operator, S.closed),
]


@pytest.mark.parametrize("source, event, role, target", HAPPY_PATH)
def test_the_whole_life_of_a_ticket(source, event, role, target):
    assert advance(source, event, role=role) is target


def test_first_return_goes_to_the_operator_and_a_second_to_supervisors():
    assert advance(S.signed, Event.return_, role=Role.unit, prior_returns=0) is S.returned
    assert advance(S.dispatched, Event.return_, role=Role.unit, prior_returns=1) is S.arbitration
    assert advance(S.returned, Event.accept_return, role=Role.operator) is S.triage
    assert advance(S.returned, Event.reject_return, role=Role.operator) is S.dispatched
    assert advance(S.arbitration, Event.arbitrate, role=Role.supervisor) is S.dispatched


def test_a_city_may_let_the_centre_decide_more_returns():
    assert advance(S.signed, Event.return_, prior_returns=1, centre_decides_after=2) is S.returned


def test_reopen_sends_the_ticket_back_to_the_unit():
    assert advance(S.callback, Event.reopen, role=Role.operator) is S.dispatched
    assert advance(S.answered, Event.reopen, role=Role.operator) is S.dispatched


@pytest.mark.parametrize("event", [Event.request_extension, Event.supervise])
def test_side_events_keep_the_status(event):
    role = Role.unit if event is Event.request_extension else Role.supervisor
    assert advance(S.in_progress, event, role=role) is S.in_progress


@pytest.mark.parametrize("status, event", [
    (S.received, Event.sign),
    (S.dispatched, Event.answer),        # must sign first
    (S.closed, Event.dispatch),
    (S.merged, Event.reopen),
    (S.answered, Event.return_),          # too late to return once answered
    (S.triage, Event.arbitrate),
    (S.closed, Event.supervise),
])
def test_illegal_moves_are_refused_with_a_readable_message(status, event):
    with pytest.raises(IllegalTransition) as err:
        advance(status, event)
    assert status.label in err.value.message
    assert err.value.status == 409


@pytest.mark.parametrize("event, role", [
    (Event.sign, Role.operator),
    (Event.dispatch, Role.unit),
    (Event.arbitrate, Role.operator),
    (Event.close, Role.unit),
])
def test_roles_are_checked(event, role):
    source = next(iter(TRANSITIONS[event].sources))
    with pytest.raises(IllegalTransition, match=role.label):
        advance(source, event, role=role)


def test_terminal_states_allow_nothing():
    assert allowed_events(S.closed) == []
    assert allowed_events(S.merged) == []


def test_every_open_status_can_be_supervised_and_left():
    for status in OPEN:
        assert Event.supervise in allowed_events(status, Role.supervisor)
        assert any(TRANSITIONS[e].target not in (None, status) for e in allowed_events(status))


def test_unknown_event_or_status_is_rejected():
    with pytest.raises(ValueError):
        advance("nope", Event.sign)
    with pytest.raises(ValueError):
        advance(S.received, "fly")
