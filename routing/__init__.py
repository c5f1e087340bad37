"""Routing: from what and where to the responsible unit, with the reason.

Public API (pure; load once, no I/O at route time)::

    units, categories = load_demo_registry()
    table = load_table(path_or_text, units, categories)          # RoutingTableError on a bad rule
    router = build_router(units, categories, table, learned=None, learned_threshold=0.6)
    decision = router.route(RoutingRequest(text=..., category=...))   # hotline.ports.RoutingDecision
    place = extract_place(text, Gazetteer.from_units(units))
    learned = train_learned_router(rows)                          # rows of (text, category, unit)
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from routing.learned import LearnedRouter, train_learned_router
    from routing.places import Gazetteer, Place, Span, extract_place
    from routing.registry import (CategoryInfo, RoadInfo, UnitInfo, demo_table_text, load_demo_registry,
                                  load_demo_roads)
    from routing.router import RuleRouter, build_router
    from routing.table import Rule, RoutingTable, RoutingTableError, load_table

# the public names, each imported from its module on first use: a light module of the package (routing.numerals,
# routing.registry) is imported without the learned models' scikit-learn
_HOME = {"LearnedRouter": "learned", "train_learned_router": "learned", "Gazetteer": "places", "Place": "places",
         "Span": "places", "extract_place": "places", "CategoryInfo": "registry", "RoadInfo": "registry",
         "UnitInfo": "registry", "demo_table_text": "registry", "load_demo_registry": "registry",
         "load_demo_roads": "registry", "RuleRouter": "router", "build_router": "router", "Rule": "table",
         "RoutingTable": "table", "RoutingTableError": "table", "load_table": "table"}


def __getattr__(name: str):
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'routing' has no attribute {name!r}")
    return getattr(importlib.import_module(f"routing.{home}"), name)


__all__ = [
    "CategoryInfo", "Gazetteer", "LearnedRouter", "Place", "RoadInfo", "Rule", "RoutingTable",
    "RoutingTableError", "RuleRouter", "Span", "UnitInfo", "build_router", "demo_router",
    "demo_table_text", "extract_place", "load_demo_registry", "load_demo_roads", "load_table",
    "train_learned_router",
]


def demo_router(learned=None, *, learned_threshold: float = 0.6, seed_check: bool = True,
                seed_units: bool = True) -> RuleRouter:
    """The demo city's router (武汉): its registry and `hotline/demo_city/routing.toml`."""
    from routing.registry import demo_table_text, load_demo_registry
    from routing.router import build_router
    from routing.table import load_table
    units, categories = load_demo_registry()
    table = load_table(demo_table_text(), units, categories)
    return build_router(units, categories, table, learned, learned_threshold=learned_threshold,
                        seed_check=seed_check, seed_units=seed_units)
