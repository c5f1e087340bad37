"""Repeat appeals (并单): earlier open tickets about the same matter, found at intake and on reading.

At intake (``link_at_intake``) a ticket's place keys go into ``matter_keys``; its candidates are the
earlier open tickets sharing a key within the configured window — an index range scan on
(key, created_at) — and ``insight.matter.compare`` decides which are the same matter and says why.
A confident repeat from the same citizen (same citizen reference or phone) is merged at once; the
others are shown to the operator (``similar`` on the ticket) who merges in one click. When a master
ticket closes, every ticket merged into it is closed with it (``close_merged``), so its citizen —
told by the notification service's ``merged_closed`` message — can rate it.
"""
from __future__ import annotations

import logging
import math
from datetime import timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from hotline.domain.lifecycle import OPEN, Event
from hotline.domain.vocab import Role, TicketStatus as S
from hotline.services import audit
from hotline.services.actors import SYSTEM, Actor
from insight.matter import Matter, compare, episode_window, load_lexicon, load_settings, matter_of
from models import MatterKey, Ticket

log = logging.getLogger(__name__)

OPEN_STATUSES = sorted(s.value for s in OPEN)
SHOW = 10


def ticket_matter(ticket) -> Matter:
    """The matter of a ticket: the router's place when intake found one, else the text's own places.
    ``ticket`` is a Ticket or a row with its id, content, place and routing."""
    place = (ticket.routing or {}).get("place")
    if ticket.id is None:
        return _matter(ticket.content, ticket.place, place)
    return _cached_matter(ticket.id, ticket.content, ticket.place, _freeze(place))


def _freeze(value):
    import json

    return json.dumps(value, sort_keys=True, ensure_ascii=False) if value else None


@lru_cache(maxsize=50_000)
def _cached_matter(ticket_id: int, content: str, given: str | None, place: str | None) -> Matter:
    """Busy places are looked up again and again: a candidate's matter is read once per process."""
    import json

    return _matter(content, given, json.loads(place) if place else None)


def _matter(content: str, given: str | None, place: dict | None) -> Matter:
    if place:
        return matter_of(content, place, given_place=given)
    from insight.places import matter_for_text

    return matter_for_text(content, given)


def index_ticket(s: Session, ticket: Ticket, matter: Matter | None = None) -> Matter:
    """(Re)write the ticket's place keys; safe to run twice."""
    matter = matter or ticket_matter(ticket)
    s.execute(delete(MatterKey).where(MatterKey.ticket_id == ticket.id))
    for key in dict.fromkeys(k[:120] for k in matter.keys()):
        s.add(MatterKey(ticket_id=ticket.id, key=key, created_at=ticket.created_at))
    s.flush()
    return matter


@lru_cache(maxsize=1)
def reading_fingerprint() -> str:
    """What the keys of ``matter_keys`` depend on, as a hash: the code that reads places and problems,
    the concepts, landmark aliases and settings in use (a city's own files where it set them) and the gazetteer's data.
    An upgrade or an edit of any of them changes it, and the sweep re-indexes (``upkeep``). Read once
    per process, like the concepts themselves (``load_lexicon``): it names what this process reads by."""
    import hashlib
    import os
    from importlib import resources

    digest = hashlib.sha256()
    for package, name, env in (("insight", "matter.py", None), ("insight", "places.py", None),
                               ("insight", "concepts.toml", "HOTLINE_CONCEPTS_FILE"),
                               ("insight", "insight.toml", "HOTLINE_INSIGHT_FILE"),
                               ("insight", "landmarks.toml", "HOTLINE_LANDMARKS_FILE"),
                               ("routing", "places.py", None), ("hotline.demo_city", "units.json", None),
                               ("hotline.demo_city", "roads.csv", "HOTLINE_ROADS_FILE")):
        path = os.environ.get(env) if env else None
        try:
            data = open(path, "rb").read() if path else resources.files(package).joinpath(name).read_bytes()
        except OSError:
            data = b"-"
        digest.update(name.encode() + b"\0" + data + b"\0")
    return digest.hexdigest()


def _state_row(hl) -> None:
    """Make sure the one row of ``matter_index_state`` exists (a database before its first sweep has
    none: the reading of its keys is unknown, so everything open is re-indexed once)."""
    from sqlalchemy.exc import IntegrityError

    from models import MatterIndexState

    with hl.sessions() as s:
        if s.get(MatterIndexState, 1) is not None:
            return
        s.add(MatterIndexState(id=1, fingerprint=None, target=None, cursor=0, updated_at=hl.now()))
        try:
            s.commit()
        except IntegrityError:   # another sweep made it meanwhile
            s.rollback()


