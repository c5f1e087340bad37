"""Model configuration and errors: no heavy imports (the CLI's parser is built from these)."""
from __future__ import annotations

from typing import Any

DEFAULT_CONFIG: dict[str, Any] = {
    "features": "char",
    "char_ngram": [1, 3],
    "word_ngram": [1, 1],
    "min_df": 2,
    "max_features": 200_000,
    "model": "svc",
    "C": 1.0,
    "alpha": 1e-5,
    "calibration": "sigmoid",
    "calibration_cv": 3,
}

# The category default is char n-grams alone: adding jieba words ("union") is worth +0.002–0.003
# CV macro-F1 on teddy2020 but cutting each new text with jieba puts one-text p95 over 2 ms
# (docs/benchmarks.md). Review sentiment (two classes, short texts): stronger regularisation
# cross-validates ~1 point better than C 1 on both review sets.
SENTIMENT_OVERRIDES: dict[str, Any] = {"features": "char", "C": 0.3}
SENTIMENT_CONFIG: dict[str, Any] = {**DEFAULT_CONFIG, **SENTIMENT_OVERRIDES}


class ModelError(Exception):
    """A model directory is missing, incomplete or of an unknown format."""


def make_config(**overrides: Any) -> dict[str, Any]:
    config = dict(DEFAULT_CONFIG)
    unknown = set(overrides) - set(config)
    if unknown:
        raise ValueError(f"unknown model option(s): {', '.join(sorted(unknown))}")
    config.update(overrides)
    return config
