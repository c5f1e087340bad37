"""Seeing the city's problems, not only its tickets: repeat appeals (并单), hotspots, the knowledge base's
search and reply checks. Pure text logic (no database); ``hotline/services`` applies it to tickets.

    matter = matter_for_text("四新中路工地夜间施工扰民")      # places + problem concepts
    compare(matter, other).repeat                            # same place and same problem?
    group(matters, times)                                    # repeat groups of many appeals
"""
from insight.matter import Comparison, Matter, compare, group, load_lexicon, load_settings, matter_of
from insight.places import matter_for_text

__all__ = ["Comparison", "Matter", "compare", "group", "load_lexicon", "load_settings", "matter_of",
           "matter_for_text"]
