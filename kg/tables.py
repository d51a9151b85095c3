"""Statistics tables of the annual reports, in whatever shape the text extraction left them.

A table is read as a stream of cells — rows between pipes or tabs, one cell per line, rows whose
cells lost their separators in PDF text (`一、本年新收政府信息公开申请数量 190 20 0 1 5 0 216`),
or a mix — and cut into segments: some label cells followed by a run of value cells. What a run
means depends on the headers seen so far, which is how the three official layouts differ:

- pre-2019 table: `label | unit | value` — one value per row;
- Article 20 tables (2019, 2021): a `信息内容 | 本年新制作数量 | …` header, then `规章 | 0 | 0 | 5`:
  row label + column header together name the indicator (规章本年新制作数量);
- request table (2019, 2021): columns by applicant type (自然人 … 总计), seven values a row;
- review and lawsuit table: fifteen values under 行政复议 / 未经复议直接起诉 / 复议后起诉.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from . import patterns as P
from .normalize import lines_with_offsets

APPLICANT_TYPES = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
_ORGANISATIONS = "法人或其他组织"  # the header over the five kinds of organisation, or their one column
_TOTALS = ("总计", "合计")
REVIEW_COLUMNS = tuple(f"N.4.{i}" for i in range(1, 16))
REVIEW_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")  # the five columns of each part
MIN_TABLE_VALUES = 3  # values a run of table-like lines needs to be read as a table
UNIT_CELLS = frozenset({"条", "件", "次", "篇", "个", "人", "人次", "万元", "/", "项", "份"})
UNIT_HEADERS = frozenset({"单位", "计量单位"})


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int
    line: int = 0  # which line of the table's text it is on


@dataclass(frozen=True)
class TableValue:
    notation: str
    label: str
    value: float
    unit_cell: str | None
    applicant_type: str | None
    start: int  # of the row label (or the value when there is none)
    end: int  # of the value
    scope: str | None = None  # the scope its column names (@whole, @own-level …), where the table gives several


def cells_of(text: str) -> list[Cell]:
    """Cells in reading order: whole rows between pipes or tabs, one cell per line, rows whose cells
    lost their separators (`label 190 20 0`), or any mix of these."""
    out: list[Cell] = []
    pos = 0
    for number_of_line, line in enumerate(text.split("\n")):
        out += _line_cells(line, pos, number_of_line)
        pos += len(line) + 1
    return out


def separated_cells(line: str, pos: int) -> list[Cell] | None:
    """The cells of a line whose cells are set apart by pipes, tabs or wide gaps; None for any other
    line (prose, a lone label, values without separators)."""
    if "|" not in line and not P.CELL_GAP.search(line.strip()):
        return None
    return _line_cells(line, pos)


def _line_cells(line: str, pos: int, number_of_line: int = 0) -> list[Cell]:
    if "|" in line:
        pieces = _pieces(line, re.finditer(r"\|", line))
        if line.rstrip().endswith("|"):
            pieces = pieces[:-1]
        if line.lstrip().startswith("|"):
            pieces = pieces[1:]
        if all(P.MARKDOWN_RULE_CELL.fullmatch(line[a:b]) for a, b in pieces):
            pieces = []  # a Markdown rule row (|---|:--|) is no cell; a lone - in a row is one
    elif P.CELL_GAP.search(line.strip()):
        pieces = _pieces(line, P.CELL_GAP.finditer(line))
    elif (m := _row_with_values(line)) is not None:
        label, values = m.span("label"), m.span("values")
        start, end = values
        start += len(line[start:end]) - len(line[start:end].lstrip("：: \u3000"))  # past a colon
        pieces = _label_pieces(line, *label) + _words(line, start, end)
    elif P.BARE_VALUES.fullmatch(line):
        pieces = _words(line, 0, len(line))
    else:
        pieces = _label_pieces(line, 0, len(line))
    cells = []
    for a, b in pieces:
        piece = line[a:b]
        lead = len(piece) - len(piece.lstrip())
        stripped = piece.strip()
        cells.append(Cell(stripped, pos + a + lead, pos + a + lead + len(stripped), number_of_line))
    return cells


def _words(line: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(start + w.start(), start + w.end()) for w in re.finditer(r"\S+", line[start:end])]


def _label_pieces(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """Label cells a single space apart, as PDF text leaves a header row or `收到申请数 件`; one-character
    pieces other than units are letter-spaced text (行 政 许 可), which stays one cell."""
    words = _words(line, start, end)
    if len(words) > 1 and all(b - a >= 2 or line[a:b] in UNIT_CELLS for a, b in words):
        return words
    return [(start, end)]


def _pieces(line: str, separators: Iterator[re.Match[str]]) -> list[tuple[int, int]]:
    """(start, end) of the text between separators, empty pieces included: an empty cell is a cell."""
    out, cursor = [], 0
    for sep in separators:
        out.append((cursor, sep.start()))
        cursor = sep.end()
    out.append((cursor, len(line)))
    return out


@dataclass(frozen=True)
class Column:
    """A column of a table laid on its side: its label, its value and the unit either gives."""
    label: Cell
    value: Cell
    number: float
    unit: str | None


def sideways_tables(text: str) -> list[tuple[Column, ...]]:
    """Tables laid on their side: a line of labels over a line of as many values, each label heading
    the value under it (当面申请 | 网络申请 | 合计, then 35 | 60 | 95). A first cell that says what the
    labels are and what the values count (申请方式 over 件数) heads no column."""
    out = []
    rows = [separated_cells(line, at) for at, line in lines_with_offsets(text)]
    for labels, values in pairwise(rows):
        if not labels or not values or len(labels) != len(values):
            continue
        if P.SIDEWAYS_ROW_HEADER.fullmatch(values[0].text) and not _value_and_unit(labels[0].text):
            labels, values = labels[1:], values[1:]
        read = [_value_and_unit(v.text) for v in values]
        if len(labels) < 2 or not all(read) or any(not c.text or _value_and_unit(c.text) for c in labels) \
                or any(c.text in (*APPLICANT_TYPES[:5], _ORGANISATIONS) for c in labels):
            continue
        out.append(tuple(Column(label, value, got[0], got[1] or _unit_in_label(label.text))
                         for label, value, got in zip(labels, values, read, strict=True) if got))
    return out + _sideways_one_cell_a_line(text)


def _sideways_one_cell_a_line(text: str) -> list[tuple[Column, ...]]:
    """A table on its side flattened one cell a line: its labels, then as many values (申请方式,
    当面申请, 网络申请, 合计, 件数, then 5, 20, 25). A caption before the labels and a row header
    after them head no column; a unit among them is an upright table's."""
    cells = [Cell(line.strip(), at + len(line) - len(line.lstrip()), at + len(line.rstrip()))
             for at, line in lines_with_offsets(text) if line.strip() and "|" not in line and "\t" not in line]
    out = []
    i = 0
    while i < len(cells):
        j = i
        while j < len(cells) and _value_and_unit(cells[j].text) is None:
            j += 1
        k = j
        while k < len(cells) and _value_and_unit(cells[k].text) is not None:
            k += 1
        labels, values = cells[i:j], cells[j:k]
        if labels and P.SIDEWAYS_ROW_HEADER.fullmatch(labels[-1].text):
            labels = labels[:-1]
        while len(labels) > len(values) + 1 and (P.LINE_START_HEADING.match(labels[0].text)
                                                 or labels[0].text.endswith(("：", ":"))):
            labels = labels[1:]  # the section's heading and the sentence that introduces the table
        if len(labels) == len(values) + 1:
            labels = labels[1:]
        if len(values) >= 2 and len(labels) == len(values) and not any(
                c.text in UNIT_CELLS or c.text in (*APPLICANT_TYPES, _ORGANISATIONS) for c in labels):
            out.append(tuple(Column(label, value, *_read(value.text, label.text))
                             for label, value in zip(labels, values, strict=True)))
        i = max(k, i + 1)
    return out


