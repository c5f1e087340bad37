"""Who reaches what: the one place that decides which records an actor may read or act on.

Every read path (the REST API, the consoles and their exports, Open311, the bot, the mini-program,
the 好差评 services and the figures) asks this module instead of checking roles itself:

- the **centre** (operator, supervisor, admin) reaches everything;
- a **unit** reaches the tickets it leads (acts on them) or assists on (reads them), and the reviews,
  rectification cases, appeals, notices and figures of its own unit;
- a **citizen** on a channel (mini-program, bot) reaches only what carries their own ``citizen_ref``;
- a **channel client** (an API token with the channel role, the call-centre importer, an Open311 key,
  a window tablet) reaches only the tickets it created itself; its ``citizen_ref`` filter narrows
  within those, never beyond;
- searching tickets by a phone, ID, plate or bank-card number is a centre right.

What each of them then sees of a record is decided by ``hotline.presenters`` for the actor's
``audience``.
"""
from __future__ import annotations

import enum
import re

from sqlalchemy import and_, false, literal, or_, select, union
from sqlalchemy.orm import Session

from hotline.domain.privacy import contains_personal_number
from hotline.domain.vocab import Role
from hotline.errors import Forbidden
from hotline.services.actors import Actor

CENTRE = frozenset({Role.operator, Role.supervisor, Role.admin})
# YYYYMMDD and a per-day sequence of at least 4 digits (a bank-card or ID number is not one)
TICKET_NUMBER = re.compile(r"^20\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{4,12}$")


class Audience(str, enum.Enum):
    centre = "centre"        # the hotline centre: everything, unmasked
    unit = "unit"            # a handling unit: masked text, no channel references, hidden citizens hidden
    channel = "channel"      # a citizen or a channel client: its own records, no internal routing
    public = "public"        # anyone (Open311 reads): masked, no contact at all


def audience(actor: Actor | None) -> Audience:
    if actor is None:
        return Audience.public
    if actor.role in CENTRE:
        return Audience.centre
    if actor.role is Role.unit:
        return Audience.unit
    return Audience.channel


def is_centre(actor: Actor | None) -> bool:
    return actor is not None and actor.role in CENTRE


def is_citizen(actor: Actor) -> bool:
    return actor.role is Role.channel and actor.kind == "citizen"


def _created_by(actor: Actor):
    """Ticket ids whose ``create`` audit event was written by this actor."""
    from models import AuditEvent

    return (select(AuditEvent.ticket_id)
            .where(AuditEvent.action == "create", AuditEvent.actor_id == actor.id,
                   AuditEvent.ticket_id.is_not(None)))


# -- tickets ---------------------------------------------------------------------------------------
def ticket_clause(actor: Actor):
    """A WHERE clause limiting a ticket query to what ``actor`` reaches; ``None`` for the centre."""
    from models import Ticket, TicketUnit

    if actor.role in CENTRE:
        return None
    if actor.role is Role.unit:
        if actor.unit_id is None:
            return false()
        # led or assisted: a union of two index look-ups (an OR over both would scan)
        mine = union(select(Ticket.id).where(Ticket.lead_unit_id == actor.unit_id),
                     select(TicketUnit.ticket_id).where(TicketUnit.unit_id == actor.unit_id))
        return Ticket.id.in_(select(mine.subquery().c[0]))
    if not actor.id:
        return false()
    if is_citizen(actor):
        return Ticket.citizen_ref == actor.id
    return Ticket.id.in_(_created_by(actor))


def unit_reach(actor: Actor) -> list | None:
    """A unit's tickets as the two index look-ups they are (led, assisted): ``select(Ticket.id)``s that
    a list page filters, orders and limits each on its own before merging the two (a page of a big
    unit then reads two short index ranges instead of every ticket the unit ever had).
    ``None`` for anyone who is not a unit (``ticket_clause`` decides for them)."""
    from models import Ticket, TicketUnit

    if actor.role is not Role.unit or actor.unit_id is None:
        return None
    return [select(Ticket.id).where(Ticket.lead_unit_id == actor.unit_id),
            select(Ticket.id).join(TicketUnit, TicketUnit.ticket_id == Ticket.id)
            .where(TicketUnit.unit_id == actor.unit_id)]


