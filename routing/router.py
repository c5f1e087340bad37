"""The rule router: ticket facts + place → lead unit, assisting units, rule, confidence and reason.

Pure: built once from the registry, the category tree, the routing table and (optionally) a learned
model; `route()` does no I/O. See `routing.table` for the table format and precedence.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from hotline.ports import RoutingDecision, RoutingRequest
from routing.places import Gazetteer, Place, extract_place, merge_places
from routing.registry import CategoryInfo, Registry, UnitInfo
from routing.table import _SPECIAL_RE, Rule, RoutingTable

LEARNED_RULE_ID = "learned"


@dataclass(frozen=True)
class _Match:
    rule: Rule
    score: tuple[int, int, int]
    strong_category: bool
    keyword_hits: tuple[str, ...]


@dataclass(frozen=True)
class _Resolved:
    match: _Match
    lead: str
    lead_ref: str
    degraded: bool          # a place-relative lead fell back to a coarser level
    assist: tuple[str, ...]


class RuleRouter:
    """Satisfies `hotline.ports.Router`."""

    def __init__(self, units: Iterable[UnitInfo], categories: Iterable[CategoryInfo], table: RoutingTable,
                 learned: Any = None, *, learned_threshold: float = 0.6, gazetteer: Gazetteer | None = None):
        self.units = list(units)
        self.registry = Registry(self.units)
        self.table = table
        self.tree = table.categories
        self.learned = learned
        self.learned_threshold = learned_threshold
        self.gazetteer = gazetteer or Gazetteer.from_units(self.units)
        self.gazetteer.warm_up()
        self._rules = sorted(table.rules, key=lambda r: r.order)

    # -- place ---------------------------------------------------------------------------------
    def locate(self, text: str, place: str | None = None) -> Place:
        found = extract_place(text or "", self.gazetteer)
        if place:
            return merge_places(extract_place(place, self.gazetteer), found)
        return found

    # -- matching ------------------------------------------------------------------------------
    def _match(self, rule: Rule, req: RoutingRequest, category: str | None, place: Place) -> _Match | None:
        if rule.appeal_types and req.appeal_type not in rule.appeal_types:
            return None
        if rule.urgencies and req.urgency not in rule.urgencies:
            return None
        if rule.channels and req.channel not in rule.channels:
            return None
        if rule.districts and place.district not in rule.districts:
            return None
        text = req.text or ""
        if any(k in text for k in rule.keywords_none):
            return None
        if rule.keywords_all and not all(k in text for k in rule.keywords_all):
            return None
        hits = tuple(k for k in rule.keywords_any if k in text)
        if rule.keywords_any and not hits:
            return None
        hits += rule.keywords_all
        strong = False
        depth = 0
        if rule.categories:
            within = [c for c in rule.categories if category and self.tree.is_within(category, c)]
            if within:
                strong = True
                depth = max(self.tree.depth(c) for c in within)
            else:
                coarser = category is None or any(self.tree.is_within(c, category) for c in rule.categories)
                if not (coarser and rule.has_keywords):
                    return None
        return _Match(rule, (rule.priority, depth, len(hits)), strong, hits)

    def _resolve_ref(self, ref: str, place: Place) -> str | None:
        m = _SPECIAL_RE.match(ref)
        if not m:
            return ref if ref in self.registry.by_code else None
        level, suffix = m.group(1), m.group(2)
        if level == "street":
            return place.street
        if place.district is None:
            return None
        if suffix:
            code = f"{place.district}-{suffix}"
            return code if code in self.registry.by_code else None
        return place.district

    def _resolve(self, match: _Match, place: Place, exclude: frozenset[str]) -> _Resolved | None:
        first_special = None
        for ref in match.rule.lead:
            unit = self._resolve_ref(ref, place)
            if _SPECIAL_RE.match(ref) and first_special is None:
                first_special = ref
            if unit and unit not in exclude:
                degraded = first_special is not None and ref != first_special
                assist = []
                for a in match.rule.assist:
                    code = self._resolve_ref(a, place)
                    if code and code != unit and code not in exclude and code not in assist:
                        assist.append(code)
                return _Resolved(match, unit, ref, degraded, tuple(assist))
        return None

    # -- the decision --------------------------------------------------------------------------
    def route(self, request: RoutingRequest) -> RoutingDecision:
        category = self.tree.resolve(request.category) if request.category else None
        place = self.locate(request.text, request.place)
        exclude = frozenset(request.exclude_units)
        matches = [m for r in self._rules if (m := self._match(r, request, category, place))]
        matches.sort(key=lambda m: (m.rule.fallback, tuple(-x for x in m.score), m.rule.order))
        resolved = [r for m in matches if (r := self._resolve(m, place, exclude))]
        specific = [r for r in resolved if not r.match.rule.fallback]
        fallback = [r for r in resolved if r.match.rule.fallback]

        learned = self._learned(request, category, exclude)
        chosen: _Resolved | None = specific[0] if specific else None
        tie: list[_Resolved] = []
        if chosen:
            tie = [r for r in specific[1:] if r.match.score == chosen.match.score and r.lead != chosen.lead]
        notes: list[str] = []
        confidence = 0.0
        rule_id: str | None = None
        lead: str | None = None
        assist: tuple[str, ...] = ()

        if chosen and tie:
            options = [chosen, *tie]
            by_unit = {u: p for u, p in learned}
            best = max(options, key=lambda r: by_unit.get(r.lead, 0.0))
            if by_unit.get(best.lead, 0.0) >= self.learned_threshold:
                notes.append(f"多条规则并列（{'、'.join('「' + r.match.rule.name + '」' for r in options)}），"
                             f"按历史派单模型选择 {self.registry.name(best.lead)}（{by_unit[best.lead]:.2f}）")
                chosen = best
                confidence = self._confidence(best, place) * 0.9
            else:
                notes.append(f"多条规则并列（{'、'.join('「' + r.match.rule.name + '」' for r in options)}），取表中靠前者，需人工确认")
                confidence = self._confidence(chosen, place) * 0.6
        elif chosen:
            confidence = self._confidence(chosen, place)
        elif learned and learned[0][1] >= self.learned_threshold:
            lead, p = learned[0]
            rule_id = LEARNED_RULE_ID
            confidence = p
            notes.append(f"无规则命中，按历史派单模型：{self.registry.name(lead)}（概率 {p:.2f}）")
        elif fallback:
            chosen = fallback[0]
            confidence = self._confidence(chosen, place)
        if chosen is not None and rule_id is None:
            lead, assist, rule_id = chosen.lead, chosen.assist, chosen.match.rule.id
        if lead is None and self.table.unresolved and self.table.unresolved not in exclude:
            lead, rule_id, confidence = self.table.unresolved, "unresolved", 0.2
            notes.append("未找到地点，也没有规则命中：由热线中心人工派单")

        district = place.district or self.registry.district_of(lead)
        suggestions = self._suggestions(lead, resolved, learned)
        explanation = self._explain(chosen if rule_id not in (LEARNED_RULE_ID, "unresolved") else None,
                                    lead, assist, place, category, notes, exclude)
        return RoutingDecision(
            unit=lead, assisting_units=assist, rule=rule_id, confidence=round(min(confidence, 1.0), 3),
            district=district, place=place.as_dict(), explanation=explanation, suggestions=suggestions,
        )

    def _confidence(self, r: _Resolved, place: Place) -> float:
        c = r.match.rule.confidence
        if r.match.rule.categories and not r.match.strong_category:
            c *= 0.9
        if r.degraded:
            c *= 0.85
        if place.ambiguous and any(_SPECIAL_RE.match(x) for x in r.match.rule.lead):
            c *= 0.8
        return c

    def _learned(self, request: RoutingRequest, category: str | None, exclude: frozenset[str]) -> list[tuple[str, float]]:
        if self.learned is None:
            return []
        ranked = self.learned.predict(request.text or "", category, top=5)
        return [(u, p) for u, p in ranked if u in self.registry.by_code and u not in exclude]

    def _suggestions(self, lead: str | None, resolved: list[_Resolved], learned: list[tuple[str, float]]) -> tuple[dict[str, Any], ...]:
        out: list[dict[str, Any]] = []
        seen = {lead}
        for r in resolved:
            if r.lead not in seen:
                seen.add(r.lead)
                out.append({"unit": r.lead, "name": self.registry.name(r.lead), "rule": r.match.rule.id,
                            "source": "rule"})
        for unit, p in learned:
            if unit not in seen:
                seen.add(unit)
                out.append({"unit": unit, "name": self.registry.name(unit), "probability": round(p, 3),
                            "source": "learned"})
        return tuple(out[:5])

    def _explain(self, chosen: _Resolved | None, lead: str | None, assist: tuple[str, ...], place: Place,
                 category: str | None, notes: list[str], exclude: frozenset[str]) -> str:
        parts: list[str] = []
        if chosen is not None:
            rule = chosen.match.rule
            why = []
            if rule.categories:
                why.append(("分类" if chosen.match.strong_category else "分类(弱)") + "「" +
                           "、".join(self.tree.by_code[c].name for c in rule.categories) + "」")
            if chosen.match.keyword_hits:
                why.append("关键词「" + "、".join(chosen.match.keyword_hits) + "」")
            parts.append(f"命中派单规则「{rule.name}」（规则表第{rule.line}行）" + ("：" + "，".join(why) if why else ""))
            if rule.fallback:
                parts.append("属地兜底：无职能部门规则命中，由所在区人民政府负责")
            if chosen.degraded:
                level = "街道" if chosen.match.rule.lead[0] == "@street" and place.district else "所在区"
                parts.append(f"未能定位到{level}，改派{self.registry.name(lead)}")
            if rule.note:
                parts.append(rule.note)
        if category:
            parts.append(f"诉求分类：{self.tree.path_name(category)}")
        if place.district:
            where = place.district_name or place.district
            if place.street_name:
                where += place.street_name
            src = "市民填写的地点" if place.source == "place" else "诉求内容"
            spans = "、".join(s.text for s in place.spans[:4])
            parts.append(f"地点：{where}（来自{src}{'：' + spans if spans else ''}）")
            if place.ambiguous:
                parts.append("注意：内容还提到" + "、".join(self.registry.name(d) for d in place.ambiguous))
        else:
            parts.append("地点：未识别")
        if exclude:
            parts.append("已排除退单单位：" + "、".join(self.registry.name(u) for u in sorted(exclude)))
        parts.extend(notes)
        if lead:
            parts.append(f"主办：{self.registry.name(lead)}" + (f"；协办：{'、'.join(self.registry.name(a) for a in assist)}" if assist else ""))
        else:
            parts.append("无法确定承办单位，转人工派单")
        return "。".join(parts) + "。"


def build_router(units: Iterable[UnitInfo], categories: Iterable[CategoryInfo], table: RoutingTable,
                 learned: Any = None, *, learned_threshold: float = 0.6,
                 gazetteer: Gazetteer | None = None) -> RuleRouter:
    """The router the service layer is handed (`hotline.ports.Router`)."""
    return RuleRouter(units, categories, table, learned, learned_threshold=learned_threshold, gazetteer=gazetteer)