def _read(value: str, label: str) -> tuple[float, str | None]:
    number, unit = _value_and_unit(value) or (0.0, None)
    return number, unit or _unit_in_label(label)


def _value_and_unit(text: str) -> tuple[float, str | None] | None:
    m = P.VALUE_WITH_UNIT.fullmatch(text.replace(",", "").strip())
    return (float(m.group("num")), m.group("unit")) if m else None


def _unit_in_label(label: str) -> str | None:
    m = P.UNIT_IN_LABEL.search(label)
    return m.group("unit") if m else None


def table_regions(text: str) -> list[tuple[int, int]]:
    """Where the statistics tables are: runs of table lines (rows between pipes or tabs, rows ending
    in values, bare values, and the short label lines between them) holding at least
    `MIN_TABLE_VALUES` values, from the run's first line to its last value (and the few label lines right
    after it, where a PDF wrapped the last row's label)."""
    regions: list[tuple[int, int]] = []
    start: int | None = None
    values = 0
    last_value_end = 0
    labels_after = 0  # label lines since the last value: the rest of a wrapped row label, up to a few
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        kind = _line_kind(line)
        if kind == "prose":
            if start is not None and values >= MIN_TABLE_VALUES:
                regions.append((start, last_value_end))
            start, values = None, 0
        elif kind == "empty":
            labels_after = WRAPPED_LABEL_LINES
        else:
            if start is None:
                start = pos
            found = _values_on(line) if kind == "row" else 0
            if found and P.ROW_NAMING_ITS_UNIT.fullmatch(line):
                found = MIN_TABLE_VALUES  # its label and unit say what it is: no other row need vouch for it
            if found:
                values += found
                last_value_end, labels_after = end, 0
            elif kind == "label" and labels_after < WRAPPED_LABEL_LINES and values:
                last_value_end, labels_after = end, labels_after + 1
        pos = end + 1
    if start is not None and values >= MIN_TABLE_VALUES:
        regions.append((start, last_value_end))
    return regions


