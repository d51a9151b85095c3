"""Stage 2: `NormalizedText` → `Structure` (title, type, region, year, issuer, number, dates, sections).

Evidence is taken in order of reliability: the portal's metadata table, then the title line,
then the closing signature, then the running text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from . import patterns as P
from .agencies import make_agency
from .agencies import national as national_agencies
from .docnumbers import issuer_of_code, parse_doc_number
from .model import DocNumber, DocType, DocumentPart, Located, NormalizedText, Region, Section, Span, Structure
from .regions import dominant_region, government_of, mentions, region_in
from .vocab import NATIONAL, document_genres, gazetteer, report_outline


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def iter_lines(text: str) -> Iterator[Line]:
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            yield Line(pos + lead, pos + lead + len(stripped), stripped)
        pos += len(raw) + 1


# ---------------------------------------------------------------- metadata table


def read_metadata(lines: list[Line]) -> dict[str, Located]:
    """Fields of a '发文机关: | … |' table at the top of a portal page."""
    meta: dict[str, Located] = {}
    for line in lines[:12]:
        if not P.META_FIELD.search(line.text):
            continue
        for m in P.META_FIELD.finditer(line.text):
            key = re.sub(r"\s", "", m.group("key"))
            value = m.group("value").strip()
            if value and key not in meta:
                start = line.start + m.start("value")
                meta[key] = Located(value, Span(start, start + len(value)))
    return meta


def _metadata_end(lines: list[Line]) -> int:
    """Index of the first line after the metadata table."""
    i = 0
    while i < len(lines) and i < 12 and _metadata_line(lines[i].text):
        i += 1
    return i


def _metadata_line(text: str) -> bool:
    """A row of the table ('| 发文机关： | …'), its rule ('|---|'), or a 'key：value' line of a catalogue."""
    if "|" in text:
        return bool(P.META_FIELD.search(text)) or set(text) <= set("-|: ")
    return bool(P.META_FIELD.match(text.strip()))


# ---------------------------------------------------------------- title and type


def _looks_like_title(text: str) -> bool:
    if not 6 <= len(text) <= 90 or "。" in text or text.count(",") + text.count("，") > 1:
        return False
    return bool(P.TITLE_ENDING.search(text))


def classify(title: str | None, head: str) -> DocType:
    if title:
        if P.NOTICE_TITLE_END.search(title):  # 关于做好…年度报告编制和发布工作的通知 is a notice
            return DocType.NOTICE
        if P.ANNUAL_REPORT_TITLE.search(title):
            return DocType.ANNUAL_REPORT
        if P.WORK_PLAN_TITLE_END.search(title):
            return DocType.WORK_PLAN
    if P.REPORT_YEAR.search(head) or "年度报告" in head:
        return DocType.ANNUAL_REPORT
    return DocType.OTHER


def has_report_outline(headings: list[str]) -> bool:
    """Untitled text whose headings follow the statutory outline of an annual report."""
    outline = report_outline()
    return sum(1 for part in outline if any(part in h for h in headings)) >= 3


def states_report_figures(text: str) -> bool:
    """Untitled text that gives at least two of the year's figures an annual report gives, and no plan's tasks."""
    if "信息公开" not in text or P.PLAN_TASK_MARK.search(text):
        return False
    return sum(1 for pattern in P.REPORT_FIGURES if pattern.search(text)) >= 2


def lays_out_a_plan(head: str) -> bool:
    """Untitled text that says it is a plan (制定本方案) and assigns its tasks (责任单位：…)."""
    return P.PLAN_ITSELF.search(head) is not None and P.PLAN_TASK_MARK.search(head) is not None


# ---------------------------------------------------------------- year


def arabic_year(written: str) -> str:
    """'二〇二〇' → '2020'; a year in figures is returned as it is."""
    return written.translate(_CN_DIGIT_VALUES)


_CN_DIGIT_VALUES = str.maketrans({ch: str(max(0, i - 3)) for i, ch in enumerate(P.CN_DIGIT)})


def _small_number(written: str) -> int:
    """A month or a day in characters: 五 → 5, 十二 → 12, 二十八 → 28, 三十 → 30."""
    tens, ten, units = written.partition("十")
    if not ten:
        return int(arabic_year(written))
    return (int(arabic_year(tens)) if tens else 1) * 10 + (int(arabic_year(units)) if units else 0)


def _year(m: re.Match[str] | None, base: int = 0) -> Located | None:
    if m is None:
        return None
    return Located(arabic_year(m.group("year")), Span(base + m.start("year"), base + m.end("year")))


def plan_year(title: Located) -> Located | None:
    """The year a plan's title gives it: its own (2019年…要点), the first of several (2018—2020年…, or
    …方案（2020—2022年）), or the first of the five-year period it names (“十四五”规划: 2021)."""
    base = title.span.start if title.span else 0
    found = _year(P.PLAN_YEAR.search(title.value) or P.PLAN_YEARS_AFTER.search(title.value), base)
    if found is not None:
        return found
    period = P.FIVE_YEAR_PERIOD.search(title.value)
    if period is None:
        return None
    ordinal = 10 + "一二三四五六七八九".index(period.group("n")) + 1  # 十四五: the 14th
    first = FIRST_PERIOD_START + 5 * (ordinal - FIRST_PERIOD)
    return Located(str(first), Span(base + period.start(), base + period.end()))


FIRST_PERIOD, FIRST_PERIOD_START = 3, 1966  # the third five-year plan, the first after the 1963–65 gap


def report_year(title: Located | None, text: str) -> Located | None:
    if title and title.span:
        # the year in parentheses after the title is the one reported on: …2019年…年度报告（2018年度）
        found = _year(P.REPORT_YEAR_AFTER.search(title.value) or P.REPORT_YEAR.search(title.value),
                      title.span.start)
        if found:
            return found
    head = text[:3000]
    return (
        _year(P.REPORT_YEAR.search(head))
        or _year(P.REPORT_YEAR_AFTER.search(head))
        or _year(P.STAT_PERIOD_YEAR.search(head))
        or _most_common_year(head)
    )


def _most_common_year(text: str) -> Located | None:
    years = list(P.LEADING_YEAR.finditer(text))
    if not years:
        return None
    counts = Counter(arabic_year(m.group("year")) for m in years)
    best = counts.most_common(1)[0][0]
    first = next(m for m in years if arabic_year(m.group("year")) == best)
    return _year(first)


# ---------------------------------------------------------------- issuer and region


def issuers_from_title(title: Located) -> list[Located]:
    """Who a title names as its issuers, each with its place: one, or several for a joint document."""
    m = P.TITLE_ISSUER_PREFIX.match(title.value)
    if not m:
        found = _issuer_before_year(title.value)
        return [_within(title, 0, found)] if found else []
    whole = m.group("issuer")
    pieces = P.JOINT_ISSUER_SEPARATOR.split(whole)
    if len(pieces) > 1 and not all(P.AGENCY_NAME_END.search(p) for p in pieces):
        return [_within(title, 0, whole)]
    names, at = [], 0
    for piece in pieces:
        at = title.value.index(piece, at)
        names.append(_within(title, at, piece))
        at += len(piece)
    return names


def issuer_from_title(title: str) -> str | None:
    """The first issuer a title names (the lead one of a joint document)."""
    names = issuers_from_title(Located(title))
    return names[0].value if names else None


def _issuer_before_year(title: str) -> str | None:
    # '桂林市教育局2019年政府信息公开工作年度报告': the issuer stands before the year, or after it
    # ('2022年度湘潭市人力资源和社会保障局政府信息公开工作年度报告')
    m = re.match(rf"^(?P<who>[^\d]{{2,30}}?){P.YEAR}\s*年", title) or P.ISSUER_AFTER_TITLE_YEAR.match(title)
    if m:
        who = m.group("who")
        if P.AGENCY_NAME_END.search(who):
            return who
        if P.ZONE_NAME_END.search(who) and not gazetteer().lookup(who):
            return who  # 南宁经济技术开发区: a zone its management committee runs, no region of the gazetteer
    return None


def _township_government(title: Located, signature: Located | None) -> Located | None:
    """The government of the township a report's title names before its year: its signature when
    that names it (宁乡市花明楼镇人民政府), else inferred from the place, without a span."""
    m = P.TOWNSHIP_IN_REPORT_TITLE.match(title.value)
    place = m.group("place") if m is not None else None
    if place is None or gazetteer().lookup(place):
        return None
    government = place + ("办事处" if place.endswith("街道") else "人民政府")
    signed = P.TOWNSHIP_GOVERNMENT.search(signature.value) if signature is not None else None
    if signed is not None and (place.endswith(signed.group("place")) or signed.group("place").endswith(place)):
        return signature  # the document's own words for its government, with their place
    return Located(government)


def _within(title: Located, at: int, text: str) -> Located:
    return Located(text, title.span and Span(title.span.start + at, title.span.start + at + len(text)))


def _signature(lines: list[Line], start: int, end: int) -> tuple[Located | None, Located | None]:
    """An agency name line followed by a date line: the closing signature of a notice."""
    for i in range(start, min(end, len(lines)) - 1):
        name, date = lines[i], lines[i + 1]
        if (
            len(name.text) <= 30
            and P.AGENCY_NAME_END.search(name.text)
            and P.CN_DATE.fullmatch(date.text)
        ):
            return Located(name.text, Span(name.start, name.end)), Located(date.text, Span(date.start, date.end))
    return None, None


def _undated_signature(lines: list[Line], after: int) -> Located | None:
    """An agency's name on a line of its own right after the body's last sentence, with no date below
    it (a page that prints the date in its header): the notice's signature."""
    for i in range(1, len(lines)):
        line, before = lines[i], lines[i - 1]
        if line.start < after or not P.LINE_ENDS_SENTENCE.search(before.text):
            continue
        if len(line.text) <= 30 and P.AGENCY_NAME_LINE.fullmatch(line.text):
            following = lines[i + 1].text if i + 1 < len(lines) else ""
            if not following or _looks_like_title(following):  # the end, or the plan the notice issues
                return Located(line.text, Span(line.start, line.end))
    return None


