"""Training: cross-validation, model choice, the abstain threshold and the final fit.

``train(texts, labels)`` runs a stratified k-fold cross-validation of one config (out-of-fold
calibrated probabilities give the reported metrics and the abstain threshold), then fits the same
config on all the data. Near copies of one text (the same appeal filed again in almost the same
words) are kept in one fold, so the figures and the threshold are those of new appeals: on
teddy2020, random folds say 0.906 macro-F1 and a threshold whose dispatches are only 96.9 % right
on grouped folds; grouped folds say 0.901 and keep 97 %. ``search(texts, labels)``
cross-validates the small ``SEARCH_GRID`` and
returns the configs ranked by macro-F1; ``train(..., search=True)`` trains the best one.

The grid (documented in docs/benchmarks.md with its figures):
char 1–3-gram TF-IDF, jieba word-unigram TF-IDF and their union; LinearSVC (C 0.3, 1.0),
SGD (modified Huber) and LogisticRegression; all with sublinear tf and balanced class weights.
"""
from __future__ import annotations

import os
import time
from collections import Counter
from datetime import datetime, timezone
from typing import Any, Callable, Sequence

import numpy as np
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold
from tqdm import tqdm

from classifier import metrics
from classifier.model import (CharKeys, CountedBlock, TextModel, assemble_pipeline, build_estimator, count_blocks,
                              data_sha256, fitted_features, library_versions, make_config, slim,
                              stack_features)

CV_JOBS = 2  # cross-validation folds fitted in parallel (the target machine has 2 cores)
# train() keeps near copies in one fold up to this many texts (finding them grows with the square
# of the corpus: 7 s for 6.5k appeals, 30 s for 20k); above it, plain stratified folds
GROUPED_CV_MAX = 20_000
PARALLEL_MIN_SAMPLES = 1000  # below this, folds run in-process
MIN_PER_CLASS = 3  # fewer examples than this: the class is left out (cannot be cross-validated)

SEARCH_GRID: list[dict[str, Any]] = [
    {"features": "char", "model": "svc", "C": 0.3},
    {"features": "word", "model": "svc", "C": 0.3},
    {"features": "union", "model": "svc", "C": 0.3},
    {"features": "union", "model": "svc", "C": 1.0},
    {"features": "union", "model": "sgd", "alpha": 1e-5},
    {"features": "union", "model": "logreg", "C": 0.5},
]


def _filter_small(texts: Sequence[str], labels: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    counts = Counter(labels)
    dropped = sorted(lab for lab, n in counts.items() if n < MIN_PER_CLASS)
    keep = [i for i, lab in enumerate(labels) if counts[lab] >= MIN_PER_CLASS]
    return [texts[i] for i in keep], [labels[i] for i in keep], dropped


def _check(texts: Sequence[str], labels: Sequence[str]) -> None:
    if len(texts) != len(labels):
        raise ValueError("texts and labels differ in length")
    if len(set(labels)) < 2:
        raise ValueError(f"需要至少两个类别、每类至少 {MIN_PER_CLASS} 条样本才能训练")


def cross_validate(texts: Sequence[str], labels: Sequence[str], config: dict[str, Any], folds: int = 5,
                   seed: int = 0, progress: Callable[[], None] | None = None,
                   n_jobs: int | None = None, fit_all: bool = False,
                   groups: Sequence[int] | None = None,
                   count_cache: dict[Any, Any] | None = None) -> dict[str, Any]:
    """Out-of-fold calibrated probabilities and the figures computed from them.

    The texts are analysed once (:func:`classifier.model.count_blocks`); each fold's vectorizers
    are derived from its training rows, equal to fitting them on those texts. ``n_jobs``: folds
    fitted in parallel processes (default ``CV_JOBS``; 1 for small data, where starting the
    processes costs more than it saves). ``fit_all``: also fit the config on all the data, as one
    more task of the same pool (it starts first, the folds fill the other process); the result
    then has ``pipeline`` and ``fit_seconds``. ``groups``: texts of one group are kept in one
    fold (``StratifiedGroupKFold``), e.g. the :func:`near_duplicate_groups`, so that no text is
    scored by a model trained on its near copy. The result's ``fold`` is each text's test fold.
    ``count_cache``: shared by calls on the same texts (see ``count_blocks``).
    """
    started = time.perf_counter()
    y = np.asarray(labels)
    classes = sorted(set(labels))
    min_class = min(Counter(labels).values())
    folds = max(2, min(folds, min_class))
    proba = np.zeros((len(y), len(classes)), dtype=np.float64)
    if groups is None:
        splits = list(StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed).split(np.zeros(len(y)), y))
    else:
        splits = list(StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
                      .split(np.zeros(len(y)), y, np.asarray(groups)))
    blocks = count_blocks(config, list(texts), count_cache)
    shipped = [b.without_terms() for b in blocks]  # workers need the counts, not a million strings
    counted = time.perf_counter() - started
    n_jobs = _n_jobs(n_jobs, len(splits), len(y))
    tasks = ([(_fit_rows, (config, shipped, y, np.arange(len(y))))] if fit_all else []) + \
        [(_fold, (config, shipped, y, tr, te)) for tr, te in splits]
    if n_jobs > 1:
        from joblib import Parallel, delayed
        # folds are independent: two processes halve the wall time on a 2-core machine
        outputs = iter(Parallel(n_jobs=n_jobs, return_as="generator")(delayed(f)(*a) for f, a in tasks))
    else:
        outputs = (f(*a) for f, a in tasks)
    final = next(outputs) if fit_all else None
    if final is not None and progress:
        progress()
    for (_train_idx, test_idx), (fold_classes, p) in zip(splits, outputs):
        for j, c in enumerate(fold_classes):
            proba[test_idx, classes.index(c)] = p[:, j]
        if progress:
            progress()
    pred_idx = proba.argmax(axis=1)
    y_pred = [classes[i] for i in pred_idx]
    confidence = proba[np.arange(len(y)), pred_idx]
    correct = [a == b for a, b in zip(y_pred, labels)]
    figures = metrics.evaluate(list(labels), y_pred, classes)
    figures["folds"] = folds
    figures["abstain"] = metrics.choose_threshold(correct, confidence)
    figures["risk_coverage"] = _thin(metrics.risk_coverage(correct, confidence))
    fold_of = np.zeros(len(y), dtype=int)
    for i, (_, test_idx) in enumerate(splits):
        fold_of[test_idx] = i
    out = {"metrics": figures, "y_pred": y_pred, "confidence": confidence, "fold": fold_of}
    if final is not None:
        fitted, clf, fit_seconds = final
        out["pipeline"] = assemble_pipeline(blocks, fitted, clf)
        out["fit_seconds"] = counted + fit_seconds  # the full fit's share: counting + its own fit
    return out


