"""Classifier benchmark: cross-validated macro-F1, training time, latency, load time and memory.

    python bench/bench_classifier.py [--data-dir ../shared/data] [--folds 5] [--only category]

For the category set (teddy2020 messages_train.csv) and both review-sentiment sets it prints the
k-fold cross-validated macro-F1 of the default config (the same code path as ``hotline classifier
train`` with random folds), the abstain threshold's coverage, and the full-data fit time. It
also cross-validates with near-duplicate groups kept in one fold (as the sealed held-out sets are
drawn, and as ``hotline classifier train`` now does) and checks the precision there of the
tickets the random-fold threshold would dispatch. For the category model it also measures the
p95 latency of one text in process, the model load time and the resident memory of a fresh
process that loads the model. Figures go to stdout as a Markdown table.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from classifier.dataio import read_labelled  # noqa: E402
from classifier.config import SENTIMENT_OVERRIDES  # noqa: E402
from classifier.model import make_config  # noqa: E402
from classifier.training import cross_validate, near_duplicate_groups, train  # noqa: E402

SETS = {
    "category": "teddy2020/messages_train.csv",
    "hotel": "sentiment/chnsenticorp_hotel_train.csv",
    "waimai": "sentiment/waimai_10k_train.csv",
}

LOAD_PROBE = """
import json, os, sys, time
started = time.perf_counter()
from classifier.model import TextModel
imported = time.perf_counter()
model = TextModel.load(sys.argv[1])
loaded = time.perf_counter()
model.predict("江汉区某小区路灯不亮")
first = time.perf_counter()
status = open("/proc/self/status").read()
rss = int(status.split("VmRSS:")[1].split()[0]) / 1024
# VmHWM, not ru_maxrss: the latter keeps the forking parent's size across exec
peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
print(json.dumps({"import_s": imported - started, "load_s": loaded - imported,
                  "first_predict_s": first - loaded, "rss_mb": rss, "peak_rss_mb": peak}))
"""


def latency(model, texts, n=500):
    from classifier import text as text_module
    sample = random.Random(0).sample(texts, min(n, len(texts)))
    for text in sample[:20]:
        model.predict(text)  # warm up
    # the fit just tokenised every training text: empty the tokenizers' caches so that each
    # measured text is cut afresh, as a new appeal is in service
    for name in ("_cut", "word_tokens"):
        getattr(text_module, name).cache_clear()
    times, cpu = [], []
    for text in sample:
        started, started_cpu = time.perf_counter(), time.thread_time()
        model.predict(text)
        cpu.append((time.thread_time() - started_cpu) * 1000)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    cpu.sort()
    # wall time suffers when other processes share the 2 cores; CPU time of the thread does not
    return {"p50_ms": statistics.median(times), "p95_ms": times[int(0.95 * len(times)) - 1],
            "p95_cpu_ms": cpu[int(0.95 * len(cpu)) - 1],
            "median_chars": statistics.median(len(t) for t in sample)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--only", choices=sorted(SETS), action="append")
    parser.add_argument("--jobs", type=int, default=None, help="CV folds fitted in parallel (default 2)")
    parser.add_argument("--config", default="{}", help="JSON overrides of the model config")
    parser.add_argument("--no-grouped", action="store_true", help="skip the near-duplicate-grouped CV")
    args = parser.parse_args()
    data_dir = Path(args.data_dir)
    overrides = json.loads(args.config)
    rows, configs = [], {}
    for name in args.only or list(SETS):
        path = data_dir / SETS[name]
        if not path.is_file():
            print(f"skipped {name}: {path} is absent", file=sys.stderr)
            continue
        texts, labels = read_labelled(path)
        # the review sets use the sentiment default (what load_default_sentiment trains)
        config = make_config(**{**(SENTIMENT_OVERRIDES if name != "category" else {}), **overrides})
        configs[name] = config
        started = time.perf_counter()
        counts: dict = {}  # both cross-validations count the texts once
        cv = cross_validate(texts, labels, config, folds=args.folds, n_jobs=args.jobs, count_cache=counts)["metrics"]
        cv_s = time.perf_counter() - started
        grouped = {}
        if not args.no_grouped:
            groups = near_duplicate_groups(texts)
            g = cross_validate(texts, labels, config, folds=args.folds, n_jobs=args.jobs, groups=groups,
                               count_cache=counts)
            kept = g["confidence"] >= cv["abstain"]["threshold"]
            hits = sum(p == t for p, t, k in zip(g["y_pred"], labels, kept) if k)
            grouped = {"grouped_macro_f1": g["metrics"]["macro_f1"], "near_dup_groups": int(len(set(groups))),
                       "grouped_coverage": round(float(kept.mean()), 4),
                       "grouped_precision": round(hits / max(1, int(kept.sum())), 4),
                       "grouped_threshold": g["metrics"]["abstain"]["threshold"],
                       "grouped_coverage_at_97": g["metrics"]["abstain"]["coverage"]}
        started = time.perf_counter()
        model = train(texts, labels, config, folds=0, show_progress=False)
        fit_s = time.perf_counter() - started
        row = {"set": name, "n": len(texts), "macro_f1": cv["macro_f1"], "accuracy": cv["accuracy"],
               "coverage_at_97": cv["abstain"]["coverage"], "threshold": cv["abstain"]["threshold"],
               "cv_s": round(cv_s, 1), "train_s": round(fit_s, 1), **grouped}
        if name == "category":
            row.update({k: round(v, 3) for k, v in latency(model, texts).items()})
            with tempfile.TemporaryDirectory() as tmp:
                model.save(tmp)
                size = sum(p.stat().st_size for p in Path(tmp).iterdir())
                probe = subprocess.run([sys.executable, "-c", LOAD_PROBE, tmp], cwd=ROOT, check=True,
                                       capture_output=True, text=True)
            row.update({k: round(v, 3) for k, v in json.loads(probe.stdout).items()})
            row["model_mb"] = round(size / 2**20, 1)
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), file=sys.stderr, flush=True)
    for name, config in configs.items():
        print(f"config ({name}): {json.dumps(config, ensure_ascii=False)}")
    print("| set | n | CV macro-F1 | grouped CV macro-F1 | accuracy | coverage at 97 % | "
          "grouped: coverage / precision at that threshold | train s | other |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        other = ", ".join(f"{k} {r[k]}" for k in ("cv_s", "p50_ms", "p95_ms", "p95_cpu_ms", "median_chars", "import_s", "load_s",
                                                    "first_predict_s", "rss_mb", "model_mb") if k in r)
        grouped = (f"{r['grouped_macro_f1']:.4f}", f"{r['grouped_coverage']:.3f} / {r['grouped_precision']:.4f}") \
            if "grouped_macro_f1" in r else ("–", "–")
        print(f"| {r['set']} | {r['n']} | {r['macro_f1']:.4f} | {grouped[0]} | {r['accuracy']:.4f} | "
              f"{r['coverage_at_97']:.3f} | {grouped[1]} | {r['train_s']} | {other} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