def _date_line(lines: list[Line], start: int, end: int) -> Located | None:
    """A line that is only a date written out in 年月日, between the title and the end of the part: a
    notice's date of writing when no agency name stands above it (the signature left out)."""
    for line in lines:
        if start <= line.start and line.end <= end:
            m = P.CN_DATE.fullmatch(line.text)
            if m and not m.group("y2"):
                return Located(line.text, Span(line.start, line.end))
    return None


def _report_compiler(text: str, lines: list[Line]) -> Located | None:
    """A department or office that speaks in a report whose title names no one: 本报告由…编制 near
    the top, else the closing signature. None for a government or its office, whose report is the
    government's own, named after its region."""
    m = P.REPORT_COMPILER.search(text, 0, 3000)
    found: Located | None
    if m and P.AGENCY_NAME_END.search(m.group("who")):
        found = Located(m.group("who"), Span(m.start("who"), m.end("who")))
    else:
        tail = max(0, len(lines) - SIGNATURE_LINES)
        found = _signature(lines, tail, len(lines))[0]
    if found is None or P.GOVERNMENT_OR_ITS_OFFICE_END.search(found.value):
        return None
    return found


def _publisher(meta: dict[str, Located], doc_type: DocType, title: Located | None) -> Located | None:
    """The portal's 发布机构, unless it is a government's office that posted the government's report:
    岳阳市2022年政府信息公开工作年度报告 is 岳阳市人民政府's, whoever put it on the site."""
    found = meta.get("发布机构") or meta.get("发布单位")
    if found is None or doc_type is not DocType.ANNUAL_REPORT:
        return found
    named = issuers_from_title(title) if title is not None else []
    if named:
        # the report's author is the one its title names (湘潭市人民政府2019年…, posted by the
        # government's office); the portal's name for it only where it is that one in full (市教育局2019年…
        # posted by 湘潭市教育局)
        return found if found.value.endswith(named[0].value) else None
    if P.GOVERNMENT_OFFICE_END.search(found.value):
        return None
    return found