def _reindex_batch(hl, fingerprint: str, batch: int) -> int | None:
    """Re-index the next ``batch`` open tickets of the re-index towards ``fingerprint`` (one transaction,
    the state row locked, so two sweeps never take the same batch); the number done, or None when the
    index is current (it then records ``fingerprint`` as the reading of the keys). The state row exists
    (``_state_row``)."""
    from models import MatterIndexState

    with hl.sessions() as s:
        state = s.get(MatterIndexState, 1, with_for_update=True)
        if state.fingerprint == fingerprint:
            return None
        if state.target != fingerprint:   # a newer reading than the re-index under way: start again
            state.target, state.cursor = fingerprint, 0
        rows = list(s.scalars(select(Ticket).where(Ticket.status.in_(OPEN_STATUSES), Ticket.id > state.cursor)
                              .order_by(Ticket.id).limit(batch)))
        for ticket in rows:
            index_ticket(s, ticket)
        if rows:
            state.cursor = rows[-1].id
        else:
            state.fingerprint, state.target, state.cursor = fingerprint, None, 0
        state.updated_at = hl.now()
        s.commit()
        return len(rows) if rows else None


def upkeep(hl, now=None, report=None, *, budget: float = 10_000, batch: int = 500) -> int:
    """A sweep hook: when the running code reads places or problems differently from the code that
    wrote the open tickets' keys (``reading_fingerprint``), re-index up to ``budget`` of them; the next
    sweep goes on where this one stopped, until the keys are current. Returns the tickets re-indexed."""
    fingerprint = reading_fingerprint()
    _state_row(hl)
    done = 0
    while done < budget:
        n = _reindex_batch(hl, fingerprint, batch)
        if n is None:
            break
        done += n
    if done and report is not None:
        report.extra["similar_reindexed"] = report.extra.get("similar_reindexed", 0) + done
        log.info("repeat-appeal index: %d open tickets re-indexed for the current reading", done)
    return done


def index_status(hl) -> dict[str, Any]:
    """For ``/healthz``: whether the open tickets' keys are those of the running reading (``current``),
    being rewritten by the sweep (``reindexing``, with the last ticket id done) or not yet checked by any
    sweep (``unknown``)."""
    from models import MatterIndexState

    with hl.sessions() as s:
        state = s.get(MatterIndexState, 1)
        if state is None or (state.fingerprint is None and state.target is None):
            return {"state": "unknown"}
        if state.fingerprint == reading_fingerprint():
            return {"state": "current"}
        return {"state": "reindexing", "done_through_ticket_id": state.cursor}


def reindex_open(hl, batch: int = 500) -> dict[str, int]:
    """Rewrite the place keys of every open ticket now, whatever the index's recorded reading (the sweep
    does it by itself after an upgrade: ``upkeep``; this is the command ``hotline similar-reindex``).
    Closed tickets are never candidates and keep theirs. Batches of ``batch`` tickets, one transaction
    each; safe to run again or while intake runs (a ticket filed meanwhile is indexed by intake with the
    new code). Records the current reading as the keys' own."""
    from models import MatterIndexState

    _cached_matter.cache_clear()
    _state_row(hl)
    with hl.sessions() as s:   # forget what the index was written by: everything open is done again
        state = s.get(MatterIndexState, 1, with_for_update=True)
        state.fingerprint, state.target, state.cursor = None, None, 0
        s.commit()
    tickets = upkeep(hl, budget=math.inf, batch=batch)
    with hl.sessions() as s:
        keys = s.scalar(select(func.count()).select_from(MatterKey).join(Ticket, Ticket.id == MatterKey.ticket_id)
                        .where(Ticket.status.in_(OPEN_STATUSES))) or 0
    return {"tickets": tickets, "keys": keys}


_CANDIDATE_COLUMNS = (Ticket.id, Ticket.number, Ticket.status, Ticket.created_at, Ticket.content, Ticket.place,
                      Ticket.routing, Ticket.citizen_ref, Ticket.contact_phone)


def candidates(s: Session, ticket: Ticket, matter: Matter) -> list:
    """Earlier open tickets sharing a place key inside the window (newest first, bounded): an index
    range scan on matter_keys (key, created_at) joined to the open tickets by primary key."""
    keys = list(dict.fromkeys(k[:120] for k in matter.lookup_keys()))
    if not keys:
        return []
    conf = load_settings()
    since = ticket.created_at - timedelta(days=float(conf.get("similar", "window_days", 30)))
    stmt = (select(*_CANDIDATE_COLUMNS).join(MatterKey, MatterKey.ticket_id == Ticket.id)
            .where(MatterKey.key.in_(keys), MatterKey.created_at >= since, MatterKey.created_at <= ticket.created_at,
                   Ticket.status.in_(OPEN_STATUSES))
            .order_by(MatterKey.created_at.desc())
            .limit(int(conf.get("similar", "max_candidates", 200))))
    if ticket.id is not None:
        stmt = stmt.where(MatterKey.ticket_id != ticket.id)
    seen, out = set(), []
    for row in s.execute(stmt):
        if row.id not in seen:
            seen.add(row.id)
            out.append(row)
    return out


