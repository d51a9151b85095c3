"""Text out of web pages, PDFs and Word files, recognized by content as well as by name.

- HTML (BeautifulSoup + lxml; the charset from the BOM, the meta tag or detection): the main
  text block, without navigation, scripts and footers; tables become pipe rows so that the
  statistics reader sees them as tables.
- PDF (pdfplumber, on the text layer): running headers, footers and page numbers removed, lines
  wrapped by the layout re-joined, tables written as pipe rows.
- DOCX (python-docx): paragraphs and tables in body order.

Spans of the graph point into the extracted text, which is what `SourceText.text` holds.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from typing import Any

from . import patterns as P

MEDIA_TYPES = {
    "text": "text/plain",
    "html": "text/html",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class ExtractionError(ValueError):
    """A file of a known format from which no text could be taken."""


# formats a government site publishes that kg does not read, told by content: what the user can do instead
UNREAD_FORMATS = {
    "ole2": "an Office 97–2003 file (.doc, .xls, .wps or .et), which kg does not read: save it as .docx or PDF",
    "xlsx": "a spreadsheet (.xlsx), which kg does not read: save its tables in the report's .docx or PDF",
    "pptx": "a slide deck (.pptx), which kg does not read: save it as PDF",
    "ofd": "an OFD document, which kg does not read: save it as PDF",
}
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MEMBER_FORMATS = (("word/document.xml", "docx"), ("xl/workbook.xml", "xlsx"), ("ppt/presentation.xml", "pptx"),
                       ("OFD.xml", "ofd"))


def detect_format(data: bytes, name: str = "") -> str:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(_OLE2_MAGIC):
        return "ole2"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                members = set(z.namelist())
        except zipfile.BadZipFile:
            members = set()
        for member, fmt in _ZIP_MEMBER_FORMATS:
            if member in members:
                return fmt
    if head.startswith((b"<!doctype html", b"<html")) or (b"<html" in head and b"<body" in data[:200_000].lower()):
        return "html"
    if head.startswith(b"<") and len(re.findall(rb"</(?:p|div|td|span|table)>", head)) >= 3:
        return "html"
    lower = name.lower()
    if lower.endswith((".htm", ".html", ".shtml")) and b"<" in head:
        return "html"
    return "text"


# ---------------------------------------------------------------- HTML

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "iframe", "form", "button", "select", "aside")
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "section", "article",
           "table")


def extract_html(data: bytes) -> tuple[str, str]:
    """(main text, charset)."""
    from bs4 import BeautifulSoup, UnicodeDammit

    dammit = UnicodeDammit(data, is_html=True, known_definite_encodings=["utf-8"])
    markup = dammit.unicode_markup
    if markup is None:
        raise ExtractionError("cannot determine the page's character set")
    soup = BeautifulSoup(markup, "lxml")
    page_title = _page_title(soup)
    for tag in soup(list(_DROP_TAGS)):
        tag.decompose()
    clutter = soup.find_all(class_=P.PAGE_FURNITURE) + soup.find_all(id=P.PAGE_FURNITURE)
    for tag in clutter:
        if tag.parent is not None and len(_cjk(tag.get_text())) < 400:
            tag.decompose()
    _drop_link_lists(soup)
    catalogues = []
    holding_tables: set[int] = set()  # tables with a table inside: no table of figures nests another
    for table in reversed(soup.find_all("table")):  # the innermost first
        if id(table) in holding_tables or _lays_out_the_page(table):
            continue  # a table the page is laid out with: its cells are blocks of text
        holding_tables.update(id(outer) for outer in table.find_parents("table"))
        rows = soup.new_string("\n" + _table_rows(table) + "\n")
        table.replace_with(rows)
        if len(P.META_FIELD.findall(rows)) >= 2:
            catalogues.append(rows)
    root = _main_block(soup)
    # the portal's catalogue of the document (发布机构, 文号 …) often stands outside the article
    head = [str(rows).strip() for rows in catalogues if root not in rows.parents]
    for br in root.find_all("br"):
        br.replace_with("\n")
    for block in root.find_all(list(_BLOCKS)):
        block.insert_before("\n")
        block.insert_after("\n")
    head_lines, lines = _clean_lines("\n".join(head)), _clean_lines(root.get_text())
    if page_title and not _has_title_near_top(lines, page_title):
        lines.insert(0, page_title)
    return "\n".join(head_lines + lines), dammit.original_encoding or "utf-8"


_LINK_LIST_TAGS = ("ul", "ol", "dl", "div", "section", "td", "table")
LINK_LIST_SHARE = 0.7  # of a block's Chinese text in its links: a list of other pages, not the document's prose
LINK_LIST_MOST = 0.5  # of the page's Chinese text a link list may hold (a page of links only is left whole)
LINK_LIST_LABEL = 8  # Chinese characters besides its links a list may have: 当前位置, 您现在的位置, 相关文章


def _drop_link_lists(soup: Any) -> None:
    """Remove the blocks made of links to other pages (相关文章, 热点信息, a breadcrumb without a class
    naming it): their titles would pass for the document's own or for documents it cites."""
    total = len(_cjk((soup.body or soup).get_text())) or 1
    for block in soup.find_all(list(_LINK_LIST_TAGS)):
        if block.decomposed or block.parent is None:
            continue
        text = block.get_text()
        own = len(_cjk(text))
        linked = [len(_cjk(a.get_text())) for a in block.find_all("a")]
        linked = [n for n in linked if n]
        if own == 0 or own >= LINK_LIST_MOST * total or len(linked) < 2:
            continue
        if P.META_FIELD.search(text):
            continue  # the portal's catalogue of the document, its 发布机构 a link at times
        if sum(linked) >= LINK_LIST_SHARE * own or (own - sum(linked) <= LINK_LIST_LABEL and "。" not in text):
            block.decompose()


