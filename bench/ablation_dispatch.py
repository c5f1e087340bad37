"""Ablation of the router's signals on the routing development set (issue 11, combining the signals).

For each part: lead-or-assisting unit correct with the catalogue and rules alone (no second opinion), the
seed opinion alone (its top unit, resolved against the appeal's place), the shipped blend, and two oracles:
the right unit is the catalogue's top-1 or the seed's top-1 (``oracle2``), or is among the blend's lead, its
assisting units and the first two units of its short list (``top3``).

The tuning parts are scored with a seed opinion fitted LEAVE-ONE-PART-OUT (`NeighbourUnits` on every shipped
unit part but the one scored: otherwise the seed's figures are on training data); tuning22b, tuning24 and
the triage-only parts are not in the seed opinion, so the shipped one scores them. The clean parts are scored
with the shipped seed opinion, totals only (their rows are never printed).

Run: PYTHONPATH=. python bench/ablation_dispatch.py [--parts A,B] [--clean] [--tuning] [--sweep]
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_dispatch import CLEAN, PARTS, acceptable, load_devset  # noqa: E402
from hotline.ports import RoutingRequest  # noqa: E402
from routing import demo_router  # noqa: E402
from routing.seed import (SEED_PARTS, TRIAGE_ONLY_PARTS, NeighbourUnits, seed_neighbour_units,  # noqa: E402
                          token_ref)

# the shipped parts the seed opinion fits on (SEED_UNITS: not the triage-only ones)
UNIT_PARTS = tuple(n for n in SEED_PARTS if n not in TRIAGE_ONLY_PARTS)
TUNING = tuple(n for n in PARTS if n not in CLEAN)


def seed_without(part: str | None) -> NeighbourUnits:
    """The seed opinion fitted on the shipped unit parts but ``part`` (the shipped one when ``part`` is
    not among them)."""
    if part not in UNIT_PARTS:
        return seed_neighbour_units()
    rows = [(row["text"], token_ref(tok), 1.0 if i == 0 else 0.5)
            for name in UNIT_PARTS if name != part
            for row in load_devset(PARTS[name]) for i, tok in enumerate(row["units"])]
    return NeighbourUnits(rows)


def part_rows(router, name: str, model) -> list[dict]:
    """Per row with a unit: what each signal and the blend chose, and the acceptable units."""
    codes = set(router.registry.by_code)
    out = []
    for row in load_devset(PARTS[name]):
        if not row["units"]:
            continue
        want = acceptable(row["units"], row["district"], codes)
        req = RoutingRequest(text=row["text"])
        router.learned = None
        base = router._route(req)
        router.learned = model
        blend = router._route(req)
        place = router.locate(row["text"])
        seed = router._learned(req, None, frozenset(), place)
        short = [s["unit"] for s in blend.suggestions][:2]
        out.append({"want": want,
                    "base": base.unit in want or bool(set(base.assisting_units) & want),
                    "base_lead": base.unit,
                    "seed": bool(seed) and seed[0][0] in want,
                    "blend": blend.unit in want or bool(set(blend.assisting_units) & want),
                    "top3": bool(({blend.unit, *blend.assisting_units, *short}) & want)})
        out[-1]["oracle2"] = out[-1]["base"] or out[-1]["seed"]
    return out


COLS = ("base", "seed", "blend", "oracle2", "top3")


def blend_hits(router, name: str, model) -> tuple[int, int]:
    """(right lead-or-assisting, rows with a unit) of the blend alone."""
    codes = set(router.registry.by_code)
    router.learned = model
    ok = n = 0
    for row in load_devset(PARTS[name]):
        if row["units"]:
            want = acceptable(row["units"], row["district"], codes)
            d = router._route(RoutingRequest(text=row["text"]))
            n += 1
            ok += d.unit in want or bool(set(d.assisting_units) & want)
    return ok, n


def sweep(router, names: list[str]) -> int:
    """The blend's knobs (SEED_RELATIVE, the seed threshold, NEIGHBOURS_DECIDE) over a small grid, on the
    tuning parts with their leave-one-part-out seed opinions: pooled lead-or-assisting per setting."""
    import itertools

    models = {name: seed_without(name) for name in names}
    grid = itertools.product((0.8, 1.0, 1.2, 1.5, 2.0), (0.5, 0.6, 0.7), (0.25, 0.35, 0.45))
    for rel, thr, unnamed in grid:
        router.learned_relative, router.learned_threshold, router.unnamed_threshold = rel, thr, unnamed
        ok = n = ok_t = n_t = 0
        for name in names:
            a, b = blend_hits(router, name, models[name])
            if name in TRIAGE_ONLY_PARTS:
                ok_t, n_t = ok_t + a, n_t + b
            else:
                ok, n = ok + a, n + b
        print(f"relative {rel:4} threshold {thr:4} unnamed {unnamed:4}  tuning {ok / n:.4f} ({ok}/{n})"
              f"  triage-only {ok_t / n_t:.4f}", flush=True)
    return 0


def main(argv: list[str]) -> int:
    router = demo_router(seed_check=False)          # the triage check does not touch the unit
    shipped = router.learned
    if "--parts" in argv:
        names = argv[argv.index("--parts") + 1].split(",")
    else:
        names = ([n for n in TUNING] if "--clean" not in argv else []) + \
                ([n for n in CLEAN] if "--tuning" not in argv else [])
    if "--sweep" in argv:
        return sweep(router, list(TUNING))
    print(f"{'part':12} {'n':>4} " + " ".join(f"{c:>7}" for c in COLS) + "  seed")
    pooled: dict[str, dict[str, float]] = {}
    for name in names:
        model = shipped if name in CLEAN else seed_without(name)
        rows = part_rows(router, name, model)
        if not rows:
            continue
        n = len(rows)
        figs = {c: sum(r[c] for r in rows) / n for c in COLS}
        group = "clean" if name in CLEAN else ("triage-only" if name in TRIAGE_ONLY_PARTS else "tuning")
        acc = pooled.setdefault(group, {"n": 0, **{c: 0.0 for c in COLS}})
        acc["n"] += n
        for c in COLS:
            acc[c] += figs[c] * n
        how = "shipped" if name in CLEAN or name not in UNIT_PARTS else "LOPO"
        print(f"{name:12} {n:4} " + " ".join(f"{figs[c]:7.4f}" for c in COLS) + f"  {how}", flush=True)
    for group, acc in pooled.items():
        n = acc["n"]
        print(f"{'pooled ' + group:12} {n:4} " + " ".join(f"{acc[c] / n:7.4f}" for c in COLS))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