def _general_office(region: Region) -> Located | None:
    """The general office of a region's government (钦州市人民政府办公室, 河北省人民政府办公厅), which
    issues its disclosure plans: an inference, so it has no span in the text."""
    office = make_agency(region, "人民政府办公室")
    return Located(office.name) if office is not None and region.level != "national" else None


def _issuer_of_number(number: str, region: Region | None) -> Located | None:
    """Who issued a document that names no one but has a number: its 机关代字 says (湘政办函 is
    湖南省人民政府办公厅's)."""
    parsed = parse_doc_number(number)
    found = issuer_of_code(parsed.code, region) if parsed is not None else None
    return Located(found.issuer) if found is not None else None


SIGNATURE_LINES = 6  # lines at the end of a report its signature may stand on


def iso_date(text: str) -> str | None:
    m = P.CN_DATE.search(text)
    if not m:
        return None
    if m.group("y3"):
        return f"{arabic_year(m.group('y3'))}-{_small_number(m.group('m3')):02d}-{_small_number(m.group('d3')):02d}"
    y, mo, d = (m.group("y"), m.group("m"), m.group("d")) if m.group("y") else (m.group("y2"), m.group("m2"),
                                                                                 m.group("d2"))
    return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"


def _as_the_text_places_it(region: Region, text: str) -> Region:
    """A division whose name several share (朝阳区: 北京市's, 长春市's) as the document places it
    where it names the city or province around it (北京市朝阳区)."""
    if len(gazetteer().lookup(region.name)) < 2:
        return region
    return next((r for _, _, r in mentions(text[:20_000]) if r.name == region.name), region)


