"""The thirtieth wave's shortcuts (helper w30-spd): a hotspot refresh reads a text met again once, a new process builds
the concepts' index without asking every word of every other, and ``_with_said_place`` passes by at once the near
appeals that say none of a hotspot's names.

Each answers as the code it replaced: the same sets in the same order, the same hotspots as afresh (a tuning split
only, never a held-out one). No timing.
"""
from __future__ import annotations

import copy
from collections import Counter
from itertools import chain
from types import SimpleNamespace

import insight.hotspots as hotspots
from insight.hotspots import Appeal, find_hotspots
from insight.matter import GramCounts, _with_words_inside, load_lexicon
from tests.unit.hotspot_cases import appeals
from tests.unit.test_insight_speed_w25 import counting_reads


def _owners() -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for c in load_lexicon().concepts:
        for w in c.words:
            owners.setdefault(w, set())
            if not c.ignore:
                owners[w].add(c.key)
    return owners


def test_words_inside_are_those_of_asking_every_word_in_the_same_order():
    owners = _owners()
    every = {w: set().union(*(owners[v] for v in owners if v in w)) for w in owners}
    pieces = _with_words_inside(owners)
    assert pieces == every and list(pieces) == list(every)
    assert all(list(pieces[w]) == list(every[w]) for w in every)     # (each set built in the same order)
    assert pieces["建筑垃圾"] >= owners["垃圾"] | owners["建筑垃圾"]
    # (and a word inside none but itself has its own owners)
    assert _with_words_inside({"ab": {"x"}, "b": {"y"}, "c": {"z"}}) == {"ab": {"x", "y"}, "b": {"y"}, "c": {"z"}}


def test_gram_counts_match_matters_sharing_one_set_of_bigrams():
    """Twins of one text share its bigrams' set: the counts kept for them are theirs (each counted as often as it is
    shared), not refused as another list's (on main: None, so the memo file counted them again)."""
    rows = appeals([(1, "南湖山庄门口垃圾没人清运"), (2, "光谷广场地铁站扶梯坏了")])
    a, b = rows[0].matter, rows[1].matter
    twin = copy.copy(a)
    assert twin is not a and twin.grams is a.grams
    counts = GramCounts()
    matters = [a, twin, b]
    assert counts.of(matters) == Counter(chain.from_iterable(m.grams for m in matters))
    assert counts.matching(matters) == dict(Counter(chain.from_iterable(m.grams for m in matters)))
    assert counts.matching([a, b]) is None and counts.matching([a, twin]) is None


def _rows_with_twins():
    from test_insight_speed_w25 import _ticket_rows

    rows, now = _ticket_rows()
    rows = rows[:40]
    extra = [SimpleNamespace(**{**vars(t), "id": 1000 + n, "citizen_ref": f"again{n}"}) for n, t in enumerate(rows[::4])]
    return sorted(rows + extra, key=lambda t: t.created_at), now


def test_a_text_met_again_in_a_refresh_is_read_once_each_ticket_its_own_matter(monkeypatch, tmp_path):
    from hotline.services import hotspots as service
    from hotline.services.similar import ticket_matter

    rows, now = _rows_with_twins()
    read = counting_reads(monkeypatch)
    hl = SimpleNamespace(settings=SimpleNamespace(data_dir=tmp_path))
    appeals_, spots = service._find(hl, rows, now, 7.0)
    texts = {t.content for t in rows}
    assert len(read) == len(texts) < len(rows)          # (on main: every ticket read)
    by_id = {a.ref: a.matter for a in appeals_}
    assert len({id(m) for m in by_id.values()}) == len(rows)     # each ticket its own matter …
    for t in rows:
        assert vars(by_id[t.id]) == vars(ticket_matter(t))       # … as its own reading gives it
    afresh = find_hotspots([Appeal(matter=ticket_matter(t), at=t.created_at.timestamp(), citizen=t.citizen_ref,
                                   ref=t.id) for t in rows], now=now, window_days=7.0)
    assert repr(spots) == repr(afresh)
    # a later refresh in another process: a new ticket of a known text is a twin of the file's matter, read never
    monkeypatch.setattr(service, "_sweep_state", None)
    read.clear()
    late = SimpleNamespace(**{**vars(rows[0]), "id": 5000, "citizen_ref": "late",
                              "created_at": rows[-1].created_at})
    _, spots = service._find(hl, [*rows, late], now, 7.0)
    assert read == []
    afresh = find_hotspots([Appeal(matter=ticket_matter(t), at=t.created_at.timestamp(), citizen=t.citizen_ref,
                                   ref=t.id) for t in [*rows, late]], now=now, window_days=7.0)
    assert repr(spots) == repr(afresh)


def test_said_place_passes_by_the_near_appeals_naming_none_of_its_places(monkeypatch):
    """A hotspot of rubbish at one estate, and many appeals of rubbish at other estates the same day: none of theirs
    is looked at (each was, on main: its problems against the hotspot's), and the one saying the estate (七里晴川那边)
    is in it as before."""
    estates = ("百步亭花园", "南湖山庄", "光谷坐标城", "万科城市花园", "保利海上五月花", "金地格林小城", "复地东湖国际",
               "融创御府", "绿地国际金融城", "福星惠誉国际城")
    texts = [(1, "汉阳七里晴川小区门口垃圾堆了好几天没人清运"), (1.5, "七里晴川小区门口垃圾没人管，臭得很"),
             (2, "七里晴川小区垃圾站满了没人清运"), (2.5, "七里晴川门口的垃圾还是没人清")]
    texts += [(3 + 2 * k, f"{e}门口垃圾好几天没人清运") for k, e in enumerate(estates)]
    texts += [(4, "七里晴川那边垃圾又堆起来了")]
    rows = appeals(texts)
    asked: list[frozenset] = []
    plain = hotspots._beside_rubbish

    def counted(main, problems, told, symptoms):
        asked.append(problems)
        return plain(main, problems, told, symptoms)

    monkeypatch.setattr(hotspots, "_beside_rubbish", counted)
    spots = find_hotspots(rows, now=1000.0 + 80 * 3600)
    assert len(asked) <= 1, len(asked)      # (on main: 10, each appeal of rubbish at another estate)
    assert [s.members for s in spots] == [[0, 1, 2, 3, len(rows) - 1]]
    monkeypatch.undo()
    assert repr(find_hotspots(rows, now=1000.0 + 80 * 3600)) == repr(spots)
