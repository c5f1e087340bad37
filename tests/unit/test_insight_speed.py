"""The grouping's shortcuts (wave 12, helper speed) answer what :func:`insight.matter.compare` answers.

``group`` asks ``_may_repeat`` before ``compare``: a pair it passes by must never be one compare calls a
repeat, and the place it reads must be compare's own. Checked over every pair of the tuning splits (never the
held-out ones), so that a new way to a place added to ``compare`` alone fails here.
"""
from __future__ import annotations

import sys
from functools import lru_cache
from itertools import combinations
from pathlib import Path

import pytest

from insight.matter import Matter, _char_mask, _may_repeat, _shared_place, compare, load_settings, same_name
from insight.places import default_gazetteer, matter_for_text

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))


def _tuning_matters() -> tuple[tuple[tuple[Matter, float], ...], ...]:
    """Each tuning split's (matter, hours) rows. Read once per process: the tests here and in the later waves'
    speed tests only read them (a Matter is frozen), and reading the splits' 4,000 appeals again in each test
    was most of these files' time."""
    return _read_tuning_matters()


@lru_cache(maxsize=1)
def _read_tuning_matters() -> tuple[tuple[tuple[Matter, float], ...], ...]:
    from eval_insight import read_hotspots, read_repeats

    gaz = default_gazetteer()
    splits = []
    for rows in (read_repeats("all"), read_hotspots("all")):
        by_split: dict[str, list] = {}
        for r in rows:
            by_split.setdefault(r["split"], []).append((matter_for_text(r["text"], gazetteer=gaz), r["hours"]))
        splits += [tuple(split) for split in by_split.values()]
    return tuple(splits)


# its work grows with every tuning split (every pair of each, both ways): on a loaded machine it came within seconds of
# the suite's 300 s guard against a hang (289 s, twenty-eighth wave), which is a guard, not a time limit
@pytest.mark.timeout(900)
def test_what_group_passes_by_compare_never_calls_a_repeat():
    settings = load_settings()
    pairs = passed = 0
    for matters in _tuning_matters():
        for (a, ha), (b, hb) in combinations(matters, 2):
            hours = abs(ha - hb)
            for x, y in ((a, b), (b, a)):
                pairs += 1
                place = _may_repeat(x, y, hours, settings)
                assert _shared_place(x, y) == _shared_place.__wrapped__(x, y)     # its memo answers as it does
                full = compare(x, y, settings=settings, hours=hours)
                if place is False:
                    passed += 1
                    assert not full.repeat
                else:
                    assert place == _shared_place(x, y)
                    assert compare(x, y, settings=settings, hours=hours, place=place) == full
    assert pairs > 10_000 and passed > pairs // 2


def test_names_that_share_no_character_are_never_one_place():
    names = ["百步亭花园", "百布亭花园", "丽岛花园", "丽岛小区", "建二菜场", "建设二路菜市场", "华科大", "华中科技大学",
             "阅马场", "阅马场地下通道", "楚河汉街", "汉街", "长江二七大桥", "二七长江大桥", "庙山", "庙山小区", "关山大道"]
    for p in names:
        for q in names:
            if not _char_mask(p) & _char_mask(q):
                assert not same_name(p, q)
            if same_name(p, q):
                assert _char_mask(p) & _char_mask(q)
    assert _char_mask("") & _char_mask("")


def test_scan_by_clauses_reads_what_the_whole_text_reads():
    from insight.matter import load_lexicon

    lexicon = load_lexicon()
    texts = [m.residual for matters in _tuning_matters() for m, _ in matters]
    texts += ["我们小区门口的路等坏了，燥音很大。停水了！", "红路灯坏了\u3000\u3000路口卡拉OK太吵", "KTV噪音，5G基站"]
    for text in texts:
        for t in (text, text.replace("路", "\u3000路")):
            read = lexicon.scan(t)
            assert read == lexicon._scan_whole(t) and list(read) == list(lexicon._scan_whole(t))


# its work grows with every tuning split (every pair of each, both ways): on a loaded machine it came within seconds of
# the suite's 300 s guard against a hang (289 s, twenty-eighth wave), which is a guard, not a time limit
@pytest.mark.timeout(900)
def test_what_reach_calls_apart_may_repeat_never_passes():
    """``group``'s blocking (``_apart`` from each appeal's ``_Reach``) passes by only pairs ``_may_repeat`` answers
    False of, at every hours that count (unknown, within ``similar.area_hours``, beyond it); and it does pass by."""
    from insight.matter import _apart, _reach_of

    settings = load_settings()
    area = float(settings.get("similar", "area_hours", 0) or 0)
    stems = bool(settings.get("similar", "stem_threshold", 0))
    pairs = apart = 0
    for matters in _tuning_matters():
        reach = [_reach_of(m) for m, _ in matters]
        for i, j in combinations(range(len(matters)), 2):
            for x, y in ((i, j), (j, i)):
                for hours in (None, area / 2, area + 100):
                    pairs += 1
                    if _apart(reach[x], reach[y], hours, area, stems):
                        apart += 1
                        assert _may_repeat(matters[x][0], matters[y][0], hours, settings) is False
    assert pairs > 10_000 and apart > pairs // 3


