"""Frozen dataclasses passed between the pipeline stages.

Spans inside the pipeline are offsets into the *normalized* text; `NormalizedText.source_span`
maps them back to the decoded original file, which is what the graph records.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range [start, end)."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")


@dataclass(frozen=True)
class Problem:
    """A warning about the input, kept as data (and in the graph) rather than raised."""

    code: str
    message: str
    span: Span | None = None


@dataclass(frozen=True)
class SourceText:
    """The decoded contents of one input file."""

    path: str
    name: str
    text: str
    encoding: str
    sha256: str
    media_type: str = "text/plain"
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True, eq=False)
class NormalizedText:
    """Cleaned text plus, for each of its characters, the index of the source character it came from."""

    source: SourceText
    text: str
    origin: array  # type: ignore[type-arg]  # array('q'), len(text) + 1 entries
    problems: tuple[Problem, ...] = ()

    def source_span(self, span: Span) -> Span:
        """Map a span of the normalized text onto the original file's characters."""
        if span.end <= span.start:
            pos = self.origin[span.start]
            return Span(pos, pos)
        return Span(self.origin[span.start], self.origin[span.end - 1] + 1)


class DocType(StrEnum):
    ANNUAL_REPORT = "AnnualReport"
    WORK_PLAN = "WorkPlan"
    NOTICE = "Notice"
    OTHER = "Document"


@dataclass(frozen=True)
class Region:
    code: str  # six-digit GB/T 2260 code, or "CN" for the national level
    name: str
    level: str  # national | province | prefecture | county | township (code: the county's, "-", its name)

    @property
    def parent_code(self) -> str | None:
        if self.level == "township":
            return self.code.split("-", 1)[0]
        if self.level == "county":
            return self.code[:4] + "00"
        if self.level == "prefecture":
            return self.code[:2] + "0000"
        if self.level == "province":
            return "CN"
        return None


@dataclass(frozen=True)
class Located:
    """A value read from the text, with where it was read."""

    value: str
    span: Span | None = None


@dataclass(frozen=True)
class Section:
    number: str  # the marker as written: 一 / 1 / (一)
    level: int
    heading: str
    span: Span  # of the heading line
    body: Span  # from heading to the next heading of the same or a higher level
    path: tuple[int, ...]


@dataclass(frozen=True)
class DocumentPart:
    """One document found in a file: the file itself, or a plan attached to a notice."""

    title: Located | None
    title_inferred: bool
    doc_type: DocType
    year: Located | None
    region: Region | None
    issuer: Located | None
    number: Located | None  # normalized 发文字号
    date_written: Located | None
    date_published: Located | None
    span: Span
    sections: tuple[Section, ...] = ()
    co_issuers: tuple[Located, ...] = ()  # the other issuers of a joint document (两办: 市委办公室 and 市政府办公室)


@dataclass(frozen=True)
class Structure:
    text: NormalizedText
    main: DocumentPart
    attachments: tuple[DocumentPart, ...] = ()


class CitationKind(StrEnum):
    CITES = "cites"
    AUTHORITY = "citesAsAuthority"  # 根据《…》, 依据《…》, 按照《…》
    IMPLEMENTS = "implements"  # 贯彻落实《…》 / 为贯彻落实…


@dataclass(frozen=True)
class DocNumber:
    code: str
    year: int | None  # None for a decree series (国务院令第711号), numbered without years
    serial: int
    written: str

    @property
    def normalized(self) -> str:
        if self.year is None:
            return f"{self.code}第{self.serial}号"
        return f"{self.code}〔{self.year}〕{self.serial}号"


@dataclass(frozen=True)
class Citation:
    """One place where a document cites another."""

    span: Span  # the whole citation as written
    sentence: Span
    kind: CitationKind
    number: DocNumber | None
    title: str | None  # without 《》, simplified, as written
    alias: str | None = None  # the short name this citation is written as (《条例》), if any
    defines_alias: str | None = None  # '(以下简称《条例》)' after it
    inner_titles: tuple[str, ...] = ()  # 关于印发《X》的通知: X
    quoted: bool = True  # title was inside 《》
    issuer_named: str | None = None  # the agency named before the title or opening it, in full
    issuer_region: str | None = None  # the region code of that agency


@dataclass(frozen=True)
class CitedWork:
    """A cited document after resolution within the citing file."""

    key: str  # stable identity used for the IRI
    number: str | None
    title: str | None
    issuer: str | None
    issuer_source: str | None  # authority | code-prefix | local-code | title | None
    jurisdiction: str | None  # region code the number belongs to, when the code is local
    citations: tuple[Citation, ...]
    relations: tuple[tuple[str, str], ...] = ()  # (issues|implements|forwards, title) read from its title
    suspect_code: str | None = None  # a similar code seen in the same corpus (typo?)


@dataclass(frozen=True)
class Observation:
    """A figure the report states."""

    indicator: str | None  # notation from indicators.csv, None when unmapped
    label: str  # the row label or phrase as written
    value: float
    unit: str | None
    scope: str | None  # 全市 / 市本级 …
    estimated: bool
    span: Span
    source: str  # table | narrative
    applicant_type: str | None = None


@dataclass(frozen=True)
class Extraction:
    structure: Structure
    citations: tuple[Citation, ...]
    works: tuple[CitedWork, ...]
    observations: tuple[Observation, ...] = ()
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    agencies: tuple[Any, ...] = ()  # kg.agencies.AgencyMention
    tasks: tuple[Any, ...] = ()  # kg.tasks.Task
    policies: tuple[Any, ...] = ()  # kg.policies.PolicyMention
    quoted_terms: tuple[tuple[str, int], ...] = ()
