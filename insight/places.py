"""Where an appeal is, for comparing matters.

At intake the router has already found the place (``ticket.routing['place']``: the registry's
gazetteer + address patterns of ``routing.places``) and that is used. For batches (the CLI,
hotspots over a week of a city) :func:`light_place` reads the same gazetteer without jieba's
left-trimming of address phrases — about 4× faster (measured in docs/benchmarks.md); the estate,
road and landmark names come from the patterns of ``insight.matter``.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from insight.matter import (Matter, _led_by_kind, estate_named_after, load_landmarks, matter_of, school_named_after,
                            seat_for_old_town)

_COMMUNITY = re.compile(r"([\u4e00-\u9fa5A-Za-z0-9]{2,8}?)(小区|社区|花园|家园|公寓|新村|新城|山庄|苑|大厦)")
_COMMUNITY = _led_by_kind(_COMMUNITY)     # the same matches, faster


# an estate said without its name (那个小区, 我们小区): a later one named in the text is the place
_NO_NAME = re.compile(r"(?:那个|这个|一个|某个|哪个|我们|我家|你们|他们|有个|有一个|好几个|几个)$")


@lru_cache(maxsize=1)
def default_gazetteer():
    """The demo city's gazetteer (for the CLI and evaluation; intake uses the router's own)."""
    from routing import Gazetteer, load_demo_registry

    units, _ = load_demo_registry()
    return Gazetteer.from_units(units)


def light_place(text: str, gazetteer) -> dict[str, Any]:
    """District, street, roads/landmarks of the gazetteer and the first estate name, as a place dict."""
    district = street = None
    spans = []
    landmarks = load_landmarks()
    text = text or ""
    for span, cands in gazetteer.scan(text):
        if span.kind == "district" and span.code:
            district = district or span.code
        elif span.kind == "street":
            fits = [c for c in cands if district is None or c.district == district]
            if street is None and len({c.street for c in fits}) == 1:
                street, district = fits[0].street, district or fits[0].district
        elif span.kind in ("road", "landmark"):
            if landmarks.names.get(span.text, span.text) != span.text and estate_named_after(text, span.end):
                continue        # a landmark's alias that begins an estate's name (积玉桥万达公馆), as the landmark reader reads it
            if span.kind == "landmark" and school_named_after(text, span.end):
                continue        # (w28-rpp) … or the name of a school it runs (武大附中), as the landmark reader reads it
            spans.append({"kind": span.kind, "text": span.text})
            if span.kind == "landmark" and street is None and district is not None:
                found = _street_of_name(span.text, district, gazetteer)
                if found is not None:
                    street = found.street
    community = None
    for m in _COMMUNITY.finditer(text or ""):
        if _NO_NAME.search(m.group(1)):
            continue            # 台北路那个小区，香港路口的台北花园: the estate is the one named, not "that one"
        community = m.group(1) + m.group(2)
        break
    return {"district": district, "street": street, "community": community, "spans": spans,
            "district_name": gazetteer.names.get(district) if district else None,
            "street_name": gazetteer.names.get(street) if street else None}


def _street_of_name(name: str, district: str | None, gazetteer):
    """The street a landmark is named after (阳逻开发区 in 阳逻街道, 金银湖公园 in 金银湖街道): its area, as
    an appeal that names only the street (阳逻这边) says it. Only in the district the text names: a name
    is often an area's and a street's elsewhere (南湖花园 in 洪山区 is no 南湖街道 of 武昌区)."""
    for n in range(len(name) - 2, 1, -1):
        cands = [c for c in gazetteer.entries.get(name[:n], ()) if c.kind == "street"
                 and c.district == district]
        if cands and len({c.street for c in cands}) == 1:
            return cands[0]
    return None


def matter_for_text(text: str, place: str | None = None, *, gazetteer=None) -> Matter:
    gazetteer = gazetteer or default_gazetteer()
    found = light_place(seat_for_old_town(text or ""), gazetteer)   # (黄陂城关: 前川, as matter_of reads it)
    if place:
        given = light_place(place, gazetteer)
        found = {k: given.get(k) or v for k, v in found.items()}
        found["spans"] = given["spans"] + found["spans"]
    return matter_of(text, found, given_place=place)
