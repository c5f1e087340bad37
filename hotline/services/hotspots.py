"""Hotspots of the city's recent appeals, kept in ``hotspots`` and alerting supervisors while growing.

``refresh`` reads the tickets of the window (``insight.toml`` [hotspots] window_days), groups them
with ``insight.hotspots`` and upserts one row per hotspot (keyed by a signature of kind, place and
problem, so a hotspot keeps its id as it grows). A hotspot that grew in the last 24 h and crosses a
threshold (``alert_heat``, then twice, four times that heat…) alerts the centre's supervisors once per
threshold: a notice (通知 in the console) and a message on the notification channels
(``channels.notify.notify_staff``: the duty phones by SMS, the duty chats by the bot). The sweep calls
it at most every ``refresh_minutes``. Each refresh starts from what the last one read and answered (w25-spd):
each ticket's matter (its places, problems and wording, read once per ticket, by the first refresh that meets it)
and the repeat grouping's answer for each pair of tickets (:class:`insight.matter.GroupMemo`), kept in the
process and in ``<data_dir>/hotspots-memo.pickle`` (a worker runs each sweep in a fresh forked process), for the
tickets of the window only and for the running reading only (``reading_fingerprint``: code, concepts, landmarks,
settings, gazetteer; another one starts afresh), so a refresh reads and compares only what is new. The answer is
the same as without it.
"""
from __future__ import annotations

import copy
import fcntl
import hashlib
import itertools
import json
import logging
import math
import os
import pickle
import tempfile
import threading
from collections import Counter
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func, select

from hotline.domain.privacy import mask_text
from hotline.domain.vocab import Role, TicketStatus as S
from hotline.errors import InvalidInput, NotFound
from hotline.services.actors import Actor
from hotline.services.similar import reading_fingerprint, ticket_matter
from insight.cli import without_collections
from insight.hotspots import Appeal, find_hotspots, grouping_settings
from insight.matter import GroupMemo, Matter, load_settings
from models import Hotspot, Ticket, Unit
from models.partitions import claim_dedupe_key

log = logging.getLogger(__name__)

VIEW_ROLES = (Role.operator, Role.supervisor, Role.admin)

# (w25-spd) what the last refresh read and answered: the reading's fingerprint, each ticket's matter by
# (id, digest of what it is read from) and the repeat grouping's memo; one refresh at a time uses it (another, at
# once, reads and groups afresh: the same answer). (w26-spd) The file is a log: a head (its reading), then one record
# per refresh of what that refresh added (the new tickets' matters, the new answers, each matter and place reading by
# its number in the file); written whole again only when it holds many tickets that left the window, when another
# process wrote it since it was read, or when the memo started afresh.
MEMO_FILE = "hotspots-memo.pickle"
_MEMO_HEAD = "hotline hotspots memo log 2"   # (w26-spd2: each record has its matters' bigram counts)
_SWEEP_LOCK = threading.Lock()
_sweep_state: _Disk | None = None