def _region_for(title: str | None, issuer: str | None, text: str) -> Region | None:
    # a place named only inside the title's 《》 is the cited document's: 关于转发《湖南省…》的通知
    # from 韶山市 is 韶山市's, 关于印发《湘潭县…要点》的通知 is 湘潭县's when its issuer says so too
    own_words = P.TITLE_QUOTED.sub("", title) if title else None
    for candidate in (own_words, issuer, title):
        if candidate:
            found = region_in(candidate)
            if found is not None:
                return _as_the_text_places_it(found, text)
    if issuer is not None and issuer in national_agencies():
        return NATIONAL  # 国务院办公厅关于印发…的通知: a national document names no region
    m = re.search(r"由(?P<who>[^，。,]{2,20}?)(?:人民政府|政府)(?:办公室)?编制", text[:3000])
    if m:
        found = region_in(m.group("who"))
        if found is not None:
            return found
    return dominant_region(text)


# ---------------------------------------------------------------- sections


def sections(lines: list[Line], start: int, end: int) -> tuple[Section, ...]:
    found: list[tuple[int, str, Line]] = []
    for line in lines:
        if not start <= line.start < end:
            continue
        m = P.SECTION_HEADING.match(line.text)
        if m:
            level = next(int(k[1]) for k in ("l1", "l2", "l3", "l4") if m.group(k))
            found.append((level, m.group(f"l{level}"), line))
        elif P.MOJIBAKE_LEAD.match(line.text):
            # a garbled '（一）' heading: the level is certain, the number is lost
            found.append((2, "?", line))
    # a section's body ends where the next heading of the same or a higher level starts
    body_ends = [end] * len(found)
    open_sections: list[int] = []
    for i, (level, _, line) in enumerate(found):
        while open_sections and found[open_sections[-1]][0] >= level:
            body_ends[open_sections.pop()] = line.start
        open_sections.append(i)
    out: list[Section] = []
    path: list[int] = []
    children: dict[tuple[int, ...], int] = {}
    for i, (level, number, line) in enumerate(found):
        parent = tuple(path[: level - 1]) + (0,) * max(0, level - 1 - len(path))
        children[parent] = children.get(parent, 0) + 1
        path = [*parent, children[parent]]
        heading = re.split(r"[。]", line.text, maxsplit=1)[0][:80]
        out.append(Section(number, level, heading, Span(line.start, line.end), Span(line.start, body_ends[i]),
                           tuple(path)))
    return tuple(out)


