"""Routing benchmark on the labelled evaluation set (tests/routing_eval/appeals.jsonl).

Prints place-extraction precision/recall (district, street), routing accuracy (lead unit) and the
p50/p95 latency of routing one ticket with the demo city's router: its table and catalogue, without a learned
second opinion (the set's labels follow the first wave's conventions the table was fitted to); ``--seed-units``
adds the nearest shipped appeals (`routing.seed.SEED_UNITS`) as the router ships.
Run: python bench/bench_routing.py [--json] [--seed-units]
"""
from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hotline.ports import RoutingRequest  # noqa: E402
from routing import demo_router  # noqa: E402

EVAL = ROOT / "tests" / "routing_eval" / "appeals.jsonl"
HOLDOUT = ROOT / "tests" / "routing_eval" / "holdout.jsonl"   # written after the table was tuned


def load_eval(path: Path = EVAL) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate(router=None, rows: list[dict] | None = None, repeat: int = 3) -> dict:
    router = router or demo_router(seed_units=False)
    rows = rows if rows is not None else load_eval()
    tp = fp = fn = 0
    correct_units = 0
    errors = []
    latencies = []
    for row in rows:
        req = RoutingRequest(text=row["text"], category=row.get("category"), place=row.get("place"))
        for _ in range(repeat):
            t0 = time.perf_counter()
            d = router.route(req)
            latencies.append((time.perf_counter() - t0) * 1000)
        got, want = d.place.get("district") if d.place else None, row["district"]
        if got and want:
            tp += got == want
            fp += got != want
            fn += got != want
        elif got and not want:
            fp += 1
        elif want and not got:
            fn += 1
        if d.unit == row["unit"]:
            correct_units += 1
        else:
            errors.append({"text": row["text"][:60], "want": row["unit"], "got": d.unit, "rule": d.rule})
    # streets: every appeal carries its true street (or null when the place names none)
    s_tp = s_fp = s_fn = 0
    for row in rows:
        d = router.route(RoutingRequest(text=row["text"], category=row.get("category"), place=row.get("place")))
        got, want = (d.place or {}).get("street"), row.get("street")
        s_tp += bool(got and got == want)
        s_fp += bool(got and got != want)
        s_fn += bool(want and got != want)
    lat = sorted(latencies)
    return {
        "appeals": len(rows),
        "district_precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "district_recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
        "street_appeals": sum(1 for r in rows if r.get("street")),
        "street_precision": round(s_tp / (s_tp + s_fp), 4) if s_tp + s_fp else 0.0,
        "street_recall": round(s_tp / (s_tp + s_fn), 4) if s_tp + s_fn else 0.0,
        "routing_accuracy": round(correct_units / len(rows), 4),
        "latency_ms_p50": round(statistics.median(lat), 3),
        "latency_ms_p95": round(lat[int(0.95 * (len(lat) - 1))], 3),
        "errors": errors,
    }


if __name__ == "__main__":
    t0 = time.perf_counter()
    router = demo_router(seed_units="--seed-units" in sys.argv)
    load_s = time.perf_counter() - t0
    out = {"load_s": round(load_s, 2)}
    for name, path in (("appeals", EVAL), ("holdout", HOLDOUT)):
        out[name] = evaluate(router, load_eval(path))
    if "--json" in sys.argv:
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        print(f"router load            {out['load_s']} s")
        for name in ("appeals", "holdout"):
            res = out[name]
            for e in res.pop("errors"):
                print(f"  MISS [{name}]", e)
            print(f"[{name}]")
            for k, v in res.items():
                print(f"  {k:22} {v}")