class _Disk:
    """What the memo file holds (and this process since read it or wrote it): the matters, by their number in it and
    by ticket; the memo; how much of each of the memo's growing tables the file has; the file's state as read."""

    def __init__(self, fingerprint: str, readers: tuple, memo: GroupMemo | None = None) -> None:
        self.fingerprint, self.readers = fingerprint, readers
        self.memo = memo or GroupMemo()
        self.epoch = self.memo.epoch
        self.tickets: dict[tuple[int, bytes], Matter] = {}
        self.numbers: dict[int, int] = {}        # a matter's identity → its number in the file
        self.matters: list[Matter] = []          # … and back (keeps each alive: no identity is used again)
        self.reached: set[int] = set()           # the matters whose place reading the file holds
        self.readings: dict[int, int] = {}       # a place reading's identity → its number (its place in by_reading)
        self.rlist: list = []                    # … and back
        self.held = {"read": 0, "by_place": 0, "by_reading": 0, "met_places": 0}
        self.file: tuple[int, int] | None = None  # (inode, size) of the file as this process read or wrote it
        self.whole = 0                           # the size of its head and first record (written whole)

    def record(self, window: dict[tuple[int, bytes], Matter], whole: bool) -> dict[str, Any]:
        """What the file lacks (``whole``: all of it, for a file written anew), numbering what it adds."""
        memo = self.memo
        if whole:
            self.tickets, self.numbers, self.matters, self.reached, self.readings, self.rlist = {}, {}, [], set(), {}, []
            self.held = dict.fromkeys(self.held, 0)
            self.epoch = memo.epoch
        added = [(k, m) for k, m in window.items() if id(m) not in self.numbers]
        for k, m in added:
            self.tickets[k] = m
            self.numbers[id(m)] = len(self.matters)
            self.matters.append(m)
        num = self.numbers
        tables: dict[str, list] = {}
        for name in self.held:
            table = getattr(memo, name)
            tables[name] = list(itertools.islice(table.items(), self.held[name], None))
            self.held[name] = len(table)
        for _, reach in tables["by_reading"]:
            self.readings[id(reach)] = len(self.rlist)
            self.rlist.append(reach)
        rnum = self.readings
        reaches = [(num[i], rnum[id(r)]) for i, r in memo.reaches.items() if i in num and num[i] not in self.reached]
        self.reached.update(n for n, _ in reaches)
        verdicts = memo.verdicts if whole else memo.fresh
        # (the bigrams' counts of its matters, so that a reader's :class:`GramCounts` need not count them: the memo's
        # own when they are those of the matters it adds, as when written whole after a refresh; w26-spd2)
        grams = (whole and memo.grams.matching([m for _, m in added])) or \
            Counter(itertools.chain.from_iterable(m.grams for _, m in added))
        return {"matters": added, "reaches": reaches, "grams": grams, "read": tables["read"], "by_place": tables["by_place"],
                "readings": tables["by_reading"],
                "met_places": [(rnum[a], rnum[b], c, v) for (a, b, c), v in tables["met_places"]],
                "verdicts": [(num[a], num[b], c, v) for (a, b, c), v in verdicts.items() if a in num and b in num]}

    def take(self, record: dict[str, Any]) -> None:
        """Add a record read from the file."""
        memo, matters = self.memo, self.matters
        for k, m in record["matters"]:
            self.tickets[k] = m
            self.numbers[id(m)] = len(matters)
            matters.append(m)
            memo.alive[id(m)] = m
        memo.grams.take([m for _, m in record["matters"]], record["grams"])
        memo.read.update(record["read"])
        memo.by_place.update(record["by_place"])
        rlist = self.rlist
        for said, reach in record["readings"]:
            memo.by_reading[said] = reach
            self.readings[id(reach)] = len(rlist)
            rlist.append(reach)
        for n, r in record["reaches"]:
            memo.reaches[id(matters[n])] = rlist[r]
            self.reached.add(n)
        memo.met_places.update(((id(rlist[a]), id(rlist[b]), c), v) for a, b, c, v in record["met_places"])
        memo.verdicts.update(((id(matters[a]), id(matters[b]), c), v) for a, b, c, v in record["verdicts"])
        self.held = {name: len(getattr(memo, name)) for name in self.held}


def _readers() -> tuple:
    """What this process reads matters by (a test or a city's edited files read again are other objects)."""
    from insight.matter import load_landmarks, load_lexicon
    from insight.places import default_gazetteer

    return load_settings(), load_lexicon(), load_landmarks(), default_gazetteer()


def _ticket_key(t) -> tuple[int, bytes]:
    """A ticket by its id and what its matter is read from (its text, given place, the router's place): a ticket
    whose text or place changed is read again."""
    place = (t.routing or {}).get("place")
    said = json.dumps([t.content, t.place, place], sort_keys=True, ensure_ascii=False, default=str)
    return t.id, hashlib.sha1(said.encode("utf-8")).digest()


