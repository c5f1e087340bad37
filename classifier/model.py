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
loads once (``TextModel.load(dir)``, a pickle) and predicts one text or a batch.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import platform
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np
import scipy.sparse as sp
import sklearn
from sklearn.base import clone
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from classifier.config import DEFAULT_CONFIG, ModelError, make_config  # noqa: F401 (re-exported)
from classifier.text import model_text, word_tokens

MODEL_FILE = "model.pkl"  # pickle protocol 5: the C unpickler loads it ~20x faster than joblib
METADATA_FILE = "metadata.json"
FORMAT_VERSION = 1
FAST_BATCH = 8  # up to this many texts, score one by one without scikit-learn's overhead

def _vectorizers(config: dict[str, Any]) -> list[tuple[str, TfidfVectorizer]]:
    min_df = config["min_df"]
    max_features = config["max_features"]
    char = TfidfVectorizer(analyzer="char", ngram_range=tuple(config["char_ngram"]),
                           preprocessor=model_text, lowercase=False, sublinear_tf=True,
                           min_df=min_df, max_features=max_features, dtype=np.float32)
    word = TfidfVectorizer(tokenizer=word_tokens, token_pattern=None,
                           ngram_range=tuple(config["word_ngram"]), preprocessor=model_text,
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


def build_estimator(config: dict[str, Any], min_class: int = 3):
    """The config's classifier, unfitted (calibration folds capped by the smallest class)."""
    kind = config["model"]
    if kind == "svc":
        base = LinearSVC(C=config["C"], class_weight="balanced", random_state=0)  # reproducible
    elif kind == "logreg":
        base = LogisticRegression(C=config["C"] * 20, class_weight="balanced", max_iter=2000)
    elif kind == "sgd":
        base = SGDClassifier(loss="modified_huber", alpha=config["alpha"], class_weight="balanced",
                             max_iter=50, tol=1e-4, random_state=0)
    else:
        raise ValueError(f"unknown model {kind!r}")
    cv = max(2, min(int(config["calibration_cv"]), min_class))
    return CalibratedClassifierCV(base, method=config["calibration"], cv=cv, ensemble=False)


def build_pipeline(config: dict[str, Any], min_class: int = 3) -> Pipeline:
    """The unfitted pipeline of a config (training derives the same one from shared counts)."""
    steps = _vectorizers(config)
    features = steps[0][1] if len(steps) == 1 else FeatureUnion(steps)
    return Pipeline([("features", features), ("clf", build_estimator(config, min_class))])


@dataclass
class CountedBlock:
    """One feature block's term counts over a whole corpus, analysed once.

    Cutting texts into n-grams and sorting a million-term vocabulary is most of a fit's time
    (~16 s of ~24 s for teddy2020's char block). Cross-validation fits the same vectorizer on
    several subsets of one corpus, so the corpus is counted once (every term, no pruning) and each
    subset's vectorizer is derived from its rows by :func:`fit_block`.
    """

    name: str
    template: TfidfVectorizer  # the config's vectorizer, unfitted
    terms: np.ndarray | None   # every term in the vectorizer's (sorted) column order: the strings,
                               # or for a char block their CharKeys (int64, in the same order)
    counts: sp.csr_matrix      # documents × terms

    def term_strings(self, columns: np.ndarray) -> list[str]:
        if self.terms is None:
            raise ValueError("the block's terms were left out")
        chosen = self.terms[columns]
        return CharKeys.key_terms(chosen) if chosen.dtype == np.int64 else [str(t) for t in chosen]

    def without_terms(self) -> "CountedBlock":
        """The block as worker processes need it (the term strings stay with the caller)."""
        return CountedBlock(self.name, self.template, None, self.counts)


def count_blocks(config: dict[str, Any], texts: Sequence[str],
                 cache: dict[Any, tuple[np.ndarray, sp.csr_matrix]] | None = None) -> list[CountedBlock]:
    """Every feature block of ``config`` counted over ``texts`` (the analysers run once).

    ``cache``: counts of earlier calls on the same texts, reused for any block analysed the same
    way (configs that differ in pruning or classifier only, as in a search).
    """
    blocks = []
    for name, template in _vectorizers(config):
        params = {k: v for k, v in template.get_params().items() if k in CountVectorizer().get_params()}
        params.update(min_df=1, max_df=1.0, max_features=None)
        key = tuple(sorted((k, repr(v)) for k, v in params.items()))
        if cache is None or key not in cache:
            counted = _count(template, params, texts)
            if cache is not None:
                cache[key] = counted
        else:
            counted = cache[key]
        blocks.append(CountedBlock(name, template, *counted))
    return blocks


def _count(template: TfidfVectorizer, params: dict[str, Any], texts: Sequence[str]) -> tuple[np.ndarray, sp.csr_matrix]:
    if CharKeys.applies(template):  # char n-grams: numpy keys, ~8x faster than CountVectorizer
        return CharKeys(template).count(texts, template.dtype)
    counter = CountVectorizer(**params)
    counts = counter.fit_transform(texts).tocsr()
    terms = np.empty(len(counter.vocabulary_), dtype=object)
    for term, column in counter.vocabulary_.items():
        terms[column] = term
    return terms, counts


@dataclass
class FittedBlock:
    kept: np.ndarray            # the corpus columns this vocabulary keeps, in its order
    tfidf: TfidfTransformer

    def transform(self, block: CountedBlock, rows: np.ndarray) -> sp.csr_matrix:
        return self.tfidf.transform(block.counts[rows][:, self.kept])

    def vectorizer(self, block: CountedBlock) -> TfidfVectorizer:
        """The fitted vectorizer, equal to ``block.template`` fitted on the same rows' texts."""
        vec = clone(block.template)
        vec.vocabulary_ = {term: i for i, term in enumerate(block.term_strings(self.kept))}
        vec.fixed_vocabulary_ = False
        vec.idf_ = self.tfidf.idf_
        return vec


def fit_block(block: CountedBlock, rows: np.ndarray) -> FittedBlock:
    """The vocabulary and idf that ``block.template.fit(texts[rows])`` would learn, from the
    shared counts: scikit-learn's own pruning (min_df, max_df, then the max_features most frequent
    terms, ties broken by the same sort over the same sorted columns) and its TfidfTransformer."""
    template = block.template
    counts = block.counts[rows]
    n_docs = counts.shape[0]
    high = template.max_df if isinstance(template.max_df, (int, np.integer)) else template.max_df * n_docs
    low = template.min_df if isinstance(template.min_df, (int, np.integer)) else template.min_df * n_docs
    dfs = np.bincount(counts.indices, minlength=counts.shape[1])
    # terms absent from these rows are not in the subset's vocabulary at all
    mask = (dfs >= max(low, 1)) & (dfs <= high)
    limit = template.max_features
    if limit is not None and mask.sum() > limit:
        tfs = np.asarray(counts.sum(axis=0)).ravel()
        mask_inds = (-tfs[mask]).argsort()[:limit]
        new_mask = np.zeros(len(dfs), dtype=bool)
        new_mask[np.where(mask)[0][mask_inds]] = True
        mask = new_mask
    kept = np.flatnonzero(mask)
    if len(kept) == 0:
        raise ValueError(f"去掉只在不到 {template.min_df} 条样本中出现的字词后，没有剩下任何特征：样本太少或彼此没有共同的字词")
    tfidf = TfidfTransformer(norm=template.norm, use_idf=template.use_idf, smooth_idf=template.smooth_idf,
                             sublinear_tf=template.sublinear_tf).fit(counts[:, kept])
    return FittedBlock(kept, tfidf)


def fitted_features(blocks: Sequence[CountedBlock], rows: np.ndarray) -> tuple[list[FittedBlock], sp.csr_matrix]:
    """Each block fitted on ``rows`` and the feature matrix of those rows (blocks side by side,
    as the pipeline's FeatureUnion stacks them)."""
    fitted = [fit_block(b, rows) for b in blocks]
    return fitted, stack_features(blocks, fitted, rows)


def stack_features(blocks: Sequence[CountedBlock], fitted: Sequence[FittedBlock], rows: np.ndarray) -> sp.csr_matrix:
    parts = [f.transform(b, rows) for b, f in zip(blocks, fitted)]
    return parts[0] if len(parts) == 1 else sp.hstack(parts).tocsr()


def assemble_pipeline(blocks: Sequence[CountedBlock], fitted: Sequence[FittedBlock], clf: Any) -> Pipeline:
    """The servable pipeline of fitted blocks and a fitted classifier (what ``build_pipeline(...)
    .fit(texts, labels)`` returns when the blocks were fitted on all of ``texts``)."""
    vectorizers = [(b.name, f.vectorizer(b)) for b, f in zip(blocks, fitted)]
    features = vectorizers[0][1] if len(vectorizers) == 1 else FeatureUnion(vectorizers)
    return Pipeline([("features", features), ("clf", clf)])


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
            "pickle_protocol": "5"}


