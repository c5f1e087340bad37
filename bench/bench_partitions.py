"""One subject's audit trail on the monthly-partitioned ``audit_events``, with and without a time bound,
beside the same rows in a plain table (the baseline, same run).

    python bench/bench_partitions.py [--rows 2000000] [--years 5] [--lookups 200]

Creates a scratch PostgreSQL database (``hl_bench_17_parts_*``, dropped afterwards), builds the schema
with the migrations, makes the months of ``--years`` years and fills ``--rows`` audit rows spread over
them (10 a subject, with SQL), copies them to a plain table with the same index, and times
``--lookups`` look-ups of one subject's rows (a ticket page's audit trail), for recent subjects and for
subjects 2.5 years old: on the plain table, on the partitioned table, and on the partitioned table
bounded by ``at >= created − 1 day`` (tried to let PostgreSQL skip older months; not used by
``tickets.audit_trail``: it helps recent tickets and hurts old ones, see docs/benchmarks.md).
"""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import create_engine, text  # noqa: E402

from bench.scratch import scratch_database  # noqa: E402
from hotline import db  # noqa: E402
from models import partitions  # noqa: E402

FILL = """
INSERT INTO audit_events (subject_type, subject_id, actor_type, actor_name, action, at)
SELECT 'ticket', i / 10, 'system', '系统', 'a', timestamptz '2022-01-01' + i * :step
FROM generate_series(1, :n) AS i
"""
QUERIES = {
    "plain table": "SELECT * FROM audit_plain WHERE subject_type = 'ticket' AND subject_id = :s ORDER BY at, id",
    "partitioned": "SELECT * FROM audit_events WHERE subject_type = 'ticket' AND subject_id = :s ORDER BY at, id",
    "partitioned, bounded": "SELECT * FROM audit_events WHERE subject_type = 'ticket' AND subject_id = :s "
                            "AND at >= :since ORDER BY at, id",
}


def run(url: str, rows: int, years: int, lookups: int) -> None:
    from datetime import timedelta

    db.upgrade(url)
    engine = create_engine(url)
    step = timedelta(days=365 * years) / rows
    with engine.begin() as conn:
        partitions.ensure_months(conn, partitions.BY_NAME["audit_events"], date(2022, 1, 1),
                                 date(2022 + years - 1, 12, 1))
        t0 = time.perf_counter()
        conn.execute(text(FILL), {"n": rows, "step": step})
        conn.execute(text("CREATE TABLE audit_plain AS SELECT * FROM audit_events"))
        conn.execute(text("CREATE INDEX ix_plain_subject ON audit_plain (subject_type, subject_id)"))
        print(f"filled {rows:,} rows in {time.perf_counter() - t0:.1f} s")
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM ANALYZE audit_events"))
        conn.execute(text("VACUUM ANALYZE audit_plain"))
        n = conn.scalar(text("SELECT count(*) FROM pg_inherits WHERE inhparent = 'audit_events'::regclass"))
        spent: dict[str, float] = {}
        last = rows // 10
        for age, subjects in (("recent", [last - 1 - i * 3 for i in range(lookups)]),     # the last days
                              ("2.5 years old", [last // 2 + i * 7 for i in range(lookups)])):
            since = {sub: conn.scalar(text("SELECT min(at) - interval '1 day' FROM audit_plain WHERE "
                                           "subject_type = 'ticket' AND subject_id = :s"), {"s": sub})
                     for sub in subjects}
            for label, sql in QUERIES.items():
                for _attempt in range(2):   # the first round warms the caches
                    t0 = time.perf_counter()
                    for subject in subjects:
                        conn.execute(text(sql), {"s": subject, "since": since[subject]}).all()
                    spent[f"{age}: {label}"] = (time.perf_counter() - t0) / lookups * 1000
    print(f"{n} partitions, {lookups} look-ups of one subject's 10 rows (mean per look-up):")
    for key, ms in spent.items():
        base = spent[key.split(":")[0] + ": plain table"]
        print(f"  {key:<38} {ms:6.2f} ms  ({ms / base:.2f}× the plain table)")
    engine.dispose()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=2_000_000)
    p.add_argument("--years", type=int, default=5)
    p.add_argument("--lookups", type=int, default=200)
    args = p.parse_args()
    with scratch_database("hl_bench_17_parts") as url:
        run(url, args.rows, args.years, args.lookups)
    return 0


if __name__ == "__main__":
    sys.exit(main())