def _same_citizen(a: Ticket, b: Ticket) -> bool:
    if a.citizen_ref and a.citizen_ref == b.citizen_ref:
        return True
    return bool(a.contact_phone) and a.contact_phone == b.contact_phone


def find_similar(s: Session, ticket: Ticket, matter: Matter | None = None) -> list[dict[str, Any]]:
    """The earlier open tickets about the same matter, most similar first, each with a reason."""
    matter = matter or ticket_matter(ticket)
    lexicon = load_lexicon()
    hits = []
    reach_back = episode_window(matter)     # (w24-rpw) an outage days later, a nuisance that had stopped: a new matter
    for other in candidates(s, ticket, matter):
        # how far apart they are: an outage's appeals from the estates of one area meet within hours
        # (UTCDateTime columns: both aware; a ticket not yet flushed has no time of its own)
        hours = abs((ticket.created_at - other.created_at).total_seconds()) / 3600 if ticket.created_at else None
        if hours is not None and hours > reach_back:
            continue
        cmp = compare(matter, ticket_matter(other), hours=hours)
        if cmp.repeat:
            hits.append((cmp, other))
    hits.sort(key=lambda h: (-h[0].score, -h[1].created_at.timestamp()))
    out = []
    for cmp, other in hits[:SHOW]:
        out.append({"number": other.number, "status": other.status, "status_label": S(other.status).label,
                    "created_at": other.created_at.isoformat(), "score": cmp.score,
                    "place": cmp.same_place, "same_citizen": _same_citizen(ticket, other),
                    "reason": cmp.reason(lexicon, count=len(hits) + 1)})
    return out


def link_at_intake(s: Session, hl, ticket: Ticket) -> str | None:
    """Index the new ticket; merge it into a confident repeat of the same citizen. Returns the master's
    number when merged. Called inside the intake transaction, after routing (which finds the place)."""
    from hotline.services.tickets import _move

    matter = index_ticket(s, ticket)
    if ticket.status not in (S.received.value, S.triage.value):
        return None
    found = find_similar(s, ticket, matter)
    ticket.extra = dict(ticket.extra or {}, similar=[f["number"] for f in found])
    need = float(load_settings().get("similar", "auto_link", 0.7))
    for hit in found:
        if hit["same_citizen"] and hit["score"] >= need:
            master = s.scalar(select(Ticket).where(Ticket.number == hit["number"]))
            reason = f"同一市民重复反映，自动并单：{hit['reason']}"
            _move(s, hl, ticket, SYSTEM, Event.merge, reason=reason, data={"into": master.number, "auto": True},
                  role_check=False)
            ticket.merged_into_id = master.id
            audit.record(s, SYSTEM, "merge_in", at=hl.now(), ticket_id=master.id,
                         data={"merged": ticket.number, "auto": True}, reason=reason)
            return master.number
    return None


def similar_for(hl, s: Session, ticket: Ticket, actor: Actor) -> list[dict[str, Any]]:
    """What the ``similar`` field of a ticket shows: the centre sees repeats of an open ticket."""
    if actor.role not in (Role.operator, Role.supervisor, Role.admin):
        return []
    if ticket.status not in OPEN_STATUSES:
        return []
    return find_similar(s, ticket)


def merged_children(s: Session, master: Ticket) -> list[Ticket]:
    return list(s.scalars(select(Ticket).where(Ticket.merged_into_id == master.id).order_by(Ticket.id)))


def close_merged(s: Session, master: Ticket, now) -> int:
    """The master closes: in the same transaction every ticket merged into it is closed with the
    master's answer and unit, so it can be rated; the citizens hear it from the master's 办结 message,
    which the notification service fans out to them (``merged_closed``). Safe to run twice."""
    closed = 0
    for child in merged_children(s, master):
        if child.closed_at is not None:
            continue
        child.answer_text = master.answer_text
        child.answered_at = master.answered_at
        child.lead_unit_id = master.lead_unit_id
        child.solved = master.solved
        child.closed_at = master.closed_at or now
        child.updated_at = now
        audit.record(s, SYSTEM, "merged_closed", at=now, ticket_id=child.id,
                     data={"master": master.number}, reason=f"主工单 {master.number} 已办结，结果同步告知")
        closed += 1
    return closed