def _clean_lines(text: str) -> list[str]:
    return [line for raw in text.split("\n") if (line := re.sub(r"[ \t\u3000\xa0]+", " ", raw).strip())]


def _page_title(soup: Any) -> str | None:
    """The document's title as the page's <title> gives it, without the site's name after it."""
    if soup.title is None:
        return None
    written = re.sub(r"\s+", " ", soup.title.get_text()).strip()
    for piece in P.PAGE_TITLE_SEPARATOR.split(written):
        if P.TITLE_ENDING.search(piece.strip()):
            return piece.strip()
    return None


def _has_title_near_top(lines: list[str], page_title: str) -> bool:
    """Whether the article already opens with its title (perhaps broken over lines). A title line that
    the page's title only lengthens at the front (2020年…报告 under 湘阴县2020年…报告) leaves out who
    wrote it: the page's title goes above it."""
    top = lines[:TITLE_NEAR_TOP]
    wanted = re.sub(r"\s", "", page_title)
    if wanted in re.sub(r"\s", "", "".join(top)):
        return True
    titles = [re.sub(r"\s", "", line) for line in top[:3] if P.TITLE_ENDING.search(line)]
    return any(not (wanted.endswith(t) and len(wanted) > len(t)) for t in titles)


TITLE_NEAR_TOP = 8  # lines from the top of the article a title line may stand on


def _cjk(text: str) -> str:
    return re.sub(r"[^\u4e00-\u9fff]", "", text)


def _main_block(soup: Any) -> Any:
    """The element holding most of the page's Chinese text without being the whole page."""
    body = soup.body or soup
    total = len(_cjk(body.get_text())) or 1
    best, best_score = body, 0.0
    for tag in body.find_all(["div", "article", "section", "td", "main"]):
        own = len(_cjk(tag.get_text()))
        if own < 0.5 * total:
            continue
        # prefer the smallest element that still holds most of the text
        score = own / total - 0.0001 * len(tag.find_all(True))
        if own >= 0.6 * total and score > best_score:
            best, best_score = tag, score
    return best


def _lays_out_the_page(table: Any) -> bool:
    """A table an older site lays its page out with, not a table of figures: prose in a cell (long,
    or in sentences)."""
    if any(_task_columns_named(tr) for tr in table.find_all("tr", limit=3)):
        return False  # a plan's table of tasks, whose cells are sentences
    for cell in table.find_all(["td", "th"]):
        text = cell.get_text()
        if len(_cjk(text)) > LAYOUT_CELL_CHARS or (text.count("。") >= 2):
            return True
    return False


