"""The lists behind the console pages and the API on a big database: p50/p95 of each.

    python bench/bench_pages.py [--tickets 2000000] [--runs 20] [--keep]

Creates a scratch PostgreSQL database (``hl_bench_17_pages_*`` on 127.0.0.1, dropped afterwards unless
``--keep``), builds the schema, loads the demo city's units and fills ``--tickets`` tickets over a year
with SQL (``generate_series``): 95 % closed, 2 % at a unit (signed), 1 % in the triage queue, 1 %
answered, 1 % dispatched; 1 in 200 overdue; 1 in 50 with an assisting unit. Then it times the service
calls the pages and ``GET /api/v1/tickets`` make (the operator's triage queue, a unit's inbox, the
supervisor's overdue list, a search by text and by number, the newest tickets, a ticket page),
``--runs`` times each, and prints p50 and p95.
"""
from __future__ import annotations

import argparse
from functools import partial
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select, text  # noqa: E402

from hotline.bootstrap import AbstainingClassifier, NoRouter, bootstrap  # noqa: E402
from hotline.domain.vocab import Role  # noqa: E402
from bench.scratch import PG_ADMIN, NullQueue, scratch_database  # noqa: E402
from hotline.services import tickets as svc  # noqa: E402
from hotline.services.actors import Actor  # noqa: E402
from hotline.services.registry import load_registry_files  # noqa: E402
from hotline.settings import Settings  # noqa: E402
from models import Unit  # noqa: E402

WORDS = ["占道经营", "噪音扰民", "路灯不亮", "违章停车", "垃圾清运", "物业服务", "供水中断", "公交线路"]




FILL = """
INSERT INTO tickets (number, channel, content, status, appeal_type, urgency, lead_unit_id, created_at,
    updated_at, dispatch_due, dispatched_at, sign_due, signed_at, complete_due, closed_at, next_action_at,
    intake_state, title, hide_identity, share_contact, binding_dispatch, extension_workdays, return_count,
    reopen_count, overdue, supervision_level, intake_attempts, version_id)
SELECT to_char(c.at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD') || lpad(i::text, 8, '0'), 'phone',
    '江岸区解放大道' || (i % 997) || '号' || (CAST(:words AS text[]))[1 + i % cardinality(CAST(:words AS text[]))]
        || '，已经持续一周，请尽快处理',
    c.status, 'complaint', 'normal',
    CASE WHEN c.status IN ('triage') THEN NULL
         ELSE (CAST(:units AS integer[]))[1 + i % cardinality(CAST(:units AS integer[]))] END,
    c.at, c.at, c.at + interval '24 hours', c.at + interval '1 hour', c.at + interval '25 hours',
    c.at + interval '5 hours', c.at + interval '20 days',
    CASE WHEN c.status = 'closed' THEN c.at + interval '9 days' END,
    CASE WHEN c.status <> 'closed' THEN c.at + interval '19 days' END,
    'done', '诉求', false, false, false, 0, 0, 0, i % 200 = 0,
    CASE WHEN i % 200 = 0 THEN 'supervised' ELSE 'none' END, 1, 1
FROM generate_series(1, :n) AS i,
LATERAL (SELECT :now - (:n - i) * (interval '365 days' / :n) AS at,
                CASE WHEN i > :n - :n / 100 * 5 THEN (ARRAY['signed','signed','triage','answered','dispatched'])[1 + i % 5]
                     ELSE 'closed' END AS status) AS c
"""
ASSISTS = """
INSERT INTO ticket_units (ticket_id, unit_id, role, created_at)
SELECT id, (CAST(:units AS integer[]))[1 + (id + 7) % cardinality(CAST(:units AS integer[]))], 'assist', created_at
FROM tickets WHERE id % 50 = 0 AND lead_unit_id IS NOT NULL
"""
# 好差评 over the same year: one in five rates a closed ticket, the rest rate window visits; 1 in 25 is a
# 默认评价, 1 in 12 a 差评 (level 1-2)
REVIEWS = """
INSERT INTO reviews (target, subject_key, stage, unit_id, ticket_id, channel, level, reason_tags, rater_type,
    real_name, is_default, excluded, flagged, rated_at, created_at)
SELECT CASE WHEN i % 5 = 0 THEN 'ticket' ELSE 'window' END, 'bench:' || i, 'complete',
    (CAST(:units AS integer[]))[1 + i % cardinality(CAST(:units AS integer[]))],
    CASE WHEN i % 5 = 0 THEN 1 + (i::bigint * 7919) % :tickets END,
    CASE WHEN i % 5 = 0 THEN 'sms' ELSE 'window' END,
    CASE WHEN i % 12 = 0 THEN 1 + i % 2 ELSE 4 + i % 2 END, '[]', 'person', false, i % 25 = 0, false, false,
    at, at
FROM generate_series(1, :n) AS i,
LATERAL (SELECT :now - (:n - i) * (interval '365 days' / :n) AS at) AS c
"""