def innermost_sections(sections: tuple[Section, ...], positions: list[int]) -> list[Section | None]:
    """For each position (in increasing order), the deepest section whose body holds it."""
    ordered = sorted(sections, key=lambda s: (s.body.start, -s.body.end))
    out: list[Section | None] = []
    stack: list[Section] = []
    i = 0
    for pos in positions:
        while i < len(ordered) and ordered[i].body.start <= pos:
            while stack and stack[-1].body.end <= ordered[i].body.start:
                stack.pop()
            stack.append(ordered[i])
            i += 1
        while stack and stack[-1].body.end <= pos:
            stack.pop()
        out.append(stack[-1] if stack else None)  # bodies nest, so the top of the stack is the deepest
    return out


# ---------------------------------------------------------------- the document


def _title(lines: list[Line], meta: dict[str, Located], first: int) -> Located | None:
    """The title line near the top: past a red-header document's front matter (its issuer's
    文件 line, the number, 签发人, page marks), and joined when a PDF broke it over lines."""
    if "标题" in meta:
        return _meta_title_wrapped(lines, meta["标题"])
    if "名称" in meta and _looks_like_title(meta["名称"].value):  # 名称 names a catalogue's other things too
        return meta["名称"]
    for i in range(first, min(len(lines), first + TITLE_SEARCH_LINES)):
        for parts in range(1, TITLE_MAX_LINES + 1):
            block = lines[i : i + parts]
            if len(block) < parts or (parts > 1 and not all(_title_piece(b.text) for b in block)):
                break
            if parts == 2 and _title_of_its_own(block[0].text, block[1].text):
                break  # 澎湃新闻 ⏎ 梧州市2017年…年度报告: an outlet's name above the title is not part of it
            text = "".join(b.text for b in block)
            note = P.TITLE_PAGE_NOTE.search(text)
            end = block[-1].end - (len(text) - note.start() if note else 0)
            if note is not None:
                text = text[: note.start()]  # …年度报告（全文）: the title ends before the page's note
            tag = P.TITLE_TAG.match(text)
            if tag and _looks_like_title(text[tag.end() :]):
                return Located(text[tag.end() :], Span(block[0].start + tag.end(), end))
            site = _title_before_site_name(text) if parts == 1 else None
            if site is not None:
                return Located(site, Span(block[0].start, block[0].start + len(site)))
            dated = P.TITLE_WITH_DATE.match(text) if parts == 1 else None
            if dated is not None:
                group = "title_after" if dated.group("title_after") else "title_before"
                if _looks_like_title(dated.group(group)):
                    return Located(dated.group(group), Span(block[0].start + dated.start(group),
                                                            block[0].start + dated.end(group)))
            numbered = _title_and_number(text)
            if numbered is not None and _looks_like_title(numbered[0]):
                return Located(numbered[0], Span(block[0].start, block[0].start + len(numbered[0])))
            if _looks_like_title(text):
                after = lines[i + parts] if i + parts < len(lines) and note is None else None
                if after is not None and P.TITLE_YEAR_LINE.fullmatch(after.text):  # …年度报告\n（2017年度）
                    return Located(text + after.text.strip(), Span(block[0].start, after.end))
                return _with_issuers_above(lines[first:i], Located(text, Span(block[0].start, end)))
        # the title is one of the first two lines, or comes after the front matter only
        if i >= first + 1 and not _front_matter(lines[i].text) and not P.ISSUER_ONLY_LINE.fullmatch(lines[i].text):
            break
    return None


def _meta_title_wrapped(lines: list[Line], title: Located) -> Located:
    """The 标题 field of a catalogue whose cell a PDF wrapped (标题: 钦州市…关于印发钦州市2017年政 ⏎ 务公开工作实施方案
    的通知): the line after it goes on with the title where together they make one and it is no field."""
    if title.span is None or _looks_like_title(title.value):
        return title
    end = title.span.end
    following = next((line for line in lines if line.start > end), None)
    field_after = any(line.start <= end < line.end for line in lines)  # another field on the title's line
    if following is None or field_after or _metadata_line(following.text) or not _title_piece(following.text):
        return title
    joined = title.value + following.text
    return Located(joined, Span(title.span.start, following.end)) if _looks_like_title(joined) else title


