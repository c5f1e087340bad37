"""Experiment: a learned re-ranker over the router's candidates (issue 11, combining the signals).

Per appeal whose lead the blend of catalogue, rules and seed opinion decides (no overriding rule, a lead
score of at least MIN_LEAD_SCORE), every candidate unit — the router's candidates and the seed opinion's
top five — gets features (duty score and its share of the best, rule bonus, seed probability and whether it
is the seed's top unit, the blend's score as a share of the best, whether it is the blend's lead, the blend's
margin, whether the catalogue names a matter of it, whether it is a district or street unit, whether the place
decided the district, whether it is the district government) and a logistic regression scores them; the best
scored leads. Trained on the tuning parts with the seed probabilities computed leave-one-part-out
(`ablation_dispatch.seed_without`), evaluated leave-one-part-out on the tuning parts (the combiner trained
without the part) and on the clean parts (totals only). An appeal where the combiner keeps the blend's lead
counts as the blend did; where it changes the lead, only the new lead counts.

Run: PYTHONPATH=. python bench/combiner_dispatch.py [--raw] [--listwise | --trees]
"""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ablation_dispatch import TUNING, seed_without  # noqa: E402
from bench.bench_dispatch import CLEAN, PARTS, acceptable, load_devset  # noqa: E402
from hotline.ports import RoutingRequest  # noqa: E402
from routing import demo_router  # noqa: E402
from routing.router import MIN_LEAD_SCORE, OVERRIDE_PRIORITY, _place_masked  # noqa: E402
from routing.seed import TRIAGE_ONLY_PARTS  # noqa: E402


def candidates_of(router, text: str):
    """The router's candidates for a text as `_route` makes them, the seed's units and the place;
    None when an overriding rule decides or nothing reaches MIN_LEAD_SCORE."""
    place = router.locate(text)
    req = RoutingRequest(text=text)
    exclude: frozenset[str] = frozenset()
    heard = "｜".join(router._heard_none(text))
    masked = router._beside_masked(_place_masked(text, place))
    matches = [m for r in router._rules if (m := router._match(r, req, None, place, heard, masked))]
    matches.sort(key=lambda m: (m.rule.fallback, tuple(-x for x in m.score), m.rule.order))
    resolved = [r for m in matches if (r := router._resolve(m, place, exclude))]
    specific = [r for r in resolved if not r.match.rule.fallback]
    learned = router._learned(req, None, exclude, place)
    if any(r.match.rule.priority >= OVERRIDE_PRIORITY for r in specific):
        return None
    cands = router._candidates(text, None, place, exclude, specific, learned)
    if not cands or cands[0].score < MIN_LEAD_SCORE:
        return None
    return cands, learned, place


def features(cands, learned, place) -> tuple[list[str], np.ndarray]:
    by_unit = {c.unit: c for c in cands}
    seed = dict(learned)
    seed_top = learned[0][0] if learned else None
    units = list(by_unit) + [u for u, _ in learned if u not in by_unit]
    best_duty = max((c.duty_score for c in cands), default=0.0) or 1.0
    best = cands[0].score
    second = cands[1].score if len(cands) > 1 else 0.0
    margin = (best - second) / best
    rows = []
    for u in units:
        c = by_unit.get(u)
        duty = c.duty_score if c else 0.0
        score = c.score if c else 0.0
        is_lead = float(u == cands[0].unit)
        rows.append([duty / best_duty, min(duty, 10.0) / 10.0, (c.rule_bonus if c else 0.0) / 2.5,
                     seed.get(u, 0.0), float(u == seed_top), score / best, is_lead, is_lead * margin,
                     float(bool(c and c.has_matter)), float(u.startswith("D-")),
                     float(place.district is not None), float(u == place.district),
                     float(bool(c and c.degraded)), float(c is None)])
    return units, np.array(rows)


def collect(router, name: str, model) -> list[dict]:
    """Per row with a unit: the blend's hit and lead, and the combiner's candidates and features."""
    codes = set(router.registry.by_code)
    router.learned = model
    out = []
    for row in load_devset(PARTS[name]):
        if not row["units"]:
            continue
        want = acceptable(row["units"], row["district"], codes)
        d = router._route(RoutingRequest(text=row["text"]))
        item = {"want": want, "lead": d.unit, "hit": d.unit in want or bool(set(d.assisting_units) & want)}
        got = candidates_of(router, row["text"])
        if got is not None:
            units, x = features(*got)
            item["units"], item["x"] = units, x
            item["y"] = np.array([u in want for u in units], dtype=float)
        out.append(item)
    return out


RAW = False   # --raw: without the blend's own score and lead (the combiner rebuilds the blend from the signals)
BLEND_COLS = (5, 6, 7)


