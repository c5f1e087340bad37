"""The twenty-fourth wave's shortcuts (helper w24-speed) answer what the plain code answers.

Each shortcut reads less, never otherwise: ``content_score`` is not read where the wording's score it is weighed
against is 0.65 or more (it scores below 0.65); ``_other_part`` passes by the pairs where one names no part; the bus
stop's thing and the unnamed home are read once per text; a trick's bodies are searched for only where the appeal
says how it came, and each matter's trick is read once; whether a matter names an online service is read once per
pass; ``_Names.meet`` remembers its answer per tuple of places. Checked against the plain code (written out here as
it was before) on the repeats and hotspots tuning splits (never the held-out ones) and a week written from the speed
bench's templates. No timing.
"""
from __future__ import annotations

import re
import sys
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import insight.hotspots as hotspots
import insight.matter as matter
from insight.hotspots import _Names, find_hotspots
from insight.matter import (_gram_similarity, _home_against_estate, _other_part, _stop_thing, content_score, group,
                            load_settings)
from insight.places import default_gazetteer, matter_for_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


def _tuning_weeks(splits: int | None = None):
    from tests.unit.test_insight_speed_w22 import _tuning_hotspot_weeks

    weeks = list(_tuning_hotspot_weeks())
    return weeks[-splits:] if splits else weeks


@lru_cache(maxsize=1)
def _repeat_splits() -> tuple:
    """(matters, times) of each repeats tuning split (never the held-out ones), read once."""
    from eval_insight import HELD_OUT, read_repeats

    gaz = default_gazetteer()
    by_split: dict[str, list] = {}
    for r in read_repeats("all"):
        assert r["split"] not in HELD_OUT
        by_split.setdefault(r["split"], []).append(r)
    return tuple((tuple(matter_for_text(r["text"], gazetteer=gaz) for r in rows), tuple(r["hours"] * 3600 for r in rows))
                 for rows in by_split.values())


def _pairs(limit: int = 40):
    """Every ordered pair of appeals of each repeats tuning split (its first ``limit`` appeals)."""
    for matters, _ in _repeat_splits():
        some = matters[:limit]
        for a in some:
            for b in some:
                yield a, b


# --- the plain code, as it was before the shortcuts ---

def _plain_content_score(a, b, settings=None, beside: float = 0.0) -> float:
    settings = settings or load_settings()
    at = float(settings.get("similar", "content_evidence", 0) or 0)
    if at <= 0:
        return 0.0
    ev = matter.content_evidence(a, b)
    if ev <= 0:
        return 0.0
    need = float(settings.get("similar", "threshold", 0.42))
    half = at * (0.65 / need - 1)
    return 0.65 * ev / (ev + half)


def _plain_other_part(a, b, kinds=None) -> bool:
    for kind in {k for k, _ in a.parts} & {k for k, _ in b.parts}:
        if kinds is not None and kind not in kinds:
            continue
        va, vb = {v for k, v in a.parts if k == kind}, {v for k, v in b.parts if k == kind}
        if not va & vb and not (kind == "口名" and any(matter._one_exit(x, y) for x in va for y in vb)):
            return True
    return False


def _plain_stop_thing(m):
    # the reading as written, uncached: the stop's thing said in the residual, or (w27-rep) in the residual of an
    # appeal whose place is the stop; a taxi's and (w27-rpb2) a thing of the stop said drop the bus itself; its sign
    # knocked (w27-rep, w27-rpb2) is the sign
    def said_in(residual):
        if not matter._AT_STOP.search(residual):
            return None
        said = {i for i, words in enumerate(matter._STOP_THINGS) if any(w in residual for w in words)}
        if "taxi" in m.concepts or said - matter._BUS_ITSELF:
            said -= matter._BUS_ITSELF
        if matter._SIGN_AT_STOP.search(residual) or matter._STOP_SIGN_HIT.search(residual):
            said.add(1)
        return said.pop() if len(said) == 1 else None

    said = said_in(m.residual)
    if said is None and any(p.endswith(matter._STOP_PLACE_KINDS) for p in m.places) and \
            not matter._AT_STOP.search(m.residual):
        said = said_in("站台" + m.residual.strip())
    return said


def _plain_home_against_estate(a, b) -> bool:
    if matter._fine_names(a.places) or not matter._HOME_UNNAMED.search(a.residual):
        return False
    return any(p not in a.places for p in matter._fine_names(b.places))


def _plain_trick_key(m, tricks):
    text = m.residual + " " + " ".join(m.places)
    posing, take = hotspots._compiled(str(tricks.get("posing", ""))), hotspots._compiled(str(tricks.get("take", "")))
    asks = hotspots._compiled(str(tricks.get("asks", "")))
    channel = next((name for name, pat in tricks.get("channels", []) if re.search(pat, text)), None)
    found = [(mt.start(), name) for name, pat in tricks.get("bodies", []) if (mt := re.search(pat, text))]
    service = False
    if not found and channel and channel != "door":     # a service posed as, by phone or text (w28-hot2)
        found = [(mt.start(), name) for name, pat in tricks.get("services", []) if (mt := re.search(pat, text))]
        service = bool(found)
    named = hotspots._compiled(str(tricks.get("named_body", "")))
    if not found and named and (mt := named.search(text)):     # a body no list has, by its name (w24-hot)
        found = [(mt.start(), mt.group(1))]
    if not channel or not found:
        return None
    weak = set(tricks.get("weak_bodies", ()) or ())      # (w27-hot) a weak body said beside another is not the one
    found = [f for f in found if f[1] not in weak] or found
    told = bool(posing and take and posing.search(text) and take.search(text))
    sells = hotspots._compiled(str(tricks.get("sells", "")))
    offers = hotspots._compiled(str(tricks.get("offers", "")))     # what a trick offers at a distance (w28-hot2)
    if not told and not (channel != "door" and asks and asks.search(text)) and \
            not (channel == "door" and sells and sells.search(text)) and \
            not (channel != "door" and offers and offers.search(text) and
                 (service or (posing and posing.search(text)) or (take and take.search(text)))):
        return None
    return channel, min(found)[1]


