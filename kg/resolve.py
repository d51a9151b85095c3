"""Stage 3b: citations of one file → the distinct works they cite, with issuers.

Identity: a number identifies a work (with the jurisdiction for local series such as 市政办);
a title-only citation joins the numbered work of the same title, an alias joins the work it
abbreviates, and otherwise a title identifies a work within its region.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache

from . import patterns as P
from .agencies import national as national_agencies
from .docnumbers import issuer_of_code, jurisdiction_of, series_region
from .model import Citation, CitedWork, DocNumber, DocumentPart, Region
from .regions import region_in
from .structure import issuer_from_title
from .vocab import gazetteer, known_works

_CODE_FINAL = set("发函电字办令文")
_NATIONAL_ISSUERS = ("国务院", "中共中央", "全国人民代表大会", "全国人大")
_STATE_NAME = "中华人民共和国"  # 中华人民共和国传染病防治法: a national law, wherever it is cited


@lru_cache(maxsize=1)
def _national_title_start() -> re.Pattern[str]:
    """A title that opens with a national body's name (财政部关于…); 财政部门 names a kind of local body."""
    names = (*_NATIONAL_ISSUERS, _STATE_NAME, *national_agencies())
    return re.compile(f"(?:{P.literal_alternation(names)})(?!门)")


def title_key(title: str) -> str:
    """Comparison form of a title: NFKC, no quotes, brackets or spaces."""
    t = unicodedata.normalize("NFKC", title)
    return re.sub(r"[《》〈〉<>“”\"'‘’「」『』\s()（）]", "", t)


def number_key(number: DocNumber, citing_region: Region | None, issuer_region: str | None = None) -> str:
    """Identity of a numbered work; `issuer_region`, where the citation names its issuer, places a series
    whose code names no region (厅发)."""
    jurisdiction = jurisdiction_of(number.code, citing_region) or issuer_region or "-"
    if number.year is None:  # a decree: 国务院令第711号, its series named by its issuer in full
        issuer = issuer_of_code(number.code, citing_region)  # 省政府令 and 湖南省人民政府令 are one series
        series = issuer.issuer + "令" if issuer is not None else number.code
        return f"no/{jurisdiction}/{series}/{number.serial}"
    return f"no/{jurisdiction}/{number.code}/{number.year}/{number.serial}"


def _title_scope(title: str, citing_region: Region | None, issuer_region: str | None) -> str:
    if _national_title_start().match(title) or title in known_works().values():
        return "CN"
    named = region_in(title[:12])
    if named is not None:
        return named.code
    return issuer_region or (citing_region.code if citing_region else "-")


def work_key_for_title(title: str, citing_region: Region | None, scope: str | None = None,
                       issuer_region: str | None = None) -> str:
    """Identity of a document known only by its title; `scope` overrides the region it is looked up in,
    `issuer_region` (the region of the issuer the citation names) stands in for a title naming none."""
    canonical = known_works().get(title, title)
    return f"t/{scope or _title_scope(canonical, citing_region, issuer_region)}/{title_key(canonical)}"


def _series_seen_from(c: Citation, region: Region | None) -> Region | None:
    """The region a citation's number is read in: the citing document's, unless the citation names the
    place whose generic series (市政办) it is, as its issuer or at the start of its title."""
    assert c.number is not None
    named = gazetteer().get(c.issuer_region) if c.issuer_region else region_in(c.title[:12]) if c.title else None
    return series_region(c.number.code, region, named)


def _is_self(c: Citation, parts: tuple[DocumentPart, ...]) -> bool:
    for part in parts:
        if c.number is not None and part.number is not None and c.number.normalized == part.number.value:
            return True
        if c.number is None and c.title and part.title and not part.title_inferred \
                and title_key(c.title) == title_key(part.title.value):
            return True
    return False


