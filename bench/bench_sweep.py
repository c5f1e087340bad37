"""The deadline sweep at the scale of a province: its cost follows what is due, not what is open.

    python bench/bench_sweep.py [--open 1000000] [--due-percent 1] [--keep] [--statements]
    python bench/bench_sweep.py --reuse hl_bench_17_sweep_XXXXXXXX [--statements]   # a kept database again

Creates a scratch PostgreSQL database (``hl_bench_17_sweep_*`` on 127.0.0.1, dropped afterwards
unless ``--keep``), builds the schema with the migrations, loads the demo city's units and fills
``--open`` signed tickets with SQL (``generate_series``): ``--due-percent`` of them are due now (half
a 预警 within 24 h of the deadline, half a 催办 past it), the others are due in three days. Then it
runs one sweep (which acts on the due tickets), a second one right after (nothing is due any more)
and prints their wall time, split into the ticket sweep and each sweep hook (好差评 supervision,
figures roll-up, channel retries).

``--reuse NAME`` runs the two sweeps again on a database kept with ``--keep``: the due tickets are put
back as they were filled (stamps cleared, ``next_action_at`` due again), the notices and audit entries
the last run wrote are truncated, and the tables vacuumed first. ``--statements`` adds the time spent in
each kind of statement (summed over the sweep's threads, so it may exceed the wall time).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import func, select, text  # noqa: E402

from hotline.bootstrap import AbstainingClassifier, NoRouter, bootstrap  # noqa: E402
from bench.scratch import PG_ADMIN, NullQueue, scratch_database  # noqa: E402
from hotline.services.registry import load_registry_files  # noqa: E402
from hotline.services.sweep import sweep  # noqa: E402
from hotline.settings import Settings  # noqa: E402
from models import Notice, Unit  # noqa: E402





FILL = """
INSERT INTO tickets (number, channel, content, status, appeal_type, urgency, lead_unit_id, created_at,
    updated_at, dispatched_at, signed_at, complete_due, next_action_at, intake_state, title, hide_identity,
    share_contact, binding_dispatch, extension_workdays, return_count, reopen_count, overdue,
    supervision_level, intake_attempts, version_id)
SELECT 'B' || lpad(i::text, 11, '0'), 'phone', '江岸区解放大道占道经营', 'signed', 'complaint', 'normal',
    (CAST(:units AS integer[]))[1 + i % cardinality(CAST(:units AS integer[]))], :now - interval '10 days', :now, :now - interval '10 days',
    :now - interval '9 days', d.due,
    CASE WHEN i % :every = 0 THEN d.due + interval '1 microsecond' ELSE d.due - interval '24 hours' END,
    'done', '占道经营', false, false, false, 0, 0, 0, false, 'none', 1, 1
FROM generate_series(1, :n) AS i,
LATERAL (SELECT CASE WHEN i % :every = 0 THEN :now - interval '1 hour'              -- 催办 due
                     WHEN i % :every = :half THEN :now + interval '12 hours'       -- 预警 due
                     ELSE :now + interval '3 days' + (i % 48) * interval '1 hour' END AS due) AS d
"""


RESET = """
UPDATE tickets SET overdue = false, supervision_level = 'none', warned_at = NULL, urged_at = NULL,
    notified_at = NULL, version_id = 1,
    next_action_at = CASE WHEN complete_due < :now THEN complete_due + interval '1 microsecond'
                          ELSE complete_due - interval '24 hours' END
