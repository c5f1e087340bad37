"""Triage on real letters (evaluation only): how many of a CSV's letters the shipped triage flags as an
emergency or redirects out of scope, by the rules alone and with the learned check (``routing.triage.screen``
with the seed check, as the router does). Prints counts only, never a letter's text.

    PYTHONPATH=. python bench/bench_triage_real.py PATH.csv [--column text] [--json]

The letters (e.g. ../shared/data/teddy2020/messages_train.csv, 6,576 web letters to a city's mayor's mailbox) are
read at run time only; nothing of them is kept.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from routing.seed import SeedTriageCheck  # noqa: E402
from routing.triage import screen, triage  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--column", default="text")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    csv.field_size_limit(10 ** 8)
    with open(args.path, encoding="utf-8", newline="") as f:
        texts = [row[args.column] for row in csv.DictReader(f)]
    check = SeedTriageCheck()
    out: dict[str, object] = {"letters": len(texts)}
    for name, judge in (("rules", triage), ("shipped", lambda t: screen(t, check))):
        numbers: Counter[str] = Counter()
        redirects: Counter[str] = Counter()
        flagged = redirected = 0
        for text in texts:
            t = judge(text)
            if t.transfer:
                flagged += 1
                numbers["/".join(t.transfer)] += 1
            if t.redirect:
                redirected += 1
                redirects[t.redirect] += 1
        out[name] = {"flagged_emergency": flagged, "numbers": dict(numbers.most_common()),
                     "redirected": redirected, "redirects": dict(redirects.most_common())}
    print(json.dumps(out, ensure_ascii=False, indent=None if args.json else 1))


if __name__ == "__main__":
    main()
