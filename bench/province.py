"""What a province needs: 15 cities' daily appeals on this machine's measured figures.

    python bench/province.py [--days 2] [--scale 10] [--intakes 300] [--sweep-open 50000] [--http-intake-cpu-ms X]

Measures, on a scratch PostgreSQL database (``hl_bench_17_province_*``, dropped afterwards):

1. **A ticket's whole life**: ``--days`` days of the demo city's simulated activity through the real
   service layer (hotline/simulate.py: tickets on every channel, dispatches, returns, answers,
   callbacks, 好差评 ratings of tickets and windows, rectification, the nightly sweep; background work
   in-process): this process's CPU per ticket (not PostgreSQL's), and how many audit rows, notices,
   messages and reviews each ticket brings.
2. **Bytes per row** of ``tickets``, ``audit_events``, ``notices``, ``channel_messages`` and ``reviews``:
   what ``pg_total_relation_size`` (heap, TOAST and every index; partitions summed) grew by during the
   simulation, over the rows it added (the simulation sends no citizen messages: the ones its tickets
   would have had are written afterwards through the notification service).
3. **Intake CPU**: ``--intakes`` ``create_ticket`` calls at the service (what ``POST /api/v1/tickets``
   runs after HTTP parsing and sign-in; background work not run). ``--http-intake-cpu-ms`` uses the
   figure of ``bench/bench_intake_wrk.py`` (the whole web request) instead.
4. **Sweep**: ``--sweep-open`` signed tickets, 1 % due, filled with SQL (bench/bench_sweep.py): the
   sweep's wall time per due ticket and with nothing due.

Then the model (assumptions printed and in docs/benchmarks.md): 15 cities of a province of about
50 million people; daily appeals per city from Beijing's published per-capita rate (1,486万 appeals in
2021 for 2,189万 residents: 0.68 a resident a year), a peak day 3× the mean day (Beijing 2022: about
12万 a day against 4.1万 a day on average), the peak hour 12 % of a day's appeals; one process = one
core at 70 % busy. It prints the processes needed (serve, worker), the database size per year and
where the limits are.
"""
from __future__ import annotations

import argparse
import logging
import math
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import select, text  # noqa: E402

from bench.bench_sweep import FILL  # noqa: E402
from bench.scratch import NullQueue, scratch_database  # noqa: E402
from hotline.bootstrap import AbstainingClassifier, NoRouter, bootstrap  # noqa: E402
from hotline.settings import Settings  # noqa: E402

# (city, residents in millions): a province of 15 cities, ~50 M people (a Hubei-sized province;
# the shape — one large capital, a few cities of 3–6 M, the rest 1–3 M — is what matters)
CITIES = [("省会", 13.7), ("A市", 5.8), ("B市", 5.4), ("C市", 4.5), ("D市", 3.9), ("E市", 3.5), ("F市", 3.2),
          ("G市", 2.7), ("H市", 2.4), ("I市", 1.9), ("J市", 1.4), ("K市", 1.1), ("L市", 0.9), ("M市", 0.8),
          ("N市", 0.6)]
PER_RESIDENT_YEAR = 14.86 / 21.89     # Beijing 2021: 1,486万 appeals, 2,189万 residents
PEAK_DAY = 3.0                        # Beijing 2022 peak ≈ 12万 a day vs ≈ 4.1万 mean
PEAK_HOUR_SHARE = 0.12                # of a day's appeals in its busiest hour (assumption)
BUSY = 0.7                            # a process is planned at 70 % of one core
DAYS_OPEN = 14                        # calendar days a ticket stays open (10–15 working days by type)
TABLES = ("tickets", "audit_events", "notices", "channel_messages", "reviews")


def table_bytes(conn, table: str) -> int:
    """Heap + TOAST + indexes of a table, its partitions included."""
    return int(conn.scalar(text(
        "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
        "WHERE c.oid = CAST(:t AS regclass) OR c.oid IN (SELECT inhrelid FROM pg_inherits "
        "WHERE inhparent = CAST(:t AS regclass))"), {"t": table}))


