"""The team's own appeals, shipped with the project (``routing/seed/*.txt``).

Written by the team in the ways citizens of the demo city talk (never copied from ``../shared/data``),
one appeal per line ``units|district|transfer|redirect|text`` (see ``tests/routing_dev/README.md``).
They are the tuning parts of the routing development set, and the training text of the learned triage
check the router uses when a city has trained none of its own (``hotline routing train`` with transfers
in its history): trained in memory on its first use, once per process (about 2 s), no model file — not
when a router is built, since every command of the CLI builds one. They are also the neighbours of
the router's second opinion on the unit when the city has trained no learned model (``SEED_UNITS``,
``NeighbourUnits``: fitted on its first use in ~0.3 s).
The clean held-out parts stay under ``tests/routing_dev/`` and are never trained on.
"""
from __future__ import annotations

import logging
import threading
from functools import lru_cache
from importlib import resources
from typing import Any

log = logging.getLogger(__name__)

# in the order they were written; "holdout" and "holdout2" were held out in their own wave and have been
# tuning material since
SEED_PARTS = ("tuning", "holdout", "tuning2", "tuning3", "tuning4", "tuning5", "tuning6", "tuning7", "tuning8",
              "holdout2", "tuning9", "tuning10", "tuning11", "tuning12", "tuning13", "tuning14",
              "tuning15", "tuning16", "tuning17", "tuning18", "tuning19", "tuning20", "tuning21", "tuning22", "tuning23",
              "tuning27c")
# triage-only parts: the learned triage check trains on them, the second opinion on the unit does not (their
# ordinary appeals were written to sound alarming or out of scope, their units were not reviewed as dispatch labels)
TRIAGE_ONLY_PARTS = ("tuning16", "tuning18", "tuning20", "tuning22")


def seed_file(name: str) -> Any:
    """The shipped part ``name`` (a Traversable: ``.read_text(encoding=…)``)."""
    return resources.files("routing").joinpath("seed", f"{name}.txt")


def parse_devset(text: str) -> list[dict[str, Any]]:
    """Rows of a development-set file: units, district, transfer, redirect, text, line number. A phone call's
    turns (``channels.phone``: the caller's turns joined by line breaks) are written ``\\n`` on the row's line."""
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        units, district, transfer, redirect, body = line.split("|", 4)
        rows.append({"line": n, "units": [] if units == "-" else units.split(","),
                     "district": None if district == "-" else f"D-{district}",
                     "transfer": set(transfer.split(",")) if transfer else set(),
                     "redirect": redirect or None, "text": body.replace("\\n", "\n")})
    return rows


def seed_rows(*, with_triage_only: bool = True) -> list[dict[str, Any]]:
    """The shipped appeals; ``with_triage_only=False`` leaves out the parts written for triage alone."""
    return [row for name in SEED_PARTS if with_triage_only or name not in TRIAGE_ONLY_PARTS
            for row in parse_devset(seed_file(name).read_text(encoding="utf-8"))]


@lru_cache(maxsize=1)
def seed_triage_check():
    """The learned triage check (``routing.triage_check``) trained on the shipped appeals; None when
    they cannot be read (the rules alone then decide, as before)."""
    from routing.triage_check import train_triage_check

    try:
        rows = seed_rows()
        return train_triage_check(((row["text"], sorted(row["transfer"])) for row in rows),
                                  accusations=((row["text"], row["redirect"] == "纪检监察") for row in rows if not row["transfer"]))
    except (OSError, ValueError):
        log.exception("routing seed appeals unreadable: triage by the rules only")
        return None


