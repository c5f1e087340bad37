"""Why missed repeat pairs are missed, on a tuning split of tests/insight_eval/repeats.tsv (held-out splits refused):

    PYTHONPATH=. python bench/why_repeats.py tune47 [-v]

For each pair of one matter that :func:`insight.matter.group` leaves apart: the grouping rule (the pair alone is a
repeat), a place neither names, a place one side does not name, places read differently, a blocker or the street's
higher threshold, no problem family shared, or a shared family scored under the threshold. Totals by reason; -v
prints each pair."""
from __future__ import annotations

import collections
import itertools
import sys

from bench.eval_insight import HELD_OUT, read_repeats
from insight.matter import compare, group, load_settings
from insight.places import default_gazetteer, matter_for_text


def reason(a, b, c, threshold: float) -> str:
    if c.repeat:
        return "group rule (the pair alone is a repeat)"
    if c.same_place is None:
        if not a.places and not b.places:
            return "place: neither names a place"
        if not a.places or not b.places:
            return "place: one side names no place"
        return "place: read differently"
    if c.score >= threshold:
        return "blocker or the street's threshold"
    return "problem: low score with a shared family" if c.shared else "problem: no family shared"


def main(argv: list[str]) -> int:
    split, verbose = argv[0], "-v" in argv[1:]
    if split in HELD_OUT:
        print(f"{split} is held out: its misses are never shown", file=sys.stderr)
        return 2
    rows = read_repeats(split)
    gaz = default_gazetteer()
    ms = [matter_for_text(r["text"], gazetteer=gaz) for r in rows]
    groups = group(ms, [r["hours"] * 3600 for r in rows])
    threshold = float(load_settings().get("similar", "threshold", 0.42))
    tally: collections.Counter[str] = collections.Counter()
    for i, j in itertools.combinations(range(len(rows)), 2):
        if rows[i]["split"] != rows[j]["split"] or rows[i]["matter"] is None or rows[i]["matter"] != rows[j]["matter"]:
            continue
        if groups[i] is not None and groups[i] == groups[j]:
            continue
        c = compare(ms[i], ms[j], hours=abs(rows[i]["hours"] - rows[j]["hours"]))
        why = reason(ms[i], ms[j], c, threshold)
        tally[why] += 1
        if verbose:
            print(why, round(c.score, 2), c.same_place, sorted(ms[i].concepts), sorted(ms[j].concepts), ms[i].places,
                  ms[j].places, "|", rows[i]["text"][:30], "|", rows[j]["text"][:30])
    for why, n in tally.most_common():
        print(n, why)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
