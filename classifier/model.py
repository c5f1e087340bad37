"""The text → label model: features, a linear classifier and calibrated probabilities.

A model is a scikit-learn pipeline built from a small config dict (see ``DEFAULT_CONFIG``):

* ``features``: ``"char"`` (character n-gram TF-IDF), ``"word"`` (jieba word TF-IDF) or
  ``"union"`` (both, concatenated);
* ``char_ngram`` / ``word_ngram``: n-gram ranges; ``min_df``: minimum document frequency;
* ``model``: ``"svc"`` (LinearSVC), ``"logreg"`` (LogisticRegression) or ``"sgd"``
  (SGDClassifier, modified Huber loss); ``C`` (or ``alpha`` for SGD): regularisation;
* ``calibration``: ``"sigmoid"`` or ``"isotonic"``, fitted by ``CalibratedClassifierCV`` with
  ``ensemble=False`` (one final estimator: a smaller file and faster prediction).

:class:`TextModel` wraps the fitted pipeline with its classes, abstain threshold and metadata; it
loads once (``TextModel.load(dir)``) and predicts one text or a batch.
"""
from __future__ import annotations

import hashlib
import json
import os
import platform
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import joblib
import numpy as np
import sklearn
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from classifier.text import jieba_tokens, normalise

MODEL_FILE = "model.joblib"
METADATA_FILE = "metadata.json"
FORMAT_VERSION = 1

DEFAULT_CONFIG: dict[str, Any] = {
    "features": "union",
    "char_ngram": [1, 3],
    "word_ngram": [1, 2],
    "min_df": 2,
    "max_features": 400_000,
    "model": "svc",
    "C": 0.5,
    "alpha": 1e-5,
    "calibration": "sigmoid",
    "calibration_cv": 3,
}


class ModelError(Exception):
    """A model directory is missing, incomplete or of an unknown format."""


def make_config(**overrides: Any) -> dict[str, Any]:
    config = dict(DEFAULT_CONFIG)
    unknown = set(overrides) - set(config)
    if unknown:
        raise ValueError(f"unknown model option(s): {', '.join(sorted(unknown))}")
    config.update(overrides)
    return config


def _vectorizers(config: dict[str, Any]) -> list[tuple[str, TfidfVectorizer]]:
    min_df = config["min_df"]
    max_features = config["max_features"]
    char = TfidfVectorizer(analyzer="char", ngram_range=tuple(config["char_ngram"]),
                           preprocessor=normalise, lowercase=False, sublinear_tf=True,
                           min_df=min_df, max_features=max_features, dtype=np.float32)
    word = TfidfVectorizer(tokenizer=jieba_tokens, token_pattern=None,
                           ngram_range=tuple(config["word_ngram"]), preprocessor=normalise,
                           lowercase=False, sublinear_tf=True, min_df=min_df,
                           max_features=max_features, dtype=np.float32)
    kind = config["features"]
    if kind == "char":
        return [("char", char)]
    if kind == "word":
        return [("word", word)]
    if kind == "union":
        return [("char", char), ("word", word)]
    raise ValueError(f"unknown features {kind!r}")


def _estimator(config: dict[str, Any], n_samples: int, min_class: int):
    kind = config["model"]
    if kind == "svc":
        base = LinearSVC(C=config["C"], class_weight="balanced")
    elif kind == "logreg":
        base = LogisticRegression(C=config["C"] * 20, class_weight="balanced", max_iter=2000)
    elif kind == "sgd":
        base = SGDClassifier(loss="modified_huber", alpha=config["alpha"], class_weight="balanced",
                             max_iter=50, tol=1e-4, random_state=0)
    else:
        raise ValueError(f"unknown model {kind!r}")
    cv = max(2, min(int(config["calibration_cv"]), min_class))
    return CalibratedClassifierCV(base, method=config["calibration"], cv=cv, ensemble=False)


def build_pipeline(config: dict[str, Any], n_samples: int = 0, min_class: int = 3) -> Pipeline:
    steps = _vectorizers(config)
    features = steps[0][1] if len(steps) == 1 else FeatureUnion(steps)
    return Pipeline([("features", features), ("clf", _estimator(config, n_samples, min_class))])


