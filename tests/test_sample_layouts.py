"""The samples laid out as analysts download them — a GBK web page, a Word file, a PDF with ruled tables,
text hard-wrapped at a page's width, a page that lost its line breaks — give the facts the text gives."""

from __future__ import annotations

import html
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from layout import broken_lines

from kg.pipeline import process_file

SAMPLES = sorted((Path(__file__).parent.parent / "data" / "samples").glob("*.txt"))


def _rows_and_prose(text: str) -> list[str | list[str]]:
    """The text's lines, a table's row (cells between pipes) as a list of its cells; rule rows dropped."""
    out: list[str | list[str]] = []
    for line in text.split("\n"):
        if "|" not in line:
            out.append(line)
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not all(set(c) <= set("-: ") for c in cells):
            out.append(cells)
    return out


def _gbk_web_page(text: str) -> bytes:
    body = []
    for item in _rows_and_prose(text):
        if isinstance(item, list):
            body.append("<table><tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in item) + "</tr></table>")
        elif item.strip():
            body.append(f"<p>{html.escape(item)}</p>")
    first = next((line for line in text.split("\n") if line.strip()), "")
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
            f"<title>{html.escape(first[:40])}_某市人民政府门户网站</title>"
            '<script>var nav = 1;</script></head><body><div class="nav">首页 &gt; 政务公开</div>'
            f'<div class="article">{"".join(body)}</div><div class="footer">版权所有：某市人民政府 桂ICP备05000001号'
            "</div></body></html>")
    return page.encode("gb18030", errors="xmlcharrefreplace")


def _word_file(text: str) -> bytes:
    import docx

    document = docx.Document()
    for item in _rows_and_prose(text):
        if isinstance(item, list):
            row = document.add_table(rows=1, cols=len(item)).rows[0]
            for cell, value in zip(row.cells, item, strict=True):
                cell.text = value
        elif item.strip():
            document.add_paragraph(item)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _pdf(text: str) -> bytes:
    """Prose broken at 80 columns, tables ruled (cells wrapped inside), a running header and page numbers."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer)
    page, y = 1, 780.0

    def new_page() -> float:
        nonlocal page
        c.setFont("STSong-Light", 9)
        c.drawString(290, 30, f"- {page} -")
        c.showPage()
        page += 1
        c.setFont("STSong-Light", 9)
        c.drawString(60, 810, "某市人民政府门户网站")
        return 780.0

    c.setFont("STSong-Light", 9)
    c.drawString(60, 810, "某市人民政府门户网站")
    for item in _rows_and_prose(text):
        if isinstance(item, list):
            width = 480 / len(item)
            parts = [broken_lines(cell, max(2, int((width - 4) // 3.6))) for cell in item]
            height = 9 * max(len(p) for p in parts) + 6
            if y - height < 60:
                y = new_page()
            c.setFont("STSong-Light", 7)
            for k, lines in enumerate(parts):
                c.rect(60 + k * width, y + 10 - height, width, height)
                for r, piece in enumerate(lines):
                    c.drawString(62 + k * width, y + 1 - 9 * r, piece)
            y -= height
            continue
        for piece in broken_lines(item, 80):
            if y < 60:
                y = new_page()
            c.setFont("STSong-Light", 10.5)
            c.drawString(60, y, piece)
            y -= 15
    c.setFont("STSong-Light", 9)
    c.drawString(290, 30, f"- {page} -")
    c.save()
    return buffer.getvalue()


def _wrapped(text: str) -> bytes:
    lines = [piece for line in text.split("\n") for piece in (broken_lines(line, 40) if "|" not in line else [line])]
    return "\n".join(lines).encode("utf-8")


def _line_breaks_lost(text: str) -> bytes:
    return text.replace("\n", " ").encode("utf-8")


LAYOUTS: dict[str, tuple[str, Callable[[str], bytes]]] = {
    "gbk web page": (".html", _gbk_web_page),
    "word file": (".docx", _word_file),
    "pdf with ruled tables": (".pdf", _pdf),
    "text wrapped at 40 columns": (".txt", _wrapped),
    "line breaks lost": (".txt", _line_breaks_lost),
}
# one line cannot say where a notice ends and the plan it issues begins: that plan's title, named in the
# notice, is then a cited title (the figures and the document itself come out the same)
PARTS_LOST = {"line breaks lost"}


def _facts(path: Path) -> tuple[object, ...]:
    extraction, _ = process_file(path)
    main = extraction.structure.main
    document = (main.doc_type, *(f.value if f else None for f in (main.title, main.year, main.number, main.issuer)),
                main.region.code if main.region else None)
    cited = {(w.number, w.title) for w in extraction.works}
    figures = {(o.indicator, o.value, o.unit, o.scope, o.applicant_type) for o in extraction.observations if o.indicator}
    return document, cited, figures


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_a_sample_laid_out_as_downloaded_gives_the_facts_its_text_gives(tmp_path: Path, layout: str) -> None:
    suffix, lay_out = LAYOUTS[layout]
    for sample in SAMPLES:
        laid = tmp_path / (sample.stem + suffix)
        laid.write_bytes(lay_out(sample.read_text(encoding="utf-8")))
        got, expected = _facts(laid), _facts(sample)
        if layout in PARTS_LOST:
            got, expected = (got[0], got[2]), (expected[0], expected[2])
        assert got == expected, f"{sample.name} as a {layout}"
