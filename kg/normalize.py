"""Stage 1: `SourceText` → `NormalizedText`.

Every rewrite goes through `_Editor`, which keeps for each output character the index of the
source character it came from, so that any span found later maps back to the original file.
Rewrites are ordered so that normalizing twice changes nothing.
"""

from __future__ import annotations

import html
import re
from array import array
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from . import patterns as P
from .formats import display_width, prose_line
from .model import NormalizedText, Problem, SourceText, Span
from .vocab import radical_forms

_identity = array("q")  # 0, 1, 2, …: sliced for each text, grown as longer ones come
_IDENTITY_KEPT = 1 << 20  # entries kept between texts (8 MB); a longer text builds its own map


def _identity_map(n: int) -> array[int]:
    global _identity
    if n > _IDENTITY_KEPT:
        return array("q", range(n))
    if len(_identity) < n:
        _identity = array("q", range(min(max(n, 2 * len(_identity)), _IDENTITY_KEPT)))
    return _identity[:n]  # a copy made in C, not a loop over Python integers


class _Editor:
    def __init__(self, text: str) -> None:
        self.source = text
        self.text = text
        self.origin = _identity_map(len(text) + 1)
        self.problems: list[Problem] = []

    def sub(self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]) -> None:
        pieces: list[str] = []
        origin = array("q")
        last = 0
        for m in pattern.finditer(self.text):
            new = repl(m)
            if new == m.group(0):
                continue
            pieces.append(self.text[last : m.start()])
            origin.extend(self.origin[last : m.start()])
            pieces.append(new)
            origin.extend(self._spread(m.start(), m.end(), len(new)))
            last = m.end()
        if not pieces:
            return
        pieces.append(self.text[last:])
        origin.extend(self.origin[last:])
        self.text = "".join(pieces)
        self.origin = origin

    def delete(self, pattern: re.Pattern[str], group: str | int = 0) -> None:
        """Remove one group of every match; exact, since what remains keeps its origins."""
        pieces: list[str] = []
        origin = array("q")
        last = 0
        for m in pattern.finditer(self.text):
            start, end = m.span(group)
            if end <= start or start < last:
                continue
            pieces.append(self.text[last:start])
            origin.extend(self.origin[last:start])
            last = end
        if not pieces and last == 0:
            return
        pieces.append(self.text[last:])
        origin.extend(self.origin[last:])  # includes the end sentinel
        self.text = "".join(pieces)
        self.origin = origin

    def delete_spans(self, spans: list[tuple[int, int]]) -> None:
        """Remove the given (start, end) ranges, sorted and disjoint."""
        if not spans:
            return
        pieces: list[str] = []
        origin = array("q")
        last = 0
        for start, end in spans:
            pieces.append(self.text[last:start])
            origin.extend(self.origin[last:start])
            last = end
        pieces.append(self.text[last:])
        origin.extend(self.origin[last:])
        self.text = "".join(pieces)
        self.origin = origin

    def _spread(self, start: int, end: int, n: int) -> list[int]:
        width = end - start
        if width == 0:
            return [self.origin[start]] * n
        return [self.origin[start + min(width - 1, (k * width) // max(n, 1))] for k in range(n)]

    def replace_same_length(self, new_text: str) -> None:
        assert len(new_text) == len(self.text)
        self.text = new_text


@lru_cache(maxsize=1)
def _t2s() -> Callable[[str], str]:
    import opencc

    convert: Callable[[str], str] = opencc.OpenCC("t2s").convert
    return convert


def _to_simplified(ed: _Editor) -> None:
    convert = _t2s()
    converted = convert(ed.text)
    if len(converted) == len(ed.text):
        ed.replace_same_length(converted)
        return
    # A phrase rule changed the length somewhere: fall back to characters one at a time,
    # which OpenCC maps one-to-one, so the offset map stays exact.
    ed.replace_same_length("".join(convert(c) if len(convert(c)) == 1 else c for c in ed.text))


def _repair_mojibake(ed: _Editor) -> None:
    """Repair section markers garbled by a misaligned GBK decode; report every garbled run."""
    _repair_markers(ed)
    if not P.MOJIBAKE_CHAR.search(ed.text):
        return  # the usual case, told by one scan for the characters (the run's pattern scans slowly)
    for m in re.finditer(r"(?:[^\n]{0,2}" + P.MOJIBAKE_CHAR.pattern + r"){2,}[^\n]{0,2}", ed.text):
        ed.problems.append(
            Problem(
                "mojibake",
                f"garbled characters (GBK bytes read with the wrong alignment?): {m.group(0)!r}",
                Span(ed.origin[m.start()], ed.origin[m.end() - 1] + 1),
            )
        )


def _repair_markers(ed: _Editor) -> None:
    def fix_line(m: re.Match[str]) -> str:
        line = m.group(0)
        if not P.MOJIBAKE_LEAD.match(line) or not P.MOJIBAKE_CHAR.search(line[:12]):
            return line
        fixed = _realign_marker(line[1:])
        if fixed is None:
            return line
        marker, consumed = fixed
        return marker + line[1 + consumed :]

    if P.MOJIBAKE_CHAR.search(ed.text):  # the line-by-line pass only where something is garbled
        ed.sub(re.compile(r"^[^\n]+$", re.M), fix_line)


def _realign_marker(run: str) -> tuple[str, int] | None:
    """Decode `run`'s GBK bytes one byte later; return the section marker and how many chars it used."""
    head = run[:16]
    try:
        raw = head.encode("gbk", errors="replace")
    except LookupError:  # pragma: no cover - gbk always exists in CPython
        return None
    for shift in (1, 0):
        decoded = raw[shift:].decode("gbk", errors="replace")
        m = P.SECTION_MARKER_REPAIRED.match(decoded)
        if not m:
            continue
        used_bytes = shift + len(m.group(0).encode("gbk"))
        total = 0
        for count, ch in enumerate(head, start=1):
            total += len(ch.encode("gbk", errors="replace"))
            if total >= used_bytes:
                return m.group(0), count
    return None


def _close_letter_spacing(ed: _Editor) -> None:
    spans = [(run.start() + gap.start(), run.start() + gap.end())
             for run in P.LETTER_SPACED.finditer(ed.text) for gap in P.LETTER_SPACE.finditer(run.group(0))]
    ed.delete_spans(spans)


def _drop_clutter_lines(ed: _Editor) -> None:
    def drop(m: re.Match[str]) -> str:
        return "" if P.CLUTTER_LINE.match(m.group(1)) else m.group(0)

    ed.sub(re.compile(r"^([^\n]*)\n?", re.M), lambda m: drop(m) if m.group(0) else m.group(0))
    _drop_link_lists(ed)


def _drop_link_lists(ed: _Editor) -> None:
    """A page's 相关链接 and, where nothing but such lines follows to the page's end (titles, dates, the
    footer), the links under it; a heading with prose after it goes alone, whatever it stood over."""
    heading = next(P.LINK_LIST_HEADING.finditer(ed.text), None)
    if heading is None:
        return
    rest = ed.text[heading.end() :].split("\n")
    links_to_the_end = all(len(line.strip()) <= P.LINK_LINE_MAX and not P.PROSE_PUNCTUATION.search(line)
                           for line in rest)
    end = len(ed.text) if links_to_the_end else min(heading.end() + 1, len(ed.text))
    ed.delete_spans([(heading.start(), end)])


def _restore_lost_breaks(ed: _Editor) -> None:
    """A page whose line breaks were lost (its text one line of thousands of characters) gets one back
    before each heading that opens a sentence, so that its sections and paragraphs are there again."""
    long_lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", ed.text)
                  if m.end() - m.start() >= P.LOST_BREAKS_LINE]
    if not long_lines:
        return
    ed.sub(P.LOST_LINE_BREAK, lambda m: "\n" if any(a <= m.start() < b for a, b in long_lines) else m.group(0))


def _rejoin_wrapped_lines(ed: _Editor) -> None:
    """Text laid out by a PDF breaks every line at the page width, mid-word (申\n请216件). When most
    long lines are of one width, a full line that does not end a sentence continues on the next one,
    also across a page number or a running header that the page break put between them."""
    lines = lines_with_offsets(ed.text)
    laid = [_laid_width(ed, start, text) for start, text in lines]
    width = _layout_width([text for _, text in lines], laid)
    if width is None:
        return
    repeated = Counter(text.strip() for _, text in lines)
    cuts: list[tuple[int, int]] = []
    i = 0
    while i < len(lines) - 1:
        start, text = lines[i]
        j = i + 1
        while j < len(lines) and j - i <= 3 and _page_furniture(lines[j][1], laid[j], repeated, width):
            j += 1
        # a title at the top is a line of its own, however close to the width it comes
        title = i < TITLE_LINES and P.TITLE_ENDING.search(text.strip()) is not None
        if j < len(lines) and not title and _wraps(text, laid[i], lines[j][1], width):
            cuts.append((start + len(text), lines[j][0]))
        i = j
    ed.delete_spans(cuts)


TITLE_LINES = 8  # lines at the top of a file a title may stand on


def lines_with_offsets(text: str) -> list[tuple[int, str]]:
    """(offset, line) for each line of `text`, the line without its break."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _laid_width(ed: _Editor, start: int, line: str) -> int:
    """The display width a line took on the page: of the source characters it came from, with the
    pinyin glosses and stray commas that normalization has already taken out of it (公開(kāi))."""
    stripped = line.strip()
    if not stripped:
        return 0
    first = start + len(line) - len(line.lstrip())
    # up to where the next character came from: a gloss after the line's last character is on the page too
    return display_width(ed.source[ed.origin[first] : ed.origin[first + len(stripped)]].rstrip())


def _layout_width(lines: list[str], laid: list[int]) -> int | None:
    """The width most long lines share, if they do: PDF layout, not paragraphs of a web page. Widths
    are display widths (a Chinese character is two digits wide), which lines broken at the page's
    edge share whatever mix of characters they hold."""
    # table rows are as long as their cells make them: only prose lines tell the page width
    widths = sorted(n for t, n in zip(lines, laid, strict=True)
                    if len(t.strip()) >= P.WRAP_WIDTH_MIN and prose_line(t))
    if len(widths) < 4:
        return None
    median = widths[len(widths) // 2]
    if sum(1 for n in widths if abs(n - median) <= 0.15 * median) >= 0.6 * len(widths) and median <= 200:
        return median
    # a report mostly of tables and headings: few prose lines, but the wrapped ones all end at the
    # page's edge and no line runs past it
    edge = max(widths)
    at_edge = sum(1 for n in widths if n >= edge - WRAP_EDGE_SLACK)
    return edge if at_edge >= max(3, 0.3 * len(widths)) and edge <= 200 else None


WRAP_EDGE_SLACK = 3  # display columns a line broken at the page's edge may stop short of it


def _page_furniture(line: str, laid_width: int, repeated: Counter[str], width: int) -> bool:
    text = line.strip()
    if P.PAGE_FOOTER.match(text):
        return True
    if P.BARE_VALUES.fullmatch(text):
        return False  # a table's value cell, a line each, repeats as often as its value does (0, 1, 12)
    # a running header is short of the page's width, and ends no sentence; a line of prose that fills
    # the page may come back word for word where a title is cited twice, and a sentence's last words too
    return (repeated[text] >= 2 and 0 < len(text) <= 40 and laid_width < 0.85 * width
            and not P.PROSE_PUNCTUATION.search(text))


def _wraps(line: str, laid_width: int, following: str, width: int) -> bool:
    text = line.strip()
    if laid_width < 0.85 * width or not prose_line(text) or P.FULL_LINE_ENDS_SENTENCE.search(text) \
            or P.COMPLETE_HEADING_LINE.match(text):
        return False
    nxt = following.strip()
    # a portal's catalogue ('发布机构：…' a line each) is a column of fields, not a wrapped paragraph
    if P.META_FIELD.match(text) or P.META_FIELD.match(nxt):
        return False
    # a row's label ends where its first value cell starts, however wide the label runs
    return bool(nxt) and prose_line(nxt) and not P.LINE_START_HEADING.match(nxt) and not P.BARE_VALUES.fullmatch(nxt)


_FULLWIDTH_DIGIT_CHARS = "０１２３４５６７８９"
_FULLWIDTH_DIGITS = {ord(c): ord("0") + i for i, c in enumerate(_FULLWIDTH_DIGIT_CHARS)}


_GUILLEMETS = str.maketrans("«»", "《》")  # «…», as a converted page may write the title marks


def _entity_character(m: re.Match[str]) -> str:
    """The character an entity stands for, unless that is an ampersand or a control character."""
    written = m.group(0)
    character = html.unescape(written if written.endswith(";") else written + ";")
    shown = character.isprintable() or character.isspace()
    return character if len(character) == 1 and character != "&" and shown else written


def normalize_text(source: SourceText) -> NormalizedText:
    """Clean one decoded document, keeping an exact map back to `source.text`."""
    ed = _Editor(source.text)
    ed.delete(P.INVISIBLE_CHAR)
    if "&" in ed.text:
        ed.sub(P.HTML_ENTITY, _entity_character)
    ed.delete(P.STRAY_COMMA)
    _repair_mojibake(ed)
    ed.delete(P.PINYIN_GLOSS)
    ed.delete(P.TONELESS_PINYIN_GLOSS)
    if P.RADICAL_GLYPH.search(ed.text):  # before OpenCC and every pattern, which know the characters only
        ed.replace_same_length(ed.text.translate(radical_forms()))
    _to_simplified(ed)
    if any(digit in ed.text for digit in _FULLWIDTH_DIGIT_CHARS):  # rare; translate() is slow on CJK text
        ed.replace_same_length(P.FULLWIDTH_THOUSANDS.sub(",", ed.text).translate(_FULLWIDTH_DIGITS))
    ed.replace_same_length(ed.text.replace("\u3000", " ").replace("\xa0", " "))
    _close_letter_spacing(ed)
    if "«" in ed.text or "»" in ed.text:
        ed.replace_same_length(ed.text.translate(_GUILLEMETS))
    if P.BOX_CELL_BORDER.search(ed.text):  # a table converted to text, its cells between box-drawing borders
        ed.sub(P.BOX_CELL_BORDER, lambda m: m.group(0).translate(P.BOX_CELL_BARS))
    _drop_clutter_lines(ed)
    _restore_lost_breaks(ed)
    _rejoin_wrapped_lines(ed)  # before any other join changes the lines' widths
    ed.delete(P.BROKEN_TITLE_LINE, "drop")
    # removing one thing can bring two others together (a comma before a garbled heading, a broken
    # title line before a stray comma): repeat the local clean-ups until nothing changes, so that
    # normalizing normalized text changes nothing
    for _ in range(5):
        before = ed.text
        ed.delete(P.STRAY_COMMA)
        ed.delete(P.PINYIN_GLOSS)
        ed.delete(P.TONELESS_PINYIN_GLOSS)
        _repair_markers(ed)
        _drop_clutter_lines(ed)
        ed.delete(P.BROKEN_TITLE_LINE, "drop")
        ed.delete(P.BROKEN_BEFORE_FIGURE, "drop")
        ed.delete(P.BROKEN_DOCUMENT_NUMBER, "drop")
        ed.delete(P.BROKEN_NUMBER_TAIL, "drop")
        ed.delete(P.BROKEN_NUMBER_TAIL, "drop2")
        ed.sub(P.MISCLOSED_TITLE, lambda m: m.group(0)[:-1] + "》")  # 《2017年政务公开工作要点>
        if ed.text == before:
            break
    return NormalizedText(
        source=source,
        text=ed.text,
        origin=ed.origin,
        problems=tuple(source.problems) + tuple(ed.problems),
    )


def normalize_string(text: str) -> str:
    """Convenience for tests and notebooks: normalize a bare string."""
    src = SourceText(path="<string>", name="<string>", text=text, encoding="utf-8", sha256="")
    return normalize_text(src).text