def resolve_citations(
    citations: tuple[Citation, ...], parts: tuple[DocumentPart, ...], region: Region | None
) -> tuple[CitedWork, ...]:
    """Group one file's citations into the works they cite; the file's own documents are left out."""
    kept = [c for c in citations if not _is_self(c, parts)]
    by_title: dict[str, str] = {}
    aliases: dict[str, str] = {}
    keys: list[str] = []
    for c in kept:
        if c.number is not None:
            key = number_key(c.number, _series_seen_from(c, region), c.issuer_region)
            if c.title:
                by_title.setdefault(title_key(c.title), key)
        else:
            key = ""
        keys.append(key)
    for i, c in enumerate(kept):
        if keys[i]:
            if c.defines_alias and c.title:
                aliases[c.defines_alias] = keys[i]
            continue
        assert c.title is not None
        if c.alias and c.alias in aliases:
            keys[i] = aliases[c.alias]
            continue
        # 《条例》, known as a short name: the numbered citation of its full title, if the file has one
        key = (by_title.get(title_key(c.title)) or by_title.get(title_key(known_works().get(c.title, "")))
               or work_key_for_title(c.title, region, issuer_region=c.issuer_region))
        by_title.setdefault(title_key(c.title), key)
        if c.defines_alias:
            aliases[c.defines_alias] = key
        keys[i] = key

    grouped: dict[str, list[Citation]] = defaultdict(list)
    for key, c in zip(keys, kept, strict=True):
        grouped[key].append(c)
    codes = Counter(c.number.code for c in kept if c.number)
    return tuple(_work(key, cs, region, codes) for key, cs in grouped.items())


def _work(key: str, cs: list[Citation], region: Region | None, codes: Counter[str]) -> CitedWork:
    numbered = next((c for c in cs if c.number), None)
    number = numbered.number if numbered is not None else None
    titles = [c.title for c in cs if c.title and not c.alias]
    title = max(titles, key=len) if titles else None
    if title is None and key.startswith("t/"):
        title = known_works().get(cs[0].alias or "", None)
    issuer, how = None, None
    if title:
        issuer = issuer_from_title(title)
        how = "title" if issuer else None
    named = next((c for c in cs if c.issuer_named), None)
    jurisdiction = None
    if number is not None:
        by_code = issuer_of_code(number.code, _series_seen_from(numbered, region) if numbered else region)
        if by_code is not None:
            jurisdiction = by_code.jurisdiction
            if issuer is None:
                issuer, how = by_code.issuer, by_code.how
    if named is not None and jurisdiction is None:  # a code that names no place, or no number: the text tells
        jurisdiction = named.issuer_region
        if how in (None, "title"):  # a code's series names its issuer more exactly (政办发: the office)
            issuer, how = named.issuer_named, how or "named"
    inner = [t for c in cs for t in c.inner_titles]
    kind = _relation_kind(title)
    if not inner and title and kind == "issues":
        # 国务院办公厅关于印发2016年政务公开工作要点的通知: the notice issues the unquoted title
        m = P.TITLE_RELATION.search(title)
        inner = [m.group("rest").strip("《》〈〉<> ")] if m else []
    relations = tuple(dict.fromkeys((kind or "cites", t) for t in inner))
    return CitedWork(
        key=key,
        number=number.normalized if number else None,
        title=title,
        issuer=issuer,
        issuer_source=how,
        jurisdiction=jurisdiction,
        citations=tuple(cs),
        relations=relations,
        suspect_code=_similar_code(number.code, codes) if number else None,
    )


def _relation_kind(title: str | None) -> str | None:
    m = P.TITLE_RELATION.search(title or "")
    if not m:
        return None
    return {"印发": "issues", "转发": "forwards"}.get(m.group("verb"), "implements")


def _similar_code(code: str, codes: Counter[str]) -> str | None:
    """A code one character away from another code of the same file, ending unusually: a typo?
    Of several such codes, the one the file uses most (then the first in code order)."""
    if code[-1] in _CODE_FINAL:
        return None
    near = [other for other in codes
            if other != code and len(other) == len(code) and sum(a != b for a, b in zip(other, code, strict=True)) == 1]
    return min(near, key=lambda other: (-codes[other], other)) if near else None