class _TermCounts:
    """Known terms of one text and how often each occurs, through the vectorizer's own analyzer
    and vocabulary (any block)."""

    def __init__(self, vec: TfidfVectorizer):
        self.analyzer = vec.build_analyzer()
        self.vocabulary = vec.vocabulary_

    def __call__(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        counts = Counter(self.analyzer(text))
        cols = np.fromiter(map(self.vocabulary.get, counts, repeat(-1)), dtype=np.intp, count=len(counts))
        known = cols >= 0
        return cols[known], np.fromiter(counts.values(), dtype=np.float64, count=len(counts))[known]


class CharKeys:
    """Char n-grams (n ≤ 3) of a vectorizer as int64 keys, for numpy instead of dicts of strings.

    A key holds ``c + 1`` for each code point, 21 bits apiece, the first in the top bits and 0
    where the n-gram is shorter: keys of distinct n-grams differ, and their order is the strings'
    order (Python compares strings by code points, a prefix first), which is the column order of
    scikit-learn's vocabulary. The analysis is the vectorizer's own: its preprocessor, runs of
    white space folded to one space, then every n-gram of the ngram_range.
    """

    BITS = 21  # every code point is below 0x110000 < 2**21

    @staticmethod
    def applies(vec: TfidfVectorizer | CountVectorizer) -> bool:
        low, high = vec.ngram_range
        return vec.analyzer == "char" and 1 <= low <= high <= 3 and vec.input == "content"

    def __init__(self, vec: TfidfVectorizer | CountVectorizer):
        self.preprocess = vec.build_preprocessor()
        self.low, self.high = vec.ngram_range

    @staticmethod
    def _codes(text: str) -> np.ndarray:
        return np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.int64) + 1

    @classmethod
    def _keys(cls, codes: np.ndarray) -> np.ndarray:
        """Keys of n-grams given as rows of (code point + 1)."""
        key = codes[:, 0] << (2 * cls.BITS)
        for j in range(1, codes.shape[1]):
            key = key | (codes[:, j] << ((2 - j) * cls.BITS))
        return key

    def text_keys(self, text: str) -> np.ndarray:
        """The key of every n-gram of ``text``, repeats included."""
        codes = self._codes(_WHITE_SPACES.sub(" ", self.preprocess(text)))
        grams = [self._keys(np.lib.stride_tricks.sliding_window_view(codes, n))
                 for n in range(self.low, min(self.high, len(codes)) + 1)]
        return np.concatenate(grams) if grams else np.zeros(0, dtype=np.int64)

    @classmethod
    def term_keys(cls, terms: Sequence[str]) -> np.ndarray:
        terms = np.asarray(terms, dtype=object)
        keys = np.empty(len(terms), dtype=np.int64)
        lengths = np.fromiter(map(len, terms), dtype=np.intp, count=len(terms))
        for n in range(1, 4):
            chosen = np.flatnonzero(lengths == n)
            if len(chosen):
                keys[chosen] = cls._keys(cls._codes("".join(terms[chosen])).reshape(-1, n))
        return keys

    @classmethod
    def key_terms(cls, keys: np.ndarray) -> list[str]:
        mask = (1 << cls.BITS) - 1
        codes = np.stack([(keys >> (2 * cls.BITS)) & mask, (keys >> cls.BITS) & mask, keys & mask], axis=1)
        return ["".join(chr(c - 1) for c in row if c) for row in codes.tolist()]

    def count(self, texts: Sequence[str], dtype: Any) -> tuple[np.ndarray, sp.csr_matrix]:
        """Every distinct key of a corpus (sorted) and the documents × keys count matrix: what
        ``CountVectorizer`` gives for this analysis, without its per-n-gram Python loop and the
        sort of a million strings."""
        per_doc = [self.text_keys(t) for t in texts]
        keys, inverse = np.unique(np.concatenate(per_doc) if per_doc else np.zeros(0, dtype=np.int64),
                                  return_inverse=True)
        rows = np.repeat(np.arange(len(per_doc)), [len(k) for k in per_doc])
        counts = sp.csr_matrix((np.ones(len(rows), dtype=dtype), (rows, inverse.ravel())),
                               shape=(len(per_doc), len(keys)))
        counts.sum_duplicates()
        return keys, counts


