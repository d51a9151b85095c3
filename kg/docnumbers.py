"""The 发文字号 grammar (GB/T 9704-2012) and the issuer of a number.

A number is 发文机关代字 + year + serial: 国办发〔2017〕24号. In running text the 代字 has no
left delimiter, so `find_doc_numbers` decides where it starts: a known code, else the
characters left of the bracket minus the narrative words that precede numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import patterns as P
from .model import DocNumber, Region, Span
from .regions import government_of, region_in
from .vocab import code_bodies, gazetteer, issuer_codes, province_codes

_MAX_CODE = 8


@dataclass(frozen=True)
class FoundNumber:
    span: Span
    number: DocNumber


def _from_match(m: re.Match[str], code: str, code_start: int) -> FoundNumber:
    year = m.group("year") or m.group("year_lost") or m.group("year_bare")
    written = m.string[code_start : m.end()]
    number = DocNumber(code=code, year=int(year), serial=int(m.group("serial")), written=written)
    return FoundNumber(Span(code_start, m.end()), number)


def trim_code(run: str) -> str:
    """Cut the narrative off the left of a run of characters that ends in an issuer code."""
    known = issuer_codes()
    for length in range(min(len(run), 10), 1, -1):
        if run[-length:] in known:
            if _local_prefix(run[:-length]):
                break  # 赣府厅字: a province's series that ends like 中办's 厅字
            return run[-length:]
    code = run[-_MAX_CODE:] if len(run) > _MAX_CODE else run
    while True:
        m = P.NARRATIVE_BEFORE_CODE.match(code)
        if not m or m.end() >= len(code):
            break
        code = code[m.end() :]
    # '我市印发市政办' → the code starts at its place prefix when a verb precedes it
    m = re.search(r"(?:印发|出台|下发|转发|制定)(?=.{2,})", code)
    if m:
        code = code[m.end() :]
    m = P.CONJUNCTION_BEFORE_CODE.match(code)
    if m:
        code = code[m.end() :]
    m = P.ISSUER_BEFORE_CODE.match(code)
    return code[m.end() :] if m else code


def _local_prefix(before: str) -> bool:
    """Whether the characters before a known national code begin a local one: a province's
    abbreviation, alone or with 府/政 (赣府厅字, 湘政办发)."""
    abbreviation = before[:-1] if before.endswith(("府", "政")) else before
    return abbreviation[-1:] in province_codes()


def find_doc_numbers(text: str) -> list[FoundNumber]:
    out: list[FoundNumber] = []
    for m in P.DOC_NUMBER.finditer(text):
        # the run of characters left of the bracket ends in the 代字 (at most 20 of them are read)
        run_start = m.start()
        while run_start > 0 and m.start() - run_start < 20 and P.HAN_CHAR.match(text, run_start - 1):
            run_start -= 1
        spaced = _spaced_code_start(text, run_start, m.start())
        if spaced is not None:  # 国 办 发〔2017〕24号: a justified red header spreads the code out
            code, code_start = text[spaced : m.start()].replace(" ", ""), spaced
        else:
            code = trim_code(text[run_start : m.start()])
            code_start = m.start() - len(code)
            if code.endswith("第"):  # 湘政办字第〔2017〕5号: the serial's 第 put before the year
                code = code[:-1]
        if not code:
            continue
        found = _from_match(m, code, code_start)
        out += [found, *_sharing_code_and_year(text, found)]
    out += _decree_numbers(text)
    return sorted(out, key=lambda f: f.span.start)


def _spaced_code_start(text: str, run_start: int, bracket: int) -> int | None:
    """Where a code written a character at a time with spaces between (国 办 发) starts, if it is one."""
    if bracket - run_start != 1:
        return None
    start = run_start
    while start >= 2 and text[start - 1] == " " and P.HAN_CHAR.match(text, start - 2) \
            and (start == 2 or not P.HAN_CHAR.match(text, start - 3)):
        start -= 2
    return start if bracket - start >= 5 else None  # at least two characters before the last one


def _sharing_code_and_year(text: str, first: FoundNumber) -> list[FoundNumber]:
    """Serials written after a number without its code and year again: 国办发〔2016〕80号、81号."""
    out, end = [], first.span.end
    while (m := P.SERIAL_SHARING_CODE.match(text, end)) is not None:
        number = DocNumber(first.number.code, first.number.year, int(m.group("serial")), m.group("written"))
        out.append(FoundNumber(Span(m.start("written"), m.end()), number))
        end = m.end()
    return out


def _decree_numbers(text: str) -> list[FoundNumber]:
    out = []
    for m in P.DECREE_NUMBER.finditer(text):
        issuer = _decree_issuer(text[max(0, m.start() - 20) : m.start()])
        if issuer is None:
            continue
        start = m.start() - len(issuer)
        serial = int(m.group("serial") or m.group("serial_before"))
        number = DocNumber(code=issuer + "令", year=None, serial=serial, written=text[start : m.end()])
        out.append(FoundNumber(Span(start, m.end()), number))
    return out


def _decree_issuer(before: str) -> str | None:
    """The issuer that ends the Chinese characters before a decree's 令, without the narrative before it
    or the 中华人民共和国 of the decree's formal heading."""
    run = re.search(rf"[{P.HAN}]*$", before)
    chars = run.group(0) if run else ""
    chars = chars.rsplit("中华人民共和国", 1)[-1]
    while (lead := P.NARRATIVE_BEFORE_CODE.match(chars)) is not None and lead.end() < len(chars):
        chars = chars[lead.end() :]
    m = P.DECREE_ISSUER.search(chars)
    return m.group(0) if m else None


