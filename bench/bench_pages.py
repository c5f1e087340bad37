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


def run(url: str, n: int, runs: int, fill: bool = True, reviews: int = 0) -> None:
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
        ("newest tickets, page 1", lambda: svc.list_tickets(hl, actor=operator, limit=50)),
        ("search by text 路灯不亮", lambda: svc.list_tickets(hl, actor=operator, q="路灯不亮", limit=50)),
        ("search by number", lambda: svc.list_tickets(hl, actor=operator, q=some_number, limit=50)),
        ("ticket page", lambda: svc.get_ticket(hl, actor=operator, number=some_number)),
    ]
    print(f"| list ({n:,} tickets) | p50 | p95 | total |")
    print("|---|---|---|---|")
    for label, fn in cases:
        p50, p95, result = timed(fn, runs)
        total = result.get("total", "-") if isinstance(result, dict) else "-"
        print(f"| {label} | {p50:.0f} ms | {p95:.0f} ms | {total} |", flush=True)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--tickets", type=int, default=2_000_000)
    p.add_argument("--reviews", type=int, default=5_000_000)
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--prefix", default="hl_bench_17_pages", help="name prefix of the scratch database")
    p.add_argument("--keep", action="store_true", help="keep the scratch database")
    p.add_argument("--db", help="measure a database kept by an earlier --keep run (upgraded first)")
    args = p.parse_args()
    if args.db:
        run(PG_ADMIN.rsplit("/", 1)[0] + "/" + args.db, 0, args.runs, fill=False)
        return 0
    with scratch_database(args.prefix, keep=args.keep) as url:
        run(url, args.tickets, args.runs, reviews=args.reviews)
    return 0


if __name__ == "__main__":
    sys.exit(main())