def _task_columns_named(tr: Any) -> bool:
    names = [re.sub(r"\s+", "", c.get_text()) for c in tr.find_all(["td", "th"])]
    return any(P.TASK_COLUMN.match(n) for n in names) and any(P.RESPONSIBILITY_COLUMN.match(n) for n in names)


LAYOUT_CELL_CHARS = 150  # Chinese characters in one cell beyond which it holds prose, not a figure or a label


def _table_rows(table: Any) -> str:
    """One line a row, its cells between pipes. A cell that spans rows (rowspan) is written again in
    each of them, as Word's tables give it, so that every row's cells stand in their columns."""
    rows = []
    spanning: dict[int, tuple[str, int]] = {}  # column → (text, rows it still covers)
    for tr in table.find_all("tr"):
        cells: list[str] = []
        for c in tr.find_all(["td", "th"]):
            while len(cells) in spanning:
                cells.append(_continued(spanning, len(cells)))
            text = _cell_text(c)
            if _span(c, "rowspan") > 1:
                spanning[len(cells)] = (text, _span(c, "rowspan") - 1)
            cells.append(text)
        while len(cells) in spanning:
            cells.append(_continued(spanning, len(cells)))
        if any(cells):
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


_PIECE_BREAK = "\x00"


def _cell_text(cell: Any) -> str:
    """A cell's text without the page's whitespace (本年新⏎制作数量 is one label); where the cell
    lists agencies one a line or spaces apart (县委宣传部<br>县政府办), a list of them."""
    for br in cell.find_all("br"):
        br.replace_with(_PIECE_BREAK)
    for block in cell.find_all(["p", "div"]):
        block.insert_after(_PIECE_BREAK)
    return _joined_cell(re.split(rf"[\s{_PIECE_BREAK}]+", cell.get_text()))


def _joined_cell(pieces: list[str]) -> str:
    """A cell's lines and words as one text: run together, unless each names an agency (a list of them)."""
    pieces = [piece for piece in pieces if piece]
    if len(pieces) > 1 and all(len(piece) <= AGENCY_NAME_MAX and P.AGENCY_NAME_END.search(piece) for piece in pieces):
        return "、".join(pieces)
    return "".join(pieces)


AGENCY_NAME_MAX = 20  # characters of one agency's name in a cell that lists several


def _span(cell: Any, attribute: str) -> int:
    value = re.match(r"\s*(\d+)", str(cell.get(attribute) or ""))
    return min(int(value.group(1)), 1000) if value else 1


def _continued(spanning: dict[int, tuple[str, int]], column: int) -> str:
    """The text of the cell above that spans down into this row's `column`."""
    text, left = spanning.pop(column)
    if left > 1:
        spanning[column] = (text, left - 1)
    return text


# ---------------------------------------------------------------- PDF

def extract_pdf(data: bytes) -> str:
    import pdfplumber

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        raise ExtractionError(f"unreadable PDF ({type(exc).__name__})") from exc
    with pdf:
        pages = []
        for page in pdf.pages:
            tables = page.find_tables()
            outside = page
            for t in tables:
                outside = outside.outside_bbox(t.bbox)
            found = outside.extract_text_lines(return_chars=False)
            lines = [line["text"] for line in found]
            # each table where it stands on the page: after the lines above its top (a document's header
            # table of 发文机关, 发文字号 … comes before its text, not after the page's last line)
            placed = [_Table(sum(1 for line in found if line["top"] < t.bbox[1]),
                             ["| " + " | ".join(_joined_cell(re.split(r"\s+", c or "")) for c in row) + " |"
                              for row in t.extract()]) for t in tables]
            pages.append(_Page(lines, sorted(placed, key=lambda t: t.after)))
    if not any(_cjk("".join(page.lines)) or page.tables for page in pages):
        raise ExtractionError("the PDF has no text layer (a scan? run OCR first)")
    return _join_pages(pages)


@dataclass(frozen=True)
class _Table:
    after: int  # how many of the page's text lines stand above it
    rows: list[str]


@dataclass(frozen=True)
class _Page:
    lines: list[str]
    tables: list[_Table]  # in the order they stand


