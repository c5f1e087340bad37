"""The trainer on real data from ../shared/data (skipped where it is absent); small subsets, fast."""
import random

import pytest

from classifier.config import DEFAULT_CONFIG, SENTIMENT_CONFIG
from classifier.dataio import read_labelled
from classifier.metrics import evaluate
from classifier.training import train

pytestmark = pytest.mark.data


def split(path, n_train, n_test, seed=0):
    texts, labels = read_labelled(path)
    idx = list(range(len(texts)))
    random.Random(seed).shuffle(idx)
    pick = lambda ids: ([texts[i] for i in ids], [labels[i] for i in ids])  # noqa: E731
    return pick(idx[:n_train]), pick(idx[n_train:n_train + n_test])


@pytest.mark.parametrize("relative, config, floor", [
    # measured (1500 train / 600 test, seed 0, deterministic): 0.861, 0.853, 0.862; full data, 5-fold
    # CV: 0.906, 0.886, 0.885 (docs/benchmarks.md). The former union, C 1 config gave 0.825 on waimai here.
    ("teddy2020/messages_train.csv", DEFAULT_CONFIG, 0.84),
    ("sentiment/waimai_10k_train.csv", SENTIMENT_CONFIG, 0.83),
    ("sentiment/chnsenticorp_hotel_train.csv", SENTIMENT_CONFIG, 0.84),
])
def test_macro_f1_on_a_held_out_subset(shared_data, relative, config, floor):
    (x_tr, y_tr), (x_te, y_te) = split(shared_data / relative, 1500, 600)
    model = train(x_tr, y_tr, config, folds=0, show_progress=False)
    figures = evaluate(y_te, [p.label for p in model.predict_many(x_te)], model.classes)
    assert figures["macro_f1"] >= floor, figures


def test_abstain_threshold_keeps_97_percent_on_unseen_data(shared_data):
    (x_tr, y_tr), (x_te, y_te) = split(shared_data / "teddy2020/messages_train.csv", 1200, 600, seed=1)
    model = train(x_tr, y_tr, folds=3, show_progress=False)
    kept = [p.label == y for p, y in zip(model.predict_many(x_te), y_te) if not p.abstain]
    assert len(kept) >= 0.2 * len(y_te)          # it still dispatches a real share on its own
    assert sum(kept) / len(kept) >= 0.93          # ≈ the 97 % target, with slack for 600 samples
