"""Hotspots: one matter many citizens raise at once, with a heat index the centre configures.

Two kinds (``insight.toml`` [hotspots]):

* **local** — one matter at one place: the repeat groups of :func:`insight.matter.group` within the
  window that reach ``min_appeals``; then, of the appeals left, a burst at one place within
  ``burst_hours`` and one problem at one place over the window (``steady_min_appeals``);
* **spread** — one problem spreading across places: the same main problem concept at
  ``spread_min_places`` or more distinct places of one district (or street) within 48 hours, with
  ``spread_min_appeals`` appeals or more (a water outage over several estates).

heat = Σ weight × component over appeals, growth (the last 24 h minus the 24 h before, if positive),
distinct citizens, support votes and urgent appeals. Pure: records in, hotspots out.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain
from typing import Any, Iterable

from insight.matter import (AREA_KINDS, CLAUSE_BREAK, GENERIC_LENGTHS, GENERIC_PLACE, Lexicon, Matter, Settings, place_core, short_name, group,
                            load_lexicon, load_settings, name_masks, same_name)
from insight.matter import GroupMemo, _name_candidates, _names_index, kept_place_keys
from insight.matter import _FILLER as FILLER
from insight.matter import _GIVEN_OFF as GIVEN_OFF
from insight.matter import LINE_NAME

DAY = 86400.0


@dataclass
class Appeal:
    """One appeal as hotspots see it. ``at`` is a POSIX timestamp."""
    matter: Matter
    at: float
    citizen: str | None = None
    votes: int = 0
    urgent: bool = False
    ref: Any = None            # the caller's id for the row (a ticket id, a CSV row number)


@dataclass
class Hotspot:
    kind: str                                  # local / spread
    members: list[int]                         # indices into the appeals given
    places: list[str]
    concepts: list[str]
    appeals: int
    citizens: int
    votes: int
    urgent: int
    growth: int
    heat: float
    first_at: float
    last_at: float
    description: str = ""
    signature: str = ""
    components: dict[str, float] = field(default_factory=dict)


def heat_of(appeals: list[Appeal], now: float, settings: Settings) -> tuple[float, dict[str, float]]:
    weights = settings.get("hotspots", "heat", {}) or {}
    last = sum(1 for a in appeals if now - DAY < a.at <= now)
    before = sum(1 for a in appeals if now - 2 * DAY < a.at <= now - DAY)
    comp = {
        "appeals": float(len(appeals)),
        "growth": float(max(0, last - before)),
        "citizens": float(len({a.citizen or f"row{i}" for i, a in enumerate(appeals)})),
        "votes": float(sum(max(0, a.votes) for a in appeals)),
        "urgent": float(sum(1 for a in appeals if a.urgent)),
    }
    heat = sum(float(weights.get(k, 0.0)) * v for k, v in comp.items())
    return round(heat, 2), comp


def _main_concepts(matters: list[Matter], lexicon: Lexicon) -> list[str]:
    counts: dict[str, int] = defaultdict(int)
    mods = lexicon.modifiers()
    for m in matters:
        for c in m.concepts:
            counts[c] += 1
    keep = [c for c, n in counts.items() if n * 2 >= len(matters)]
    order = [c.key for c in lexicon.concepts]
    keep.sort(key=lambda c: (c in mods, -counts[c], order.index(c) if c in order else 99))
    return keep[:3]


def _main_places(matters: list[Matter]) -> list[str]:
    counts: dict[str, int] = defaultdict(int)
    for m in matters:
        for p in m.places:
            counts[p] += 1
    return [p for p, _ in sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0])))][:5]


def _describe(kind: str, places: list[str], concepts: list[str], appeals: int, citizens: int, growth: int,
              lexicon: Lexicon, words: list[str] | None = None, area: bool = False) -> str:
    what = "、".join(lexicon.label(c) for c in concepts) or ("“" + "、".join(words) + "”" if words else "同一问题")
    if area:        # an area's outage or event: the area, not the estate most of its citizens live in (w21-hot)
        where = places[0] + "一带"
    else:
        where = places[0] if kind == "local" and places else ("、".join(places[:3]) + ("等多处" if len(places) > 3 else ""))
    tail = f"，近24小时新增 {growth} 件" if growth else ""
    prefix = "多点蔓延：" if kind == "spread" else ""
    return f"{prefix}{where}{what}：{appeals} 件诉求，{citizens} 位市民{tail}"


_GROUPINGS: list[tuple[Settings, Settings]] = []     # the last settings read and their grouping's (w27-spd2)


def grouping_settings(settings: Settings) -> Settings:
    """The settings of the hotspots' own repeat grouping: ``settings`` with ``similar.fine_content_evidence`` set to
    ``hotspots.fine_content_evidence`` when that is set (w27-rep2) and ``similar.aspects_together`` to
    ``hotspots.aspects_together`` (lead, wave 29), else ``settings`` itself. One object for one
    ``settings`` object while they read the same: a :class:`GroupMemo` starts afresh when its call's settings are
    another object, so a new one on every call would throw the sweep's memo away at each refresh. (w27-spd2)"""
    fine = settings.get("hotspots", "fine_content_evidence", None)
    together = settings.get("hotspots", "aspects_together", None)
    if fine is None and together is None:
        return settings
    similar = dict(settings.similar)
    if fine is not None:
        similar["fine_content_evidence"] = fine
    if together is not None:
        similar["aspects_together"] = tuple(together)
    if _GROUPINGS and _GROUPINGS[0][0] is settings and _GROUPINGS[0][1].similar == similar and \
            _GROUPINGS[0][1].hotspots is settings.hotspots:
        return _GROUPINGS[0][1]
    _GROUPINGS[:] = [(settings, Settings(similar=similar, hotspots=settings.hotspots))]
    return _GROUPINGS[0][1]


def find_hotspots(appeals: list[Appeal], *, now: float | None = None, window_days: float | None = None,
                  settings: Settings | None = None, lexicon: Lexicon | None = None,
                  memo: GroupMemo | None = None) -> list[Hotspot]:
    """The hotspots among ``appeals`` (those inside the window ending at ``now``), hottest first. ``memo``: the
    repeat grouping's answers kept from the last call (:class:`insight.matter.GroupMemo`; the periodic sweep's)."""
    settings = settings or load_settings()
    lexicon = lexicon or load_lexicon()
    if not appeals:
        return []
    appeals = _dealings_read(appeals, settings)
    now = now if now is not None else max(a.at for a in appeals)
    days = window_days if window_days is not None else float(settings.get("hotspots", "window_days", 7))
    idx = [i for i, a in enumerate(appeals) if now - days * DAY < a.at <= now]
    min_appeals = int(settings.get("hotspots", "min_appeals", 3))
    # (w27-rep2) the repeat grouping under the hotspots' own reading of rare content at one place
    grouping = grouping_settings(settings)
    labels = group([appeals[i].matter for i in idx], [appeals[i].at for i in idx], settings=grouping,
                   window_days=max(days, float(settings.get("similar", "window_days", 30))), memo=memo)
    groups: dict[int, list[int]] = defaultdict(list)
    groups_of: dict[int, int] = {}
    for i, g in zip(idx, labels):
        if g is not None:
            groups[g].append(i)
            groups_of[i] = g
    groups = _episodes(groups, appeals, settings, lexicon)
    groups_of = {i: g for g, members in groups.items() for i in members}
    by_concept: dict[str, list[int]] = defaultdict(list)    # the window's appeals by each problem they name
    for i in idx:
        for c in appeals[i].matter.concepts:
            by_concept[c].append(i)
    found: list[Hotspot] = []
    # a home's own fault (我家跳闸了，邻居家都有电) told beside an area's outage is no appeal of it, nor of a hotspot at
    # its estate: left alone from the start, as no citizen of a hotspot (w23-hot)
    areawide = _outages(lexicon)
    taken: set[int] = {i for i in idx if appeals[i].matter.concepts & areawide
                       and _OWN_FAULT.search(appeals[i].matter.residual)}
    # a trick told at the door, by phone or by text, posing as one body's staff, over the city (冒充自来水公司上门卖
    # 净水器 in five districts; 医保卡冻结的短信): one hotspot, before any pass reads its words as a place's (w23-hot2)
    for members, words in _tricks(idx, taken, appeals, settings):
        spot = _build("spread", members, appeals, now, settings, lexicon, words=words)
        spot.description = _describe("spread", ["全市"], [], spot.appeals, spot.citizens, spot.growth, lexicon, words)
        found.append(spot)
        taken.update(members)
    # first, one problem spreading over many places of one area within 48 h (an outage over several
    # estates is one hotspot, even where one estate alone has enough appeals to be a local one)
    mods = lexicon.modifiers()
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in idx:
        m = appeals[i].matter
        area = m.street or _road_street(m.places, m.district) or m.district
        if not area:
            continue
        # (in the concepts' order: buckets of one size are taken in the order they were filled, which a set's
        # order — Python's per-process hash seed — must not decide)
        for c in sorted(m.concepts - mods, key=lexicon.rank):
            buckets[(area, c)].append(i)
    min_places = int(settings.get("hotspots", "spread_min_places", 3))
    min_spread = int(settings.get("hotspots", "spread_min_appeals", 8))
    quick_hours = float(settings.get("hotspots", "spread_quick_hours", 0) or 0)
    quick_appeals = int(settings.get("hotspots", "spread_quick_appeals", min_spread))
    def spreads(hours: float, need: int, streets_only: bool, buckets=buckets, placed: bool = False) -> None:
        for (area, concept), members in sorted(buckets.items(), key=lambda kv: -len(kv[1])):
            members = sorted((i for i in members if i not in taken), key=lambda i: appeals[i].at)
            if not members or (streets_only and area == appeals[members[0]].matter.district):
                continue
            recent = _busiest(members, appeals, hours)   # the busiest hours of this problem in this area
            if placed and len({appeals[i].matter.places[0] for i in recent if appeals[i].matter.places}) < min_places:
                continue       # (the area's own places, before the neighbours: most areas have one estate)
            recent = _with_neighbours(recent, concept, by_concept, taken, appeals, groups_of, groups)
            places = {appeals[i].matter.places[0] for i in recent if appeals[i].matter.places}
            if len(recent) >= need and len(places) >= min_places:  # appeals naming no estate count too
                found.append(_build("spread", recent, appeals, now, settings, lexicon, concepts=[concept]))
                taken.update(recent)

    spreads(48, min_spread, False)
    # … and fewer appeals of one problem over one street's places within a few hours (an evening's outage;
    # before the wording pass, which would take them without the neighbours the concepts find)
    if quick_hours > 0:
        spreads(quick_hours, quick_appeals, True)
    # … and an area-wide problem over the estates of one area the citizens name (南湖山庄 / 南湖宝安花园 /
    # 南湖中央花园 停电) within 48 h, where no street or district is read: fewer appeals, as an area is smaller
    area_need = int(settings.get("hotspots", "spread_area_appeals", 0) or 0)
    if area_need > 0:
        by_area: dict[tuple[str, str], list[int]] = defaultdict(list)
        areawide = lexicon.areawide() - mods
        for i in idx:
            m = appeals[i].matter
            for a in {a for a in m.areas if len(a) >= 2}:
                for c in sorted(m.concepts & areawide, key=lexicon.rank):
                    by_area[(a, c)].append(i)
        spreads(48, area_need, False, by_area, placed=True)
    # the same, said in words the concepts do not know (自来水有股怪味 / 水一股药味 over a street's
    # estates): the appeals of one area within 48 h that share their wording
    min_worded = int(settings.get("hotspots", "spread_words_min_appeals", min_spread))
    for members, words in _spread_by_wording(idx, taken, appeals, min_worded, min_places):
        spot = _build("spread", members, appeals, now, settings, lexicon, words=words)
        found.append(spot)
        taken.update(members)
    # then one matter at one place: what is left of the repeat groups
    min_citizens = int(settings.get("hotspots", "min_citizens", 2))
    for members in groups.values():
        members = [i for i in members if i not in taken]
        # (an online service failing, told beside the place's own matter, is no matter of that place: left for
        # the city-wide passes below, untaken)
        online = _online_apart(members, appeals)
        members = [i for i in members if i not in online]
        kept = _one_problem(members, appeals, settings, lexicon)
        if len(kept) >= min_appeals and _enough_citizens(kept, appeals, min_citizens):
            found.append(_build("local", kept, appeals, now, settings, lexicon))
            taken.update(kept)
            # (another matter told at its place beside it: a hotspot of its own, or left alone — the passes
            # below, by place, would take it back with the leftovers of the one it was parted from)
            apart = [i for i in members if i not in kept]
            if len(apart) >= min_appeals and _enough_citizens(apart, appeals, min_citizens):
                found.append(_build("local", apart, appeals, now, settings, lexicon))
            taken.update(apart)
    # the leftovers by place, for the passes below (each place's keys kept in the sweep's memo: w29-spd)
    clusters = _place_clusters(idx, taken, appeals, None if memo is None else memo.by_place)
    # then a road closed at one place, told by what it does (封了一半 / 公交改线 / 出不去 / 绕一大圈), over the
    # days it lasts (before the burst, which would take a day of it)
    for members in _closures(clusters, appeals, settings):
        found.append(_build("local", members, appeals, now, settings, lexicon))
        taken.update(members)
    clusters = [[i for i in c if i not in taken] for c in clusters]
    # … and one metro line's breakdown told by its riders wherever they are (before the bursts at one place,
    # which would take its riders at one station with that station's other matters)
    for members, line in _line_bursts(idx, taken, appeals, settings, lexicon, days):
        found.append(_line_spot(members, line, appeals, now, settings, lexicon))
        taken.update(members)
    clusters = [[i for i in c if i not in taken] for c in clusters]
    # last, a burst at one place: many citizens at one concrete place within hours is one matter even
    # when their words share nothing the concepts or the n-grams know (停电 / 整栋楼黑了 / 电器全关了)
    for members in _bursts(clusters, appeals, settings, lexicon):
        found.append(_build("local", members, appeals, now, settings, lexicon))
        taken.update(members)
    # … and one problem at one concrete place over the days of the window, told by different causes
    # (a market's smell: its rubbish, its drains, its poultry) or in words the repeat grouping scores low
    for members in _steady([[i for i in c if i not in taken] for c in clusters], appeals, settings, lexicon):
        found.append(_build("local", members, appeals, now, settings, lexicon))
        taken.update(members)
    # … and a nuisance whose source nobody names, told at night over one district's places for days (a plant's
    # fumes at night: 半夜一股化工味 at several estates of one zone): one hidden source
    for members in _unseen_source(idx, taken, appeals, settings, lexicon):
        found.append(_build("spread", members, appeals, now, settings, lexicon))
        taken.update(members)
    # … and one problem over the city within hours, wherever each is (an app's payments failing, a metro
    # line's gates): far more appeals of it than its rate over the window, said in words that agree
    for members, concept in _city_bursts(idx, taken, appeals, settings, lexicon, days):
        if concept.startswith("~"):     # found by its wording: the bigrams most of them share
            counts = Counter(chain.from_iterable(appeals[i].matter.grams for i in members))
            words = [g for g, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if n * 2 >= len(members)][:3]
            spot = _build("spread", members, appeals, now, settings, lexicon, words=words)
            spot.description = _describe("spread", ["全市"], [], spot.appeals, spot.citizens, spot.growth, lexicon, words)
        else:
            spot = _build("spread", members, appeals, now, settings, lexicon, concepts=[concept])
            spot.description = _describe("spread", ["全市"], [concept], spot.appeals, spot.citizens, spot.growth, lexicon)
        found.append(spot)
        taken.update(members)
    # … and a trick going round the city over the week (保健品会销 in one district, then another): one hotspot (w23-hot)
    for members, concept in _roaming(idx, taken, appeals, settings, lexicon):
        found.append(_build("spread", members, appeals, now, settings, lexicon, concepts=[concept]))
        taken.update(members)
    # … and a rule's change told at each place it binds (改成 / 新规 / 以后不能 … 停车 at many gates; w24-hot2)
    for members, concept in _rule_changes(idx, taken, appeals, settings, lexicon):
        if concept.startswith("~"):     # a new rule on a thing no concept names (电动车 上牌): told by the thing
            spot = _build("spread", members, appeals, now, settings, lexicon, words=[concept[1:]])
            spot.description = _describe("spread", ["全市"], [], spot.appeals, spot.citizens, spot.growth, lexicon,
                                         [concept[1:], "新规"])
        else:
            spot = _build("spread", members, appeals, now, settings, lexicon, concepts=[concept])
            spot.description = _describe("spread", ["全市"], [concept], spot.appeals, spot.citizens, spot.growth,
                                         lexicon, ["新规"])
        found.append(spot)
        taken.update(members)
    # … and one thing's price rising over the city, told by each citizen who pays it, with no rule said (打车起步价涨到
    # 十二块了 / 出租车怎么涨价了 in district after district; w28-hot2)
    for members, thing in _price_rises(idx, taken, appeals, settings):
        spot = _build("spread", members, appeals, now, settings, lexicon, words=[thing])
        spot.description = _describe("spread", ["全市"], [], spot.appeals, spot.citizens, spot.growth, lexicon,
                                     [thing, "涨价"])
        found.append(spot)
        taken.update(members)
    # … and a heat wave's outages over the city (高温 / 天太热 … 下午又停电了 in district after district; 天一热高层就
    # 没水): each citizen at their own estate, days apart, sharing the cause they tell; one hotspot (w27-hot)
    # (built from its cause's word: a city-wide matter takes no appeal at a member's own place by the place alone)
    for members, concept in _heat_outages(idx, taken, appeals, settings, lexicon):
        spot = _build("spread", members, appeals, now, settings, lexicon, words=["高温"])
        spot.description = _describe("spread", ["全市"], [concept], spot.appeals, spot.citizens, spot.growth, lexicon,
                                     ["高温"])
        found.append(spot)
        taken.update(members)
    # … and an area-wide utility outage over one district's estates, each citizen naming their own (藏龙岛 /
    # 庙山小区 / 纸坊一带 / 江夏大道旁边几个小区 没气了), that no pass above found at one place or street
    for members, concept in _district_outages(idx, taken, appeals, settings, lexicon):
        found.append(_build("spread", members, appeals, now, settings, lexicon, concepts=[concept]))
        taken.update(members)
    found = _unseen_reach(found, idx, taken, appeals, now, settings, lexicon)
    found = _with_kin(found, idx, taken, appeals, now, settings, lexicon)
    found = _with_unnamed(found, idx, taken, appeals, now, settings, lexicon)
    found = _with_said_place(found, idx, taken, appeals, now, settings, lexicon)
    found = _along_road(found, idx, taken, appeals, now, settings, lexicon)
    # … and road works over an area told by the area's name and by the roads around it and their detours (w30-hot)
    found += _works_in_area(idx, taken, appeals, now, settings, lexicon)
    # … and one bus line's change told from its stops over the week (不停竹叶山站了 / 绕到后湖大道 / 站名对不上), and
    # one school gate's crossing danger told in many words (斑马线 / 减速带 / 差点被撞 / 护学岗): one matter (w22-hot)
    # (three citizens of one line saying its route changed are enough: line_change_min_appeals; w30-hot)
    found = _said_at_one(found, idx, taken, appeals, now, settings, lexicon, _lines_of, _ROUTE_CHANGED, "bus_route",
                         need=int(settings.get("hotspots", "line_change_min_appeals", 0) or 0))
    found = _said_at_one(found, idx, taken, appeals, now, settings, lexicon, _schools_of, _CROSSING_DANGER,
                         "crosswalk", short=True)
    # … and one bus line's buses failing told from its stops over days (坏在半路 / 空调坏了 / 过站不停 / 没车) (w24-hot)
    found = _said_at_one(found, idx, taken, appeals, now, settings, lexicon, _lines_of, _LINE_FAILING, "bus_wait")
    # … and one metro line's change told from its stations over the week (末班车提前了 / 收车提前 / 最后一班改了) (w27-hot)
    found = _said_at_one(found, idx, taken, appeals, now, settings, lexicon, _metro_lines_of, _ROUTE_CHANGED,
                         "bus_route")
    # … and the line's stops said without the line (591那个车停不停百步亭, its number the place reader drops) (w22-hot2)
    found = _line_stops(found, idx, taken, appeals, now, settings, lexicon)
    # … and one event's crowds at one venue told as jams, parking, noise and crowding (演唱会, 散场) (w22-hot2)
    found = _event_crowds(found, idx, taken, appeals, now, settings, lexicon)
    # … and a smell over an area said by a name another district's street has too (北湖 in 青山 and in 江汉) (w22-hot2)
    found = _smell_namesake(found, idx, taken, appeals, now, settings, lexicon)
    # … and a scenic spot's visitors' cars told as jams and parking on its road (磨山 堵 / 东湖路上找停车位) (w22-hot2)
    found = _visitor_cars(found, idx, taken, appeals, now, settings, lexicon)
    # … and a market's stalls spilling out over the week, told too by the rubbish and waste water they leave (w22-hot)
    found = _market_mess(found, idx, taken, appeals, now, settings, lexicon)
    found = _closure_reach(found, idx, taken, appeals, now, settings, lexicon)
    found = _outage_reach(found, idx, taken, appeals, now, settings, lexicon)
    found = _outage_names(found, appeals, now, settings, lexicon)
    # … and, of what is left, an outage over one district's estates with those the gazetteer does not place (w23-hot)
    for members, concept in _district_outages(idx, taken, appeals, settings, lexicon, unplaced=True):
        found.append(_build("spread", members, appeals, now, settings, lexicon, concepts=[concept]))
        taken.update(members)
    # … and the same area's outage again days later, told at the places of the first (又停电了): a new episode (w23-hot)
    found = _outage_again(found, idx, taken, appeals, now, settings, lexicon)
    # … and, of what is left, an outage told by what it stops (电梯停了 / 红绿灯不亮 / 厕所冲不了 / 收银机用不了) over one
    # district's places within hours, one or more of them naming it (w26-hot)
    for members, concept in _stoppages(idx, taken, appeals, settings, lexicon):
        found.append(_build("spread", members, appeals, now, settings, lexicon, concepts=[concept]))
        taken.update(members)
    found = _with_unnamed(found, idx, taken, appeals, now, settings, lexicon, effects_only=True)
    # … and, of what is left, one matter no concept knows told over the city through the week (水费 jumping after a
    # billing change, 补贴 / 补助 / 津贴 offered by men posing as officials): one thing the knowledge base's synonyms
    # name, in words that agree (w25-hot)
    for members, topic in _week_topics(idx, taken, appeals, settings, lexicon):
        spot = _build("spread", members, appeals, now, settings, lexicon, words=[topic])
        spot.description = _describe("spread", ["全市"], [], spot.appeals, spot.citizens, spot.growth, lexicon, [topic])
        found.append(spot)
        taken.update(members)
    # … and, of what is left, such a matter no synonym group names: the thing that changed, said in two characters
    # its appeals share (挂号费 涨了 at every hospital, 充电桩 调价 at every estate) (w25-hot2)
    for members, thing in _week_things(idx, taken, appeals, settings, memo):
        spot = _build("spread", members, appeals, now, settings, lexicon, words=[thing])
        spot.description = _describe("spread", ["全市"], [], spot.appeals, spot.citizens, spot.growth, lexicon, [thing])
        found.append(spot)
        taken.update(members)
    # … and, of what is left, one storm's floods over the city's underpasses and roads within hours, wherever each is —
    # what no district's event above took (w29-hot)
    for members in _storm_floods(idx, taken, appeals, settings, lexicon, days):
        spot = _build("spread", members, appeals, now, settings, lexicon, concepts=["flooding"])
        spot.description = _describe("spread", ["全市"], ["flooding"], spot.appeals, spot.citizens, spot.growth, lexicon)
        found.append(spot)
        taken.update(members)
    # … and, of what is left and of the local hotspots at its place, one matter at one place told by its sides over
    # the week (a sewage overflow as stench, flies, a child slipping, a shop closed; a quarry as cracks, dust, shaking
    # windows): the appeals naming the place that name the thing most of them name, or a problem told beside it (w27-hot2)
    found = _sides_at_one(found, idx, taken, appeals, now, settings, lexicon)
    found = _without_own_faults(found, appeals, now, settings, lexicon)
    found = _without_other_things(found, appeals, now, settings, lexicon)
    found.sort(key=lambda h: (-h.heat, -h.last_at))
    return found