def _load_state(hl, fingerprint: str) -> _Disk:
    """The last refresh's matters and memo: this process's, else the file's, when read by this reading; else none.
    A record cut short (a refresh writing it at this moment) ends the reading: what came before it holds."""
    readers = _readers()
    if _sweep_state is not None and _sweep_state.fingerprint == fingerprint and \
            all(x is y for x, y in zip(_sweep_state.readers, readers)):
        return _sweep_state
    path = hl.settings.data_dir / MEMO_FILE
    disk = _Disk(fingerprint, readers)
    try:
        with open(path, "rb") as fh:
            head = pickle.load(fh)
            if head != (_MEMO_HEAD, fingerprint):
                return disk
            disk.memo.adopt(grouping_settings(load_settings()))    # (the settings find_hotspots groups by; w27-spd2)
            end = fh.tell()
            while True:
                try:
                    record = pickle.load(fh)
                except EOFError:
                    break
                except Exception:  # noqa: BLE001 - a record being written: the file up to it
                    break
                disk.take(record)
                end = fh.tell()
                disk.whole = disk.whole or end
            disk.file = (os.fstat(fh.fileno()).st_ino, end)
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a cache: a torn or old file is read afresh
        log.warning("hotspots: %s not read, reading the window afresh", path, exc_info=True)
        disk = _Disk(fingerprint, readers)
    return disk


def _save_state(hl, disk: _Disk, window: dict[tuple[int, bytes], Matter]) -> None:
    """Add this refresh's record to the file, or write it anew (see ``MEMO_FILE``'s note)."""
    global _sweep_state
    _sweep_state = disk
    path = hl.settings.data_dir / MEMO_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path.with_name(MEMO_FILE + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)     # one writer at a time (readers read whole records or stop)
            try:
                st = os.stat(path)
                same = disk.file == (st.st_ino, st.st_size) and st.st_size <= 1.5 * disk.whole
            except FileNotFoundError:
                same = False
            dead = len(disk.matters) - sum(id(m) in disk.numbers for m in window.values())
            if same and disk.epoch == disk.memo.epoch and dead <= len(window) // 4:
                data = pickle.dumps(disk.record(window, whole=False), protocol=pickle.HIGHEST_PROTOCOL)
                with open(path, "ab") as fh:
                    fh.write(data)
                    disk.file = (os.fstat(fh.fileno()).st_ino, fh.tell())
                return
            fd, tmp = tempfile.mkstemp(prefix=MEMO_FILE, dir=path.parent)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((_MEMO_HEAD, disk.fingerprint), fh, protocol=pickle.HIGHEST_PROTOCOL)
                pickle.dump(disk.record(window, whole=True), fh, protocol=pickle.HIGHEST_PROTOCOL)
                disk.whole = fh.tell()
            os.replace(tmp, path)      # whole or not at all: another worker reads the old one or this one
            disk.file = (os.stat(path).st_ino, disk.whole)
    except OSError:
        disk.file = None
        log.warning("hotspots: %s not written", path, exc_info=True)


def _ts(moment: datetime) -> float:
    return moment.timestamp()


def _dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, tz=timezone.utc)


