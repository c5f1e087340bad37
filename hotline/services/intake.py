"""Intake: writing an accepted appeal (the hot path), then in the background classify, route, and
dispatch automatically or leave for an operator.

The background part runs as a job after the ticket is committed; safe to run twice (a ticket already
processed is left alone) and picked up again by the sweep when it never ran.
"""
from __future__ import annotations

import functools
import logging
from itertools import chain
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, bindparam, insert, inspect, or_, select
from sqlalchemy.orm import Session

from hotline.db import copy_rows
from hotline.domain import deadlines
from hotline.domain.lifecycle import Event
from hotline.domain.vocab import TicketStatus as S, Urgency
from hotline.ports import RoutingDecision, RoutingRequest
from hotline.services import audit, next_action, similar
from hotline.services.actors import SYSTEM, Actor
from hotline.services.tickets import _move, apply_dispatch
from models import AuditEvent, Category, Ticket, Unit
from models.rollup import MetricDirty, _has_table, dirty_rows, mark_dirty

log = logging.getLogger(__name__)

URGENCY_ORDER = [Urgency.normal.value, Urgency.utility.value, Urgency.emergency.value]


def insert_new_ticket(s: Session, hl, ticket: Ticket, actor: Actor, *, at: datetime,
                      audit_data: dict[str, Any]) -> None:
    """Write a new ticket (built but not added to ``s``), its ``create`` audit entry and the figures'
    ``metric_dirty`` marks with Core INSERTs in ``s``'s transaction, instead of an ORM flush: what a
    flush would do for it (column defaults, ``next_action_at``, the marks) is done here, and
    ``ticket`` is left holding what was written, with its id, for the answer. When the ticket's id
    is already known (PostgreSQL: reserved with its number) the three are one statement (the audit
    entry and the marks as data-modifying CTEs of the ticket's INSERT), else three.

    A retry that collides with the ticket's unique keys raises ``IntegrityError``."""
    conn = s.connection()
    row = _ticket_row(hl, ticket)
    if ticket.id is None:
        ticket.id = conn.execute(insert(Ticket).returning(Ticket.id), row).scalar_one()
    event = new_row(audit.entry(actor, "create", at=at, ticket_id=ticket.id, to_status=ticket.status,
                                data=audit_data))
    if "id" in row:
        marks = dirty_rows([ticket])
        params = {f"t_{k}": v for k, v in row.items()}
        params.update((f"a_{k}", v) for k, v in event.items())
        params.update((f"m{i}_{k}", v) for i, mark in enumerate(marks) for k, v in mark.items() if v is not None)
        conn.execute(_insert_with_entry(tuple(row), tuple(event),
                                        tuple(tuple(k for k, v in mark.items() if v is not None) for mark in marks)),
                     params)
        return
    conn.execute(insert(AuditEvent), event)
    mark_dirty(s, [ticket])


def insert_new_tickets(s: Session, hl, made: list[tuple[Ticket, list[dict[str, Any]]]]) -> None:
    """Write many new tickets (built but not added to ``s``; a bulk import's batch) with their audit
    entries (rows of ``audit.entry_row`` / ``audit.moved``, the ``create`` entry first) and the figures'
    marks in ``s``'s transaction: what ``insert_new_ticket`` writes for one, in three statements for
    all — the tickets (with their ids when reserved with their numbers: a COPY; else an executemany
    ``RETURNING`` them in order; each ticket's entries get its id), then the entries (COPY likewise),
    then the marks.

    A ticket that collides with another's unique keys raises ``IntegrityError``: nothing is written."""
    if not made:
        return
    conn = s.connection()
    rows = [_ticket_row(hl, ticket) for ticket, _events in made]
    copy = all(ticket.id is not None for ticket, _events in made)     # ids reserved with the numbers (PostgreSQL)
    if not copy:
        rows = _same_keys(rows)
    if copy:    # COPY, not a statement per row: ~a quarter of a batch's time (docs/benchmarks.md)
        copy_rows(conn, Ticket.__tablename__, rows, json_columns=_json_columns(Ticket))
        ids = [ticket.id for ticket, _events in made]
    else:
        ids = list(conn.execute(insert(Ticket).returning(Ticket.id, sort_by_parameter_order=True), rows).scalars())
    for (ticket, events), new_id in zip(made, ids, strict=True):
        ticket.id = new_id
        for event in events:
            event["ticket_id"] = event["subject_id"] = new_id
    entries = [event for _ticket, events in made for event in events]
    if copy:
        copy_rows(conn, AuditEvent.__tablename__, entries, json_columns=_json_columns(AuditEvent))
    else:
        conn.execute(insert(AuditEvent), _same_keys(entries))
    tickets = [ticket for ticket, _events in made]
    if copy and _has_table(conn):
        copy_rows(conn, MetricDirty.__tablename__, new_ticket_marks(tickets))
    else:
        mark_dirty(s, tickets)


