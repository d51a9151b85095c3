"""Tasks of a work plan: each with its section path, text, responsible agencies and their roles,
deadline and frequency. Responsibilities come from （责任单位：…） clauses, （…牵头，…配合） asides,
sentences such as 牵头单位：…；配合单位：…, and the rows of a table of tasks (序号 | 工作任务 |
责任单位 | 完成时限)."""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import accumulate

from . import patterns as P
from .agencies import Agency, resolve_agency
from .formats import prose_line
from .model import DocumentPart, Region, Section, Span
from .normalize import lines_with_offsets
from .regions import region_in
from .structure import innermost_sections
from .tables import Cell, separated_cells

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


def parse_responsibility(who: str, offset: int, home: Region | None,
                         default: str = "responsible") -> tuple[Assignment, ...]:
    """市发改委牵头，相关部门配合 → lead 钦州市发展和改革委员会, supporting 相关部门;
    牵头单位：市司法局；配合单位：市直各单位 → lead 市司法局, supporting 市直各单位. Agencies no role
    word qualifies take the `default` role (a 牵头单位 column's are leads)."""
    keys = list(P.RESPONSIBILITY_KEY.finditer(who))
    if not keys:
        return tuple(_assignments(who, offset, home, default))
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
        depth += (ch in "(（〔[") - (ch in ")）〕]")
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


def _joined_levels(pieces: list[str]) -> list[str]:
    """The pieces of a list, a bare level before the next piece joined to it: 各市、县（区）人民政府 is
    one collective, the governments of every city and county, not 各市 and 县（区）人民政府."""
    out: list[str] = []
    for piece in pieces:
        if len(out) >= 2 and out[-1] == "、" and P.BARE_LEVEL.fullmatch(out[-2]):
            out[-2:] = [out[-2] + "、" + piece]
        else:
            out.append(piece)
    return out


def _items(text: str, role: str, offset: int, home: Region | None) -> list[Assignment]:
    out: list[Assignment] = []
    prefix = ""
    pos = 0
    for item in _joined_levels(_split(text, "、")):
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
    """Every task of a plan, from its tables of tasks and from the responsibility clauses of its prose;
    a clause inside a table's row is that row's, not a task of its own."""
    in_tables = _table_tasks(text, part)
    rows = [(t.span.start, t.span.end) for t in in_tables]
    in_prose = [t for t in _prose_tasks(text, part) if not any(a <= t.span.start < b for a, b in rows)]
    found = [*in_tables, *in_prose]
    return tuple(sorted((*found, *_unassigned_items(text, part, found)), key=lambda t: t.span.start))


def _unassigned_items(text: str, part: DocumentPart, found: list[Task]) -> list[Task]:
    """The plan's numbered items that hold no task read so far: each a task nobody is named for (a
    工作要点 that assigns none, or the one item of a plan whose clause was left out)."""
    plan_year = part.year.value if part.year else None
    spans = sorted((t.span.start, t.span.end) for t in found)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # the furthest any task up to each one ends
    aims = {s.path for s in part.sections if P.NOT_A_TASK_SECTION.search(s.heading)}
    out = []
    for section in _leaf_sections(part):
        body = section.body
        before = bisect_left(starts, body.end)  # the tasks that start before the item ends
        if (before and reach[before - 1] > body.start) or any(section.path[:n] in aims
                                                               for n in range(1, len(section.path) + 1)):
            continue  # it holds a task, or it is where the plan states its aims (总体要求)
        words = text[body.start : body.end].strip()
        if not _reads_as_an_item(words):
            continue
        start = body.start + text[body.start : body.end].find(words[:1])
        deadline, deadline_date = _deadline(words, plan_year)
        out.append(Task(section_path=section.path, text=words, span=Span(start, start + len(words)),
                        assignments=_named_doers(words, start, part.region), deadline=deadline,
                        deadline_date=deadline_date, frequency=_frequency(words)))
    return out


def _named_doers(words: str, offset: int, home: Region | None) -> tuple[Assignment, ...]:
    """Who an item's sentences name as the ones to do it (市政务公开办要组织…, 各地各部门要…): responsible,
    where the subject is an agency or a collective, not any words before 要."""
    out: list[Assignment] = []
    for m in P.ITEM_SUBJECT.finditer(words):
        named = parse_responsibility(m.group("who"), offset + m.start("who"), home)
        if named and all(a.agency is not None or P.COLLECTIVE.search(a.written) for a in named):
            out += [a for a in named if a.written not in {b.written for b in out}]
    return tuple(out)


def _reads_as_an_item(words: str) -> bool:
    """Sentences, not a heading alone or one over a table (序号 | 工作任务 | …, a cell a line or a row a line)."""
    return P.FULL_STOP.search(words) is not None and all(prose_line(line) for line in words.splitlines())


def _leaf_sections(part: DocumentPart) -> list[Section]:
    """The sections no other section lies within: a plan's items, at whatever depth it numbers them.
    In reading order a section's own come right after it."""
    ordered = sorted(part.sections, key=lambda s: (s.body.start, -s.body.end))
    return [s for i, s in enumerate(ordered)
            if i + 1 == len(ordered) or not _lies_within(ordered[i + 1], s)]