def refresh(hl, *, now: datetime | None = None) -> dict[str, int]:
    """Recompute the hotspots of the window ending ``now``; alert on growing hot ones."""
    now = now or hl.now()
    conf = load_settings()
    days = float(conf.get("hotspots", "window_days", 7))
    alert_heat = float(conf.get("hotspots", "alert_heat", 10.0))
    with hl.sessions() as s:
        rows = s.execute(select(Ticket.id, Ticket.content, Ticket.place, Ticket.routing, Ticket.created_at,
                                Ticket.citizen_ref, Ticket.contact_phone, Ticket.extra, Ticket.urgency)
                         .where(Ticket.created_at > now - timedelta(days=days), Ticket.created_at <= now)
                         .order_by(Ticket.created_at)).all()  # columns, not entities: a periodic read
    appeals, spots = _find(hl, rows, _ts(now), days)
    alerts = sent = 0
    with hl.uow() as uow:
        s = uow.session
        # two sweeps in two workers may refresh at once: the second waits for the first's commit and then
        # finds its rows (one row per signature, one alert), instead of inserting the same signature again
        claim_dedupe_key(s, "hotspots:refresh")
        for spot in spots:
            row = s.scalar(select(Hotspot).where(Hotspot.signature == spot.signature))
            if row is None:
                row = Hotspot(signature=spot.signature, kind=spot.kind)
                s.add(row)
            # a description is built from the members' own words: a number or a name a caller gave never
            # reaches the console, the duty phones or the bot through it
            row.description = mask_text(spot.description)[:300]
            row.places, row.concepts = spot.places, spot.concepts
            row.ticket_ids = [appeals[i].ref for i in spot.members]
            row.appeals, row.citizens, row.growth, row.heat = spot.appeals, spot.citizens, spot.growth, spot.heat
            row.first_at, row.last_at, row.updated_at = _dt(spot.first_at), _dt(spot.last_at), now
            s.flush()
            if spot.heat >= alert_heat and spot.growth > 0:
                # the thresholds are alert_heat, 2×, 4×…: one alert per threshold crossed while growing
                level = int(math.log2(spot.heat / alert_heat)) if alert_heat > 0 else 0
                message = f"热点预警：{row.description}（热度 {spot.heat:g}）"
                key = f"hotspot:{row.id}:{level}"
                from channels.notify import notify_staff
                from hotline.services.tickets import notice

                if notice(s, unit_id=None, ticket=None, kind="hotspot", message=message, at=now,
                          dedupe_key=key, subject_type="hotspot", subject_id=row.id):
                    row.alerted_at = now
                    alerts += 1
                    sent += notify_staff(uow, hl, kind="hotspot", text=message, key=key)
        uow.commit()
    return {"tickets": len(appeals), "hotspots": len(spots), "alerts": alerts, "messages": sent}


def _find(hl, rows, now: float, days: float) -> tuple[list[Appeal], list]:
    """The appeals of the window's ticket rows and their hotspots: each ticket's matter and the repeat grouping's
    answers taken from the last refresh where it has them (``_load_state``), and kept for the next. (The cycle
    collector paused, as ``hotline hotspots`` groups: a week's matters and memos are a million lasting objects.)"""
    if not _SWEEP_LOCK.acquire(blocking=False):     # another refresh of this process has the memo: afresh
        appeals = _appeals(rows, [ticket_matter(t) for t in rows])
        with without_collections():
            return appeals, find_hotspots(appeals, now=now, window_days=days)
    try:
        with without_collections():
            disk = _load_state(hl, reading_fingerprint())
            keys = [_ticket_key(t) for t in rows]
            matters = _window_matters(disk.tickets, keys, rows)
            appeals = _appeals(rows, [matters[k] for k in keys])
            spots = find_hotspots(appeals, now=now, window_days=days, memo=disk.memo)
            _save_state(hl, disk, matters)
            return appeals, spots
    finally:
        _SWEEP_LOCK.release()


def _window_matters(known: dict[tuple[int, bytes], Matter], keys: list[tuple[int, bytes]],
                    rows) -> dict[tuple[int, bytes], Matter]:
    """Each ticket's matter: the memo's when it has the ticket, else read (``ticket_matter``). (w30-spd) A text met
    again (the same text, given place and router's place: the key's digest) is read once per refresh: each other
    ticket of it gets a twin of that matter (:func:`_twin`), its own object as a reading of its own would be."""
    twins: dict[bytes, Matter] = {said: m for (_, said), m in known.items()}
    matters: dict[tuple[int, bytes], Matter] = {}
    for k, t in zip(keys, rows):
        m = known.get(k)
        if m is None:
            first = twins.get(k[1])
            if first is None:
                m = twins[k[1]] = ticket_matter(t)
            else:
                m = _twin(first)
        matters[k] = m
    return matters


def _twin(m: Matter) -> Matter:
    """Another matter equal to ``m`` in every field, as ``m``'s text read again gives (``matter_of`` reads a text the
    same each time): its own identity (the grouping's memo answers by identity), its fields' values shared (each
    immutable; its bigrams' set the same object, so that they are iterated in the same order)."""
    return copy.copy(m)