def _join_pages(pages: list[_Page]) -> str:
    repeated: Counter[str] = Counter()
    for page in pages:
        edge = {line.strip() for line in page.lines[:2] + page.lines[-2:] if line.strip()}
        repeated.update(edge)
    # on two pages a line must be at the edge of both; from three, of most
    needed = len(pages) if len(pages) == 2 else 0.6 * len(pages)
    running = {line for line, n in repeated.items() if len(pages) >= 2 and n >= needed}
    out: list[str] = []
    previous, previous_width = "", 0  # the line before as its page laid it out (not the paragraph joined so
    # far), and that page's width: a sentence the page broke goes on at the top of the next one
    for page in pages:
        lines = page.lines
        edges = {*range(2), *range(len(lines) - 2, len(lines))}
        # a page number stands on the page's edge; a bare number inside the page is a table's value
        kept = [(i, line.rstrip()) for i, line in enumerate(lines) if line.strip() and line.strip() not in running
                and not (i in edges and (P.PAGE_NUMBER.match(line) or P.PRINTED_PAGE_EDGE.match(line)))]
        width = _page_width([line for _, line in kept])
        tables = list(page.tables)
        for i, line in kept:
            while tables and tables[0].after <= i:
                out += tables.pop(0).rows
                previous = ""
            if out and _continues(out[-1], previous, line, previous_width):
                out[-1] += line.strip()
            else:
                out.append(line.strip())
            previous, previous_width = line.strip(), width
        for table in tables:
            out += table.rows
            previous = ""
    return "\n".join(out)


def _continues(paragraph: str, previous: str, line: str, width: int) -> bool:
    """A line wrapped by the layout: the line before is full and does not end a sentence."""
    if not previous or paragraph.startswith("|") or P.LINE_START_HEADING.match(line):
        return False
    if not prose_line(previous) or P.BARE_VALUES.fullmatch(line):
        return False  # a table's row, or a row of its values: what wraps in a table's cell is the table's to read
    return (not P.FULL_LINE_ENDS_SENTENCE.search(previous) and not P.COMPLETE_HEADING_LINE.match(previous)
            and display_width(previous) >= 0.8 * width)


def _page_width(lines: list[str]) -> int:
    """How wide the page's lines of prose run: a table's row in the text layer may run wider."""
    prose = [display_width(line) for line in lines if prose_line(line)]
    return max(prose or [display_width(line) for line in lines] or [0])


def prose_line(line: str) -> bool:
    """Not a table's row: no cells between pipes or tabs (a tab that indents a paragraph is no cell's), no
    values at its end, no gaps between its words."""
    return "|" not in line and "\t" not in line.strip() and not P.ROW_ENDS_IN_VALUE.search(line) \
        and not P.CELL_GAP_BETWEEN_WORDS.search(line)


def display_width(text: str) -> int:
    """Columns a line takes on a page: a Chinese character (or “”，。) two, a Latin letter or a digit one,
    so that lines broken at the page's edge measure alike whatever mix of characters they hold."""
    # an ASCII character is one byte of UTF-8, a Chinese one three: counted in C, not character by
    # character (this runs over every line)
    return (len(text.encode("utf-8", errors="replace")) + len(text)) // 2


# ---------------------------------------------------------------- DOCX


def extract_docx(data: bytes) -> str:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises KeyError, ValueError, BadZipFile … on broken files
        raise ExtractionError(f"unreadable Word file ({type(exc).__name__})") from exc
    out: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            if block.text.strip():
                out.append(block.text.strip())
        elif isinstance(block, Table):
            for row in block.rows:
                out.append("| " + " | ".join(_joined_cell(re.split(r"\s+", c.text)) for c in row.cells) + " |")
    return "\n".join(out)


def extract_text(data: bytes, fmt: str) -> tuple[str, str]:
    """(text, encoding or extractor) for a non-plain-text format."""
    if fmt == "html":
        text, charset = extract_html(data)
        return text, charset
    if fmt == "pdf":
        return extract_pdf(data), "pdf-text-layer"
    if fmt == "docx":
        return extract_docx(data), "docx"
    raise ValueError(fmt)