WHERE warned_at IS NOT NULL OR urged_at IS NOT NULL OR notified_at IS NOT NULL
"""


def reset(hl, now) -> None:
    """Put a kept database back as it was filled (``--reuse``)."""
    t0 = time.perf_counter()
    with hl.engine.begin() as conn:
        n = conn.execute(text(RESET), {"now": now}).rowcount
        conn.execute(text("TRUNCATE notices, audit_events"))
    with hl.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in ("tickets", "ticket_schedule", "notices", "audit_events"):
            conn.execute(text(f"VACUUM ANALYZE {table}"))
    print(f"reset {n:,} tickets and vacuumed in {time.perf_counter() - t0:.1f} s")


def timed_statements(engine) -> dict[str, list[float]]:
    """Seconds and count per kind of statement (its first words), summed over threads."""
    import threading
    from sqlalchemy import event

    spent: dict[str, list[float]] = {}
    local = threading.local()

    @event.listens_for(engine, "before_cursor_execute")
    def before(conn, cursor, statement, parameters, context, executemany):
        local.t0 = time.perf_counter()

    @event.listens_for(engine, "after_cursor_execute")
    def after(conn, cursor, statement, parameters, context, executemany):
        words = " ".join(statement.split()[:3])[:40]
        entry = spent.setdefault(words, [0.0, 0])
        entry[0] += time.perf_counter() - local.t0
        entry[1] += 1

    return spent


def timed_hooks(hl) -> dict[str, float]:
    spent: dict[str, float] = {}

    def wrap(hook):
        name = f"{hook.__module__}.{hook.__name__}"

        def timed(*args):
            t0 = time.perf_counter()
            try:
                return hook(*args)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t0
        return timed

    hl.sweep_hooks = [wrap(h) for h in hl.sweep_hooks]
    return spent


def run(url: str, n_open: int, due_percent: float, profile: str | None = None, *, reuse: bool = False,
        statements: bool = False) -> None:
    now = datetime(2026, 11, 18, 2, 0, tzinfo=timezone.utc)     # a Wednesday, 10:00 in Beijing
    hl = bootstrap(Settings(data_dir=Path(tempfile.mkdtemp()), database_url=url, log_level="WARNING"),
                   queue=NullQueue(), classifier=AbstainingClassifier(), router=NoRouter(), migrate=True,
                   clock=lambda: now)
    if reuse:
        reset(hl, now)
    else:
        fill(hl, now, n_open, due_percent)
    sweeps(hl, now, profile, statements)


def fill(hl, now, n_open: int, due_percent: float) -> None:
    load_registry_files(hl)
    with hl.sessions() as s:
        units = list(s.scalars(select(Unit.id).order_by(Unit.id)))
    every = max(2, round(200 / due_percent))   # one row in `every` is due for a 催办, one for a 预警
    t0 = time.perf_counter()
    with hl.engine.begin() as conn:
        conn.execute(text(FILL), {"units": units, "now": now, "n": n_open, "every": every, "half": every // 2})
    with hl.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for table in ("tickets", "ticket_schedule"):    # as autovacuum would after such a load
            conn.execute(text(f"VACUUM ANALYZE {table}"))
    print(f"filled {n_open:,} open tickets in {time.perf_counter() - t0:.1f} s "
          f"({n_open // every:,} due for a 催办 and {n_open // every:,} for a 预警, the rest in 3 days)")
    from rectification.rollup import build

    t0 = time.perf_counter()
    build(hl, now=now)      # as after an upgrade (hotline reviews rollup): the sweeps then keep it fresh
    print(f"figures roll-up built once in {time.perf_counter() - t0:.1f} s")


def hot_counts(hl) -> tuple[int, int]:
    """tickets' updates and HOT updates so far (the sweep's connections closed first: each backend
    reports its counts when it exits)."""
    hl.engine.dispose()
    time.sleep(1)
    with hl.engine.connect() as conn:
        conn.execute(text("SELECT pg_stat_clear_snapshot()"))
        row = conn.execute(text("SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables "
                                "WHERE relname = 'tickets'")).one()
    return int(row[0]), int(row[1])


def sweeps(hl, now, profile: str | None, statements: bool) -> None:
    spent = timed_hooks(hl)
    per_statement = timed_statements(hl.engine) if statements else None
    for label in ("first sweep (acts on what is due)", "second sweep (nothing due)"):
        spent.clear()
        if per_statement is not None:
            per_statement.clear()
        counts = hot_counts(hl)
        t0, c0 = time.perf_counter(), time.process_time()
        if profile and label.startswith("first"):
            import cProfile

            with cProfile.Profile() as prof:
                report = sweep(hl, now)
            prof.dump_stats(profile)
        else:
            report = sweep(hl, now)
        total, cpu = time.perf_counter() - t0, time.process_time() - c0
        hooks = sum(spent.values())
        print(f"{label}: {total:.2f} s (this process's CPU {cpu:.2f} s) — tickets {total - hooks:.2f} s, hooks "
              + ", ".join(f"{k.rsplit('.', 2)[-2]} {v:.2f} s" for k, v in spent.items())
              + f"; warned {report.warned}, urged {report.urged}, errors {report.errors}, "
              f"chunks retried one by one {report.extra.get('chunks_retried', 0)}")
        updated, hot = (a - b for a, b in zip(hot_counts(hl), counts))
        print(f"    tickets updated: {updated:,}, of which HOT (no index touched): {hot:,}")
        if per_statement:
            for words, (seconds, count) in sorted(per_statement.items(), key=lambda kv: -kv[1][0])[:12]:
                print(f"    {seconds:6.2f} s  {count:6,}×  {words}")
    with hl.sessions() as s:
        print(f"notices written: {s.scalar(select(func.count(Notice.id))):,}")
    hl.close()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--open", type=int, default=1_000_000)
    p.add_argument("--due-percent", type=float, default=1.0)
    p.add_argument("--keep", action="store_true", help="keep the scratch database")
    p.add_argument("--profile", metavar="FILE", help="write a cProfile of the first sweep to FILE")
    p.add_argument("--reuse", metavar="NAME", help="sweep a database kept with --keep again (reset first)")
    p.add_argument("--statements", action="store_true", help="time each kind of statement")
    args = p.parse_args()
    if args.reuse:
        run(PG_ADMIN.rsplit("/", 1)[0] + "/" + args.reuse, args.open, args.due_percent, args.profile, reuse=True,
            statements=args.statements)
        return 0
    with scratch_database("hl_bench_17_sweep", keep=args.keep) as url:
        run(url, args.open, args.due_percent, args.profile, statements=args.statements)
    return 0


if __name__ == "__main__":
    sys.exit(main())
