"""Accuracy floors on the labelled evaluation sets (tests/routing_eval/); see docs/benchmarks.md."""
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_routing", ROOT / "bench" / "bench_routing.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_eval_set_is_big_and_covers_the_city(bench):
    rows = bench.load_eval()
    assert len(rows) >= 300
    assert len({r["district"] for r in rows if r["district"]}) == 13
    assert len({r["category"][:3] for r in rows}) == 7
    assert sum(r["district"] is None for r in rows) >= 30


def test_routing_accuracy_floor(bench):
    res = bench.evaluate(rows=bench.load_eval(), repeat=1)
    # .984 → .968 in the twenty-eighth wave: the templated set labels 老旧小区改造 (five rows, one template) the district
    # government's; the router ranked 房管 first for it before, below the auto-dispatch confidence, and since w28-disp's
    # readings sends it there by the property duty. 房管 runs the programme in 武汉; the label is left as written
    assert res["routing_accuracy"] >= 0.965, res["errors"][:10]
    assert res["district_precision"] >= 0.97 and res["district_recall"] >= 0.97
    assert res["street_precision"] >= 0.95 and res["street_recall"] >= 0.95


def test_holdout_accuracy_floor(bench):
    res = bench.evaluate(rows=bench.load_eval(bench.HOLDOUT), repeat=1)
    assert res["routing_accuracy"] >= 0.9, res["errors"]
