"""The unit registry and the category tree the router works on, and the demo city's files.

`UnitInfo` and `CategoryInfo` are plain records: the service layer builds them from the database, the
tests and `hotline route explain` from the demo city's JSON files (`hotline/demo_city/`).
"""
from __future__ import annotations

import csv
import io
import json
import logging
import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterable

DEMO_PACKAGE = "hotline.demo_city"
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UnitInfo:
    code: str
    name: str
    kind: str                      # a UnitKind code: centre, department, district, street, utility
    parent: str | None = None
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "aliases", tuple(self.aliases or ()))


# a district's department of a kind and the city's of the same kind (D-JA-CG ~ DEPT-CGW)
DISTRICT_KINDS = {"CG": "DEPT-CGW", "SJ": "DEPT-SJJ", "FG": "DEPT-FGJ", "JY": "DEPT-JYJ", "RS": "DEPT-RSJ"}


@dataclass(frozen=True)
class CategoryInfo:
    code: str
    name: str
    parent: str | None = None


@dataclass(frozen=True)
class RoadInfo:
    """A road or landmark in one district (and, if known, one street); a place that spans districts is
    one RoadInfo per district."""

    name: str
    district: str
    street: str | None = None
    kind: str = "road"


class CategoryTree:
    """Lookup of categories by code or by name path, with ancestors."""

    def __init__(self, categories: Iterable[CategoryInfo]):
        self.by_code: dict[str, CategoryInfo] = {c.code: c for c in categories}
        self._paths: dict[str, str] = {}
        for code in self.by_code:
            self._paths[self.path_name(code)] = code
        names: dict[str, list[str]] = {}
        for c in self.by_code.values():
            names.setdefault(c.name, []).append(c.code)
        self._unique_names = {n: codes[0] for n, codes in names.items() if len(codes) == 1}

    def ancestors(self, code: str) -> list[str]:
        """The code itself, then its parent, up to the root."""
        out: list[str] = []
        seen: set[str] = set()
        while code and code in self.by_code and code not in seen:
            out.append(code)
            seen.add(code)
            code = self.by_code[code].parent  # type: ignore[assignment]
        return out

    def depth(self, code: str) -> int:
        return len(self.ancestors(code))

    def is_within(self, code: str, ancestor: str) -> bool:
        return ancestor in self.ancestors(code)

    def path_name(self, code: str) -> str:
        return "/".join(self.by_code[c].name for c in reversed(self.ancestors(code)))

    def resolve(self, ref: str) -> str | None:
        """A code, a name path (城乡建设/城市建设和市政管理/占道经营) or a unique name → code."""
        ref = ref.strip()
        if ref in self.by_code:
            return ref
        if ref in self._paths:
            return self._paths[ref]
        return self._unique_names.get(ref)

    def top(self, code: str) -> str:
        return self.ancestors(code)[-1]


