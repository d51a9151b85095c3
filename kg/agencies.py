"""Agencies named in a document, resolved to one canonical name across the corpus.

Full names (钦州市人民政府办公室, 国务院办公厅), short forms read in the document's regional
context (市发改委 in a 钦州 plan is 钦州市发展和改革委员会; 州人民政府 in a 巴州 report),
joint mentions (中办、国办) and lists whose later items inherit the first one's prefix
(市发改委、科技局、财政局). Names and abbreviations are data (data/agency_bodies.csv,
data/national_agencies.csv).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .model import Region, Span
from .patterns import literal_alternation
from .regions import official_place
from .vocab import data_dir, gazetteer

_GENERIC_PREFIXES = ("自治区", "省", "市", "州", "县", "区")


@dataclass(frozen=True)
class Agency:
    name: str  # canonical full name
    region: Region | None
    kind: str  # government | office | department | party | national
    parent: str | None  # the government an office or department belongs to


@dataclass(frozen=True)
class AgencyMention:
    agency: Agency
    written: str
    span: Span


def _csv(name: str) -> list[dict[str, str]]:
    with open(data_dir() / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@lru_cache(maxsize=1)
def bodies() -> dict[str, tuple[str, str]]:
    return {r["short"]: (r["full"], r["kind"]) for r in _csv("agency_bodies.csv")}


@lru_cache(maxsize=1)
def national() -> dict[str, tuple[str, str | None]]:
    return {r["name"]: (r["full"], r["parent"] or None) for r in _csv("national_agencies.csv")}


def _alternation(words: list[str]) -> str:
    return literal_alternation(set(words))


@lru_cache(maxsize=1)
def _names() -> re.Pattern[str]:
    """National agency names and agency bodies; the place before a body is looked up separately."""
    return re.compile(
        r"(?P<national>" + _alternation(list(national())) + r")(?!门)(?![\u4e00-\u9fff]{0,1}(?:公报|网站))"
        r"|(?P<body>" + _alternation(list(bodies())) + r")"
    )


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    gaz = gazetteer()
    names = {r.name for r in gaz.by_code.values() if r.level in ("province", "prefecture")}
    names |= {name for name, regions in gaz.by_name.items() if regions[0].level in ("province", "prefecture")}
    return frozenset(names)


_EXCLUDED_BEFORE = set("全各本我其该")  # 全市政府… is a scope, not the city government


@dataclass(frozen=True)
class _NameMatch:
    start: int
    end: int
    national: str | None = None
    place: str | None = None
    prefix: str | None = None
    body: str | None = None


@lru_cache(maxsize=1)
def _last_characters() -> tuple[frozenset[str], frozenset[str]]:
    """The characters a place's name and a county's name end with: where the text before a body ends on
    none of them, no name need be looked up there."""
    counties = {name for name, regions in gazetteer().by_name.items() if any(r.level == "county" for r in regions)}
    return frozenset(name[-1] for name in _places()), frozenset(name[-1] for name in counties)


def _place_before(text: str, at: int, home: Region | None) -> str | None:
    if at == 0:
        return None
    place_ends, county_ends = _last_characters()
    if text[at - 1] in place_ends:
        for length in range(min(12, at), 1, -1):
            if text[at - length : at] in _places():
                return text[at - length : at]
    if home is not None and text[at - 1] in county_ends:
        # a county's name is too often shared to be a place anywhere, but at home it is
        for length in range(min(8, at), 1, -1):
            if _local_county(text[at - length : at], home) is not None:
                return text[at - length : at]
    return None


def _local_county(name: str, home: Region) -> Region | None:
    """The county called `name` that is `home` or lies under it (平江县 in a 岳阳市 document)."""
    for region in gazetteer().lookup(name):
        if region.level == "county" and home.code in (region.code, region.parent_code):
            return region
    return None


def _prefix_before(text: str, at: int) -> str | None:
    for prefix in _GENERIC_PREFIXES:
        start = at - len(prefix)
        if start >= 0 and text[start:at] == prefix and (start == 0 or text[start - 1] not in _EXCLUDED_BEFORE):
            return prefix
    return None


def _name_matches(text: str, home: Region | None) -> Iterator[_NameMatch]:
    for m in _names().finditer(text):
        if m.group("national"):
            yield _NameMatch(m.start(), m.end(), national=m.group("national"))
            continue
        place = _place_before(text, m.start(), home)
        if place is not None:
            yield _NameMatch(m.start() - len(place), m.end(), place=place, body=m.group("body"))
            continue
        prefix = _prefix_before(text, m.start())
        if prefix is not None:
            yield _NameMatch(m.start() - len(prefix), m.end(), prefix=prefix, body=m.group("body"))


@lru_cache(maxsize=1)
def _list_item() -> re.Pattern[str]:
    return re.compile(r"[、和及]\s*(?P<body>" + _alternation(list(bodies())) + r")")


def _region_for_prefix(prefix: str, home: Region | None) -> Region | None:
    if home is None:
        return None
    gaz = gazetteer()
    if prefix in ("自治区", "省"):
        return gaz.province_of(home)
    if prefix in ("市", "州"):
        if home.level == "prefecture":
            return home
        if home.level == "county":
            return gaz.parent(home)
        return None
    return home if home.level == "county" else None


def make_agency(region: Region | None, body_short: str) -> Agency | None:
    full, kind = bodies()[body_short]
    if region is None:
        return None
    if region.level == "province" and full == "人民政府办公室":
        full = "人民政府办公厅"  # a province's general office is a 厅
    place = official_place(region)
    if kind == "party":  # the Party committee's own bodies: 县委宣传部 is 中共岳阳县委宣传部, under 中共岳阳县委员会
        if region.level == "province":  # a province's are named in full, as its codes give them (桂办发)
            full = "委员会" + full.removeprefix("委")
        return Agency(PARTY + place + full, region, kind, PARTY + place + "委员会")
    parent = None if kind == "government" else place + "人民政府"
    return Agency(place + full, region, kind, parent)


def _national(name: str) -> Agency:
    full, parent = national()[name]
    parent_full = national()[parent][0] if parent else None
    return Agency(full, gazetteer().get("CN"), "national", parent_full)


PARTY = "中共"


def resolve_agency(text: str, home: Region | None) -> Agency | None:
    """The agency a short text names (a whole list item such as 市发改委), or None."""
    text = text.strip()
    if text.startswith(PARTY):
        party_body = resolve_agency(text[len(PARTY) :], home)
        if party_body is not None and party_body.kind == "party":
            return party_body
    for m in _name_matches(text, home):
        if m.end != len(text):
            continue
        if m.start == 0:
            return _agency_of(m, home)
        agency = _agency_of(m, home)
        # 北京市朝阳区人民政府, 宁波市鄞州区人民政府: the county's name after its prefecture's or province's
        if agency is not None and agency.region is not None and \
                text[: m.start] in {r.name for r in gazetteer().ancestors(agency.region)}:
            return agency
    return None


def _agency_of(m: _NameMatch, home: Region | None) -> Agency | None:
    if m.national:
        return _national(m.national)
    assert m.body is not None
    if m.place:
        local = _local_county(m.place, home) if home is not None else None
        candidates = [local] if local else gazetteer().lookup(m.place)
        return make_agency(candidates[0] if candidates else None, m.body)
    return make_agency(_region_for_prefix(m.prefix or "", home), m.body)


def find_agencies(text: str, home: Region | None) -> tuple[AgencyMention, ...]:
    """Every agency mention, with list items inheriting the prefix of the item before them."""
    out: list[AgencyMention] = []
    for m in _name_matches(text, home):
        agency = _agency_of(m, home)
        if agency is None:
            continue
        out.append(AgencyMention(agency, text[m.start : m.end], Span(m.start, m.end)))
        region = agency.region if agency.kind != "national" else None
        pos = m.end
        while region is not None:
            item = _list_item().match(text, pos)
            if not item:
                break
            inherited = make_agency(region, item.group("body"))
            if inherited is None:
                break
            out.append(AgencyMention(inherited, item.group("body"), Span(item.start("body"), item.end())))
            pos = item.end()
    return tuple(out)
