"""UTF-8 text once read as GBK and saved again: 鏀垮簻淇℃伅鍏紑 was 政府信息公开.

Each GBK character of such text holds two bytes of the UTF-8 original, so encoding it back gives
those bytes again. What the misreading could not pair is lost: a decoder writes U+FFFD for each
byte it could not use (Python's does), or reads a lone 0x80 as € (a browser's does), or drops it.
A character with a lost byte is one of 64 (or, with two lost, 4,096) neighbours; the likeliest
string is chosen by how often its characters follow one another in the parts of the same text
that came back whole, in the bundled sample documents, and in jieba's dictionary.
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from .vocab import data_dir

_RUN = re.compile(r"[^\x00-\x7f]+")
_SAMPLE = 5_000  # characters looked at to tell; a misread file is misread from its start
_LOST = "\ufffd"
_MAX_LOST_IN_A_CHARACTER = 2
_BEAM = 24  # options of a guessed character worth weighing

Guess = int | None | frozenset[int]  # a byte: known, lost, or lost and one of these
Bytes = list[int | None]  # None: a byte the misreading lost
Edges = list[list[tuple[int, list[str]]]]  # from each byte: (where the character ends, what it may be)


@dataclass(frozen=True)
class Restored:
    text: str
    guessed: int  # characters rebuilt from a lost byte


def undo_gbk_misread(text: str) -> Restored | None:
    """The UTF-8 text that `text` was before it was read as GBK, or None when it is not such text."""
    if not _looks_misread(text[:_SAMPLE]):
        return None
    return _restore(text, _readings)


_CP1252_UNDEFINED = frozenset((0x81, 0x8D, 0x8F, 0x90, 0x9D))
"""The bytes Windows-1252 has no character for: a strict decoder writes U+FFFD for each."""


def undo_cp1252_misread(text: str) -> Restored | None:
    """The UTF-8 text that `text` was before it was read as Windows-1252 with U+FFFD for the bytes that
    code page lacks ('ä¿¡æ�¯' was 信息), or None when it is not such text. A lost byte is one of
    five, so the character it was in is one of five too, chosen as a lost GBK byte is."""
    if _LOST not in text:
        return None
    high = sum(1 for c in text[:_SAMPLE] if "\x80" <= c <= "\xff")
    cjk = sum(1 for c in text[:_SAMPLE] if "\u4e00" <= c <= "\u9fff")
    if high < 20 or cjk > high / 10:
        return None
    readings = [_cp1252_readings(m.group(0)) for m in _RUN.finditer(text)]
    if any(r is None for r in readings):
        return None
    return _restore(text, _cp1252_readings)


@lru_cache(maxsize=4096)
def _cp1252_readings(run: str) -> Edges | None:
    raw: list[Guess] = []
    for ch in run:
        if ch == _LOST:
            raw.append(_CP1252_UNDEFINED)
            continue
        try:
            raw.extend(ch.encode("cp1252") if ord(ch) > 0xFF else bytes((ord(ch),)))
        except UnicodeEncodeError:
            return None
    edges = _lattice(raw)
    return edges if edges is not None and _reaches_end(edges) else None


def _restore(text: str, readings: Callable[[str], Edges | None]) -> Restored:
    """`text` with each run of non-ASCII characters replaced by its likeliest reading."""
    pieces: list[str | Edges] = []  # text as it stands, or the characters a run may stand for
    last = 0
    for m in _RUN.finditer(text):
        pieces.append(text[last : m.start()])
        edges = readings(m.group(0))
        pieces.append(edges if edges is not None else m.group(0))
        last = m.end()
    pieces.append(text[last:])
    model = _Model.of(pieces)
    out: list[str] = []
    guessed = 0
    for i, piece in enumerate(pieces):
        if isinstance(piece, str):
            out.append(piece)
            continue
        before = out[-1][-1:] if out and out[-1] else ""
        after = next((p[:1] for p in pieces[i + 1 : i + 2] if isinstance(p, str)), "")
        numeral = _heading_numeral(piece, out, after)
        chosen, n = (numeral, 1) if numeral else model.best(piece, before, after)
        out.append(chosen)
        guessed += n
    return Restored("".join(out), guessed)


_NUMERALS = "一二三四五六七八九"
_PAREN_HEADING = re.compile(r"\n[ \t\u3000]*\((?P<n>[一二三四五六七八九十]{1,2})\)")
_TOP_HEADING = re.compile(r"\n[ \t\u3000]*[一二三四五六七八九十]{1,2}、")


def _heading_numeral(edges: Edges, out: list[str], after: str) -> str | None:
    """The numeral of a heading (一) whose one character was guessed, from the headings before it: the
    next after the last (X), or 一 after a new section (X、). Its neighbours are the same whatever the
    numeral, so a character-pair model cannot tell (一) from (三)."""
    if after != ")" or len(edges) != 3 or not out or not out[-1].endswith("("):
        return None
    options = next((o for j, o in edges[0] if j == 3), [])
    tail = _recent(out, _HEADING_LOOKBACK)
    line_start = tail.rfind("\n")
    if line_start < 0 or tail[line_start + 1 :].strip() != "(":
        return None
    last = _last_match(_PAREN_HEADING, tail)
    top = _last_match(_TOP_HEADING, tail)
    if last is None or (top is not None and top.start() > last.start()):
        expected = "一"
    else:
        k = _NUMERALS.find(last.group("n"))
        expected = _NUMERALS[k + 1] if 0 <= k < len(_NUMERALS) - 1 else ""
    return expected if expected and expected in options else None


def _last_match(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the last one is wanted
        continue
    return found


_HEADING_LOOKBACK = 20_000  # characters looked back for the headings before a guessed one


def _recent(out: list[str], size: int) -> str:
    """The last `size` characters of the pieces written so far, without joining them all."""
    taken: list[str] = []
    length = 0
    for piece in reversed(out):
        taken.append(piece)
        length += len(piece)
        if length >= size:
            break
    return "".join(reversed(taken))[-size:]


def _looks_misread(sample: str) -> bool:
    """Real Chinese text re-encoded as GBK stops being UTF-8 within two characters; misread text stays it."""
    good = bad = 0
    for m in _RUN.finditer(sample):
        run = m.group(0)
        if len(run) < 2:
            continue
        if _readings(run) is not None:
            good += len(run)
        else:
            bad += len(run)
            if bad > 200 and bad > good:
                return False
    return good >= 10 and good >= 4 * bad


@lru_cache(maxsize=4096)
def _readings(run: str) -> Edges | None:
    """The ways to read a run's bytes as UTF-8, or None when there is none."""
    found: list[Edges] = []
    for lone_80 in (False, True) if "\u20ac" in run else (False,):
        raw = _gbk_bytes(run, lone_80)
        edges = _lattice(raw) if raw is not None else None
        if edges is not None and _reaches_end(edges):
            found.append(edges)
    # € read either way: the reading that needs no guess is the right one
    return next((e for e in found if _reaches_end(e, exact=True)), found[0] if found else None)