def _line_kind(line: str) -> str:
    """empty, row (cells with values or separators), label (a short line that can be a cell) or prose."""
    stripped = line.strip()
    if not stripped:
        return "empty"
    if "|" in line or "\t" in stripped or _row_with_values(line) or (
            stripped[-1].isdigit() and P.BARE_VALUES.fullmatch(line)) or P.ZERO_CELL.fullmatch(line):
        return "row"
    # a figure with its unit is prose's, never a label's, unless it is in a note on the row
    # (（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）)
    outside_notes = P.NOTE_BROKEN_OVER_LINES.sub("", P.PARENTHETICAL.sub("", stripped))
    if P.PROSE_PUNCTUATION.search(stripped) or P.FIGURE.search(outside_notes):
        return "prose"
    if max(len(cell.text) for cell in _line_cells(line, 0)) > P.TABLE_LABEL_MAX:
        return "prose"
    return "label"


def _row_with_values(line: str) -> re.Match[str] | None:
    # only a short line ending in a digit can be one; the pattern backtracks on a long line of prose
    stripped = line.rstrip()
    if not stripped or not (stripped[-1].isdigit() or stripped[-1] == "无") or len(stripped) > 2 * P.TABLE_LABEL_MAX:
        return None
    return P.ROW_WITH_VALUES.fullmatch(line)


def _values_on(line: str) -> int:
    return sum(1 for cell in _line_cells(line, 0) if number(cell.text) is not None)


def number(value: str) -> float | None:
    if P.ZERO_CELL.fullmatch(value):
        return 0.0
    value = value.replace(",", "").strip()
    return float(value) if re.fullmatch(r"[-+]?\d+(?:\.\d+)?", value) else None


