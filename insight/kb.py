"""Knowledge-base search that understands Chinese: an index the project builds itself.

Each article is indexed on its title, its question variants (weighted highest: they are in citizens'
words) and its answer, as character bigrams plus jieba words, with synonyms folded to one form
(``synonyms.toml``: 取钱 → 提取). Ranking is BM25 (Okapi, k1=1.2, b=0.75) over those terms.

Why not the databases' full text: PostgreSQL has no Chinese parser without an extension (zhparser,
pg_jieba) that a city's DBA must install, and SQLite's FTS5 has no Chinese tokenizer; one index in the
process behaves the same on both, needs nothing installed, and a knowledge base of a few thousand
articles builds in well under a second (docs/benchmarks.md) and is rebuilt when an article changes.
"""
from __future__ import annotations

import logging
import math
import os
import re
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterable

_KEEP = re.compile(r"[\u4e00-\u9fa5A-Za-z0-9]+")
_STOP = set("的了吗呢吧啊呀么我你他她它们是在有和与及或要想请问一下这个那个怎么什么如何可以能否需要")
WEIGHTS = {"title": 2.0, "questions": 3.0, "answer": 1.0}


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    path = os.environ.get("HOTLINE_SYNONYMS_FILE")
    raw = open(path, "rb").read().decode() if path else resources.files("insight").joinpath("synonyms.toml").read_text("utf-8")
    out: dict[str, str] = {}
    for group in tomllib.loads(raw).get("groups", []):
        for word in group:
            out[word] = group[0]
    return out


@lru_cache(maxsize=1)
def _tokenizer():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    tok.initialize()
    for word in synonyms():
        tok.add_word(word, freq=100000)
    return tok


def _fold(text: str) -> str:
    syn = synonyms()
    for word in sorted(syn, key=len, reverse=True):
        if word in text and syn[word] != word:
            text = text.replace(word, syn[word])
    return text


def terms(text: str) -> list[str]:
    """Bigrams of the folded text plus its jieba words (single characters only when alone)."""
    text = _fold(text or "")
    out: list[str] = []
    for chunk in _KEEP.findall(text):
        out += [chunk[i:i + 2] for i in range(len(chunk) - 1)] or [chunk]
    for word in _tokenizer().lcut(text, HMM=False):
        if len(word) >= 2 and word not in _STOP and _KEEP.fullmatch(word):
            out.append("w:" + word)
    return out


@dataclass
class Doc:
    id: int
    fields: dict[str, str]
    stamp: str = ""            # a version stamp: with a cache, an unchanged article is not read again


def doc_terms(doc: Doc) -> Counter:
    tf: Counter = Counter()
    for name, text in doc.fields.items():
        w = WEIGHTS.get(name, 1.0)
        for t in terms(text):
            tf[t] += w
    return tf


@dataclass
class Index:
    """An inverted index: term → [(document position, weighted term frequency)]."""
    docs: list[Doc]
    postings: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    length: list[float] = field(default_factory=list)
    avg: float = 1.0

    @classmethod
    def build(cls, docs: Iterable[Doc], cache: dict | None = None) -> "Index":
        """``cache`` ((id, stamp) → terms) keeps the terms of unchanged articles between builds."""
        idx = cls(list(docs))
        for pos, d in enumerate(idx.docs):
            key = (d.id, d.stamp)
            tf = cache.get(key) if cache is not None else None
            if tf is None:
                tf = doc_terms(d)
                if cache is not None:
                    cache[key] = tf
            idx.length.append(sum(tf.values()))
            for t, f in tf.items():
                idx.postings.setdefault(t, []).append((pos, f))
        idx.avg = (sum(idx.length) / len(idx.length)) if idx.length else 1.0
        return idx

    def search(self, query: str, limit: int = 5) -> list[tuple[int, float]]:
        n = len(self.docs)
        scores: dict[int, float] = {}
        for t in set(terms(query)):
            posting = self.postings.get(t)
            if not posting:
                continue
            idf = math.log(1 + (n - len(posting) + 0.5) / (len(posting) + 0.5))
            for pos, f in posting:
                norm = 1.2 * (0.25 + 0.75 * self.length[pos] / self.avg)
                scores[pos] = scores.get(pos, 0.0) + idf * f * 2.2 / (f + norm)
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])[:limit]
        return [(self.docs[pos].id, round(score, 3)) for pos, score in ranked]