class SeedTriageCheck:
    """Stands for the shipped check in a router (``triage_check``): trains it on the first appeal it
    is asked about, then answers as it. ``numbers_now`` never waits: while the check is not trained it
    starts the training in the background (``warm``) and answers nothing, so a web request is not held
    for the ~2 s of training."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def numbers(self, text: str) -> tuple[str, ...]:
        check = seed_triage_check()
        return check.numbers(text) if check is not None else ()

    def confidence(self, text: str) -> float:
        """The trained check's confidence; 1.0 (sure: no vote is dropped) for a check that tells none."""
        confidence = getattr(seed_triage_check(), "confidence", None)
        return confidence(text) if confidence is not None else 1.0

    def accusation(self, text: str) -> float:
        check = seed_triage_check()
        return check.accusation(text) if check is not None else 0.0

    @property
    def ready(self) -> bool:
        return seed_triage_check.cache_info().currsize > 0

    def warm(self) -> threading.Thread | None:
        """Train the check in a background thread (once); None when it is trained already."""
        if self.ready:
            return None
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=seed_triage_check, daemon=True, name="hotline-triage-warm")
                self._thread.start()
            return self._thread

    @property
    def state(self) -> str:
        """``ready``, ``training`` (in the background) or ``not started`` — shown by ``/healthz``."""
        if self.ready:
            return "ready"
        return "training" if self._thread is not None and self._thread.is_alive() else "not started"

    def numbers_now(self, text: str) -> tuple[str, ...]:
        if not self.ready:
            self.warm()
            return ()
        return self.numbers(text)


SEED_CHECK = SeedTriageCheck()


# -- a nearest-neighbour second opinion over the same appeals --------------------------------------
SEED_NEIGHBOURS = 3         # the appeals that vote
SEED_FLOOR = 0.2            # votes are shares of at least k × this similarity (far neighbours: unsure)
SEED_UNITS_THRESHOLD = 0.6  # alone (the catalogue names no such unit), the neighbours must agree this much
SEED_CENTROID_SHARE = 0.5   # the opinion is this much the kinds of unit's centroids, the rest the neighbours' votes
SEED_CENTROID_POWER = 10    # a centroid's share is its cosine to the text to this power, over all centroids


def token_ref(token: str) -> str:
    """A development-set unit token (tests/routing_dev/README.md) as the kind of unit it stands for,
    in the references the router resolves against an appeal's place (`routing.learned.unit_ref`)."""
    from routing.learned import DISTRICT_KINDS

    if token in DISTRICT_KINDS:
        return f"@district.{token}|{DISTRICT_KINDS[token]}"
    special = {"ST": "@street|@district", "DQ": "@district|WH12345", "HX": "WH12345"}
    return special.get(token) or f"DEPT-{token}|UTIL-{token}|{token}"