def _side_features(m: Matter, mods: frozenset[str], name: str) -> frozenset[str]:
    """What an appeal tells of its matter: its concepts (no modifier) and its words (~ and a bigram), none of
    them a piece of the place's name (道街 of 粮道街) or a bigram of saying only (那个, 这边)."""
    return frozenset(m.concepts - mods) | frozenset(
        "~" + g for g in m.grams if not any(c in name for c in g) and not set(g) <= _SAYING_CHARS)


def _sides_at_one(found: list[Hotspot], idx: list[int], taken: set[int], appeals: list[Appeal], now: float,
                  settings: Settings, lexicon: Lexicon) -> list[Hotspot]:
    """One matter at one place told by many citizens, each by a different side of it (w27-hot2): of the appeals
    left over naming one place (an estate, a road, a street's area, a landmark) over the window, the thing most
    of them name (a concept or a word: 天桥, 搅拌站, 夜市) is the matter, and an appeal naming no such thing
    belongs to it by another thing told beside it in one of them and said at the place twice (罐车 beside 搅拌站,
    then 罐车 … 吵了一夜). ``sides_min_appeals`` or more from ``sides_min_citizens`` citizens (0: off); a
    question of how to do a service, and another matter at the place, stay out."""
    need = int(settings.get("hotspots", "sides_min_appeals", 0) or 0)
    if need <= 0:
        return found
    min_citizens = int(settings.get("hotspots", "sides_min_citizens", 3))
    mods = lexicon.modifiers()
    window: Counter[str] = Counter()

    def said_in_window(feature: str) -> int:
        """How many of the window's appeals say ``feature`` (counted once, when first asked)."""
        if not window:
            window.update(chain.from_iterable(
                frozenset(appeals[i].matter.concepts - mods) | frozenset("~" + g for g in appeals[i].matter.grams)
                for i in idx))
        return window[feature]

    by_name: dict[str, list[int]] = defaultdict(list)
    for i in sorted(idx, key=lambda i: appeals[i].at):
        m = appeals[i].matter
        if i in taken or _HOW_TO.search(m.residual):
            continue
        for name in sorted({x for x in (*m.places[:1], *m.street_said[:1]) for x in (_area_head(x), _leading_area(x))
                            if len(x) >= 2}):
            by_name[name].append(i)
    for name, members in sorted(by_name.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        members = [i for i in members if i not in taken]
        if len(members) < need:
            continue
        feats = {i: _side_features(appeals[i].matter, mods, name) for i in members}
        counts = Counter(chain.from_iterable(feats.values()))
        if not counts:
            continue
        # (what is said mostly here this week: a word every place's appeals say, 物业 or 垃圾, names no one matter)
        own = {c: k for c, k in counts.items() if k * 2 >= said_in_window(c)}
        if not own:
            continue
        thing, n = min(own.items(), key=lambda kv: (-kv[1], kv[0].startswith("~"), kv[0]))
        if n < 3 or n * 3 < len(members):
            continue
        core = [i for i in members if thing in feats[i]]
        kin = {c for c in chain.from_iterable(feats[i] for i in core) if own.get(c, 0) >= 2}
        sides = [i for i in members if feats[i] & kin]
        if len(sides) >= need and _enough_citizens(sides, appeals, min_citizens):
            found.append(_build("local", sides, appeals, now, settings, lexicon))
            taken.update(sides)
    return found

# a consultation: it asks how, where or with what to do a service (医保卡丢了怎么补办, 水费在哪里交, 要带什么材料) — a
# question of the citizen's own, not one more telling of a matter going round the city (w25-hot)
# (not 怎么办, a plea: 已经交了定金的人怎么办)
_HOW_TO = re.compile(r"(怎么|如何|在哪|去哪|哪些|什么|哪里)[^，。？]{0,4}(交|申请|补办|查|弄|备案|材料|手续|续费)"
                     r"|(在哪|去哪|哪里|如何)[^，。？]{0,4}办|怎么办理|要带|带什么|可以[^，。？]{0,8}吗")
# … or when a place opens (几点关门 / 几点开门): a question of its own at a place, no telling of what is under way there
_ASKS_OWN = re.compile(_HOW_TO.pattern + r"|几点[开关]门|几点(?:开|关|下班|上班)")
# what a matter going round says happened: a price or a rule changed, someone posed as staff (or the service fails,
# :data:`_FAILING`) — a question about one's own account, 医保个人账户的钱能不能给父母用, says none (w25-hot)
_NEWS = re.compile(r"涨|降[了低]|下调|上调|调整|调了|调价|改成|改了|新规|新出|新政|突然|一下子|取消|提高了|翻了|翻倍|变贵|"
                   r"冒充|自称|假冒|骗")


@lru_cache(maxsize=4)
def _topic_words(lexicon: Lexicon) -> dict[str, tuple[tuple[str, str], ...]]:
    """The knowledge base's synonyms (synonyms.toml: 补贴 / 补助 / 津贴, 水费 / 交水费), word → the group's first word,
    by the word's first two characters; only the groups no concept shares a word with (a problem the concepts know
    has the passes above) and words of two characters or more."""
    from insight.kb import synonyms

    known = set(lexicon.words())
    groups: dict[str, list[str]] = defaultdict(list)
    for word, root in synonyms().items():
        groups[root].append(word)
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for root, words in groups.items():
        if root in known or any(w in known for w in words):
            continue
        for w in {root, *words}:
            if len(w) >= 2:
                out[w[:2]].append((w, root))
    return {k: tuple(sorted(v)) for k, v in out.items()}


def _said_in_full(m: Matter) -> str:
    """An appeal's words with the names the place reader took out of them put back before (a change said beside a
    place the gazetteer took: 以后 / 新规说小区; a topic said in a name: 医保局)."""
    return "".join(m.places) + m.residual


def _topics_of(text: str, words: dict[str, tuple[tuple[str, str], ...]]) -> frozenset[str]:
    """The synonym groups (their first words) an appeal says (:func:`_said_in_full`)."""
    return frozenset(root for p in range(len(text) - 1) for w, root in words.get(text[p:p + 2], ())
                     if text.startswith(w, p))


def _week_topics(idx: list[int], taken: set[int], appeals: list[Appeal], settings: Settings,
                 lexicon: Lexicon) -> list[tuple[list[int], str]]:
    """One matter the concepts do not know, told over the city through the window: the appeals left over that say
    one synonym group of the knowledge base (补贴 / 补助 / 津贴 of men posing as officials; 水费 of bills that jumped
    after a billing change) and what happened (:data:`_NEWS`: a price or rule changed, someone posed as staff; or the
    service fails, :data:`_FAILING`), not consultations (:data:`_HOW_TO`): ``topic_min_appeals`` or more from as many
    citizens less one, at ``spread_min_places`` places or more (a district, else the first place; one naming none
    counts as its own). What each says happened, not a noun they share, makes one matter of them: a way of asking said
    of every problem (多久, 不作为), a question about one's own account, another matter at the thing's office are none.
    Place-independent and week-long: such a matter has no place of its own and no burst. (0: off; w25-hot)"""
    need = int(settings.get("hotspots", "topic_min_appeals", 0) or 0)
    if need <= 0:
        return []
    min_places = int(settings.get("hotspots", "spread_min_places", 3))
    words = _topic_words(lexicon)
    told = {i: _said_in_full(appeals[i].matter) for i in idx if i not in taken}
    left = [i for i, t in told.items() if not _HOW_TO.search(t) and (_NEWS.search(t) or _FAILING.search(t))]
    topics = {i: _topics_of(told[i], words) for i in left}
    by_topic: dict[str, list[int]] = defaultdict(list)
    for i in left:
        for t in topics[i]:
            by_topic[t].append(i)
    out: list[tuple[list[int], str]] = []
    used: set[int] = set()
    for topic, members in sorted(by_topic.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        members = [i for i in members if i not in used]
        if not _told_over_city(members, appeals, need, min_places):
            continue
        out.append((sorted(members, key=lambda i: appeals[i].at), topic))
        used.update(members)
    return out


# what else a matter going round says happened, in the shapes of a change: a new charge (收…费, 加钱, 要付费), a service
# no longer given (不送上门了, 不让充了, 不再, 撤了, 全没了, 没地方充), a start (这周开始, 以后), a demand (必须买, 强制, 硬要), a claim
# of office (说是消防部门的, 说是新规定) (w25-hot2); a charge demanded (要交…费, 让每人交, 收起了, 涨到) (w26-hot)
# (only the words of the change are its span, a lookahead reads the rest: the thing between stays a key)
_CHANGED = re.compile(r"(?:要|开始|也要|还要|另外|以后)收|收(?=[^，。？]{0,5}费了)|收了(?=[^，。？]{0,4}费)|"
                      r"收(?=[^，。？]{0,3}[块元])|加钱|要钱|付费|不(?!是)(?=[^，。？不没]{1,6}了)|没(?:地方|处)|不再|"
                      r"撤[了掉销]|全没了|都没了|开始|从这|这周起|必须|强制|硬要|硬让|非要|"
                      r"说是(?=[^，。？]{0,6}(?:部门|单位|政府|上门|检查|规定|要求|新))|"
                      # a charge demanded (让每人交 / 要交…费 / 收起了…费 / 交…钱; not a bare 收…费, said of every fee asked
                      # about: w26-hot)
                      r"(?:[要让得需]|还要|都要|先|通知)(?:[^，。？]{0,2}(?<![不没]))?交(?=[^，。？]{0,10}(?:费|钱|[块元百千]))|收起了?|"
                      r"收(?=[^，。？]{0,4}[一二两三四五六七八九十\d][十百千万块元])|涨到")
# a yes/no question of one's own (退了号能退费吗): a consultation, not news (w25-hot2)
# (or which of two it is, 是电池坏了还是充电器坏了)
# (or how much a charge will be, 说下学期要交校服费，大概多少钱: w26-hot)
_ASKS = re.compile(r"[能可][^，。？]{0,6}吗|是[^，。？]{1,8}还是|(?:大概|大约|一般)(?:要)?多少|要多少钱")
# a claim of office the citizen asks about (社区说是要上门检查，是真的吗): doubted, not told (w25-hot2)
_DOUBTED = re.compile(r"真的吗|真的假的|是真是假")
# a clause that asks how much, how many or whether (放几天开始收钱, 电费以后涨不涨): a change it names is asked, not
# told (w25-hot2)
_ASKED = re.compile(r"多少|(?<!好)几[天次块元号点]|([\u4e00-\u9fa5])不\1|有没有")
# characters that make a bigram a way of saying, not a thing (以前, 现在, 不让, 了我): a thing's key has none (w25-hot2)
_SAYING_CHARS = frozenset("了的是在我你他她它们这那有不没就都也还说以现前后上下要会能个么吗呢吧啊又再才从把被让给到"
                          "对和跟与很太好多少几一两三十百千块元些点天月年次每该得着过去来里边")


# the kinds of body whose charges and rules go round the city, each at its own (幼儿园, 医院, 学校): a key of
# :func:`_week_things` even where the place reader took it into a name (w26-hot)
_BODY_KIND = re.compile(r"幼儿园|托儿所|医院|学校|小学|中学|初中|高中|驾校|银行|营业厅")
# (a school's kinds are one: the term's charges go round schools and kindergartens alike)
_KIND_AS = {"幼儿园": "学校", "托儿所": "学校", "小学": "学校", "中学": "学校", "初中": "学校", "高中": "学校"}
# a charge said (…费, 要加钱, 二十块): what a kind's charge going round tells (w26-hot)
_CHARGE = re.compile(r"费|钱|[块元]")
_KINDS = frozenset(_KIND_AS.values()) | {"医院", "驾校", "银行", "营业厅"}


def _kinds_said(m: Matter) -> frozenset[str]:
    """The kinds of body (:data:`_BODY_KIND`) an appeal says, in its words or its places' names, a school's as one."""
    return _kinds_in(_said_in_full(m))


@lru_cache(maxsize=100_000)
def _kinds_in(text: str) -> frozenset[str]:
    # (read once per distinct text: :func:`_week_things` asks it of every appeal of the window at every sweep)
    return frozenset(_KIND_AS.get(k, k) for k in _BODY_KIND.findall(text))


def _week_things(idx: list[int], taken: set[int], appeals: list[Appeal],
                 settings: Settings, memo: GroupMemo | None = None) -> list[tuple[list[int], str]]:
    """One matter told over the city through the window that neither a concept nor a synonym group names: the
    appeals left over that say what happened (a change, a new charge, a service no longer given, someone posing as
    staff — not a service failing, the city's usual trickle; not consultations) and share a bigram of two content characters outside the words
    of the change and of its places (the thing that changed: 挂号 of 挂号费涨了, 充电 of 充电费调了), joined with the
    appeals of another such bigram two of them say, ``topic_min_appeals`` or more from as many citizens less one at
    ``spread_min_places`` places or more. The bigram must be the week's news, not its
    everyday wording: at least half of all the window's appeals that say it must be among those saying what
    happened (老人, 小区 are said of everything). (w25-hot2)"""
    need = int(settings.get("hotspots", "topic_min_appeals", 0) or 0)
    if need <= 0:
        return []
    min_places = int(settings.get("hotspots", "spread_min_places", 3))
    keys: dict[int, set[str]] = {}
    for i in idx:
        m = appeals[i].matter
        if i in taken:
            continue
        text = m.residual
        asked = [x.span() for x in re.finditer(r"[^，。？！,.?!\s]+", text) if _ASKED.search(x.group())]
        doubted = bool(_DOUBTED.search(text))
        # (not a service failing, 交不了费 one a day: the city's usual trickle, which the passes of bursts read)
        news = [x.span() for r in (_NEWS, _CHANGED) for x in r.finditer(text)
                if not any(a <= x.start() < b for a, b in asked) and not (doubted and x.group() == "说是")]
        if not news or _HOW_TO.search(_said_in_full(m)) or _ASKS.search(text):
            continue
        keys[i] = _pairs_beside(text, news, m.grams, m.places)
        # (… and the kind of body that charges, said in a place's name too: 幼儿园 of 金银湖幼儿园 收什么建园费; w26-hot)
        keys[i] |= _kinds_said(m)
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, ks in keys.items():
        for k in ks:
            by_key[k].append(i)
    out: list[tuple[list[int], str]] = []
    used: set[int] = set()
    by_key = {k: v for k, v in by_key.items() if len(v) >= min_places}
    if memo is not None:    # (the sweep's: the window's counts kept from its last refresh and updated; w26-spd2)
        counts = memo.grams.of([appeals[i].matter for i in idx])
        said_by = Counter({k: counts[k] for k in by_key if counts[k]})
    else:
        said_by = Counter(g for i in idx for g in appeals[i].matter.grams if g in by_key)
    kinds = {k for k in by_key if k in _KINDS}
    if kinds:   # (a kind: each appeal saying it once, in its words or its places)
        said_by.update({k: 0 for k in kinds})
        for i in idx:
            for k in (kinds & _kinds_said(appeals[i].matter)) | (kinds & appeals[i].matter.grams):   # (no copy of grams)
                said_by[k] += 1 - (k in appeals[i].matter.grams)
    news_keys = {k: set(v) for k, v in by_key.items() if 2 * len(v) >= said_by[k]}
    for key, core in sorted(news_keys.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if len(core - used) < min_places:
            continue
        # (… with the appeals of another of its words that two of them say too: 武汉通 and 充值 of one top-up)
        members = sorted(set().union(core, *(v for v in news_keys.values() if len(v & core) >= 2)) - used)
        # (… and, where two of them or more say one kind of body, the news told at that kind's others: 胶片 要加钱 at
        # one hospital, 打印片子还要再交钱 at another — a kind said of everything, 医院, is no key of its own; w26-hot)
        # (a charge, each saying one and a word of the thing with one of them: not another matter's news at that kind)
        if key not in _KINDS and all(_CHARGE.search(appeals[i].matter.residual) for i in core):
            for kind in _KINDS:
                if kind in by_key and sum(kind in keys[i] for i in core) >= 2:
                    for _ in range(2):
                        said = set().union(*(keys[i] for i in members)) - _KINDS
                        members = sorted(set(members) | {i for i in by_key[kind] if i not in used
                                                         and _CHARGE.search(appeals[i].matter.residual)
                                                         and not said.isdisjoint(keys[i])})
        if not _told_over_city(members, appeals, need, min_places):
            continue
        out.append((sorted(members, key=lambda i: appeals[i].at), key))
        used.update(members)
    return out


def _pairs_beside(text: str, news: list[tuple[int, int]], grams: frozenset[str], places: tuple[str, ...]) -> set[str]:
    """The pairs of characters of ``text`` (of its ``grams``) that overlap none of the ``news`` spans, say no filler
    character and lie in none of the ``places``: :func:`_week_things`' keys of one appeal. (w27-spd: the positions
    outside the news first, then each distinct pair asked once, not once per position.)"""
    off = set().union(*(range(max(0, a - 1), b) for a, b in news))
    return {g for g in {text[p:p + 2] for p in range(len(text) - 1) if p not in off} & grams
            if not _SAYING_CHARS & set(g) and not any(g in n for n in places)}


def _told_over_city(members: list[int], appeals: list[Appeal], need: int, min_places: int) -> bool:
    """``need`` or more appeals from as many citizens less one, at ``min_places`` places or more (a district, else
    the first place; one naming none counts as its own): a matter told over the city. (w25-hot, w25-hot2)"""
    if len(members) < need or not _enough_citizens(members, appeals, len(members) - 1):
        return False
    wheres = {_district_told(appeals[i].matter) or (appeals[i].matter.places or (f"#{i}",))[0] for i in members}
    return len(wheres) >= min_places


def _dealings_read(appeals: list[Appeal], settings: Settings) -> list[Appeal]:
    """The appeals, each naming a seller's own dealing (``[hotspots.dealings]``: 缺斤少两, 卖过期的, 假货) read without
    the seller's word as a problem of its own (有个摊子缺斤少两: 摊子 says who cheated, not stalls spilling onto the
    road): one stall's short weight is no appeal of its market's stalls and mess (w23-hot). The same list, with
    new records for those read so (members index either)."""
    dealings = settings.get("hotspots", "dealings", {}) or {}
    if not dealings:
        return appeals
    out = list(appeals)
    for n, a in enumerate(appeals):
        drop = {who for who, deals in dealings.items() if who in a.matter.concepts and a.matter.concepts & set(deals)}
        if drop:
            m = a.matter
            lead = m.lead if m.lead not in drop else next(
                (c for c in sorted(m.concepts - drop) if any(c in deals for deals in dealings.values())), None)
            out[n] = replace(a, matter=replace(m, concepts=m.concepts - drop, lead=lead))
    return out


def _outages(lexicon: Lexicon) -> frozenset[str]:
    """The problems over an area (停电, 停水, 停气): the concepts marked ``area``, less the modifiers."""
    return lexicon.areawide() - lexicon.modifiers()


def _episode_gap(settings: Settings) -> float:
    """``[hotspots] episode_gap_hours`` in seconds: the quiet time that ends an outage's episode (0: off)."""
    return float(settings.get("hotspots", "episode_gap_hours", 0) or 0) * 3600


def _standing_faults(settings: Settings) -> frozenset[str]:
    """``[hotspots] standing_faults``: a thing's own fault at a place (a tree, a traffic light), no works' closure."""
    return frozenset(settings.get("hotspots", "standing_faults", []) or [])


def _episodes(groups: dict[int, list[int]], appeals: list[Appeal], settings: Settings,
              lexicon: Lexicon) -> dict[int, list[int]]:
    """The repeat groups, each of an area-wide outage (停电, 停水, 停气: most of its appeals lead with one) cut where
    ``episode_gap_hours`` or more pass between two of its appeals: an outage is over within hours, and the same
    estates without power again days later (又停电了，周一才停过) is a new episode, told apart by a supervisor as
    its own hotspot. A repeat, for the operator, may span the month (a repeat group's window); a hotspot is what is
    happening now. (0 hours: off; w23-hot)"""
    gap = _episode_gap(settings)
    if gap <= 0:
        return groups
    areawide = _outages(lexicon)
    out: dict[int, list[int]] = {}
    extra = max(groups, default=0) + 1
    for g, members in groups.items():
        members = sorted(members, key=lambda i: appeals[i].at)
        leads = Counter(appeals[i].matter.lead for i in members)
        lead, n = leads.most_common(1)[0]
        if lead not in areawide or 2 * n <= len(members):
            out[g] = members
            continue
        # (… less the appeals that say the fault is their home's alone, 我家跳闸了，邻居家都有电: no estate of the
        # outage, and no second citizen to make one of an estate's single appeal)
        members = [i for i in members if not _OWN_FAULT.search(appeals[i].matter.residual)]
        if not members:
            continue
        parts = _cut_at_gaps(members, appeals, gap)
        out[g] = parts[0]
        for part in parts[1:]:
            out[extra] = part
            extra += 1
    return out


def _cut_at_gaps(members: list[int], appeals: list[Appeal], gap: float) -> list[list[int]]:
    """``members`` (in time order) cut where ``gap`` seconds or more pass between two of them."""
    parts: list[list[int]] = [[]]
    for n, i in enumerate(members):
        if n and appeals[i].at - appeals[members[n - 1]].at >= gap:
            parts.append([])
        parts[-1].append(i)
    return parts if members else []


def _without_own_faults(found: list[Hotspot], appeals: list[Appeal], now: float, settings: Settings,
                        lexicon: Lexicon) -> list[Hotspot]:
    """An area's outage (停电, 停水, 停气) less the appeals that say the fault is their home's alone (我家跳闸了，邻居家
    都有电 / 就我们一户没电): whichever pass took them, a home's own fault is no estate of the outage (w22-hot)."""
    areawide = lexicon.areawide()
    out = []
    for spot in found:
        if areawide & set(spot.concepts):
            kept = [i for i in spot.members if not _OWN_FAULT.search(appeals[i].matter.residual)]
            if len(kept) < int(settings.get("hotspots", "min_appeals", 3)):
                continue
            if len(kept) < len(spot.members):
                spot = _rebuilt(spot, kept, appeals, now, settings, lexicon)
        out.append(spot)
    return out


def _without_other_things(found: list[Hotspot], appeals: list[Appeal], now: float, settings: Settings,
                          lexicon: Lexicon) -> list[Hotspot]:
    """A hotspot less the one appeal of it that tells, in its first clause, of another kind of thing (``[hotspots] things``:
    共享单车 堆在人行道上 beside a hospital's queue of cars; 电动车 among a site's trucks): whichever pass took it, what
    one appeal says of another thing at the hotspot's place is a matter of its own. Only where its other members,
    four or more, say no such thing. (w24-hot2)"""
    things = tuple(tuple(k) for k in settings.get("hotspots", "things", []) or [])
    if not things:
        return found
    least = int(settings.get("hotspots", "min_appeals", 3))
    out = []
    for spot in found:
        # (the thing it tells of first, in its first clause: 电动车过不去 after 漏水把路都淹了 is who suffers, and
        # 骑摩托车 the one riding it)
        told = {i: _things_told(_first_clause(appeals[i].matter), things) for i in spot.members}
        odd = [i for i in spot.members if told[i] and not any(told[i] & told[k] for k in spot.members if k != i)]
        kept = [i for i in spot.members if i not in odd]
        if len(odd) == 1 and len(kept) >= max(least, 4) and not any(told[k] for k in kept):
            spot = _rebuilt(spot, kept, appeals, now, settings, lexicon)
        out.append(spot)
    return out


def _rebuilt(spot: Hotspot, kept: list[int], appeals: list[Appeal], now: float, settings: Settings,
             lexicon: Lexicon) -> Hotspot:
    """``spot`` of ``kept`` only: a spread one keeps its concepts and its description."""
    grown = _build(spot.kind, kept, appeals, now, settings, lexicon,
                   concepts=spot.concepts if spot.kind == "spread" else None)
    grown.description = spot.description if spot.kind == "spread" else grown.description
    return grown


def _first_clause(m: Matter) -> str:
    return next(iter(m.residual.split(None, 1)), "")     # (the rest left unsplit: a long letter has dozens; w27-spd)


@lru_cache(maxsize=50_000)
def _things_told(clause: str, things: tuple[tuple[str, ...], ...]) -> frozenset[int]:
    """The kinds of thing (their positions in ``things``) a first clause tells of (:func:`_without_other_things`; read
    once per clause, not once per kind and word with the clause cut again each time: w27-spd)."""
    return frozenset(n for n, kind in enumerate(things) if any(w in clause.replace("骑" + w, "") for w in kind))


def _online_apart(members: list[int], appeals: list[Appeal]) -> frozenset[int]:
    """The appeals of a repeat group at one place that tell an online service failing (网上挂号平台崩了, 预约挂号
    网站故障 at a hospital), where others of the group do not (the hospital's parking): the service's outage is
    the city's matter, not the place's. A group all of whose appeals tell it (one place's own system) keeps them;
    a long letter says many things, a failing one among them: not read so (seventeenth wave)."""
    online = frozenset(i for i in members if len(appeals[i].matter.residual) <= _SAYS_ONE
                       and _ONLINE.search(appeals[i].matter.residual) and _FAILING.search(appeals[i].matter.residual))
    return online if len(online) < len(members) else frozenset()


def _one_problem(members: list[int], appeals: list[Appeal], settings: Settings, lexicon: Lexicon) -> list[int]:
    """A group's appeals at one place less those of another matter there: two or more of them, fewer than half,
    that share two concepts or more (problems, or a problem and a time: 吵 at 半夜) which none of the others
    names and which are no cause or consequence of the problem most name (a market's rubbish, and the refuse
    trucks' noise at night: both say 垃圾, only the trucks' say 吵 and 半夜). One such concept alone (苍蝇 beside
    the rubbish) is one more word for the same matter. A hotspot is one problem."""
    sources = lexicon.sources()
    concepts = {i: appeals[i].matter.concepts - sources for i in members}
    counts = Counter(chain.from_iterable(c - lexicon.modifiers() for c in concepts.values()))
    if len(members) < 5 or not counts:
        return members
    main = min(counts, key=lambda c: (-counts[c], lexicon.rank(c)))
    # (what a place's problem does to traffic, 门口堵死了, is told beside many: never another matter here)
    kin = {main} | _linked({main}, settings) | set(settings.get("hotspots", "cause_effects", []) or [])
    out = list(members)
    for c, n in sorted(counts.items(), key=lambda kv: lexicon.rank(kv[0])):
        if c in kin or not 2 <= n or 2 * n >= len(members):
            continue
        these = [i for i in out if c in concepts[i]]
        shared = frozenset.intersection(*(concepts[i] for i in these)) - kin if len(these) >= 2 else frozenset()
        if len(shared) >= 2 and not any(concepts[i] & shared for i in out if i not in these):
            out = [i for i in out if i not in these]
    return out if 2 * len(out) > len(members) else members


def _with_kin(found: list[Hotspot], idx: list[int], taken: set[int], appeals: list[Appeal], now: float,
              settings: Settings, lexicon: Lexicon) -> list[Hotspot]:
    """A local hotspot takes the appeals left over at its place within ``kin_hours`` of its own that name
    its problem and no other (their wording told the repeat grouping too little: 水是黄的 / 出来的是黄汤):
    at a place with that matter under way, one more appeal of that problem is about it. (0 hours: off)"""
    hours = float(settings.get("hotspots", "kin_hours", 0) or 0)
    if hours <= 0:
        return found
    symptoms = lexicon.symptoms()
    # the appeals that could join, by their place keys (as the repeat grouping meets them), with their problems
    problems_of: dict[int, frozenset[str]] = {}
    # (by place key, then by problem: a hotspot's keys × its problems are looked up without joining strings, and a
    # place key no appeal left over holds is passed by at once — w23-speed)
    by_key: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for j in idx:
        m = appeals[j].matter
        if j in taken or not m.places:
            continue
        problems = _problems(m, lexicon)
        if problems:
            problems_of[j] = problems
            for k in _place_probe(m.places, query=False) | {f"s:{_area_stem(q)}" for q in m.places}:
                at = by_key[k]
                for c in problems:
                    at[c].append(j)
    beside = _named_beside(idx, appeals)
    out = []
    for spot in found:
        main = set(spot.concepts) - lexicon.modifiers()
        if spot.kind != "local" or not main or not problems_of:
            out.append(spot)
            continue
        # … or, where its problem is a symptom (堵车, 臭, 吵), a cause one of its appeals names beside it
        # (门口堵车 … 车辆乱停: one citizen tied them); a cause's companions are often its consequences
        # (停电 … 电梯里困了人), never taken so
        if main <= symptoms:
            main |= set().union(*(_problems(appeals[i].matter, lexicon) for i in spot.members
                                  if main <= _problems(appeals[i].matter, lexicon)))
        main |= _linked(main, settings)
        names = {p for i in spot.members for p in appeals[i].matter.places}
        own = set(names)
        # … and the places citizens name beside its own in one appeal (汉阳大道钟家村段, 街道口群光广场): the
        # same area said at another granularity (its road, a landmark in it)
        names |= {q for p in names for q in beside.get(p, ())}
        # … and at a road or an estate named after an area it names bare (徐东 / 徐东二路小区, 金银潭 /
        # 金银潭大道): the area's own streets
        bare = {p for p in names if len(p) >= 2 and _area_stem(p) == p}
        keys = set().union(*(_place_probe(appeals[i].matter.places, query=True) for i in spot.members),
                           *(_place_probe((p,), query=True) for p in names - own), {f"s:{p}" for p in bare})
        near = {j for k in keys if k in by_key for c in main for j in by_key[k].get(c, ())}
        if not names:   # said of a street's area only (唐家墩那个KTV): the appeals at a road of that street alone
            streets = {appeals[i].matter.street for i in spot.members} - {None}
            near = {j for j in problems_of if len(streets) == 1 and appeals[j].matter.street is None
                    and _road_street(appeals[j].matter.places, appeals[j].matter.district) in streets}
            names = set().union(*(appeals[j].matter.places for j in near))
        named = _Names(names)
        told = set().union(*(appeals[i].matter.concepts for i in spot.members)) & symptoms
        extra = []
        for j in sorted(near):
            if j in taken or not spot.first_at - hours * 3600 <= appeals[j].at <= spot.last_at + hours * 3600:
                continue
            problems = problems_of[j]
            # … its problem and no other, or one other beside two it shares (臭水沟滋生蚊虫 at an estate
            # of mosquitoes and their ditch's smell: the ditch is one more word for the same matter)
            if not problems & main or len(problems - main - symptoms) > (len(problems & (main | symptoms)) >= 2):
                continue
            # … and no symptom none of its appeals tells (垃圾车半夜吵 beside a market's rubbish: another matter;
            # w21-rpw: read where the problem is rubbish, whose trucks' noise repeats now part from it)
            if _beside_rubbish(main, problems, told, symptoms):
                continue
            if named.meet(appeals[j].matter.places) or \
                    any(_area_stem(p) in bare for p in appeals[j].matter.places):
                extra.append(j)
        if extra:
            taken.update(extra)
            spot = _build(spot.kind, spot.members + extra, appeals, now, settings, lexicon)
        out.append(spot)
    return out


def _beside_rubbish(main: set[str], problems: frozenset[str], told: set[str], symptoms: frozenset[str]) -> bool:
    """A hotspot of rubbish at one place and an appeal there of a nuisance rubbish does not give off that none of
    its appeals tells (垃圾车凌晨收垃圾吵 beside a market's rubbish left lying): another matter, as the repeats
    part them (w21-rpw)."""
    return main == {"garbage"} and bool((problems & symptoms) - told - GIVEN_OFF)


def _linked(problems: set[str], settings: Settings) -> set[str]:
    """The problems one of ``problems`` causes or is caused by, as [hotspots.consequences] has them (a burst
    main empties the taps: 爆管 / 停水; an outage stops the lifts): one matter told as its cause by some
    citizens and as what it did by others."""
    table = settings.get("hotspots", "consequences", {}) or {}
    out: set[str] = set()
    for cause, effects in table.items():
        if cause in problems:
            out.update(effects)
        if problems.intersection(effects):
            out.add(cause)
    return out - problems


_ROAD_TAILS = ("大街", "大道", "一路", "二路", "三路", "四路", "五路", "六路", "七路", "八路", "九路", "路", "街")


@lru_cache(maxsize=50_000)
def _area_stem(place: str) -> str:
    """The area a road or an estate is named after (徐东二路小区 → 徐东, 金银潭大道 → 金银潭), or the place
    itself; the stem keeps 2 characters or more."""
    stem = _area_head(place)
    for tail in _ROAD_TAILS:
        if stem.endswith(tail) and len(stem) - len(tail) >= 2:
            return stem[:-len(tail)]
    return stem


def _named_beside(idx: list[int], appeals: list[Appeal]) -> dict[str, set[str]]:
    """The places each place is named beside in one appeal of the window (汉阳大道钟家村段: the road and
    the area; 街道口群光广场: the area and its landmark), names of 3 characters or more only (出口, 门口 tell
    nothing of where)."""
    beside: dict[str, set[str]] = defaultdict(set)
    for i in idx:
        places = [p for p in appeals[i].matter.places if len(p) >= 3]
        for p in places:
            beside[p].update(q for q in places if q != p)
    return beside


@lru_cache(maxsize=50_000)
def _place_probe(places: tuple[str, ...], query: bool) -> frozenset[str]:
    """Keys that any two places :func:`same_name` calls one share, to find candidates only (same_name
    decides): a name inside another (江城明珠豪庭 / 江城明珠豪庭家: the indexed side is keyed by its name and
    its every 4 characters, the query by its first 4 and by its parts of 4 characters or more), the name
    before a kind of place (阅马场 / 阅马场地下通道, 庙山 / 庙山小区), a short name it ends with (汉街 /
    楚河汉街) and its characters sorted (长江二七大桥 / 二七长江大桥)."""
    out: set[str] = set()
    for p in places:
        for c in {p, place_core(p)}:
            if query:    # its name inside a candidate's (its first 4 characters), a candidate's name inside it
                out.update((f"g:{c[:4]}", *(f"w:{c[i:j]}" for i in range(len(c)) for j in range(i + 4, len(c) + 1))))
            else:
                out.add(f"w:{c}")
                out.update(f"g:{c[i:i + 4]}" for i in range(len(c) - 3))
            out.update(f"h:{c[:-n]}" for n in GENERIC_LENGTHS if len(c) > n and c[-n:] in GENERIC_PLACE)
            out.update(f"h:{c[:n]}" for n in (2, 3) if c[n:] in AREA_KINDS)
            out.add(f"h:{c}")
            out.update(f"t:{c[-n:]}" for n in (2, 3) if len(c) > n and short_name(c[-n:]))
            out.update(f"t:{c}" for n in (2, 3) if len(c) == n)
            if len(c) >= 6:
                out.add(f"o:{''.join(sorted(c))}")
    return frozenset(out)


# what an outage stops, as its citizens tell it (电梯停了, 红绿灯不亮, 水泵不转, 冲不了, 刷不开, 一片漆黑, 没信号, 停业): a
# thing that no longer works, said in the shape of a stop, not of a thing's own fault (坏了) (w26-hot)
_STOPPED = re.compile(r"停了|停业|停摆|不亮|不转|不动|[用冲刷打做洗开拉]不[了开着动出]|没法[用做冲洗开]|都用不|"
                      r"没(?:有)?信号|信号都没|一片漆黑|漆黑|黑灯|黑了|一滴|干了|没水了|全关|都关|关门了|都停")


def _stoppages(idx: list[int], taken: set[int], appeals: list[Appeal], settings: Settings,
               lexicon: Lexicon) -> list[tuple[list[int], str]]:
    """The appeals left over that say something stopped working (:data:`_STOPPED`), not consultations nor a home's
    own fault, within ``stoppage_hours`` in one district (said, or of the places and roads they name):
    ``stoppage_min_appeals`` or more from as many citizens less one, at ``spread_min_places`` places or more (one
    naming none counts as its own), of which one or more name an outage (停电, 停水): one outage told by what it stops —
    the lifts, the lights at the crossing, the pumps, the tills, the phone masts (0: off; w26-hot)."""
    need = int(settings.get("hotspots", "stoppage_min_appeals", 0) or 0)
    hours = float(settings.get("hotspots", "stoppage_hours", 6) or 6)
    min_places = int(settings.get("hotspots", "spread_min_places", 3))
    if need <= 0:
        return []
    outages = _outages(lexicon)
    by_district: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        m = appeals[i].matter
        if i in taken or not _STOPPED.search(m.residual) or _OWN_FAULT.search(m.residual) \
                or _HOW_TO.search(_said_in_full(m)):
            continue
        district = _district_told(m)
        if district:
            by_district[district].append(i)
    out: list[tuple[list[int], str]] = []
    for _district, members in sorted(by_district.items()):
        members = sorted(members, key=lambda i: appeals[i].at)
        best = _busiest(members, appeals, hours)
        named = Counter(c for i in best for c in appeals[i].matter.concepts & outages)
        if not named or not _told_over_city(best, appeals, need, 1):
            continue
        wheres = {(appeals[i].matter.places or (f"#{i}",))[0] for i in best}
        if len(wheres) < min_places:
            continue
        out.append((best, sorted(named, key=lambda c: (-named[c], lexicon.rank(c)))[0]))
    return out


# a home's meter or bill (水表坏了, 电表走得快, 水费多扣, 燃气费扣错): its own account's matter (w22-hot)
_OWN_ACCOUNT = re.compile(r"[水电气]表|燃气表|[水电]费|燃气费|多扣|扣错|乱扣|账单")
# (w30-hot2) one business of the place said as one (万松园一家餐馆卫生差, 有家超市卖过期的): that business's own matter,
# not what is under way at its place
_ONE_BUSINESS = re.compile(r"[一有]家[^，。？！,?!\s]{0,6}?(?:店|馆|餐厅|超市|酒店|公司|网吧|KTV|ktv|诊所|药房|商场|机构)")


def _with_unnamed(found: list[Hotspot], idx: list[int], taken: set[int], appeals: list[Appeal], now: float,
                  settings: Settings, lexicon: Lexicon, effects_only: bool = False) -> list[Hotspot]:
    """A hotspot takes the appeals left over at its places within ``unnamed_hours`` of its own that
    name no problem the concepts know (整栋楼黑了, 水龙头干了): at a place with a hotspot under way, what
    else would they be about? (0 hours: off; a spread found by its wording only is left as it is)"""
    hours = float(settings.get("hotspots", "unnamed_hours", 0) or 0)
    if hours <= 0:
        return found
    # the appeals that could join: left over, at a place, naming no known problem (in time order)
    # (a street's name said as a place counts: 中南路口 is read as 中南路街道's name and is a crossing too)
    # … or (``effects_only``, after the other passes, which read a hotspot's problem from its members), beside a
    # cause told by what it does to traffic ([hotspots] effect_causes: a burst main, and the jam or the bus
    # diverted on its road), naming only such effects (cause_effects)
    effects = frozenset(settings.get("hotspots", "cause_effects", []) or [])
    causes = frozenset(settings.get("hotspots", "effect_causes", []) or [])
    if effects_only and not (effects and causes):
        return found
    def unnamed(j: int) -> bool:
        problems = _problems(appeals[j].matter, lexicon)
        # (a home's meter or bill, 水表坏了 / 水费多扣, names its own account, not what is under way at its place)
        # (nor a bus line's change said at a road, 703路车改走发展大道了: the line's matter, for the line's pass; w27-hot)
        # (nor a question of the citizen's own, 报名要带什么材料 / 哪里可以办居住证 / 几点关门: no telling of it; w27-hot2)
        return bool(problems) and problems <= effects if effects_only else \
            not problems and not _OWN_ACCOUNT.search(appeals[j].matter.residual) \
            and not _ASKS_OWN.search(appeals[j].matter.residual) and not _ONE_BUSINESS.search(appeals[j].matter.residual)
    loose = sorted((j for j in idx if j not in taken and (appeals[j].matter.places or appeals[j].matter.street_said)
                    and unnamed(j)), key=lambda j: appeals[j].at)
    times = [appeals[j].at for j in loose]
    wanted: dict[int, list[int]] = {}
    said_online: dict[int, bool] = {}     # whether each matter names an online service, read once (w24-speed)

    def says_online(i: int) -> bool:
        m = appeals[i].matter
        told = said_online.get(id(m))
        if told is None:
            told = said_online[id(m)] = _ONLINE.search(m.residual) is not None
        return told

    for n, spot in enumerate(found):
        if spot.kind == "spread" and not spot.concepts:
            continue
        # an online service failing (挂号小程序 / 系统繁忙) at a place is not that place's matter, unless the
        # hotspot's own appeals tell of one
        online = any(says_online(i) for i in spot.members)
        # (its problem, or what its problem does, is the cause: 停水 of a burst main; not one member's word)
        if effects_only and not (set(spot.concepts) | _linked(set(spot.concepts), settings)) & causes:
            continue
        names = {p for i in spot.members for p in appeals[i].matter.places + tuple(appeals[i].matter.street_said)}
        streets = {appeals[i].matter.street for i in spot.members} - {None}
        districts = {appeals[i].matter.district for i in spot.members} - {None}
        named = _Names(names)
        lo = bisect.bisect_left(times, spot.first_at - hours * 3600)
        hi = bisect.bisect_right(times, spot.last_at + hours * 3600)
        # … at one of its places, said of no other street or district (汉西新村 of 宝丰街道 is another)
        # (… and at a place the whole city visits, 医院 of 开的药太多, only what says a word of the hotspot's own, as
        # 出租车 of a station's taxis: what else every day brings there is no telling of it; w26-hot)
        # (its own words read only when an appeal at such a place asks them: most hotspots meet none; w27-spd)
        own: frozenset[str] | None = None
        extra = []
        for j in loose[lo:hi]:
            if j in taken or not (online or not says_online(j)):
                continue
            m = appeals[j].matter
            if _VISITED.search((m.places or ("",))[0]):
                if own is None:
                    own = frozenset(g for i in spot.members for g in appeals[i].matter.grams
                                    if not _SAYING_CHARS & set(g))
                if own.isdisjoint(m.grams):
                    continue
            if not (streets and m.street and m.street not in streets) \
                    and not (districts and m.district and m.district not in districts) \
                    and named.meet(m.places + tuple(m.street_said)):
                extra.append(j)
        if extra:
            wanted[n] = extra
    return _grown(found, wanted, taken, appeals, now, settings, lexicon)


def _grown(found: list[Hotspot], wanted: dict[int, list[int]], taken: set[int], appeals: list[Appeal], now: float,
           settings: Settings, lexicon: Lexicon) -> list[Hotspot]:
    """Each hotspot with the leftover appeals it wants (``wanted``: its position in ``found`` → appeals). An
    appeal two hotspots want stays out (后湖大道 of an estate's sewage and of a crossing's lights, at once):
    nothing it says tells which. A spread keeps its problem, a city-wide one its description."""
    claims = Counter(chain.from_iterable(wanted.values()))
    out = []
    for n, spot in enumerate(found):
        extra = [j for j in wanted.get(n, ()) if claims[j] == 1]
        if extra:
            taken.update(extra)
            grown = _build(spot.kind, spot.members + extra, appeals, now, settings, lexicon,
                           concepts=spot.concepts if spot.kind == "spread" else None)
            if spot.kind == "spread" and spot.description.startswith("多点蔓延：全市"):
                grown.description = spot.description
            spot = grown
        out.append(spot)
    return out


def _with_said_place(found: list[Hotspot], idx: list[int], taken: set[int], appeals: list[Appeal], now: float,
                     settings: Settings, lexicon: Lexicon) -> list[Hotspot]:
    """A hotspot takes the appeals left over within ``said_hours`` of its own that name its problem and no
    other and say one of the places its members name or the area they lie in (南湖 of 南湖山庄), as a place or
    anywhere in their words (江夏区庙山晚上那个味道: a name the place reader missed): the hotspot's places
    accumulated over all its members, not one member's. An appeal two hotspots could take stays out, and so
    do all of a hotspot's when they outnumber its own members (a problem common in that area is no sign of
    this matter). (0 hours: off; eleventh wave)"""
    hours = float(settings.get("hotspots", "said_hours", 0) or 0)
    if hours <= 0 or not found:
        return found
    symptoms = lexicon.symptoms()
    night = str(settings.get("hotspots", "unseen_modifier", "night"))
    # the appeals left over, by each problem they name and their district (None: none read), in time order
    by_problem: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    all_districts: set[str | None] = {None}
    problems_of = {j: _problems(appeals[j].matter, lexicon) for j in idx if j not in taken}
    own_of = {j: p - symptoms for j, p in problems_of.items()}     # … beyond the symptoms, read once
    for j in sorted(problems_of, key=lambda j: appeals[j].at):
        all_districts.add(appeals[j].matter.district)
        for c in problems_of[j]:
            by_problem[(c, appeals[j].matter.district)].append(j)
    times = {k: [appeals[j].at for j in js] for k, js in by_problem.items()}
    said: dict[int, frozenset[str]] = {}
    # (w30-spd) the appeals left over by each name they say, and those naming no place: a hotspot's near appeals that
    # are neither (none of its names, a place of their own) are passed by at once, in a set's intersection
    named_by: dict[str, set[int]] = defaultdict(set)
    placeless: set[int] = set()
    for j in problems_of:
        m = appeals[j].matter
        said[j] = _names_said(m.places, m.areas, m.street_said)
        for q in said[j]:
            named_by[q].add(j)
        if not m.places:
            placeless.add(j)
    wanted: dict[int, list[int]] = {}
    for n, spot in enumerate(found):
        main = set(spot.concepts) - lexicon.not_problems
        if not main:
            continue
        main |= _linked(main, settings)
        names = {q for i in spot.members for q in _names_said(appeals[i].matter.places, appeals[i].matter.areas,
                                                                appeals[i].matter.street_said)
                 if len(q) >= 2 and q not in GENERIC_PLACE}
        if not names:
            continue
        # … said by an appeal: its places and the areas they lie in, or, where it names no place, any run of 2 to
        # 5 characters of its words (a name the place reader missed: 江夏区庙山晚上), asked name by name
        runs = [q for q in names if len(q) <= 5]
        districts = {appeals[i].matter.district for i in spot.members} - {None}
        near: set[int] = set()
        for k in ((c, d) for c in main for d in (districts | {None} if districts else all_districts)):
            if k in by_problem:
                lo = bisect.bisect_left(times[k], spot.first_at - hours * 3600)
                hi = bisect.bisect_right(times[k], spot.last_at + hours * 3600)
                near.update(by_problem[k][lo:hi])
        mine = []
        told = set().union(*(appeals[i].matter.concepts for i in spot.members)) & symptoms
        # a run said in an appeal's words lies within one of its chunks, so each of its pairs of characters outside
        # the filler is one of the appeal's ``grams``: where every run has one and the appeal holds none of them, no
        # run is in its words (a set's look-up instead of a search of its text for each run)
        heads = _run_heads(runs)
        # (w26-h27) a smell told at night by every member (a source nobody placed) takes no appeal that names a source
        # of its own by day (沌口有家修车店在路边喷漆，味道很大: a shop seen at its work, another matter)
        unseen = bool(spot.concepts) and spot.concepts[0] in symptoms and \
            all(night in appeals[i].matter.concepts for i in spot.members)
        # (only those naming one of its names, or no place at all where it has runs to look for: no other is taken)
        maybe = set().union(*(named_by[q] for q in names if q in named_by), placeless if runs else ())
        for j in sorted(near & maybe):
            if not own_of[j] <= main or _beside_rubbish(main, problems_of[j], told, symptoms) or \
                    unseen and own_of[j] and night not in appeals[j].matter.concepts:
                continue
            m = appeals[j].matter
            if not said[j].isdisjoint(names) or not m.places and runs and \
                    (heads is None or not heads.isdisjoint(m.grams)) and any(q in m.residual for q in runs):
                mine.append(j)
                if len(mine) > len(spot.members):
                    break
        if mine and len(mine) <= len(spot.members):
            wanted[n] = mine
    return _grown(found, wanted, taken, appeals, now, settings, lexicon)


def _run_heads(runs: list[str]) -> frozenset[str] | None:
    """One pair of characters of each run that an appeal's ``grams`` keep (:data:`insight.matter._FILLER` leaves some
    out), or None when a run has none (or holds a blank): then its words must be searched."""
    heads = set()
    for q in runs:
        pair = None if any(ch.isspace() for ch in q) else \
            next((q[i:i + 2] for i in range(len(q) - 1) if q[i:i + 2] not in FILLER), None)
        if pair is None:
            return None
        heads.add(pair)
    return frozenset(heads)


def _place_names(m: Matter) -> set[str]:
    """An appeal's places, its areas and the street's name it says, each with the area it is said at, its
    stem (南湖 of 南湖山庄) and the area or landmark it begins with (光谷 of 光谷坐标城)."""
    return set(_names_said(m.places, m.areas, m.street_said))


@lru_cache(maxsize=50_000)
def _names_said(places: tuple[str, ...], areas: tuple[str, ...], street_said: tuple[str, ...]) -> frozenset[str]:
    # (:func:`_place_names`, read once per reading of places: a week names the same places over and over; w27-spd)
    return frozenset(x for q in chain(places, areas, street_said)
                     for x in (q, _area_head(q), _area_stem(q), _leading_area(q)))


@lru_cache(maxsize=50_000)
def _leading_area(place: str) -> str:
    """The street's or landmark's name of 2 or 3 characters a longer place begins with, as the place reader's
    gazetteer has it (光谷坐标城 → 光谷, 关山春晓小区 → 关山): an estate named after the area it lies in, said
    by others at the area's granularity (光谷这边). The place itself where it begins with none."""
    from insight.places import default_gazetteer

    entries = default_gazetteer().entries
    for n in (3, 2):
        if len(place) - n >= 2 and any(c.kind in ("street", "landmark") for c in entries.get(place[:n], ())):
            return place[:n]
    return place


def _busiest(members: list[int], appeals: list[Appeal], hours: float) -> list[int]:
    """The most of ``members`` (in time order) within ``hours`` of each other."""
    best: list[int] = []
    lo = 0
    for hi in range(len(members)):
        while appeals[members[hi]].at - appeals[members[lo]].at > hours * 3600:
            lo += 1
        if hi - lo + 1 > len(best):
            best = members[lo:hi + 1]
    return best


def _problems(m: Matter, lexicon: Lexicon) -> frozenset[str]:
    """The problems an appeal names, as far as the concepts know (no modifier, no bare source)."""
    return m.concepts - lexicon.not_problems


# the places the whole city visits for its own business (a hospital, a station, a bank, a government hall): unrelated
# matters meet there every day (w26-hot)
_VISITED = re.compile(r"(?:医院|卫生院|门诊|火车站|汽车站|客运站|机场|银行|营业厅|政务中心|办事大厅|服务中心|大学)$")


def _bursts(clusters: list[list[int]], appeals: list[Appeal], settings: Settings,
            lexicon: Lexicon) -> list[list[int]]:
    """Appeals left over, at one concrete place (the most specific one each names) within
    ``burst_hours``: ``burst_min_appeals`` or more from ``min_citizens`` or more citizens. Members
    that name a known problem other than the one most of them name are left out (a broken lift among
    an estate's outage appeals); an appeal naming no problem the concepts know stays in."""
    hours = float(settings.get("hotspots", "burst_hours", 0) or 0)
    need = int(settings.get("hotspots", "burst_min_appeals", 4))
    min_citizens = int(settings.get("hotspots", "min_citizens", 2))
    if hours <= 0:
        return []
    out = []
    for members in clusters:
        online = _online_apart(members, appeals)
        members = [i for i in members if i not in online]
        # (a place the whole city visits, a hospital or a station, hears unrelated matters every hour: there an
        # appeal naming no known problem — 开的药太多, 拍片子要付费 — is no telling of another's; w26-hot)
        members = [i for i in members if not _VISITED.search((appeals[i].matter.places or ("",))[0])
                   or _problems(appeals[i].matter, lexicon)]
        if len(members) < need:
            continue
        counts: dict[str, int] = defaultdict(int)
        for i in members:
            for c in _problems(appeals[i].matter, lexicon):
                counts[c] += 1
        if counts:   # one problem only (the most named; ties by the concepts' order): a busy estate's
            # different complaints of one day are no burst
            main = min(counts, key=lambda c: (-counts[c], lexicon.rank(c)))
            # (… or only what it does: a burst main told as 停水 and as 公交绕道 beside 爆管; w24-hot)
            kin = {main} | _linked({main}, settings)
            if main in (settings.get("hotspots", "effect_causes", []) or []):
                kin |= set(settings.get("hotspots", "cause_effects", []) or [])
            members = [i for i in members if not _problems(appeals[i].matter, lexicon) or
                       _problems(appeals[i].matter, lexicon) & kin]
            members = _one_problem(members, appeals, settings, lexicon)
        best: list[int] = []
        lo = 0
        for hi in range(len(members)):    # the busiest ``hours`` at this place
            while appeals[members[hi]].at - appeals[members[lo]].at > hours * 3600:
                lo += 1
            if hi - lo + 1 > len(best):
                best = members[lo:hi + 1]
        if len(best) >= need and _enough_citizens(best, appeals, min_citizens):
            out.append(best)
    return out


def _place_clusters(idx: list[int], taken: set[int], appeals: list[Appeal],
                    kept: dict[tuple, list[str]] | None = None) -> list[list[int]]:
    """The appeals left over, by the one concrete place each names first (as the repeat index meets
    them), in time order. ``kept``: a :class:`GroupMemo`'s place keys (``by_place``), where each place's keys are
    read once over the sweep's refreshes, each a fresh process (w29-spd)."""
    clusters: list[list[int]] = []
    by_key: dict[str, int] = {}
    heads: dict[str, tuple[list[str], list[str]]] = {}
    for i in sorted((i for i in idx if i not in taken), key=lambda i: appeals[i].at):
        m = appeals[i].matter
        if not m.places:
            continue
        if kept is None:
            lookup, keys = _head_keys(m.places[0])
        else:
            if m.places[0] not in heads:
                heads[m.places[0]] = _head_keys_of(m.places[0], kept)
            lookup, keys = heads[m.places[0]]
        hit = next((by_key[k] for k in lookup if k in by_key), None)
        if hit is None:
            hit = len(clusters)
            clusters.append([])
        clusters[hit].append(i)
        for k in keys:
            by_key.setdefault(k, hit)
    return clusters


@lru_cache(maxsize=50_000)
def _road_street(places: tuple[str, ...], district: str | None) -> str | None:
    """The street of the first road among ``places`` that lies in one street only (古田四路 in 古田街道), as
    the place reader's gazetteer has it: for a hotspot, an outage at 古田四路 is of the area 古田这边 names
    (for a repeat it stays a road of its own)."""
    from insight.places import default_gazetteer

    entries = default_gazetteer().entries
    for p in places:
        fits = {c.street for c in entries.get(p, ()) if c.kind == "road" and c.street
                and (district is None or c.district == district)}
        if fits:
            return next(iter(fits)) if len(fits) == 1 else None
    return None


def _district_of(m: Matter) -> str | None:
    """The district an appeal says, or that of the first of its places or areas the gazetteer knows in one."""
    return m.district or _place_district(m.places + tuple(a for a in m.areas if len(a) >= 2))


@lru_cache(maxsize=50_000)
def _place_district(places: tuple[str, ...]) -> str | None:
    """The district of the first of ``places`` the place reader's gazetteer knows in one district only (江夏大道,
    藏龙岛, 沌阳大道). Only for :func:`_unseen_source`: the spreading passes bucket by the district read, as a
    road's district gave a dense week's unrelated outages of one district one bucket (fourteenth wave)."""
    from insight.places import default_gazetteer

    entries = default_gazetteer().entries
    known: set[str] | None = None
    for p in places:
        fits = {c.district for c in entries.get(p, ()) if c.kind in ("road", "landmark") and c.district}
        if fits:
            # (a road of two districts narrowed by a landmark named on it: 武珞路宝通寺 is 武昌's; w21-hot)
            known = fits if known is None else (known & fits or known)
            if len(known) == 1:
                return next(iter(known))
    return None


# the old towns said before a name like a district (汉口中山公园), beside the districts themselves
_TOWNS_LEFT = ("汉口",)


@lru_cache(maxsize=1)
def _district_names() -> frozenset[str]:
    """The districts' names without their 区, as the place reader's gazetteer has them (江岸, 东西湖)."""
    from insight.places import default_gazetteer

    gazetteer = default_gazetteer()
    codes = {c.code for cands in gazetteer.entries.values() for c in cands if c.kind == "district" and c.code}
    return frozenset(gazetteer.names[code].removesuffix("区") for code in codes if code in gazetteer.names)


@lru_cache(maxsize=1)
def _district_left() -> tuple[str, ...]:
    """The district a name is said with (武昌中南路, 汉阳钟家村: the same place as without it): the districts'
    names without their 区, as the place reader's gazetteer has them, and the old towns, longest first."""
    return tuple(sorted(_district_names() | set(_TOWNS_LEFT), key=lambda n: (-len(n), n)))


@lru_cache(maxsize=8)
def _district_said_pattern(zones: tuple[str, ...]) -> re.Pattern:
    """Any district's name (the gazetteer's, without 区) or any of ``zones`` (``[hotspots] district_zones``: the
    development zones citizens name as their district, 沌口 / 经开 / 光谷 / 东湖高新) said in a text. The city's
    names are data: the gazetteer's and insight.toml's, none in the code (w23-hot)."""
    names = sorted(_district_names() | set(zones), key=lambda n: (-len(n), n))
    return re.compile("|".join(map(re.escape, names))) if names else re.compile(r"(?!)")


def _district_said(settings: Settings) -> re.Pattern:
    return _district_said_pattern(tuple(settings.get("hotspots", "district_zones", []) or ()))


# an estate, a station or a site named after its area (百步亭花园, 钟家村地铁站, 鲁巷地铁工地): at one
# place and within hours, the same place as the area's own name for a hotspot (not for a repeat)
# … and a road's underpass or tunnel named after its crossing (丁字桥涵洞, 中山路下穿通道: one flooding, one closure)
_AREA_TAILS = ("地铁工地", "地铁站", "地铁口", "夜市", "花园", "社区", "小区", "片区", "工地", "广场",
               "下穿通道", "地下通道", "涵洞", "桥洞", "隧道")


@lru_cache(maxsize=50_000)
def _area_head(place: str) -> str:
    """The area a place is said at: its name without the district before it or the kind after it."""
    for d in _district_left():
        if place.startswith(d) and len(place) - len(d) >= 3:
            place = place[len(d):]
            break
    for tail in _AREA_TAILS:
        if place.endswith(tail) and len(place) - len(tail) >= 3:
            return place[:-len(tail)]
    return place


@lru_cache(maxsize=50_000)
def _head_keys(place: str) -> tuple[list[str], list[str]]:
    return _head_keys_of(place, {})


def _head_keys_of(place: str, kept: dict[tuple, list[str]]) -> tuple[list[str], list[str]]:
    """A place cluster's keys of ``place``: to look up, and to be found by (``kept``: see :func:`_place_clusters`)."""
    head = Matter(places=(place,), street=None, district=None, concepts=frozenset(), grams=frozenset())
    area = f"h:{_area_head(place)}"
    # (w22-rep) not the key of an estate's area (ea:): an area holds many places, a place cluster is one
    lookup = [k for k in kept_place_keys(head, True, kept) if not k.startswith("ea:")]
    return lookup + [area], [k for k in kept_place_keys(head, False, kept) if not k.startswith("ea:")] + [area]


def _steady(clusters: list[list[int]], appeals: list[Appeal], settings: Settings,
            lexicon: Lexicon) -> list[list[int]]:
    """Appeals left over at one concrete place within the window that name one problem (the one most
    of them name, symptoms included) or, for a symptom, a cause named beside it in one appeal (臭 with
    垃圾, 臭 with 污水: one citizen tying the two is what makes them one matter): ``steady_min_appeals`` or more from
    ``min_citizens`` or more citizens (0: off). A different complaint at that place stays out."""
    need = int(settings.get("hotspots", "steady_min_appeals", 0) or 0)
    min_citizens = int(settings.get("hotspots", "min_citizens", 2))
    if need <= 0:
        return []
    mods = lexicon.modifiers() | lexicon.sources()
    areawide = _outages(lexicon)
    gap = _episode_gap(settings)
    out = []
    for members in clusters:
        if len(members) < need:
            continue
        problems = {i: appeals[i].matter.concepts - mods for i in members}
        counts: dict[str, int] = defaultdict(int)
        for i in members:
            for c in problems[i]:
                counts[c] += 1
        if not counts:
            continue
        main = min(counts, key=lambda c: (-counts[c], lexicon.rank(c)))
        # a symptom's companions are its causes (臭 … 垃圾); a cause's are often its consequences (停电 … 电梯)
        kin = {main}.union(*(p for p in problems.values() if main in p)) if main in lexicon.symptoms() else {main}
        best = [i for i in members if problems[i] & kin]
        if main in areawide:      # (an outage's episode: the same estate out again days later is another; w23-hot)
            best = max(_cut_at_gaps(best, appeals, gap), key=len, default=[]) if gap > 0 else best
        if len(best) >= need and counts[main] * 2 >= len(best) and _enough_citizens(best, appeals, min_citizens):
            out.append(best)
    return out


# a road closed, said as such (封路, 围起来, 改道) or by what it does to those who pass (出不去, 绕一大圈, 堵)
_CLOSED = re.compile(r"封[路道了闭住]|封[了掉]?(?:一半|半边|半幅)|围[起挡住了]|挡住|改[道线]|绕[路道行了一]")
_CLOSED_EFFECT = re.compile(_CLOSED.pattern + r"|[出进]不去|过不[去来]|堵|走不动|迟到")


def _closures(clusters: list[list[int]], appeals: list[Appeal], settings: Settings) -> list[list[int]]:
    """Appeals left over at one concrete place within the window that say a road closed there or what the
    closure does (the concepts read 施工, 堵车, 公交改线 or nothing): ``steady_min_appeals`` or more from
    ``min_citizens`` citizens or more, two or more saying the closure itself (封, 围, 改道, 绕; a jam alone
    is no closure). (0: off)"""
    need = int(settings.get("hotspots", "steady_min_appeals", 0) or 0)
    min_citizens = int(settings.get("hotspots", "min_citizens", 2))
    if need <= 0:
        return []
    # (… naming no fault of a thing of its own at the place: 树枝挡住了红绿灯 says 挡住 of a tree; w23-hot)
    faults = _standing_faults(settings)
    out = []
    for members in clusters:
        if len(members) < need:
            continue
        best = [i for i in members if _CLOSED_EFFECT.search(appeals[i].matter.residual)
                and not appeals[i].matter.concepts & faults]
        said = sum(1 for i in best if _CLOSED.search(appeals[i].matter.residual))
        if len(best) >= need and said >= 2 and _enough_citizens(best, appeals, min_citizens):
            out.append(best)
    return out


def _city_limits(settings: Settings) -> tuple[int, float, int]:
    """The city-wide rate test's limits (``_CityPick``, of a problem's and of a metro line's bursts): ``city_min_appeals``
    appeals or more, ``city_ratio`` times the usual rate or more, ``min_citizens`` citizens or more."""
    return (int(settings.get("hotspots", "city_min_appeals", 5)), float(settings.get("hotspots", "city_ratio", 4)),
            int(settings.get("hotspots", "min_citizens", 2)))


def _city_bursts(idx: list[int], taken: set[int], appeals: list[Appeal], settings: Settings, lexicon: Lexicon,
                 days: float) -> list[tuple[list[int], str]]:
    """One problem over the city within ``city_hours``, wherever each appeal is (or names no place): the
    busiest such hours of a problem hold ``city_min_appeals`` or more appeals left over, ``city_ratio`` times
    or more what its rate over the window would bring in those hours (a problem the city always has, 噪音
    or 停车, is no burst for being common), from ``min_citizens`` or more citizens, each sharing two or more
    bigrams of its wording with a third of the others or more (one matter told, not one word). (0 hours: off)"""
    hours = float(settings.get("hotspots", "city_hours", 0) or 0)
    if hours <= 0:
        return []
    need, ratio, min_citizens = _city_limits(settings)
    every: dict[str, int] = defaultdict(int)          # each problem's appeals over the window, taken or not
    left: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        for c in _problems(appeals[i].matter, lexicon):
            every[c] += 1
            if i not in taken:
                left[c].append(i)
    out: list[tuple[list[int], str]] = []
    used: set[int] = set()
    pick = _CityPick(appeals, hours, days, need, ratio, min_citizens, used, out, lexicon=lexicon)
    for c in sorted(left, key=lambda c: (-len(left[c]), lexicon.rank(c))):
        pick(left[c], every[c], c)
    # … and, where no concept knows the problem (公积金提取办不了 / 公积金APP登录不上), a bigram of the
    # wording in place of a concept: the same rate test, the same agreement of the members' wording
    # … of appeals that say a service failing (办不了, 登不上, 系统故障): one more word of a service asked
    # about (咨询一下公积金怎么提取) is no outage
    # … over a longer time (a service down for a day is told all day)
    pick.hours = float(settings.get("hotspots", "city_words_hours", hours) or hours)
    # (its rate over the window is that of the appeals saying it fails: a service often asked about, 医保, is
    # down when many say so, however many ask). A long letter says many things, failing ones among them: its
    # words are no sign of one service down (appeals of up to _SAYS_ONE characters only)
    failing = [i for i in idx if len(appeals[i].matter.residual) <= _SAYS_ONE and _FAILING.search(appeals[i].matter.residual)]
    grams_of = {i: _service_grams(appeals[i].matter) for i in failing}
    # (one service told by its kin's names: 社保卡刷不了 at a pharmacy and 医保结算不了 are one outage)
    for kin in settings.get("hotspots", "service_kin", []) or []:
        names = frozenset(kin)
        # (… said inside a name the place reader took for a place: 药房说社保卡, 社保局窗口)
        grams_of = {i: g | names if g & names or any(k in p for p in appeals[i].matter.places for k in names)
                    else g for i, g in grams_of.items()}
    every_g = Counter(chain.from_iterable(grams_of.values()))
    city = tuple(settings.get("hotspots", "city_names", []) or ())
    share = ratio * pick.hours / (days * 24)      # a burst holds this share of the word's week at least
    rest = [i for i in failing if i not in taken and i not in used]
    left_count = Counter(chain.from_iterable(grams_of[i] for i in rest))
    pick.need = int(settings.get("hotspots", "city_words_min_appeals", need))
    bursting = {g for g, n in left_count.items() if n >= pick.need and n >= share * every_g[g]}
    left_g: dict[str, list[int]] = defaultdict(list)
    for i in rest:
        for g in grams_of[i] & bursting:
            left_g[g].append(i)
    # (each says the service fails: that is one word they share beside the service's own)
    pick.grams_of = {i: g | {"~fails"} for i, g in grams_of.items()}
    start = len(out)
    # (a service's own words first: the failing's words, 不了 / 失败, and the city's name, 武汉, gather any service's
    # appeals — a card's top-up and an app's fares, both 武汉 … 不了 — and are keys only for those left after them)
    for g in sorted(left_g, key=lambda g: (not _service_word(g, city), -len(left_g[g]), g)):
        pick(left_g[g], every_g[g], "~" + g)
    _with_saying(out[start:], [i for i in rest if i not in used], appeals, pick.hours, used)
    return out


# water standing after rain, told without the words the flooding concept knows (雨一下路上全是水, 下水道往外冒水)
_RAIN = re.compile(r"雨")
_STANDING = re.compile(r"积水|淹|全是水|都是水|冒水|进水|成河|排不|过不去")


def _storm_floods(idx: list[int], taken: set[int], appeals: list[Appeal], settings: Settings,
                  lexicon: Lexicon, days: float) -> list[list[int]]:
    """One storm's floods: the appeals left over that tell water standing (the flooding concept, or rain said beside
    water on the road: 雨一下路上全是水) within ``storm_hours`` of each other, wherever each is — ``steady_min_appeals``
    or more at ``spread_min_places`` places or more (naming none counts as one) from ``min_citizens`` citizens. A
    storm falls on the whole city at once: its underpasses in every district are one hotspot; a drain blocked at one
    alley on another day is not of it — nor are a big city's everyday puddles: the storm's hours hold ``city_ratio``
    times or more what the window's rate of such appeals would bring in them. (0 hours: off; w29-hot)"""
    hours = float(settings.get("hotspots", "storm_hours", 0) or 0)
    need = int(settings.get("hotspots", "steady_min_appeals", 0) or 0)
    if hours <= 0 or need <= 0:
        return []
    min_places = int(settings.get("hotspots", "spread_min_places", 3))
    min_citizens = int(settings.get("hotspots", "min_citizens", 2))
    told = [i for i in idx if "flooding" in appeals[i].matter.concepts or
            (_RAIN.search(appeals[i].matter.residual) and _STANDING.search(appeals[i].matter.residual))]
    rows = sorted((i for i in told if i not in taken), key=lambda i: appeals[i].at)
    least = float(settings.get("hotspots", "city_ratio", 4)) * len(told) * hours / (max(days, 1.0) * 24)
    out: list[list[int]] = []
    start = 0
    while start < len(rows):
        members = [i for i in rows[start:] if appeals[i].at - appeals[rows[start]].at <= hours * 3600]
        places = {appeals[i].matter.places[0] if appeals[i].matter.places else "" for i in members}
        if len(members) >= max(need, least) and len(places) >= min_places and \
                _enough_citizens(members, appeals, min_citizens):
            out.append(members)
            start += len(members)
        else:
            start += 1
    return out


@lru_cache(maxsize=8)
def _compiled(pattern: str) -> re.Pattern[str] | None:
    return re.compile(pattern) if pattern else None


def _trick_key(m: Matter, tricks: dict) -> tuple[str, str] | None:
    """(channel, body) of an appeal telling a trick (``[hotspots.tricks]``): it says someone posed or doubts they
    were who they said (冒充, 说是…的, 是不是真的) and something taken or sold (推销, 收费, 链接, 验证码) — or, by
    phone or text, something asked that no body asks so (点链接, 验证码, 银行卡号), or at the door a device sold
    (上门推销, 逼着买) —, the way it came (上门, 短信,
    电话; the first listed that it says) and the body posed as (the one it names first)."""
    text = m.residual + " " + " ".join(m.places)
    posing, take = _compiled(str(tricks.get("posing", ""))), _compiled(str(tricks.get("take", "")))
    asks = _compiled(str(tricks.get("asks", "")))
    channel = next((name for name, pat in tricks.get("channels", []) if re.search(pat, text)), None)
    if not channel:
        return None     # (before the bodies are searched for: most appeals say no way a trick came, w24-speed)
    found = [(mt.start(), name) for name, pat in tricks.get("bodies", []) if (mt := re.search(pat, text))]
    service = False
    if not found and channel != "door":     # (a service posed as, by phone or text: 快递理赔, 航班取消退款; w28-hot2)
        found = [(mt.start(), name) for name, pat in tricks.get("services", []) if (mt := re.search(pat, text))]
        service = bool(found)
    named = _compiled(str(tricks.get("named_body", "")))
    if not found and named and (mt := named.search(text)):     # (a body no list has, by its name; w24-hot)
        found = [(mt.start(), mt.group(1))]
    if not found:
        return None
    weak = set(tricks.get("weak_bodies", ()) or ())
    found = [f for f in found if f[1] not in weak] or found      # (社区好多老人接到养老金认证的电话: 社保; w27-hot)
    told = bool(posing and take and posing.search(text) and take.search(text))
    sells = _compiled(str(tricks.get("sells", "")))
    offers = _compiled(str(tricks.get("offers", "")))
    if not told and not (channel != "door" and asks and asks.search(text)) and \
            not (channel == "door" and sells and sells.search(text)) and \
            not (channel != "door" and offers and offers.search(text) and
                 (service or (posing and posing.search(text)) or (take and take.search(text)))):
        return None
    return channel, min(found)[1]


_REMOTE = frozenset({"sms", "phone"})     # the ways a trick comes at a distance (w28-hot)


def _tricks(idx: list[int], taken: set[int], appeals: list[Appeal],
            settings: Settings) -> list[tuple[list[int], list[str]]]:
    """The window's appeals telling one trick (one body posed as, at the door or at a distance — a call and a text
    are one way, w28-hot: :func:`_trick_key`), wherever they are: ``min_appeals`` or more from as many citizens
    less one (and ``min_appeals`` citizens at least: three calls of a trick from three citizens are a wave, one
    citizen's two and a neighbour's are not; w30-hot) are one hotspot — at the door, when told in ``spread_min_places`` districts or more, or at as many
    places where no one district holds them all (a trick at one estate, or over one district, is theirs); by phone
    or text the citizen's place says nothing of it. (w23-hot2)"""
    tricks = settings.get("hotspots", "tricks", {}) or {}
    need = int(tricks.get("min_appeals", 0) or 0)
    if need <= 0:
        return []
    min_places = int(settings.get("hotspots", "spread_min_places", 3))
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    keys: dict[int, tuple[str, str] | None] = {}    # each matter's, read once (a week's repeated text is one matter)
    for i in idx:
        if i in taken:
            continue
        m = appeals[i].matter
        key = keys[id(m)] if id(m) in keys else keys.setdefault(id(m), _trick_key(m, tricks))
        if key:
            # (one trick reaches some by a call, others by a text, some by both — 先发短信再打电话: the way it came
            # at a distance is one, only the door is another; w28-hot)
            by_key[("remote" if key[0] in _REMOTE else key[0], key[1])].append(i)
    out = []
    for (channel, body), members in sorted(by_key.items()):
        members = sorted(members, key=lambda i: appeals[i].at)
        if channel == "remote":     # (told as the way most of its appeals say it came; the first said on a tie)
            ways = Counter(keys[id(appeals[i].matter)][0] for i in members)  # type: ignore[index]
            channel = max(ways, key=lambda w: (ways[w], -min(n for n, i in enumerate(members)
                                                             if keys[id(appeals[i].matter)][0] == w)))  # type: ignore[index]
        districts = {_district_told(appeals[i].matter) for i in members}
        districts.discard(None)
        # (told at its estates, which the gazetteer may not place: places apart count where no one district holds all)
        places = {appeals[i].matter.places[0] for i in members if appeals[i].matter.places}
        spread = len(districts) >= min_places or (len(districts) != 1 and len(places) >= min_places)
        if len(members) >= need and _enough_citizens(members, appeals, max(len(members) - 1, need)) and \
                (channel != "door" or spread):
            out.append((members, ["冒充" + body + {"door": "人员上门", "sms": "短信", "phone": "来电"}.get(channel, "")]))
    return out


def _roaming(idx: list[int], taken: set[int], appeals: list[Appeal], settings: Settings,
             lexicon: Lexicon) -> list[tuple[list[int], str]]:
    """The appeals left over that name one concept of ``[hotspots] roaming`` (a sales trick aimed at the elderly, 会销 /
    养生讲座 / 送鸡蛋卖保健品) and no other problem, anywhere in the city over the window: ``roaming_min_appeals`` or
    more from as many citizens less one, in ``spread_min_places`` districts or more, are one trick going round — told
    at each citizen's own estate, days apart, in words that share little but the trick. (w23-hot)"""
    roaming = [c for c in settings.get("hotspots", "roaming", []) or [] if c in {k.key for k in lexicon.concepts}]
    need = int(settings.get("hotspots", "roaming_min_appeals", 0) or 0)
    min_places = int(settings.get("hotspots", "spread_min_places", 3))
    if not roaming or need <= 0:
        return []
    kin_of = settings.get("hotspots", "roaming_kin", {}) or {}
    out = []
    for concept in roaming:
        kin = frozenset(kin_of.get(concept, ()))
        # (each told at its place: one that says none, 保健品可以退货吗, asks of its own purchase; beside it only what
        # it does there: 停车, 堵 of a drop-off rule — w24-hot)
        district_of = {i: _district_told(appeals[i].matter) for i in idx
                       if i not in taken and concept in appeals[i].matter.concepts
                       and not _problems(appeals[i].matter, lexicon) - kin - {concept}}
        # (… or at as many places where no one district holds them all: school gates the gazetteer does not place,
        # as a door trick's estates — w24-hot)
        members = sorted((i for i, d in district_of.items() if d or appeals[i].matter.places),
                         key=lambda i: appeals[i].at)
        districts = {district_of[i] for i in members} - {None}
        places = {appeals[i].matter.places[0] for i in members if appeals[i].matter.places}
        spread = len(districts) >= min_places or \
            (len({district_of[i] for i in members}) > 1 and len(places) >= min_places)
        if len(members) >= need and spread and _enough_citizens(members, appeals, len(members) - 1):
            out.append((members, concept))
    return out


def _price_rises(idx: list[int], taken: set[int], appeals: list[Appeal],
                 settings: Settings) -> list[tuple[list[int], str]]:
    """The appeals left over that say a price rose (``[hotspots] price_rise_said``: 涨价, 涨到, 变贵, 从…变成) of one
    thing paid for over the city (``[hotspots] priced``: 出租车 / 起步价, 充电, 挂号费), the first it names: each
    thing's ``roaming_min_appeals`` or more from as many citizens less one, not all told in one district, are one
    price rise — its payers' words share only the thing and that it costs more, and no one says a rule changed. A
    shop's own price (超市标价) is no thing of the list; a rise at one estate is that estate's. (w28-hot2)"""
    said = _compiled(str(settings.get("hotspots", "price_rise_said", "") or ""))
    priced = [(str(name), re.compile(str(pat))) for name, pat in settings.get("hotspots", "priced", []) or []]
    need = int(settings.get("hotspots", "roaming_min_appeals", 0) or 0)
    if said is None or not priced or need <= 0:
        return []
    by_thing: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        if i in taken:
            continue
        text = _said_in_full(appeals[i].matter)
        if not said.search(text):
            continue
        found = [(mt.start(), name) for name, pat in priced if (mt := pat.search(text))]
        if found:
            by_thing[min(found)[1]].append(i)
    out = []
    for thing, members in sorted(by_thing.items()):
        districts = {_district_told(appeals[i].matter) for i in members}
        if len(members) >= need and not (len(districts) == 1 and None not in districts) and \
                _enough_citizens(members, appeals, len(members) - 1):
            out.append((sorted(members, key=lambda i: appeals[i].at), thing))
    return out


def _rule_changes(idx: list[int], taken: set[int], appeals: list[Appeal], settings: Settings,
                  lexicon: Lexicon) -> list[tuple[list[int], str]]:
    """The appeals left over that say a rule has changed (``[hotspots] rule_change_said``: 改成, 新规, 新出的…规定,
    以后…不能, 从这周开始) and lead with one problem, anywhere in the city over the window: ``roaming_min_appeals``
    or more of one problem from as many citizens less one, in ``spread_min_places`` districts or more, are one new
    rule told at each place it binds — each citizen at their own gate, station or estate, in their own words, sharing
    only that something changed and what it does to them. (w24-hot2)"""
    said = _compiled(str(settings.get("hotspots", "rule_change_said", "") or ""))
    need = int(settings.get("hotspots", "roaming_min_appeals", 0) or 0)
    min_places = int(settings.get("hotspots", "spread_min_places", 3))
    if said is None or need <= 0:
        return []
    by_problem: dict[str, list[int]] = defaultdict(list)
    unnamed: list[int] = []
    asked = _compiled(str(settings.get("hotspots", "city_rule_asked", "") or ""))
    few = int(settings.get("hotspots", "city_rule_min_appeals", 0) or 0)
    asking: dict[str, list[int]] = defaultdict(list)     # (w30-hot2) leading with a problem, naming a new rule
    for i in idx:
        m = appeals[i].matter
        if i in taken:
            continue
        if asked is not None and few > 0 and m.lead is not None and m.lead not in lexicon.not_problems \
                and asked.search(_said_in_full(m)):
            asking[m.lead].append(i)
        if not said.search(_said_in_full(m)):
            continue
        if not _problems(m, lexicon):
            unnamed.append(i)
        elif m.lead is not None and m.lead not in lexicon.not_problems:
            by_problem[m.lead].append(i)
    out = []
    for concept, members in by_problem.items():
        districts = {_district_told(appeals[i].matter) for i in members} - {None}
        if len(members) >= need and (len(districts) >= min_places or _city_rule(members, appeals, need)) and \
                _enough_citizens(members, appeals, len(members) - 1):
            # (… with the changes told in words the concepts do not know, 停不进去 … 这个新政策, sharing two of
            # their words or more with two of its appeals)
            members += [i for i in unnamed if sum(len(appeals[i].matter.grams & appeals[k].matter.grams) >= 2
                                                  for k in members) >= 2]
            unnamed = [i for i in unnamed if i not in members]
            out.append((sorted(members, key=lambda i: appeals[i].at), concept))
    # … and a new rule of the whole city asked about by fewer citizens, each naming the rule itself (w30-hot2)
    grouped = {i for members, _ in out for i in members}
    for concept, members in asking.items():
        members = [i for i in members if i not in grouped]
        if concept not in {c for _, c in out} and _few_asking(members, appeals, few):
            out.append((sorted(members, key=lambda i: appeals[i].at), concept))
            unnamed = [i for i in unnamed if i not in members]
    # … and a new rule on one kind of thing that no concept names the trouble of (电动车 没牌要罚款 / 新规定没牌要
    # 扣车 / 上牌的新政策 over districts), grouped by the thing (``[hotspots] things``), with the appeals of that thing
    # naming no problem that share some of their words beyond the thing's own name (电瓶车上牌排队): one new rule (w27-hot)
    for kind in _rule_things(settings):
        members = [i for i in unnamed if any(w in _said_in_full(appeals[i].matter) for w in kind)]
        districts = {_district_told(appeals[i].matter) for i in members} - {None}
        if len(members) < need or len(districts) < min_places or \
                not _enough_citizens(members, appeals, len(members) - 1):
            continue
        own = frozenset(w[p:p + 2] for w in kind for p in range(len(w) - 1))
        said = frozenset(chain.from_iterable(appeals[i].matter.grams - own for i in members))
        members += [i for i in idx if i not in taken and i not in members and not _problems(appeals[i].matter, lexicon)
                    and any(w in _said_in_full(appeals[i].matter) for w in kind) and appeals[i].matter.grams & said]
        unnamed = [i for i in unnamed if i not in members]
        out.append((sorted(members, key=lambda i: appeals[i].at), "~" + kind[0]))    # (a thing, not a concept)
    return out



def _few_asking(members: list[int], appeals: list[Appeal], few: int) -> bool:
    """A new rule of the whole city asked about by fewer citizens than ``roaming_min_appeals``: ``few`` or more
    appeals leading with one problem, each from a citizen of its own, each naming the new rule itself
    (``[hotspots] city_rule_asked``: 养犬新规, 新的养狗管理规定, 上牌的新政策 — not only a fine or a check), and all
    telling it as :func:`_city_rule` does (no district holding them, no one place). (w30-hot2)"""
    if few <= 0 or len(members) < few:
        return False
    citizens = [appeals[i].citizen for i in members]
    return all(citizens) and len(set(citizens)) == len(members) and _city_rule(members, appeals, few)


def _city_rule(members: list[int], appeals: list[Appeal], need: int) -> bool:
    """A rule of the whole city asked about (学区划片调整了吗 / 路边停车收费调整以后…): ``need`` or more of its appeals
    name no district, at no one place, and no one district holds the others — a citizen asking about a city's new
    rule seldom says where they are (w29-hot)"""
    told = [_district_told(appeals[i].matter) for i in members]
    nowhere = [i for i, d in zip(members, told) if d is None]
    firsts = Counter(appeals[i].matter.places[0] for i in nowhere if appeals[i].matter.places)
    return len(nowhere) >= need and len(set(told) - {None}) != 1 and not any(n >= 2 for n in firsts.values())


def _heat_outages(idx: list[int], taken: set[int], appeals: list[Appeal], settings: Settings,
                  lexicon: Lexicon) -> list[tuple[list[int], str]]:
    """The appeals left over that lead with one area-wide utility problem (停电, 停水) and tell the heat as its cause
    (``[hotspots] heat_said``: 高温, 天太热, 四十度), anywhere in the city over the window: ``heat_min_appeals`` or more
    from as many citizens less one, in ``spread_min_places`` districts or more, are one heat wave's outages — with
    the appeals left over leading with that problem that share two of their words or more with two of them (高层
    用水高峰期没水 beside 高层就没水 / 澡都没法洗). (w27-hot)"""
    said = _compiled(str(settings.get("hotspots", "heat_said", "") or ""))
    need = int(settings.get("hotspots", "heat_min_appeals", 0) or 0)
    min_places = int(settings.get("hotspots", "spread_min_places", 3))
    if said is None or need <= 0:
        return []
    outages = _outages(lexicon)
    by_problem: dict[str, list[int]] = defaultdict(list)
    unsaid: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        m = appeals[i].matter
        if i in taken or m.lead not in outages or _OWN_FAULT.search(m.residual):
            continue
        (by_problem if said.search(_said_in_full(m)) else unsaid)[m.lead].append(i)
    out = []
    for concept, members in sorted(by_problem.items()):
        districts = {_district_told(appeals[i].matter) for i in members} - {None}
        if len(members) < need or len(districts) < min_places or \
                not _enough_citizens(members, appeals, len(members) - 1):
            continue
        members += [i for i in unsaid[concept] if sum(len(appeals[i].matter.grams & appeals[k].matter.grams) >= 2
                                                      for k in members) >= 2]
        out.append((sorted(members, key=lambda i: appeals[i].at), concept))
    return out

def _rule_things(settings: Settings) -> list[tuple[str, ...]]:
    """The kinds of thing a rule binds (``[hotspots] things``: 电动车 / 电瓶车 …), each as its words."""
    return [tuple(k) for k in settings.get("hotspots", "things", []) or []]


def _unseen_source(idx: list[int], taken: set[int], appeals: list[Appeal], settings: Settings,
                   lexicon: Lexicon) -> list[list[int]]:
    """Appeals left over in one district (said, or that of a road or landmark they name) that name one
    symptom (异味, 噪音) with ``unseen_modifier`` (夜间) and nothing else — no source, no other problem: the
    citizens smell or hear it at night and cannot say where from. ``unseen_min_appeals`` or more of them on
    ``unseen_min_days`` days or more of the window, from ``unseen_min_citizens`` citizens or more, are one
    hidden source (a plant letting out fumes at night over a zone's estates). A symptom with its source
    named (a KTV, a site, a restaurant) is for the other passes. (0 appeals: off; fourteenth wave)"""
    need = int(settings.get("hotspots", "unseen_min_appeals", 0) or 0)
    modifier = str(settings.get("hotspots", "unseen_modifier", "night"))
    if need <= 0:
        return []
    min_days = int(settings.get("hotspots", "unseen_min_days", 3))
    min_citizens = int(settings.get("hotspots", "unseen_min_citizens", 3))
    symptoms = lexicon.symptoms()
    mods = lexicon.modifiers()
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in idx:
        key = None if i in taken else _unseen_key(appeals[i].matter, modifier, symptoms, mods, lexicon)
        if key:
            buckets[key].append(i)
    out = []
    for key in sorted(buckets, key=lambda k: (-len(buckets[k]), k)):
        members = sorted(buckets[key], key=lambda i: appeals[i].at)
        days = {int(appeals[i].at // DAY) for i in members}
        if len(members) >= need and len(days) >= min_days and _enough_citizens(members, appeals, min_citizens):
            out.append(members)
    return out


# a clause that guesses (是不是污水厂在排放, 怀疑是垃圾场飘过来的, 不知道哪家工厂): what it names is the citizen's guess
_GUESS = re.compile(r"是不是|会不会|怀疑|好像是|像是|可能是|估计是|难道是|不知道|搞不清|说不清|哪家|哪里来|哪儿来|"
                    r"什么地方|还是")


def _guessed(text: str, lexicon: Lexicon) -> frozenset[str]:
    """The concepts ``text`` names only in clauses that guess at a cause (是不是饲料厂又在偷排, 怀疑是污水处理厂):
    a citizen who smells a stink at night and guesses its source has not seen one; the stink is the matter."""
    clauses = [c for c in CLAUSE_BREAK.split(text) if c]
    guesses = [c for c in clauses if _GUESS.search(c)]
    if not guesses:
        return frozenset()
    said = lexicon.find("，".join(c for c in clauses if not _GUESS.search(c)))
    return lexicon.find("，".join(guesses)) - said


_SMELT_AS = frozenset({"burning"})   # (w26-h27) what a smell is said to be of (烧塑料的味), not a source seen


def _unseen_key(m: Matter, modifier: str, symptoms: frozenset[str], mods: frozenset[str],
                lexicon: Lexicon) -> tuple[str, str] | None:
    """(district, symptom) of an appeal that tells one symptom with ``modifier`` and nothing else but guesses
    at its source (是不是污水厂在排放), or None."""
    if modifier not in m.concepts:
        return None
    named = m.concepts - mods
    if len(named) > 1 and named & symptoms:
        named -= _guessed(m.residual, lexicon) - symptoms
        # (w26-h27) … or says only what the smell is of (夜里有烧塑料的臭味: the smell leads, the burning right after it
        # as its source, matter.py's _SMELL_OF): a smell, its source unseen
        if m.lead in symptoms:
            named -= m.near & _SMELT_AS
    if len(named) != 1 or not named <= symptoms:
        return None
    district = _district_told(m)
    return (district, next(iter(named))) if district else None


def _unseen_reach(found: list[Hotspot], idx: list[int], taken: set[int], appeals: list[Appeal], now: float,
                  settings: Settings, lexicon: Lexicon) -> list[Hotspot]:
    """A hotspot all of whose appeals tell one symptom at night in one district and nothing else (a stink
    over 二七's estates one night, found at one place) takes the leftovers of that district telling the same,
    when together they tell it on two nights or more from ``unseen_min_citizens`` citizens or more (the place
    found it already; the hidden-source pass wants ``unseen_min_days`` without one): the nights a citizen
    guessed a source or named another estate of the area are the same stink."""
    if int(settings.get("hotspots", "unseen_min_appeals", 0) or 0) <= 0:
        return found
    modifier = str(settings.get("hotspots", "unseen_modifier", "night"))
    min_days = min(2, int(settings.get("hotspots", "unseen_min_days", 3)))
    min_citizens = int(settings.get("hotspots", "unseen_min_citizens", 3))
    symptoms, mods = lexicon.symptoms(), lexicon.modifiers()
    left: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in idx:
        if i not in taken:
            key = _unseen_key(appeals[i].matter, modifier, symptoms, mods, lexicon)
            if key:
                left[key].append(i)
    if not left:
        return found
    told = {c: set(t) for c, t in (settings.get("hotspots", "events", {}) or {}).items()}
    wanted: dict[int, list[int]] = {}
    for n, spot in enumerate(found):
        keys = {_unseen_key(appeals[i].matter, modifier, symptoms, mods, lexicon) for i in spot.members}
        if len(keys) != 1 or None in keys:
            # (… or one led by a symptom over one district whose appeals tell only symptoms and what the event is told
            # by, not all at night: 青菱又臭了，哪个厂在偷排 / 熏得睡不着 beside 青菱晚上一股臭鸡蛋味; w23-hot)
            lead = spot.concepts[0] if spot.concepts else None
            ms = [appeals[i].matter for i in spot.members]
            districts = {_district_told(m) for m in ms}
            if lead not in symptoms or len(districts) != 1 or None in districts or \
                    not any(modifier in m.concepts for m in ms) or \
                    any(_problems(m, lexicon) - symptoms - told.get(lead, set()) for m in ms):
                continue
            keys = {(next(iter(districts)), lead)}
        extra = left.get(next(iter(keys)), [])
        members = spot.members + extra
        if extra and len({int(appeals[i].at // DAY) for i in members}) >= min_days \
                and _enough_citizens(members, appeals, min_citizens):
            wanted[n] = list(extra)
    return _grown(found, wanted, taken, appeals, now, settings, lexicon) if wanted else found


@lru_cache(maxsize=50_000)
def _said_district(text: str) -> str | None:
    """The one district of the roads and landmarks the gazetteer finds in ``text``, short names too (沌口晚上那个
    味道: the place reader keeps no bare name of 2 characters in the middle of an appeal)."""
    from insight.places import default_gazetteer

    found = {c.district for span, cands in default_gazetteer().scan(text) if span.kind in ("road", "landmark")
             for c in cands if c.district}
    return next(iter(found)) if len(found) == 1 else None


def _district_told(m: Matter) -> str | None:
    """The district an appeal is in: the one it says or its places give (:func:`_district_of`), else the one its
    words name by a road or a landmark (:func:`_said_district`)."""
    return _district_of(m) or _said_district(m.residual)


def _with_saying(bursts: list[tuple[list[int], str]], rest: list[int], appeals: list[Appeal], hours: float,
                 used: set[int]) -> None:
    """A city-wide burst found by a word of its wording takes the appeals left over within ``hours`` of it that
    say the service fails and say its word anywhere, in a place name the reader took it for too (医院预约挂号的
    小程序打不开了 / 挂号平台还是不能用吗), whatever else their wording shares: the failing service is the
    matter. An appeal two bursts could take stays out."""
    if not bursts or not rest:
        return
    wanted: dict[int, list[int]] = defaultdict(list)
    # … or two words of the service a third of its appeals say, beside the key (新生儿上户口 / 出生一件事 提交不了 of a
    # burst keyed 系统; not words of failing or of being online, which any service's appeals say; w22-hot)
    said: dict[int, set[str]] = {}
    for n, (members, _key) in enumerate(bursts):
        counts = Counter(chain.from_iterable(_service_grams(appeals[i].matter) for i in members))
        said[n] = {g for g, c in counts.items() if 3 * c >= len(members) and c >= 2 and _service_word(g)
                   and not _ONLINE.search(g)}
    for n, (members, key) in enumerate(bursts):
        word = key[1:]
        lo = min(appeals[i].at for i in members) - hours * 3600
        hi = max(appeals[i].at for i in members) + hours * 3600
        for j in rest:
            m = appeals[j].matter
            if lo <= appeals[j].at <= hi and (word in m.residual or any(word in p for p in m.places)
                                              or _says_service(_service_grams(m) & said[n])):
                wanted[j].append(n)
    for j, ns in wanted.items():
        if len(ns) == 1:
            bursts[ns[0]][0].append(j)
            used.add(j)
    for members, _ in bursts:
        members.sort(key=lambda i: appeals[i].at)


# what fails at any online service (提交不了, 交不上): two such words say no service of their own
# (社保卡网上补办提交不了 is not 公积金提取提交不了's burst; w22-hot2)
_ANY_SERVICE_DOES = re.compile(r"不|提交")


def _says_service(shared: set[str]) -> bool:
    """Two words of a burst's service, one at least naming more than the failing (户口 beside 提交不了)."""
    return len(shared) >= 2 and any(not _ANY_SERVICE_DOES.search(g) for g in shared)


_SAYS_ONE = 150
# an online service, said by its user (挂号小程序, 系统繁忙, app上付不了款, 网上预约, 公众号)
_ONLINE = re.compile(r"系统|小程序|[aA][pP][pP]|网站|网页|公众号|平台|网上|线上|在线")
# a service failing, in citizens' words: it cannot be done (办不了, 登不上, 进不去, 打不开, 充不进去, 提交不了; an
# operator's note: 无法登录, 无法提交 — w23-hot),
# it fails or is down (失败, 故障, 宕机, 瘫痪, 崩了, 报错, 异常, 维护, 转圈), or the money is not there (没到账)
# … an app that hangs (卡死, 卡顿, 卡在那) or closes itself (闪退) or cannot be used (不能用), a line that stops or runs late (停运, 晚点, 停了十几分钟)
# … a system or network said busy (系统繁忙, 网络繁忙: what a failing page shows; w22-hot)
# … a card or code the reader rejects (提示无效卡, 显示无效; not a complaint that did nothing, 反映无效: w20-hot2)
_FAILING = re.compile(r"[办用登进打交提刷查充缴付取约证报退领转扫连收挂]不[了上进开到出去]|(?<![受忍少免大])不了|失败|不成功|没成功|没有成功|故障|宕机|瘫痪|瘫了|崩了|崩溃|报错|"
                      r"异常|(?:提示|显示)无效|无效卡|卡无效|维护|升级|转圈|出问题|坏了|没到账|不到账|没反应|登录不|进不去|无法(?:登录|登陆|打开|访问|进入|提交|使用|办理|支付|缴费|申报)|打不开|用不了|卡住|卡死|卡顿|卡在|一直卡|闪退|(?<!能)不能用|"
                      r"(?:系统|网络|服务器|页面)繁忙|"
                      r"停运|晚点|停摆|停[了在](?:[一二三四五六七八九十几半两]+[个]?(?:分钟|小时|站))|全线停")
# a verb and its object parted by what fails (挂不上号, 交不了费, 刷不了卡): the verb-object bigram the others say
_PARTED = re.compile(r"([\u4e00-\u9fa5])不[了上到进出]([\u4e00-\u9fa5])")


@lru_cache(maxsize=4096)
def _service_word(gram: str, city: tuple[str, ...] = ()) -> bool:
    """Whether a bigram names a service a city-wide burst may be of: not a word of its failing (不了, 失败, 故障:
    every failing service's appeals say them; 刷不了武汉通 and 电子社保卡用不了 are two services), nor one inside
    the city's own name (武汉: 武汉通, 武汉的电子社保卡 — [hotspots] city_names). Eighteenth wave."""
    return not _FAILING.search(gram) and not any(gram in name for name in city)


def _service_grams(m: Matter) -> frozenset[str]:
    """An appeal's bigrams for the city-wide word bursts, with the verb-object bigram a failing verb parts
    (挂不上号 → 挂号: the one service said by those who cannot use it)."""
    parted = {a + b for a, b in _PARTED.findall(m.residual)}
    # … and a service's name the place reader took for a place no gazetteer knows (电驴子上牌的小程序, 电动自行车登记的
    # 网站: the words of the service, not a place; w21-hot)
    from insight.places import default_gazetteer

    entries = default_gazetteer().entries
    unknown = {p[i:i + 2] for p in m.places if p not in entries and not _PLACE_KIND.search(p) for i in range(len(p) - 1)}
    return m.grams | parted | unknown if parted or unknown else m.grams


# the kind a place's name ends with (小区, 花园, 大道, 路, 站, 公园): a place's own name, not a service's words
_PLACE_KIND = re.compile(r"(?:小区|花园|家园|新村|公寓|大厦|广场|中心|市场|公园|医院|学校|小学|中学|大学|商场|超市|"
                         r"大道|大街|路|街|巷|桥|站|口|湖|村|城|苑|府|园|庭|湾|里|期|栋|号楼|区)$")


@dataclass
class _CityPick:
    """One city-wide burst of one key (a concept, or ``~`` and a bigram of the wording): the busiest
    ``hours`` of its members not yet used, ``need`` of them or more and ``ratio`` times the key's usual
    share of the week, whose wording agrees (each member sharing two bigrams with a third of the others;
    not asked when ``wording`` is False, as of a metro line's riders) and who are ``min_citizens`` citizens
    or more. Found bursts go to ``out``, their members to ``used``."""
    appeals: list[Appeal]
    hours: float
    days: float
    need: int
    ratio: float
    min_citizens: int
    used: set[int]
    out: list[tuple[list[int], str]]
    grams_of: dict[int, frozenset[str]] | None = None     # the wording each appeal is read by (its bigrams if None)
    wording: bool = True                                  # ask that the members' wording agrees
    lexicon: Lexicon | None = None                        # where given, a member naming a problem no other does is out

    def __call__(self, candidates: list[int], usual: int, key: str) -> None:
        appeals = self.appeals
        members = sorted((i for i in candidates if i not in self.used), key=lambda i: appeals[i].at)
        if len(members) < self.need:
            return
        best = _busiest(members, appeals, self.hours)
        if len(best) < self.need or len(best) < self.ratio * usual * self.hours / (self.days * 24):
            return
        kept = self._agreeing(best) if self.wording else best
        if self.wording and self.lexicon is not None:
            # … and not one that names a problem of its own no other member names (公交车司机开车太猛 beside
            # 乘车码刷不了: the bus, but another matter)
            mods = self.lexicon.not_problems
            own = {i: appeals[i].matter.concepts - mods - {key} for i in kept}
            seen = Counter(chain.from_iterable(own.values()))
            kept = [i for i in kept if all(seen[c] > 1 for c in own[i])]
        if len(kept) >= self.need and _enough_citizens(kept, appeals, self.min_citizens):
            self.out.append((kept, key))
            self.used.update(kept)

    def _agreeing(self, best: list[int]) -> list[int]:
        appeals = self.appeals
        grams = {i: self.grams_of[i] if self.grams_of else appeals[i].matter.grams for i in best}
        # two bigrams in common, and beyond a short appeal's 20 one more for each 5 of the shorter wording's (two long
        # letters share common words)
        return [i for i in best if 3 * sum(1 for j in best if j != i and len(grams[i] & grams[j]) >=
                                           max(2, (min(len(grams[i]), len(grams[j])) - 20) // 5)) >= len(best) - 1]


def _spread_by_wording(idx: list[int], taken: set[int], appeals: list[Appeal], min_spread: int,
                       min_places: int) -> list[tuple[list[int], list[str]]]:
    """One problem over many places of one area within 48 h, found by its wording rather than by the
    concepts: the appeals left over in one street are linked when two of their problem
    wording's character bigrams agree (places and filler taken out); a set so linked within 48 h,
    each member linked to a third of the others or more (one way of saying one thing, not a chain of
    common words), ``min_spread`` appeals or more at ``min_places`` places or more, is one. Returns
    the members and the bigrams most of them share (for the description)."""
    by_area: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        m = appeals[i].matter
        if i not in taken and m.street and m.grams:     # a street, never a whole district: fewer chances
            by_area[m.street].append(i)                 # for common words to meet, and fewer pairs
    out: list[tuple[list[int], list[str]]] = []
    for members in by_area.values():
        if len(members) < min_spread:
            continue
        members.sort(key=lambda i: appeals[i].at)
        links: dict[int, set[int]] = {i: set() for i in members}
        for n, i in enumerate(members):
            gi = appeals[i].matter.grams
            for j in members[n + 1:]:
                if appeals[j].at - appeals[i].at > 2 * DAY:
                    break
                if len(gi & appeals[j].matter.grams) >= 2:
                    links[i].add(j)
                    links[j].add(i)
        seen: set[int] = set()
        for i in members:
            if i in seen or not links[i]:
                continue
            part, todo = [], [i]
            seen.add(i)
            while todo:
                k = todo.pop()
                part.append(k)
                for j in links[k] - seen:
                    seen.add(j)
                    todo.append(j)
            kept = [k for k in part if 3 * len(links[k] & set(part)) >= len(part) - 1]
            if len(kept) < min_spread or appeals[max(kept, key=lambda k: appeals[k].at)].at - \
                    appeals[min(kept, key=lambda k: appeals[k].at)].at > 2 * DAY:
                continue
            places = {appeals[k].matter.places[0] for k in kept if appeals[k].matter.places}
            if len(places) < min_places:
                continue
            counts: dict[str, int] = defaultdict(int)
            for k in kept:
                for g in appeals[k].matter.grams:
                    counts[g] += 1
            words = [g for g, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if c * 2 >= len(kept)][:3]
            out.append((sorted(kept, key=lambda k: appeals[k].at), words))
    return out


def _enough_citizens(members: list[int], appeals: list[Appeal], min_citizens: int) -> bool:
    """``members`` come from ``min_citizens`` citizens or more, or some say no citizen (a phone call without a
    number, a form without an account: anyone, so they are not all one caller)."""
    citizens = {appeals[i].citizen for i in members if appeals[i].citizen}
    known = sum(1 for i in members if appeals[i].citizen)
    return known < len(members) or len(citizens) >= min_citizens


class _Names:
    """A hotspot's place names, asked whether an appeal names one of them (:func:`same_name`), pairs that share
    no character passed by (a week of a large city asks this for thousands of appeals and names)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = frozenset(names)
        ordered = tuple(sorted(self.names))
        self.masked = tuple(zip(ordered, name_masks(ordered)))
        self.ordered = ordered
        self.index: Any = None      # (the names each may be one with, by a join of keys, read when first asked: w23-speed)
        self.mask = 0
        for _, m in self.masked:
            self.mask |= m
        self.met: dict[str, bool] = {}      # each place's answer, asked again for every appeal naming it
        self.said: dict[tuple[str, ...], bool] = {}     # … and each appeal's places' (a text said again: w24-speed)

    def meet(self, places: tuple[str, ...]) -> bool:
        said = self.said.get(places)
        if said is None:
            said = self.said[places] = self._meet(places)
        return said

    def _meet(self, places: tuple[str, ...]) -> bool:
        for p, mp in zip(places, name_masks(places)):
            if not mp & self.mask:
                continue
            met = self.met.get(p)
            if met is None:
                masked = self.masked
                if self.index is None and p not in self.names:
                    self.index = _names_index(self.ordered)
                met = self.met[p] = p in self.names or \
                    any(masked[j][1] & mp and same_name(p, masked[j][0]) for j in _name_candidates(p, self.index))
            if met:
                return True
        return False


def _with_neighbours(members: list[int], concept: str, by_concept: dict[str, list[int]], taken: set[int],
                     appeals: list[Appeal], groups_of: dict[int, int], groups: dict[int, list[int]]) -> list[int]:
    """A spreading problem's appeals within its 48 hours, with those the area missed: the same
    problem at one of its places with no street read (长江紫都停电), and the repeats of its members
    in other words (华乐山庄整栋楼黑了). Only the appeals naming the problem and its members' repeat groups
    are looked at (not the whole window: a week of a large city has thousands of buckets)."""
    if not members:
        return members
    lo, hi = appeals[members[-1]].at - 2 * DAY, appeals[members[0]].at + 2 * DAY   # still one 48 hours
    names = {p for i in members for p in appeals[i].matter.places}
    # … and the areas they are said of (后湖 of 后湖街道惠民苑: 后湖大道边上的小区 is of it too)
    names |= {a for i in members for a in appeals[i].matter.areas if len(a) >= 2}
    own = {groups_of[i] for i in members if i in groups_of}
    named = _Names(names)
    out = set(members)
    for j in chain.from_iterable([by_concept.get(concept, ()), *(groups[g] for g in own)]):
        if j in out or j in taken or not lo <= appeals[j].at <= hi:
            continue
        m = appeals[j].matter
        if groups_of.get(j) in own or named.meet(m.places):
            out.add(j)
    return sorted(out, key=lambda i: appeals[i].at)


def _build(kind: str, members: list[int], appeals: list[Appeal], now: float, settings: Settings,
           lexicon: Lexicon, concepts: list[str] | None = None, words: list[str] | None = None) -> Hotspot:
    rows = [appeals[i] for i in members]
    matters = [a.matter for a in rows]
    heat, comp = heat_of(rows, now, settings)
    places = _main_places(matters)
    concepts = concepts if concepts is not None or words else _main_concepts(matters, lexicon)
    concepts = concepts or []
    spot = Hotspot(kind=kind, members=sorted(members, key=lambda i: appeals[i].at), places=places,
                   concepts=concepts, appeals=len(rows), citizens=int(comp["citizens"]), votes=int(comp["votes"]),
                   urgent=int(comp["urgent"]), growth=int(comp["growth"]), heat=heat,
                   first_at=min(a.at for a in rows), last_at=max(a.at for a in rows), components=comp)
    named = _area_of(matters, places, concepts, settings, lexicon)
    shown = [named, *(p for p in places if p != named)] if named else places
    spot.description = _describe(kind, shown, concepts, spot.appeals, spot.citizens, spot.growth, lexicon, words,
                                 area=bool(named))
    area = next((m.street or m.district for m in matters if m.street or m.district), "") or ""
    what = "+".join(concepts) or "~" + "+".join(words or ())
    spot.signature = f"{kind}|{places[0] if kind == 'local' and places else area}|{what}"[:200]
    return spot


def _area_of(matters: list[Matter], places: list[str], concepts: list[str], settings: Settings,
             lexicon: Lexicon) -> str | None:
    """The area a hotspot of an area-wide problem or event (停电, 停水, 积水, 异味) is over, to name it by: a name
    its citizens say at the area's granularity — the street's own name (后湖街道, 金银湖这边), an area said alone
    (南湖这边), or that two or more of its places begin with (南湖山庄 / 南湖宝安花园), or an area of
    ``[hotspots.areas]`` (钢都花园 / 红钢城) — said by two of its appeals or more and by half of those that name a
    place or more. None for a hotspot at one place (two thirds of its appeals name it), or of another problem (a road's works, a school's gate).
    (w21-hot)"""
    if not concepts or not places:
        return None
    events = set(settings.get("hotspots", "events", {}) or {})
    if concepts[0] not in _outages(lexicon) | events:
        return None
    cores = {_area_head(p) for m in matters for p in m.places}
    aliases = _area_aliases(settings)
    said: Counter[str] = Counter()
    naming = 0
    for m in matters:
        own = set(m.places + m.areas + m.street_said)
        if not own:
            continue
        naming += 1
        names = {_street_name(n) for n in m.street_said}
        # (an area two of the hotspot's places begin with, 南湖山庄 / 南湖宝安花园, that the gazetteer knows as a
        # street or landmark or that is 3 characters or more: not 常青 of 常青花园 / 常青花园三区, one estate)
        names |= {a for a in m.areas if len(a) >= 2 and (a in m.places or _known_area(a) and sum(
            1 for c in cores if c.startswith(a) and c != a) >= 2)}
        names |= {a[1:] for a in _areas_named(own, aliases)}
        said.update({n for n in names if len(n) >= 2})
    # (a hotspot two thirds of whose citizens name one place is at that place: 西北湖小区停水, 民意小区停水)
    if not said or 3 * sum(1 for m in matters if places[0] in m.places) >= 2 * naming:
        return None
    best, n = max(said.items(), key=lambda kv: (kv[1], -len(kv[0])))
    return best if n >= 2 and 2 * n >= naming and best != places[0] else None


def _known_area(name: str) -> bool:
    """Whether the gazetteer knows ``name`` as a street or landmark (南湖, 四新), or it is 3 characters or more."""
    from insight.places import default_gazetteer

    return len(name) >= 3 or any(c.kind in ("street", "landmark") for c in default_gazetteer().entries.get(name, ()))


def _street_name(name: str) -> str:
    """A street's name without the word for a street office (后湖街 / 后湖街道 → 后湖)."""
    for tail in ("街道", "街"):
        if name.endswith(tail) and len(name) - len(tail) >= 2:
            return name[:-len(tail)]
    return name


def label_rows(appeals: list[Appeal], spots: Iterable[Hotspot]) -> list[tuple[int | None, float | None]]:
    """(hotspot number, heat) per appeal, for the CLI; numbers follow the heat order, from 1."""
    out: list[tuple[int | None, float | None]] = [(None, None)] * len(appeals)
    for n, spot in enumerate(spots, start=1):
        for i in spot.members:
            out[i] = (n, spot.heat)
    return out


def _line_bursts(idx: list[int], taken: set[int], appeals: list[Appeal], settings: Settings, lexicon: Lexicon,
                 days: float) -> list[tuple[list[int], str]]:
    """One metro line's riders within ``line_hours``, wherever they stand (被困在隧道里, 一直不来, 恢复了没有):
    ``city_min_appeals`` or more appeals left over naming the line and no problem the concepts know beyond
    ``line_concepts`` (等车, 堵), ``city_ratio`` times or more its rate over the window, from ``min_citizens``
    or more citizens, are one breakdown of the line, however each tells it. A line's standing complaints (its
    air conditioning, its last train) name their problem or come days apart. (0 hours: off; thirteenth wave)"""
    hours = float(settings.get("hotspots", "line_hours", 0) or 0)
    if hours <= 0:
        return []
    need, ratio, min_citizens = _city_limits(settings)
    allowed = set(settings.get("hotspots", "line_concepts", []) or []) | lexicon.modifiers()
    every: Counter[str] = Counter()
    left: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        m = appeals[i].matter
        line = m.line
        if line is None:
            continue
        every[line] += 1
        if i not in taken and m.concepts <= allowed:
            left[line].append(i)
    out: list[tuple[list[int], str]] = []
    # the city-wide rate test (_CityPick) without its wording test: riders tell one breakdown in any words
    pick = _CityPick(appeals, hours, days, need, ratio, min_citizens, set(), out, wording=False)
    for line in sorted(left, key=lambda k: (-len(left[k]), k)):
        before = len(out)
        pick(left[line], every[line], line)
        if len(out) > before:
            recent = out[-1][0]
            # … with the appeals within its hours at a station its riders name, said as a station (宝通寺站限流了,
            # 王家湾站封站了吗) and naming no other problem: the line's crowd at its stations
            stops = {p for i in recent for p in appeals[i].matter.places}
            lo, hi = appeals[recent[0]].at - hours * 3600, appeals[recent[-1]].at + hours * 3600
            recent += [j for j in idx if j not in taken and j not in recent and lo <= appeals[j].at <= hi
                       and appeals[j].matter.line is None and appeals[j].matter.places
                       and appeals[j].matter.places[0] in stops and appeals[j].matter.concepts <= allowed
                       and "站" in appeals[j].matter.residual and not any(j in o for o, _ in out)]
    return out


def _line_spot(members: list[int], line: str, appeals: list[Appeal], now: float, settings: Settings,
               lexicon: Lexicon) -> Hotspot:
    spot = _build("spread", members, appeals, now, settings, lexicon, words=[line])
    spot.description = _describe("spread", ["地铁" + line], [], spot.appeals, spot.citizens, spot.growth, lexicon, [line])
    return spot


def _along_road(found: list[Hotspot], idx: list[int], taken: set[int], appeals: list[Appeal], now: float,
                settings: Settings, lexicon: Lexicon) -> list[Hotspot]:
    """One road's works over the window, told by what each citizen met of them (工地夜里施工 / 渣土车半夜
    过 / 撒得满地是土 / 扬尘): the local hotspots at one road that name a problem of ``works_family`` and the
    appeals left over at that road that name one are one matter, however many days apart (a site's trucks run
    along its road all week; the repeat grouping splits them by their words). ``steady_min_appeals`` or more
    from ``min_citizens`` or more citizens. (empty family: off; thirteenth wave)"""
    family = set(settings.get("hotspots", "works_family", []) or [])
    need = int(settings.get("hotspots", "steady_min_appeals", 0) or 0)
    min_citizens = int(settings.get("hotspots", "min_citizens", 2))
    if not family or need <= 0:
        return found

    def road_of(members: list[int]) -> str | None:
        heads = Counter(appeals[i].matter.places[0] for i in members if appeals[i].matter.places)
        if not heads:
            return None
        head, n = min(heads.items(), key=lambda kv: (-kv[1], kv[0]))
        return head if n * 2 > len(members) and len(head) >= 3 and head.endswith(_ROAD_TAILS) else None

    spots_at: dict[str, list[int]] = defaultdict(list)
    for n, spot in enumerate(found):
        if spot.kind == "local" and family & set(spot.concepts):
            road = road_of(spot.members)
            if road:
                spots_at[road].append(n)
    # the places its appeals name beside the road (武珞路阅马场那段: 阅马场), a landmark on it where the works are: an
    # appeal at that landmark alone telling the works is at the road (阅马场晚上还在用电镐破路面; w23-hot)
    beside: dict[str, set[str]] = defaultdict(set)
    telling = {i for n in chain.from_iterable(spots_at.values()) for i in found[n].members} | \
        {i for i in idx if i not in taken and (appeals[i].matter.concepts & family
                                               or _CLOSED.search(appeals[i].matter.residual))}
    for i in telling:
        places = appeals[i].matter.places
        for road in (p for p in places if len(p) >= 3 and p.endswith(_ROAD_TAILS)):
            for q in places:
                if len(q) >= 3 and not q.endswith(_ROAD_TAILS):
                    beside[q].add(road)
    left_at: dict[str, list[int]] = defaultdict(list)
    effect_at: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        m = appeals[i].matter
        # (… or that say the road closed, 封了两条车道 / 围挡 / 改道, where works hotspots are at that road: the
        # works' own closure told by those who pass; nineteenth wave)
        # (… or that say what works do to a stop, a shop or the road, 公交站挪走了 / 挖了个大坑 / 门口被挡住生意没了, where
        # works hotspots are at that road: the works told by their effects; w22-hot)
        if i in taken or not m.places:
            continue
        closed, effect = bool(_CLOSED.search(m.residual)), _works_effect(m, lexicon)
        if m.concepts & family or closed or effect:
            roads = {p for p in m.places if len(p) >= 3 and p.endswith(_ROAD_TAILS)}
            if not roads:
                ways = {r for q in m.places for r in beside.get(q, ())}
                roads = ways if len(ways) == 1 else roads
            for road in roads:
                if m.concepts & family or (closed and road in spots_at):
                    left_at[road].append(i)
                elif effect:
                    effect_at[road].append(i)
    for road, told in effect_at.items():
        if road in spots_at or road in left_at:
            left_at[road] = sorted(left_at[road] + told)
    gone: set[int] = set()
    made: list[Hotspot] = []
    for road in sorted(set(spots_at) | set(left_at), key=lambda r: (-len(left_at.get(r, ())), r)):
        spots = [n for n in spots_at.get(road, []) if n not in gone]
        extra = [i for i in left_at.get(road, []) if i not in taken]
        members = sorted({i for n in spots for i in found[n].members} | set(extra), key=lambda i: appeals[i].at)
        if len(spots) + len(extra) < 2 or len(members) < need or not _enough_citizens(members, appeals, min_citizens):
            continue
        gone.update(spots)
        taken.update(extra)
        made.append(_build("local", members, appeals, now, settings, lexicon))
    return [s for n, s in enumerate(found) if n not in gone] + made


# what a road's works do to those at the road: a stop moved (公交站被挪到好远 / 站搬哪去了), a pit dug (挖了个深坑 / 那个
# 坑还在), a shop's door blocked or its trade lost (门口被围住了 / 生意做不下去 / 营业额掉了), the pavement closed
_WORKS_EFFECT = re.compile(r"站[^，。！？\s]{0,6}(?:挪|移|搬|迁|撤走)|(?:挪|移|搬|迁)[^，。！？\s]{0,4}站|"
                           r"挖[了出]?[^，。！？\s]{0,3}坑|那个坑|大坑|深坑|"
                           r"门口[^，。！？\s]{0,2}被[^，。！？\s]{0,3}(?:挡|围|堵|封)|(?:挡|围)着?(?:门面|店面|铺面)|"
                           r"生意[^，。！？\s]{0,3}(?:做不|没了|掉|差)|营业额|客人进不来|顾客进不来|一个客人都没|"
                           r"人行道[^，。！？\s]{0,3}(?:封|围|挖|断)")
# … told with no problem beyond these (the stop's bus, the pit, the shop, the night it was dug at): a shop's own
# fumes or a driver's manners at that road are other matters
# (… and a pit left unlit at night, 挖了个深坑晚上没灯: the works' pit, not the street lamps; w23-hot)
_WORKS_EFFECT_CONCEPTS = frozenset({"bus", "road_damage", "eatery", "shop", "night", "crosswalk", "traffic_jam",
                                    "streetlight"})


# works on the roads, however they are told (修路, 围挡, 封了半幅, 绕行, 车都绕过来了)
_ROAD_WORKS = re.compile(r"修路|挖路|路[^，。？！]{0,4}挖|围挡|围起来|" + _CLOSED.pattern + r"|绕过来|绕过去")


def _area_name(name: str) -> bool:
    """Whether the gazetteer knows ``name`` (2 to 4 characters) as a street or a landmark's area (四新, 光谷), no road."""
    from insight.places import default_gazetteer

    return 2 <= len(name) <= 4 and not name.endswith(_ROAD_TAILS) and \
        any(c.kind in ("street", "landmark") for c in default_gazetteer().entries.get(name, ()))


def _works_in_area(idx: list[int], taken: set[int], appeals: list[Appeal], now: float, settings: Settings,
                   lexicon: Lexicon) -> list[Hotspot]:
    """Road works over an area, told by the area's name (四新那边在修路吗, 光谷施工闹的) and by the roads around it and
    their detours (江城大道封了半幅, 鲁磨路车全绕过来了): the appeals left over within ``area_works_hours`` of one
    naming the area as its place that name the works on the roads (施工, and 修路 / 围挡 / 封 / 绕) and say the area
    in their words or their places' names (光谷广场), ``area_works_min_appeals`` or more from as many citizens at two
    places or more, are one hotspot. A site's own noise says no road works; works at one road are _along_road's.
    (0: off; w30-hot)"""
    hours = float(settings.get("hotspots", "area_works_hours", 0) or 0)
    need = int(settings.get("hotspots", "area_works_min_appeals", 0) or 0)
    if hours <= 0 or need <= 0:
        return []
    left = [i for i in idx if i not in taken and "construction" in appeals[i].matter.concepts
            and _ROAD_WORKS.search(appeals[i].matter.residual)]
    if len(left) < need:
        return []
    left.sort(key=lambda i: appeals[i].at)
    seeds: dict[str, list[int]] = defaultdict(list)
    for i in left:
        m = appeals[i].matter
        for name in {q for q in (*m.places[:1], *m.street_said) if _area_name(q)}:
            seeds[name].append(i)
    out = []
    for name in sorted(seeds, key=lambda q: (-len(seeds[q]), q)):
        lo = appeals[seeds[name][0]].at - hours * 3600
        hi = appeals[seeds[name][-1]].at + hours * 3600
        members = [i for i in left if i not in taken and lo <= appeals[i].at <= hi
                   and (name in appeals[i].matter.residual
                        or any(name in q for q in (*appeals[i].matter.places, *appeals[i].matter.street_said)))]
        heads = {appeals[i].matter.places[0] if appeals[i].matter.places else "" for i in members}
        if len(members) >= need and len(heads) >= 2 and _enough_citizens(members, appeals, need):
            spot = _build("spread", members, appeals, now, settings, lexicon, concepts=["construction"])
            spot.description = _describe("spread", [name], ["construction"], spot.appeals, spot.citizens,
                                         spot.growth, lexicon, area=True)
            out.append(spot)
            taken.update(members)
    return out


def _works_effect(m: Matter, lexicon: Lexicon) -> bool:
    """An appeal that tells what a road's works do (a stop moved, a pit, a shop's door blocked) and no other
    problem (w22-hot)."""
    return bool(_WORKS_EFFECT.search(m.residual)) and not (m.concepts - lexicon.modifiers() - _WORKS_EFFECT_CONCEPTS)


# a bus line's route changed, told from its stops (改线 / 改道 / 不停那个站了 / 绕到 / 站名变了 / 恢复原来的线路)
_ROUTE_CHANGED = re.compile(r"改[线道走]|绕到|绕[了道行路]|不[停走]|不经过|取消|撤[站了销]|站名|报站|恢复|改回|原来的?线路|"
                            r"原线路|路线|永久|临时|停运|停开|"
                            r"(?<![挤上])不进(?![去来])|对不上|线路图|"   # (不进后湖大道, 站跟实际跑的对不上: w22-hot2)
                            r"首班|头班|末班|最后一班|收车|班次|调整|不在[^，。？！]{0,10}停|"   # (its timetable: 末班车提前了, 首班推迟到七点; w27-hot)
                            r"[调缩]线|不(?:到|去)[^，。？！]{0,8}站|转车|终点")   # (703咋不到火车站了, 536缩线了吗, 要转车; w30-hot)
# a school gate's crossing danger, however it is told (斑马线, 红绿灯, 减速带, 护学岗, 车速太快, 差点被撞, 吓人)
_CROSSING_DANGER = re.compile(r"过马路|过街|斑马线|人行横道|红绿灯|信号灯|减速带|护学|交警|协管|车速|飞快|不减速|"
                              r"差点被|被[^，。！？\s]{0,4}[撞刮碰]|[撞刮碰]了|危险|吓人|吓死|提心吊胆|拿命")
# a bus line's buses failing, however it is told from its stops (坏在半路, 趴窝, 空调坏了, 过站不停, 一个小时没车) (w24-hot)
_LINE_FAILING = re.compile(r"坏|趴窝|故障|空调|不停|没车|不来")
_SCHOOL_TAIL = re.compile(r"(?:实验小学|附属小学|小学|中学|学校|幼儿园|附小|一小|二小|三小)$")
_ROAD_END = re.compile(r"(?:大道|大街|路|街)$")
# a school said without its name (学校门口, 那个小学, 送孩子, 接送, 放学): where a school's short name is all it gives
_SCHOOL_SAID = re.compile(r"学校|小学|中学|幼儿园|校门|送孩子|接孩子|接送|放学|上学|伢|学生")


def _lines_of(m: Matter) -> set[str]:
    """The bus lines an appeal names (公交578路线)."""
    return {p for p in m.places if LINE_NAME.match(p)}


def _metro_lines_of(m: Matter) -> set[str]:
    """The metro line an appeal names (地铁2号线 / 二号线), keyed apart from the bus lines. (w27-hot)"""
    return {"metro|" + m.line} if m.line else set()


def _schools_of(m: Matter) -> set[str]:
    """The schools an appeal names, keyed by their name's last two characters before the school's kind and its
    road's tail (崇仁路小学 / 崇仁小学 / 硚口崇仁路小学 → 崇仁|小学): one gate however the citizen names it."""
    out = set()
    for p in m.places:
        tail = _SCHOOL_TAIL.search(p)
        if tail:
            stem = _ROAD_END.sub("", p[:tail.start()])
            if len(stem) >= 2:
                out.add(stem[-2:] + "|" + tail.group())
    return out


def _said_at_one(found: list[Hotspot], idx: list[int], taken: set[int], appeals: list[Appeal], now: float,
                 settings: Settings, lexicon: Lexicon, keys_of, says: re.Pattern, concept: str,
                 short: bool = False, need: int = 0) -> list[Hotspot]:
    """One matter at one named thing (a bus line, a school's gate) over the window, told in words no concept ties
    (``says``): the local hotspots most of whose appeals name the thing and say it, with the appeals left over that
    name the thing and say it, are one hotspot — ``steady_min_appeals`` or more from ``min_citizens`` citizens or
    more. Another matter there (the line's driver, the school's canteen) says none of it and stays out. The hotspot
    is described by ``concept`` (公交线路调整, 过街). (w22-hot) ``need``: so many appeals instead, where above 0 (w30-hot)"""
    need = need or int(settings.get("hotspots", "steady_min_appeals", 0) or 0)
    min_citizens = int(settings.get("hotspots", "min_citizens", 2))
    if need <= 0:
        return found

    def telling(i: int) -> set[str]:
        m = appeals[i].matter
        # (the thing named first: most appeals of a week name no line and no school, and then their words, a long
        # letter's hundreds of characters, need no search — w23-speed)
        keys = keys_of(m)
        return keys if keys and says.search(m.residual) else set()

    spots_at: dict[str, list[int]] = defaultdict(list)
    for n, spot in enumerate(found):
        if spot.kind != "local":
            continue
        keys = Counter(chain.from_iterable(telling(i) for i in spot.members))
        if keys:
            key, k = min(keys.items(), key=lambda kv: (-kv[1], kv[0]))
            if k * 2 >= len(spot.members):   # (half: a line's other complaints grouped with it; w24-hot)
                spots_at[key].append(n)
    left_at: dict[str, list[int]] = defaultdict(list)
    unkeyed = []
    for i in idx:
        if i not in taken:
            for key in telling(i):
                left_at[key].append(i)
            if short and not keys_of(appeals[i].matter) and says.search(appeals[i].matter.residual):
                unkeyed.append(i)
    # (``short``: one that says it and names the thing by its short name alone, anywhere in its words, where others
    # name it in full — 送孩子去育才，门口过马路提心吊胆 beside 育才小学; 崇仁路那个小学 beside 崇仁路小学)
    stems = {k.split("|")[0]: k for k in set(spots_at) | set(left_at)}
    for i in unkeyed:
        m = appeals[i].matter
        said = [k for st, k in stems.items() if st in m.residual or any(st in _ROAD_END.sub("", p) for p in m.places)]
        if len(said) == 1 and _SCHOOL_SAID.search(m.residual):
            left_at[said[0]].append(i)
    gone: set[int] = set()
    made: list[Hotspot] = []
    for key in sorted(set(spots_at) | set(left_at), key=lambda k: (-len(left_at.get(k, ())), k)):
        spots = [n for n in spots_at.get(key, []) if n not in gone]
        extra = [i for i in left_at.get(key, []) if i not in taken]
        # (of a hotspot taken in, the appeals that say it: a stop's leaking shelter beside the line's change stays out)
        members = sorted({i for n in spots for i in found[n].members if key in telling(i)} | set(extra),
                         key=lambda i: appeals[i].at)
        # (… or two hotspots of it, one with the line's other complaints grouped in: w24-hot)
        if (not extra and len(spots) < 2) or len(members) < need or not _enough_citizens(members, appeals, min_citizens):
            continue
        gone.update(spots)
        taken.update(extra)
        taken.difference_update({i for n in spots for i in found[n].members} - set(members))
        made.append(_build("local", members, appeals, now, settings, lexicon, concepts=[concept]))
    return [s for n, s in enumerate(found) if n not in gone] + made


def _taking(spot: Hotspot, idx: list[int], taken: set[int], appeals: list[Appeal], now: float, settings: Settings,
            lexicon: Lexicon, fits, days_after: float = 1.0) -> Hotspot:
    """``spot`` with the appeals left over that ``fits`` (their matter) from a day before it to ``days_after`` days
    after it, taken. (w22-hot2)"""
    extra = [j for j in idx if j not in taken and spot.first_at - DAY <= appeals[j].at <= spot.last_at + days_after * DAY
             and fits(appeals[j].matter)]
    if not extra:
        return spot
    taken.update(extra)
    return _build(spot.kind, spot.members + extra, appeals, now, settings, lexicon, concepts=spot.concepts)


def _line_stops(found: list[Hotspot], idx: list[int], taken: set[int], appeals: list[Appeal], now: float,
                settings: Settings, lexicon: Lexicon) -> list[Hotspot]:
    """A bus line's change (a hotspot described 公交线路调整) takes the appeals left over within its days that name
    one of the stops its appeals name beside the line (百步亭花园, not a road) and say the change, naming no line
    and no problem but the bus: 591那个车现在到底停不停百步亭 / 百步亭那个站591不停了 beside 591路不停百步亭花园站了
    — the line said by its bare number, which the place reader drops. Another matter at the stop (绿化带种菜, 电梯坏了)
    says no change and stays out. (w22-hot2)"""
    out = []
    for spot in found:
        if spot.kind != "local" or spot.concepts != ["bus_route"]:
            out.append(spot)
            continue
        stops = {p for i in spot.members for p in appeals[i].matter.places
                 if not LINE_NAME.match(p) and not _ROAD_END.search(p) and _lines_of(appeals[i].matter)}
        if not stops:
            out.append(spot)
            continue
        named = _Names(stops)
        heads = {h for h in map(_area_head, stops) if len(h) >= 3}     # (百步亭 for 百步亭花园)

        def fits(m: Matter, named=named, heads=heads) -> bool:
            return not _lines_of(m) and m.concepts <= {"bus", "bus_route"} and bool(_ROUTE_CHANGED.search(m.residual)) \
                and (named.meet(m.places) or any(p in heads or _area_head(p) in heads for p in m.places))
        out.append(_taking(spot, idx, taken, appeals, now, settings, lexicon, fits, days_after=3))
    return out


def _smell_namesake(found: list[Hotspot], idx: list[int], taken: set[int], appeals: list[Appeal], now: float,
                    settings: Settings, lexicon: Lexicon) -> list[Hotspot]:
    """A smell over an area told night after night (a hotspot led by 异味) takes the appeals of that smell left over
    within its days whose only "where" is a street's name its appeals name as their place (北湖街道这边夜里难闻 beside
    青山北湖晚上刺鼻): the gazetteer read the name as another district's street of that name (江汉's 北湖), but the
    citizen, saying no district, means the area the smell is over. One that says its district, names a place of its
    own or names another problem stays out. (w22-hot2)"""
    district_said = _district_said(settings)
    out = []
    for spot in found:
        if not spot.concepts or spot.concepts[0] != "odor":
            out.append(spot)
            continue
        ms = [appeals[i].matter for i in spot.members]
        districts = {_district_of(m) for m in ms} - {None}
        names = {p for m in ms for p in m.places if len(p) >= 2}

        def fits(m: Matter, districts=districts, names=names) -> bool:
            return not m.places and bool(set(m.street_said) & names) and _district_of(m) not in districts | {None} \
                and "odor" in m.concepts and not _problems(m, lexicon) - {"odor", "pollution", "burning"} \
                and not district_said.search(m.residual)
        out.append(_taking(spot, idx, taken, appeals, now, settings, lexicon, fits))
    return out


# visitors crowding a spot on its days out (游客太多, 周末人多, 节假日)
_VISITORS = re.compile(r"游客|景区|风景区|周末|节假日|假期|黄金周|五一|国庆|人太多|人挤人|太挤")
_VISITOR_CARS = frozenset({"parking", "traffic_jam"})


def _visitor_cars(found: list[Hotspot], idx: list[int], taken: set[int], appeals: list[Appeal], now: float,
                  settings: Settings, lexicon: Lexicon) -> list[Hotspot]:
    """A spot's visitors' cars (a hotspot of parking or jams at one place, one of whose appeals says the visitors:
    磨山周末游客太多，停车场进不去) are told as jams on the way in and as cars parked along its roads: it takes the
    appeals left over within its days that name only jams or parking and name the spot, as a place of theirs or in
    their words (今天磨山又堵了，东湖路上全是找停车位的车). Another matter there (门票, 厕所) names neither and stays out;
    a jam elsewhere names no spot. (w22-hot2)"""
    mods = lexicon.modifiers()
    out = []
    for spot in found:
        ms = [appeals[i].matter for i in spot.members]
        main = [c for c in spot.concepts if c not in mods][:1]
        if spot.kind != "local" or main not in (["parking"], ["traffic_jam"]) or \
                not any(_VISITORS.search(m.residual) for m in ms):
            out.append(spot)
            continue
        names = {p for m in ms for p in m.places if len(p) >= 2 and not _ROAD_END.search(p)}
        if not names:
            out.append(spot)
            continue
        named = _Names(names)

        def fits(m: Matter, named=named, names=names) -> bool:
            problems = m.concepts - mods
            return bool(problems) and problems <= _VISITOR_CARS and \
                (named.meet(m.places) or any(p in m.residual for p in names))
        out.append(_taking(spot, idx, taken, appeals, now, settings, lexicon, fits))
    return out


# an event that draws a crowd to one venue, as citizens name it (演唱会, 音乐节, 散场, 球赛)
# … or a show, a fair or a race that fills the streets round it (灯光秀, 烟花, 跨年, 马拉松, 灯会, 庙会; w23-hot)
_EVENT_CROWD = re.compile(r"演唱会|音乐会|音乐节|歌友会|散场|球赛|比赛散|开演|演出|灯光秀|烟花|焰火|跨年|马拉松|灯会|庙会|展会")
# the few hours a night's event and its crowds span
_EVENT_HOURS = 6.0


def _event_crowds(found: list[Hotspot], idx: list[int], taken: set[int], appeals: list[Appeal], now: float,
                  settings: Settings, lexicon: Lexicon) -> list[Hotspot]:
    """One event's crowds at one venue (a concert at 体育中心) are told as jams, parking on the pavement, noise into
    the night, a packed metro station and no taxis: each a problem of its own, one matter. The appeals that say the
    event (演唱会, 散场) and name a place one of them names beside it (体育中心 / 经开体育中心), with those within its
    hours naming no place or none that another venue's appeals name, are one hotspot with the local hotspots most of
    whose appeals say it there. Appeals at the venue that do not say the event (a parking fee, a lost manhole cover)
    stay out. (w22-hot2)"""
    need = int(settings.get("hotspots", "steady_min_appeals", 0) or 0)
    min_citizens = int(settings.get("hotspots", "min_citizens", 2))
    if need <= 0:
        return found
    telling = [i for i in idx if _EVENT_CROWD.search(appeals[i].matter.residual)]
    if len(telling) < need:
        return found + _event_unplaced(idx, taken, appeals, now, settings, lexicon, need, min_citizens)
    # venues: the non-road places the telling appeals name, joined when one's name holds the other's
    venues: dict[str, list[int]] = defaultdict(list)
    roads: dict[str, list[int]] = defaultdict(list)
    # (… a venue in an area of [hotspots.areas] is at that area, however it is named: 光谷体育中心 / 东湖高新 / 光谷,
    # an area's name of two characters too; w23-hot)
    aliases = _area_aliases(settings)
    for i in telling:
        own = [p for p in appeals[i].matter.places if not _ROAD_END.search(p) and
               (len(p) >= 3 or _areas_named([p], aliases))]
        for p in own:
            venues[p].append(i)
        # (… or, where it names none but a road, the road: 灯光秀 … 沿江大道堵死了, the crowd's road — where no venue
        # is told within its hours: 散场 … 车城大道 of a concert at 体育中心 is of that venue; w23-hot)
        for p in [] if own else [p for p in appeals[i].matter.places if len(p) >= 3]:
            roads[p].append(i)
    for road, rows in roads.items():
        if len(rows) >= 2 and not any(len(v) >= 2 and abs(appeals[i].at - appeals[k].at) <= _EVENT_HOURS * 3600
                                      for v in venues.values() for i in v for k in rows):
            venues[road] = rows
    heads = sorted(venues, key=len)
    root = {}
    for p in heads:
        root[p] = next((q for q in heads if len(q) < len(p) and root.get(q) == q and q in p), p)
    by_venue: dict[str, set[int]] = defaultdict(set)
    names: dict[str, set[str]] = defaultdict(set)
    for p, rows in venues.items():
        by_venue[root[p]].update(rows)
        names[root[p]].add(root[p])
    # (… the venues one area of [hotspots.areas] holds, one venue: 光谷体育中心 / 东湖高新 / 光谷; w23-hot)
    by_area: dict[str, list[str]] = defaultdict(list)
    for v in sorted(by_venue, key=lambda v: (-len(by_venue[v]), v)):
        area = _areas_named([v], aliases)
        if len(area) == 1:
            by_area[next(iter(area))].append(v)
    for vs in by_area.values():
        for v in vs[1:]:
            by_venue[vs[0]] |= by_venue.pop(v)
            names[vs[0]] |= names.pop(v)
    # (one appeal naming a place of its own — 三号线地铁站 — is at the venue when it says the venue's name too)
    for venue, rows in list(by_venue.items()):
        if len(rows) == 1:
            i = next(iter(rows))
            home = next((v for v, r in by_venue.items() if len(r) >= 2 and
                         any(n in appeals[i].matter.residual for n in names[v])), None)
            if home:
                by_venue[home].add(i)
                del by_venue[venue]
    placed = {i for rows in by_venue.values() for i in rows}
    made: list[Hotspot] = []
    gone: set[int] = set()
    for _venue, rows in sorted(by_venue.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if len(rows) < 2:
            continue
        districts = Counter(appeals[i].matter.district for i in rows if appeals[i].matter.district)
        home = districts.most_common(1)[0][0] if districts else None
        # (… telling what the crowd does: a question about the event, 灯光秀几点开始, is no crowd's; w23-hot)
        near = [i for i in telling if i not in placed and (home is None or appeals[i].matter.district in (None, home))
                and _problems(appeals[i].matter, lexicon)
                and any(abs(appeals[i].at - appeals[k].at) <= _EVENT_HOURS * 3600 for k in rows)]
        members = set(rows) | set(near)
        spots = [n for n, spot in enumerate(found) if n not in gone and spot.kind == "local"
                 and sum(i in members for i in spot.members) * 2 > len(spot.members)]
        members |= {i for n in spots for i in found[n].members}
        members = sorted(i for i in members if i not in taken or any(i in found[n].members for n in spots))
        if len(members) < need or not _enough_citizens(members, appeals, min_citizens):
            continue
        gone.update(spots)
        taken.update(members)
        placed.update(members)
        said = Counter(m.group() for i in members for m in [_EVENT_CROWD.search(appeals[i].matter.residual)] if m)
        word = min(said.items(), key=lambda kv: (-kv[1], kv[0]))[0]     # (described by the event: 体育中心“演唱会”)
        made.append(_build("local", members, appeals, now, settings, lexicon, words=[word]))
    made += _event_unplaced(idx, taken, appeals, now, settings, lexicon, need, min_citizens)
    return [s for n, s in enumerate(found) if n not in gone] + made


def _event_unplaced(idx: list[int], taken: set[int], appeals: list[Appeal], now: float, settings: Settings,
                    lexicon: Lexicon, need: int, min_citizens: int) -> list[Hotspot]:
    """An event held over the city's roads rather than at one venue (马拉松封路 told at the station, the bridge, the
    riverside road): the appeals left over that say one event's word within ``_EVENT_HOURS`` twice over, ``need`` or
    more from ``min_citizens`` citizens, two or more telling what it does (封路, 堵, 垃圾), are one hotspot. (w29-hot)"""
    by_word: dict[str, list[int]] = defaultdict(list)
    for i in idx:     # (its word is often read into a place's name: 武汉马拉松封路, 樱花节东湖风景区)
        if i not in taken and (said := _EVENT_CROWD.search(_said_in_full(appeals[i].matter))):
            by_word[said.group()].append(i)
    made = []
    for word, rows in sorted(by_word.items()):
        rows.sort(key=lambda i: appeals[i].at)
        for start in range(len(rows)):
            members = [i for i in rows[start:] if appeals[i].at - appeals[rows[start]].at <= 2 * _EVENT_HOURS * 3600]
            told = sum(1 for i in members if _problems(appeals[i].matter, lexicon)
                       or _CLOSED_EFFECT.search(appeals[i].matter.residual))
            if len(members) >= need and told >= 2 and _enough_citizens(members, appeals, min_citizens):
                taken.update(members)
                spot = _build("spread", members, appeals, now, settings, lexicon, words=[word])
                spot.description = _describe("spread", ["全市"], [], spot.appeals, spot.citizens, spot.growth,
                                             lexicon, [word])
                made.append(spot)
                break
    return made


# a market, as its place's name says (塔子湖菜市场, 大成路菜场, 北湖农贸市场)
_MARKET = re.compile(r"(?:菜市场|菜场|农贸市场|市场)$")
# what a market's stalls leave behind on its street: its rubbish, waste water, smell and vermin
_MARKET_MESS = frozenset({"garbage", "sewage", "odor", "pests", "flies", "dumping"})   # (倒在路边: w23-hot)


def _market_mess(found: list[Hotspot], idx: list[int], taken: set[int], appeals: list[Appeal], now: float,
                 settings: Settings, lexicon: Lexicon) -> list[Hotspot]:
    """A hotspot of stalls spilling out at one market (摊贩占道, 摆到人行道上) takes the appeals left over at that
    market within the window that name only what stalls leave behind (烂菜叶子满地, 污水顺着马路流, 老鼠到处跑): a
    market's disorder growing over the week, told by what each citizen met of it. One way only: a market's rubbish
    hotspot takes no stalls (w22-hot)."""
    mods = lexicon.modifiers()
    out = []
    for spot in found:
        names = {p for i in spot.members for p in appeals[i].matter.places if _MARKET.search(p)}
        if spot.kind != "local" or not spot.concepts or spot.concepts[0] != "stall" or not names:
            out.append(spot)
            continue
        named = _Names(names)
        extra = []
        for j in idx:
            m = appeals[j].matter
            problems = m.concepts - mods
            if j in taken or not problems or not problems <= _MARKET_MESS or not named.meet(m.places):
                continue
            if spot.first_at - DAY <= appeals[j].at <= spot.last_at + DAY:
                extra.append(j)
        if extra:
            taken.update(extra)
            spot = _build(spot.kind, spot.members + extra, appeals, now, settings, lexicon, concepts=spot.concepts)
        out.append(spot)
    return out + _market_left(idx, taken, appeals, now, settings, lexicon)


# a market said in words (那个菜场, 菜市场门口), where the place read is its area's name alone (大东门)
_MARKET_SAID = re.compile(r"菜市场|菜场|农贸市场")
_MARKET_AFTER = re.compile(r"(?:^|\s)(?:菜市场|菜场|农贸市场)")


def _market_left(idx: list[int], taken: set[int], appeals: list[Appeal], now: float, settings: Settings,
                 lexicon: Lexicon) -> list[Hotspot]:
    """The appeals left over at one market over the window that tell its stalls spilling out or what they leave
    (占道, 污水横流, 垃圾堆成山, 臭) and nothing else — or, saying the market, no problem the concepts know
    (菜场越来越乱) — ``steady_min_appeals`` or more from ``min_citizens`` citizens, one of them at least telling the
    stalls: a market's disorder over the week, one hotspot, though no one of its problems is most of it (the
    stalls' hotspot :func:`_market_mess` grows from was never found). A stall's own dealing (缺斤少两, 过期) or
    another matter at the market stays out. The market is its name without its kind (大东门 of 大东门菜场); an
    appeal naming only that area joins where its words say the market. (w23-hot)"""
    need = int(settings.get("hotspots", "steady_min_appeals", 0) or 0)
    min_citizens = int(settings.get("hotspots", "min_citizens", 2))
    if need <= 0:
        return []
    mods = lexicon.modifiers()
    allowed = _MARKET_MESS | {"stall", "traffic_jam"}
    left = [j for j in idx if j not in taken]
    heads = {_MARKET.sub("", p) for j in left for p in appeals[j].matter.places if _MARKET.search(p)}
    # (… or a market named after its road, which the place reader reads as the road: 大兴路菜场 → 大兴路 and 菜场 left
    # right after its blank in the words)
    heads |= {appeals[j].matter.places[0] for j in left if len(appeals[j].matter.places) == 1
              and _MARKET_AFTER.search(appeals[j].matter.residual)}
    heads = {h for h in heads if len(h) >= 2}
    if not heads:
        return []
    at: dict[str, list[int]] = defaultdict(list)
    for j in left:
        m = appeals[j].matter
        problems = m.concepts - mods
        if problems - allowed or not (problems or _MARKET_SAID.search(m.residual)):
            continue
        if not any(_MARKET.search(p) for p in m.places) and not _MARKET_SAID.search(m.residual):
            continue
        said = heads & {_MARKET.sub("", p) for p in m.places}
        if len(said) == 1:
            at[next(iter(said))].append(j)
    out = []
    for head in sorted(at, key=lambda h: (-len(at[h]), h)):
        members = [j for j in at[head] if j not in taken]
        if len(members) < need or not _enough_citizens(members, appeals, min_citizens) or \
                not any("stall" in appeals[j].matter.concepts for j in members):
            continue
        taken.update(members)
        out.append(_build("local", members, appeals, now, settings, lexicon, concepts=["stall"]))
    return out


# … and more of what a closure does to those who pass or deliver (不让走, 拦了, 送不进来, 交通瘫痪)
_CLOSED_MORE = re.compile(_CLOSED_EFFECT.pattern + r"|不让[走过进开]|拦[了住着]|[送开走进拉]不进|进不来|走不通|瘫痪|恢复通行")


def _closure_reach(found: list[Hotspot], idx: list[int], taken: set[int], appeals: list[Appeal], now: float,
                   settings: Settings, lexicon: Lexicon) -> list[Hotspot]:
    """A local hotspot two or more of whose appeals say a road closed (封, 围, 改道, 绕) takes the appeals left
    over within ``kin_hours`` of it that name its place anywhere (汉阳大道钟家村路段, its road said first) and
    say what a closure does (不让走, 送不进来, 绕一大圈), whatever problem the concepts read in them (公交,
    快递): the closure is the matter. (0 hours: off; thirteenth wave)"""
    hours = float(settings.get("hotspots", "kin_hours", 0) or 0)
    if hours <= 0:
        return found
    # (… not one that names a fault of a thing of its own at the place: 树枝挡住了红绿灯 is the tree's; w23-hot)
    faults = _standing_faults(settings)
    rest = [j for j in idx if j not in taken and appeals[j].matter.places
            and _CLOSED_MORE.search(appeals[j].matter.residual) and not appeals[j].matter.concepts & faults]
    if not rest:
        return found
    out = []
    for spot in found:
        said = sum(1 for i in spot.members if _CLOSED.search(appeals[i].matter.residual))
        heads = Counter(appeals[i].matter.places[0] for i in spot.members if appeals[i].matter.places)
        head, n = min(heads.items(), key=lambda kv: (-kv[1], kv[0])) if heads else ("", 0)
        if spot.kind != "local" or said < 2 or n * 2 <= len(spot.members):   # (its one place, most say)
            out.append(spot)
            continue
        extra = [j for j in rest if j not in taken and head in appeals[j].matter.places
                 and spot.first_at - hours * 3600 <= appeals[j].at <= spot.last_at + hours * 3600]
        if extra:
            taken.update(extra)
            spot = _build(spot.kind, spot.members + extra, appeals, now, settings, lexicon)
        out.append(spot)
    return out


# a fault of one home, not of the area (我家一户没电了, 邻居家都有电, 楼上楼下都有电, 自家电表): no outage's appeal
_OWN_FAULT = re.compile(r"(?:只有|就|仅)(?:我家|我们家|我一家|我一户)|我家一户|(?:邻居|别人|楼上楼下|隔壁|左右)(?:家)?都有|"
                        r"(?:邻居|别人|楼上楼下|隔壁|左右|其他)(?:家|人家)?都(?:好好的|正常|没事|没问题)|自家|户内")  # (w24-hot)


# an outage said to be wider than one's own home or estate (这一片, 一带, 片区, 大面积, 附近几个小区, 我们这也没了)
# (问了邻居也一样: the neighbours' homes too); read in the places too, where the reader took 好几个小区 into one
_AREA_SAID = re.compile(r"这一?片|那一?片|一带|片区|整片|大面积|几个小区|周边|附近的?小区|(?:好|很)多地方|几个地方|到处|多处|[也又](?:没|停|断|黑)|"
                        r"(?:邻居|隔壁|楼上楼下)(?:家)?也")


def _says_area(m: Matter) -> bool:
    return bool(_AREA_SAID.search(m.residual) or any(_AREA_SAID.search(p) for p in m.places))


def _stem2(names: Iterable[str]) -> set[str]:
    return {n[:2] for n in names if len(n) >= 2}


def _area_aliases(settings: Settings) -> tuple[tuple[str, str], ...]:
    """(name, area) for each name of ``[hotspots.areas]``: the names of places one area covers (关山, 鲁巷 and
    东湖高新 are all 光谷), which the gazetteer does not tie."""
    areas = settings.get("hotspots", "areas", {}) or {}
    return tuple((name, area) for area, names in areas.items() for name in (area, *names))


def _areas_named(names: Iterable[str], aliases: tuple[tuple[str, str], ...]) -> set[str]:
    """The areas of ``[hotspots.areas]`` whose names begin any of ``names`` (关山大道, 东湖高新区 → 光谷)."""
    return {"@" + area for n in names for name, area in aliases if n.startswith(name)}


def _outage_reach(found: list[Hotspot], idx: list[int], taken: set[int], appeals: list[Appeal], now: float,
                  settings: Settings, lexicon: Lexicon) -> list[Hotspot]:
    """A hotspot of an area-wide utility problem (停电, 停水, 停气) takes the appeals of that problem left over
    within ``outage_hours`` of its own that lead with it, wherever they are in its district or where no district
    is read (复地海上海整个小区一片黑 / 烽胜路附近几个小区都没电, at estates and roads the gazetteer does not
    know): an outage over an area is told at each citizen's own estate. One whose district is read joins
    where it names a place or area sharing its first two characters with the hotspot's (白沙六路 / 白沙洲),
    or, in the hotspot's district, where it says the outage is wider than its home (这片, 一带, 大面积, 也没了:
    an estate's own outage beside it, 汉阳区某小区停电了, is another matter); one that says the fault is its own home's (我家一户, 邻居家都有电) never; one two such hotspots
    could take stays out. (0 hours: off; fifteenth wave)"""
    hours = float(settings.get("hotspots", "outage_hours", 0) or 0)
    if hours <= 0:
        return found
    areawide = _outages(lexicon)
    aliases = _area_aliases(settings)
    spots: list[tuple[int, str, set[str | None], set[str]]] = []
    for n, spot in enumerate(found):
        main = [c for c in spot.concepts if c in areawide][:1]
        if not main or (spot.concepts and spot.concepts[0] != main[0]):
            continue
        ms = [appeals[i].matter for i in spot.members]
        districts = {_district_of(m) for m in ms} - {None}
        said = list(chain.from_iterable(m.places + m.areas + m.street_said for m in ms))
        names = _stem2(said) | _areas_named(said, aliases)
        if districts or names:        # (a city-wide burst, 燃气缴费交不了, is at no place: not an area's outage)
            spots.append((n, main[0], districts, names))
    if not spots:
        return found
    wanted: dict[int, list[int]] = defaultdict(list)
    passing = lexicon.flagged("passing")
    for j in idx:
        if j in taken:
            continue
        m = appeals[j].matter
        problems = _problems(m, lexicon)
        if _OWN_FAULT.search(m.residual):
            continue
        district = _district_of(m)
        # (… or beside it only things an outage does, named first: 线路故障 / 路灯和住户都没电 read as a bus line's and a
        # street light's, concepts.toml ``passing``; w25-hot)
        aside = m.lead in passing
        for n, concept, districts, names in spots:
            spot = found[n]
            if concept not in problems or (m.lead != concept and problems != {concept}
                                           and not (aside and problems - {concept} <= passing)):
                continue
            if not spot.first_at - hours * 3600 <= appeals[j].at <= spot.last_at + hours * 3600:
                continue
            own = m.places + m.areas + m.street_said
            # (… or, in its district, one that names no place of its own at all, 新洲这边停电两个小时了: the district is
            # all it says of where, and the outage is there; w22-hot)
            if district is not None and not (_stem2(own) | _areas_named(own, aliases)) & names and \
                    (district not in districts or not (_says_area(m) or not (own or m.street))):
                continue
            wanted[j].append(n)
    extra: dict[int, list[int]] = defaultdict(list)
    for j, ns in wanted.items():
        if len(ns) == 1:
            extra[ns[0]].append(j)
    out = []
    for n, spot in enumerate(found):
        if extra.get(n):
            taken.update(extra[n])
            spot = _build(spot.kind, spot.members + extra[n], appeals, now, settings, lexicon, concepts=spot.concepts)
        out.append(spot)
    return out


def _outage_names(found: list[Hotspot], appeals: list[Appeal], now: float, settings: Settings,
                  lexicon: Lexicon) -> list[Hotspot]:
    """Two hotspots of one area-wide utility problem (停电, 停水, 停气) in one district that began within
    ``outage_merge_hours`` of each other and overlap in time, each with an appeal saying the outage is wider than
    its home (这一片, 大面积, 几个小区), are one outage told at two of the area's names (光谷 / 关山 / 东湖高新):
    the gazetteer knows no tie between such names. Not where a third such hotspot meets either of them.
    (0 hours: off; fifteenth wave)"""
    hours = float(settings.get("hotspots", "outage_merge_hours", 0) or 0)
    if hours <= 0:
        return found
    areawide = _outages(lexicon)
    aliases = _area_aliases(settings)
    keys: dict[int, tuple[str, str]] = {}
    named: dict[int, tuple[str, str]] = {}
    events = set(settings.get("hotspots", "events", {}) or {})
    for n, spot in enumerate(found):
        if not spot.concepts or spot.concepts[0] not in areawide | events:
            continue
        ms = [appeals[i].matter for i in spot.members]
        districts = {_district_of(m) for m in ms} - {None}
        if spot.concepts[0] in areawide and len(districts) == 1 and any(_says_area(m) for m in ms):
            keys[n] = (next(iter(districts)), spot.concepts[0])
        # … or each told at names of one area of [hotspots.areas] (光谷坐标城 / 关山大道), the most of its members
        # that name a place
        areas = Counter(a for m in ms for a in _areas_named(m.places + m.areas + m.street_said, aliases))
        if areas and 2 * areas.most_common(1)[0][1] > sum(1 for m in ms if m.places or m.areas or m.street_said):
            named[n] = (areas.most_common(1)[0][0], spot.concepts[0])

    def meet(a: Hotspot, b: Hotspot) -> bool:
        # (an event over an area, a smell told night after night, need only overlap)
        return (abs(a.first_at - b.first_at) <= hours * 3600 or a.concepts[0] in events) and \
            a.first_at <= b.last_at and b.first_at <= a.last_at

    pairs = {n: [o for o in keys if o != n and keys[o] == keys[n] and meet(found[o], found[n])] for n in keys}
    for n in named:
        pairs.setdefault(n, [])
        pairs[n] += [o for o in named if o != n and o not in pairs[n] and named[o] == named[n] and meet(found[o], found[n])]
    # (only two such hotspots, each meeting the other alone: with three at once in one district, which outages
    # are one is anyone's guess)
    joined = {n: os[0] for n, os in pairs.items() if len(os) == 1 and pairs[os[0]] == [n] and os[0] < n}
    if not joined:
        return found
    out = []
    for n, spot in enumerate(found):
        if n in joined:
            continue
        extra = [i for m, o in joined.items() if o == n for i in found[m].members]
        if extra:
            spot = _build(spot.kind if spot.kind == "spread" else "spread", spot.members + extra, appeals, now,
                          settings, lexicon, concepts=spot.concepts)
        out.append(spot)
    return out


def _outage_again(found: list[Hotspot], idx: list[int], taken: set[int], appeals: list[Appeal], now: float,
                  settings: Settings, lexicon: Lexicon) -> list[Hotspot]:
    """An area's outage (a hotspot led by 停电, 停水, 停气) tells the area's names (七里庙, 五里新村, 七里晴川小区): the
    appeals left over that lead with that outage ``episode_gap_hours`` or more after it ended, within
    ``outage_seed_hours`` of each other, naming one of its places or areas or no place at all (and no other district),
    ``min_appeals`` or more from ``min_citizens`` citizens, two or more naming its places, are the area out again —
    a hotspot of their own, not the first one's; with them those within their hours at its places that name no
    problem (又黑了). (0 gap hours: off; w23-hot)"""
    gap = _episode_gap(settings)
    if gap <= 0:
        return found
    hours = float(settings.get("hotspots", "outage_seed_hours", 6) or 6)
    need = int(settings.get("hotspots", "min_appeals", 3))
    min_citizens = int(settings.get("hotspots", "min_citizens", 2))
    areawide = _outages(lexicon)
    made: list[Hotspot] = []
    # (w29-spd) the window's appeals that lead with each outage (no home's own fault), and those naming no problem,
    # found once per call (in the window's order), not once per hotspot: a week of a city has a hundred outages
    leading: dict[str, list[int]] = {}
    bare: list[int] | None = None
    for spot in found:
        concept = spot.concepts[0] if spot.concepts else None
        if concept not in areawide:
            continue
        ms = [appeals[i].matter for i in spot.members]
        names = {q for m in ms for q in m.places + m.areas + m.street_said if len(q) >= 2 and q not in GENERIC_PLACE}
        districts = {_district_of(m) for m in ms} - {None}
        if not names:
            continue
        named = _Names(names)

        def at_its_places(m: Matter, named=named) -> bool:
            return named.meet(m.places + m.areas + m.street_said)

        if concept not in leading:
            leading[concept] = [j for j in idx if (appeals[j].matter.lead == concept
                                                   or _problems(appeals[j].matter, lexicon) == {concept})
                                and not _OWN_FAULT.search(appeals[j].matter.residual)]
        after = spot.last_at + gap
        told = [j for j in leading[concept] if j not in taken and appeals[j].at >= after
                and (at_its_places(appeals[j].matter) or not appeals[j].matter.places
                     and _district_of(appeals[j].matter) in districts | {None})]
        best = _busiest(sorted(told, key=lambda j: appeals[j].at), appeals, hours)
        if len(best) < need or sum(1 for j in best if at_its_places(appeals[j].matter)) < 2:
            continue
        lo, hi = appeals[best[0]].at - hours * 3600, appeals[best[-1]].at + hours * 3600
        if bare is None:
            bare = [j for j in idx if not _problems(appeals[j].matter, lexicon)]
        best += [j for j in bare if j not in taken and appeals[j].at >= after and j not in best
                 and lo <= appeals[j].at <= hi and at_its_places(appeals[j].matter)]
        if not _enough_citizens(best, appeals, min_citizens):
            continue
        taken.update(best)
        made.append(_build(spot.kind, best, appeals, now, settings, lexicon, concepts=[concept]))
    return found + made


def _district_outages(idx: list[int], taken: set[int], appeals: list[Appeal], settings: Settings,
                      lexicon: Lexicon, unplaced: bool = False) -> list[tuple[list[int], str]]:
    """The leftover appeals of one district (said, or that of a road or landmark they name) that lead with one
    area-wide utility problem (停电, 停水, 停气): the busiest ``outage_seed_hours`` of them, ``outage_min_appeals``
    or more from as many citizens less one, at ``spread_min_places`` or more places or areas (told by their
    first two characters), two or more of which say the outage is wider than their home (这一片, 一带, 好几个小区,
    也没了): one outage over the district's estates. A home's own fault (我家一户) is never one of them.
    (0 appeals: off; fifteenth wave)"""
    need = int(settings.get("hotspots", "outage_min_appeals", 0) or 0)
    if need <= 0:
        return []
    hours = float(settings.get("hotspots", "outage_seed_hours", 6) or 6)
    min_places = int(settings.get("hotspots", "spread_min_places", 3))
    areawide = _outages(lexicon)
    # a storm's flooding, a smell over an area (told by its own words: 下水道冒水 / 烧焦味 / 化工厂偷排)
    events = {c: {c, *told} for c, told in (settings.get("hotspots", "events", {}) or {}).items()}
    event_need = int(settings.get("hotspots", "event_min_appeals", 0) or 0)
    event_hours = float(settings.get("hotspots", "event_hours", 0) or 0)
    effects = set(settings.get("hotspots", "event_effects", []) or [])
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    nowhere: dict[str, list[int]] = defaultdict(list)
    for i in idx:
        m = appeals[i].matter
        if i in taken or _OWN_FAULT.search(m.residual):
            continue
        problems = _problems(m, lexicon)
        lead = m.lead if m.lead in areawide else (next(iter(problems)) if len(problems) == 1 else None)
        # (led by the event itself; by what it is told by — 下水道, 烧 — only in words that tell the event: a
        # drain blocked for days, 下水道堵了污水臭, is a matter of its own)
        event = next((c for c, told in events.items() if m.lead == c or m.lead in told and (
            _EVENT_SAID[c].search(m.residual) if c in _EVENT_SAID else True)), None) if event_need > 0 else None
        if event is None and event_need > 0 and (not problems or m.lead in effects):
            event = next((c for c, said in _EVENT_SAID.items() if c in events and said.search(m.residual)), None)
        if event is not None:
            lead = event
        elif lead not in areawide or lead not in problems:
            continue
        district = _district_told(m)
        if district:
            buckets[(district, lead)].append(i)
        elif unplaced and event is None:
            nowhere[lead].append(i)
    # (``unplaced``, once every other pass has taken its own: … and an outage's appeal at an estate the gazetteer does
    # not place, 五里新村停电了, in the one district whose leftover appeals tell that outage within its hours — where two
    # districts do, which one is anyone's guess; w23-hot)
    for lead, rows in nowhere.items():
        placed = {k: list(v) for k, v in buckets.items() if k[1] == lead}
        for i in rows:
            near = {d for (d, _), members in placed.items()
                    if any(abs(appeals[i].at - appeals[k].at) <= hours * 3600 for k in members)}
            if len(near) == 1:
                buckets[(next(iter(near)), lead)].append(i)
    out: list[tuple[list[int], str]] = []
    for (district, concept) in sorted(buckets, key=lambda k: (-len(buckets[k]), k)):
        members = sorted((i for i in buckets[(district, concept)] if i not in taken), key=lambda i: appeals[i].at)
        event = concept in events
        best = _busiest(members, appeals, event_hours if event else hours)
        # (… or, where no such hours hold enough, the same hours of the day over two or three days, two or more
        # saying it comes back — 这两天早上, 又是, 一直: a supply too weak at its peak over an area; w24-hot2)
        again = not event and len(best) < need and _recurring(members, appeals, hours)
        if again:
            best = again
        if len(best) < (event_need if event else need) or not _enough_citizens(best, appeals, len(best) - 1):
            continue
        ms = [appeals[i].matter for i in best]
        stems = {frozenset(_stem2(m.places + m.areas + m.street_said) or {m.street} - {None}) for m in ms} - {frozenset()}
        if len(set().union(*stems)) < min_places or len(stems) < min_places:
            continue
        wider = sum(1 for m in ms if _says_area(m) or (event and _STORM.search(m.residual))
                    or (again and _AGAIN.search(m.residual)))
        if wider < (2 if not event else 1 if len(stems) <= min_places else 0):
            continue
        out.append((best, concept))
        taken.update(best)
    return out


# an outage said to come back (这两天, 又是, 一直, 每天早上, 第二天): one of an area's supply at its peak hours
_AGAIN = re.compile(r"这两天|这几天|[又老总]是|又没|一直|每天|天天|第[二三]天|连续")
_RECURRING_DAYS = 3


def _recurring(members: list[int], appeals: list[Appeal], hours: float) -> list[int]:
    """The most of ``members`` within ``_RECURRING_DAYS`` days of each other whose times of day lie within ``hours``
    of each other (each morning's low pressure over an area), on two days or more; [] where none. (w24-hot2)"""
    day = 24 * 3600.0
    best: list[int] = []
    for i in members:
        start = appeals[i].at
        tod = start % day
        run = [k for k in members if 0 <= appeals[k].at - start <= _RECURRING_DAYS * day
               and 0 <= (appeals[k].at % day - tod) % day <= hours * 3600]
        if len({int((appeals[k].at - start) // day) for k in run}) >= 2 and len(run) > len(best):
            best = run
    return best


# a smell told in words the concepts may not know (空气里全是化学品的味道): only for an appeal naming no problem
_SMELL = re.compile(r"[臭异怪焦腥酸]味|味道|气味|难闻|刺鼻|呛|好臭|臭得")
# an event told in words the concepts may not know, by an appeal naming no problem or only what the event does
# to traffic (马路上全是水, 公交车开过去溅一身; 地下车库进水; 空气里全是化学品的味道)
_EVENT_SAID = {"flooding": re.compile(r"全是水|进水|淹|泡[在进]?水|[积渍]水|内涝|水[漫淹没]|冒水|成河|看海"),
               "odor": _SMELL}
# a storm named as the cause of an event (暴雨, 雨太大, 一下大雨就淹): one over the district, not one drain's
_STORM = re.compile(r"[暴大]雨|雨[太好很这]?大|下雨|雨水")
