"""The serving side: the category classifier of ``hotline.ports`` and the review-sentiment helpers.

``load_default_classifier(models_dir)`` gives the object the service layer is handed: it serves
the current version of ``models_dir/category`` (swapping in a new version without a restart) and,
when there is none yet, first trains one from the packaged starter corpus (a few seconds).
"""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from hotline.ports import Classification

from classifier.config import SENTIMENT_CONFIG
from classifier.dataio import read_labelled
from classifier.model import TextModel
from classifier.registry import HotModel, ModelStore
from classifier.rules import detect_appeal_type, detect_urgency

DATA = resources.files("classifier").joinpath("data")
STARTER_CATEGORY = Path(str(DATA.joinpath("starter_category.csv")))
STARTER_SENTIMENT = Path(str(DATA.joinpath("starter_sentiment.csv")))
CATEGORY_DIR = "category"
SENTIMENT_DIR = "sentiment"
POSITIVE = "1"
NEGATIVE = "0"


class _Served:
    """Holds a fixed model or a hot-swapping one; ``model`` is the one to use now."""

    def __init__(self, model: TextModel | HotModel):
        self._source = model

    @property
    def model(self) -> TextModel:
        return self._source.get() if isinstance(self._source, HotModel) else self._source


class CategoryClassifier(_Served):
    """Category (model), appeal type and urgency (rules) of an appeal: a ``hotline.ports.Classifier``."""

    @property
    def model_version(self) -> str:
        return self.model.version

    def classify(self, text: str) -> Classification:
        return self.classify_many([text])[0]

    def classify_many(self, texts: Iterable[str]) -> list[Classification]:
        texts = [t or "" for t in texts]
        model = self.model
        out = []
        for text, pred in zip(texts, model.predict_many(texts)):
            appeal, urgency = detect_appeal_type(text), detect_urgency(text)
            empty = not text.strip()
            out.append(Classification(
                category=None if empty else pred.label,
                confidence=0.0 if empty else round(pred.confidence, 4),
                appeal_type=appeal.code,
                urgency=urgency.code,
                model_version=model.version,
                abstain=True if empty else pred.abstain,
                signals={"top": pred.top, "threshold": model.threshold,
                         "appeal_type": appeal.as_signal(), "urgency": urgency.as_signal()},
            ))
        return out


@contextmanager
def _store_lock(root: Path) -> Iterator[None]:
    """One process trains the first model; others wait for it (fcntl lock file)."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def ensure_model(root: str | os.PathLike[str], starter: Path, *, folds: int = 5,
                 config: dict | None = None) -> ModelStore:
    """The store at ``root``, with a first version trained from ``starter`` when it has none."""
    from classifier.training import train

    store = ModelStore(root)
    if store.current():
        return store
    with _store_lock(store.root):
        if not store.current():
            texts, labels = read_labelled(starter)
            model = train(texts, labels, config, folds=folds, show_progress=False,
                          source=f"starter:{starter.name}")
            store.activate(store.save(model))
    return store


def load_default_classifier(models_dir: str | os.PathLike[str], check_interval: float = 1.0) -> CategoryClassifier:
    """The category classifier serving ``models_dir/category`` (trained from the starter corpus on first use)."""
    store = ensure_model(Path(models_dir) / CATEGORY_DIR, STARTER_CATEGORY)
    return CategoryClassifier(HotModel(store, check_interval=check_interval))


class SentimentModel(_Served):
    """Review text → probability that it is positive (labels "1" positive / "0" negative)."""

    def positive_probability(self, text: str) -> float:
        model = self.model
        proba = model.predict_proba([text or ""])[0]
        if POSITIVE not in model.classes:
            raise ValueError(f"情感模型的类别应为 0/1，实际为 {model.classes}")
        return float(proba[model.classes.index(POSITIVE)])

    def contradiction(self, level: int, text: str, clear: float = 0.8) -> str | None:
        """A reason (Chinese) when the text clearly contradicts the review level, else None.

        ``level`` is the 1–5 review level (5 = 非常满意). 4–5 with a text that is negative with
        probability ≥ ``clear``, or 1–2 with a text positive with probability ≥ ``clear``, is
        flagged for a human look; level 3 and empty texts never are.
        """
        from hotline.domain.vocab import level_contradiction

        if not text or not text.strip() or level == 3:
            return None
        p_pos = self.positive_probability(text)
        return level_contradiction(level, negative=f"负面概率 {1 - p_pos:.2f}" if 1 - p_pos >= clear else None,
                                   positive=f"正面概率 {p_pos:.2f}" if p_pos >= clear else None)


def load_default_sentiment(models_dir: str | os.PathLike[str], check_interval: float = 1.0) -> SentimentModel:
    """The sentiment model serving ``models_dir/sentiment`` (trained from the starter corpus on first use)."""
    store = ensure_model(Path(models_dir) / SENTIMENT_DIR, STARTER_SENTIMENT, config=SENTIMENT_CONFIG)
    return SentimentModel(HotModel(store, check_interval=check_interval))


_default_sentiment: SentimentModel | None = None


def set_default_sentiment(model: SentimentModel | None) -> None:
    """The model ``contradiction()`` uses when none is given (the core sets it at start-up)."""
    global _default_sentiment
    _default_sentiment = model


def contradiction(level: int, text: str, model: SentimentModel | None = None, clear: float = 0.8) -> str | None:
    """Module-level form of :meth:`SentimentModel.contradiction`.

    Without ``model`` it uses the default set by :func:`set_default_sentiment`, or else a model
    trained in memory from the starter sentiment corpus (once per process, a second or two).
    """
    global _default_sentiment
    if model is None:
        if _default_sentiment is None:
            from classifier.training import train
            texts, labels = read_labelled(STARTER_SENTIMENT)
            _default_sentiment = SentimentModel(train(texts, labels, SENTIMENT_CONFIG, folds=5, show_progress=False,
                                                      source=f"starter:{STARTER_SENTIMENT.name}"))
        model = _default_sentiment
    return model.contradiction(level, text, clear=clear)