def _demo_text(name: str) -> str:
    return resources.files(DEMO_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def units_from_json(text: str) -> list[UnitInfo]:
    return [UnitInfo(u["code"], u["name"], u["kind"], u.get("parent"), tuple(u.get("aliases") or ()))
            for u in json.loads(text)]


def categories_from_json(text: str) -> list[CategoryInfo]:
    return [CategoryInfo(c["code"], c["name"], c.get("parent")) for c in json.loads(text)]


def roads_from_csv(text: str) -> list[RoadInfo]:
    """Rows `name,district,street,kind`; a place that spans districts lists them all, `|`-separated
    (`和平大道,D-WC|D-QS,,road`), and becomes one RoadInfo per district: the gazetteer then treats the
    name as ambiguous and decides by the other places the text names."""
    rows = csv.reader(line for line in io.StringIO(text) if line.strip() and not line.startswith("#"))
    out: list[RoadInfo] = []
    for r in rows:
        street = (r[2].strip() or None) if len(r) > 2 else None
        kind = (r[3].strip() or "road") if len(r) > 3 else "road"
        for district in (r[1].split("|") if r[1].strip() else [""]):
            out.append(RoadInfo(r[0].strip(), district.strip(), street, kind))
    return out


def load_demo_registry() -> tuple[list[UnitInfo], list[CategoryInfo]]:
    """The demo city's units and categories (hotline/demo_city/units.json, categories.json)."""
    return units_from_json(_demo_text("units.json")), categories_from_json(_demo_text("categories.json"))


def district_said(name: str) -> str:
    """A district's name as residents say it, without its 区 or 县 (东西湖区 → 东西湖); "" when it has none to drop
    (or only one character would be left)."""
    return name[:-1] if len(name) >= 3 and name.endswith(("区", "县")) else ""


def district_names(units: Iterable[UnitInfo]) -> tuple[str, ...]:
    """The districts' names as residents say them (江岸, 东西湖), in the registry's order: read from the units
    (``江岸区人民政府`` → 江岸), so a city with its own units file has its own districts."""
    names = (u.name.removesuffix("人民政府") for u in units if u.kind == "district")
    return tuple(dict.fromkeys(district_said(n) or n for n in names))


def landmark_aliases(data: dict) -> dict[str, str]:
    """The aliases of a landmarks file (``insight/landmarks.toml``'s tables: key = the landmark's name, ``aliases`` its
    other names), alias → the landmark's name; an alias two tables give keeps the first, as insight reads them."""
    out: dict[str, str] = {}
    for place, conf in data.items():
        for alias in conf.get("aliases", ()):
            if alias != place:
                out.setdefault(alias.strip(), place)
    return out


def roads_with_aliases(roads: Iterable[RoadInfo], aliases: dict[str, str]) -> tuple[list[RoadInfo], list[tuple[str, str]]]:
    """The roads plus one row per landmark alias in the district (and kind) of its landmark's own rows: each
    alias is written once, in the landmarks file, and placed by the roads' row of its landmark. A name that has its own
    row keeps it (亚心总医院 is 汉南's while 武汉亚洲心脏病医院 is 江岸's). The street of a landmark's row stays its own:
    an alias (武大, 华科) is said of the whole place, often wider than the street office its gate is in. An alias that only joins names the gazetteer
    already places in the alias's own district(s) (徐东销品茂 = 徐东 + 销品茂, 王家湾摩尔城) gets no row: those names
    place it already, and read whole it would swallow them (街道口群光广场 is 街道口 + 群光广场). Also returned: the
    aliases (alias, landmark) whose landmark has no row, so no district — the caller reports them (they are not placed)."""
    roads = list(roads)
    by_name: dict[str, list[RoadInfo]] = {}
    for r in roads:
        by_name.setdefault(r.name, []).append(r)
    placed: dict[str, list[tuple[str, str | None, str]]] = {}
    unplaced: list[tuple[str, str]] = []
    for alias, place in aliases.items():
        if alias in by_name:
            continue
        rows = [r for r in by_name.get(place, ()) if r.kind != "ignore" and r.district]
        if rows:
            placed[alias] = list(dict.fromkeys((r.district, None, r.kind) for r in rows))
        else:
            unplaced.append((alias, place))
    districts = {n: {r.district for r in rs if r.kind != "ignore" and r.district} for n, rs in by_name.items()}
    districts.update({a: {d for d, _, _ in spots} for a, spots in placed.items()})
    for alias, spots in placed.items():
        if _joined(alias, {n for n, ds in districts.items() if n != alias and len(n) >= 2 and ds <= districts[alias] and ds}):
            continue
        roads.extend(RoadInfo(alias, district, street, kind) for district, street, kind in spots)
    return roads, unplaced


def _joined(name: str, names: set[str]) -> bool:
    """Whether ``name`` is wholly two or more of ``names`` said one after another (徐东销品茂 = 徐东 + 销品茂)."""
    def cover(rest: str, parts: int) -> bool:
        if not rest:
            return parts >= 2
        return any(cover(rest[len(n):], parts + 1) for n in names if rest.startswith(n))
    return cover(name, 0)


def landmarks_data() -> dict:
    """The landmarks file in effect: a city's own (HOTLINE_LANDMARKS_FILE, as insight reads it) or the demo city's
    ``insight/landmarks.toml``."""
    path = os.environ.get("HOTLINE_LANDMARKS_FILE")
    if path:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    return tomllib.loads(resources.files("insight").joinpath("landmarks.toml").read_text(encoding="utf-8"))


def roads_text() -> str:
    """The roads file in effect: a city's own (HOTLINE_ROADS_FILE) or the demo city's ``roads.csv``."""
    path = os.environ.get("HOTLINE_ROADS_FILE")
    if path:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    return _demo_text("roads.csv")


def load_demo_roads() -> list[RoadInfo]:
    """The city's roads and landmarks: the rows of the roads file (hotline/demo_city/roads.csv, or HOTLINE_ROADS_FILE)
    plus the aliases of the landmarks file (insight/landmarks.toml, or HOTLINE_LANDMARKS_FILE), each placed by its
    landmark's row. An alias whose landmark has no row is logged as a warning, by name, and left out."""
    roads, unplaced = roads_with_aliases(roads_from_csv(roads_text()), landmark_aliases(landmarks_data()))
    if unplaced:
        _log.warning("landmark aliases not placed (their landmark has no row in the roads file, so no district): %s",
                     "、".join(f"{a}（{p}）" for a, p in unplaced))
    return roads


def demo_table_text() -> str:
    return _demo_text("routing.toml")


@dataclass
class Registry:
    """Units indexed for the router: by code, children by parent."""

    units: list[UnitInfo]
    by_code: dict[str, UnitInfo] = field(init=False)
    children: dict[str, list[UnitInfo]] = field(init=False)

    def __post_init__(self) -> None:
        self.by_code = {u.code: u for u in self.units}
        self.children = {}
        for u in self.units:
            if u.parent:
                self.children.setdefault(u.parent, []).append(u)

    def district_of(self, code: str | None) -> str | None:
        """The district government a unit belongs to (itself for a district)."""
        seen = set()
        while code and code in self.by_code and code not in seen:
            seen.add(code)
            unit = self.by_code[code]
            if unit.kind == "district":
                return unit.code
            code = unit.parent
        return None

    def name(self, code: str | None) -> str:
        if code is None:
            return "（无）"
        unit = self.by_code.get(code)
        return unit.name if unit else code
