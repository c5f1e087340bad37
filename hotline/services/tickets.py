"""Ticket use cases: intake, dispatch, sign, answer, return, extension, callback, merge, supervision.

Every function opens one transaction, checks the actor's role and unit, moves the ticket through
``lifecycle.advance`` (which refuses an illegal move before anything changes), writes the audit
event in the same transaction, and enqueues background work only after the commit.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable, Iterator

from sqlalchemy import func, null, or_, select, union
from psycopg.errors import DeadlockDetected, SerializationFailure, TransactionRollback
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload, selectinload

from hotline.domain import deadlines
from hotline.domain.lifecycle import AT_UNIT, MACHINE, Event, TicketFacts
from hotline.domain.vocab import TICKET_TERMINAL_CODES, AppealType, Channel, Role, Satisfaction, TicketStatus as S, Urgency
from hotline.errors import Conflict, HotlineError, InvalidInput, NotFound
from hotline import keyset, scope
from hotline.services import audit, reply_quality
from hotline.services.similar import close_merged
from hotline.services.fields import (PHONE, check_replay, choice as _enum, choices, find_retry, fingerprint,
                                     flag as _bool, idempotency_key as idempotency_key_of, text as _text)
from hotline.services.actors import Actor
from hotline.presenters import audit_event_view, ticket_view
from models.partitions import claim_dedupe_key
from models.tickets import TICKET_ID_SEQ, TICKET_NUMBER_SEQ
from models import (Category, Notice, NumberSequence, Ticket, TicketExtension, TicketReturn, TicketUnit,
                    TrainingExample, Unit)

MAX_CONTENT = 5000
INTAKE_ROLES = (Role.operator, Role.admin, Role.channel, Role.supervisor)
CENTRE_ROLES = (Role.operator, Role.supervisor, Role.admin)


# -- helpers ----------------------------------------------------------------------------------
def active_unit(s: Session, code: str | None, field: str = "unit") -> Unit:
    if not code:
        raise InvalidInput(f"缺少必填字段：{field}", field=field)
    unit = s.scalar(select(Unit).where(Unit.code == code, Unit.active.is_(True)))
    if unit is None:
        raise InvalidInput(f"单位编码不存在：{code}", field=field)
    return unit


def _category(s: Session, code: str | None) -> Category | None:
    if not code:
        return None
    cat = s.scalar(select(Category).where(or_(Category.code == code, Category.name == code)))
    if cat is None:
        raise InvalidInput(f"分类不存在：{code}", field="category")
    return cat


def _load(s: Session, number: str, actor: Actor, *, act: bool = False, eager: bool = False) -> Ticket:
    """The ticket the actor may see (``act``: act on); ``eager``: with what its page shows, in one
    round trip (units, category, assisting units) instead of a lazy load each."""
    stmt = select(Ticket).where(Ticket.number == str(number))
    ticket = s.scalar(stmt.options(*LIST_LOADING) if eager else stmt)
    if ticket is None:
        raise NotFound(f"工单不存在：{number}")
    scope.check_ticket(s, actor, ticket, act=act)
    return ticket


def _move(s: Session, hl, ticket: Ticket, actor: Actor, event: Event, *, reason: str | None = None,
          data: dict | None = None, role_check: bool = True) -> tuple[str, str]:
    return audit.move(s, actor, MACHINE, ticket, event, at=hl.now(), facts=_facts(hl, ticket), role_check=role_check,
                      ticket_id=ticket.id, reason=reason, data=data)


def _facts(hl, ticket: Ticket) -> TicketFacts:
    return TicketFacts(prior_returns=ticket.return_count or 0, centre_decides_after=hl.rules.centre_decides_after)


# Session.info key: the set of notice de-duplication keys already in the database for what the session
# works on (the sweep loads them for a chunk of tickets at once instead of one query per notice).
NOTICE_KEYS = "hotline_notice_keys"


def notice(s: Session, *, unit_id: int | None, ticket: Ticket | None, kind: str, message: str,
           dedupe_key: str, at: datetime, subject_type: str = "ticket", subject_id: int | None = None) -> bool:
    """Add a notice unless one with the same key exists (sweeps may run twice)."""
    known = s.info.get(NOTICE_KEYS)
    if known is not None:     # the caller loaded every key this notice could clash with
        if dedupe_key in known:
            return False
        known.add(dedupe_key)
    else:
        claim_dedupe_key(s, dedupe_key)   # PostgreSQL: the key is not a unique constraint (models.partitions)
        if s.scalar(select(Notice.id).where(Notice.dedupe_key == dedupe_key)):
            return False
    s.add(Notice(unit_id=unit_id, ticket_id=ticket.id if ticket else None, kind=kind, message=message,
                 dedupe_key=dedupe_key, created_at=at, subject_type=subject_type,
                 subject_id=subject_id if subject_id is not None else (ticket.id if ticket else None)))
    return True


def _next_number(s: Session, hl, now: datetime) -> str:
    """YYYYMMDD + a per-day sequence of at least 4 digits: easy to read out on the phone.

    PostgreSQL: ``nextval`` of one sequence minus the day's first value (see NumberSequence): no row
    lock is held until commit, so concurrent intakes do not queue behind each other. A number taken
    by a transaction that then fails is not reused (a gap in the day's numbers)."""
    return _next_number_and_id(s, hl, now, reserve_id=False)[0]


def _next_number_and_id(s: Session, hl, now: datetime, *, reserve_id: bool = True) -> tuple[str, int | None]:
    """The next ticket number and, on PostgreSQL with ``reserve_id``, the id the ticket will have
    (``nextval`` of the ``tickets.id`` serial, in the same round trip): its audit entry can then be
    written with it in one statement. SQLite: no id (the INSERT gives it)."""
    return _next_numbers(s, hl, now, 1, reserve_id=reserve_id)[0]


def _next_numbers(s: Session, hl, now: datetime, n: int, *, reserve_id: bool = True) -> list[tuple[str, int | None]]:
    """``n`` numbers at once (one for an intake, many for a bulk import) and, on PostgreSQL with
    ``reserve_id``, the ids the tickets will have: one ``nextval`` query on PostgreSQL, one counter update
    on SQLite (no ids). A value from before the day's first (another process opened the day with a later
    one) is replaced by a fresh number."""
    day = hl.calendar.local_date(now)
    if s.get_bind().dialect.name == "postgresql":
        query = select(TICKET_NUMBER_SEQ.next_value(), TICKET_ID_SEQ.next_value()) if reserve_id \
            else select(TICKET_NUMBER_SEQ.next_value(), null())
        if n > 1:
            query = query.select_from(func.generate_series(1, n))
        values = s.execute(query).all()
        first = _first_of_day(hl, day, min(v for v, _id in values))
        return [(f"{day:%Y%m%d}{v - first + 1:04d}" if v >= first else _next_number(s, hl, now), new_id)
                for v, new_id in values]
    from sqlalchemy.dialects.sqlite import insert

    stmt = insert(NumberSequence).values(day=day, last=n)
    stmt = stmt.on_conflict_do_update(index_elements=["day"], set_={"last": NumberSequence.last + n})
    last = s.execute(stmt.returning(NumberSequence.last)).scalar_one()
    return [(f"{day:%Y%m%d}{v:04d}", None) for v in range(last - n + 1, last + 1)]


def _first_of_day(hl, day, value: int) -> int:
    """The sequence value that is number 1 of ``day``; fixed (and committed) by the first intake of the
    day, in a short transaction of its own, then remembered by the process."""
    known = hl.ticket_number_first_of_day
    if day not in known:
        from sqlalchemy.dialects.postgresql import insert

        # a day numbered before the sequence was used (an upgrade during the day) goes on after `last`
        stmt = insert(NumberSequence).values(day=day, last=0, first_seq=value).on_conflict_do_update(
            index_elements=["day"], set_={"first_seq": value - NumberSequence.last},
            where=NumberSequence.first_seq.is_(None))
        with hl.engine.begin() as conn:
            conn.execute(stmt)
            known[day] = conn.execute(select(NumberSequence.first_seq).where(NumberSequence.day == day)).scalar_one()
    return known[day]


def _set_assists(s: Session, ticket: Ticket, units: Iterable[Unit]) -> None:
    ticket.assists.clear()
    s.flush()
    for unit in units:
        if unit.id != ticket.lead_unit_id:
            ticket.assists.append(TicketUnit(unit_id=unit.id, role="assist"))


def apply_dispatch(s: Session, hl, ticket: Ticket, unit: Unit, assisting: Iterable[Unit], now: datetime) -> None:
    """Give the ticket to ``unit`` with fresh sign, return and completion clocks."""
    ticket.lead_unit_id = unit.id
    ticket.lead_unit = unit
    _set_assists(s, ticket, assisting)
    ticket.dispatched_at = now
    ticket.first_dispatched_at = ticket.first_dispatched_at or now
    ticket.sign_due = deadlines.sign_due(hl.rules, ticket.urgency, now)
    ticket.return_due = deadlines.return_due(hl.rules, hl.calendar, now)
    ticket.extension_workdays = 0
    ticket.complete_due = deadlines.completion_due(hl.rules, hl.calendar, ticket.appeal_type, now)
    ticket.signed_at = None
    ticket.answered_at = None
    ticket.callback_due = None
    ticket.overdue = False
    ticket.supervision_level = "none"
    ticket.warned_at = ticket.urged_at = ticket.notified_at = None
    notice(s, unit_id=unit.id, ticket=ticket, kind="dispatch", at=now,
           message=f"新派工单 {ticket.number}：请于 {format_local(hl, ticket.sign_due)} 前签收，"
                   f"{format_local(hl, ticket.complete_due)} 前办结",
           dedupe_key=f"dispatch:{ticket.id}:{now.isoformat()}")


def format_local(hl, moment: datetime | None) -> str:
    return moment.astimezone(hl.calendar.tz).strftime("%Y-%m-%d %H:%M") if moment else "-"


def _view(hl, s: Session, ticket: Ticket, actor: Actor) -> dict:
    s.flush()
    s.refresh(ticket)
    return ticket_view(ticket, actor)


# -- intake -----------------------------------------------------------------------------------
def _intake_fields(data: Any, idempotency_key: str | None) -> dict[str, Any]:
    """An appeal checked field by field (InvalidInput with a Chinese message): what a new ticket is made of."""
    if not isinstance(data, dict):
        raise InvalidInput("请求体必须是 JSON 对象")
    content = _text(data, "content", required=True, max_len=MAX_CONTENT)
    channel = _enum(Channel, data, "channel")
    if channel is None:
        raise InvalidInput("缺少必填字段：channel", field="channel")
    phone = _text(data, "contact_phone", max_len=40)
    if phone and not PHONE.match(phone):
        raise InvalidInput("联系电话格式不正确", field="contact_phone")
    transcript = data.get("transcript")
    if transcript is not None and not isinstance(transcript, dict):
        raise InvalidInput("字段 transcript 必须是对象", field="transcript")
    attachments = data.get("attachments")
    if attachments is not None and not isinstance(attachments, list):
        raise InvalidInput("字段 attachments 必须是列表", field="attachments")
    return {"data": data, "content": content, "channel": channel, "channel_ref": _text(data, "channel_ref", max_len=120),
            "phone": phone, "key": idempotency_key_of(idempotency_key), "appeal_type": _enum(AppealType, data, "appeal_type"),
            "urgency": _enum(Urgency, data, "urgency"), "transcript": transcript, "attachments": attachments,
            "request_hash": fingerprint({k: v for k, v in data.items() if k != "transcript"})}


def _new_ticket(s: Session, hl, f: dict[str, Any], now: datetime, number: str | None = None, *,
                ticket_id: int | None = None, add: bool = True) -> Ticket:
    """The ticket of checked intake fields, numbered (and its id when reserved with the number) and, with
    ``add``, added to the session (not yet flushed); without, for ``intake.insert_new_ticket``."""
    ticket = Ticket(**_new_ticket_values(s, hl, f, now, number or _next_number(s, hl, now), ticket_id))
    if add:
        s.add(ticket)
    return ticket


def _new_ticket_values(s: Session, hl, f: dict[str, Any], now: datetime, number: str,
                       ticket_id: int | None) -> dict[str, Any]:
    """What a new ticket is given (attribute -> value; ``category`` is the Category or None): the one
    definition of a new ticket, for ``Ticket(**values)`` and for a bulk import's ``_bare_ticket``."""
    data, appeal_type, urgency = f["data"], f["appeal_type"], f["urgency"]
    category = _category(s, _text(data, "category", max_len=40))
    urgency_value = (urgency or Urgency.normal).value
    return dict(
        id=ticket_id, number=number, channel=f["channel"].value, channel_ref=f["channel_ref"],
        idempotency_key=f["key"], citizen_ref=_text(data, "citizen_ref", max_len=120),
        appeal_type=(appeal_type or AppealType.consult).value,
        urgency=urgency_value, category=category,
        title=_text(data, "title", max_len=200) or f["content"][:40],
        content=f["content"], place=_text(data, "place", max_len=300),
        contact_name=_text(data, "contact_name", max_len=80), contact_phone=f["phone"],
        hide_identity=_bool(data, "hide_identity"), share_contact=_bool(data, "share_contact"),
        status=S.received.value, created_at=now, updated_at=now,
        transcript=f["transcript"], attachments=f["attachments"],
        extra={"request_hash": f["request_hash"],
               **({"notify": False} if data.get("notify") is False else {}),  # asked for no messages
               "given": {k: True for k, v in (("appeal_type", appeal_type), ("urgency", urgency),
                                              ("category", category)) if v is not None}},
        dispatch_due=deadlines.dispatch_due(hl.rules, urgency_value, now),
    )


def _bare_ticket(values: dict[str, Any]) -> Ticket:
    """A transient ``Ticket`` holding ``values`` without the ORM's per-attribute bookkeeping of
    ``Ticket(**values)`` (a quarter of a bulk import's CPU): never added to a session, only written with
    Core INSERTs (``intake.insert_new_tickets`` reads it as ``Ticket(**values)``, see ``new_row``)."""
    ticket = Ticket.__mapper__.class_manager.new_instance()
    ticket.__dict__.update(values)
    return ticket


def _after_intake(uow, ticket: Ticket) -> None:
    """After the commit of a new ticket: the 受理 message and the intake job."""
    if ticket.contact_phone or ticket.citizen_ref:  # someone to tell: 受理, with the number
        uow.after_commit("notify_citizen", ticket.id, "accepted")
    # an emergency's intake goes ahead of the waiting ones: on the operator's screen within a second —
    # by triage's rules and, when they see nothing, the router's learned check (a calm report of danger)
    from routing.triage import screen
    flags = screen(ticket.content or "", getattr(uow.hl.router, "triage_check", None), wait=False)
    uow.after_commit("process_intake", ticket.id, job_id=f"intake-{ticket.id}", front=bool(flags.transfer))


def create_ticket(hl, *, actor: Actor, data: dict[str, Any], idempotency_key: str | None = None
                  ) -> tuple[dict, bool]:
    """Accept an appeal. Returns (ticket view, created). A retry with the same idempotency key, or
    the same channel reference, returns the first ticket and ``created=False``."""
    actor.require(*INTAKE_ROLES)
    f = _intake_fields(data, idempotency_key)
    from hotline.services.intake import insert_new_ticket
    with hl.uow() as uow:
        s = uow.session
        now = hl.now()
        number, new_id = _next_number_and_id(s, hl, now)
        ticket = _new_ticket(s, hl, f, now, number, ticket_id=new_id, add=False)
        try:    # Core INSERTs, not a flush (the hot path); a retry fails here, on the unique keys
            insert_new_ticket(s, hl, ticket, actor, at=now,
                              audit_data={"channel": f["channel"].value, "channel_ref": f["channel_ref"]})
        except IntegrityError:
            s.rollback()
            existing = find_retry(s, Ticket, f["key"], f["channel"].value, f["channel_ref"])
            if existing is None:
                raise
            return _replay(hl, existing, actor, f["request_hash"], f["key"])
        _after_intake(uow, ticket)
        view = ticket_view(ticket, actor)     # everything is in hand: no read back
        uow.commit()
        return view, True


def create_tickets(hl, *, actor: Actor, items: list[tuple[dict[str, Any], str | None, tuple[Actor, str] | None]]
                   ) -> list[str]:
    """Many appeals in one transaction (a bulk import): each item is (data, idempotency key, and for a
    consultation answered on the call the agent and the answer, closed at once). Items must be new
    (the caller skipped the channel references it already has): a duplicate among them raises
    IntegrityError and nothing is written, so the caller can fall back to ``create_ticket`` one by one.
    Returns the new tickets' numbers."""
    actor.require(*INTAKE_ROLES)
    checked = [(_intake_fields(data, key), answered) for data, key, answered in items]
    from hotline.services.intake import insert_new_tickets
    with hl.uow() as uow:
        s = uow.session
        now = hl.now()
        made, closed = [], set()
        for (f, answered), (number, new_id) in zip(checked, _next_numbers(s, hl, now, len(checked))):
            ticket = _bare_ticket(_new_ticket_values(s, hl, f, now, number, new_id))
            events = [audit.entry_row(actor, "create", at=now, to_status=ticket.status,
                                  data={"channel": ticket.channel, "channel_ref": ticket.channel_ref})]
            if answered is not None and ticket.appeal_type == "consult":    # written closed: one row
                agent, answer = answered
                events.append(audit.moved(agent, MACHINE, ticket, Event.close_consultation, at=hl.now(),
                                          facts=_facts(hl, ticket), data={"answer": answer}))
                ticket.solved = True
                _answered(ticket, answer, now)
                closed.add(len(made))
            made.append((ticket, events))
        # Core multi-row INSERTs, not a flush (a duplicate fails here, on the unique keys)
        insert_new_tickets(s, hl, made)
        for i, (ticket, _events) in enumerate(made):
            _after_intake(uow, ticket)
            if i in closed:
                uow.after_commit("notify_citizen", ticket.id, "closed")
        numbers = [ticket.number for ticket, _events in made]
        uow.commit()
        return numbers


def create_ticket_group(hl, requests: list[tuple[Actor, Any, str | None]]) -> list[tuple[dict, bool] | Exception]:
    """Appeals of concurrent requests written together (group commit, see ``hotline.web.group``): each
    request is (actor, data, idempotency key); the answer is, in the same order, what ``create_ticket``
    returns for it or the exception it raises. The checked appeals are written in one transaction —
    one ``nextval`` query, one INSERT of the tickets, one of their audit entries, one of the figures'
    marks, one COMMIT — and no request is answered before that commit. When that transaction fails
    on a row (a retry colliding with its first ticket's unique keys, a value the database refuses),
    nothing of it is kept and each appeal is written again on its own by ``create_ticket``: a row that
    fails does not fail its neighbours, and a retry is answered with its first ticket. A database
    that does not answer raises, for every request of the group."""
    results: list[tuple[dict, bool] | Exception | None] = [None] * len(requests)
    checked: list[tuple[int, Actor, dict[str, Any]]] = []
    for i, (actor, data, key) in enumerate(requests):
        try:
            actor.require(*INTAKE_ROLES)
            checked.append((i, actor, _intake_fields(data, key)))
        except Exception as exc:  # noqa: BLE001 - a 4xx (or a bug) answers its own request only
            results[i] = exc
    retries = _retries_in(hl, checked)        # answered on their own, after the group (the first ticket's)
    group = [c for c in checked if c[0] not in retries]
    if len(group) == 1:
        retries.add(group[0][0])
    elif group:
        try:
            for i, answer in _write_group(hl, group).items():
                results[i] = answer
        except Exception as exc:  # noqa: BLE001 - only a clash is retried, anything else is raised
            if not _group_clash(exc):
                raise
            # a clash (a retry, a refused value) or two web processes' groups deadlocked on one index: each
            # request is written on its own instead (nothing of the group was kept)
            retries.update(i for i, _actor, _f in group)
    for i in sorted(retries):
        results[i] = _one_of_group(hl, *requests[i])
    return [r if r is not None else RuntimeError("appeal not written") for r in results]


# what PostgreSQL fails a transaction with when it clashes with another one (SQLSTATE class 40); psycopg
# 3 makes these OperationalError, not a subclass of one another, and raises them bare from a COPY
_ROLLED_BACK = (TransactionRollback, DeadlockDetected, SerializationFailure)


def _group_clash(exc: BaseException) -> bool:
    """Whether a group's transaction failed on its rows or on a concurrent one (a retry colliding with a
    unique key, a value the database refuses, a deadlock with another process's group), so that writing
    each request on its own answers it; not when the database is away."""
    from sqlalchemy.exc import DataError, DBAPIError

    if isinstance(exc, (IntegrityError, DataError, *_ROLLED_BACK)):
        return True
    return isinstance(exc, DBAPIError) and isinstance(exc.orig, _ROLLED_BACK)


def _retries_in(hl, checked: list[tuple[int, Actor, dict[str, Any]]]) -> set[int]:
    """The requests of a group that repeat an idempotency key or a channel reference, of a ticket written
    before or of an earlier request of the same group: one query, only when the group carries any."""
    keys = {f["key"] for _i, _a, f in checked if f["key"]}
    refs = {(f["channel"].value, f["channel_ref"]) for _i, _a, f in checked if f["channel_ref"]}
    if not keys and not refs:
        return set()
    clauses = []
    if keys:
        clauses.append(Ticket.idempotency_key.in_(keys))
    for channel in {c for c, _ref in refs}:
        clauses.append((Ticket.channel == channel) & Ticket.channel_ref.in_([r for c, r in refs if c == channel]))
    with hl.sessions() as s:
        known = s.execute(select(Ticket.idempotency_key, Ticket.channel, Ticket.channel_ref).where(or_(*clauses))).all()
    seen_keys = {k for k, _c, _r in known if k}
    seen_refs = {(c, r) for _k, c, r in known if r}
    retries = set()
    for i, _actor, f in checked:
        ref = (f["channel"].value, f["channel_ref"]) if f["channel_ref"] else None
        if (f["key"] and f["key"] in seen_keys) or (ref is not None and ref in seen_refs):
            retries.add(i)
        if f["key"]:
            seen_keys.add(f["key"])
        if ref is not None:
            seen_refs.add(ref)
    return retries


def _one_of_group(hl, actor: Actor, data: Any, key: str | None) -> tuple[dict, bool] | Exception:
    try:
        return create_ticket(hl, actor=actor, data=data, idempotency_key=key)
    except Exception as exc:  # noqa: BLE001 - answered to its own request (a 4xx, or 503 when the database is away)
        return exc


def _write_group(hl, checked: list[tuple[int, Actor, dict[str, Any]]]) -> dict[int, tuple[dict, bool] | Exception]:
    """``create_ticket_group``'s transaction: the answer of each request by its index."""
    from hotline.services.intake import insert_new_tickets
    answers: dict[int, tuple[dict, bool] | Exception] = {}
    with hl.uow() as uow:
        s = uow.session
        now = hl.now()
        made: list[tuple[int, Actor, Ticket, dict[str, Any]]] = []
        for i, actor, f in checked:
            try:        # numbered below, all at once
                made.append((i, actor, _new_ticket(s, hl, f, now, "-", add=False), f))
            except HotlineError as exc:     # an unknown category: this request's 4xx
                answers[i] = exc
        if not made:
            return answers
        rows = []
        for (_i, actor, ticket, f), (number, new_id) in zip(made, _next_numbers(s, hl, now, len(made))):
            ticket.number, ticket.id = number, new_id
            rows.append((ticket, [audit.entry_row(actor, "create", at=now, to_status=ticket.status,
                                                  data={"channel": f["channel"].value, "channel_ref": f["channel_ref"]})]))
        insert_new_tickets(s, hl, rows)     # a retry or a refused value fails here: nothing is kept
        for _i, _actor, ticket, _f in made:
            _after_intake(uow, ticket)
        views = {i: (ticket_view(ticket, actor), True) for i, actor, ticket, _f in made}
        uow.commit()
    answers.update(views)
    return answers


def _replay(hl, ticket: Ticket, actor: Actor, request_hash: str, key: str | None) -> tuple[dict, bool]:
    check_replay(ticket, key, request_hash, message="该 Idempotency-Key 已用于内容不同的请求", number=ticket.number)
    return ticket_view(ticket, actor), False


# -- reading ----------------------------------------------------------------------------------
def get_ticket(hl, *, actor: Actor, number: str) -> dict:
    with hl.sessions() as s:
        return _detail(hl, s, _load(s, number, actor, eager=True), actor)


def ticket_with_trail(hl, *, actor: Actor, number: str) -> tuple[dict, list[dict]]:
    """``get_ticket`` and ``audit_trail`` from one session (the ticket page): the ticket read once."""
    with hl.sessions() as s:
        ticket = _load(s, number, actor, eager=True)
        return _detail(hl, s, ticket, actor), _trail(s, ticket, actor)


def _detail(hl, s: Session, ticket: Ticket, actor: Actor) -> dict:
    from hotline.services.knowledge import suggest_for_ticket
    from hotline.services.similar import similar_for

    return dict(ticket_view(ticket, actor), similar=similar_for(hl, s, ticket, actor),
                kb_suggestions=suggest_for_ticket(hl, ticket, actor),
                reply_check=reply_quality.latest_view(s, ticket, actor))


def audit_trail(hl, *, actor: Actor, number: str) -> list[dict]:
    with hl.sessions() as s:
        return _trail(s, _load(s, number, actor), actor)


def _trail(s: Session, ticket: Ticket, actor: Actor) -> list[dict]:
    from models import AuditEvent

    rows = s.scalars(select(AuditEvent).where(AuditEvent.ticket_id == ticket.id)
                     .order_by(AuditEvent.at, AuditEvent.id)).all()
    return [audit_event_view(e, actor, ticket) for e in rows]


COUNT_CAP = 10_000
# what ticket_view reads, loaded with the page (not one query per ticket)
LIST_LOADING = (joinedload(Ticket.category), joinedload(Ticket.lead_unit), joinedload(Ticket.district),
                selectinload(Ticket.assists).joinedload(TicketUnit.unit))


def _ticket_query(s: Session, actor: Actor, *, status: str | None = None, unit: str | None = None,
                  q: str | None = None, overdue: bool | None = None, queue: str | None = None,
                  citizen_ref: str | None = None, channel: str | None = None, category: str | None = None,
                  created_from: datetime | None = None, created_to: datetime | None = None):
    """The tickets the actor may see, filtered, and their order: one place for the list and its export.
    Returns (statement, order name, the filters without the actor's scope)."""
    where = []
    citizen_ref = scope.citizen_ref_filter(actor, citizen_ref)
    if citizen_ref:
        where.append(Ticket.citizen_ref == citizen_ref)
    if status:
        where.append(Ticket.status.in_(choices(S, status)))
    if queue and queue not in QUEUES:
        raise InvalidInput(f"queue 只能是 {'、'.join(QUEUES)}", field="queue")
    if queue == "triage":
        where.append(Ticket.status.in_([S.triage.value, S.returned.value]))
    elif queue == "callbacks":      # answered by the unit: the citizen is called back (待回访)
        where.append(Ticket.status.in_([S.answered.value, S.callback.value]))
    elif queue == "overdue":        # open overdue tickets (ix_tickets_overdue_open)
        where += [Ticket.overdue.is_(True), Ticket.status.not_in(TICKET_TERMINAL_CODES)]
    elif queue == "supervised":     # open tickets under 督办 or 通报
        where += [Ticket.supervision_level.in_(["supervised", "notified"]),
                  Ticket.status.not_in(TICKET_TERMINAL_CODES)]
    if unit:
        where.append(Ticket.lead_unit_id == select(Unit.id).where(Unit.code == unit).scalar_subquery())
    if overdue is not None:
        where.append(Ticket.overdue.is_(overdue))
    if channel:
        where.append(Ticket.channel == _enum(Channel, {"channel": channel}, "channel").value)
    if category:
        where.append(Ticket.category_id.in_(_category_subtree(s, category)))
    if created_from is not None:
        where.append(Ticket.created_at >= created_from)
    if created_to is not None:
        where.append(Ticket.created_at < created_to)
    if q and q.strip():
        where.append(scope.search_clause(actor, q))
    order = queue if queue else "unit" if actor.role is Role.unit else "newest"
    return scope.apply(select(Ticket), scope.ticket_clause(actor), *where), order, where


QUEUES = ("triage", "callbacks", "overdue", "supervised")     # the work lists of ``queue=``, each in its own order
# the orders of the ticket lists, each served by an index (see models/tickets.py); the last key is unique
ORDERS: dict[str, tuple[keyset.Key, ...]] = {
    # the triage queue: the earliest dispatch deadline first
    "triage": (keyset.Key(Ticket.dispatch_due, kind="datetime", nullable=True), keyset.Key(Ticket.id)),
    # a unit's lists: overdue first, then by completion deadline
    "unit": (keyset.Key(Ticket.overdue, desc=True, kind="bool"),
             keyset.Key(Ticket.complete_due, kind="datetime", nullable=True), keyset.Key(Ticket.id)),
    # the callbacks (待回访): the earliest callback deadline first (ix_tickets_callbacks)
    "callbacks": (keyset.Key(Ticket.callback_due, kind="datetime", nullable=True), keyset.Key(Ticket.id)),
    # the open tickets under 督办 / 通报: the earliest completion deadline first (ix_tickets_supervised_open)
    "supervised": (keyset.Key(Ticket.complete_due, kind="datetime", nullable=True), keyset.Key(Ticket.id)),
    # everything else: the newest first
    "newest": (keyset.Key(Ticket.created_at, desc=True, kind="datetime"), keyset.Key(Ticket.id, desc=True)),
}
# the open overdue tickets: the newest first too (ix_tickets_overdue_open, read backwards)
ORDERS["overdue"] = ORDERS["newest"]


def list_tickets(hl, *, actor: Actor, limit: int = 50, offset: int = 0, cursor: str | None = None,
                 count: bool = True, **filters: Any) -> dict:
    """Tickets the actor may see, filtered; ``category`` matches a category and its descendants.
    ``count=False``: no ``total`` (None) for a list shown without one — a query fewer.

    Pages by keyset: ``next`` / ``previous`` are cursors for the pages after and before this one (``None``
    at either end); ``cursor`` reads that page. ``offset`` (the older way) still works without a cursor."""
    limit = max(1, min(int(limit), 200))
    offset = max(0, int(offset))
    with hl.sessions() as s:
        stmt, order, where = _ticket_query(s, actor, **filters)
        keys = ORDERS[order]
        backwards, beyond = False, []
        if cursor:
            values, backwards = keyset.decode(cursor, order, keys)
            beyond, offset = [keyset.beyond(keys, values, backwards)], 0
        ordering = keyset.order_by(keys, backwards)
        reach = scope.unit_reach(actor)
        total: int | None = None
        if reach is None:
            # counting stops at COUNT_CAP: a page never scans all of a big result to say how big it is
            if count:
                total = s.scalar(select(func.count()).select_from(stmt.limit(COUNT_CAP + 1).subquery()))
            page = stmt.where(*beyond)
        else:   # a unit: led and assisted tickets each read in the page's order from their own index
            if count:
                total = s.scalar(select(func.count()).select_from(union(
                    *[select(b.where(*where).limit(COUNT_CAP + 1).subquery().c[0]) for b in reach]).subquery()))
            ids = union(*[select(b.where(*where, *beyond).order_by(*ordering).limit(limit + 1 + offset)
                                 .subquery().c[0]) for b in reach])
            page = select(Ticket).where(Ticket.id.in_(select(ids.subquery().c[0])))
        rows = list(s.scalars(page.order_by(*ordering).limit(limit + 1).offset(offset)
                              .options(*LIST_LOADING)).unique().all())
        more = len(rows) > limit
        rows = rows[:limit]
        if backwards:
            rows.reverse()
        after = more if not backwards else bool(rows)
        before = (bool(cursor) or offset > 0) if not backwards else more
        return {"total": None if total is None else min(total, COUNT_CAP),
                "total_exact": total is not None and total <= COUNT_CAP, "limit": limit, "offset": offset,
                "next": keyset.encode(order, keys, rows[-1]) if after and rows else None,
                "previous": keyset.encode(order, keys, rows[0], backwards=True) if before and rows else None,
                "items": [ticket_view(t, actor, detail=False) for t in rows]}


def iter_tickets(hl, *, actor: Actor, batch: int = 500, **filters: Any) -> Iterator[dict]:
    """Every ticket of the list with the same filters, in the same order, streamed in batches from one
    snapshot (a server-side cursor on PostgreSQL): what an export of any size reads."""
    with hl.sessions() as s:
        stmt, order, _where = _ticket_query(s, actor, **filters)
        # yield_per: rows come in batches and, unreferenced once viewed, leave the (weak) identity map
        eager = (joinedload(Ticket.category), joinedload(Ticket.district), joinedload(Ticket.lead_unit),
                 joinedload(Ticket.merged_into), selectinload(Ticket.assists).joinedload(TicketUnit.unit))
        for t in s.scalars(stmt.options(*eager).order_by(*keyset.order_by(ORDERS[order]))
                           .execution_options(yield_per=batch)):
            yield ticket_view(t, actor, detail=False)


def _category_subtree(s: Session, code: str) -> list[int]:
    root = _category(s, code)
    parents = dict(s.execute(select(Category.id, Category.parent_id)).all())
    ids = {root.id}
    changed = True
    while changed:
        changed = False
        for cid, parent in parents.items():
            if parent in ids and cid not in ids:
                ids.add(cid)
                changed = True
    return sorted(ids)


# -- the lifecycle ----------------------------------------------------------------------------
def _resolve_units(s: Session, codes: Iterable[str] | None) -> list[Unit]:
    if codes is None:
        return []
    if isinstance(codes, str) or not all(isinstance(c, str) for c in codes):
        raise InvalidInput("assisting_units 必须是单位编码列表", field="assisting_units")
    return [active_unit(s, c, "assisting_units") for c in codes]


def dispatch_ticket(hl, *, actor: Actor, number: str, unit: str, assisting_units: Iterable[str] = (),
                    note: str | None = None) -> dict:
    with hl.uow() as uow:
        s = uow.session
        ticket = _load(s, number, actor)
        lead = active_unit(s, unit)
        helpers = _resolve_units(s, assisting_units)
        _move(s, hl, ticket, actor, Event.dispatch, reason=note,
              data={"unit": lead.code, "assisting_units": [u.code for u in helpers]})
        apply_dispatch(s, hl, ticket, lead, helpers, hl.now())
        uow.after_commit("notify_citizen", ticket.id, "dispatched")
        view = _view(hl, s, ticket, actor)
        uow.commit()
        return view


def sign_ticket(hl, *, actor: Actor, number: str) -> dict:
    with hl.uow() as uow:
        s = uow.session
        ticket = _load(s, number, actor, act=True)
        now = hl.now()
        _move(s, hl, ticket, actor, Event.sign)
        ticket.signed_at = now
        ticket.signed_on_time = ticket.sign_due is None or now <= ticket.sign_due
        view = _view(hl, s, ticket, actor)
        uow.commit()
        return view


def start_ticket(hl, *, actor: Actor, number: str) -> dict:
    return _simple(hl, actor, number, Event.start)


def _simple(hl, actor: Actor, number: str, event: Event, reason: str | None = None) -> dict:
    with hl.uow() as uow:
        s = uow.session
        ticket = _load(s, number, actor, act=True)
        _move(s, hl, ticket, actor, event, reason=reason)
        view = _view(hl, s, ticket, actor)
        uow.commit()
        return view


def answer_ticket(hl, *, actor: Actor, number: str, answer: str) -> dict:
    text = _text({"answer": answer}, "answer", required=True, max_len=MAX_CONTENT)
    if len(text) < 5:
        raise InvalidInput("答复内容过短，请写明办理结果", field="answer")
    with hl.uow() as uow:
        s = uow.session
        ticket = _load(s, number, actor, act=True)
        now = hl.now()
        _move(s, hl, ticket, actor, Event.answer, data={"answer": text})
        ticket.answered_at = now
        ticket.answer_text = text
        ticket.answered_on_time = ticket.complete_due is None or now <= ticket.complete_due
        ticket.callback_due = deadlines.callback_due(hl.rules, hl.calendar, now)
        reply_quality.check(s, hl, ticket)  # 工单质检 before the answer reaches the citizen
        uow.after_commit("notify_citizen", ticket.id, "answered")
        view = _view(hl, s, ticket, actor)
        uow.commit()
        return view


def return_ticket(hl, *, actor: Actor, number: str, reason: str, suggested_unit: str | None = None) -> dict:
    """退单: within the return window, with a written reason."""
    reason = _text({"reason": reason}, "reason", required=True, max_len=2000)
    if len(reason) < 4:
        raise InvalidInput("退单必须写明理由", field="reason")
    with hl.uow() as uow:
        s = uow.session
        ticket = _load(s, number, actor, act=True)
        now = hl.now()
        if ticket.binding_dispatch:
            raise Conflict("该工单已由督办人员裁定派单，裁定结果具有约束力，不能再次退单")
        if ticket.status in {st.value for st in AT_UNIT} and ticket.return_due and now > ticket.return_due:
            raise Conflict(f"已超过退单时限（{format_local(hl, ticket.return_due)}），请继续办理或申请协调")
        if suggested_unit:
            active_unit(s, suggested_unit, "suggested_unit")
        unit_id = ticket.lead_unit_id
        _, after = _move(s, hl, ticket, actor, Event.return_, reason=reason,
                         data={"unit": ticket.lead_unit.code if ticket.lead_unit else None,
                               "suggested_unit": suggested_unit, "return_no": ticket.return_count + 1})
        ticket.return_count += 1
        s.add(TicketReturn(ticket_id=ticket.id, unit_id=unit_id, reason=reason,
                           suggested_unit=suggested_unit, created_at=now))
        if after == S.arbitration.value:
            notice(s, unit_id=None, ticket=ticket, kind="arbitration", at=now,
                   message=f"工单 {ticket.number} 已被第 {ticket.return_count} 次退单，请督办人员裁定承办单位",
                   dedupe_key=f"arbitration:{ticket.id}:{ticket.return_count}")
        view = _view(hl, s, ticket, actor)
        uow.commit()
        return view


def returned_units(s: Session, ticket: Ticket) -> list[str]:
    rows = s.execute(select(Unit.code).join(TicketReturn, TicketReturn.unit_id == Unit.id)
                     .where(TicketReturn.ticket_id == ticket.id)).scalars().all()
    return sorted(set(rows))


def _pending_return(s: Session, ticket: Ticket) -> TicketReturn | None:
    return s.scalar(select(TicketReturn).where(TicketReturn.ticket_id == ticket.id,
                                               TicketReturn.status == "pending")
                    .order_by(TicketReturn.id.desc()))


def decide_return(hl, *, actor: Actor, number: str, accept: bool, note: str | None = None,
                  unit: str | None = None, assisting_units: Iterable[str] = ()) -> dict:
    """The centre reviews a return (派单异议审核): accept → re-dispatch elsewhere; reject → back."""
    if not isinstance(accept, bool):
        raise InvalidInput("accept 必须是 true 或 false", field="accept")
    if not accept and not (note or "").strip():
        raise InvalidInput("驳回退单必须写明理由", field="note")
    with hl.uow() as uow:
        s = uow.session
        ticket = _load(s, number, actor)
        now = hl.now()
        pending = _pending_return(s, ticket)
        event = Event.accept_return if accept else Event.reject_return
        routed = ticket.routing or {}
        returned = pending.unit.code if pending is not None else None
        # an accepted return of what the router chose teaches it: counted per catalogue duty and unit
        learn = {"unit": returned, "duty": routed.get("duty")} if accept and returned and routed.get("unit") == returned else None
        _move(s, hl, ticket, actor, event, reason=note, data=learn)
        if pending is not None:
            pending.status = "accepted" if accept else "rejected"
            pending.decided_by, pending.decided_at, pending.decision_note = actor.name, now, note
        if not accept:
            apply_dispatch(s, hl, ticket, ticket.lead_unit, [a.unit for a in ticket.assists], now)
        else:
            excluded = returned_units(s, ticket)
            ticket.lead_unit_id = None
            if unit:
                if unit in excluded:
                    raise InvalidInput(f"单位 {unit} 已退回该工单，请选择其他单位", field="unit")
                _redispatch(s, hl, ticket, actor, active_unit(s, unit), _resolve_units(s, assisting_units),
                            reason="退单后改派")
            else:
                _reroute(s, hl, ticket, excluded)
        view = _view(hl, s, ticket, actor)
        uow.commit()
        return view


def _redispatch(s: Session, hl, ticket: Ticket, actor: Actor, unit: Unit, helpers: list[Unit], *,
                reason: str, role_check: bool = True) -> None:
    _move(s, hl, ticket, actor, Event.dispatch, reason=reason, role_check=role_check,
          data={"unit": unit.code, "assisting_units": [u.code for u in helpers]})
    apply_dispatch(s, hl, ticket, unit, helpers, hl.now())


def _reroute(s: Session, hl, ticket: Ticket, excluded: list[str]) -> None:
    """Ask the router again without the units that returned the ticket; dispatch if it is sure."""
    from hotline.services.actors import SYSTEM
    from hotline.services.intake import route_ticket

    decision = route_ticket(s, hl, ticket, exclude=excluded)
    if decision.unit and decision.confidence >= hl.auto_dispatch_confidence and decision.unit not in excluded:
        unit = s.scalar(select(Unit).where(Unit.code == decision.unit))
        helpers = [u for u in (s.scalar(select(Unit).where(Unit.code == c)) for c in decision.assisting_units)
                   if u is not None and u.code not in excluded]
        if unit is not None:
            _redispatch(s, hl, ticket, SYSTEM, unit, helpers, reason=f"退单后自动改派：{decision.explanation}",
                        role_check=False)
            return
    ticket.triage_reason = "退单后需人工改派"


def arbitrate(hl, *, actor: Actor, number: str, unit: str, assisting_units: Iterable[str] = (),
              note: str | None = None) -> dict:
    """Supervisors decide a repeatedly returned ticket; the decision is binding."""
    if not (note or "").strip():
        raise InvalidInput("裁定必须写明理由", field="note")
    with hl.uow() as uow:
        s = uow.session
        ticket = _load(s, number, actor)
        lead = active_unit(s, unit)
        helpers = _resolve_units(s, assisting_units)
        now = hl.now()
        _move(s, hl, ticket, actor, Event.arbitrate, reason=note,
              data={"unit": lead.code, "assisting_units": [u.code for u in helpers], "binding": True})
        for ret in s.scalars(select(TicketReturn).where(TicketReturn.ticket_id == ticket.id,
                                                         TicketReturn.status == "pending")):
            ret.status, ret.decided_by, ret.decided_at, ret.decision_note = "arbitrated", actor.name, now, note
        ticket.binding_dispatch = True
        apply_dispatch(s, hl, ticket, lead, helpers, now)
        view = _view(hl, s, ticket, actor)
        uow.commit()
        return view


def request_extension(hl, *, actor: Actor, number: str, workdays: int, reason: str) -> dict:
    reason = _text({"reason": reason}, "reason", required=True, max_len=2000)
    if not isinstance(workdays, int) or isinstance(workdays, bool) or not 1 <= workdays <= hl.rules.extension_max_workdays:
        raise InvalidInput(f"延期天数须为 1 至 {hl.rules.extension_max_workdays} 个工作日", field="workdays")
    with hl.uow() as uow:
        s = uow.session
        ticket = _load(s, number, actor, act=True)
        now = hl.now()
        if ticket.complete_due and now > ticket.complete_due:
            raise Conflict("延期须在办结时限届满前申请，该工单已超期")
        earlier = s.scalars(select(TicketExtension).where(TicketExtension.ticket_id == ticket.id,
                                                          TicketExtension.unit_id == actor.unit_id,
                                                          TicketExtension.status != "refused")).all()
        if any(e.status == "pending" for e in earlier):
            raise Conflict("已有待审批的延期申请")
        if len(earlier) >= hl.rules.extension_max_requests:
            raise Conflict(f"延期申请次数已达上限（{hl.rules.extension_max_requests} 次）")
        _move(s, hl, ticket, actor, Event.request_extension, reason=reason, data={"workdays": workdays})
        s.add(TicketExtension(ticket_id=ticket.id, unit_id=actor.unit_id, workdays=workdays, reason=reason,
                              requested_at=now, old_due=ticket.complete_due))
        notice(s, unit_id=None, ticket=ticket, kind="extension", at=now,
               message=f"工单 {ticket.number} 申请延期 {workdays} 个工作日，请审批",
               dedupe_key=f"extension:{ticket.id}:{now.isoformat()}")
        view = _view(hl, s, ticket, actor)
        uow.commit()
        return view


def decide_extension(hl, *, actor: Actor, number: str, approve: bool, note: str | None = None) -> dict:
    if not isinstance(approve, bool):
        raise InvalidInput("approve 必须是 true 或 false", field="approve")
    with hl.uow() as uow:
        s = uow.session
        ticket = _load(s, number, actor)
        ext = s.scalar(select(TicketExtension).where(TicketExtension.ticket_id == ticket.id,
                                                     TicketExtension.status == "pending"))
        if ext is None:
            raise Conflict("该工单没有待审批的延期申请")
        now = hl.now()
        _move(s, hl, ticket, actor, Event.decide_extension, reason=note,
              data={"approve": approve, "workdays": ext.workdays})
        ext.status = "approved" if approve else "refused"
        ext.decided_by, ext.decided_at, ext.decision_note = actor.name, now, note
        if approve:
            ticket.extension_workdays += ext.workdays
            ticket.complete_due = hl.calendar.add_workdays(ticket.complete_due or now, ext.workdays)
            ext.new_due = ticket.complete_due
            ticket.warned_at = None
            uow.after_commit("notify_citizen", ticket.id, "extended")
        notice(s, unit_id=ext.unit_id, ticket=ticket, kind="extension_decided", at=now,
               message=f"工单 {ticket.number} 延期申请{'已批准' if approve else '未批准'}"
                       + (f"，新办结时限 {format_local(hl, ticket.complete_due)}" if approve else ""),
               dedupe_key=f"extension-decided:{ext.id}")
        view = _view(hl, s, ticket, actor)
        uow.commit()
        return view


def start_callback(hl, *, actor: Actor, number: str) -> dict:
    return _simple(hl, actor, number, Event.start_callback)


def record_callback(hl, *, actor: Actor, number: str, solved: bool, satisfaction: str | None = None,
                    note: str | None = None) -> dict:
    """回访: solved → 办结 with the citizen's satisfaction; not solved → 重办 at the same unit."""
    if not isinstance(solved, bool):
        raise InvalidInput("solved 必须是 true 或 false", field="solved")
    sat = _enum(Satisfaction, {"satisfaction": satisfaction}, "satisfaction")
    with hl.uow() as uow:
        s = uow.session
        ticket = _load(s, number, actor)
        now = hl.now()
        data = {"solved": solved, "satisfaction": sat.value if sat else None}
        ticket.callback_at = now
        ticket.satisfaction = sat.value if sat else None
        if solved:
            _move(s, hl, ticket, actor, Event.close, reason=note, data=data)
            ticket.solved = True
            ticket.closed_at = now
            close_merged(s, ticket, now)  # 并单: the merged tickets close with it, then the citizens hear it
            uow.after_commit("notify_citizen", ticket.id, "closed")
        else:
            _move(s, hl, ticket, actor, Event.reopen, reason=note, data=data)
            ticket.solved = False
            ticket.reopen_count += 1
            apply_dispatch(s, hl, ticket, ticket.lead_unit, [a.unit for a in ticket.assists], now)
        view = _view(hl, s, ticket, actor)
        uow.commit()
        return view


def _mark_answered(uow, ticket: Ticket, answer: str, now: datetime) -> None:
    _answered(ticket, answer, now)
    close_merged(uow.session, ticket, now)  # 并单: the merged tickets close with it
    uow.after_commit("notify_citizen", ticket.id, "closed")


def _answered(ticket: Ticket, answer: str, now: datetime) -> None:
    """What an answer on closing writes on the ticket (the clock stops)."""
    ticket.answer_text = answer
    ticket.answered_at = ticket.closed_at = now
    ticket.answered_on_time = True


def _close_answered(uow, hl, ticket: Ticket, actor: Actor, answer: str, now: datetime) -> dict:
    """Closed at once with an answer to the citizen (咨询, 转办, 告知法定途径): the clock stops."""
    _mark_answered(uow, ticket, answer, now)
    view = _view(hl, uow.session, ticket, actor)
    uow.commit()
    return view


def close_consultation(hl, *, actor: Actor, number: str, answer: str) -> dict:
    """A consultation answered at once (on the call, from the knowledge base) is closed directly."""
    text = _text({"answer": answer}, "answer", required=True, max_len=MAX_CONTENT)
    with hl.uow() as uow:
        s = uow.session
        ticket = _load(s, number, actor)
        if ticket.appeal_type != "consult":
            raise Conflict("只有咨询类工单可以直接办结")
        now = hl.now()
        _move(s, hl, ticket, actor, Event.close_consultation, data={"answer": text})
        ticket.solved = True
        return _close_answered(uow, hl, ticket, actor, text, now)


TRANSFER_NUMBERS = {"110": "公安110", "119": "消防119", "120": "急救120", "122": "交警122"}


def transfer_ticket(hl, *, actor: Actor, number: str, to: str | None = None, note: str | None = None) -> dict:
    """转办: an emergency goes to 110/119/120/122 in one action; recorded with the time, the ticket
    is closed at once (its clock stops). ``to`` defaults to the numbers triage suggested."""
    with hl.uow() as uow:
        s = uow.session
        ticket = _load(s, number, actor)
        suggested = list((ticket.routing or {}).get("transfer") or [])
        targets = [x for x in str(to).replace("/", "|").replace(",", "|").split("|") if x] if to else suggested
        if not targets:
            raise InvalidInput("请选择转办的紧急号码（110、119、120 或 122）", field="to")
        bad = [x for x in targets if x not in TRANSFER_NUMBERS]
        if bad:
            raise InvalidInput(f"转办号码无效：{'、'.join(bad)}（可选 110、119、120、122）", field="to")
        now = hl.now()
        names = "、".join(TRANSFER_NUMBERS[x] for x in targets)
        _move(s, hl, ticket, actor, Event.transfer, reason=f"紧急警情转办{names}",
              data={"to": targets, "at": now.isoformat(), "note": note or None})
        return _close_answered(uow, hl, ticket, actor, f"已于{format_local(hl, now)}转{names}处置。" + (note or ""), now)


def redirect_ticket(hl, *, actor: Actor, number: str, kind: str | None = None, note: str | None = None) -> dict:
    """Out of scope (诉讼、仲裁、纪检监察、行政复议、信访、保密): closed with the legal route as the answer."""
    from routing.triage import REDIRECTS
    with hl.uow() as uow:
        s = uow.session
        ticket = _load(s, number, actor)
        kind = kind or (ticket.routing or {}).get("redirect")
        if not kind:
            raise InvalidInput("请选择不予受理的类别（诉讼、仲裁、纪检监察、行政复议、信访、保密）", field="kind")
        if kind not in REDIRECTS:
            raise InvalidInput(f"类别无效：{kind}（可选 {'、'.join(REDIRECTS)}）", field="kind")
        now = hl.now()
        answer = REDIRECTS[kind].route + (f"\n{note}" if note else "")
        _move(s, hl, ticket, actor, Event.redirect, reason=f"不属于热线受理范围（{kind}）", data={"kind": kind})
        return _close_answered(uow, hl, ticket, actor, answer, now)


def merge_ticket(hl, *, actor: Actor, number: str, into: str, note: str | None = None) -> dict:
    """并单: a repeated appeal about the same matter joins the ticket that handles it."""
    if str(into) == str(number):
        raise InvalidInput("不能与自身并单", field="into")
    with hl.uow() as uow:
        s = uow.session
        ticket = _load(s, number, actor)
        target = s.scalar(select(Ticket).where(Ticket.number == str(into)))
        if target is None:
            raise InvalidInput(f"目标工单不存在：{into}", field="into")
        if target.status == S.merged.value:
            raise Conflict(f"目标工单 {into} 已并入其他工单，请并入 {target.merged_into.number}")
        _move(s, hl, ticket, actor, Event.merge, reason=note, data={"into": target.number})
        ticket.merged_into_id = target.id
        audit.record(s, actor, "merge_in", at=hl.now(), ticket_id=target.id,
                     data={"merged": ticket.number}, reason=note)
        uow.after_commit("notify_citizen", ticket.id, "merged")
        view = _view(hl, s, ticket, actor)
        uow.commit()
        return view


def supervise_ticket(hl, *, actor: Actor, number: str, note: str) -> dict:
    """督办 issued by a supervisor: the lead unit is told, the ticket is marked."""
    note = _text({"note": note}, "note", required=True, max_len=2000)
    with hl.uow() as uow:
        s = uow.session
        ticket = _load(s, number, actor)
        now = hl.now()
        _move(s, hl, ticket, actor, Event.supervise, reason=note)
        if ticket.supervision_level != "notified":
            ticket.supervision_level = "supervised"
        notice(s, unit_id=ticket.lead_unit_id, ticket=ticket, kind="supervise", at=now,
               message=f"督办：工单 {ticket.number}。{note}", dedupe_key=f"supervise:{ticket.id}:{now.isoformat()}")
        view = _view(hl, s, ticket, actor)
        uow.commit()
        return view


def correct_ticket(hl, *, actor: Actor, number: str, category: str | None = None,
                   appeal_type: str | None = None, urgency: str | None = None) -> dict:
    """An operator corrects the classifier; each correction is kept as a training example."""
    actor.require(*CENTRE_ROLES)
    data = {"appeal_type": appeal_type, "urgency": urgency}
    new_type = _enum(AppealType, data, "appeal_type")
    new_urgency = _enum(Urgency, data, "urgency")
    with hl.uow() as uow:
        s = uow.session
        ticket = _load(s, number, actor)
        if ticket.status in TICKET_TERMINAL_CODES:
            raise Conflict("已办结或已并单的工单不能更正")
        now = hl.now()
        changes: dict[str, Any] = {}
        cat = _category(s, category)
        if cat is not None and cat.id != ticket.category_id:
            changes["category"] = [ticket.category.code if ticket.category else None, cat.code]
            s.add(TrainingExample(kind="category", text=ticket.content, label=cat.name,
                                  previous=ticket.category.name if ticket.category else None,
                                  ticket_id=ticket.id, created_by=actor.name, created_at=now,
                                  model_version=ticket.model_version))
            ticket.category = cat
        if new_type is not None and new_type.value != ticket.appeal_type:
            changes["appeal_type"] = [ticket.appeal_type, new_type.value]
            s.add(TrainingExample(kind="appeal_type", text=ticket.content, label=new_type.value,
                                  previous=ticket.appeal_type, ticket_id=ticket.id, created_by=actor.name,
                                  created_at=now, model_version=ticket.model_version))
            ticket.appeal_type = new_type.value
            if ticket.dispatched_at:
                ticket.complete_due = deadlines.completion_due(hl.rules, hl.calendar, ticket.appeal_type,
                                                               ticket.dispatched_at, ticket.extension_workdays)
        if new_urgency is not None and new_urgency.value != ticket.urgency:
            changes["urgency"] = [ticket.urgency, new_urgency.value]
            ticket.urgency = new_urgency.value
            ticket.dispatch_due = deadlines.dispatch_due(hl.rules, ticket.urgency, ticket.created_at)
        if not changes:
            raise InvalidInput("没有需要更正的内容")
        audit.record(s, actor, "correct", at=now, ticket_id=ticket.id, data=changes)
        view = _view(hl, s, ticket, actor)
        uow.commit()
        return view


def unit_notices(hl, *, actor: Actor, unread_only: bool = False, limit: int = 50) -> list[dict]:
    actor.require(Role.unit, *CENTRE_ROLES)
    with hl.sessions() as s:
        unit_id = scope.unit_only(actor)
        stmt = select(Notice).where(Notice.unit_id == unit_id if unit_id is not None else Notice.unit_id.is_(None))
        if unread_only:
            stmt = stmt.where(Notice.read_at.is_(None))
        rows = s.scalars(stmt.order_by(Notice.created_at.desc(), Notice.id.desc()).limit(limit)).all()
        numbers = dict(s.execute(select(Ticket.id, Ticket.number).where(
            Ticket.id.in_([r.ticket_id for r in rows if r.ticket_id]))).all())
        return [{"id": r.id, "kind": r.kind, "message": r.message, "ticket": numbers.get(r.ticket_id),
                 "created_at": r.created_at.isoformat(), "read": r.read_at is not None} for r in rows]