def _appeals(rows, matters: list[Matter]) -> list[Appeal]:
    return [Appeal(matter=m, at=_ts(t.created_at), citizen=t.citizen_ref or t.contact_phone or None,
                   votes=int((t.extra or {}).get("votes") or 0), urgent=t.urgency in ("emergency", "utility"), ref=t.id)
            for t, m in zip(rows, matters)]


def due(hl, now: datetime) -> bool:
    """True when the last refresh is older than ``refresh_minutes``."""
    minutes = float(load_settings().get("hotspots", "refresh_minutes", 10))
    with hl.sessions() as s:
        last = s.scalar(select(func.max(Hotspot.updated_at)))
    return last is None or now - last >= timedelta(minutes=minutes)


def sweep_hook(hl, now, report) -> None:
    if due(hl, now):
        refresh(hl, now=now)


def _range(hl, name: str | None, now: datetime) -> datetime:
    today = hl.calendar.local_date(now)
    start = datetime.combine(today, datetime.min.time(), tzinfo=hl.calendar.tz)
    if name in (None, "", "week"):
        return start - timedelta(days=today.weekday())
    if name == "today":
        return start
    raise InvalidInput("range 应为 today 或 week")


def hotspot_view(row: Hotspot, numbers: dict[int, str] | None = None) -> dict[str, Any]:
    out = {"id": row.id, "kind": row.kind, "kind_label": "多点蔓延" if row.kind == "spread" else "同一地点",
           "description": row.description, "places": row.places or [], "concepts": row.concepts or [],
           "appeals": row.appeals, "citizens": row.citizens, "growth": row.growth, "heat": row.heat,
           "first_at": row.first_at.isoformat(), "last_at": row.last_at.isoformat(),
           "alerted_at": row.alerted_at.isoformat() if row.alerted_at else None}
    if numbers is not None:
        out["tickets"] = [numbers[i] for i in (row.ticket_ids or []) if i in numbers]
    return out


def list_hotspots(hl, *, actor: Actor, range: str | None = None, limit: int = 50) -> dict[str, Any]:
    """The current hotspots (last appeal inside today / this week), hottest first."""
    actor.require(*VIEW_ROLES)
    now = hl.now()
    since = _range(hl, range, now)
    with hl.sessions() as s:
        rows = s.scalars(select(Hotspot).where(Hotspot.last_at >= since)
                         .order_by(Hotspot.heat.desc(), Hotspot.id).limit(max(1, min(int(limit), 200)))).all()
        return {"range": range or "week", "since": since.isoformat(), "items": [hotspot_view(r) for r in rows]}


def get_hotspot(hl, *, actor: Actor, hotspot_id: int) -> dict[str, Any]:
    """One hotspot with its tickets (drill-down)."""
    actor.require(*VIEW_ROLES)
    with hl.sessions() as s:
        row = s.get(Hotspot, hotspot_id)
        if row is None:
            raise NotFound(f"热点不存在：{hotspot_id}")
        ids = row.ticket_ids or []
        tickets = s.execute(select(Ticket.id, Ticket.number, Ticket.title, Ticket.status, Ticket.created_at)
                            .where(Ticket.id.in_(ids)).order_by(Ticket.created_at)).all()
        view = hotspot_view(row, {t.id: t.number for t in tickets})
        view["ticket_rows"] = [{"number": t.number, "title": t.title, "status": t.status,
                                "status_label": S(t.status).label, "created_at": t.created_at.isoformat()}
                               for t in tickets]
        return view