def sizes(hl) -> tuple[dict, dict]:
    with hl.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in TABLES:   # compact: live rows only (a ticket is updated ~10 times in its life)
            conn.execute(text(f"VACUUM FULL ANALYZE {table}"))
            for child in conn.scalars(text("SELECT inhrelid::regclass::text FROM pg_inherits "
                                           "WHERE inhparent = CAST(:t AS regclass)"), {"t": table}):
                conn.execute(text(f"VACUUM FULL {child}"))
        rows = {t: int(conn.scalar(text(f"SELECT count(*) FROM {t}"))) for t in TABLES}
        return rows, {t: table_bytes(conn, t) for t in TABLES}


def replay_messages(hl) -> None:
    """The simulation sends no citizen messages (its citizens have no phones): write the ones its
    tickets would have had — 受理, 派单, 答复, 办结 where they happened — through the notification
    service, so that messages per ticket and bytes per message are measured too."""
    from channels.notify import notify_ticket
    from models import Ticket

    with hl.sessions() as s:
        rows = s.execute(select(Ticket.id, Ticket.dispatched_at, Ticket.answered_at, Ticket.closed_at)).all()
    for tid, dispatched, answered, closed in rows:
        for event, happened in (("accepted", True), ("dispatched", dispatched), ("answered", answered),
                                ("closed", closed)):
            if happened:
                notify_ticket(hl, tid, event)


def measure_life(url: str, days: int, scale: float) -> dict:
    from hotline.demo import load_demo
    from hotline.simulate import simulate

    hl = bootstrap(Settings(data_dir=Path(tempfile.mkdtemp()), database_url=url, log_level="WARNING"),
                   queue=None, migrate=True)
    try:
        load_demo(hl)
        _, empty = sizes(hl)
        c0, t0 = time.process_time(), time.perf_counter()
        summary = simulate(hl, days=days, seed=17, start=date(2026, 11, 2), scale=scale)
        replay_messages(hl)
        cpu, wall = time.process_time() - c0, time.perf_counter() - t0
        rows, size = sizes(hl)
    finally:
        hl.close()
    tickets = rows["tickets"]
    grown = {t: max(0, size[t] - empty[t]) for t in TABLES}
    return {"days": days, "tickets": tickets, "cpu": cpu, "wall": wall, "rows": rows, "bytes": grown,
            "cpu_per_ticket_ms": 1000 * cpu / tickets, "per_ticket": {t: rows[t] / tickets for t in TABLES},
            "bytes_per_row": {t: grown[t] / rows[t] if rows[t] else 0 for t in TABLES}, "summary": summary}


def measure_intake(url: str, n: int) -> float:
    """CPU ms of one ``create_ticket`` at the service, background work dropped."""
    from hotline.services import tickets
    from hotline.services.actors import Actor
    from hotline.domain.vocab import Role

    hl = bootstrap(Settings(data_dir=Path(tempfile.mkdtemp()), database_url=url, log_level="WARNING"),
                   queue=NullQueue(), classifier=AbstainingClassifier(), router=NoRouter())
    actor = Actor(kind="token", name="渠道", role=Role.channel, id="token:bench")
    try:
        for i in range(20):   # warm-up: pools, caches, the day's first number
            tickets.create_ticket(hl, actor=actor, data={"content": f"预热 {i} 路灯不亮", "channel": "phone"})
        c0 = time.process_time()
        for i in range(n):
            tickets.create_ticket(hl, actor=actor, idempotency_key=f"bench-{i}",
                                  data={"content": f"江岸区解放大道{i}号小区门口占道经营，早高峰堵路",
                                        "channel": "phone", "contact_phone": "13812345678"})
        return 1000 * (time.process_time() - c0) / n
    finally:
        hl.close()