def _x(x: np.ndarray) -> np.ndarray:
    return np.delete(x, BLEND_COLS, axis=1) if RAW else x


class _Listwise:
    """A conditional logit: one softmax over each appeal's candidates, the right ones' share maximised
    (L2 penalty 1/c)."""

    def __init__(self, groups: list[tuple[np.ndarray, np.ndarray]], c: float):
        from scipy.optimize import minimize

        dim = groups[0][0].shape[1]
        self.mu = np.vstack([x for x, _ in groups]).mean(axis=0)
        self.sd = np.vstack([x for x, _ in groups]).std(axis=0) + 1e-6

        def loss(w):
            total, grad = 0.5 * (w @ w) / c, w / c
            for x, y in groups:
                z = ((x - self.mu) / self.sd) @ w
                z = z - z.max()
                e = np.exp(z)
                p = e / e.sum()
                q = p * y / (p @ y)
                total -= np.log(p @ y)
                grad = grad - ((x - self.mu) / self.sd).T @ (q - p)
            return total, grad
        self.w = minimize(loss, np.zeros(dim), jac=True, method="L-BFGS-B").x

    def decision_function(self, x: np.ndarray) -> np.ndarray:
        return ((x - self.mu) / self.sd) @ self.w


MODEL = "pointwise"   # --listwise: the conditional logit; --trees: gradient-boosted trees, pointwise


def fit(items: list[dict], c: float):
    from sklearn.linear_model import LogisticRegression

    if MODEL == "listwise":
        return _Listwise([(_x(it["x"]), it["y"]) for it in items if "x" in it and it["y"].any()], c)
    if MODEL == "trees":
        from sklearn.ensemble import HistGradientBoostingClassifier

        class _Trees(HistGradientBoostingClassifier):
            def decision_function(self, x):
                return self.predict_proba(x)[:, 1]
        xs = [_x(it["x"]) for it in items if "x" in it and it["y"].any()]
        ys = [it["y"] for it in items if "x" in it and it["y"].any()]
        return _Trees(max_iter=int(50 * c), max_depth=3, learning_rate=0.1).fit(np.vstack(xs), np.concatenate(ys))
    xs = [_x(it["x"]) for it in items if "x" in it and it["y"].any()]
    ys = [it["y"] for it in items if "x" in it and it["y"].any()]
    return LogisticRegression(C=c, max_iter=2000).fit(np.vstack(xs), np.concatenate(ys))


def score(model, items: list[dict]) -> tuple[int, int, int]:
    """(combiner hits, blend hits, leads changed)."""
    ok = base = changed = 0
    for it in items:
        base += it["hit"]
        if "x" not in it:
            ok += it["hit"]
            continue
        p = model.decision_function(_x(it["x"]))
        pick = it["units"][int(np.argmax(p))]
        if pick == it["lead"]:
            ok += it["hit"]
        else:
            changed += 1
            ok += pick in it["want"]
    return ok, base, changed


def main(argv: list[str]) -> int:
    global RAW
    global MODEL
    RAW = "--raw" in argv
    MODEL = "listwise" if "--listwise" in argv else ("trees" if "--trees" in argv else "pointwise")
    router = demo_router(seed_check=False)
    shipped = router.learned
    data = {name: collect(router, name, seed_without(name)) for name in TUNING}
    clean = {name: collect(router, name, shipped) for name in CLEAN}
    train_parts = [n for n in TUNING if n not in TRIAGE_ONLY_PARTS]
    for c in (0.1, 1.0, 10.0):
        ok = base = ch = 0
        for name in train_parts:
            model = fit([it for n in train_parts if n != name for it in data[n]], c)
            a, b, k = score(model, data[name])
            ok, base, ch = ok + a, base + b, ch + k
        n = sum(len(data[n]) for n in train_parts)
        print(f"C={c:5}  tuning LOPO  blend {base / n:.4f}  combiner {ok / n:.4f}  leads changed {ch}", flush=True)
        model = fit([it for n in train_parts for it in data[n]], c)
        figs = []
        for name in CLEAN:
            a, b, k = score(model, clean[name])
            n = len(clean[name])
            figs.append((name, b / n, a / n, k))
        print("   clean  " + "  ".join(f"{nm} {b:.4f}->{a:.4f}" for nm, b, a, _ in figs))
        print(f"   clean mean blend {np.mean([f[1] for f in figs]):.4f}  combiner {np.mean([f[2] for f in figs]):.4f}"
              f"  worst drop {min(f[2] - f[1] for f in figs):+.4f}  leads changed {sum(f[3] for f in figs)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