def _lies_within(inner: Section, outer: Section) -> bool:
    return len(inner.path) > len(outer.path) and inner.path[: len(outer.path)] == outer.path


def _prose_tasks(text: str, part: DocumentPart) -> list[Task]:
    """The text between the previous task (or heading) and its responsibility clause, for each clause."""
    out: list[Task] = []
    plan_year = part.year.value if part.year else None
    previous_end = part.span.start
    clauses = list(P.RESPONSIBILITY.finditer(text, part.span.start, part.span.end))
    sections = innermost_sections(part.sections, [m.start() for m in clauses])
    for m, section in zip(clauses, sections, strict=True):
        group = next(g for g in ("who", "boxed", "bare", "tail", "led") if m.group(g) is not None)
        who, timing = split_timing(m.group(group))
        start = max(previous_end, section.span.start if section else part.span.start)
        while start < m.start() and text[start] in "\n ":
            start += 1
        body = text[start : m.start()]
        end = m.end()
        timing_line = P.TIMING_LINE.match(text, end, part.span.end)  # 完成时限：… on the line after who does it
        if timing_line is not None:
            timing, end = timing + timing_line.group("when"), timing_line.end()
        assignments = parse_responsibility(who, m.start(group), part.region)
        if out and not body.strip() and out[-1].span.end >= previous_end:
            # 牵头单位：…⏎责任单位：…: a second line of who does the task before it, not a task of its own
            out[-1] = replace(out[-1], span=Span(out[-1].span.start, end),
                              assignments=out[-1].assignments + tuple(assignments))
            previous_end = end
            continue
        if group == "led":  # 由各乡镇负责，6月底前完成。: the clause after who does it may say when
            timing += _clause_after(text, end, part.span.end)
        when = body + (m.group("when") or "") + timing  # a deadline or a frequency said after who does it
        deadline, deadline_date = _deadline(when, plan_year, timing)
        out.append(Task(
            section_path=section.path if section else (),
            text=body.strip().rstrip("，,、"),  # …情况，由各乡镇负责: the comma before who does it is not the task's
            span=Span(start, end),
            assignments=assignments,
            deadline=deadline,
            deadline_date=deadline_date,
            frequency=_frequency(when),
        ))
        previous_end = end
    return out


def _clause_after(text: str, at: int, end: int) -> str:
    """The clause after a comma at `at`, up to its sentence's end: where a deadline follows who does a task."""
    m = P.CLAUSE_AFTER_COMMA.match(text, at, end)
    return m.group("clause") if m else ""


@dataclass(frozen=True)
class _TaskColumns:
    """Which cells of a table of tasks' rows hold what, as its header row says."""
    width: int
    task: tuple[int, ...]  # the task's columns: its name, and its details where a column of their own holds them
    who: tuple[tuple[int, str], ...]  # (column, the role of the agencies it names)
    timing: int | None


def _task_columns(cells: list[Cell]) -> _TaskColumns | None:
    """The columns a header row names, if it is the header of a table of tasks: a column of tasks and
    at least one of who does them."""
    names = [c.text.replace(" ", "").replace("\u3000", "") for c in cells]
    task = tuple(k for k, name in enumerate(names) if P.TASK_COLUMN.match(name))[:2]  # 主要任务 | 具体内容
    who = []
    for k, name in enumerate(names):
        m = P.RESPONSIBILITY_COLUMN.match(name)
        if m is not None:
            who.append((k, _KEY_ROLES.get(m.group("key") or "", "responsible")))
    if not task or not who:
        return None
    timing = next((k for k, name in enumerate(names) if P.TIMING_COLUMN.match(name)), None)
    return _TaskColumns(len(cells), task, tuple(who), timing)


def _table_tasks(text: str, part: DocumentPart) -> list[Task]:
    """One task a row, in each table of tasks: the rows after a header that names the columns, with
    as many cells as it has, up to the first line that is no row (a category row that spans the
    table, 一、推进决策公开, has fewer cells and is passed over)."""
    rows: list[list[Cell]] = []
    columns: list[_TaskColumns] = []
    header: _TaskColumns | None = None
    for at, line in lines_with_offsets(text[part.span.start : part.span.end]):
        cells = separated_cells(line, part.span.start + at)
        if cells is None:
            header = None if line.strip() else header
            continue
        header = _task_columns(cells) or header
        if header is not None and _is_task_row(cells, header):
            rows.append(cells)
            columns.append(header)
    for stacked_header, stacked_rows in _stacked_tables(text, part.span.start, part.span.end):
        rows += stacked_rows
        columns += [stacked_header] * len(stacked_rows)
    order = sorted(range(len(rows)), key=lambda k: rows[k][0].start)
    rows, columns = [rows[k] for k in order], [columns[k] for k in order]
    sections = innermost_sections(part.sections, [cells[0].start for cells in rows])
    plan_year = part.year.value if part.year else None
    return [_row_task(cells, cols, section.path if section else (), plan_year, part.region)
            for cells, cols, section in zip(rows, columns, sections, strict=True)]


