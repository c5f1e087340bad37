"""A small learned check beside triage's rules (issue 11, fourth wave): is this a danger happening now,
and which number takes it?

Rules (routing/triage.py) are precise but each fresh batch of calm reports finds phrasings they lack;
a character n-gram model trained on the team's appeals (emergency or not, and the numbers) catches
many of them (on four fresh batches of probes 80–89 % at p ≥ 0.5, against 22–77 % for the rules as
they stood before each batch) and flags none of 2,816 real ordinary letters. It is consulted only when
the rules flag nothing and redirect nothing; its numbers are those whose own probability passes too.
Trained in memory (about a second on ~1,200 texts); no model file.

Answering is done without scikit-learn's per-call machinery (``_Scorer``: the same character n-grams,
sublinear tf × idf, l2 norm and logistic scores, from one dictionary of the vocabulary's weights): about
0.05 ms a text instead of ~1–2 ms, cheap enough for ``POST /api/v1/tickets`` to consult the check for
its queue-front decision. It answers exactly as the fitted models do (tested).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

NUMBERS = ("110", "119", "120", "122")
THRESHOLD = 0.55


_WHITE = re.compile(r"\s\s+")


def char_grams(text: str, ngram_range: tuple[int, int] = (1, 3), lowercase: bool = True) -> Counter[str]:
    """The character n-grams of ``text`` and their counts, as scikit-learn's ``analyzer="char"`` reads
    them (lowercased, runs of whitespace folded to one space): what a fitted vectorizer's vocabulary is
    looked up with by the fast scorers (``_Scorer`` here, `routing.seed.NeighbourUnits`)."""
    if lowercase:
        text = text.lower()
    text = _WHITE.sub(" ", text)
    lo, hi = ngram_range
    return Counter([text[i:i + n] for n in range(lo, hi + 1) for i in range(len(text) - n + 1)])


class _Scorer:
    """The fitted vectorizer and logistic models as one table: n-gram → (idf, weight in the first model,
    weights in every model). Most texts are ordinary: the first model (emergency or not) is scored alone,
    the others only when it passes."""

    def __init__(self, vectorizer: TfidfVectorizer, models: list[LogisticRegression]):
        if vectorizer.analyzer != "char" or not vectorizer.sublinear_tf or vectorizer.norm != "l2":
            raise ValueError("unsupported vectorizer")
        self.ngram_range = vectorizer.ngram_range
        self.lowercase = vectorizer.lowercase
        idf = vectorizer.idf_
        coefs = [m.coef_[0] for m in models]
        self.intercepts = [float(m.intercept_[0]) for m in models]
        self.table = {term: (float(idf[j]), float(coefs[0][j]), tuple(float(c[j]) for c in coefs))
                      for term, j in vectorizer.vocabulary_.items()}

    def _terms(self, text: str) -> tuple[list[tuple[float, tuple[float, ...]]], float, float]:
        """(value, weights) of the text's known n-grams, the first model's score and the l2 norm's inverse."""
        counts = char_grams(text, self.ngram_range, self.lowercase)
        get = self.table.get
        terms = []
        norm = first = 0.0
        for gram, tf in counts.items():
            entry = get(gram)
            if entry is None:
                continue
            value = entry[0] if tf == 1 else (1.0 + math.log(tf)) * entry[0]
            norm += value * value
            first += value * entry[1]
            terms.append((value, entry[2]))
        return terms, first, (1.0 / math.sqrt(norm) if norm else 0.0)

    @staticmethod
    def _sigmoid(z: float) -> float:
        return 1.0 / (1.0 + math.exp(-z)) if z >= -700 else 0.0

    def first(self, text: str) -> tuple[float, list, float]:
        terms, first, scale = self._terms(text)
        return self._sigmoid(first * scale + self.intercepts[0]), terms, scale

    def rest(self, terms: list, scale: float) -> list[float]:
        sums = [0.0] * len(self.intercepts)
        for value, weights in terms:
            for k, w in enumerate(weights):
                sums[k] += value * w
        return [self._sigmoid(sm * scale + b) for sm, b in zip(sums[1:], self.intercepts[1:])]

    def probabilities(self, text: str) -> list[float]:
        p_first, terms, scale = self.first(text)
        return [p_first, *self.rest(terms, scale)]