def timed(fn, runs: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))], result


def run(url: str, n: int, runs: int, fill: bool = True, reviews: int = 0, figures_only: bool = False) -> None:
    now = datetime(2026, 11, 18, 2, 0, tzinfo=timezone.utc)
    hl = bootstrap(Settings(data_dir=Path(tempfile.mkdtemp()), database_url=url, log_level="WARNING"),
                   queue=NullQueue(), classifier=AbstainingClassifier(), router=NoRouter(), migrate=True,
                   clock=lambda: now)
    load_registry_files(hl)
    with hl.sessions() as s:
        units = dict(s.execute(select(Unit.code, Unit.id).order_by(Unit.id)).all())
    t0 = time.perf_counter()
    if not fill:
        with hl.sessions() as s:
            n = s.scalar(text("SELECT max(id) FROM tickets"))
    else:
        _fill(hl, n, units, now, reviews)
        print(f"filled {n:,} tickets and {reviews:,} reviews in {time.perf_counter() - t0:.0f} s", flush=True)
    if figures_only:
        _figures(hl, None, Actor(kind="user", name="督办员", role=Role.supervisor, id="user:sup"), runs)
    else:
        _measure(hl, n, units, runs)
    hl.close()


def _fill(hl, n: int, units: dict, now: datetime, reviews: int) -> None:
    from rectification.rollup import build

    with hl.engine.begin() as conn:
        conn.execute(text(FILL), {"units": list(units.values()), "words": WORDS, "now": now, "n": n})
        conn.execute(text(ASSISTS), {"units": list(units.values())})
        if reviews:
            conn.execute(text(REVIEWS), {"units": list(units.values()), "now": now, "n": reviews, "tickets": n})
    build(hl, now=now)      # the figures' daily roll-up, as `hotline reviews rollup` after an upgrade
    with hl.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE"))