def test_names_one_place_share_a_key_asked_and_held():
    """Two names ``same_name`` calls one place: one asks a key the other holds (``_name_keys``), over every pair of
    names of the tuning splits and the forms each rule of ``same_name`` reads; two unlike names share none."""
    from insight.matter import _name_keys

    names = {p for matters in _tuning_matters() for m, _ in matters for p in m.places}
    names |= {"百步亭花园", "百布亭花园", "丽岛花园", "丽岛小区", "建二菜场", "建设二路菜市场", "华科大", "华中科技大学",
              "阅马场", "阅马场地下通道", "楚河汉街", "汉街", "长江二七大桥", "二七长江大桥", "庙山", "庙山小区", "卓刀泉路",
              "卓刀泉寺", "鲁巷公交站", "鲁巷广场", "梨园地铁站", "东湖梨园", "雅园小区", "南湖雅园", "田园小区",
              "吴家山田园小区", "坐标城地库", "光谷坐标城小区", "汉口火车站", "汉口站", "保利华都", "卓刀泉保利华都"}
    names = sorted(names)
    ones = 0
    for p in names:
        for q in names:
            if same_name(p, q):
                ones += p != q
                kp, kq = _name_keys(p), _name_keys(q)
                assert kp is None or kq is None or not (kp[0].isdisjoint(kq[1]) and kq[0].isdisjoint(kp[1])), (p, q)
    assert ones > 30
    a, b = _name_keys("百步亭花园"), _name_keys("东湖梨园")
    assert a[0].isdisjoint(b[1]) and b[0].isdisjoint(a[1])


def _plain_group(matters, times, settings):
    """``group`` as written before its shortcuts: one flat index of "place|tag" keys, every sampled member asked
    through ``_repeat_scores`` with neither memo nor :class:`_Reach` (the reference the fast path must equal)."""
    from insight.matter import _repeat_scores, consequence_links, episode_window, load_lexicon

    window = float(settings.get("similar", "window_days", 30)) * 86400
    mods = load_lexicon().modifiers()
    effects, told = consequence_links(settings)

    def keys(m, lookup):
        problems = sorted(m.concepts - mods)
        if lookup:
            problems += sorted({x for c in problems for x in (*told.get(c, ()), *effects.get(c, ()))} - set(problems))
            tags = [*problems, "*"] if problems else ["#"]
        else:
            tags = [*(problems or ["*"]), "#"]
        return [f"{k}|{c}" for k in (m.lookup_keys() if lookup else m.keys()) for c in tags]

    order = sorted(range(len(matters)), key=lambda i: (times[i], i))
    met_as = [-1 - j for j in range(len(matters))]
    groups: list[list[int]] = []
    by_key: dict[str, list[int]] = {}
    for i in order:
        seen: set[int] = set()
        for k in keys(matters[i], True):
            seen.update(met_as[j] for j in by_key.get(k, [])[-60:])
        best, best_score = None, 0.0
        # (w24-rpw) an outage or a trouble said to be back reaches less far back (episode_window)
        reach_back = min(window, episode_window(matters[i], settings) * 3600)
        for g in seen:
            members = groups[g] if g >= 0 else [-1 - g]
            sample = members[:2] + members[-4:] if len(members) > 6 else members
            others = [(matters[j], abs(times[i] - times[j]) / 3600) for j in sample
                      if abs(times[i] - times[j]) <= reach_back]
            hits = _repeat_scores(matters[i], others, settings) if others else []
            if hits and len(hits) * 2 >= len(others) and sum(hits) / len(hits) > best_score:
                best, best_score = g, sum(hits) / len(hits)
        if best is not None:
            if best < 0:
                groups.append([-1 - best])
                met_as[-1 - best] = best = len(groups) - 1
            groups[best].append(i)
            met_as[i] = best
        for k in keys(matters[i], False):
            by_key.setdefault(k, []).append(i)
    numbers: dict[int, int] = {}
    return [None if met_as[i] < 0 else numbers.setdefault(met_as[i], len(numbers) + 1) for i in range(len(matters))]


def test_group_with_its_shortcuts_groups_as_the_plain_loop():
    from insight.matter import _area_alone, _area_alone_of, _quarters_in, _quarters_said, group

    settings = load_settings()
    grouped = 0
    for rows in _tuning_matters():
        matters, times = [m for m, _ in rows], [h * 3600 for _, h in rows]
        for m in matters:       # the per-appeal reads, remembered by the fields they read, answer as they do
            assert _quarters_said(m) == _quarters_in.__wrapped__(m.places, m.street_said, m.residual)
            assert _area_alone(m) == _area_alone_of.__wrapped__(m.places, m.street_said, m.elsewhere)
        fast = group(matters, times, settings=settings)
        assert fast == _plain_group(matters, times, settings)
        grouped += sum(g is not None for g in fast)
    assert grouped > 500
