"""The routing table: ordered rules from ticket facts to the responsible unit (a TOML file a city edits).

Format (see `hotline/demo_city/routing.toml` for the demo city)::

    [table]
    name = "武汉市12345热线派单规则"
    unresolved = "WH12345"          # no rule and no place: the hotline centre dispatches by hand

    [[rule]]
    id = "street-encroach"          # unique, stored with the ticket as the reason
    name = "占道经营、流动摊贩"
    priority = 60                   # higher first (default 50); the fallback rule has the lowest
    category = ["C010216", "城乡建设/城市建设和市政管理/城管执法"]  # codes or name paths, any level
    keywords_any = ["占道", "摆摊"] # at least one in the text
    keywords_all = []               # every one in the text
    keywords_none = []              # none in the text
    appeal_type = ["complaint"]     # AppealType codes
    urgency = ["utility"]           # Urgency codes
    channel = ["phone"]             # Channel codes
    district = ["D-JA"]             # only for places in these districts
    lead = ["@street", "@district"] # candidates in order; the first that resolves and was not excluded
    assist = ["@district.CG"]       # assisting units (协办); unresolved ones are dropped
    confidence = 0.9                # the rule's own confidence (default 0.8)
    note = "属地街道负责…"          # shown in the explanation

Every condition given must hold (AND); a list means any of its values (OR). A category condition holds
when the ticket's category is that category or under it (a rule on 城乡建设 covers 占道经营). When the
ticket only carries a coarser category (the classifier predicts the first level) or none at all, a rule
with a finer category still matches if its keywords matched: the category then counts as a weak match.

Unit values: a unit code, or a place-relative value resolved with the place found:
``@street`` (the street or township of the place), ``@district`` (the district government),
``@district.XX`` (the district's department with code ``<district>-XX``, e.g. ``@district.CG`` →
``D-JA-CG``, 江岸区城管执法局). A special value that cannot be resolved is skipped, so
``lead = ["@district.JY", "DEPT-JYJ"]`` falls back to the city department when no district was found.

Precedence: priority, then a strong category match on a deeper category, then more keyword hits, then
file order. Two matched rules that agree on everything but name different lead units are a tie
(the learned model, if any, breaks it). A rule with ``fallback = true`` (兜底) is used only when no other
rule matched; the table should end with one that hands the ticket to the district government
(``lead = ["@district"]``) and, with no place at all, to the hotline centre.

The responsibility catalogue (派单目录) lives in the same file, as ``[[duty]]`` entries scored by
`routing.catalogue` (see there and the demo table for the format); a table may have rules, duties or
both. A rule with ``priority >= 90`` is a precise override: it decides over the catalogue.

Validation at load: unknown keys, units, categories, appeal types, urgencies, channels and districts are
a `RoutingTableError` naming the rule's id and line.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from hotline.domain.vocab import AppealType, Channel, Urgency
from routing.registry import CategoryInfo, CategoryTree, Registry, UnitInfo

_SPECIAL_RE = re.compile(r"^@(street|district)(?:\.([A-Za-z0-9_]+))?$")
_RULE_KEYS = {"id", "name", "priority", "category", "keywords_any", "keywords_all", "keywords_none",
              "appeal_type", "urgency", "channel", "district", "lead", "assist", "confidence", "note",
              "fallback"}


class RoutingTableError(ValueError):
    """A routing table that cannot be used; the message names the rule and its line."""


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    line: int
    priority: int = 50
    categories: tuple[str, ...] = ()
    keywords_any: tuple[str, ...] = ()
    keywords_all: tuple[str, ...] = ()
    keywords_none: tuple[str, ...] = ()
    appeal_types: frozenset[str] = frozenset()
    urgencies: frozenset[str] = frozenset()
    channels: frozenset[str] = frozenset()
    districts: frozenset[str] = frozenset()
    lead: tuple[str, ...] = ()
    assist: tuple[str, ...] = ()
    confidence: float = 0.8
    note: str = ""
    fallback: bool = False
    order: int = 0

    @property
    def has_keywords(self) -> bool:
        return bool(self.keywords_any or self.keywords_all)


@dataclass
class RoutingTable:
    name: str
    rules: list[Rule]
    unresolved: str | None
    categories: CategoryTree
    registry: Registry
    source: str = "<text>"
    meta: dict[str, Any] = field(default_factory=dict)
    duties: list[Any] = field(default_factory=list)     # routing.catalogue.Duty


def _as_list(value: Any, where: str, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise RoutingTableError(f"{where}: {key} 必须是字符串或字符串列表")


def _rule_lines(text: str) -> list[int]:
    return [i for i, line in enumerate(text.splitlines(), 1) if re.match(r"^\s*\[\[\s*rule\s*\]\]", line)]


def check_unit_ref(ref: str, registry: Registry, where: str) -> None:
    m = _SPECIAL_RE.match(ref)
    if m:
        if m.group(2):
            suffix = f"-{m.group(2)}"
            districts = [u.code for u in registry.units if u.kind == "district"]
            missing = [d for d in districts if d + suffix not in registry.by_code]
            if not districts or len(missing) == len(districts):
                raise RoutingTableError(f"{where}: 没有任何区设有 {ref} 对应的部门（编码 <区>{suffix}）")
        return
    if ref.startswith("@"):
        raise RoutingTableError(f"{where}: 未知的特殊单位 {ref!r}（可用 @street、@district、@district.XX）")
    if ref not in registry.by_code:
        raise RoutingTableError(f"{where}: 未知单位 {ref!r}")


def category_codes(raw: dict[str, Any], tree: CategoryTree, where: str) -> tuple[str, ...]:
    """The `category` references of a rule or duty (codes, name paths or unique names) as codes."""
    cats = []
    for ref in _as_list(raw.get("category"), where, "category"):
        code = tree.resolve(ref)
        if code is None:
            raise RoutingTableError(f"{where}: 未知分类 {ref!r}")
        cats.append(code)
    return tuple(cats)


def lead_and_assist(raw: dict[str, Any], registry: Registry, where: str) -> tuple[list[str], list[str]]:
    """The `lead` (required) and `assist` unit references of a rule or duty, checked."""
    lead = _as_list(raw.get("lead"), where, "lead")
    if not lead:
        raise RoutingTableError(f"{where}: 缺少 lead（主办单位）")
    assist = _as_list(raw.get("assist"), where, "assist")
    for ref in lead + assist:
        check_unit_ref(ref, registry, where)
    return lead, assist


def load_table(path_or_text: str | Path, units: Iterable[UnitInfo], categories: Iterable[CategoryInfo]) -> RoutingTable:
    """Parse and validate a routing table (a path, or the TOML text itself)."""
    source = "<text>"
    if isinstance(path_or_text, Path) or (isinstance(path_or_text, str) and "\n" not in path_or_text
                                          and path_or_text.endswith(".toml")):
        source = str(path_or_text)
        text = Path(path_or_text).read_text(encoding="utf-8")
    else:
        text = str(path_or_text)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RoutingTableError(f"{source}: TOML 格式错误：{exc}") from exc
    registry = Registry(list(units))
    tree = CategoryTree(categories)
    head = data.get("table", {})
    unknown_top = set(data) - {"table", "rule", "duty"}
    if unknown_top:
        raise RoutingTableError(f"{source}: 未知的表 {sorted(unknown_top)}")
    unresolved = head.get("unresolved")
    if unresolved is not None:
        check_unit_ref(unresolved, registry, f"{source} [table] unresolved")
    lines = _rule_lines(text)
    appeal_codes = {m.value for m in AppealType}
    urgency_codes = {m.value for m in Urgency}
    channel_codes = {m.value for m in Channel}
    rules: list[Rule] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(data.get("rule", [])):
        line = lines[i] if i < len(lines) else 0
        rid = raw.get("id") or f"rule-{i + 1}"
        where = f"{source} 第{line}行 规则 {rid}"
        extra = set(raw) - _RULE_KEYS
        if extra:
            raise RoutingTableError(f"{where}: 未知字段 {sorted(extra)}")
        if not isinstance(rid, str):
            raise RoutingTableError(f"{where}: id 必须是字符串")
        if rid in seen:
            raise RoutingTableError(f"{where}: id 与第{seen[rid]}行的规则重复")
        seen[rid] = line
        cats = category_codes(raw, tree, where)

        def codes(key: str, allowed: set[str]) -> frozenset[str]:  # called within this iteration only
            vals = _as_list(raw.get(key), where, key)  # noqa: B023
            bad = [v for v in vals if v not in allowed]
            if bad:
                raise RoutingTableError(f"{where}: {key} 取值无效 {bad}")  # noqa: B023
            return frozenset(vals)

        districts = frozenset(_as_list(raw.get("district"), where, "district"))
        for d in districts:
            if d not in registry.by_code or registry.by_code[d].kind != "district":
                raise RoutingTableError(f"{where}: 未知的区 {d!r}")
        lead, assist = lead_and_assist(raw, registry, where)
        conf = raw.get("confidence", 0.8)
        if not isinstance(conf, (int, float)) or not 0 <= conf <= 1:
            raise RoutingTableError(f"{where}: confidence 必须在 0 到 1 之间")
        prio = raw.get("priority", 0 if raw.get("fallback") else 50)
        if not isinstance(prio, int):
            raise RoutingTableError(f"{where}: priority 必须是整数")
        rules.append(Rule(
            id=rid, name=str(raw.get("name", rid)), line=line, priority=prio, categories=tuple(cats),
            keywords_any=tuple(_as_list(raw.get("keywords_any"), where, "keywords_any")),
            keywords_all=tuple(_as_list(raw.get("keywords_all"), where, "keywords_all")),
            keywords_none=tuple(_as_list(raw.get("keywords_none"), where, "keywords_none")),
            appeal_types=codes("appeal_type", appeal_codes), urgencies=codes("urgency", urgency_codes),
            channels=codes("channel", channel_codes), districts=districts,
            lead=tuple(lead), assist=tuple(assist), confidence=float(conf),
            note=str(raw.get("note", "")), fallback=bool(raw.get("fallback", False)), order=i,
        ))
    from routing.catalogue import load_duties
    duties = load_duties(data.get("duty", []), text, source, registry, tree)
    if not rules and not duties:
        raise RoutingTableError(f"{source}: 没有任何规则")
    return RoutingTable(name=str(head.get("name", "routing")), rules=rules, unresolved=unresolved,
                        categories=tree, registry=registry, source=source, meta=dict(head), duties=duties)