@dataclass(frozen=True)
class _Segment:
    labels: tuple[Cell, ...]
    values: tuple[Cell, ...]


def _segments(cells: list[Cell]) -> list[_Segment]:
    out: list[_Segment] = []
    labels: list[Cell] = []
    values: list[Cell] = []
    unit_column = False  # the pre-2019 table's 单位 column, where / is a row's unit, not a value
    for cell in cells:
        unit_column = unit_column or cell.text in UNIT_HEADERS
        no_value = P.PLACEHOLDER_CELL.fullmatch(cell.text) and (values or not unit_column)
        numeric = number(cell.text) is not None or no_value or (cell.text == "" and values)
        if numeric:
            values.append(cell)
            continue
        if values:
            out.append(_Segment(tuple(labels), tuple(_strip_empty(values))))
            labels, values = [], []
        if cell.text:
            labels.append(cell)
    if labels or values:
        out.append(_Segment(tuple(labels), tuple(_strip_empty(values))))
    return out


WRAPPED_LABEL_LINES = 6  # lines of a row label a PDF may wrap after the line that holds the row's values


def _rejoin_wrapped_labels(segments: list[_Segment], map_label: MapLabel,
                           begins_label: Callable[[str], bool]) -> list[_Segment]:
    """A row label a PDF wrapped in its cell, its values on the first or a middle line (一、本年新收政府信息公开申请
    190 … 216 | 数量): the lines after the values that start no row of their own go back to that row, where
    together they name one."""
    out = list(segments)
    for i in range(len(out) - 1):
        seg, after = out[i], out[i + 1]
        # the pre-2019 table's unit cell stands between the label and the value (（一）回应公众关注热点或 | 次 | 1733)
        unit = seg.labels[-1:] if seg.labels and seg.labels[-1].text in UNIT_CELLS else ()
        labels = seg.labels[: len(seg.labels) - len(unit)]
        tail = _continuation(after)
        if not labels or not seg.values or not tail:
            continue
        # a label that names a row alone may still be the start of another's (2.其他 | 法律行政 | 法规禁止公开);
        # a note after it (（不同渠道和方式公开相同信息计1条）) names no other
        own = map_label(labels[-1].text, None)

        def names_another(text: str, own: str | None = own) -> bool:
            found = map_label(text, None)
            if found is None:  # a row the header's columns name (其他对外管理服务 | 事项 … 上一年项目数量)
                return own is None and begins_label(text)
            return found != own

        rejoined = (_wrapped_columns(labels, tail, seg.values[0].line, names_another)
                    or _wrapped_label(labels, tail, names_another))
        if rejoined is not None:
            kept, taken = rejoined
            out[i] = _Segment((*kept, *unit), seg.values)
            out[i + 1] = _Segment(after.labels[taken:], after.values)
    return out


def _continuation(after: _Segment) -> list[Cell]:
    """The label lines opening the next segment that may go on with a row's label: up to the next row's own label
    (on the line of its values) or a piece that opens a row (2.其他)."""
    own_line = after.values[0].line if after.values else None
    tail: list[Cell] = []
    for cell in after.labels:
        if cell.line == own_line or P.ROW_NUMBERING.match(cell.text) \
                or len({c.line for c in tail} | {cell.line}) > WRAPPED_LABEL_LINES:
            break
        tail.append(cell)
    return tail


def _joined(pieces: list[Cell]) -> Cell:
    return Cell("".join(c.text for c in pieces), pieces[0].start, pieces[-1].end, pieces[0].line)


def _wrapped_label(labels: tuple[Cell, ...], tail: list[Cell],
                   names_row: Callable[[str], bool]) -> tuple[tuple[Cell, ...], int] | None:
    """One label column: the row's last labels and the lines after its values, as many as name a row together."""
    for taken in range(len(tail), 0, -1):
        for first in range(len(labels) - 1, max(-1, len(labels) - 1 - WRAPPED_LABEL_LINES), -1):
            pieces = [*labels[first:], *tail[:taken]]
            if names_row("".join(c.text for c in pieces)):
                return (*labels[:first], _joined(pieces)), taken
    return None


