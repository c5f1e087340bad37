#!/bin/bash
# Repeats (并单) over every split of tests/insight_eval/repeats.tsv and repeats/*.tsv, held-out ones included, one line each:
# found/pairs and wrong merges. Totals only: held-out splits are never shown item by item (eval_insight.py
# refuses --show for them). Run from the repository root:  bash bench/eval_repeats_splits.sh
set -e
for sp in $(cat tests/insight_eval/repeats.tsv tests/insight_eval/repeats/*.tsv | grep -v '^#' | cut -f1 | awk '!seen[$0]++'); do
  PYTHONPATH=. python bench/eval_insight.py repeats --split "$sp" | tail -1 | python3 -c "
import json, sys
d = json.loads(sys.stdin.read())
print(f\"{d['split']:10s} {d['found']:3d}/{d['pairs']:3d} wrong {d['wrong_merges']:2d} rate {d['wrong_merge_rate']}\")"
done
PYTHONPATH=. python bench/eval_insight.py repeats --split all | tail -1