def _gbk_bytes(run: str, lone_80: bool = False) -> Bytes | None:
    """The bytes the characters of `run` were decoded from, or None when they cannot have been GBK pairs.
    € is A2E3, or with `lone_80` the lone 0x80 that a browser's GBK decoder reads as €."""
    raw: Bytes = []
    for ch in run:
        if ch == _LOST:
            raw.append(None)
        elif ch == "\u20ac" and lone_80:
            raw.append(0x80)
        else:
            try:
                pair = ch.encode("gb18030")
            except UnicodeEncodeError:
                return None
            if len(pair) != 2:
                return None
            raw.extend(pair)
    return raw


def _lattice(raw: Sequence[Guess]) -> Edges | None:
    """Every way to read `raw` as UTF-8 characters, a character from each byte where one may start.
    The run may end inside its last character (a lost byte dropped without a trace)."""
    edges: Edges = [[] for _ in raw]
    guesses = _narrowed(raw)
    reachable = {0}
    last_reached = 0
    for i in range(len(raw)):
        if i not in reachable:
            if i - last_reached >= 3:
                return None  # no character ends here: not UTF-8 (real GBK text fails within bytes)
            continue
        for length in (1, 2, 3):
            chunk = guesses[i : i + length]
            chunk += [None] * (length - len(chunk))
            options = _characters(tuple(chunk))
            if options:
                edges[i].append((min(i + length, len(raw)), options))
                reachable.add(min(i + length, len(raw)))
                last_reached = max(last_reached, min(i + length, len(raw)))
    return edges


def _narrowed(raw: Sequence[Guess]) -> list[Guess]:
    """The bytes with what each lost one can have been: a GBK decoder loses a byte it reads as the
    first of a pair when the pair it would make with the next byte is no GBK character, so a lost
    byte before a known one is one of the few that make no pair with it (mostly 0x80: the last byte
    of 一, lost wherever it starts a pair)."""
    out: list[Guess] = list(raw)
    for i, b in enumerate(raw):
        following = raw[i + 1] if i + 1 < len(raw) else None
        if b is None and isinstance(following, int):
            out[i] = _unpaired_before(following)
    return out


@cache
def _unpaired_before(following: int) -> frozenset[int]:
    return frozenset(b for b in (*range(0x80, 0xC0), *range(0xE2, 0xF0)) if not _gbk_pair(b, following))


