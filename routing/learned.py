"""A learned second opinion: which unit finally handled past tickets like this one.

Trained from the database history (`hotline routing train` feeds rows of (text, category code,
final unit code)): character 1–3-gram TF-IDF of the text plus one-hot features of the category and its
ancestors, and a logistic regression. The router consults it only when no rule matches or rules tie,
and only above its threshold.
"""
from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import MultiLabelBinarizer

FORMAT = "hotline-learned-router/1"


def _category_tokens(code: str | None) -> list[str]:
    """C010216 → C01, C0102, C010216 (codes are prefixes of their children's codes)."""
    if not code:
        return ["<none>"]
    return [code[:i] for i in range(3, len(code) + 1, 2)] or [code]


@dataclass
class LearnedRouter:
    vectorizer: TfidfVectorizer
    categories: MultiLabelBinarizer
    model: LogisticRegression
    n_rows: int = 0

    def _features(self, texts: list[str], cats: list[str | None]):
        tokens = [_category_tokens(c) for c in cats]
        return sparse.hstack([self.vectorizer.transform(texts), self.categories.transform(tokens)]).tocsr()

    def predict(self, text: str, category: str | None = None, top: int = 3) -> list[tuple[str, float]]:
        """The `top` most likely units with their probabilities, best first."""
        proba = self.model.predict_proba(self._features([text], [category]))[0]
        order = np.argsort(proba)[::-1][:top]
        return [(str(self.model.classes_[i]), float(proba[i])) for i in order]

    def save(self, path: str | Path) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            pickle.dump({"format": FORMAT, "router": self}, fh)

    @classmethod
    def load(cls, path: str | Path) -> "LearnedRouter":
        with open(path, "rb") as fh:
            data = pickle.load(fh)  # noqa: S301 - our own model file
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError(f"{path}: 不是派单模型文件")
        return data["router"]


def train_learned_router(rows: Iterable[tuple[str, str | None, str]], *, c: float = 10.0) -> LearnedRouter:
    """Fit on (text, category code, final unit code) rows; needs at least two units."""
    texts, cats, units = [], [], []
    for text, cat, unit in rows:
        if text and unit:
            texts.append(text)
            cats.append(cat)
            units.append(unit)
    if len(set(units)) < 2:
        raise ValueError("训练数据至少要包含两个承办单位")
    vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), min_df=1, sublinear_tf=True)
    vec.fit(texts)
    mlb = MultiLabelBinarizer(sparse_output=True)
    mlb.fit([_category_tokens(c) for c in cats] + [["<none>"]])
    router = LearnedRouter(vec, mlb, LogisticRegression(C=c, max_iter=2000), n_rows=len(texts))
    router.model.fit(router._features(texts, cats), np.array(units))
    return router