# when no number's own probability passes, the best one is given, with any other within TIE of it: a near tie
# between two services (110 or 120 for someone hurt in a fight) is offered to the operator as both
TIE = 0.05


def _choose(scored: list[tuple[str, float]], threshold: float) -> tuple[str, ...]:
    chosen = tuple(n for n, p in scored if p >= threshold)
    if chosen:
        return chosen
    best = max(p for _n, p in scored)
    return tuple(n for n, p in scored if p >= best - TIE)


@dataclass
class TriageCheck:
    vectorizer: TfidfVectorizer
    any_model: LogisticRegression
    number_models: dict[str, LogisticRegression]
    threshold: float = THRESHOLD
    _scorer: _Scorer | None = field(default=None, repr=False, compare=False)
    accusation_model: LogisticRegression | None = None
    _accusation_scorer: _Scorer | None = field(default=None, repr=False, compare=False)

    def _fast(self) -> _Scorer:
        scorer = getattr(self, "_scorer", None)      # a check pickled before the scorer existed has none
        if scorer is None:
            scorer = self._scorer = _Scorer(self.vectorizer, [self.any_model, *self.number_models.values()])
        return scorer

    def numbers(self, text: str) -> tuple[str, ...]:
        """The numbers the model would transfer to (empty: not an emergency)."""
        scorer = self._fast()
        p_any, terms, scale = scorer.first(text)
        if p_any < self.threshold:
            return ()
        return _choose(list(zip(self.number_models, scorer.rest(terms, scale))), self.threshold)

    def confidence(self, text: str) -> float:
        """The first model's probability that ``text`` is an emergency (what ``numbers`` compares with the
        threshold)."""
        return self._fast().first(text)[0]

    def accusation(self, text: str) -> float:
        """The probability that ``text`` accuses an official of misconduct (0.0 for a check trained without
        out-of-scope examples, or pickled before the accusation check existed)."""
        model = getattr(self, "accusation_model", None)
        if model is None:
            return 0.0
        scorer = getattr(self, "_accusation_scorer", None)
        if scorer is None:
            scorer = self._accusation_scorer = _Scorer(self.vectorizer, [model])
        return scorer.first(text)[0]

    def numbers_slow(self, text: str) -> tuple[str, ...]:
        """``numbers`` through scikit-learn's own transform and predict_proba (the reference)."""
        x = self.vectorizer.transform([text])
        if self.any_model.predict_proba(x)[0, 1] < self.threshold:
            return ()
        return _choose([(n, m.predict_proba(x)[0, 1]) for n, m in self.number_models.items()], self.threshold)


def train_triage_check(rows: Iterable[tuple[str, Iterable[str]]], *, c: float = 10.0,
                       accusations: Iterable[tuple[str, bool]] | None = None) -> TriageCheck:
    """Fit on (text, numbers) rows — numbers empty for an ordinary appeal. ``accusations``: (text, is an
    accusation against an official) rows of appeals that are no emergency, for the accusation check (none
    without both kinds)."""
    texts, labels = [], []
    for text, nums in rows:
        if text:
            texts.append(text)
            labels.append(set(nums))
    vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)
    x = vec.fit_transform(texts)
    any_y = np.array([1 if nums else 0 for nums in labels])
    if len(set(any_y)) < 2:
        raise ValueError("训练数据需要同时包含紧急和普通诉求")
    any_model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x, any_y)
    idx = [i for i, nums in enumerate(labels) if nums]
    number_models = {}
    for n in NUMBERS:
        y = np.array([1 if n in labels[i] else 0 for i in idx])
        if 0 < y.sum() < len(y):
            number_models[n] = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(x[idx], y)
    check = TriageCheck(vec, any_model, number_models)
    acc = [(t, bool(y)) for t, y in (accusations or ()) if t]
    if any(y for _t, y in acc) and not all(y for _t, y in acc):
        check.accusation_model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced").fit(
            vec.transform([t for t, _y in acc]), np.array([1 if y else 0 for _t, y in acc]))
        check.accusation("")
    check._fast()
    return check