def _gbk_pair(first: int, second: int) -> bool:
    try:
        bytes((first, second)).decode("gbk")
    except UnicodeDecodeError:
        return False
    return True


@lru_cache(maxsize=65536)
def _characters(chunk: tuple[Guess, ...]) -> list[str]:
    """What one UTF-8 character of these bytes may be; a guessed one must be a character of the text
    of such documents (CJK, their punctuation, full-width forms)."""
    lost = sum(1 for b in chunk if not isinstance(b, int))
    if lost == 0:
        try:
            return [bytes(b for b in chunk if isinstance(b, int)).decode("utf-8")]
        except UnicodeDecodeError:
            return []
    if len(chunk) != 3 or lost > _MAX_LOST_IN_A_CHARACTER:
        return []
    options: list[bytes] = [b""]
    for pos, b in enumerate(chunk):
        possible = range(0xE2, 0xF0) if pos == 0 else range(0x80, 0xC0)
        if isinstance(b, int):
            choices: tuple[int, ...] | range | list[int] = (b,)
        elif b is None:
            choices = possible
        else:
            choices = [c for c in possible if c in b]
        options = [o + bytes((c,)) for o in options for c in choices]
    found = []
    for o in options:
        try:
            ch = o.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if _plausible(ch):
            found.append(ch)
    return found


def _plausible(ch: str) -> bool:
    code = ord(ch)
    return (0x4E00 <= code <= 0x9FFF or 0x3000 <= code <= 0x303F or 0xFF01 <= code <= 0xFF5E
            or 0x2010 <= code <= 0x2027 or 0xFE59 <= code <= 0xFE5E)  # the last: ﹙﹚﹛﹜﹝﹞


def _reaches_end(edges: Edges, exact: bool = False) -> bool:
    """Whether the run can be read whole; `exact`: without guessing a character."""
    reachable = [False] * (len(edges) + 1)
    reachable[0] = True
    for i, out in enumerate(edges):
        if reachable[i]:
            for j, options in out:
                if not exact or (len(options) == 1 and j - i == len(options[0].encode("utf-8"))):
                    reachable[j] = True
    return reachable[len(edges)]


class _Model:
    """A character bigram model: P(next | previous) mixed from the parts of this text that came back
    whole (its own usage is the best guide to its words), the bundled sample documents (the usage of
    the kind), jieba's dictionary of two-character words, and how common each character is."""

    def __init__(self, own: Counter[str]) -> None:
        self.own = _Bigrams(own)
        self.samples = _Bigrams(_sample_pairs())
        self.words = _dictionary_pairs()
        chars: Counter[str] = Counter()
        for pairs in (self.own, self.samples):
            chars.update(pairs.first)
        marks = sum(chars[m] for m in _punctuation()) or 1
        for mark, (per_mille, _) in _punctuation().items():
            chars[mark] += marks * per_mille // 1000
        self.chars, self.total = chars, sum(chars.values()) + len(chars) + 1
        self.memo: dict[str, float] = {}
        self.single = _word_frequencies()

    @classmethod
    def of(cls, pieces: list[str | Edges]) -> _Model:
        folded = _fold("".join(piece if isinstance(piece, str) else _certain_text(piece) for piece in pieces))
        pairs = Counter(folded[i : i + 2] for i in range(len(folded) - 1))
        lines = sum(piece.count("\n") for piece in pieces if isinstance(piece, str))
        for mark, (_, starts_lines) in _punctuation().items():
            if starts_lines:  # indentation: two of them after every other line break
                pairs["\n" + mark] += lines // 2
                pairs[mark + mark] += lines // 2
        return cls(pairs)

    def pair(self, a: str, b: str) -> float:
        """log P(b | a)."""
        key = a + "\0" + b
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self._pair(a, b)
        return found

    def _pair(self, a: str, b: str) -> float:
        folded_a, folded_b = _fold(a), _fold(b)
        p = 0.1 * (self.chars[folded_b] + 1) / self.total
        # a source that never saw `a` has nothing to say about what follows it: the others speak for it
        sources = [(w, src, x, y) for w, src, x, y in ((0.4, self.own, folded_a, folded_b),
                                                        (0.25, self.samples, folded_a, folded_b),
                                                        (0.25, self.words, a, b)) if src.first[x]]
        weight = sum(w for w, *_ in sources)
        p += sum(0.9 * w / weight * src.given(x, y) for w, src, x, y in sources)
        return math.log(p)

    def likeliest(self, options: list[str], left: list[str], right: str) -> list[str]:
        """The options of a guess worth weighing: those seen after a likely previous character or before
        the next one, and the commonest; the rare ones never win and cost the most."""
        if len(options) <= _BEAM:
            return options
        seen: set[str] = set()
        for source in (self.own, self.samples, self.words):
            for a in left:
                seen |= source.after.get(_fold(a) if source is not self.words else a, set())
            if right:
                seen |= source.before.get(_fold(right) if source is not self.words else right, set())
        common = sorted(options, key=lambda c: -(self.chars[_fold(c)] + self.single.get(c, 0)))[:_BEAM]
        return list(dict.fromkeys([c for c in options if c in seen or _fold(c) in seen] + common))

    def best(self, edges: Edges, before: str, after: str) -> tuple[str, int]:
        """The likeliest reading of a run and how many of its characters were guessed (Viterbi over
        byte positions)."""
        # at each byte: last character → (log-likelihood, characters so far, guessed so far)
        states: list[dict[str, tuple[float, str, int]]] = [{} for _ in range(len(edges) + 1)]
        states[0][before] = (0.0, "", 0)
        for i, out in enumerate(edges):
            if not states[i]:
                continue
            left = sorted(states[i], key=lambda c: -states[i][c][0])[:3]
            for j, options in out:
                right = next((o[0] for _, o in edges[j] if len(o) == 1), "") if j < len(edges) else after
                for ch in self.likeliest(options, left, right):
                    score, text, n = max(((s + self.pair(prev, ch), t, k) for prev, (s, t, k) in states[i].items()),
                                         key=lambda x: x[0])
                    if ch not in states[j] or states[j][ch][0] < score:
                        states[j][ch] = (score, text + ch, n + (1 if len(options) > 1 else 0))
        end = states[len(edges)]
        _, text, n = max(((s + (self.pair(ch, after) if after else 0.0), t, k) for ch, (s, t, k) in end.items()),
                         key=lambda x: x[0])
        return text, n