def _wrapped_columns(labels: tuple[Cell, ...], tail: list[Cell], value_line: int,
                     names_row: Callable[[str], bool]) -> tuple[tuple[Cell, ...], int] | None:
    """Two label columns wrapped side by side ((三)不 | 1.属于 | 0 … ⏎ 予公开 | 国家秘密): each line after the values
    holds a piece of each column's label, in the columns' order."""
    on_line = [c for c in labels if c.line == value_line]
    if len(on_line) < 2:
        return None
    lines: list[list[Cell]] = []
    for cell in tail:
        if not lines or lines[-1][0].line != cell.line:
            lines.append([])
        lines[-1].append(cell)
    side_by_side = next((k for k, line in enumerate(lines) if len(line) != len(on_line)), len(lines))
    # then the last column alone, where the others' labels ended sooner ((四)无 | 1.本机 ⏎ 法提供 | 关不掌握 ⏎ 相关政府)
    lines = lines[:side_by_side] + list(itertools.takewhile(lambda line: len(line) == 1, lines[side_by_side:]))
    for count in range(len(lines), 0, -1):
        columns = [_joined([cell, *(line[k] for line in lines[:count] if len(line) == len(on_line))])
                   for k, cell in enumerate(on_line[:-1])]
        columns.append(_joined([on_line[-1], *(line[-1] for line in lines[:count])]))
        parent, row = (P.ROW_NUMBERING.sub("", c.text) for c in columns[-2:])
        if names_row(columns[-1].text) or names_row(parent + row):
            return (*labels[: len(labels) - len(on_line)], *columns), sum(len(line) for line in lines[:count])
    return None


def _strip_empty(values: list[Cell]) -> list[Cell]:
    while values and values[-1].text == "":
        values = values[:-1]
    return values


MapLabel = Callable[[str, "str | None"], "str | None"]