STACKED_HEADER_MAX = 8  # columns a table of tasks written one cell a line may have
STACKED_SKIP_MAX = 2  # lines between two rows (a category row: 一、推进决策公开) passed over


def _stacked_tables(text: str, start: int, end: int) -> list[tuple[_TaskColumns, list[list[Cell]]]]:
    """Tables of tasks flattened one cell a line, as web pages are often copied (序号⏎工作任务⏎
    责任单位⏎完成时限⏎1⏎推进…⏎县司法局⏎12月底前⏎2⏎…): the header's lines give the width, and each row
    starts at the next serial number. A row whose cells do not come to the width (a cell broken
    over lines, or an empty one left out) is passed over rather than read into the wrong columns."""
    lines = [(start + at, line.strip()) for at, line in lines_with_offsets(text[start:end])]
    out: list[tuple[_TaskColumns, list[list[Cell]]]] = []
    i = 0
    while i < len(lines):
        found = _stacked_header(lines, i)
        header = _task_columns([_cell(lines[k]) for k in range(i, i + found[0])]) if found else None
        if found is None or header is None:
            i += 1
            continue
        rows, i = _stacked_rows(lines, found[1], found[0])
        out.append((header, rows))
    return out


def _cell(line: tuple[int, str]) -> Cell:
    return Cell(line[1], line[0], line[0] + len(line[1]))


def _stacked_header(lines: list[tuple[int, str]], at: int) -> tuple[int, int] | None:
    """(width, first row's line) of a header from `at`: 序号 first, then the other columns' names, then
    (past a category row or two) the first row's serial number 1."""
    if not P.SERIAL_COLUMN.fullmatch(lines[at][1]):
        return None
    k = at + 1
    while k < min(len(lines), at + STACKED_HEADER_MAX) and P.STACKED_HEADER_CELL.fullmatch(lines[k][1]) \
            and not P.STACKED_CATEGORY_ROW.fullmatch(lines[k][1]):
        k += 1
    width = k - at
    while k < min(len(lines), at + width + STACKED_SKIP_MAX) and P.STACKED_CATEGORY_ROW.fullmatch(lines[k][1]):
        k += 1
    serial = P.STACKED_SERIAL.fullmatch(lines[k][1]) if k < len(lines) else None
    return (width, k) if width > 1 and serial is not None and serial.group("n") == "1" else None


def _stacked_rows(lines: list[tuple[int, str]], at: int, width: int) -> tuple[list[list[Cell]], int]:
    """The rows from `at`, numbered 1, 2, 3…; and the line after the last one."""
    rows: list[list[Cell]] = []
    serial, row_start = 1, at
    while row_start < len(lines):
        following = _next_serial(lines, row_start + 1, serial + 1, width)
        row_end = following if following is not None else min(len(lines), row_start + width)
        cells = [_cell(line) for line in lines[row_start:row_end]]
        if len(cells) > width and all(P.STACKED_CATEGORY_ROW.fullmatch(c.text) for c in cells[width:]):
            cells = cells[:width]  # the next rows' category (二、加强平台建设) before their first serial number
        if len(cells) == width and all(c.text for c in cells):
            rows.append(cells)
        if following is None:
            return rows, row_end
        serial, row_start = serial + 1, following
    return rows, row_start


def _next_serial(lines: list[tuple[int, str]], at: int, serial: int, width: int) -> int | None:
    for k in range(at, min(len(lines), at + width + STACKED_SKIP_MAX)):
        m = P.STACKED_SERIAL.fullmatch(lines[k][1])
        if m is not None and int(m.group("n")) == serial:
            return k
    return None


def _is_task_row(cells: list[Cell], columns: _TaskColumns) -> bool:
    """A row of the table's width with a task in it; not the header, and not a category row that Word
    writes once in each column it spans (一、推进决策公开 | 一、推进决策公开 | …)."""
    task = cells[columns.task[0]].text if len(cells) == columns.width else ""
    return bool(task) and not P.TASK_COLUMN.match(task) and len({c.text for c in cells}) > 1


def _row_task(cells: list[Cell], columns: _TaskColumns, path: tuple[int, ...], plan_year: str | None,
              home: Region | None) -> Task:
    task_text = "：".join(dict.fromkeys(t for k in columns.task if (t := cells[k].text)))
    assignments: list[Assignment] = []
    timing = cells[columns.timing].text if columns.timing is not None else ""
    for k, role in columns.who:
        who, said_after = split_timing(cells[k].text)
        timing = timing or said_after
        assignments += parse_responsibility(who, cells[k].start, home, role)
    deadline, deadline_date = _deadline(task_text + timing, plan_year, timing)
    return Task(
        section_path=path,
        text=task_text,
        span=Span(cells[0].start, cells[-1].end),
        assignments=tuple(assignments),
        deadline=deadline,
        deadline_date=deadline_date,
        frequency=_frequency(task_text + timing),
    )