class _CharKeyCounts:
    """The same for a char n-gram block with n ≤ 3 (``CharKeys``): the text's keys found with
    searchsorted in the vocabulary's sorted keys. Looking 1,500 distinct n-grams up in a
    200,000-entry dict was over half of one text's time."""

    def __init__(self, vec: TfidfVectorizer):
        self.char_keys = CharKeys(vec)
        terms = list(vec.vocabulary_)
        columns = np.fromiter(vec.vocabulary_.values(), dtype=np.intp, count=len(terms))
        keys = CharKeys.term_keys(terms)
        order = np.argsort(keys)
        self.keys, self.columns = keys[order], columns[order]

    def __call__(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        found, tf = np.unique(self.char_keys.text_keys(text), return_counts=True)
        if not len(found):
            return np.zeros(0, dtype=np.intp), np.zeros(0)
        at = np.minimum(np.searchsorted(self.keys, found), len(self.keys) - 1)
        known = self.keys[at] == found
        return self.columns[at[known]], tf[known].astype(np.float64)


_WHITE_SPACES = re.compile(r"\s\s+")  # scikit-learn's char analyzer folds runs of white space


class FastScorer:
    """Calibrated probabilities of one text without scikit-learn's per-call overhead.

    ``Pipeline.predict_proba`` spends ~10 ms of validation per call on a single text; this does
    the same arithmetic (the vectorizers' analyzers, sublinear tf × idf, l2 norm per block, the
    linear decision function, the per-class sigmoid calibrators, normalisation) directly.
    ``tests/unit/test_classifier_training.py`` checks it agrees with the pipeline.
    """

    def __init__(self, pipeline: Pipeline):
        features = pipeline.named_steps["features"]
        vectorizers = [v for _, v in features.transformer_list] if isinstance(features, FeatureUnion) else [features]
        self.blocks = []
        offset = 0
        for vec in vectorizers:
            counter = _CharKeyCounts(vec) if CharKeys.applies(vec) else _TermCounts(vec)
            self.blocks.append((counter, np.asarray(vec.idf_, dtype=np.float64), offset, vec.sublinear_tf, vec.norm))
            offset += len(vec.vocabulary_)
        calibrated = pipeline.named_steps["clf"]
        if len(calibrated.calibrated_classifiers_) != 1:
            raise ValueError("FastScorer needs CalibratedClassifierCV(ensemble=False)")
        inner = calibrated.calibrated_classifiers_[0]
        estimator = inner.estimator
        self.weights = np.ascontiguousarray(np.asarray(estimator.coef_, dtype=np.float64).T)
        self.intercept = np.asarray(estimator.intercept_, dtype=np.float64)
        self.n_classes = len(calibrated.classes_)
        positions = {c: i for i, c in enumerate(calibrated.classes_)}
        self.columns = np.array([positions[c] for c in estimator.classes_])
        self.calibrators = inner.calibrators
        self.sigmoid = all(hasattr(c, "a_") for c in self.calibrators)
        if self.sigmoid:
            self.a = np.array([c.a_ for c in self.calibrators], dtype=np.float64)
            self.b = np.array([c.b_ for c in self.calibrators], dtype=np.float64)
        self.method = inner.method

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        ids: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for counter, idf, offset, sublinear, norm in self.blocks:
            cols_a, tf_a = counter(text)
            if not len(cols_a):
                continue
            if sublinear:
                tf_a = 1.0 + np.log(tf_a)
            value = tf_a * idf[cols_a]
            if norm == "l2":
                length = np.sqrt(np.dot(value, value))
                if length > 0:
                    value /= length
            elif norm == "l1":
                value /= np.abs(value).sum() or 1.0
            ids.append(cols_a + offset)
            values.append(value)
        if not ids:
            return np.zeros(0, dtype=np.intp), np.zeros(0)
        return np.concatenate(ids), np.concatenate(values)

    def predict_proba_one(self, text: str) -> np.ndarray:
        ids, values = self.features(text)
        decision = values @ self.weights[ids] + self.intercept if len(ids) else self.intercept.copy()
        if self.weights.shape[1] == 1:  # binary: one decision for classes_[1]
            decision = decision.reshape(1)
        if self.sigmoid:
            scores = 1.0 / (1.0 + np.exp(self.a * decision + self.b))
        else:
            scores = np.array([c.predict(np.array([d]))[0] for c, d in zip(self.calibrators, decision)])
        proba = np.zeros(self.n_classes)
        if self.n_classes == 2:
            proba[1] = scores[0]
            proba[0] = 1.0 - scores[0]
        else:
            proba[self.columns] = scores
            total = proba.sum()
            proba = proba / total if total != 0 else np.full(self.n_classes, 1.0 / self.n_classes)
        proba[(proba > 1.0) & (proba <= 1.0 + 1e-5)] = 1.0
        return proba


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
        self._fast = FastScorer(pipeline) if pipeline.named_steps["clf"].method == "sigmoid" else None

    @property
    def threshold(self) -> float:
        return float(self.metadata.get("abstain_threshold", 0.0))

    @property
    def version(self) -> str:
        return str(self.metadata.get("version", "unversioned"))

    def predict_proba(self, texts: Iterable[str]) -> np.ndarray:
        texts = [t if isinstance(t, str) else "" for t in texts]
        if self._fast is not None and len(texts) <= FAST_BATCH:
            return np.vstack([self._fast.predict_proba_one(t) for t in texts]) if texts \
                else np.zeros((0, len(self.classes)))
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
        tmp_model = directory / (MODEL_FILE + ".tmp")
        with open(tmp_model, "wb") as fh:
            pickle.dump(self.pipeline, fh, protocol=5)
        os.replace(tmp_model, directory / MODEL_FILE)
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
        with open(model_path, "rb") as fh:
            pipeline = pickle.load(fh)
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
