"""Digests of what repeats and hotspots answer on every split of tests/insight_eval (held-out ones too, as
digests only: nothing is printed item by item), for changes meant to make them faster and nothing else.

    PYTHONHASHSEED=0 PYTHONPATH=. python bench/insight_digests.py OUT.json     # before, then after: diff the two

Per split and for ``all``: the evaluation's own JSON (``eval_insight``), the matters read (sets sorted), and
the raw answer — every hotspot with its members, places, concepts, heat, description and signature, or the
group number of every appeal.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _digest(value) -> str:
    return hashlib.sha1(repr(value).encode()).hexdigest()[:16]


def _canon(m) -> str:
    return repr([sorted(v) if isinstance(v, frozenset) else v
                 for v in (getattr(m, f.name) for f in dataclasses.fields(m))])


def digests() -> dict[str, dict[str, str]]:
    import eval_insight as ev

    from insight.hotspots import Appeal, find_hotspots
    from insight.matter import group
    from insight.places import default_gazetteer, matter_for_text

    gaz = default_gazetteer()
    out: dict[str, dict[str, str]] = {}
    for what, name in (("hotspots", "hotspots.tsv"), ("repeats", "repeats.tsv")):
        splits = sorted({line.split("\t")[0] for line in ev.data_lines(name)})
        for split in [*splits, "all"]:
            result = ev.eval_hotspots(split) if what == "hotspots" else ev.eval_repeats(split)
            rows = ev.read_hotspots(split) if what == "hotspots" else ev.read_repeats(split)
            matters = [matter_for_text(r["text"], gazetteer=gaz) for r in rows]
            if what == "hotspots":
                start = 1_700_000_000.0
                spots = find_hotspots([Appeal(matter=m, at=start + r["hours"] * 3600, citizen=r["citizen"])
                                       for m, r in zip(matters, rows)], now=start + 168 * 3600)
                raw: object = [(s.kind, s.members, s.places, s.concepts, s.heat, s.description, s.signature,
                                sorted(s.components.items())) for s in spots]
            else:
                raw = group(matters, [r["hours"] * 3600 for r in rows])
            out[f"{what}:{split}"] = {"eval": _digest(json.dumps(result, ensure_ascii=False, sort_keys=True)),
                                      "matters": _digest([_canon(m) for m in matters]), "answer": _digest(raw)}
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(__doc__)
        return 2
    result = digests()
    Path(args[0]).write_text(json.dumps(result, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(result)} outputs → {args[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