def read_table(cells: list[Cell], map_label: MapLabel, begins_label: Callable[[str], bool]) -> list[TableValue]:
    """Every value of a statistics table that maps onto an indicator."""
    out: list[TableValue] = []
    columns: tuple[str, ...] = ()
    applicants = False
    applicant_columns: tuple[str, ...] = APPLICANT_TYPES
    review = review_rows = False
    context: str | None = None
    this_year: tuple[int, int] | None = None  # (which value of a row is this year's, of how many)
    scopes: tuple[str, ...] = ()  # the scopes of the value columns, in a table that gives several
    for seg in _rejoin_wrapped_labels(_segments(cells), map_label, begins_label):
        texts = [c.text for c in seg.labels]
        this_year = _this_years_column(texts) or this_year
        scopes = _scope_columns(texts) or scopes
        if "自然人" in texts or ("总计" in texts and "商业企业" in texts):
            applicants, columns, review_rows = True, (), False
            applicant_columns = _applicant_columns(texts)
        if "信息内容" in texts:
            header = list(seg.labels[texts.index("信息内容") + 1 :])
            if header and seg.values and header[-1].line == seg.values[0].line:
                header.pop()  # the first row's label, on the line of its values
            columns = _header_columns(header)
            applicants = review_rows = False
        joined = "".join(texts)  # the header's cells, wrapped or not (行政诉 | 讼)
        if {"未经复议直接起诉", "复议后起诉"} <= set(texts) or ("行政复议" in joined and "行政诉讼" in joined):
            review = True
        elif all(t in texts for t in REVIEW_RESULTS):
            review_rows = True  # the results as columns, a part of the table a row
        if not any(number(v.text) is not None for v in seg.values):
            for label in seg.labels:  # a heading row sets the context for the rows below it
                found = map_label(label.text, context)
                if found is not None and found.count(".") <= 2:
                    context = _top(found)
            continue
        values = list(seg.values)
        if review and len(values) == len(REVIEW_COLUMNS):
            out += [TableValue(n, n, v, None, None, c.start, c.end)
                    for n, c in zip(REVIEW_COLUMNS, values, strict=True)
                    if (v := number(c.text)) is not None]
            review = False
            continue
        if review_rows and len(values) == len(REVIEW_RESULTS) and seg.labels:
            first = _review_part(seg.labels[-1].text)
            if first is not None:
                out += [TableValue(f"N.4.{first + i}", seg.labels[-1].text, v, None, None, c.start, c.end)
                        for i, c in enumerate(values) if (v := number(c.text)) is not None]
                continue
        unit = None
        labels = list(seg.labels)
        if labels and labels[-1].text in UNIT_CELLS:
            unit = labels.pop().text
        while len(labels) > 1 and P.NOTE_CELL.fullmatch(labels[-1].text):
            labels.pop()  # the row's label is above its note
        if not labels:
            continue
        row = labels[-1]
        mapped = _map_row(row, labels, map_label, context)
        by_applicant = mapped if len(values) == len(APPLICANT_TYPES) else None
        # a row of the request table, under its header row or (the header lost: an image, or merged
        # cells a scraper dropped) by its label and its value for every applicant column
        if len(values) == len(APPLICANT_TYPES) and (
                applicants or (by_applicant is not None and by_applicant[0].startswith(REQUEST_ROWS))):
            if by_applicant is not None:
                context = _top(by_applicant[0])
                out += _by_applicant(*by_applicant, values, APPLICANT_TYPES, unit)
            continue
        # a shorter request table (自然人 | 法人或其他组织 | 总计): only its own rows
        if applicants and len(values) == len(applicant_columns) < len(APPLICANT_TYPES) \
                and mapped is not None and mapped[0].startswith(REQUEST_ROWS):
            context = _top(mapped[0])
            out += _by_applicant(*mapped, values, applicant_columns, unit)
            continue
        if columns and len(values) <= len(columns):
            by_column = [
                TableValue(n, f"{row.text} {column}", v, unit, None, row.start, max(c.end, row.end))
                for column, c in zip(columns, values, strict=False)
                if (n := map_label(row.text + column, None)) is not None and (v := number(c.text)) is not None
            ]
            if by_column:
                out += by_column
                continue
        if scopes and len(values) == len(scopes) and mapped is not None:
            notation, label = mapped
            out += [TableValue(notation, label.text, v, unit, None, label.start, max(c.end, label.end), scope)
                    for scope, c in zip(scopes, values, strict=True) if (v := number(c.text)) is not None]
            continue
        value = values[this_year[0]] if this_year and len(values) == this_year[1] else values[0]
        v = number(value.text)
        if mapped is None or v is None:
            continue
        notation, label = mapped
        if notation.count(".") == 1:
            context = notation
        # a label wrapped after the line of its values ends after them
        out.append(TableValue(notation, label.text, v, unit, None, label.start, max(value.end, label.end)))
    return out


def _header_columns(header: list[Cell]) -> tuple[str, ...]:
    """The column names of a header: a PDF that wrapped them in narrow cells gives each line's pieces in turn
    (本年新制 本年新公 对外公开 | 作数量 开数量 总数量), and a line's pieces go on the names still unfinished
    before them, one each; a line that finds none unfinished starts names of its own (one cell a line)."""
    columns: list[str] = []
    lines = [[c.text for c in header if c.line == n] for n in dict.fromkeys(c.line for c in header)]
    for pieces in lines:
        unfinished = [k for k, name in enumerate(columns)
                      if not P.COLUMN_HEADER.search(name) or P.UNCLOSED_PARENTHESIS.search(name)]
        if len(pieces) == len(columns) >= 2:  # a piece of every name (对外公开总数 | 量: 总数 ends no name here)
            columns = [name + piece for name, piece in zip(columns, pieces, strict=True)]
        elif unfinished and len(pieces) == len(unfinished):
            for k, piece in zip(unfinished, pieces, strict=True):
                columns[k] += piece
        else:
            columns += pieces
    return tuple(name for name in columns if P.COLUMN_HEADER.search(name))


