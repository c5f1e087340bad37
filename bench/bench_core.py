"""Core benchmark: the intake use case and the deadline sweep, on SQLite and PostgreSQL.

    python bench/bench_core.py [--db sqlite|postgres] [--tickets 1000] [--open 20000]

Prints per-ticket latency of ``create_ticket`` (service layer, no HTTP, intake job not run) and the
time of one sweep over ``--open`` open tickets of which a tenth are due for a reminder or overdue.
PostgreSQL: a scratch database on 127.0.0.1 is created and dropped.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select  # noqa: E402

from hotline.bootstrap import AbstainingClassifier, NoRouter, bootstrap  # noqa: E402
from bench.scratch import NullQueue, scratch_database  # noqa: E402
from hotline.services import tickets as svc  # noqa: E402
from hotline.services.actors import SYSTEM  # noqa: E402
from hotline.services.registry import load_registry_files  # noqa: E402
from hotline.services.sweep import sweep  # noqa: E402
from hotline.settings import Settings  # noqa: E402
from models import Ticket, Unit  # noqa: E402





def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def run(url: str, n_tickets: int, n_open: int) -> None:
    hl = bootstrap(Settings(data_dir=Path(tempfile.mkdtemp()), database_url=url), queue=NullQueue(),
                   classifier=AbstainingClassifier(), router=NoRouter(), migrate=True)
    load_registry_files(hl)
    times = []
    for i in range(n_tickets):
        t0 = time.perf_counter()
        svc.create_ticket(hl, actor=SYSTEM, data={"content": f"江岸区解放大道{i}号占道经营", "channel": "phone",
                                                  "channel_ref": f"bench-{i}", "contact_phone": "13812345678"})
        times.append((time.perf_counter() - t0) * 1000)
    print(f"create_ticket ({hl.engine.dialect.name}): {n_tickets} tickets, p50 {statistics.median(times):.2f} ms, "
          f"p95 {pct(times, 0.95):.2f} ms, {1000 / statistics.mean(times):.0f} tickets/s in one thread")

    now = hl.now()
    with hl.sessions() as s:
        unit_id = s.scalar(select(Unit.id).where(Unit.code == "D-JA"))
    rows = []
    for i in range(n_open):
        due = now + timedelta(days=3) if i % 10 else now - timedelta(days=1)
        rows.append({"number": f"B{i:011d}", "channel": "phone", "content": "bulk", "status": "signed",
                     "appeal_type": "complaint", "urgency": "normal", "lead_unit_id": unit_id,
                     "created_at": now - timedelta(days=10), "updated_at": now, "complete_due": due,
                     "next_action_at": due - timedelta(hours=24) if i % 10 else due + timedelta(microseconds=1),
                     "dispatched_at": now - timedelta(days=10), "intake_state": "done", "title": "bulk",
                     "hide_identity": False, "share_contact": False, "binding_dispatch": False,
                     "extension_workdays": 0, "return_count": 0, "reopen_count": 0, "overdue": False,
                     "supervision_level": "none", "intake_attempts": 1, "version_id": 1})
    with hl.engine.begin() as conn:
        conn.execute(insert(Ticket), rows)
    t0 = time.perf_counter()
    first = sweep(hl)
    t1 = time.perf_counter()
    second = sweep(hl)
    t2 = time.perf_counter()
    print(f"sweep over {n_open} open tickets ({n_open // 10} overdue): first run {t1 - t0:.2f} s "
          f"(urged {first.urged}), second run {t2 - t1:.2f} s (urged {second.urged}: nothing twice)")
    hl.close()


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    p.add_argument("--tickets", type=int, default=1000)
    p.add_argument("--open", type=int, default=20000)
    args = p.parse_args()
    if args.db == "sqlite":
        run(f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3", args.tickets, args.open)
        return 0
    with scratch_database("hl_bench") as url:
        run(url, args.tickets, args.open)
    return 0


if __name__ == "__main__":
    sys.exit(main())