def slim(pipeline: Pipeline) -> Pipeline:
    """Drop fitted attributes that are only for inspection (pruned-terms sets are large)."""
    for step in pipeline.named_steps["features"].transformer_list \
            if isinstance(pipeline.named_steps["features"], FeatureUnion) \
            else [("v", pipeline.named_steps["features"])]:
        vec = step[1]
        if hasattr(vec, "stop_words_"):
            try:
                del vec.stop_words_
            except AttributeError:  # pragma: no cover - a read-only property in some versions
                pass
    return pipeline


def data_sha256(texts: Sequence[str], labels: Sequence[str]) -> str:
    digest = hashlib.sha256()
    for text, label in zip(texts, labels):
        digest.update(text.encode("utf-8"))
        digest.update(b"\x1f")
        digest.update(str(label).encode("utf-8"))
        digest.update(b"\x1e")
    return digest.hexdigest()


def library_versions() -> dict[str, str]:
    import jieba
    import scipy
    return {"python": platform.python_version(), "scikit-learn": sklearn.__version__,
            "numpy": np.__version__, "scipy": scipy.__version__, "jieba": jieba.__version__,
            "joblib": joblib.__version__}


@dataclass
class Prediction:
    label: str
    confidence: float
    abstain: bool
    top: list[tuple[str, float]] = field(default_factory=list)


class TextModel:
    """A fitted pipeline with its metadata; predicts one text or a batch."""

    def __init__(self, pipeline: Pipeline, metadata: dict[str, Any]):
        self.pipeline = pipeline
        self.metadata = metadata
        self.classes: list[str] = [str(c) for c in pipeline.classes_]

    @property
    def threshold(self) -> float:
        return float(self.metadata.get("abstain_threshold", 0.0))

    @property
    def version(self) -> str:
        return str(self.metadata.get("version", "unversioned"))

    def predict_proba(self, texts: Iterable[str]) -> np.ndarray:
        texts = [t if isinstance(t, str) else "" for t in texts]
        return self.pipeline.predict_proba(texts)

    def predict_many(self, texts: Iterable[str], top_k: int = 3) -> list[Prediction]:
        proba = self.predict_proba(texts)
        out = []
        for row in proba:
            order = np.argsort(-row)[:top_k]
            best = int(order[0])
            conf = float(row[best])
            out.append(Prediction(label=self.classes[best], confidence=conf,
                                  abstain=conf < self.threshold,
                                  top=[(self.classes[i], round(float(row[i]), 4)) for i in order]))
        return out

    def predict(self, text: str, top_k: int = 3) -> Prediction:
        return self.predict_many([text], top_k=top_k)[0]

    # -- persistence -------------------------------------------------------------------------
    def save(self, directory: str | os.PathLike[str]) -> Path:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        joblib.dump(self.pipeline, directory / MODEL_FILE, compress=3)
        meta = dict(self.metadata)
        meta.setdefault("format", FORMAT_VERSION)
        meta["classes"] = self.classes
        tmp = directory / (METADATA_FILE + ".tmp")
        tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=2, default=_json_default),
                       encoding="utf-8")
        os.replace(tmp, directory / METADATA_FILE)
        return directory

    @classmethod
    def load(cls, directory: str | os.PathLike[str]) -> "TextModel":
        directory = Path(directory)
        model_path, meta_path = directory / MODEL_FILE, directory / METADATA_FILE
        if not model_path.is_file() or not meta_path.is_file():
            raise ModelError(f"不是模型目录（缺少 {MODEL_FILE} 或 {METADATA_FILE}）：{directory}")
        try:
            metadata = json.loads(meta_path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise ModelError(f"模型元数据无法解析：{meta_path}: {exc}") from None
        if metadata.get("format") != FORMAT_VERSION:
            raise ModelError(f"未知的模型格式 {metadata.get('format')!r}：{directory}")
        started = time.perf_counter()
        pipeline = joblib.load(model_path)
        model = cls(pipeline, metadata)
        model.load_seconds = time.perf_counter() - started
        return model


def _json_default(obj: Any) -> Any:
    if isinstance(obj, (np.integer,)):
        return int(obj)
    if isinstance(obj, (np.floating,)):
        return float(obj)
    if isinstance(obj, (np.ndarray, tuple, set)):
        return list(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")