def _scope_columns(header: list[str]) -> tuple[str, ...]:
    """The scopes a header sets side by side (统计指标 | 单位 | 全市 | 市本级), if it names two or more."""
    found = [m for t in header if (m := P.SCOPE_COLUMN.fullmatch(t)) is not None]
    scopes = tuple(P.SCOPE_COLUMN_KINDS[str(m.lastgroup)] for m in found)
    return scopes if len(scopes) >= 2 else ()


def _this_years_column(header: list[str]) -> tuple[int, int] | None:
    """In a header that sets years side by side (2016年 | 2017年 | 增减, 上年数 | 本年数), which value
    column is the report's own year, of how many: the one called 本年, else the latest year."""
    compared = [m for t in header if (m := P.COMPARED_COLUMN.fullmatch(t)) is not None]
    if len(compared) < 2:
        return None
    own = [k for k, m in enumerate(compared) if m.group("this")]
    years = [(int(m.group("year")), k) for k, m in enumerate(compared) if m.group("year")]
    if own:
        return own[0], len(compared)
    return (max(years)[1], len(compared)) if years else None


REQUEST_ROWS = "N.3"  # the notations of the request table's rows


def _review_part(label: str) -> int | None:
    """The first of the five notations of the review table's part a row label names."""
    return next((first for pattern, first in P.REVIEW_PART_LABELS if pattern.search(label)), None)


def _by_applicant(notation: str, row: Cell, values: list[Cell], kinds: tuple[str, ...],
                  unit: str | None) -> list[TableValue]:
    return [TableValue(notation, row.text, v, unit, kind, row.start, max(c.end, row.end))
            for kind, c in zip(kinds, values, strict=True) if (v := number(c.text)) is not None]


def _applicant_columns(header: list[str]) -> tuple[str, ...]:
    """The applicant columns a request table's header names, in the order its values come: the
    format's seven, or a shorter table's own (自然人 | 法人或其他组织 | 总计)."""
    if all(kind in header for kind in APPLICANT_TYPES[1:6]):
        return APPLICANT_TYPES
    own = tuple("总计" if t in _TOTALS else t for t in header if t in ("自然人", _ORGANISATIONS, *_TOTALS))
    return own if len(own) >= 2 and own[-1] == "总计" else APPLICANT_TYPES


def _map_row(row: Cell, labels: list[Cell], map_label: MapLabel, context: str | None) -> tuple[str, Cell] | None:
    """The row's notation, and its label: the row's own cell, or the cells from the one it needs."""
    found = map_label(row.text, context)
    if found is not None:
        return found, row
    # a label a PDF wrapped over lines, its values on the last (1.申请人无正当理由逾期不补 | 正、行政机关不再处理
    # 其政府信 | 息公开申请 6 … 7)
    for first in range(len(labels) - 2, max(-1, len(labels) - 1 - WRAPPED_LABEL_LINES), -1):
        wrapped = labels[first:]
        joined = map_label("".join(c.text for c in wrapped), context)
        if joined is not None:
            return joined, Cell("".join(c.text for c in wrapped), wrapped[0].start, row.end)
    # a row label that only makes sense under its parent cell (（三）不予公开 | 1.属于国家秘密), or that a
    # PDF broke over two lines (（二）部分公开（…不计 | 其他情形）): the quote starts at the first one
    for parent in reversed(labels[:-1]):
        joined = map_label(P.ROW_NUMBERING.sub("", parent.text) + P.ROW_NUMBERING.sub("", row.text), context)
        if joined is not None:
            return joined, Cell(parent.text + row.text, parent.start, row.end)
    return None


def _top(notation: str) -> str:
    return ".".join(notation.split(".")[:2])