def check_ticket(s: Session, actor: Actor, ticket, *, act: bool = False) -> None:
    """Raise ``Forbidden`` unless ``actor`` may read ``ticket`` (``act``: may act on it as a unit)."""
    if actor.role in CENTRE:
        return
    if actor.role is Role.unit:
        if ticket.lead_unit_id is not None and ticket.lead_unit_id == actor.unit_id:
            return
        if not act and actor.unit_id is not None and any(a.unit_id == actor.unit_id for a in ticket.assists):
            return
        raise Forbidden("无权查看或办理其他单位的工单")
    if is_citizen(actor):
        if actor.id and ticket.citizen_ref == actor.id:
            return
        raise Forbidden("只能查看本人提交的诉求")
    from models import AuditEvent

    if actor.id and s.scalar(_created_by(actor).where(AuditEvent.ticket_id == ticket.id).limit(1)) is not None:
        return
    raise Forbidden("渠道账号只能查看本渠道受理的诉求")


def citizen_ref_filter(actor: Actor, citizen_ref: str | None) -> str | None:
    """The ``citizen_ref`` a ticket list may filter on: a citizen's own; anyone else's only within reach."""
    if is_citizen(actor):
        if citizen_ref and citizen_ref != actor.id:
            raise Forbidden("只能查看本人提交的诉求")
        return actor.id
    if citizen_ref and actor.role is Role.unit:
        raise Forbidden("承办单位不能按市民标识查询")
    return citizen_ref


def search_clause(actor: Actor, q: str):
    """Free-text search: a personal number (phone, ID, plate, card) is searched by the centre only."""
    from models import Ticket

    q = q.strip()
    if not is_centre(actor) and (contains_personal_number(q)
                                 or (re.search(r"\d{6,}", q) and not TICKET_NUMBER.match(q))):
        raise Forbidden("按电话号码、身份证号、车牌号或银行卡号查询仅限热线中心")
    if TICKET_NUMBER.match(q):  # a ticket number read out on the phone: the unique index answers
        return Ticket.number == q
    # literal % and _ in the query; PostgreSQL answers the LIKEs from trigram indexes (3+ characters)
    like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    fields = [Ticket.content.like(like, escape="\\"), Ticket.title.like(like, escape="\\")]
    if is_centre(actor):  # and the caller's own number (an index look-up): the centre's right
        digits = re.sub(r"[\s-]", "", q)
        return or_(*fields, Ticket.contact_phone == digits) if re.fullmatch(r"\+?\d{7,15}", digits) else or_(*fields)
    # nobody else finds a ticket by its caller's name (the text they read shows it masked)
    no_name = or_(Ticket.contact_name.is_(None), Ticket.contact_name == "",
                  and_(~Ticket.contact_name.contains(q, autoescape=True), ~literal(q).contains(Ticket.contact_name)))
    return and_(or_(*fields), no_name)


# -- records owned by a unit (reviews, rectification cases, appeals, notices, figures) ----------------
def unit_only(actor: Actor) -> int | None:
    """The unit id a unit actor is limited to; ``None`` when the actor is not limited to one unit."""
    if actor.role is Role.unit:
        if actor.unit_id is None:
            raise Forbidden("承办单位账号未绑定单位")
        return actor.unit_id
    return None


def unit_clause(actor: Actor, column):
    """A WHERE clause on a ``unit_id`` column for a unit actor; ``None`` for anyone else."""
    unit_id = unit_only(actor)
    return None if unit_id is None else column == unit_id


def check_unit(actor: Actor, unit_id: int | None, message: str) -> None:
    """Raise ``Forbidden(message)`` when a unit actor reaches a record of another unit."""
    own = unit_only(actor)
    if own is not None and unit_id != own:
        raise Forbidden(message)


def unit_code_only(actor: Actor, requested: str | None) -> str | None:
    """The unit code a figures or report query may cover: a unit always its own."""
    if actor.role is Role.unit:
        return actor.unit_code
    return requested


def apply(stmt, *clauses):
    """``stmt.where`` with the clauses that are not ``None``."""
    live = [c for c in clauses if c is not None]
    return stmt.where(and_(*live)) if live else stmt


# -- raters (rules.md §1: the rater's identity is never disclosed to a third party) ----------------
def may_see_rater_contact(actor: Actor, review) -> bool:
    """Only the person doing the 回访核实 of a real-name 差评 sees the rater's name and phone: a centre
    member who claimed the open case — never the rated unit or staff member — or the rater themself."""
    from rectification import domain

    if is_citizen(actor):
        return bool(actor.id) and review.citizen_ref == actor.id
    case = review.case
    return bool(actor.role in CENTRE and review.real_name and case is not None
                and case.status in {st.value for st in domain.OPEN}
                and case.handler_id and case.handler_id == actor.id)