def _tidy_title(title: Located | None) -> Located | None:
    """The title without the gaps a PDF's layout leaves around its figures (桂林市 2017 年…); the gap between
    two issuers' names stays, and the span still covers what the file says."""
    if title is None or not P.GAP_BESIDE_FIGURE.search(title.value):
        return title
    return replace(title, value=P.GAP_BESIDE_FIGURE.sub("", title.value))


def _with_issuers_above(above: list[Line], title: Located) -> Located:
    """A title that starts with 关于 under a line or two that only name its issuers (株洲市人民政府办公室⏎
    关于转发《…》的通知): the title was broken after the issuers' names, as official documents set it."""
    if not title.value.startswith("关于") or title.span is None:
        return title
    issuers: list[Line] = []
    for line in reversed(above[-2:]):
        if not P.ISSUER_ONLY_LINE.fullmatch(line.text) or _front_matter(line.text):
            break
        issuers.insert(0, line)
    if not issuers:
        return title
    names = " ".join(line.text.strip() for line in issuers)
    return Located(names + title.value, Span(issuers[0].start, title.span.end))


def _title_before_site_name(text: str) -> str | None:
    """The title of a line a scraper copied from the page's <title>: 柳州市…年度报告_柳州市人民政府门户网站."""
    if _looks_like_title(text):
        return None
    pieces = P.PAGE_TITLE_SEPARATOR.split(text, maxsplit=1)
    if len(pieces) == 2 and _looks_like_title(pieces[0]) and not P.TITLE_ENDING.search(pieces[1]):
        return pieces[0]
    return None


TITLE_SEARCH_LINES = 8  # lines from the top a title may start at, past the front matter
TITLE_MAX_LINES = 3  # lines a title may be broken over


def _title_of_its_own(above: str, line: str) -> bool:
    """Whether `line` is a whole title that names its place first, under a line that names none (an outlet's
    or a column's name): a title broken over lines names its issuers in its first piece, not its second."""
    if not _looks_like_title(line) or P.TITLE_GOES_ON.search(above) or mentions(above):
        return False
    named = mentions(line)
    return bool(named) and named[0][0] == 0


def _title_piece(text: str) -> bool:
    """A line that may be part of a title broken over lines: short, no sentence in it."""
    text = P.TITLE_PAGE_NOTE.sub("", text)
    return len(text) <= 40 and not P.LINE_ENDS_SENTENCE.search(text) and not _front_matter(text)


def _front_matter(text: str) -> bool:
    return bool(P.FRONT_MATTER_LINE.match(text)) or _number_line(text) is not None


def _number_line(text: str) -> DocNumber | None:
    """The number of a line that holds little else (丽政办发〔2019〕31号), as under a red header; a line
    with words beside its number (根据国办发〔2018〕23号文件) is a sentence citing it."""
    number = parse_doc_number(text)
    if number is None:
        return None
    at = text.find(number.written)
    rest = text[:at] + text[at + len(number.written):] if at >= 0 else text
    return number if P.NUMBER_LINE_REST.fullmatch(rest) else None


def _title_and_number(text: str) -> tuple[str, DocNumber, int] | None:
    """(title, number, where the number starts) of a title line ending in its own number."""
    m = P.TITLE_WITH_OWN_NUMBER.match(text) or P.TITLE_WITH_OWN_NUMBER_APART.match(text)
    number = parse_doc_number(m.group("number")) if m else None
    return (m.group("title"), number, m.start("number")) if m and number is not None else None