def parse_doc_number(text: str) -> DocNumber | None:
    """The first 发文字号 in a short text, normalized."""
    found = find_doc_numbers(text)
    return found[0].number if found else None


def normalize_doc_number(text: str) -> str | None:
    number = parse_doc_number(text)
    return number.normalized if number else None


# ---------------------------------------------------------------- issuers


@dataclass(frozen=True)
class CodeIssuer:
    issuer: str
    jurisdiction: str | None  # region code the series belongs to ("CN" for national series)
    how: str  # authority | code-prefix | local-code


_GENERIC_PREFIX = tuple("市县区州旗盟镇乡")


def issuer_of_code(code: str, citing_region: Region | None) -> CodeIssuer | None:
    """Who issues documents numbered with `code`, as far as the authority files and context tell."""
    known = issuer_codes().get(code)
    if known is not None:
        return CodeIssuer(known.issuer, known.region, "authority")
    bodies = code_bodies()
    gaz = gazetteer()
    province = province_codes().get(code[0])
    body = code[1:]
    local = _local_series(code, citing_region) if body in bodies else None
    if province is not None and body in bodies and not _outside(province, local, citing_region):
        region = gaz.get(province)
        # a prefecture whose abbreviation shares its own province's (桂林 uses 市政, not 桂政) cannot be
        # told apart here, so province wins: that is how provincial series are written
        if region is not None:
            return CodeIssuer(_compose(region, bodies[body][0]), province, "code-prefix")
    if local is not None:
        return CodeIssuer(_compose(local, bodies[body][1]), local.code, "local-code")
    return _local_decree_series(code, citing_region)


# the governments that may make rules, as a document of their own region shortens them
_DECREE_LEVELS = {"省政府令": "province", "省人民政府令": "province", "自治区政府令": "province",
                  "自治区人民政府令": "province", "市政府令": "prefecture", "市人民政府令": "prefecture"}


def _local_decree_series(code: str, citing_region: Region | None) -> CodeIssuer | None:
    """The government whose decrees a shortened series names: 湖南省政府令 is 湖南省人民政府's, and
    省政府令 (市政府令) cited in a document of 郴州市 is its province's (its city's)."""
    if not code.endswith("政府令"):
        return None
    region = region_in(code) if code not in _DECREE_LEVELS else None
    if region is None and citing_region is not None and code in _DECREE_LEVELS:
        chain = (citing_region, *gazetteer().ancestors(citing_region))
        region = next((r for r in chain if r.level == _DECREE_LEVELS[code]), None)
    if region is None:
        return None
    return CodeIssuer(government_of(region), region.code, "local-code")


def _outside(province: str, local: Region | None, citing_region: Region | None) -> bool:
    """Whether a code's first character names the citing document's own city rather than a province it
    lies outside: 青政发 cited in 青岛市 is 青岛市's (青 is 青海省 too), 吉府发 in 吉安市 is 吉安市's."""
    if local is None or citing_region is None:
        return False
    return province not in {r.code for r in (citing_region, *gazetteer().ancestors(citing_region))}


def _local_series(code: str, citing_region: Region | None) -> Region | None:
    """The region whose own series `code` is, seen from `citing_region`: 市政办 is the citing city's (and
    cited in a county, its city's: the word names the kind of place), and 岳政办函 cited in a county of
    岳阳市 is 岳阳市's, the county's prefecture."""
    if citing_region is None or citing_region.level == "national":
        return None
    chain = (citing_region, *gazetteer().ancestors(citing_region))
    if code.startswith(_GENERIC_PREFIX):
        return next((r for r in chain if r.name.endswith(code[0]) and not r.name.endswith("自治区")), citing_region)
    for region in chain:
        if _abbreviates(code[0], region):
            return region
    return None


def series_region(code: str, citing_region: Region | None, named_region: Region | None) -> Region | None:
    """Where to read a series from: for a generic one (市政办), the region the citation itself names where
    it is that kind of place (《桂林市2019年政务公开工作要点》（市政办〔2019〕20号）cited in the city 荔浦市 is
    桂林市's), else the citing document's."""
    if named_region is not None and code.startswith(_GENERIC_PREFIX) and named_region.name.endswith(code[0]):
        return named_region
    return citing_region


def _abbreviates(char: str, region: Region) -> bool:
    return char in region.name and region.level not in ("province", "national")


def _compose(region: Region, body: str) -> str:
    if body.startswith("党委"):
        # 桂办发 → 中共广西壮族自治区委员会办公厅; 潭办发 → 中共湘潭市委办公室
        party = f"中共{region.name}委员会" if region.level == "province" else f"中共{region.name}委"
        return party + body[2:]
    return f"{region.name}{body}"


def jurisdiction_of(code: str, citing_region: Region | None) -> str | None:
    """The region a number series belongs to, when the code alone does not identify it (市政办)."""
    found = issuer_of_code(code, citing_region)
    if found is not None:
        return found.jurisdiction
    local = _local_series(code, citing_region)
    return local.code if local is not None else None
