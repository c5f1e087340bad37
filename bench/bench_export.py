"""Exports of any size and holiday changes over many open tickets, on PostgreSQL.

    python bench/bench_export.py                         # 100,000 tickets, 20,000 of them open
    python bench/bench_export.py --tickets 20000 --db hl_bench_export_small

Builds a scratch database (``--db``) with the migrations and the demo city's units, bulk-generates
tickets with SQL ``generate_series``, then times:

* the console's ticket export (``iter_tickets`` → ``ticket_row`` → ``write_xlsx``, openpyxl
  write-only with lxml), all rows; then the peak of Python memory while writing (a second run under
  tracemalloc, which is much slower and not timed);
* ``change_days``: one day set off in the middle of the open tickets' deadlines, every affected
  deadline recomputed with an audit entry, in one transaction.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text  # noqa: E402

ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def _admin(sql: str) -> None:
    engine = create_engine(ADMIN, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(sql))
    engine.dispose()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--tickets", type=int, default=100_000)
    p.add_argument("--open", type=int, default=20_000, help="how many of them are open (dispatched)")
    p.add_argument("--db", default="hl_bench_export")
    args = p.parse_args()

    from hotline import db
    from hotline.bootstrap import AbstainingClassifier, NoRouter, bootstrap
    from hotline.console.web import TICKET_HEADERS, ticket_row
    from hotline.console.xlsx import write_xlsx
    from hotline.queue import InlineQueue
    from hotline.services.actors import Actor
    from hotline.services.holidays import DayChange, change_days
    from hotline.services.registry import load_registry_files
    from hotline.services.tickets import iter_tickets
    from hotline.domain.vocab import Role
    from hotline.settings import Settings

    _admin(f'DROP DATABASE IF EXISTS "{args.db}" WITH (FORCE)')
    _admin(f'CREATE DATABASE "{args.db}"')
    url = ADMIN.rsplit("/", 1)[0] + "/" + args.db
    try:
        db.upgrade(url)
        with tempfile.TemporaryDirectory() as tmp:
            hl = bootstrap(Settings(data_dir=Path(tmp), database_url=url), queue=InlineQueue(),
                           classifier=AbstainingClassifier(), router=NoRouter())
            load_registry_files(hl)
            t0 = time.perf_counter()
            with hl.engine.begin() as conn:
                conn.execute(text(f"""
                    INSERT INTO tickets (number, channel, content, title, appeal_type, urgency, hide_identity,
                        share_contact, status, lead_unit_id, binding_dispatch, created_at, updated_at, dispatched_at,
                        complete_due, return_due, extension_workdays, return_count, reopen_count, overdue,
                        supervision_level, intake_state, intake_attempts, version_id)
                    SELECT '2026' || lpad(g::text, 8, '0'), 'phone', '第' || g || '件诉求：小区路灯不亮，晚上出行不便',
                        '路灯不亮 ' || g, 'help', 'normal', false, false,
                        CASE WHEN g > {args.tickets - args.open} THEN 'dispatched' ELSE 'closed' END,
                        (SELECT id FROM units ORDER BY id OFFSET (g % 40) LIMIT 1), false, ts, ts, ts,
                        ts + interval '14 days', ts + interval '2 days', 0, 0, 0, false, 'none', 'done', 1, 1
                    FROM generate_series(1, {args.tickets}) g
                    CROSS JOIN LATERAL (SELECT timestamptz '2026-12-01 09:00+08'
                                        - ((({args.tickets} - g)::float8 / {args.tickets}) * 30) * interval '1 day'
                                        AS ts) t"""))
                conn.execute(text("ANALYZE tickets"))
            print(f"generated {args.tickets:,} tickets ({args.open:,} open) in {time.perf_counter() - t0:.1f} s")

            sup = Actor(kind="user", name="督办员", role=Role.supervisor, id="user:bench")
            out = Path(tmp) / "export.xlsx"
            def export() -> int:
                rows = (ticket_row(hl, t) for t in iter_tickets(hl, actor=sup))
                return write_xlsx(str(out), "工单", TICKET_HEADERS, rows)

            t0 = time.perf_counter()
            n = export()
            elapsed = time.perf_counter() - t0
            print(f"export: {n:,} rows in {elapsed:.1f} s ({n / elapsed:,.0f} rows/s), "
                  f"{os.path.getsize(out) / 1e6:.1f} MB")
            tracemalloc.start()  # a second run under tracemalloc (slow) for the memory peak only
            export()
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            print(f"export: peak Python memory while writing {peak / 1e6:.1f} MB (tracemalloc)")

            t0 = time.perf_counter()
            result = change_days(hl, [DayChange(date(2026, 12, 10), False, "bench")])
            print(f"holiday change: {len(result['tickets_moved']):,} open tickets moved, each with an audit entry, "
                  f"in {time.perf_counter() - t0:.1f} s")
            hl.close()
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{args.db}" WITH (FORCE)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
