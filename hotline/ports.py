"""The interfaces the service layer is handed: a classifier and a router.

Both are pure: text or ticket facts in, a decision with its confidence and reason out. They load
their model or rules once and are given to the service layer by `hotline.bootstrap`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True)
class Classification:
    category: str | None          # a category code or name of the category tree (the model's label)
    confidence: float             # calibrated probability of `category`, 0..1
    appeal_type: str              # an AppealType code
    urgency: str                  # an Urgency code
    model_version: str
    abstain: bool = False         # True: an operator must look at it (triage queue)
    signals: dict[str, Any] = field(default_factory=dict)  # why: top labels, matched lexicon words


class Classifier(Protocol):
    def classify(self, text: str) -> Classification: ...


@dataclass(frozen=True)
class RoutingRequest:
    text: str
    category: str | None = None   # category code (any level of the tree)
    appeal_type: str | None = None
    urgency: str | None = None
    channel: str | None = None
    place: str | None = None      # the place the citizen gave, if any
    exclude_units: frozenset[str] = frozenset()  # unit codes that returned the ticket


@dataclass(frozen=True)
class RoutingDecision:
    unit: str | None              # lead unit code (主办), None when nothing could be decided
    assisting_units: tuple[str, ...] = ()
    rule: str | None = None       # id of the rule that matched
    confidence: float = 0.0
    district: str | None = None   # district unit code found in the text or place
    place: dict[str, Any] | None = None
    explanation: str = ""         # readable reason, in Chinese
    suggestions: tuple[dict[str, Any], ...] = ()
    transfer: tuple[str, ...] = ()  # emergency numbers that should take it now (110, 119, 120, 122)
    redirect: str | None = None   # out of scope: 诉讼, 仲裁, 纪检监察, 行政复议, 信访 or 保密
    triage_reason: str = ""       # why it was flagged, in Chinese (with the legal route for a redirect)
    duty: str | None = None       # the responsibility-catalogue entry that decided (returns are counted on it)


class Router(Protocol):
    def route(self, request: RoutingRequest) -> RoutingDecision: ...
