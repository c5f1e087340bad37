"""Where an appeal is, for comparing matters: the routing package's place extraction (gazetteer of the
registry + address patterns), used as intake uses it."""
from __future__ import annotations

from functools import lru_cache

from insight.matter import Matter, matter_of


@lru_cache(maxsize=1)
def default_gazetteer():
    """The demo city's gazetteer (for the CLI and evaluation; intake uses the router's own)."""
    from routing import Gazetteer, load_demo_registry

    units, _ = load_demo_registry()
    return Gazetteer.from_units(units)


def matter_for_text(text: str, place: str | None = None, *, gazetteer=None) -> Matter:
    return matter_of(text, None, given_place=place, gazetteer=gazetteer or default_gazetteer())
