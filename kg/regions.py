"""Finding administrative divisions named in text, against the GB/T 2260 gazetteer."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from . import patterns as P
from .model import Region
from .vocab import Gazetteer, gazetteer


@lru_cache(maxsize=1)
def _names_by_first_two() -> dict[str, tuple[str, ...]]:
    """The gazetteer's names (two characters or more) under their first two, longest first."""
    index: dict[str, list[str]] = {}
    for name in sorted((n for n in gazetteer().by_name if len(n) >= 2), key=len, reverse=True):
        index.setdefault(name[:2], []).append(name)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=1)
def _name_start() -> re.Pattern[str]:
    """A character some name begins with."""
    return re.compile("[" + re.escape("".join(sorted({key[0] for key in _names_by_first_two()}))) + "]")


def _name_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where names stand, left to right, the longest at each place, none inside another: what a
    regex alternation of all the names finds, ten times faster, since only the few places whose two
    characters start a name are tried (this runs over the first 20,000 characters of documents),
    and the regex engine skips to the characters a name may begin with."""
    index, i, end, next_start = _names_by_first_two(), 0, len(text) - 1, _name_start().search
    while i < end:
        found = next_start(text, i)
        if found is None or found.start() >= end:
            return
        i = found.start()
        name = next((n for n in index.get(text[i : i + 2], ()) if text.startswith(n, i)), None)
        if name is None:
            i += 1
            continue
        yield i, i + len(name)
        i += len(name)


def mentions(text: str) -> list[tuple[int, int, Region]]:
    """Every region name in `text` (longest match first), resolved to its most likely division:
    a name several divisions share (朝阳区, 鼓楼区) is the one under a province or prefecture the
    text names unambiguously (北京市朝阳区), else the highest-level one."""
    gaz = gazetteer()
    found = [(start, end, gaz.lookup(text[start:end])) for start, end in _name_spans(text)]
    context = {c[0].code for _, _, c in found if len(c) == 1}
    return [(start, end, _prefer(candidates, context)) for start, end, candidates in found if candidates]


def _prefer(candidates: list[Region], context: set[str]) -> Region:
    order = {"province": 0, "prefecture": 1, "county": 2, "national": 3}

    def named_above(r: Region) -> bool:
        if r.level == "county":
            return bool({r.code[:2] + "0000", r.code[:4] + "00"} & context)
        return r.level == "prefecture" and r.code[:2] + "0000" in context

    return sorted(candidates, key=lambda r: (not named_above(r), order[r.level]))[0]


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
    found = mentions(text[:20_000])  # what a document is about shows early
    for i, (start, end, region) in enumerate(found):
        after = found[i + 1] if i + 1 < len(found) else None
        if after is not None and after[0] == end and _contains(region, after[2]):
            continue  # 威海市环翠区 speaks of 环翠区: the city only says where the district is
        weight = 3.0 if start < 2000 else 1.0
        if region.level == "province":
            weight *= 0.5
        scores[region.code] = scores.get(region.code, 0.0) + weight
    if not scores:
        return None
    code = max(scores, key=lambda c: scores[c])
    return gaz.get(code)


def _contains(outer: Region, inner: Region) -> bool:
    if outer.level == "province":
        return inner.code[:2] == outer.code[:2] and inner.code != outer.code
    return outer.level == "prefecture" and inner.level == "county" and inner.code[:4] == outer.code[:4]


def official_place(region: Region) -> str:
    """The place in the official name of a division's agencies: a city's district is named with its
    city (北京市朝阳区人民政府, 宁波市鄞州区财政局), a county or any other division by itself."""
    if region.level == "county" and region.name.endswith("区"):
        parent = gazetteer().parent(region)
        # a province's own district-level division (神农架林区) is not named with the province, a
        # municipality's district is (重庆市渝中区)
        if parent is not None and (parent.level == "prefecture" or parent.name.endswith("市")):
            return parent.name + region.name
    return region.name


def government_of(region: Region) -> str:
    if region.level == "national":
        return "国务院"
    if region.name.endswith(("地区", "盟")):
        return f"{region.name}行政公署"  # a 地区 or a 盟 is governed by its administrative office
    return f"{official_place(region)}人民政府"


def scope_region(issuer: str | None, region: Region | None) -> Region | None:
    """The division a report's figures are scoped in: a township's or a zone's below the division the
    document is about, else that division. A township whose county the text never names still
    speaks of 全镇, and a county the gazetteer lacks of 全县, not of a city (the division is for the scope's
    words only, not a node of the graph)."""
    found = township_of(issuer, region) or zone_of(issuer, region) or region
    if found is not None or not issuer:
        return found
    if m := P.TOWNSHIP_GOVERNMENT.search(issuer):
        return Region(code="", name=m.group("place"), level="township")
    if m := P.UNPLACED_GOVERNMENT.search(issuer):  # a county the gazetteer lacks (a new one, a new name)
        return Region(code="", name=m.group("place"), level=_UNPLACED_LEVELS[m.group("kind")])
    return None


_UNPLACED_LEVELS = {"省": "province", "自治区": "province", "市": "prefecture", "州": "prefecture",
                    "盟": "prefecture", "地区": "prefecture", "县": "county", "区": "county", "旗": "county"}


def zone_of(issuer: str | None, region: Region | None) -> Region | None:
    """The development zone whose management committee issues a report (南宁经济技术开发区, 桂林高新
    技术产业开发区管委会), for the scope of its figures: like a township, a division the gazetteer
    lacks and with no government below it, so that its report speaks of 全区."""
    m = P.ZONE_ISSUER.search(issuer or "")
    if m is None or region is None or gazetteer().lookup(m.group("zone")):
        return None
    return Region(code=f"{region.code}-{m.group('zone')}", name=m.group("zone"), level="township")


@lru_cache(maxsize=1024)  # asked once for every figure of a document: the same answer each time
def township_of(issuer: str | None, region: Region | None) -> Region | None:
    """The township a township's government (横店镇人民政府, 湘阴县东塘镇人民政府) governs, under the
    division the document is about: the gazetteer stops at counties, so it is keyed by the county."""
    m = P.TOWNSHIP_GOVERNMENT.search(issuer or "")
    if m is None or region is None or region.level not in ("county", "prefecture"):
        return None
    place = m.group("place")
    # the province and county before a township's own name are not part of it
    cut = max((end for _, end, _ in mentions(place) if end < len(place) - 1), default=0)
    place = place[cut:]
    return Region(code=f"{region.code}-{place}", name=place, level="township")
