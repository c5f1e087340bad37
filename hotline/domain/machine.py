"""The one state-machine engine: a transition table (sources, target, roles, guards) and ``advance``.

Tickets (``hotline.domain.lifecycle``) and rectification cases (``rectification.domain``) each declare
their table and build a ``StateMachine``; neither copies the engine. ``advance`` is pure: it answers
which status an event leads to, or raises ``IllegalTransition`` and nothing changes. The service layer
applies a move and writes its audit entry in one call (``hotline.services.audit.move``), so a stored
status always equals the last audited ``to``.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, Callable, Generic, Mapping, TypeVar

from hotline.domain.vocab import Role
from hotline.errors import IllegalTransition

St = TypeVar("St", bound=enum.Enum)
Ev = TypeVar("Ev", bound=enum.Enum)

# A guard looks at the facts of the thing that moves and answers why the move is refused (or None).
Guard = Callable[[Any], "str | None"]


@dataclass(frozen=True)
class Transition(Generic[St]):
    sources: frozenset[St]
    # None: the status does not change; a callable: chosen from (status, facts)
    target: "St | Callable[[St, Any], St] | None"
    roles: frozenset[Role]
    guards: tuple[Guard, ...] = field(default=())


def transition(sources, target, roles, *guards: Guard) -> Transition:
    return Transition(frozenset(sources), target, frozenset(roles), tuple(guards))


class StateMachine(Generic[St, Ev]):
    """``noun`` names the thing in refusals (工单, 整改单); ``labels`` the events in Chinese."""

    def __init__(self, *, statuses: type[St], events: type[Ev], table: Mapping[Ev, Transition],
                 labels: Mapping[Ev, str], noun: str, hidden: frozenset[Ev] = frozenset()) -> None:
        missing = [e for e in events if e not in table or e not in labels]
        if missing:
            raise ValueError(f"events without a transition or label: {missing}")
        self.statuses, self.events, self.table, self.labels = statuses, events, table, labels
        self.noun, self.hidden = noun, hidden

    def _label(self, status: St) -> str:
        return getattr(status, "label", status.value)

    def advance(self, status: St | str, event: Ev | str, *, role: Role | str | None = None,
                facts: Any = None) -> St:
        """The status ``event`` leads to from ``status``; raise ``IllegalTransition`` otherwise.

        ``role`` (when given) must be allowed to fire the event; every guard must pass on ``facts``."""
        status = self.statuses(status)
        event = self.events(event)
        rule = self.table[event]
        name = self.labels[event]
        if status not in rule.sources:
            allowed = "、".join(self._label(s) for s in self.statuses if s in rule.sources)
            raise IllegalTransition(f"{self.noun}状态为“{self._label(status)}”，不能执行“{name}”（仅限：{allowed}）",
                                    status=status.value, event=event.value)
        if role is not None and Role(role) not in rule.roles:
            raise IllegalTransition(f"角色“{Role(role).label}”不能执行“{name}”", status=status.value,
                                    event=event.value)
        for guard in rule.guards:
            refusal = guard(facts)
            if refusal:
                raise IllegalTransition(refusal, status=status.value, event=event.value)
        if rule.target is None:
            return status
        if callable(rule.target) and not isinstance(rule.target, self.statuses):
            return rule.target(status, facts)
        return rule.target

    def allowed_events(self, status: St | str, role: Role | str | None = None) -> list[Ev]:
        """The events a role may fire from ``status`` (the system's own events left out)."""
        status = self.statuses(status)
        return [e for e, t in self.table.items()
                if status in t.sources and (role is None or Role(role) in t.roles) and e not in self.hidden]
