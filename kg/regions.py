"""Finding administrative divisions named in text, against the GB/T 2260 gazetteer."""

from __future__ import annotations

import re
from functools import lru_cache

from .model import Region
from .patterns import literal_alternation
from .vocab import Gazetteer, gazetteer


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern[str]:
    return re.compile(literal_alternation(n for n in gazetteer().by_name if len(n) >= 2))


def mentions(text: str) -> list[tuple[int, int, Region]]:
    """Every region name in `text` (longest match first), resolved to its most likely division."""
    gaz = gazetteer()
    out = []
    for m in _name_pattern().finditer(text):
        candidates = gaz.lookup(m.group(0))
        if candidates:
            out.append((m.start(), m.end(), _prefer(candidates)))
    return out


def _prefer(candidates: list[Region]) -> Region:
    order = {"province": 0, "prefecture": 1, "county": 2, "national": 3}
    return sorted(candidates, key=lambda r: order[r.level])[0]


@lru_cache(maxsize=8192)
def region_in(text: str) -> Region | None:
    """The most specific division named in a short text such as a title or an agency name (cached:
    the same titles and names come back across a corpus)."""
    found = [r for _, _, r in mentions(text)]
    if not found:
        return None
    depth = {"national": 0, "province": 1, "prefecture": 2, "county": 3}
    return max(found, key=lambda r: depth[r.level])


def dominant_region(text: str, gaz: Gazetteer | None = None) -> Region | None:
    """The division a document is mostly about: frequent, early, and below the province level."""
    gaz = gaz or gazetteer()
    scores: dict[str, float] = {}
    for start, _, region in mentions(text[:20_000]):  # what a document is about shows early
        weight = 3.0 if start < 2000 else 1.0
        if region.level == "province":
            weight *= 0.5
        scores[region.code] = scores.get(region.code, 0.0) + weight
    if not scores:
        return None
    code = max(scores, key=lambda c: scores[c])
    return gaz.get(code)


def government_of(region: Region) -> str:
    return f"{region.name}人民政府" if region.level != "national" else "国务院"