def _own_number(lines: list[Line], meta: dict[str, Located], first: int, title: Located | None,
                signed_on: Located | None) -> Located | None:
    for key in ("发文字号", "文号", "发布文号"):
        if key in meta:
            number = parse_doc_number(meta[key].value)
            if number is not None:
                return Located(number.normalized, meta[key].span)
    for line in lines[first : first + 4]:
        number = _number_line(line.text)
        if number is not None:
            return Located(number.normalized, Span(line.start, line.end))
    if title is not None and title.span is not None:
        title_line = next((ln for ln in lines if ln.start <= title.span.start < ln.end), None)
        numbered = _title_and_number(title_line.text) if title_line else None
        if title_line and numbered:
            return Located(numbered[1].normalized, Span(title_line.start + numbered[2], title_line.end))
    if signed_on is not None and signed_on.span is not None:
        # some sites print the number last, under the signature: （市政办〔2017〕53号）
        after = [ln for ln in lines if ln.start > signed_on.span.start][:SIGNATURE_NUMBER_LINES]
        for line in after:
            number = _number_line(line.text)
            if number is not None:
                return Located(number.normalized, Span(line.start, line.end))
    return None


SIGNATURE_NUMBER_LINES = 2  # lines under a signature's date the document's number may stand on


def _attachment_starts(lines: list[Line], title: str, after: int) -> list[Line]:
    """The title line of each document a notice issues (关于印发《A》和《B》的通知: A's and B's), in
    the order they come."""
    m = P.ISSUE_NOTICE_TITLE.match(title)
    if not m:
        return []
    inner = re.sub(r"^[《〈<]|[》〉>]$", "", m.group("inner"))
    titles = P.TITLES_JOINED.split(inner)
    found: list[Line] = []
    for wanted in dict.fromkeys(titles):
        line = next((ln for ln in lines if ln.start > after and ln.text.strip("《》 ") == wanted), None)
        if line is not None:
            found.append(line)
    return sorted(found, key=lambda ln: ln.start)


def _attachment_type(title: str, only: bool) -> DocType:
    """What an issued document is: as its title says, else a plan, unless it names another genre
    (考核办法) beside others."""
    kind = classify(title, "")
    if kind is not DocType.OTHER:
        return kind
    return DocType.OTHER if not only and title.endswith(document_genres()) else DocType.WORK_PLAN


def _year_of_issue(number: Located | None, date: Located | None) -> Located | None:
    if date is not None:
        m = P.LEADING_YEAR.search(date.value)
        if m and date.span:
            return Located(arabic_year(m.group("year")),
                           Span(date.span.start + m.start("year"), date.span.start + m.end("year")))
    if number is not None:
        m = re.search(r"〔(\d{4})〕", number.value)
        if m:
            return Located(m.group(1), number.span)
    return None


def _forwarded_issuers(text: str, notice_end: int, title: str) -> list[Located]:
    """Who issued a forwarded document: the issuer of the notice that first issued it, as the
    forwarding notice cites that notice."""
    for m in P.FORWARDED_NOTICE.finditer(text, 0, notice_end):
        if m.group("title").strip() == title:
            return issuers_from_title(Located(m.group("notice"), Span(m.start("notice"), m.end("notice"))))
    return []


def _attachment(lines: list[Line], line: Line, end: int, main: DocumentPart, forwarded: list[Located] | None,
                only: bool) -> DocumentPart:
    """The document a notice issues, from its title line to `end`: its year and region as its title
    says, else the notice's; its issuer the notice's, unless the notice forwards it (`forwarded`:
    the issuers of the notice it forwards, where the body cites it)."""
    title = Located(line.text.strip("《》 "), Span(line.start, line.end))
    return DocumentPart(
        title=title,
        title_inferred=False,
        doc_type=_attachment_type(title.value, only),
        year=plan_year(title) or main.year,
        region=region_in(title.value) or main.region,
        # what a notice forwards was issued by someone else, whom its title does not name
        issuer=main.issuer if forwarded is None else next(iter(forwarded), None),
        number=None,
        date_written=main.date_written,
        date_published=main.date_published,
        span=Span(line.start, end),
        sections=sections(lines, line.end, end),
        co_issuers=main.co_issuers if forwarded is None else tuple(forwarded[1:]),
    )


