"""Tasks of a work plan: each with its section path, text, responsible agencies and their roles,
deadline and frequency. Responsibilities come from （责任单位：…） clauses, （…牵头，…配合） asides and
sentences such as 牵头单位：…；配合单位：…."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from . import patterns as P
from .agencies import Agency, resolve_agency
from .model import DocumentPart, Region, Span
from .regions import region_in
from .structure import innermost_sections

_ROLES = {"牵头": "lead", "配合": "supporting", "参与": "supporting", "按职责分工负责": "responsible",
          "分工负责": "responsible", "负责": "responsible"}


@dataclass(frozen=True)
class Assignment:
    role: str  # lead | supporting | responsible
    written: str
    agency: Agency | None  # None for a collective such as 各县区人民政府
    span: Span


@dataclass(frozen=True)
class Task:
    section_path: tuple[int, ...]
    text: str
    span: Span
    assignments: tuple[Assignment, ...]
    deadline: str | None
    deadline_date: str | None
    frequency: str | None


def _frequency(text: str) -> str | None:
    m = P.FREQUENCY.search(text)
    if not m:
        return None
    word = m.group("freq")
    if "月" in word:
        return "monthly"
    if "季" in word:
        return "quarterly"
    if "半年" in word:
        return "half-yearly"
    return "yearly"


def _deadline(text: str, plan_year: str | None, field: str = "") -> tuple[str | None, str | None]:
    """The deadline a timing field gives, else the one the task's words give."""
    m = P.DEADLINE_FIELD.match(field) or P.DEADLINE.search(text)
    if not m:
        return None, None
    text = m.string
    written = m.group("deadline")
    if m.group("y2"):
        return written, f"{int(m.group('y2')):04d}-12-31"
    if m.group("m") and not written.startswith("每"):
        year = m.group("y") or plan_year
        if year and not re.search(r"每年", text[max(0, m.start() - 2) : m.start()]):
            month = int(m.group("m"))
            if not 1 <= month <= 12:
                return written, None
            last = calendar.monthrange(int(year), month)[1]  # 6月底 is the 30th, 2月底 the 28th or 29th
            day = min(max(int(m.group("d")), 1), last) if m.group("d") else (last if "底" in written else 1)
            return written, f"{int(year):04d}-{month:02d}-{day:02d}"
    return written, None


_KEY_ROLES = {"牵头": "lead", "主办": "lead", "配合": "supporting", "协办": "supporting", "参与": "supporting"}


def parse_responsibility(who: str, offset: int, home: Region | None) -> tuple[Assignment, ...]:
    """市发改委牵头，相关部门配合 → lead 钦州市发展和改革委员会, supporting 相关部门;
    牵头单位：市司法局；配合单位：市直各单位 → lead 市司法局, supporting 市直各单位."""
    keys = list(P.RESPONSIBILITY_KEY.finditer(who))
    if not keys:
        return tuple(_assignments(who, offset, home, "responsible"))
    out: list[Assignment] = []
    for k, nxt in zip(keys, [*keys[1:], None], strict=True):
        end = nxt.start() if nxt else len(who)
        default = _KEY_ROLES.get(k.group("key")[:2], "responsible")
        out += _assignments(who[k.end() : end].rstrip("，,；;。 "), offset + k.end(), home, default)
    return tuple(out)


