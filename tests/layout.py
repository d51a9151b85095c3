"""How a page lays text out, for tests that read text as PDFs and narrow pages give it."""

from __future__ import annotations


def broken_lines(paragraph: str, columns: int) -> list[str]:
    """The paragraph's lines on a page `columns` display columns wide (a Chinese character takes two):
    broken where the next character would pass the page's edge, mid-word as a PDF breaks it."""
    lines, line, width = [], "", 0
    for ch in paragraph:
        w = 1 if ch.isascii() else 2
        if width + w > columns:
            lines.append(line)
            line, width = "", 0
        line, width = line + ch, width + w
    return [*lines, line]