class NeighbourUnits:
    """The kinds of unit of the `k` shipped appeals most like a text (cosine of character 1–3-gram
    TF-IDF), each voting with its similarity (a row's further acceptable units at half weight), blended
    with how like the text each kind of unit's appeals are as a whole (the cosine to the centroid of its
    appeals, sharpened: ``centroid_share`` of the opinion): the router's learned second opinion (``predict``
    like `routing.learned.LearnedRouter`) when a city has trained none of its own. The neighbours know the
    appeals said nearly so before; the centroids know every word a kind of unit's appeals use, so a text
    mixing words of several of its appeals still finds it. Fitting is a TF-IDF of ~1,900 short texts and ~45
    centroids (a fraction of a second)."""

    def __init__(self, rows: list[tuple[str, str, float]], k: int = SEED_NEIGHBOURS, floor: float = SEED_FLOOR,
                 centroid_share: float = SEED_CENTROID_SHARE, centroid_power: float = SEED_CENTROID_POWER):
        import numpy as np
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.k, self.floor = k, floor
        self.centroid_share, self.centroid_power = centroid_share, centroid_power
        self.texts = [t for t, _, _ in rows]
        self.labels = [label for _, label, _ in rows]
        self.weights = [w for _, _, w in rows]
        vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)
        self.matrix = vectorizer.fit_transform(self.texts).tocsr()   # rows' unit vectors
        self.vocabulary: dict[str, int] = dict(vectorizer.vocabulary_)
        self.idf = vectorizer.idf_
        # each kind of unit's centroid: the weighted sum of its appeals' vectors, as a unit vector; kept as
        # n-gram × kind (float32) so that a query reads only the rows of its own n-grams
        self.kinds = sorted(set(self.labels))
        index = {label: j for j, label in enumerate(self.kinds)}
        import scipy.sparse as sp
        member = sp.csr_matrix((np.asarray(self.weights, dtype=float),
                                ([index[label] for label in self.labels], np.arange(len(self.labels)))),
                               shape=(len(self.kinds), len(self.labels)))
        sums = np.asarray((member @ self.matrix).todense())
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        self.centroids = np.ascontiguousarray((sums / np.where(norms > 0, norms, 1.0)).T, dtype=np.float32)

    def _query(self, text: str) -> tuple[list[int], Any]:
        """The text's TF-IDF vector as the vectorizer makes it (character 1–3-grams, sublinear tf, l2),
        without its per-call overhead (~2 ms): the columns it touches and their weights."""
        import numpy as np

        from routing.triage_check import char_grams

        counts: dict[int, int] = {}
        for gram, tf in char_grams(text or "").items():
            col = self.vocabulary.get(gram)
            if col is not None:
                counts[col] = tf
        cols = list(counts)
        w = (1 + np.log(np.fromiter(counts.values(), dtype=float, count=len(cols)))) * self.idf[cols]
        norm = float(np.sqrt(w @ w)) if cols else 0.0
        return cols, (w / norm if norm else w)

    def neighbours(self, text: str, query: tuple[list[int], Any] | None = None) -> list[tuple[int, float]]:
        """(row, similarity) of the k most similar appeals, most similar first."""
        import numpy as np

        cols, w = query if query is not None else self._query(text)
        if not cols:
            return []
        q = np.zeros(self.matrix.shape[1])
        q[cols] = w
        sims = self.matrix @ q        # a dense query: faster than slicing the query's columns
        k = min(self.k, len(sims))
        top = np.argpartition(-sims, k - 1)[:k]
        top = top[np.argsort(-sims[top], kind="stable")]
        return [(int(i), float(sims[i])) for i in top if sims[i] > 0]

    def predict(self, text: str, category: str | None = None, top: int = 3) -> list[tuple[str, float]]:
        import numpy as np

        query = self._query(text)
        votes: dict[str, float] = {}
        for i, sim in self.neighbours(text, query):
            votes[self.labels[i]] = votes.get(self.labels[i], 0.0) + sim * self.weights[i]
        total = sum(votes.values())
        if total <= 0:
            return []
        # neighbours that are all far (a text unlike any shipped appeal) give no sure answer, nor then do the
        # centroids (their part shrinks in the same proportion)
        near = min(1.0, total / (self.k * self.floor))
        total = max(total, self.k * self.floor)
        share = self.centroid_share * near
        out = {label: (1 - self.centroid_share) * v / total for label, v in votes.items()}
        cols, w = query
        sims = np.maximum(w.astype(np.float32) @ self.centroids[cols], 0.0) ** self.centroid_power
        if share > 0 and sims.sum() > 0:
            sims = sims / sims.sum()
            for j in np.flatnonzero(sims > 0.02):
                out[self.kinds[j]] = out.get(self.kinds[j], 0.0) + share * float(sims[j])
        return sorted(out.items(), key=lambda x: -x[1])[:top]


@lru_cache(maxsize=1)
def seed_neighbour_units() -> NeighbourUnits | None:
    """`NeighbourUnits` over the shipped appeals with a unit; None when they cannot be read."""
    try:
        rows = [(row["text"], token_ref(tok), 1.0 if i == 0 else 0.5)
                for row in seed_rows(with_triage_only=False) for i, tok in enumerate(row["units"])]
        return NeighbourUnits(rows) if rows else None
    except (OSError, ValueError):
        log.exception("routing seed appeals unreadable: no second opinion from them")
        return None


class SeedUnits:
    """Stands for the shipped neighbour model in a router (its ``learned``): fits it on the first appeal
    it is asked about, then answers as it."""

    label = "相似的示例诉求"   # how explanations name it (a city's own model: 历史派单模型)

    def predict(self, text: str, category: str | None = None, top: int = 3) -> list[tuple[str, float]]:
        model = seed_neighbour_units()
        return model.predict(text, category, top) if model is not None else []


SEED_UNITS = SeedUnits()
