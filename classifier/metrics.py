"""Evaluation figures and the abstain threshold.

Risk–coverage: sort predictions by confidence, most confident first. Keeping the top share
(*coverage*) and sending the rest to an operator, *precision* is the share of the kept ones that are
right. The abstain threshold is the lowest confidence whose kept set is still at least
``target`` (97 %) correct, chosen on out-of-fold predictions so it is not fitted to the training set.
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support

TARGET_PRECISION = 0.97
MIN_KEPT = 10  # a threshold must keep at least this many examples to be trusted


def evaluate(y_true: Sequence[str], y_pred: Sequence[str], labels: Sequence[str] | None = None) -> dict[str, Any]:
    labels = list(labels) if labels is not None else sorted(set(y_true) | set(y_pred))
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, labels=labels, zero_division=0)
    return {
        "n": len(y_true),
        "accuracy": round(float(accuracy_score(y_true, y_pred)), 4),
        "macro_f1": round(float(f1_score(y_true, y_pred, labels=labels, average="macro", zero_division=0)), 4),
        "per_class": {lab: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
                            "f1": round(float(f[i]), 4), "support": int(s[i])}
                      for i, lab in enumerate(labels)},
        "labels": labels,
        "confusion": confusion_matrix(y_true, y_pred, labels=labels).tolist(),
    }


def risk_coverage(correct: Sequence[bool], confidence: Sequence[float]) -> list[dict[str, float]]:
    """One point per distinct confidence value: keep everything at or above it."""
    correct = np.asarray(correct, dtype=float)
    confidence = np.asarray(confidence, dtype=float)
    if len(correct) == 0:
        return []
    order = np.argsort(-confidence, kind="stable")
    conf_sorted = confidence[order]
    hits = np.cumsum(correct[order])
    kept = np.arange(1, len(order) + 1)
    # last index of each run of equal confidence: ties are kept or dropped together
    last = np.r_[np.nonzero(np.diff(conf_sorted))[0], len(order) - 1]
    return [{"threshold": float(conf_sorted[i]), "coverage": float(kept[i] / len(order)),
             "precision": float(hits[i] / kept[i]), "kept": int(kept[i])} for i in last]


def choose_threshold(correct: Sequence[bool], confidence: Sequence[float],
                     target: float = TARGET_PRECISION, min_kept: int = MIN_KEPT) -> dict[str, float]:
    """The lowest threshold whose kept set is ≥ ``target`` correct (coverage as large as possible).

    When no threshold keeps ``min_kept`` examples at the target precision, the threshold is set
    above every confidence (1.0 + ε): everything goes to an operator until there is more data.
    """
    best = None
    for point in risk_coverage(correct, confidence):
        if point["kept"] >= min_kept and point["precision"] >= target:
            best = point  # points run from high to low threshold: the last good one covers most
    if best is None:
        return {"threshold": 1.000001, "coverage": 0.0, "precision": None, "target": target}
    return {"threshold": round(best["threshold"], 6), "coverage": round(best["coverage"], 4),
            "precision": round(best["precision"], 4), "target": target}
