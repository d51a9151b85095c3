"""Stage 0: bytes on disk → decoded `SourceText`.

Encoding detection is deliberately ordered: a BOM is proof; strict UTF-8 that decodes is
almost never wrong for CJK text (unless it is UTF-8 once read as Latin-1 or GBK and saved
again, which is undone, see kg.mojibake); GB18030 (a superset of GBK and GB2312) is the next
most likely for government sites, Big5 where the bytes are that; charset-normalizer settles the rest.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from charset_normalizer import from_bytes

from .formats import MEDIA_TYPES, UNREAD_FORMATS, ExtractionError, detect_format, extract_text
from .model import Problem, SourceText
from .mojibake import undo_cp1252_misread, undo_gbk_misread


class InputError(Exception):
    """A file that cannot be read as a document. The message names the file and the problem."""


_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises ValueError when no encoding fits."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name.replace("-sig", ""), errors="replace"), name
    if _looks_utf16(data):
        name = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return data.decode(name, errors="replace"), name
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return _undo_misreading(text, "utf-8")
    for cut in range(4):  # a file cut inside its last multi-byte character
        try:
            text = data[: len(data) - cut].decode("gb18030")
        except UnicodeDecodeError:
            continue
        return (data.decode("big5"), "big5") if _big5_rather_than_gbk(data) else (text, "gb18030")
    lines = data.split(b"\n")
    decoded = [_decode_line(line) for line in lines]
    if sum(1 for _, enc in decoded if enc != "replace") >= 0.9 * len(lines):
        encodings = sorted({enc for _, enc in decoded})
        return "\n".join(text for text, _ in decoded), "mixed:" + "+".join(encodings)
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ValueError("cannot determine the text encoding")
    return str(best), best.encoding


def _undo_misreading(text: str, encoding: str) -> tuple[str, str]:
    """Text saved again after a program read its UTF-8 as Latin-1 or as GBK, as it was before."""
    repaired = _undo_latin1_mojibake(text)
    if repaired is not None:
        codec, restored_text = repaired
        what = "" if codec == "utf-8" else "GB18030 text "
        return restored_text, f"{encoding} ({what}saved again after reading as Latin-1)"
    restored = undo_gbk_misread(text)
    if restored is not None:
        return restored.text, f"{encoding} (saved again after reading as GBK{_guessed(restored.guessed)})"
    restored = undo_cp1252_misread(text)
    if restored is not None:
        return restored.text, f"{encoding} (saved again after reading as Latin-1{_guessed(restored.guessed)})"
    return text, encoding


def _guessed(n: int) -> str:
    return f"; {n} characters it lost guessed from their context" if n else ""


def _big5_rather_than_gbk(data: bytes) -> bool:
    """Traditional characters in Big5 decode as GBK too, to nonsense; GBK text seldom decodes as Big5
    at all. When both do, the detector's statistics decide."""
    try:
        data.decode("big5")
    except UnicodeDecodeError:
        return False
    best = from_bytes(data, cp_isolation=["big5", "gb18030"]).best()
    return best is not None and best.encoding == "big5"


def _undo_latin1_mojibake(text: str) -> tuple[str, str] | None:
    """UTF-8 or GBK read as Latin-1 (or Windows-1252) and saved as UTF-8 again: 'æ”¿åºœ' or 'Õþ¸®'
    was 政府 (HTTP libraries read a page as Latin-1 when the server names no charset). The characters'
    single-byte codes, read as UTF-8 or else GB18030, give the text back as (codec, text); None when
    the text is not that."""
    high = sum(1 for c in text[:4000] if "\x80" <= c <= "\xff")
    cjk = sum(1 for c in text[:4000] if "\u4e00" <= c <= "\u9fff")
    if high < 20 or cjk > high / 10:
        return None
    raw = bytearray()
    for c in text:
        if ord(c) < 256:
            raw.append(ord(c))
            continue
        try:
            raw += c.encode("cp1252")
        except UnicodeEncodeError:
            return None
    for codec in ("utf-8", "gb18030"):
        try:
            restored = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if sum(1 for c in restored[:2000] if "\u4e00" <= c <= "\u9fff") * 4 >= min(high, 2000):
            return codec, restored  # GB18030 decodes most byte strings: only Chinese text counts
    return None


