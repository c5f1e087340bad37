"""Every figure of issue 6 for all units over millions of reviews and tickets on PostgreSQL.

    python bench/bench_metrics.py                       # 5,000,000 reviews, 2,000,000 tickets
    python bench/bench_metrics.py --reviews 500000 --tickets 200000 --db hl_bench_small
    python bench/bench_metrics.py --reuse               # keep the generated database from a run before

Builds a dedicated database (``--db``, default ``hl_bench_metrics``) with the migrations, loads the
demo city's units and windows, bulk-generates the year 2026 with SQL ``generate_series`` (办件,
reviews, 差评 rectification cases, tickets, returns), runs ANALYZE, then times each SQL aggregate the
figures come from — for one month and for the whole year — and prints the figures of the city; then
builds the daily roll-up (``metric_daily``), times a sweep's refresh and every view's figures from it
(month, year, everything, a year with partial days at both ends). The target is ≤ 1 s for each figure.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text  # noqa: E402

ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
YEAR_START = "2026-01-01 00:00:00+08"
YEAR_SECONDS = 365 * 86400


def _admin(url: str, sql: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


def generate(url: str, reviews: int, tickets: int) -> None:
    """Bulk-generate a year of activity with generate_series (no Python loops over rows)."""
    cases = reviews * 4 // 5            # 办件; 3/4 of them are rated, the rest are 未评
    rated_cases = cases * 3 // 4
    visits = reviews * 6 // 25          # window visits without a 办件
    ticket_reviews = reviews - rated_cases - visits
    engine = create_engine(url)
    steps = [
        ("service_cases", f"""
            INSERT INTO service_cases (id, case_number, unit_id, window_id, staff_number, staff_name, service_item_code,
                                       service_item_name, channel, accepted_at, completed_at, rated_at)
            SELECT g, 'BJ' || g, u.id, w.id, 'S' || (g % 2000), '工作人员' || (g % 2000), 'ITEM' || (g % 300),
                   '事项' || (g % 300), 'window', ts, ts + interval '2 hours',
                   CASE WHEN g <= {rated_cases} AND g % 50 <> 7 THEN ts + interval '2 hours 5 minutes' END
            FROM generate_series(1, {cases}) g
            CROSS JOIN LATERAL (SELECT timestamptz '{YEAR_START}' + (g::float8 / {cases} * {YEAR_SECONDS}) * interval '1 second' AS ts) t
            JOIN units_n u ON u.n = g % (SELECT count(*) FROM units_n)
            LEFT JOIN windows_n w ON w.n = g % (SELECT count(*) FROM windows_n)"""),
        ("reviews (办件)", f"""
            INSERT INTO reviews (target, subject_key, stage, unit_id, window_id, case_number, staff_number, staff_name,
                                 service_item_code, service_item_name, channel, level, reason_tags, rater_type,
                                 real_name, is_default, excluded, flagged, rated_at, created_at)
            SELECT 'case', 'case:' || c.case_number, 'complete', c.unit_id, c.window_id, c.case_number, c.staff_number,
                   c.staff_name, c.service_item_code, c.service_item_name,
                   (ARRAY['tablet','qr','miniprogram','terminal','web'])[1 + c.id % 5], lv.level, '[]',
                   'person', c.id % 2 = 0, c.id % 50 = 7, c.id % 500 = 1, false, c.completed_at + interval '5 minutes',
                   c.completed_at + interval '5 minutes'
            FROM service_cases c
            CROSS JOIN LATERAL (SELECT CASE WHEN c.id % 50 = 7 THEN 3 WHEN c.id % 100 < 3 THEN 1 WHEN c.id % 100 < 6 THEN 2
                                            WHEN c.id % 100 < 15 THEN 3 WHEN c.id % 100 < 35 THEN 4 ELSE 5 END AS level) lv
            WHERE c.id <= {rated_cases}"""),
        ("reviews (visits)", f"""
            INSERT INTO reviews (target, stage, unit_id, window_id, staff_number, channel, channel_ref, level, reason_tags,
                                 rater_type, real_name, is_default, excluded, flagged, rated_at, created_at)
            SELECT 'window', 'complete', w.unit_id, w.id, 'S' || (g % 2000), 'tablet', 'visit-' || g,
                   CASE WHEN g % 100 < 2 THEN 1 WHEN g % 100 < 5 THEN 2 WHEN g % 100 < 12 THEN 3 WHEN g % 100 < 30 THEN 4 ELSE 5 END,
                   '[]', 'person', false, false, false, false, ts, ts
            FROM generate_series(1, {visits}) g
            CROSS JOIN LATERAL (SELECT timestamptz '{YEAR_START}' + (g::float8 / {visits} * {YEAR_SECONDS}) * interval '1 second' AS ts) t
            JOIN windows_n w ON w.n = g % (SELECT count(*) FROM windows_n)"""),
        ("tickets", f"""
            INSERT INTO tickets (number, channel, citizen_ref, appeal_type, urgency, title, content, hide_identity,
                                 share_contact, status, lead_unit_id, binding_dispatch, created_at, updated_at,
                                 first_dispatched_at, dispatched_at, signed_at, answered_at, callback_at, closed_at,
                                 solved, satisfaction, extension_workdays, return_count, reopen_count, signed_on_time,
                                 answered_on_time, overdue, supervision_level, intake_state, intake_attempts, version_id)
            SELECT 'T' || g, (ARRAY['phone','phone','miniprogram','bot','web','open311'])[1 + g % 6], 'c' || g,
                   'complaint', 'normal', '诉求' || g, '江岸区某路诉求内容' || g, false, false,
                   CASE WHEN g % 10 = 0 THEN 'signed' ELSE 'closed' END, u.id, false, ts, ts,
                   ts + interval '1 hour', ts + interval '1 hour', ts + interval '5 hours',
                   CASE WHEN g % 10 = 0 THEN NULL ELSE ts + interval '3 days' END,
                   CASE WHEN g % 10 = 0 THEN NULL ELSE ts + interval '4 days' END,
                   CASE WHEN g % 10 = 0 THEN NULL ELSE ts + interval '4 days' END,
                   CASE WHEN g % 10 = 0 THEN NULL ELSE g % 17 <> 0 END,
                   CASE WHEN g % 10 = 0 THEN NULL WHEN g % 23 = 0 THEN 'unsatisfied' WHEN g % 5 = 0 THEN 'basic' ELSE 'satisfied' END,
                   0, CASE WHEN g % 20 = 3 THEN 1 ELSE 0 END, CASE WHEN g % 33 = 0 THEN 1 ELSE 0 END,
                   g % 13 <> 0, CASE WHEN g % 10 = 0 THEN NULL ELSE g % 11 <> 0 END,
                   false, 'none', 'done', 1, 1
            FROM generate_series(1, {tickets}) g
            CROSS JOIN LATERAL (SELECT timestamptz '{YEAR_START}' + (g::float8 / {tickets} * {YEAR_SECONDS}) * interval '1 second' AS ts) t
            JOIN units_n u ON u.n = g % (SELECT count(*) FROM units_n)"""),
        ("ticket_returns", """
            INSERT INTO ticket_returns (ticket_id, unit_id, reason, status, created_at)
            SELECT t.id, u.id, '不属于本单位职责', 'accepted', t.created_at + interval '2 hours'
            FROM tickets t JOIN units_n u ON u.n = (t.id + 7) % (SELECT count(*) FROM units_n)
            WHERE t.return_count > 0"""),
        ("reviews (tickets)", f"""
            INSERT INTO reviews (target, subject_key, stage, unit_id, ticket_id, channel, level, reason_tags, rater_type,
                                 real_name, is_default, excluded, flagged, rated_at, created_at)
            SELECT 'ticket', 'ticket:' || t.number, 'complete', t.lead_unit_id, t.id,
                   CASE WHEN t.id % 2 = 0 THEN 'callback' ELSE 'miniprogram' END,
                   CASE WHEN t.id % 100 < 4 THEN 1 WHEN t.id % 100 < 8 THEN 2 WHEN t.id % 100 < 20 THEN 3 ELSE 5 END,
                   '[]', 'person', false, false, false, false, t.closed_at + interval '1 hour', t.closed_at + interval '1 hour'
            FROM tickets t WHERE t.status = 'closed' ORDER BY t.id LIMIT {ticket_reviews}"""),
        ("rectification_cases", f"""
            INSERT INTO rectification_cases (review_id, unit_id, status, real_name, opened_at, contact_due, rectify_due,
                                             callback_at, callback_on_time, finding, replied_at, replied_on_time,
                                             follow_up, follow_up_at, sent_back_count, closed_at, overdue,
                                             contact_overdue, supervision_level, updated_at, version_id)
            SELECT r.id, r.unit_id,
                   (ARRAY['opened','verified','found','rectifying','replied','followed_up','closed','closed','closed','closed'])[1 + r.id % 10],
                   r.real_name, r.rated_at, r.rated_at + interval '1 day', r.rated_at + interval '21 days',
                   CASE WHEN r.id % 10 >= 1 THEN r.rated_at + interval '20 hours' END,
                   CASE WHEN r.id % 10 >= 1 THEN r.id % 7 <> 0 END,
                   CASE WHEN r.id % 10 >= 2 THEN 'fix_now' END,
                   CASE WHEN r.id % 10 >= 4 THEN r.rated_at + interval '10 days' END,
                   CASE WHEN r.id % 10 >= 4 THEN r.id % 9 <> 0 END,
                   CASE WHEN r.id % 10 >= 5 THEN (ARRAY['satisfied','basic','unsatisfied'])[1 + r.id % 3] END,
                   CASE WHEN r.id % 10 >= 5 THEN r.rated_at + interval '12 days' END,
                   0, CASE WHEN r.id % 10 >= 6 THEN r.rated_at + interval '14 days' END,
                   r.id % 10 < 4 AND r.rated_at < timestamptz '{YEAR_START}' + interval '340 days', false, 'none',
                   r.rated_at, 1
            FROM reviews r WHERE r.level <= 2 AND NOT r.is_default"""),
    ]
    with engine.begin() as conn:
        conn.execute(text("CREATE TEMP TABLE units_n AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM units"))
        conn.execute(text("CREATE TEMP TABLE windows_n AS SELECT id, unit_id, row_number() OVER (ORDER BY id) - 1 AS n "
                          "FROM windows"))
        for name, sql in steps:
            t0 = time.perf_counter()
            n = conn.execute(text(sql)).rowcount
            print(f"  {name:<22} {n:>10,} rows  {time.perf_counter() - t0:6.1f} s", flush=True)
    _admin(url, "VACUUM ANALYZE")
    engine.dispose()


def build(admin: str, name: str, reviews: int, tickets: int, reuse: bool) -> str:
    from hotline import db
    from hotline.bootstrap import bootstrap
    from hotline.queue import InlineQueue
    from hotline.services.registry import load_registry_files
    from hotline.settings import Settings

    url = admin.rsplit("/", 1)[0] + "/" + name
    if reuse:
        db.upgrade(url)                 # a database generated before a migration was added
        return url
    _admin(admin, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _admin(admin, f'CREATE DATABASE "{name}"')
    db.upgrade(url)
    hl = bootstrap(Settings(data_dir=Path("/tmp/hl-bench-metrics"), database_url=url), queue=InlineQueue(),
                   start_queue=False)
    try:
        load_registry_files(hl)
        from rectification import load_demo

        load_demo(hl)
    finally:
        hl.close()
    print(f"generating {reviews:,} reviews and {tickets:,} tickets in {name} …", flush=True)
    t0 = time.perf_counter()
    generate(url, reviews, tickets)
    print(f"  generated in {time.perf_counter() - t0:.0f} s", flush=True)
    return url


def timed(fn, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def measure(url: str, repeat: int, month: str) -> list[tuple[str, str, float]]:
    from sqlalchemy.orm import Session

    from rectification import metrics

    engine = create_engine(url)
    tz = __import__("zoneinfo").ZoneInfo("Asia/Shanghai")
    periods = {f"month {month}": metrics.month_bounds(month, tz), "year 2026": metrics.month_bounds("2026-01", tz)[:1]
               + metrics.month_bounds("2026-12", tz)[1:]}
    groups = {
        "reviews": (metrics._review_counts, ["good_rate", "active_good_rate", "bad_reply_rate", "rectify_rate",
                                             "rectify_satisfaction_rate"]),
        "unrated": (metrics._unrated_counts, ["unrated_rate"]),
        "tickets+returns": (metrics._ticket_counts, ["response_rate", "on_time_rate", "solve_rate",
                                                     "satisfaction_rate", "return_rate", "reopen_rate"]),
    }
    results = []
    with Session(engine) as s:
        counts = {t: s.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in
                  ("reviews", "tickets", "service_cases", "rectification_cases", "ticket_returns")}
        print("rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
        for label, (start, end) in periods.items():
            print(f"\n== view=unit, {label} ==")
            for group, (fn, figures) in groups.items():
                secs, rows = timed(lambda: fn(s, "unit", start, end, None), repeat)  # noqa: B023 (timed at once)
                print(f"  {group:<16} {secs * 1000:8.0f} ms  ({len(rows)} units)  → "
                      + "、".join(metrics.FIGURES_BY_KEY[f].label for f in figures))
                results += [(label, metrics.FIGURES_BY_KEY[f].label, secs) for f in figures]
            secs, rows = timed(lambda: metrics.compute(s, view="unit", start=start, end=end, rollup=False),  # noqa: B023
                               repeat)
            ranked = metrics.ranking(rows)
            print(f"  all figures + ranking: {secs * 1000:.0f} ms for {len(rows)} units; "
                  f"末位: {', '.join(r['key'] for r in ranked if r['bottom'])}")
            city = metrics.compute(s, view="all", start=start, end=end, rollup=False)[0]
            print("  city: " + "  ".join(f"{f.label} {'—' if city[f.key] is None else f'{city[f.key] * 100:.2f}%'}"
                                         for f in metrics.FIGURES))
    engine.dispose()
    return results


def _hl(url: str):
    from hotline.bootstrap import bootstrap
    from hotline.queue import InlineQueue
    from hotline.settings import Settings

    return bootstrap(Settings(data_dir=Path("/tmp/hl-bench-metrics"), database_url=url), queue=InlineQueue(),
                     start_queue=False)


def measure_rollup(url: str, repeat: int, month: str) -> list[tuple[str, str, float]]:
    """Build the daily roll-up of 2026, time a sweep's refresh, then every view's figures from it."""
    from datetime import date, datetime, timedelta

    from sqlalchemy.orm import Session

    from rectification import metrics, rollup

    hl = _hl(url)
    tz = hl.calendar.tz
    print("\n== daily roll-up (metric_daily) ==")
    t0 = time.perf_counter()
    done = rollup.build(hl, date(2026, 1, 1), date(2026, 12, 31))
    print(f"  build 2026-01-01 … 2026-12-31: {done['rows']:,} rows in {time.perf_counter() - t0:.1f} s", flush=True)
    after = datetime(2027, 1, 1, 3, tzinfo=tz)
    t0 = time.perf_counter()
    ref = rollup.refresh(hl, after)
    print(f"  a sweep's refresh ({ref['days']} days: the last {rollup.REFRESH_DAYS} and the dirty ones): "
          f"{time.perf_counter() - t0:.1f} s", flush=True)
    t0 = time.perf_counter()
    rollup.build(hl, date(2026, 6, 15), date(2026, 6, 15))
    print(f"  one day rebuilt: {time.perf_counter() - t0:.2f} s", flush=True)
    _admin(url, "VACUUM ANALYZE metric_daily")
    periods = {f"month {month}": metrics.month_bounds(month, tz),
               "year 2026": (metrics.month_bounds("2026-01", tz)[0], metrics.month_bounds("2026-12", tz)[1]),
               "everything": (None, None),
               "year, partial days": (metrics.month_bounds("2026-01", tz)[0] + timedelta(hours=5),
                                      metrics.month_bounds("2026-12", tz)[1] - timedelta(hours=5))}
    results = []
    engine = create_engine(url)
    with Session(engine) as s:
        for label, (start, end) in periods.items():
            print(f"\n== roll-up, {label} ==")
            for view in ("unit", "all", "channel", "window", "staff", "service_item"):
                def run(view=view, start=start, end=end):
                    rows = metrics.compute(s, view=view, start=start, end=end)
                    return metrics.ranking(rows) if view == "unit" else rows
                secs, rows = timed(run, repeat)
                print(f"  view={view:<8} all 12 figures{' + ranking' if view == 'unit' else ''}: "
                      f"{secs * 1000:6.0f} ms ({len(rows)} rows)", flush=True)
                results += [(label, f"{f.label} (view={view})", secs) for f in metrics.FIGURES]
        start, end = periods["year 2026"]
        same = metrics.compute(s, view="unit", start=start, end=end) == metrics.compute(
            s, view="unit", start=start, end=end, rollup=False)
        print(f"\n  year by unit, roll-up equals raw: {same}")
    engine.dispose()
    hl.close()
    return results


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--admin-url", default=ADMIN)
    p.add_argument("--db", default="hl_bench_metrics")
    p.add_argument("--reviews", type=int, default=5_000_000)
    p.add_argument("--tickets", type=int, default=2_000_000)
    p.add_argument("--month", default="2026-06")
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--reuse", action="store_true", help="measure the database a run before generated")
    p.add_argument("--drop", action="store_true", help="drop the database afterwards")
    p.add_argument("--rollup-only", action="store_true", help="time the figures from the roll-up only")
    args = p.parse_args(argv)
    url = build(args.admin_url, args.db, args.reviews, args.tickets, args.reuse)
    results = [] if args.rollup_only else measure(url, args.repeat, args.month)
    results += measure_rollup(url, args.repeat, args.month)
    slow = [(period, label, secs) for period, label, secs in results if secs > 1.0]
    print(f"\n{len(results) - len(slow)} of {len(results)} figure timings ≤ 1 s"
          + ("" if not slow else "; over: " + ", ".join(f"{lbl} ({p}) {s:.2f} s" for p, lbl, s in slow)))
    if args.drop:
        _admin(args.admin_url, f'DROP DATABASE IF EXISTS "{args.db}" WITH (FORCE)')
    return 0 if not slow else 1


if __name__ == "__main__":
    sys.exit(main())