class _Bigrams:
    def __init__(self, pairs: Counter[str] | dict[str, int]) -> None:
        self.pairs = pairs
        self.first: Counter[str] = Counter()
        self.after: dict[str, set[str]] = {}
        self.before: dict[str, set[str]] = {}
        for pair, n in pairs.items():
            self.first[pair[0]] += n
            self.after.setdefault(pair[0], set()).add(pair[1:])
            self.before.setdefault(pair[1:], set()).add(pair[0])

    def given(self, a: str, b: str) -> float:
        """P(b | a) by counts; 0 when `a` was never seen."""
        seen = self.first[a]
        return self.pairs.get(a + b, 0) / seen if seen else 0.0


def _certain_text(edges: Edges) -> str:
    """The characters of a run that only one reading gives, in order (a gap where there is a choice)."""
    out = []
    i = 0
    while i < len(edges):
        whole = [(j, o) for j, o in edges[i] if len(o) == 1 and j - i == len(o[0].encode("utf-8"))]
        if not whole:
            out.append("\0")
            i += 1
            continue
        j, options = whole[0]
        out.append(options[0])
        i = j
    return "".join(out)


def _fold(text: str) -> str:
    """Digits as one digit, latin letters as one letter, ASCII punctuation as full-width: 45号 and 8号
    are the same pair, and so are 时间:2 and 时间：2."""
    return _DIGITS.sub("0", _LETTERS.sub("a", text.translate(_FULL_WIDTH)))


_FULL_WIDTH = str.maketrans(",:;()!?", "，：；（）！？")


_DIGITS = re.compile(r"[0-9]")
_LETTERS = re.compile(r"[A-Za-z]")


@cache
def _sample_pairs() -> Counter[str]:
    """Character pairs of the sample corpus (data/samples)."""
    pairs: Counter[str] = Counter()
    for path in sorted((data_dir() / "samples").glob("*.txt")):
        folded = _fold(path.read_text(encoding="utf-8", errors="replace"))
        pairs.update(folded[i : i + 2] for i in range(len(folded) - 1))
    return pairs


@cache
def _dictionary_pairs() -> _Bigrams:
    """jieba's two-character words by frequency: 公开 after 公."""
    return _Bigrams({w: n for w, n in _word_frequencies().items() if len(w) == 2 and n > 0})


@cache
def _punctuation() -> dict[str, tuple[int, bool]]:
    """How common each punctuation mark is (per mille of marks), and whether it begins lines."""
    with (data_dir() / "punctuation_frequency.csv").open(encoding="utf-8") as f:
        return {row["mark"]: (int(row["per_mille"]), row["at_line_start"] == "yes") for row in csv.DictReader(f)}


@cache
def _word_frequencies() -> dict[str, int]:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    frequencies: dict[str, int] = jieba.dt.FREQ
    return frequencies
