"""Stage 3: find where a document cites others.

Forms handled (see tests/test_citations.py for one row per form):
《title》(number) pairs; titles written outside 《》 before a number (X关于印发《Y》的通知(N));
titles in “” before a number; title-only and number-only citations; nested 〈〉 titles;
aliases (以下简称《条例》) and their later uses. Periodicals (《桂林日报》) are not documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import patterns as P
from .agencies import AgencyMention
from .docnumbers import FoundNumber, find_doc_numbers, parse_doc_number
from .model import Citation, CitationKind, DocNumber, Span
from .vocab import document_genres, known_works, periodical_suffixes, qualified_aliases, short_names


@dataclass(frozen=True)
class _Quoted:
    span: Span  # including 《》
    title: str


def sentence_around(text: str, start: int, end: int) -> Span:
    left = start
    while left > 0 and not P.SENTENCE_END.match(text[left - 1]):
        left -= 1
    m = P.SENTENCE_END.search(text, end)
    right = m.end() if m and text[m.start()] != "\n" else (m.start() if m else len(text))
    return Span(left, right)


def _kind(text: str, start: int, end: int) -> CitationKind:
    before = text[max(0, start - 80) : start]
    if P.CITES_AS_AUTHORITY.search(before):
        return CitationKind.AUTHORITY
    if P.CITES_TO_IMPLEMENT.search(before) or P.PASSED_DOWN_TO_IMPLEMENT.match(text, end):
        return CitationKind.IMPLEMENTS
    return CitationKind.CITES


def clean_title(title: str) -> str:
    return re.sub(r"\s+", "", title).strip("“”\"")


def inner_titles(title: str) -> tuple[str, ...]:
    return tuple(m.group("inner") for m in P.INNER_TITLE.finditer(title))


def is_periodical(title: str, following: str) -> bool:
    if P.PERIODICAL_ISSUE_COUNT.match(following):
        return True
    if re.search(r"(统计|环境状况|状况|发展)公报$", title):
        return False
    return title.endswith(periodical_suffixes())




def is_document_title(title: str) -> bool:
    bare = P.TITLE_QUALIFIER.sub("", title)
    if title in known_works():
        return True
    if len(bare) <= 4 and not bare.endswith("法"):
        return False  # 《统计报告》, 《办法》: a genre word, not a particular document
    return bare.endswith(document_genres()) or bool(P.AGENCY_OPENING.match(bare))


def _quoted_titles(text: str) -> list[_Quoted]:
    quoted = [_Quoted(Span(m.start(), m.end()), clean_title(m.group("title"))) for m in P.TITLE_QUOTED.finditer(text)]
    inside = [q.span for q in quoted]
    angled = [_Quoted(Span(m.start(), m.end()), clean_title(m.group("title") or m.group("ascii")))
              for m in P.TITLE_IN_ANGLES.finditer(text) if not any(s.start < m.start() < s.end for s in inside)]
    return sorted(quoted + angled, key=lambda q: q.span.start)


def _number_in_parens(text: str, at: int, numbers: dict[int, FoundNumber]) -> tuple[FoundNumber, int] | None:
    """A number inside the parenthesis that starts at `at`; returns it and the end of the parenthesis."""
    m = P.AFTER_TITLE_NUMBER.match(text, at)
    if not m:
        return None
    inner = "inner" if m.group("inner") is not None else "lenticular"
    for start in range(m.start(inner), m.end(inner)):
        found = numbers.get(start)
        if found is not None and found.span.end <= m.end(inner) + 1:
            return found, m.end()
    return None


def _alias_beside_number(text: str, number: FoundNumber, paren_end: int) -> str | None:
    """The short name defined after the number, inside its parenthesis (国务院令第711号，以下简称《条例》)."""
    m = P.ALIAS_IN_NUMBER_PARENS.match(text[: max(number.span.end, paren_end - 1)], number.span.end)
    return m.group("alias") if m else None


def _number_beside(text: str, title: Span, numbers: dict[int, FoundNumber], ends: dict[int, FoundNumber],
                   used: set[int]) -> tuple[FoundNumber, int] | None:
    """A number written against the title without a parenthesis: 国办发〔2017〕24号《2017年政务公开工作要点》,
    《…实施细则》国办发〔2016〕80号. Returns it and where the citation ends."""
    after = P.NUMBER_BESIDE_TITLE.match(text, title.end)
    if after and (found := numbers.get(after.end())) is not None:
        return found, found.span.end
    before = P.NUMBER_BESIDE_TITLE_BEFORE.search(text, max(0, title.start - 4), title.start)
    if before and (found := ends.get(before.start())) is not None and found.span.start not in used:
        return found, title.end
    return None


def _qualified_alias(text: str, start: int, title: str) -> tuple[int, str, DocNumber] | None:
    """The known document a genre word in 《》 stands for right after the bodies that issued it (两办《意见》,
    国办印发的《实施细则》): where it starts, its title and its number."""
    known = qualified_aliases().get(title)
    if known is None:
        return None
    before = text[max(0, start - 24) : start]
    tail = P.ISSUED_BEFORE_TITLE.search(before)
    words = before[: tail.start()] if tail else before
    issuer = next((w for w in known.issued_by if words.endswith(w)), None)
    number = parse_doc_number(known.number)
    if issuer is None or number is None:
        return None
    return start - (len(before) - len(words)) - len(issuer), known.title, number


def _co_listed(text: str, first: FoundNumber, numbers: dict[int, FoundNumber]) -> list[FoundNumber]:
    """The numbers listed after `first` in the same parenthesis, which the title before it also goes by."""
    listed: list[FoundNumber] = []
    end = first.span.end
    while (join := P.CO_LISTED_NUMBER_JOIN.match(text, end)) and (found := numbers.get(join.end())) is not None:
        listed.append(found)
        end = found.span.end
    return listed


def _bare_title_before(text: str, paren: int) -> tuple[int, str] | None:
    """An unquoted title that ends right before the parenthesis at `paren` (…的通知(N))."""
    while paren > 0 and text[paren - 1] in " \u3000\n":  # a line wrapped between the title and its number
        paren -= 1
    if paren == 0:
        return None
    if text[paren - 1] == "”":
        open_at = text.rfind("“", max(0, paren - 120), paren - 1)
        if open_at >= 0:
            return open_at, clean_title(text[open_at + 1 : paren - 1])
    start = paren
    depth = 0
    while start > 0 and paren - start < 120:
        ch = text[start - 1]
        if ch in "》〉>":
            depth += 1
        elif ch in "《〈<":
            depth -= 1
        elif depth == 0 and P.BARE_TITLE_LEFT_STOP.match(ch):
            break
        start -= 1
    if start > 0 and text[start - 1] == "、" and P.AGENCY_OPENING.match(text[start:paren]):
        joint = P.JOINT_ISSUER_BEFORE.search(text, max(0, start - 30), start)
        if joint is not None:
            start = joint.start("issuer")  # 市委办公室、市政府办公室关于…: both issuers are the title's
    candidate = text[start:paren]
    if not candidate or candidate.endswith("》") or not is_document_title(candidate):
        return None
    stripped = P.REPORTING_VERB_PREFIX.sub("", candidate)
    start += len(candidate) - len(stripped)
    candidate = stripped
    if P.BARE_TITLE_OF_NO_ONE_DOCUMENT.match(candidate):
        return None
    candidate = P.OWN_PART_OF_QUOTED.sub("", candidate)
    about = candidate.find("关于")
    if about > 0:
        head = candidate[:about]
        # 《关于…的意见》实施细则: the 关于 of a title quoted inside this one is not where this one starts
        if not re.search(r"(人民政府|办公厅|办公室|委员会|委|局|厅|部|院|中心|小组)$|[《〈<]", head):
            start += about
            candidate = candidate[about:]
    if len(candidate) < 5:
        return None
    return start, candidate


def extract_citations(text: str) -> tuple[Citation, ...]:
    """Every citation in `text`, in reading order. Offsets are into `text`."""
    numbers = {f.span.start: f for f in find_doc_numbers(text)}
    ends = {f.span.end: f for f in numbers.values()}
    used_numbers: set[int] = set()
    out: list[Citation] = []
    also_numbered: list[Citation] = []  # a title's second and later numbers, kept out of _drop_nested
    aliases: dict[str, str] = {}

    def number_also(citation: Citation, first: FoundNumber) -> None:
        for found in _co_listed(text, first, numbers):
            used_numbers.add(found.span.start)
            also_numbered.append(replace(citation, span=found.span, number=found.number, defines_alias=None))

    for q in _quoted_titles(text):
        following = text[q.span.end : q.span.end + 12]
        paired = _number_in_parens(text, q.span.end, numbers)
        number: DocNumber | None = None
        end = q.span.end
        first: FoundNumber | None = None
        start = q.span.start
        if paired is None:
            paired = _number_beside(text, q.span, numbers, ends, used_numbers)
        if paired is not None:
            first, end = paired
            number = first.number
            used_numbers.add(first.span.start)
            start = min(start, first.span.start)
        alias_def = P.ALIAS_DEFINITION.match(text, end)
        defines = alias_def.group("alias") if alias_def else None
        if alias_def:
            end = alias_def.end()
        elif first is not None:
            defines = _alias_beside_number(text, first, end)
        title = q.title
        alias = None
        qualified = _qualified_alias(text, start, title) if number is None and title not in aliases else None
        if qualified is not None:
            start, title, number = qualified
        if number is None and defines is None:
            if title in aliases or title in short_names():
                alias = title
            elif is_periodical(title, following) or not is_document_title(title):
                continue
        if defines:
            aliases[defines] = title
        citation = Citation(
            span=Span(start, end),
            sentence=sentence_around(text, start, end),
            kind=_kind(text, start, end),
            number=number,
            title=title,
            alias=alias,
            defines_alias=defines,
            inner_titles=inner_titles(title),
        )
        out.append(citation)
        if first is not None:
            number_also(citation, first)

    quoted_spans = [c.span for c in out]
    for start, found in sorted(numbers.items()):
        if start in used_numbers or any(s.start <= start < s.end for s in quoted_spans):
            continue
        paren = _open_paren_before(text, start)
        bare = _bare_title_before(text, paren) if paren is not None else _title_cell_before(text, start)
        if bare is not None:
            title_start, title = bare
            close = text.find(")", found.span.end, found.span.end + 3)
            close = text.find("）", found.span.end, found.span.end + 3) if close < 0 else close
            end = close + 1 if close >= 0 else found.span.end
            citation = Citation(
                span=Span(title_start, end),
                sentence=sentence_around(text, title_start, end),
                kind=_kind(text, title_start, end),
                number=found.number,
                title=title,
                inner_titles=inner_titles(title),
                quoted=False,
            )
            out.append(citation)
            number_also(citation, found)
        else:
            out.append(
                Citation(
                    span=found.span,
                    sentence=sentence_around(text, found.span.start, found.span.end),
                    kind=_kind(text, found.span.start, found.span.end),
                    number=found.number,
                    title=None,
                )
            )
    kept = _drop_nested(sorted(out, key=lambda c: (c.span.start, -c.span.end)))
    return tuple(sorted(_kinds_along_lists(text, kept) + also_numbered, key=lambda c: (c.span.start, -c.span.end)))


def name_issuers(citations: tuple[Citation, ...], text: str,
                 agencies: tuple[AgencyMention, ...]) -> tuple[Citation, ...]:
    """Each citation with the agency that opens its title or is named right before it (自治区党委办公厅、
    自治区人民政府办公厅《…》（厅发〔2016〕42号）): the lead one of a joint document. A code such as 厅发
    names no region; the issuer tells whose series the number is."""
    starting = {m.span.start: m for m in agencies}
    ending = {m.span.end: m for m in agencies}
    out: list[Citation] = []
    for c in citations:
        lead = _issuer_opening(text, c, starting) or _issuer_before(text, c.span.start, ending)
        if lead is not None and lead.agency.region is not None:
            c = replace(c, issuer_named=lead.agency.name, issuer_region=lead.agency.region.code)
        out.append(c)
    return tuple(out)


def _issuer_opening(text: str, c: Citation, starting: dict[int, AgencyMention]) -> AgencyMention | None:
    """The lead issuer a cited title opens with: 《中共桂林市委办公室 桂林市人民政府办公室关于…》."""
    if not c.title:
        return None
    lead = starting.get(c.span.start + 1 if text[c.span.start : c.span.start + 1] in "《〈" else c.span.start)
    last = lead
    while last is not None:
        joint = P.ISSUERS_JOINED.match(text, last.span.end)
        following = starting.get(joint.end()) if joint is not None else None
        if following is None:
            break
        last = following
    return lead if last is not None and P.ISSUER_OPENS_TITLE.match(text, last.span.end) else None


def _issuer_before(text: str, at: int, ending: dict[int, AgencyMention]) -> AgencyMention | None:
    gap = P.ISSUED_BY_BEFORE_TITLE.search(text, max(0, at - 8), at)
    lead = ending.get(gap.start()) if gap is not None else None
    while lead is not None:
        earlier = next((ending[end] for end in range(lead.span.start, max(-1, lead.span.start - 4), -1)
                        if end in ending and P.ISSUERS_JOINED.fullmatch(text, end, lead.span.start)), None)
        if earlier is None:
            break
        lead = earlier
    return lead


def _kinds_along_lists(text: str, citations: list[Citation]) -> list[Citation]:
    """A list of cited documents shares the verb before its first (为贯彻落实《A》(N1)、《B》(N2)和《C》(N3)):
    the verb may stand further back from the last than the window `_kind` reads."""
    out: list[Citation] = []
    for c in citations:
        before = out[-1] if out else None
        if (before is not None and c.kind is CitationKind.CITES and before.span.end <= c.span.start
                and P.CITATION_LIST_JOINER.fullmatch(text, before.span.end, c.span.start)):
            c = replace(c, kind=before.kind)
        out.append(c)
    return out


def _drop_nested(citations: list[Citation]) -> list[Citation]:
    """A title quoted inside a longer citation (关于印发《X》的通知(N), 以下简称《条例》) is part of it."""
    kept: list[Citation] = []
    reach = -1  # the furthest end of a kept citation; input is sorted by start, longest first
    for c in citations:
        if c.span.end <= reach:
            continue
        kept.append(c)
        reach = max(reach, c.span.end)
    return kept


def _title_cell_before(text: str, number_start: int) -> tuple[int, str] | None:
    """The title in the table cell before the number's: | 关于印发…的通知 | 市政办〔2017〕53号 |, a list of
    documents in a report's annex or a plan."""
    m = P.CELL_BEFORE.search(text, max(0, number_start - 130), number_start)
    if m is None:
        return None
    cell = m.group("cell")
    title = clean_title(P.REPORTING_VERB_PREFIX.sub("", cell).strip("《》 "))
    start = m.start("cell") + cell.find(title) if title in cell else m.start("cell")
    return (start, title) if is_document_title(title) and len(title) >= 5 else None


def _open_paren_before(text: str, number_start: int) -> int | None:
    i = number_start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    return i if i >= 0 and text[i] in "(（" else None
