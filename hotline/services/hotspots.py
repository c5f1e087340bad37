"""Hotspots of the city's recent appeals, kept in ``hotspots`` and alerting supervisors while growing.

``refresh`` reads the tickets of the window (``insight.toml`` [hotspots] window_days), groups them
with ``insight.hotspots`` and upserts one row per hotspot (keyed by a signature of kind, place and
problem, so a hotspot keeps its id as it grows). A hotspot that grew in the last 24 h and crosses a
threshold (``alert_heat``, then twice, four times that heat…) alerts the centre's supervisors once per
threshold: a notice (通知 in the console) and a message on the notification channels
(``channels.notify.notify_staff``: the duty phones by SMS, the duty chats by the bot). The sweep calls
it at most every ``refresh_minutes``.
"""
from __future__ import annotations

import logging
import math
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func, select

from hotline.domain.privacy import mask_text
from hotline.domain.vocab import Role, TicketStatus as S
from hotline.errors import InvalidInput, NotFound
from hotline.services.actors import Actor
from hotline.services.similar import ticket_matter
from insight.hotspots import Appeal, find_hotspots
from insight.matter import load_settings
from models import Hotspot, Ticket, Unit
from models.partitions import claim_dedupe_key

log = logging.getLogger(__name__)

VIEW_ROLES = (Role.operator, Role.supervisor, Role.admin)


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
        appeals = [Appeal(matter=ticket_matter(t), at=_ts(t.created_at),
                          citizen=t.citizen_ref or t.contact_phone or None,
                          votes=int((t.extra or {}).get("votes") or 0),
                          urgent=t.urgency in ("emergency", "utility"), ref=t.id) for t in rows]
    spots = find_hotspots(appeals, now=_ts(now), window_days=days)
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
