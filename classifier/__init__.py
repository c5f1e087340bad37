"""Chinese text classification for the hotline: category, appeal type, urgency, review sentiment.

The public names are imported lazily, so ``import classifier`` (e.g. by the CLI) does not load
jieba and scikit-learn until a model is used.
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "load_default_classifier": "classifier.service",
    "load_default_sentiment": "classifier.service",
    "CategoryClassifier": "classifier.service",
    "SentimentModel": "classifier.service",
    "contradiction": "classifier.service",
    "set_default_sentiment": "classifier.service",
    "retrain": "classifier.registry",
    "ModelStore": "classifier.registry",
    "HotModel": "classifier.registry",
    "TextModel": "classifier.model",
    "train": "classifier.training",
    "detect_appeal_type": "classifier.rules",
    "detect_urgency": "classifier.rules",
    "register": "classifier.cli",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'classifier' has no attribute {name!r}")