NEAR_DUPLICATE_COSINE = 0.7  # char 2–3-gram TF-IDF cosine at or above which two texts are near copies


def near_duplicate_groups(texts: Sequence[str], threshold: float = NEAR_DUPLICATE_COSINE,
                          chunk: int = 2000) -> np.ndarray:
    """A group number per text: texts linked by a chain of near copies share one.

    Appeals about one event are often filed many times in almost the same words; random folds put
    the copies on both sides and flatter the figures. Cosine similarity of char 2–3-gram TF-IDF,
    computed a chunk of rows at a time (memory bounded; time grows with the square of the corpus).
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    from sklearn.feature_extraction.text import TfidfTransformer, TfidfVectorizer
    from classifier.text import model_text
    analysis = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), preprocessor=model_text, lowercase=False)
    _, counts = CharKeys(analysis).count(list(texts), np.float32)
    vectors = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
    rows, cols = [], []
    for start in range(0, vectors.shape[0], chunk):
        sims = (vectors[start:start + chunk] @ vectors.T).tocoo()
        linked = sims.data >= threshold
        rows.append(sims.row[linked] + start)
        cols.append(sims.col[linked])
    n = vectors.shape[0]
    edges = coo_matrix((np.ones(sum(len(r) for r in rows), dtype=np.int8), (np.concatenate(rows), np.concatenate(cols))),
                       shape=(n, n))
    return connected_components(edges, directed=False)[1]


def _grouping(groups: np.ndarray | None) -> dict[str, Any]:
    if groups is None:
        return {"method": "stratified", "reason": f"more than {GROUPED_CV_MAX} texts"}
    return {"method": "near_duplicate_groups", "cosine": NEAR_DUPLICATE_COSINE, "groups": int(len(set(groups.tolist())))}


def _n_jobs(n_jobs: int | None, n_folds: int, n_samples: int) -> int:
    if n_jobs is None:
        n_jobs = CV_JOBS if n_samples >= PARALLEL_MIN_SAMPLES else 1
    return max(1, min(int(n_jobs), n_folds, os.cpu_count() or 1))


def _fold(config: dict[str, Any], blocks: list[CountedBlock], y: np.ndarray, train_idx: np.ndarray,
          test_idx: np.ndarray) -> tuple[list[str], np.ndarray]:
    fitted, clf, _ = _fit_rows(config, blocks, y, train_idx)
    return [str(c) for c in clf.classes_], clf.predict_proba(stack_features(blocks, fitted, test_idx))


def _fit_rows(config: dict[str, Any], blocks: list[CountedBlock], y: np.ndarray,
              rows: np.ndarray) -> tuple[list[Any], Any, float]:
    """Vectorizers and classifier fitted on ``rows`` (the classifier and the time it took)."""
    started = time.perf_counter()
    fitted, features = fitted_features(blocks, rows)
    clf = build_estimator(config, min(Counter(y[rows]).values())).fit(features, y[rows])
    return fitted, clf, time.perf_counter() - started


def _thin(points: list[dict[str, float]], n: int = 101) -> list[dict[str, float]]:
    """At most ``n`` points of a risk–coverage curve, evenly spread over coverage."""
    if len(points) <= n:
        return points
    idx = sorted({int(round(i)) for i in np.linspace(0, len(points) - 1, n)})
    return [points[i] for i in idx]


def search(texts: Sequence[str], labels: Sequence[str], grid: Sequence[dict[str, Any]] | None = None,
           folds: int = 5, show_progress: bool = True, base: dict[str, Any] | None = None,
           count_cache: dict[Any, Any] | None = None,
           groups: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """Cross-validate each config of the grid; results sorted best first (by macro-F1). The texts
    are counted once per distinct analysis, not once per config."""
    texts, labels, _ = _filter_small(list(texts), list(labels))
    _check(texts, labels)
    grid = list(grid or SEARCH_GRID)
    folds_eff = max(2, min(folds, min(Counter(labels).values())))
    results = []
    count_cache = {} if count_cache is None else count_cache
    with tqdm(total=len(grid) * folds_eff, desc="搜索模型配置", unit="折", disable=not show_progress) as bar:
        for overrides in grid:
            config = make_config(**{**(base or {}), **overrides})
            started = time.perf_counter()
            cv = cross_validate(texts, labels, config, folds=folds_eff, progress=lambda: bar.update(1),
                                count_cache=count_cache, groups=groups)
            m = cv["metrics"]
            results.append({"config": config, "overrides": overrides, "macro_f1": m["macro_f1"],
                            "accuracy": m["accuracy"], "coverage_at_97": m["abstain"]["coverage"],
                            "seconds": round(time.perf_counter() - started, 1)})
    results.sort(key=lambda r: -r["macro_f1"])
    return results


def train(texts: Sequence[str], labels: Sequence[str], config: dict[str, Any] | None = None, *,
          folds: int = 5, do_search: bool = False, show_progress: bool = True,
          source: str | None = None, extra_metadata: dict[str, Any] | None = None) -> TextModel:
    """Cross-validate, choose the abstain threshold, fit on everything; returns the model."""
    started = time.perf_counter()
    all_texts, all_labels = list(texts), [str(lab) for lab in labels]
    texts, labels, dropped = _filter_small(all_texts, all_labels)
    _check(texts, labels)
    search_results = None
    count_cache: dict[Any, Any] = {}  # a search counts the texts once per analysis; training reuses it
    groups = near_duplicate_groups(texts) if folds and len(texts) <= GROUPED_CV_MAX else None
    if do_search:
        search_results = search(texts, labels, folds=folds, show_progress=show_progress, base=config,
                                count_cache=count_cache, groups=groups)
        config = search_results[0]["config"]
    config = make_config(**(config or {}))
    folds_eff = max(2, min(folds, min(Counter(labels).values()))) if folds else 0
    with tqdm(total=folds_eff + 1, desc="训练分类模型", unit="步", disable=not show_progress) as bar:
        cv = None
        if folds_eff:
            bar.set_postfix_str(f"{folds_eff} 折交叉验证与全量拟合")
            cv = cross_validate(texts, labels, config, folds=folds_eff, progress=lambda: bar.update(1),
                                fit_all=True, count_cache=count_cache, groups=groups)
            cv["metrics"]["grouping"] = _grouping(groups)
            pipeline, fit_seconds = cv["pipeline"], cv["fit_seconds"]
        else:
            bar.set_postfix_str("全量拟合")
            started_fit = time.perf_counter()
            blocks = count_blocks(config, texts, count_cache)
            fitted, clf, _ = _fit_rows(config, blocks, np.asarray(labels), np.arange(len(labels)))
            pipeline, fit_seconds = assemble_pipeline(blocks, fitted, clf), time.perf_counter() - started_fit
            bar.update(1)
    slim(pipeline)
    cv_metrics = cv["metrics"] if cv else None
    threshold = cv_metrics["abstain"]["threshold"] if cv_metrics else 0.0
    now = datetime.now(timezone.utc)
    metadata: dict[str, Any] = {
        "format": 1,
        "version": now.strftime("%Y%m%dT%H%M%S%fZ"),
        "trained_at": now.isoformat(timespec="seconds"),
        "source": source,
        "n_examples": len(texts),
        "class_counts": dict(sorted(Counter(labels).items())),
        "dropped_classes": dropped,
        "data_sha256": data_sha256(all_texts, all_labels),
        "config": config,
        "cv": cv_metrics,
        "abstain_threshold": threshold,
        "fit_seconds": round(fit_seconds, 2),
        "train_seconds": round(time.perf_counter() - started, 2),
        "libraries": library_versions(),
    }
    if search_results is not None:
        metadata["search"] = [{k: v for k, v in r.items() if k != "config"} for r in search_results]
    if extra_metadata:
        metadata.update(extra_metadata)
    return TextModel(pipeline, metadata)