def month_rows(hl, *, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Hotspots active in [start, end) for the monthly report's 热点问题 sheet."""
    with hl.sessions() as s:
        rows = s.scalars(select(Hotspot).where(Hotspot.last_at >= start, Hotspot.first_at < end)
                         .order_by(Hotspot.heat.desc())).all()
        return [hotspot_view(r) for r in rows]


def monthly_topics(hl, *, start: datetime, end: datetime, months: int = 3, limit: int = 20) -> list[dict[str, Any]]:
    """每月一题 candidates: problems that recur across months and districts (the report month and the
    ``months - 1`` before it), ranked by appeals × months × √districts. Reads the problem concepts of
    the tickets only (no place reading), so a quarter of a large city takes seconds."""
    from collections import defaultdict

    from insight.matter import load_lexicon

    lexicon = load_lexicon()
    mods = lexicon.modifiers()
    tz = hl.calendar.tz
    first = start.astimezone(tz)
    for _ in range(months - 1):
        first = (first.replace(day=1) - timedelta(days=1)).replace(day=1)
    since = first.replace(hour=0, minute=0, second=0, microsecond=0)
    stats: dict[str, dict[str, Any]] = defaultdict(lambda: {"appeals": 0, "months": set(), "districts": set(),
                                                            "hotspots": 0})
    with hl.sessions() as s:
        names = dict(s.execute(select(Unit.id, Unit.name)).all())
        rows = s.execute(select(Ticket.content, Ticket.created_at, Ticket.district_id)
                         .where(Ticket.created_at >= since, Ticket.created_at < end)).yield_per(5000)
        for content, created, district in rows:
            month = created.astimezone(tz).strftime("%Y-%m")
            for concept in lexicon.find(content or "") - mods:
                st = stats[concept]
                st["appeals"] += 1
                st["months"].add(month)
                if district:
                    st["districts"].add(district)
        for row in s.scalars(select(Hotspot).where(Hotspot.last_at >= since, Hotspot.first_at < end)):
            for concept in row.concepts or []:
                if concept in stats:
                    stats[concept]["hotspots"] += 1
    out = []
    for concept, st in stats.items():
        if len(st["months"]) < 2 or st["appeals"] < 3:
            continue
        score = st["appeals"] * len(st["months"]) * max(1, len(st["districts"])) ** 0.5 * (1 + 0.2 * st["hotspots"])
        districts = sorted(names.get(d, str(d)) for d in st["districts"])
        out.append({"topic": lexicon.label(concept), "concept": concept, "appeals": st["appeals"],
                    "months": len(st["months"]), "districts": len(districts), "hotspots": st["hotspots"],
                    "score": round(score, 1),
                    "description": f"{lexicon.label(concept)}：近 {months} 个月 {st['appeals']} 件，"
                                   f"出现在 {len(st['months'])} 个月、{len(districts)} 个区"
                                   + (f"（{'、'.join(districts[:4])}{'等' if len(districts) > 4 else ''}）" if districts else "")
                                   + (f"，形成热点 {st['hotspots']} 次" if st["hotspots"] else "")})
    out.sort(key=lambda r: -r["score"])
    return out[:limit]


def report_sheets(hl, start: datetime, end: datetime) -> list[tuple[str, list[str], list[list[Any]]]]:
    """The monthly report's 热点问题 and 每月一题候选 sheets (``hl.report_sheets``)."""
    tz = hl.calendar.tz
    spots = month_rows(hl, start=start, end=end)
    topics = monthly_topics(hl, start=start, end=end)
    return [
        ("热点问题", ["热度", "热点", "类型", "诉求数", "市民数", "地点", "开始", "最近"],
         [[h["heat"], h["description"], h["kind_label"], h["appeals"], h["citizens"], "、".join(h["places"][:3]),
           datetime.fromisoformat(h["first_at"]).astimezone(tz).strftime("%m-%d %H:%M"),
           datetime.fromisoformat(h["last_at"]).astimezone(tz).strftime("%m-%d %H:%M")] for h in spots]),
        ("每月一题候选", ["排名", "问题", "得分", "诉求数", "月份数", "涉及区数", "形成热点次数", "说明"],
         [[n, t["topic"], t["score"], t["appeals"], t["months"], t["districts"], t["hotspots"], t["description"]]
          for n, t in enumerate(topics, start=1)]),
    ]