def measure_sweep(url: str, n_open: int) -> dict:
    from hotline.services.sweep import sweep
    from models import Unit

    now = datetime(2026, 11, 18, 2, 0, tzinfo=timezone.utc)
    hl = bootstrap(Settings(data_dir=Path(tempfile.mkdtemp()), database_url=url, log_level="WARNING"),
                   queue=NullQueue(), classifier=AbstainingClassifier(), router=NoRouter(), clock=lambda: now)
    try:
        with hl.sessions() as s:
            units = list(s.scalars(select(Unit.id).order_by(Unit.id)))
        every = 200
        with hl.engine.begin() as conn:
            conn.execute(text("DELETE FROM tickets WHERE number LIKE 'B%'"))
            conn.execute(text(FILL), {"units": units, "now": now, "n": n_open, "every": every, "half": every // 2})
        with hl.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE tickets"))
        out = {}
        for label in ("due", "idle"):
            t0 = time.perf_counter()
            report = sweep(hl, now)
            out[label] = time.perf_counter() - t0
            if label == "due":
                out["acted"] = report.warned + report.urged
        return out
    finally:
        hl.close()


def model(life: dict, intake_ms: float, sweep: dict, http_ms: float | None) -> None:
    daily = {name: people * 1e6 * PER_RESIDENT_YEAR / 365 for name, people in CITIES}
    mean_day = sum(daily.values())
    peak_day = mean_day * PEAK_DAY
    peak_rate = peak_day * PEAK_HOUR_SHARE / 3600
    year = mean_day * 365
    per_ticket_ms = intake_ms if http_ms is None else http_ms
    print("\n== The province (assumptions in the module doc) ==")
    print(f"{len(CITIES)} cities, {sum(p for _, p in CITIES):.1f} M residents; appeals a day: mean {mean_day:,.0f}, "
          f"peak day {peak_day:,.0f}; peak hour {peak_rate:,.1f} intakes/s; a year {year / 1e6:,.1f} M tickets")
    for name, per_day in sorted(daily.items(), key=lambda kv: -kv[1])[:3]:
        print(f"  e.g. {name}: {per_day:,.0f} a day (peak day {per_day * PEAK_DAY:,.0f})")

    serve = max(1, math.ceil(peak_rate * per_ticket_ms / 1000 / BUSY))
    worker_ms = max(0.0, life["cpu_per_ticket_ms"] - intake_ms)
    # a ticket's later work (its intake job, console actions, messages, sweeps) spread over its days open
    # is here counted at the peak hour's intake rate: a pessimistic bound
    workers = max(1, math.ceil(peak_rate * worker_ms / 1000 / BUSY))
    print("\n== Processes (one core each at 70 %) ==")
    print(f"intake CPU per request: {per_ticket_ms:.2f} ms ({'measured at the service' if http_ms is None else 'given'})"
          f" → serve processes at the peak hour: {serve} (+1 for failover)")
    print(f"a ticket's whole life beyond intake: {worker_ms:.1f} ms CPU → worker processes at the peak hour "
          f"(its later work counted at the intake rate): {workers} (+1)")
    sweep_per_due = sweep["due"] / max(1, sweep["acted"])
    open_tickets = mean_day * DAYS_OPEN
    due_per_minute = open_tickets * life["per_ticket"]["notices"] / (DAYS_OPEN * 1440)
    print(f"sweep: {sweep['acted']:,} due in {sweep['due']:.2f} s ({1000 * sweep_per_due:.2f} ms each), "
          f"{sweep['idle']:.2f} s with nothing due; province: ~{open_tickets / 1e6:.2f} M open tickets, "
          f"~{due_per_minute:,.0f} actions due a minute → a 60 s sweep takes "
          f"~{sweep['idle'] + due_per_minute * sweep_per_due:.1f} s")

    print("\n== Database size per year (measured bytes per row × rows per ticket) ==")
    total = 0.0
    for table in TABLES:
        rows = year * life["per_ticket"][table]
        size = rows * life["bytes_per_row"][table]
        total += size
        print(f"  {table:<17} {life['per_ticket'][table]:5.2f} rows a ticket × {life['bytes_per_row'][table]:6,.0f} B"
              f" = {rows / 1e6:8,.1f} M rows, {size / 1e9:7,.1f} GB")
    print(f"  total {total / 1e9:,.0f} GB a year, compacted (other tables are small beside these); update churn "
          "until autovacuum reuses the space, WAL and backups come on top")

    print("\n== Where the limits are ==")
    print(f"- web: {serve} process(es) carry the peak hour; one process gives ~{1000 / per_ticket_ms * BUSY:,.0f} "
          "intakes/s of CPU at 70 %, and capacity grows by adding processes behind the balancer")
    print(f"- the tickets table: {year / 1e6:,.1f} M rows a year in one table, {year / 2e6:,.0f}× the 2 M at which "
          "the list pages were measured (bench/bench_pages.py): lists, search and the overdue lists are the "
          "first to slow down (keyset pagination, archiving closed years)")
    print(f"- sweep: one sweep at a time for the province; it stays under its 60 s interval while the due "
          f"actions a minute × {1000 * sweep_per_due:.1f} ms stay below ~55 s "
          f"(~{55 / sweep_per_due:,.0f} a minute)")
    rows_per_ticket = sum(life["per_ticket"].values())
    print(f"- one PostgreSQL primary takes every write: at the peak hour {peak_rate:,.1f} intakes/s, and with "
          f"{rows_per_ticket:.1f} rows a ticket over its life ~{peak_rate * rows_per_ticket:,.0f} rows/s; figures, "
          "reports and exports can move to a streaming replica (HOTLINE_DATABASE_REPLICA_URL)")
    print(f"- storage: ~{total / 1e9:,.0f} GB a year; audit trail, notices and messages are partitioned by month "
          "(retention per table); reviews and tickets are not")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--days", type=int, default=2, help="days of simulated activity (default 2)")
    p.add_argument("--scale", type=float, default=10, help="the simulated city's volume × (default 10)")
    p.add_argument("--intakes", type=int, default=300, help="create_ticket calls timed (default 300)")
    p.add_argument("--sweep-open", type=int, default=50_000, help="open tickets for the sweep (default 50,000)")
    p.add_argument("--http-intake-cpu-ms", type=float, help="CPU per web intake from bench/bench_intake_wrk.py")
    args = p.parse_args()
    logging.getLogger("channels").setLevel(logging.ERROR)   # the simulated bot citizens have no bot token
    with scratch_database("hl_bench_17_province") as url:
        life = measure_life(url, args.days, args.scale)
        print(f"simulated {life['days']} days: {life['tickets']:,} tickets, {life['rows']['reviews']:,} reviews, "
              f"{life['wall']:.1f} s wall, {life['cpu']:.1f} s CPU → {life['cpu_per_ticket_ms']:.1f} ms CPU a ticket")
        for table in TABLES:
            print(f"  {table:<17} {life['rows'][table]:8,} rows, {life['bytes'][table] / 1e6:7.2f} MB, "
                  f"{life['bytes_per_row'][table]:6,.0f} B a row, {life['per_ticket'][table]:.2f} a ticket")
        intake_ms = measure_intake(url, args.intakes)
        print(f"intake at the service: {intake_ms:.2f} ms CPU each ({args.intakes} create_ticket)")
        sweep = measure_sweep(url, args.sweep_open)
        print(f"sweep over {args.sweep_open:,} open: {sweep['acted']:,} due in {sweep['due']:.2f} s, "
              f"nothing due {sweep['idle']:.2f} s")
    model(life, intake_ms, sweep, args.http_intake_cpu_ms)
    return 0


if __name__ == "__main__":
    sys.exit(main())