class _PlainNames(_Names):
    """A hotspot's names that remember nothing per tuple of places (each asked afresh)."""

    def meet(self, places):
        return self._meet(places)


def _plain(monkeypatch) -> None:
    monkeypatch.setattr(matter, "content_score", _plain_content_score)
    monkeypatch.setattr(matter, "_other_part", _plain_other_part)
    monkeypatch.setattr(matter, "_stop_thing", _plain_stop_thing)
    monkeypatch.setattr(matter, "_home_against_estate", _plain_home_against_estate)
    monkeypatch.setattr(hotspots, "_trick_key", _plain_trick_key)
    monkeypatch.setattr(hotspots, "_Names", _PlainNames)


def _fresh_memos(monkeypatch) -> None:
    # _shared_place remembers by place reading: a fresh memo, so that each run reads every pair itself
    plain_shared = matter._shared_place.__wrapped__  # type: ignore[attr-defined]
    monkeypatch.setattr(matter, "_shared_place", matter._by_place_reading(plain_shared))


# --- each shortcut alone ---

def test_content_score_beside_a_score_of_065_changes_no_maximum():
    """``max(grams, content_score(..., beside=grams))`` is the plain maximum for every pair of the repeats tuning splits,
    and pairs whose wording scores 0.65 or more with rare content shared (what the shortcut leaves unread) are met."""
    skipped = 0
    for a, b in _pairs():
        grams = _gram_similarity(a, b)
        plain = _plain_content_score(a, b)
        assert max(grams, content_score(a, b, beside=grams)) == max(grams, plain)
        assert content_score(a, b) == plain          # (beside nothing: the score itself)
        skipped += grams >= 0.65 and plain > 0
    assert skipped > 0


def test_content_score_beside_065_is_read_where_the_threshold_lets_it_reach_065():
    """Where ``similar.threshold`` is 0.65 or more the score may reach 0.65: nothing is passed by."""
    settings = load_settings()
    high = replace(settings, similar={**settings.similar, "threshold": 0.7})
    pairs = [(a, b) for a, b in _pairs(20) if _plain_content_score(a, b, high) > 0][:50]
    assert pairs
    for a, b in pairs:
        assert content_score(a, b, high, beside=0.9) == _plain_content_score(a, b, high)


def test_other_part_stop_thing_and_home_as_the_plain_reading():
    n = parts = stops = homes = 0
    for a, b in _pairs():
        for kinds in (None, matter._FAR_PARTS, matter._SIDE_PARTS):
            assert _other_part(a, b, kinds) == _plain_other_part(a, b, kinds)
        parts += _plain_other_part(a, b)
        assert _home_against_estate(a, b) == _plain_home_against_estate(a, b)
        homes += _plain_home_against_estate(a, b)
        n += 1
    for matters, _ in _repeat_splits():
        for m in matters:
            assert _stop_thing(m) == _plain_stop_thing(m)
            stops += _plain_stop_thing(m) is not None
    assert n > 1000 and parts and stops and homes


def test_trick_key_as_the_plain_reading():
    tricks = load_settings().get("hotspots", "tricks", {}) or {}
    assert tricks
    keys = [(hotspots._trick_key(a.matter, tricks), _plain_trick_key(a.matter, tricks))
            for week, _ in _tuning_weeks() for a in week]
    assert all(x == y for x, y in keys)
    assert any(x for x, _ in keys)


def test_names_meet_remembered_as_asked_afresh():
    weeks = [week for week, _ in _tuning_weeks(6)]
    asked = [a.matter.places for week in weeks for a in week]
    out, plain = [], []
    for week in weeks:
        names = {p for a in week[::3] for p in a.matter.places}
        named, fresh = _Names(names), _PlainNames(names)
        out += [named.meet(places) for places in asked + asked]
        plain += [fresh.meet(places) for places in asked + asked]
    assert out == plain
    assert any(out) and not all(out)


# --- the whole answers ---

def test_find_hotspots_as_the_plain_code_on_built_weeks(monkeypatch):
    """The whole answer (``repr``) of ``find_hotspots`` on the last hotspots tuning splits and on a template week is the
    plain code's."""
    from tests.unit.test_insight_speed_w23 import _template_week

    weeks = [*_tuning_weeks(4), _template_week()]
    answers = []
    for week, now in weeks:
        _fresh_memos(monkeypatch)
        answers.append(repr(find_hotspots(week, now=now)))
    _plain(monkeypatch)
    for (week, now), answer in zip(weeks, answers):
        _fresh_memos(monkeypatch)
        assert repr(find_hotspots(week, now=now)) == answer
    # (a tuning split may hold only matters under every pass's threshold — tune89h's have three appeals each, none
    # found (w29-hot): the template week and most of the splits must answer something)
    assert answers[-1] != "[]" and sum(a != "[]" for a in answers) >= len(answers) - 1


def test_group_as_the_plain_code_on_the_repeats_tuning_splits(monkeypatch):
    splits = _repeat_splits()[-12:]
    _fresh_memos(monkeypatch)
    answers = [group(list(matters), list(times)) for matters, times in splits]
    _plain(monkeypatch)
    _fresh_memos(monkeypatch)
    assert [group(list(matters), list(times)) for matters, times in splits] == answers
    assert any(g is not None for labels in answers for g in labels)
