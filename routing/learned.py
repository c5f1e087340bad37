"""A learned second opinion: which unit finally handled past tickets like this one.

Trained from the database history (`hotline routing train` feeds rows of (text, category code,
final unit code)): character 1–3-gram TF-IDF of the text plus one-hot features of the category and its
ancestors, and a logistic regression. Since the fourth wave `hotline routing train` learns kinds of unit
(`unit_ref`: D-JA-CG → `@district.CG|DEPT-CGW`, resolved against each appeal's place) with character
1–3-grams and jieba words (`train_ref_router`), and the router blends its probability with every
candidate's catalogue score in proportion to the best one (`router.LEARNED_RELATIVE`); a unit the
catalogue does not name must pass the threshold.
"""
from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

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
    triage_check: Any = None      # routing.triage_check.TriageCheck trained with it, when the history records transfers

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


# -- labels that generalise across districts -----------------------------------------------------
from routing.registry import DISTRICT_KINDS  # noqa: E402  (kept importable from here)


def unit_ref(code: str) -> str:
    """A unit code as the kind of unit it is, so that a ticket of one district teaches all of them:
    D-JA-CG → `@district.CG|DEPT-CGW` (the district's 城管, the city's without a district), a street
    D-JA-S03 → `@street|@district`, a district government D-JA → `@district|WH12345`; a city unit stays."""
    parts = code.split("-")
    if code.startswith("D-") and len(parts) == 3:
        kind = parts[2]
        if kind.startswith("S") and kind[1:].isdigit():
            return "@street|@district"
        return f"@district.{kind}|{DISTRICT_KINDS[kind]}" if kind in DISTRICT_KINDS else f"@district.{kind}"
    if code.startswith("D-") and len(parts) == 2:
        return "@district|WH12345"
    return code


def duty_rows(duties) -> list[tuple[str, str | None, str]]:
    """The catalogue's own words as training rows: each duty's name, matters and objects → its lead."""
    rows: list[tuple[str, str | None, str]] = []
    for d in duties:
        label = "|".join(d.lead)
        terms = [*d.matters, *d.objects]
        rows.append((d.name, None, label))
        for i in range(0, len(terms), 6):          # a few short "appeals" per duty, not one long bag
            rows.append(("，".join(terms[i:i + 6]), None, label))
    return rows


def train_ref_router(rows: Iterable[tuple[str, str | None, str, float]], *, c: float = 5.0) -> "LearnedRouter":
    """Fit on weighted (text, category, label, weight) rows, labels being unit references or codes:
    character 1–3-grams plus jieba words."""
    texts, cats, labels, weights = [], [], [], []
    for text, cat, label, w in rows:
        if text and label:
            texts.append(text)
            cats.append(cat)
            labels.append(label)
            weights.append(w)
    vec = TfidfVectorizer(analyzer=_char_and_words, min_df=1, sublinear_tf=True)
    vec.fit(texts)
    mlb = MultiLabelBinarizer(sparse_output=True)
    mlb.fit([_category_tokens(c) for c in cats] + [["<none>"]])
    router = LearnedRouter(vec, mlb, LogisticRegression(C=c, max_iter=3000), n_rows=len(texts))
    router.model.fit(router._features(texts, cats), np.array(labels), sample_weight=np.array(weights))
    return router


def _char_and_words(text: str) -> list[str]:
    """Character 1–3-grams and jieba words (w:…) of a text."""
    import logging

    import jieba
    jieba.setLogLevel(logging.WARNING)
    t = "".join(text.split())
    grams = [t[i:i + n] for n in (1, 2, 3) for i in range(len(t) - n + 1)]
    return grams + ["w:" + w for w in jieba.lcut(t, HMM=False) if len(w) > 1]