def _measure(hl, n: int, units: dict, runs: int) -> None:
    with hl.sessions() as s:
        some_number = s.scalar(text("SELECT number FROM tickets WHERE id = :id"), {"id": n // 2})
    operator = Actor(kind="user", name="话务员", role=Role.operator, id="user:op")
    supervisor = Actor(kind="user", name="督办员", role=Role.supervisor, id="user:sup")
    unit = Actor(kind="user", name="联络员", role=Role.unit, id="user:u", unit_id=units["D-JA"], unit_code="D-JA")
    cases = [
        ("triage queue (operator)", lambda: svc.list_tickets(hl, actor=operator, queue="triage", limit=200)),
        ("unit inbox (at the unit)", lambda: svc.list_tickets(hl, actor=unit, status="dispatched,signed,in_progress",
                                                             limit=200)),
        ("unit: all its tickets, page 1", lambda: svc.list_tickets(hl, actor=unit, limit=50)),
        ("overdue list (supervisor)", lambda: svc.list_tickets(hl, actor=supervisor, overdue=True, limit=200)),
        ("overdue page: the open overdue, 50", lambda: svc.list_tickets(hl, actor=supervisor, queue="overdue",
                                                                        limit=50)),
        ("overdue page: open under 督办, 50", lambda: svc.list_tickets(hl, actor=supervisor, queue="supervised",
                                                                     limit=50)),
        ("callbacks (operator, 50)", lambda: svc.list_tickets(hl, actor=operator, queue="callbacks", limit=50)),
        ("newest tickets, page 1", lambda: svc.list_tickets(hl, actor=operator, limit=50)),
        ("search by text 路灯不亮", lambda: svc.list_tickets(hl, actor=operator, q="路灯不亮", limit=50)),
        ("search by number", lambda: svc.list_tickets(hl, actor=operator, q=some_number, limit=50)),
        ("ticket page", lambda: svc.get_ticket(hl, actor=operator, number=some_number)),
    ]
    deep = {}

    def deep_page():    # the 20th page of the newest tickets, by cursor
        page = svc.list_tickets(hl, actor=operator, limit=50)
        for _ in range(19):
            page = svc.list_tickets(hl, actor=operator, limit=50, cursor=page["next"])
        deep["cursor"] = page["next"]
        return page

    deep_page()
    cases += [
        ("newest tickets, page 21 by cursor", lambda: svc.list_tickets(hl, actor=operator, limit=50,
                                                                      cursor=deep["cursor"])),
        ("newest tickets, page 21 by offset (old way)", lambda: svc.list_tickets(hl, actor=operator, limit=50,
                                                                                offset=1000)),
    ]
    print(f"| list ({n:,} tickets), service call | p50 | p95 | total |")
    print("|---|---|---|---|")
    for label, fn in cases:
        p50, p95, result = timed(fn, runs)
        total = result.get("total", "-") if isinstance(result, dict) else "-"
        print(f"| {label} | {p50:.0f} ms | {p95:.0f} ms | {total} |", flush=True)
    _figures(hl, operator, supervisor, max(3, runs // 3))
    _http(hl, units, some_number, runs)


def _figures(hl, operator, supervisor, runs: int) -> None:
    """Every view of the 好差评 figures for a month and the year, and the hotline's own dashboard figures."""
    from hotline.console import figures as hotline_figures
    from rectification import metrics

    month = metrics.month_bounds("2026-10", hl.calendar.tz)
    year = (datetime(2025, 11, 18, tzinfo=timezone.utc), datetime(2026, 11, 18, tzinfo=timezone.utc))
    print("\n| figures | p50 | p95 |")
    print("|---|---|---|")
    for view in metrics.VIEWS:
        for label, (start, end) in (("month", month), ("year", year)):
            p50, p95, _ = timed(partial(metrics.figures_for_actor, hl, actor=supervisor, view=view, start=start,
                                        end=end), runs)
            print(f"| 好差评 {view}, {label} | {p50:.0f} ms | {p95:.0f} ms |", flush=True)
    for days in (30, 365):
        # baseline in the same run: every count from the tickets (the GROUP BYs before the roll-up)
        b50, b95, _ = timed(partial(hotline_figures.compute, hl, actor=supervisor, days=days, rollup=False), runs)
        print(f"| hotline dashboard figures, {days} days, counted from the tickets | {b50:.0f} ms | {b95:.0f} ms |")
        p50, p95, _ = timed(partial(hotline_figures.compute, hl, actor=supervisor, days=days), runs)
        print(f"| hotline dashboard figures, {days} days, daily roll-up + today | {p50:.0f} ms | {p95:.0f} ms "
              f"| {b50 / p50:.1f}× faster |", flush=True)


def _http(hl, units: dict, some_number: str, runs: int) -> None:
    """The console pages and API lists through the real app on loopback (sign-in, templates, JSON)."""
    import asyncio

    import aiohttp
    from aiohttp import web

    from hotline.services.auth import create_token, create_user
    from hotline.web.app import create_app

    for name, role, unit in (("bench-op", "operator", None), ("bench-sup", "supervisor", None),
                             ("bench-unit", "unit", "D-JA")):
        try:
            create_user(hl, username=name, password="bench-password-17", role=role, unit_code=unit)
        except Exception:  # noqa: BLE001 - kept from an earlier run
            pass
    token = create_token(hl, name=f"bench-{time.time_ns()}", role="operator")
    unit_token = create_token(hl, name=f"bench-u-{time.time_ns()}", role="unit", unit_code="D-JA")

    async def main() -> None:
        runner = web.AppRunner(create_app(hl))
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        base = f"http://127.0.0.1:{port}"
        sessions = {}
        for who in ("bench-op", "bench-sup", "bench-unit"):
            c = aiohttp.ClientSession(base, cookie_jar=aiohttp.CookieJar(unsafe=True))
            html = await (await c.get("/login")).text()
            csrf = html.split('name="_csrf" value="', 1)[1].split('"', 1)[0]
            r = await c.post("/login", data={"username": who, "password": "bench-password-17", "_csrf": csrf},
                             allow_redirects=False)
            assert r.status == 303, f"sign-in of {who}: {r.status}"
            sessions[who] = c
        api = aiohttp.ClientSession(base, headers={"Authorization": f"Bearer {token}"})
        unit_api = aiohttp.ClientSession(base, headers={"Authorization": f"Bearer {unit_token}"})
        first = await (await api.get("/api/v1/tickets?limit=50")).json()
        pages = [
            ("console: triage queue", sessions["bench-op"], "/console/operator"),
            ("console: callbacks", sessions["bench-op"], "/console/operator/callbacks"),
            ("console: ticket search, newest", sessions["bench-op"], "/console/tickets"),
            ("console: search 路灯不亮", sessions["bench-op"], "/console/tickets?q=路灯不亮"),
            ("console: ticket page", sessions["bench-op"], f"/console/tickets/{some_number}"),
            ("console: unit inbox", sessions["bench-unit"], "/console/unit"),
            ("console: unit's tickets", sessions["bench-unit"], "/console/tickets"),
            ("console: overdue and 督办", sessions["bench-sup"], "/console/supervisor/overdue"),
            ("console: decisions", sessions["bench-sup"], "/console/supervisor/decisions"),
            ("console: figures dashboard", sessions["bench-sup"], "/console/supervisor"),
            ("console: rankings", sessions["bench-sup"], "/console/supervisor/rankings"),
            ("API: newest 50", api, "/api/v1/tickets?limit=50"),
            ("API: next page by cursor", api, f"/api/v1/tickets?limit=50&cursor={first['next']}"),
            ("API: triage queue", api, "/api/v1/tickets?queue=triage&limit=50"),
            ("API: unit's inbox", unit_api, "/api/v1/tickets?status=dispatched,signed,in_progress&limit=50"),
        ]
        print("\n| page over HTTP | p50 | p95 | status |")
        print("|---|---|---|---|")
        for label, client, path in pages:
            times, status = [], 0
            for _ in range(runs):
                t0 = time.perf_counter()
                r = await client.get(path, allow_redirects=False)
                await r.read()
                times.append((time.perf_counter() - t0) * 1000)
                status = r.status
            times.sort()
            print(f"| {label} | {statistics.median(times):.0f} ms | "
                  f"{times[min(len(times) - 1, int(0.95 * len(times)))]:.0f} ms | {status} |", flush=True)
        for c in (*sessions.values(), api, unit_api):
            await c.close()
        await runner.cleanup()

    asyncio.run(main())


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--tickets", type=int, default=2_000_000)
    p.add_argument("--reviews", type=int, default=5_000_000)
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--prefix", default="hl_bench_17_pages", help="name prefix of the scratch database")
    p.add_argument("--figures-only", action="store_true", help="time the figures and the dashboard only")
    p.add_argument("--keep", action="store_true", help="keep the scratch database")
    p.add_argument("--db", help="measure a database kept by an earlier --keep run (upgraded first)")
    args = p.parse_args()
    if args.db:
        run(PG_ADMIN.rsplit("/", 1)[0] + "/" + args.db, 0, args.runs, fill=False, figures_only=args.figures_only)
        return 0
    with scratch_database(args.prefix, keep=args.keep) as url:
        run(url, args.tickets, args.runs, reviews=args.reviews, figures_only=args.figures_only)
    return 0


if __name__ == "__main__":
    sys.exit(main())