def _decode_line(line: bytes) -> tuple[str, str]:
    """A file pasted together from UTF-8 and GBK parts: each line decodes on its own."""
    for encoding in ("utf-8", "gb18030"):
        try:
            return line.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return line.decode("gb18030", errors="replace"), "replace"


def _looks_utf16(data: bytes) -> bool:
    sample = data[:2000]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) / 2
    # CJK in UTF-16 has few zero bytes, but ASCII-heavy UTF-16 has zeros in one lane only
    return max(zeros_even, zeros_odd) > 0.3 * half and min(zeros_even, zeros_odd) < 0.05 * half


def _is_binary(text: str) -> bool:
    sample = text[:4000]
    if not sample:
        return False
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f\v") or c == "\ufffd")
    return controls > 0.1 * len(sample)


def max_file_bytes() -> int:
    """Largest file ingested (a real report is well under 5 MB); $KG_MAX_FILE_MB overrides the 20 MB default."""
    return int(float(os.environ.get("KG_MAX_FILE_MB", "20")) * 1024 * 1024)


def check_size(p: Path) -> None:
    try:
        size = p.stat().st_size
    except FileNotFoundError as exc:
        raise InputError(f"{p}: file not found (removed before it could be read?)") from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    if size > max_file_bytes():
        raise InputError(f"{p}: too large ({size / 1e6:.0f} MB; the limit is {max_file_bytes() / 1e6:.0f} MB, "
                         "set KG_MAX_FILE_MB to raise it)")


def load_source(path: str | os.PathLike[str]) -> SourceText:
    """Read and decode one file. Raises `InputError` naming the file when it is not a text document."""
    p = Path(path)
    check_size(p)
    try:
        data = p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{p}: file not found (removed before it could be read?)") from exc
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    return source_from_bytes(data, path=str(p), name=p.name)


def source_from_bytes(data: bytes, *, path: str, name: str) -> SourceText:
    if not data.strip():
        raise InputError(f"{path}: empty file")
    fmt = detect_format(data, name)
    if fmt in UNREAD_FORMATS:
        raise InputError(f"{path}: {UNREAD_FORMATS[fmt]}")
    if fmt != "text":
        return _from_document(data, fmt, path=path, name=name)
    if b"\x00" in data[:4000] and not (_looks_utf16(data) or data[:2] in (b"\xff\xfe", b"\xfe\xff")):
        raise InputError(f"{path}: binary file, not a text document")
    try:
        text, encoding = decode_bytes(data)
    except ValueError as exc:
        raise InputError(f"{path}: {exc}") from exc
    if _is_binary(text):
        raise InputError(f"{path}: binary or undecodable content (tried {encoding})")
    problems: tuple[Problem, ...] = ()
    if "reading as GBK" in encoding:
        problems = (Problem("decode", f"UTF-8 text that had been read as GBK, restored ({encoding})"),)
    elif "reading as Latin-1" in encoding:
        problems = (Problem("decode", f"text that had been read as Latin-1, restored ({encoding})"),)
    elif "\ufffd" in text:
        problems = (Problem("decode", f"undecodable bytes replaced while reading as {encoding}"),)
    elif encoding.startswith("mixed:"):
        problems = (Problem("decode", f"lines in different encodings ({encoding[6:]}), each decoded on its own"),)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return SourceText(
        path=path,
        name=name,
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        problems=problems,
    )


def _from_document(data: bytes, fmt: str, *, path: str, name: str) -> SourceText:
    try:
        text, encoding = extract_text(data, fmt)
    except ExtractionError as exc:
        raise InputError(f"{path}: {exc}") from exc
    if not text.strip():
        raise InputError(f"{path}: no text found in this {fmt.upper()} file")
    if fmt == "html":  # a page saved again after a browser read it in the wrong encoding
        text, encoding = _undo_misreading(text, encoding)
    return SourceText(
        path=path,
        name=name,
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        media_type=MEDIA_TYPES[fmt],
    )
