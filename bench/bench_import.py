"""Bulk import into PostgreSQL: records per second of ``import-calls`` and ``import-tickets``.

    python bench/bench_import.py [--calls 20000] [--tickets 100000] [--batch 500]

Creates a scratch database (``hl_bench_17_import_*``, dropped afterwards), writes a JSONL file of
``--calls`` call transcripts and a CSV of ``--tickets`` closed tickets in a temporary folder, then times:
the batched call import, a re-run of it (everything skipped: what resuming costs), the old way on a
sample for the ratio (one transaction per call, ``ingest_call``), and the history import; with
``--only-calls``, the batched call import alone (for before/after runs taken in turn). Background
work (classification of the new tickets) is queued, not run: it is the workers' part, not the import's.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.scratch import NullQueue, scratch_database  # noqa: E402
from hotline.bootstrap import AbstainingClassifier, NoRouter, bootstrap  # noqa: E402
from hotline.services.registry import load_registry_files  # noqa: E402
from hotline.settings import Settings  # noqa: E402

PLACES = ["江岸区解放大道", "洪山区珞喻路", "武昌区中山路", "江汉区建设大道"]
PROBLEMS = ["占道经营，早高峰堵路", "路灯不亮，晚上很黑", "噪音扰民，半夜施工", "垃圾清运不及时"]


def _call(i: int, start: datetime) -> dict:
    at = start + timedelta(seconds=37 * i)
    text = f"{PLACES[i % 4]}{i % 997}号附近{PROBLEMS[i % 4]}，请尽快处理。"
    call = {"call_id": f"BENCH-{i}", "caller": f"138{i % 100000000:08d}", "agent": f"A{i % 40:02d}",
            "started_at": at.isoformat(), "ended_at": (at + timedelta(minutes=3)).isoformat(),
            "turns": [{"speaker": "agent", "text": "您好，12345热线。", "start": 0, "end": 2},
                      {"speaker": "caller", "text": text, "start": 2, "end": 9, "confidence": 0.92}]}
    if i % 10 == 0:
        call["resolved_consultation"] = {"answer": "可在政务服务网办理，详见办事指南。"}
    return call


def write_inputs(folder: Path, calls: int, tickets: int) -> tuple[Path, Path, Path]:
    start = datetime(2026, 3, 2, 8, 0, tzinfo=timezone(timedelta(hours=8)))
    (folder / "calls").mkdir()
    with (folder / "calls" / "calls.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(calls):
            fh.write(json.dumps(_call(i, start), ensure_ascii=False) + "\n")
    (folder / "old").mkdir()
    with (folder / "old" / "calls.jsonl").open("w", encoding="utf-8") as fh:
        for i in range(calls, calls + min(2000, calls)):
            fh.write(json.dumps(_call(i, start), ensure_ascii=False) + "\n")
    history = folder / "history.csv"
    units = ["D-JA", "D-WC", "D-HS", "D-JH", ""]
    with history.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["number", "created_at", "content", "unit", "status", "closed_at", "answer", "satisfaction"])
        for i in range(tickets):
            at = datetime(2025, 1, 1, 8) + timedelta(seconds=300 * i)
            w.writerow([f"{at:%Y%m%d}{i:06d}", f"{at:%Y-%m-%d %H:%M:%S}", f"{PLACES[i % 4]}{PROBLEMS[i % 4]}",
                        units[i % 5], "closed", f"{at + timedelta(days=5):%Y-%m-%d %H:%M:%S}", "已处理", "满意"])
    return folder / "calls", folder / "old", history


def _timed(label: str, n: int, fn):
    t0 = time.perf_counter()
    result = fn()
    dt = time.perf_counter() - t0
    print(f"| {label} | {n:,} | {dt:.1f} s | {n / dt:,.0f} /s |", flush=True)
    return result, n / dt


def run(url: str, calls: int, tickets: int, batch: int, only_calls: bool = False) -> None:
    # `hotline import-calls` has the routing package loaded at start-up (the CLI registers its commands);
    # without this the first batch would time a one-off import of scikit-learn (2-7 s), not the import
    import routing.triage  # noqa: F401

    hl = bootstrap(Settings(data_dir=Path(tempfile.mkdtemp()), database_url=url, log_level="WARNING"),
                   queue=NullQueue(), classifier=AbstainingClassifier(), router=NoRouter(), migrate=True)
    load_registry_files(hl)
    try:
        _run(hl, calls, tickets, batch, only_calls)
    finally:
        hl.close()


def _run(hl, calls: int, tickets: int, batch: int, only_calls: bool) -> None:
    from channels.importer import import_calls, import_tickets
    from channels.phone import ingest_call

    with tempfile.TemporaryDirectory() as tmp:
        new_calls, old_calls, history = write_inputs(Path(tmp), calls, tickets)
        print("| what | records | time | records/s |")
        print("|---|---|---|---|")
        report, batched = _timed(f"import-calls, batches of {batch}", calls,
                                 lambda: import_calls(hl, new_calls, progress=False, batch=batch))
        assert report.created == calls and not report.rejected, report.as_dict()
        if only_calls:
            return
        again, _ = _timed("import-calls again (all skipped: resuming)", calls,
                          lambda: import_calls(hl, new_calls, progress=False, batch=batch))
        assert again.skipped == calls and again.created == 0
        sample = [json.loads(line) for line in (old_calls / "calls.jsonl").read_text(encoding="utf-8").splitlines()]
        _, one_by_one = _timed("one transaction per call (before, ingest_call)", len(sample),
                               lambda: [ingest_call(hl, c) for c in sample])
        print(f"batched / one by one: {batched / one_by_one:.1f}×")
        report, _ = _timed(f"import-tickets (closed history), batches of {batch}", tickets,
                           lambda: import_tickets(hl, history, progress=False, batch=batch))
        assert report.created == tickets and not report.rejected, report.as_dict()
        _timed("import-tickets again (all skipped)", tickets,
               lambda: import_tickets(hl, history, progress=False, batch=batch))


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--calls", type=int, default=20_000)
    p.add_argument("--tickets", type=int, default=100_000)
    p.add_argument("--batch", type=int, default=500)
    p.add_argument("--only-calls", action="store_true", help="time the batched call import only (A/B runs)")
    p.add_argument("--prefix", default="hl_bench_17_import", help="name prefix of the scratch database")
    args = p.parse_args()
    with scratch_database(args.prefix) as url:
        run(url, args.calls, args.tickets, args.batch, args.only_calls)
    return 0


if __name__ == "__main__":
    sys.exit(main())