def _split(text: str, separators: str) -> list[str]:
    """`text` cut at each separator outside parentheses, the separators kept as pieces of their own
    (as re.split with a group): the 、 of 各县（市、区）人民政府 separates nothing."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += (ch in "(（") - (ch in ")）")
        if depth <= 0 and ch in separators:
            pieces += [text[start:i], ch]
            start = i + 1
    return [*pieces, text[start:]]


def split_timing(who: str) -> tuple[str, str]:
    """A responsibility list and the timing said at its end (；完成时限：2018年12月底, ，持续推进)."""
    key = P.TIMING_KEY.search(who)
    if key is not None:
        return who[: key.start()], who[key.end() :]
    parts = _split(who, "，,；;")
    if len(parts) > 1 and P.TIMING_CLAUSE.search(parts[-1]):
        return who[: len(who) - len(parts[-1]) - 1], parts[-1]
    return who, ""


def _assignments(who: str, offset: int, home: Region | None, default: str) -> list[Assignment]:
    clauses: list[tuple[str, str | None, int]] = []
    pos = 0
    for clause in _split(who, "，,；;"):
        if clause and clause not in "，,；;":
            role_match = P.ROLE_SUFFIX.search(clause)
            body = clause[: role_match.start()] if role_match else clause
            clauses.append((body, _ROLES[role_match.group("role")] if role_match else None, offset + pos))
        pos += len(clause)
    # '市直各单位，各县区人民政府、管委配合': a clause without a role word takes the next clause's role
    out: list[Assignment] = []
    following = default
    resolved: list[tuple[str, str, int]] = []
    for body, role, start in reversed(clauses):
        following = role or following
        resolved.append((body, following, start))
    for body, role, start in reversed(resolved):
        # 市人民政府办公室、法制办会同各部门负责: the agencies before 会同 lead the others
        if "会同" in body:
            first, _, rest = body.partition("会同")
            out += _items(first, "lead", start, home)
            out += _items(rest, "supporting", start + len(first) + 2, home)
        else:
            out += _items(body, role, start, home)
    return out


def _items(text: str, role: str, offset: int, home: Region | None) -> list[Assignment]:
    out: list[Assignment] = []
    prefix = ""
    pos = 0
    for item in _split(text, "、"):
        if item == "、":
            pos += 1
            continue
        lead = len(item) - len(item.lstrip())
        by = re.match(r"\s*由", item)  # （由市政府办负责）
        written = re.sub(r"(等部门|等单位|等)$", "", item.strip().removeprefix("由"))
        start = offset + pos + (by.end() if by else lead)
        pos += len(item)
        if not written:
            continue
        if P.COLLECTIVE.search(written):
            out.append(Assignment(role, written, None, Span(start, start + len(written))))
            continue
        agency = resolve_agency(written, home)
        if agency is None and prefix:
            agency = resolve_agency(prefix + written, home)  # 市发改委、科技局: 科技局 inherits 市
        if agency is None:
            named = region_in(written)
            if named is not None:  # 人行钦州市中心支行: not in our tables, but it names its place
                agency = Agency(written, named, "other", None)
        m = re.match(r"^(自治区|省|市|州|县|区)", written)
        if m:
            prefix = m.group(1)
        out.append(Assignment(role, written, agency, Span(start, start + len(written))))
    return out


def extract_tasks(text: str, part: DocumentPart) -> tuple[Task, ...]:
    """Every task of a plan: the text between the previous task (or heading) and its responsibility clause."""
    out: list[Task] = []
    plan_year = part.year.value if part.year else None
    previous_end = part.span.start
    clauses = list(P.RESPONSIBILITY.finditer(text, part.span.start, part.span.end))
    sections = innermost_sections(part.sections, [m.start() for m in clauses])
    for m, section in zip(clauses, sections, strict=True):
        group = next(g for g in ("who", "bare", "tail") if m.group(g) is not None)
        who, timing = split_timing(m.group(group))
        start = max(previous_end, section.span.start if section else part.span.start)
        while start < m.start() and text[start] in "\n ":
            start += 1
        body = text[start : m.start()]
        when = body + (m.group("when") or "") + timing  # a deadline or a frequency said after who does it
        deadline, deadline_date = _deadline(when, plan_year, timing)
        out.append(Task(
            section_path=section.path if section else (),
            text=body.strip(),
            span=Span(start, m.end()),
            assignments=parse_responsibility(who, m.start(group), part.region),
            deadline=deadline,
            deadline_date=deadline_date,
            frequency=_frequency(when),
        ))
        previous_end = m.end()
    return tuple(out)

