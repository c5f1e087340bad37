"""The out-of-the-box classifier (issue 11 item 6): trained from the starter corpus the project ships
(classifier/data/starter_category.csv, written by the team), how many tickets does it leave 未分类
(abstain: below the threshold the trainer chose for ≥ 97 % precision)?

Prints, per set: texts, share abstained, and the share of each first-level category among the
answered (and, on the demo's tickets, whose matters have a known category, the share answered right). Sets: the demo's simulated tickets (every problem × district × road of hotline/simulate.py,
and its consultations) and the routing development set's ordinary appeals (tests/routing_dev/, all parts;
no category labels there, so only the share abstained). Also the starter corpus's own cross-validated
macro-F1 from the trained model's metadata.

Run: python bench/bench_starter.py [--corpus PATH]   (default: the shipped starter corpus)
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


# the first-level category each of hotline/simulate.py's matters belongs to (None: no fitting category)
DEMO_LABELS = {"占道经营": "城乡建设", "噪音": "环境保护", "停水": "城乡建设", "路灯": "城乡建设", "垃圾": "城乡建设|环境保护",
               "违章停车": "交通运输", "燃气": "城乡建设", "红绿灯": "交通运输", "电梯": "城乡建设", "油烟": "环境保护",
               "社保卡": "劳动和社会保障", "公积金": "城乡建设", "营业执照": "商贸旅游", "医保": "劳动和社会保障"}


def demo_texts() -> list[tuple[str, str | None]]:
    from hotline.simulate import CONSULTS, DISTRICTS, PLACES, PROBLEMS

    texts = [f"{d}{p}{i * 37 % 300 + 1}号附近{text}" for i, (d, _c) in enumerate(DISTRICTS)
             for p in PLACES for text, _hint in PROBLEMS] + CONSULTS
    return [(t, next((v for k, v in DEMO_LABELS.items() if k in t), None)) for t in texts]


def devset_texts() -> list[tuple[str, str | None]]:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_dispatch", ROOT / "bench" / "bench_dispatch.py")
    mod = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(mod)
    return [(r["text"], None) for p in mod.PARTS.values() for r in mod.load_devset(p)
            if not r["transfer"] and not r["redirect"]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "classifier" / "data" / "starter_category.csv")
    args = parser.parse_args()
    from classifier.registry import HotModel
    from classifier.service import CategoryClassifier, ensure_model

    with tempfile.TemporaryDirectory() as tmp:
        clf = CategoryClassifier(HotModel(ensure_model(Path(tmp) / "category", args.corpus)))
        meta = clf.model.metadata
        out: dict = {"corpus": str(args.corpus.relative_to(ROOT)) if args.corpus.is_relative_to(ROOT) else str(args.corpus),
                     "examples": meta.get("n_examples"),
                     "cv_accuracy": meta.get("cv", {}).get("accuracy"), "cv_macro_f1": meta.get("cv", {}).get("macro_f1"),
                     "abstain": {k: meta.get("cv", {}).get("abstain", {}).get(k) for k in ("threshold", "coverage", "precision")}}
        for name, rows in (("demo_tickets", demo_texts()), ("routing_dev_ordinary", devset_texts())):
            results = [(clf.classify(t), want) for t, want in rows]
            answered = Counter(r.category for r, _w in results if not r.abstain)
            scored = [(r, w) for r, w in results if w and not r.abstain]
            out[name] = {"texts": len(rows), "unclassified": round(sum(r.abstain for r, _w in results) / len(rows), 3),
                         "answered_by_category": dict(answered.most_common())}
            if scored:
                out[name]["answered_correct"] = round(sum(r.category in w.split("|") for r, w in scored) / len(scored), 3)
    print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