def new_ticket_marks(tickets: list[Ticket]) -> list[dict[str, Any]]:
    """``dirty_rows(tickets)`` of tickets not written yet (the figures' marks of their creation: the
    moments they were created and closed at, and their ids), in the same order, without the ORM's
    attribute history that ``dirty_rows`` asks for each one (a sixth of a bulk import's CPU)."""
    rows: dict[tuple, dict[str, Any]] = {}
    for ticket in tickets:
        for at in (ticket.created_at, ticket.closed_at):
            if at is not None and ("at", at) not in rows:
                rows["at", at] = {"at": at, "case_number": None, "review_id": None, "ticket_id": None}
        if ticket.id is not None:
            rows["ticket_id", ticket.id] = {"at": None, "case_number": None, "review_id": None, "ticket_id": ticket.id}
    return list(rows.values())


@functools.lru_cache(maxsize=8)
def _json_columns(model) -> frozenset[str]:
    return frozenset(c.name for c in model.__table__.columns if isinstance(c.type, JSON))


def _ticket_row(hl, ticket: Ticket) -> dict[str, Any]:
    """The INSERT's values of a new ticket, ``next_action_at`` computed (as a flush would)."""
    next_action.refresh(ticket, hl)
    return new_row(ticket)


def _same_keys(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of one executemany with the same keys: a column a row leaves out is NULL (``new_row`` leaves
    out only NULLs of columns without a default; these tables have no server-side ones)."""
    keys = list(dict.fromkeys(chain.from_iterable(rows)))
    width = len(keys)     # a row with as many keys as all rows together has every key: kept as it is
    return [row if len(row) == width else {k: row.get(k) for k in keys} for row in rows]


@functools.lru_cache(maxsize=64)
def _insert_with_entry(ticket_keys: tuple[str, ...], entry_keys: tuple[str, ...],
                       marks_keys: tuple[tuple[str, ...], ...]):
    """INSERT a ticket WITH its audit entry and figures' marks (data-modifying CTEs, PostgreSQL), built
    once per set of columns so that SQLAlchemy's compiled cache serves every intake."""
    def values(prefix: str, keys: tuple[str, ...]) -> dict:
        return {k: bindparam(f"{prefix}_{k}") for k in keys}   # typed by their column

    ctes = [insert(AuditEvent).values(values("a", entry_keys)).cte("audit_entry")]
    for i, keys in enumerate(marks_keys):    # one CTE a row: a multi-row VALUES would not be cached
        ctes.append(insert(MetricDirty).values(values(f"m{i}", keys)).cte(f"figures_mark_{i}"))
    return insert(Ticket).values(values("t", ticket_keys)).add_cte(*ctes)


def new_row(obj) -> dict[str, Any]:
    """The column values of a new ORM object for a Core INSERT: what it was given, and each column's
    Python-side default (also set on the object, as a flush would; into its ``__dict__``, without the
    ORM's attribute events: such an object is written by Core INSERTs, never added to a session).
    Foreign keys of relationships set on the object (``ticket.category = …``) are filled in from the
    related object."""
    cls: type = type(obj)
    many_to_one, columns = _row_plan(cls)
    given = obj.__dict__
    for rel_key, pairs in many_to_one:
        related = given.get(rel_key)
        if related is not None:
            for local_key, remote_key in pairs:
                setattr(obj, local_key, getattr(related, remote_key))
    row: dict[str, Any] = {}
    for key, default, primary_key in columns:
        if key in given:
            value = given[key]
            if value is not None or default is not None:   # a NULL the INSERT gives anyway: left out
                row[key] = value
            continue
        if default is None or primary_key:
            continue
        value = default.arg if default.is_scalar else default.arg(None)
        given[key] = value      # not setattr: the object is written by Core, never flushed
        row[key] = value
    return row


@functools.lru_cache(maxsize=32)
def _row_plan(cls) -> tuple[tuple, tuple]:
    """What ``new_row`` reads of a mapped class, looked up once: its many-to-one relationships (key and
    (local attribute, remote attribute) pairs) and its columns (attribute, default, primary key)."""
    mapper = inspect(cls)
    many_to_one = tuple((rel.key, tuple((mapper.get_property_by_column(local).key, remote.key)
                                        for local, remote in rel.local_remote_pairs))
                        for rel in mapper.relationships if rel.direction.name == "MANYTOONE")
    columns = tuple((attr.key, attr.columns[0].default, attr.columns[0].primary_key) for attr in mapper.column_attrs)
    return many_to_one, columns


def _category_for(s: Session, label: str | None) -> Category | None:
    if not label:
        return None
    return s.scalar(select(Category).where(or_(Category.code == label, Category.name == label))
                    .order_by(Category.parent_id.is_not(None), Category.id))


def route_ticket(s: Session, hl, ticket: Ticket, exclude: list[str] | tuple[str, ...] = ()) -> RoutingDecision:
    decision = hl.router.route(RoutingRequest(
        text=ticket.content, category=ticket.category.code if ticket.category else None,
        appeal_type=ticket.appeal_type, urgency=ticket.urgency, channel=ticket.channel,
        place=ticket.place, exclude_units=frozenset(exclude)))
    routing = {"unit": decision.unit, "assisting_units": list(decision.assisting_units), "rule": decision.rule,
               "confidence": round(float(decision.confidence), 4), "district": decision.district,
               "place": decision.place, "explanation": decision.explanation,
               "suggestions": list(decision.suggestions), "excluded": list(exclude),
               "transfer": list(decision.transfer), "redirect": decision.redirect,
               "triage_reason": decision.triage_reason, "duty": decision.duty}
    ticket.routing = routing
    if decision.district:
        district = s.scalar(select(Unit).where(Unit.code == decision.district))
        if district is not None:
            ticket.district_id = district.id
    audit.record(s, SYSTEM, "route", at=hl.now(), ticket_id=ticket.id, data=routing)
    return decision


def process_intake(hl, ticket_id: int) -> str:
    """Classify and route one ticket. Returns what happened (for logs and tests)."""
    with hl.uow() as uow:
        s = uow.session
        ticket = s.get(Ticket, ticket_id)
        if ticket is None:
            return "missing"
        if ticket.intake_state == "done":
            return "already-done"
        ticket.intake_attempts += 1
        now = hl.now()
        given = (ticket.extra or {}).get("given", {})
        result = hl.classifier.classify(ticket.content)
        category = _category_for(s, result.category)
        if not given.get("category") and category is not None and not result.abstain:
            ticket.category = category  # an unsure guess stays a suggestion in `classification`
        if not given.get("appeal_type"):
            ticket.appeal_type = result.appeal_type
        if result.urgency in URGENCY_ORDER and URGENCY_ORDER.index(result.urgency) > URGENCY_ORDER.index(ticket.urgency):
            ticket.urgency = result.urgency  # a classifier may raise urgency, never lower a given one
        ticket.dispatch_due = deadlines.dispatch_due(hl.rules, ticket.urgency, ticket.created_at)
        ticket.category_confidence = float(result.confidence)
        ticket.model_version = result.model_version
        ticket.classification = {"category": result.category, "confidence": round(float(result.confidence), 4),
                                 "appeal_type": result.appeal_type, "urgency": result.urgency,
                                 "abstain": result.abstain, "model_version": result.model_version,
                                 "signals": result.signals}
        audit.record(s, SYSTEM, "classify", at=now, ticket_id=ticket.id, data=ticket.classification)
        decision = route_ticket(s, hl, ticket)
        outcome = "classified"
        if similar.link_at_intake(s, hl, ticket):  # 并单: a confident repeat of the same citizen
            uow.after_commit("notify_citizen", ticket.id, "merged")
            outcome = "merged"
        if ticket.status == S.received.value:
            reasons = []
            if decision.transfer:
                # an emergency jumps the operator's queue: due now, shown first with its numbers
                ticket.urgency = Urgency.emergency.value
                ticket.dispatch_due = ticket.created_at
                reasons.append(decision.triage_reason)
            elif decision.redirect:
                reasons.append(decision.triage_reason)
            if result.abstain or ticket.category is None:
                reasons.append(f"分类置信度不足（{result.confidence:.2f}）")
            if not decision.unit:
                reasons.append("未找到承办单位")
            elif decision.confidence < hl.auto_dispatch_confidence:
                reasons.append(f"派单置信度不足（{decision.confidence:.2f}）")
            if ticket.appeal_type == "consult":
                reasons.append("咨询类由话务员先行答复")
            unit = s.scalar(select(Unit).where(Unit.code == decision.unit)) if decision.unit else None
            if not reasons and unit is not None:
                helpers = [u for u in (s.scalar(select(Unit).where(Unit.code == c))
                                       for c in decision.assisting_units) if u is not None]
                _move(s, hl, ticket, SYSTEM, Event.dispatch, reason=f"自动派单：{decision.explanation}",
                      data={"unit": unit.code, "assisting_units": [u.code for u in helpers], "auto": True},
                      role_check=False)
                apply_dispatch(s, hl, ticket, unit, helpers, now)
                uow.after_commit("notify_citizen", ticket.id, "dispatched")
                outcome = "dispatched"
            else:
                ticket.triage_reason = "；".join(reasons) or "需人工确认"
                _move(s, hl, ticket, SYSTEM, Event.triage, reason=ticket.triage_reason, role_check=False)
                outcome = "triage"
        ticket.intake_state = "done"
        ticket.intake_error = None
        uow.commit()
        return outcome


def mark_intake_failed(hl, ticket_id: int, error: str) -> None:
    with hl.uow() as uow:
        ticket = uow.session.get(Ticket, ticket_id)
        if ticket is not None and ticket.intake_state != "done":
            ticket.intake_state = "failed"
            ticket.intake_error = error[:500]
            uow.commit()