def structure_document(text: NormalizedText) -> Structure:
    """Find the documents in a file and read what identifies each one."""
    lines = list(iter_lines(text.text))
    meta = read_metadata(lines)
    first = _metadata_end(lines)
    title = _tidy_title(_title(lines, meta, first))
    head = text.text[:3000]
    doc_type = classify(title.value if title else None, head)
    if doc_type is DocType.OTHER and title is None:
        headings = [s.heading for s in sections(lines, 0, len(text.text))]
        if has_report_outline(headings) or states_report_figures(text.text):
            doc_type = DocType.ANNUAL_REPORT
        elif lays_out_a_plan(head):
            doc_type = DocType.WORK_PLAN
    signature, signed_on = _signature(lines, 0, len(lines))
    number = _own_number(lines, meta, first, title, signed_on)

    issuer = meta.get("发文机关") or _publisher(meta, doc_type, title) or meta.get("发文单位")
    co_issuers: tuple[Located, ...] = ()
    if issuer is None and title is not None:
        named = issuers_from_title(title)
        if named:
            issuer, co_issuers = named[0], tuple(named[1:])
    if issuer is None and title is not None and doc_type is DocType.ANNUAL_REPORT:
        issuer = _township_government(title, signature)
    if signature is None and doc_type in (DocType.NOTICE, DocType.WORK_PLAN):
        signature = _undated_signature(lines, title.span.end if title and title.span else 0)
    if issuer is None and signature is not None and doc_type in (DocType.NOTICE, DocType.WORK_PLAN):
        issuer = signature
    if issuer is None and doc_type is DocType.ANNUAL_REPORT and (title is None or region_in(title.value) is None):
        issuer = _report_compiler(text.text, lines)
    region = _region_for(title.value if title else None, issuer.value if issuer else None, text.text)
    if issuer is None and region is not None and doc_type is DocType.ANNUAL_REPORT:
        issuer = Located(government_of(region))
    if issuer is None and number is not None and doc_type in (DocType.NOTICE, DocType.WORK_PLAN):
        issuer = _issuer_of_number(number.value, region)
    if issuer is None and region is not None and doc_type is DocType.WORK_PLAN:
        issuer = _general_office(region)  # a region's disclosure plan is its government office's to issue

    written = meta.get("成文日期") or signed_on or meta.get("印发日期") or meta.get("生成日期")
    published = meta.get("发布日期") or meta.get("公开日期") or meta.get("发布时间")
    attachment_lines = _attachment_starts(lines, title.value, signature.span.start if signature and signature.span
                                          else 0) if title else []
    main_end = attachment_lines[0].start if attachment_lines else len(text.text)
    if written is None and doc_type in (DocType.NOTICE, DocType.WORK_PLAN):
        written = _date_line(lines, title.span.end if title and title.span else 0, main_end)

    if doc_type is DocType.ANNUAL_REPORT:
        year = report_year(title, text.text)
    elif doc_type is DocType.WORK_PLAN:
        year = plan_year(title) if title else None
        year = year or _year_of_issue(number, written or published)  # a plan whose title names no year
    else:
        year = _year_of_issue(number, written or published)
    if year is None:
        year = _most_common_year(head)

    if title is None and doc_type is DocType.ANNUAL_REPORT and region and year:
        # a department's report is named after the department, a government's after its region
        own = issuer.value if issuer and issuer.value != government_of(region) else region.name
        title = Located(f"{own}{year.value}年政府信息公开工作年度报告")
        title_inferred = True
    else:
        title_inferred = False

    main = DocumentPart(
        title=title,
        title_inferred=title_inferred,
        doc_type=doc_type,
        year=year,
        region=region,
        issuer=issuer,
        number=number,
        date_written=written,
        date_published=published,
        span=Span(0, main_end),
        sections=sections(lines, 0, main_end),
        co_issuers=co_issuers,
    )
    forwards = P.FORWARDING_NOTICE_TITLE.search(title.value if title else "") is not None
    ends = [line.start for line in attachment_lines[1:]] + [len(text.text)] if attachment_lines else []
    attachments = tuple(
        _attachment(lines, line, end, main,
                    _forwarded_issuers(text.text, main_end, line.text.strip("《》 ")) if forwards else None,
                    len(attachment_lines) == 1)
        for line, end in zip(attachment_lines, ends, strict=True)
    )
    return Structure(text=text, main=main, attachments=attachments)
