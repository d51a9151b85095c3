"""Stage 3c: the figures of an annual report — from its statistics table and its prose.

Table rows are read as a stream of cells (one cell per line, pipe rows, or both), where a
unit cell followed by a number closes a row; the row label maps to an indicator by meaning
(numbering stripped, parent context for labels shared by several sections). Narrative
figures are `number + unit` with the clause before them mapped by the rules in
`data/narrative_indicators.tsv`, then onto the rows of the report's own format (its table's, else
its year's); the statistical scope comes from the nearest scope marker, else from who reports.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from . import patterns as P
from .agencies import find_agencies, resolve_agency
from .model import Observation, Region, Span
from .regions import official_place, scope_region
from .tables import Column, cells_of, read_table, sideways_tables, table_regions
from .vocab import data_dir

_UNIT_ALIASES = {"名": "人", "场": "次", "期": "次", "批次": "次", "起": "件"}
_COUNTED_AS = {"条次": "条", "件次": "件", "场次": "场", "宗": "件"}  # units the rules read as another: 受理申请35宗
_SCALES = {("元", "万元"): Decimal("0.0001")}  # a figure in 元 of a row counted in 万元



@dataclass(frozen=True)
class Indicator:
    notation: str
    label: str
    broader: str | None
    unit: str | None
    forms: tuple[str, ...]
    templates: tuple[str, ...]  # the report formats that have this row (A, B, C)


def _key(label: str) -> str:
    label = P.ROW_NUMBERING.sub("", label)
    label = P.PARENTHETICAL.sub("", label)
    return re.sub(r"[\s《》“”\"'、，,：:|]", "", label)


@lru_cache(maxsize=1)
def indicators() -> dict[str, Indicator]:
    with open(data_dir() / "indicators.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    by_notation = {r["notation"]: r for r in rows}
    out: dict[str, Indicator] = {}
    for r in rows:
        forms = {_key(r["prefLabel"]), *(_key(a) for a in r["altLabels"].split("|") if a)}
        top = by_notation.get(r["notation"].split(".")[0] + "." + r["notation"].split(".")[1]) \
            if r["notation"].count(".") >= 2 else None
        if top is not None:
            root = re.sub(r"(数量|情况|数)$", "", top["prefLabel"])
            if r["prefLabel"].startswith(root):
                forms.add(_key(r["prefLabel"][len(root) :]))
        out[r["notation"]] = Indicator(r["notation"], r["prefLabel"], r["broader"] or None, r["unit"] or None,
                                       tuple(sorted(f for f in forms if f)), tuple(r["template"].split()))
    return out


@lru_cache(maxsize=1)
def _report_formats() -> tuple[tuple[str, int | None, int | None], ...]:
    with open(data_dir() / "report_formats.csv", encoding="utf-8", newline="") as f:
        return tuple((r["template"], int(r["first_year"]) if r["first_year"] else None,
                      int(r["last_year"]) if r["last_year"] else None) for r in csv.DictReader(f))


def report_template(year: int | None) -> str | None:
    """The format (A, B, C) a report on `year` follows, by data/report_formats.csv."""
    if year is None:
        return None
    for template, first, last in _report_formats():
        if (first is None or year >= first) and (last is None or year <= last):
            return template
    return None


@lru_cache(maxsize=1)
def _equivalents() -> dict[str, tuple[str, ...]]:
    """Each notation's equivalents in the other formats (data/indicator_matches.csv, both ways)."""
    out: dict[str, list[str]] = {}
    with open(data_dir() / "indicator_matches.csv", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            out.setdefault(r["notation"], []).append(r["match"])
            out.setdefault(r["match"], []).append(r["notation"])
    return {k: tuple(v) for k, v in out.items()}


def in_report_format(notation: str, template: str | None) -> str:
    """The row of the report's own format that means what `notation` means: prose saying 收到申请216件
    in a report on 2022 states that format's 本年新收申请数量 (N.3.1), not the pre-2019 row. A notation
    with no equivalent in that format stays as it is."""
    if template is None or template in indicators()[notation].templates:
        return notation
    seen, frontier = {notation}, [notation]
    while frontier:  # equivalences chain across formats: A.1.1.2 = B.2.2.1 = C.2.2.1
        nxt = [o for n in frontier for o in _equivalents().get(n, ()) if o not in seen]
        for other in nxt:
            if template in indicators()[other].templates:
                return other
        seen.update(nxt)
        frontier = nxt
    return notation


@dataclass(frozen=True)
class _Rule:
    notation: str
    phrase: re.Pattern[str] | None
    unit: re.Pattern[str] | None
    sentence: re.Pattern[str] | None
    family: frozenset[str] | None  # the totals this is a part of, when it follows one without naming it
    unless: re.Pattern[str] | None  # found in the clause, the figure is not this row's
    unmarked: str | None  # the scope when the figure's own sentence names none (a government's own channel)
    applicant: str | None = None  # the applicants a share of the requests is of (其中自然人申请87件)
    after: re.Pattern[str] | None = None  # what the words right after the figure say it counts (3件结转至2023年)
    formats: frozenset[str] | None = None  # the report formats the rule holds in, where not all
    phrase_needs: frozenset[str] = frozenset()  # characters every match of the phrase holds


FAMILY_ITSELF = "@family"
"""The notation of a rule for a part its words name by scope alone: the row of the total it is part of."""


def _notation(rule: _Rule, family: str | None) -> str:
    return family if rule.notation == FAMILY_ITSELF and family is not None else rule.notation


@lru_cache(maxsize=1)
def narrative_rules() -> tuple[_Rule, ...]:
    with open(data_dir() / "narrative_indicators.tsv", encoding="utf-8", newline="") as f:
        return tuple(
            _Rule(
                r["notation"],
                re.compile(r["phrase"]) if r["phrase"] else None,
                re.compile(rf"^(?:{r['unit']})$") if r["unit"] else None,
                re.compile(r["sentence"]) if r["sentence"] else None,
                frozenset(r["family"].split("|")) if r["family"] else None,
                re.compile(r["unless"]) if r.get("unless") else None,
                r.get("unmarked") or None,
                r.get("applicant") or None,
                re.compile(r["after"]) if r.get("after") else None,
                frozenset(r["formats"].split("|")) if r.get("formats") else None,
                P.required_characters(re.compile(r["phrase"])) if r["phrase"] else frozenset(),
            )
            for r in csv.DictReader(f, delimiter="\t")
        )


OWN_AGENCY = "本机关"  # the scope of a department's or an office's report: the agency itself
LOWER_GOVERNMENTS = "下级政府"  # the scope of the governments below the reporting one, together


@dataclass(frozen=True)
class ScopeMarker:
    pattern: re.Pattern[str]
    scope: str
    needs: tuple[str, ...]
    """Words of which every match holds one: where a paragraph has none, the pattern is not run."""


@lru_cache(maxsize=2)
def scope_markers(government: bool = True) -> tuple[ScopeMarker, ...]:
    """The markers that qualify a figure's scope in a government's report, or in a department's: there
    市人民政府 names another body (the portal the department publishes through), not a scope."""
    with open(data_dir() / "scope_markers.tsv", encoding="utf-8", newline="") as f:
        return tuple(
            ScopeMarker(re.compile(r["pattern"]), r["scope"], tuple(r["needs"].split("|")))
            for r in csv.DictReader(f, delimiter="\t")
            if government or r["counts_in"] == "any"
        )


def scope_label(kind: str, region: Region | None) -> str:
    if kind not in ("@own-level", "@whole"):
        return kind
    if region is not None and region.name.endswith("自治区"):
        return "自治区本级" if kind == "@own-level" else "全区"
    level_char = region.name[-1] if region is not None else "市"  # 省, 市 (北京市 too), 州, 县, 区, 旗
    if region is not None and region.name.endswith(("地区", "街道")):
        level_char = region.name[-2:]  # 喀什地区: 全地区, 地区本级; a street office's 全街道
    if region is not None and region.level == "township":
        return f"全{level_char}"  # no government below a township: its own level is all of it
    return f"{level_char}本级" if kind == "@own-level" else f"全{level_char}"


def _blank_aside(m: re.Match[str]) -> str:
    written = m.group(0)
    return written if P.DIVISIONS_ASIDE.fullmatch(written) else " " * len(written)


def _scope_before(text: str, at: int, region: Region | None, default_scope: str | None,
                  since: int = 0) -> str | None:
    """The scope marker nearest before `at` in its paragraph (and after `since`); asides in
    parentheses do not count."""
    best: tuple[int, str, str] | None = None
    start = max(text.rfind("\n", 0, at) + 1, since)
    window = P.PARENTHETICAL.sub(_blank_aside, text[start:at])
    sentence_start = window.rfind("。") + 1
    if sentence_start and P.CONTINUED_SENTENCE.match(window, sentence_start):
        sentence_start = window.rfind("。", 0, sentence_start - 1) + 1  # 其中… goes on with the sentence before
    for marker in scope_markers(government=default_scope != OWN_AGENCY):
        if not any(map(window.__contains__, marker.needs)):
            continue  # a test for a word runs in C (map keeps it there); a pattern, even a failing one, is slower
        kind = marker.scope
        for m in marker.pattern.finditer(window):
            if (best is None or m.end() > best[0]) and not _breakdown_elsewhere(window, m.start(), m.end()) \
                    and not (kind == "@own-level" and _reporting_government(window, m, region)):
                level_kind = _at_its_level(kind, m.group(0), region)
                # the governments below are a part a sentence breaks its total into: the next
                # sentence speaks of the whole again (…，各县市公开12432条。受理申请12件。)
                if level_kind is not None and not (level_kind == LOWER_GOVERNMENTS and m.end() <= sentence_start):
                    best = (m.end(), level_kind, m.group(0))
    if best is not None and best[1] == "@own-level" and default_scope == OWN_AGENCY:
        return OWN_AGENCY  # 市教育局本级 in the bureau's own report: the bureau itself
    if best is not None and region is None and P.SCOPE_WORD.fullmatch(best[2]):
        return best[2]  # 全县 in a report whose county is not known: the text's own word, not 全市
    return scope_label(best[1], region) if best else None


def _reporting_government(window: str, m: re.Match[str], region: Region | None) -> bool:
    """Whether the marker ends the full name of the government whose division the report is about, used
    as the name of the report's author (灵川县人民政府深入贯彻…), not of its own level (县政府及其部门)."""
    if region is None or region.level == "township" or P.GOVERNMENT_NAME_GOES_ON.match(window, m.end()):
        return False
    return any(window.endswith(f"{place}{word}", 0, m.end()) for place in {region.name, official_place(region)}
               for word in ("人民政府", "政府"))


_LEVEL_RANKS = {"province": 0, "prefecture": 1, "county": 2}
_MARKER_LEVEL_RANKS = {"省": 0, "市": 1, "州": 1, "盟": 1, "县": 2, "区": 2, "旗": 2}


def _at_its_level(kind: str, marker: str, region: Region | None) -> str | None:
    """What an own-level marker (市级部门, 区政府) means in the report of `region`: its own level where
    the marker names the region's kind of place, the governments below where it names a lower one
    (区级部门 in 北京市's report), and nothing where it names a higher one (市级 in a county's)."""
    char = marker[:1]
    if kind != "@own-level" or region is None or char not in _MARKER_LEVEL_RANKS:
        return kind
    own = "区" if region.name.endswith("自治区") else region.name[-1]
    rank, own_rank = _MARKER_LEVEL_RANKS[char], _LEVEL_RANKS.get(region.level, 2)
    if char == own or rank == own_rank:  # 州人民政府 in a prefecture's report: its own, by another name
        return kind
    return LOWER_GOVERNMENTS if rank > own_rank else None


def _breakdown_elsewhere(window: str, at: int, end: int) -> bool:
    """'共受理687件,其中市本级收到574件,下级政府收到113件': after 其中 a marker names one share of
    the total, so it holds for its own clause only, not for the figures after it. A break inside
    the marker itself (县（市、区）) ends no clause."""
    sentence = max(window.rfind(c, 0, at) for c in "。；;\n")
    if "其中" not in window[sentence + 1 : at]:
        return False
    aside = P.DIVISIONS_ASIDE.match(window, end)  # 各县 of 各县（市、区）: the parenthesis is the name's
    return P.CLAUSE_BREAK.search(window, aside.end() if aside else end) is not None


# ---------------------------------------------------------------- tables


@lru_cache(maxsize=1)
def _by_form() -> dict[str, list[Indicator]]:
    """The indicators each row label form names, in the order of indicators.csv."""
    out: dict[str, list[Indicator]] = {}
    for indicator in indicators().values():
        for form in indicator.forms:
            out.setdefault(form, []).append(indicator)
    return out


@lru_cache(maxsize=1)
def _form_keys() -> list[str]:
    return sorted(_by_form())


def begins_label(label: str) -> bool:
    """Whether a row label is the start of one a format names: 其他对外管理服务事项, of 其他对外管理服务事项上一年
    项目数量 (a PDF may wrap it after 服务)."""
    key = _key(label)
    keys = _form_keys()
    i = bisect_left(keys, key)
    return bool(key) and i < len(keys) and keys[i].startswith(key)


def _label_forms(key: str) -> Iterator[str]:
    """The forms of a row's name to look up, the name as written first."""
    for name in dict.fromkeys((key, P.ROW_CAUSE.sub("", key))):
        yield name
        if P.COUNT_WORD.search(name):
            yield P.COUNT_WORD.sub("数" if name.endswith("数量") else "数量", name)  # 行政诉讼数 for 行政诉讼数量
        else:
            yield name + "数"  # 当面申请 for 当面申请数
            yield name + "件数"  # 规章本年制发 for 规章本年制发件数


def map_label(label: str, context: str | None) -> str | None:
    """The indicator a table row label stands for; `context` is the current top-level row."""
    key = _key(label)
    if not key:
        return None
    matches = next((found for form in _label_forms(key) if (found := _by_form().get(form))), [])
    if not matches:
        return None
    if len(matches) > 1 and context is not None:
        inside = [i for i in matches if i.notation.startswith(context + ".")]
        if inside:
            matches = inside
    return sorted(matches, key=lambda i: i.notation.count("."))[0].notation


def table_observations(text: str, region: Region | None, default_scope: str | None = None,
                       year: int | None = None, regions: list[tuple[int, int]] | None = None) -> list[Observation]:
    out: list[Observation] = []
    for start, end in table_regions(text) if regions is None else regions:
        scope = _scope_before(text, start, region, default_scope) or default_scope or scope_label("@whole", region)
        cells = cells_of(text[start:end])
        # a line of labels over a line of values that the table's own layout reads, several values
        # at once (the later formats' review table), is no table on its side
        values = read_table(cells, map_label, begins_label)
        upright = Counter(v.end for v in values)
        sideways = [columns for columns in sideways_tables(text[start:end])
                    if sum(upright[c.value.end] for c in columns) < 2]
        for columns in sideways:
            out += _sideways_observations(columns, start, scope, year)
        if sideways:
            read = {cell.start for columns in sideways for c in columns for cell in (c.label, c.value)}
            values = read_table([c for c in cells if c.start not in read], map_label, begins_label)
        for value in values:
            indicator = indicators()[value.notation]
            unit = value.unit_cell if value.unit_cell not in (None, "/") else indicator.unit
            out.append(Observation(
                indicator=value.notation,
                label=value.label,
                value=value.value,
                unit=unit,
                scope=scope_label(value.scope, region) if value.scope else scope,
                estimated=False,
                span=Span(start + value.start, start + value.end),
                source="table",
                applicant_type=value.applicant_type,
            ))
    return out


def _sideways_observations(columns: tuple[Column, ...], offset: int, scope: str,
                           year: int | None) -> list[Observation]:
    """The figures of a table laid on its side, its labels read as the prose's words would be."""
    notations = _sideways_notations(columns, year)
    return [
        Observation(
            indicator=notation, label=c.label.text, value=c.number, unit=indicators()[notation].unit or c.unit,
            scope=scope, estimated=False, span=Span(offset + c.label.start, offset + c.value.end), source="table",
        )
        for c, notation in zip(columns, notations, strict=True) if notation is not None
    ]


def _sideways_notations(columns: tuple[Column, ...], year: int | None) -> list[str | None]:
    """Each column's notation, under the total that most of them are parts of (当面申请 and 网络申请
    are the parts of the requests received); a 合计 column is that total."""
    template = report_template(year)
    totals = [P.TOTAL_LABEL.fullmatch(c.label.text) is not None for c in columns]
    best: list[str | None] = [None] * len(columns)
    for family in (None, *_FAMILY_HEADS):
        found = [None if total else _column_notation(c, family, year, template)
                 for c, total in zip(columns, totals, strict=True)]
        if sum(n is not None for n in found) > sum(n is not None for n in best):
            best = found
    parents = Counter(n.rsplit(".", 1)[0] for n in best if n is not None)
    if not parents:
        return best
    parent, shared = parents.most_common(1)[0]
    if shared >= 2 and shared * 2 > sum(parents.values()):
        # a column read as a row of another part of the table (其他 beside 维持 and 纠错) is misread
        best = [n if n is not None and n.rsplit(".", 1)[0] == parent else None for n in best]
        if parent in indicators():
            best = [parent if total else n for n, total in zip(best, totals, strict=True)]
    return best


def _column_notation(column: Column, family: str | None, year: int | None, template: str | None) -> str | None:
    label = P.UNIT_IN_LABEL.sub("", column.label.text)
    found = map_label(label, family)
    if found is None:
        # a channel's name alone (政府网站 | 政务微博) is what the prose would say it published through
        readings = (label, label + "公开") if P.CHANNEL_NAME.fullmatch(label) else (label,)
        units = [column.unit] if column.unit else list(_COLUMN_UNITS)
        rules = (_rule_for(_Context(words, "", unit, words, family, year, template))
                 for words in readings for unit in units)
        found = next((_notation(rule[0], family) for rule in rules if rule is not None), None)
    return in_report_format(found, template) if found is not None else None


_COLUMN_UNITS = ("件", "条", "次", "篇", "人", "个")
"""The units tried, in turn, for a column whose label and value give none."""


# ---------------------------------------------------------------- narrative


_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_MULTIPLIERS = {"万": 10000, "千": 1000}  # after Arabic digits: 1.37万, 3千


def chinese_number(text: str) -> int | None:
    """十二 → 12, 二十 → 20, 一百零五 → 105, 一万二千 → 12000; None when it is not a number."""
    if "万" in text:
        tens_of_thousands, _, rest = text.partition("万")
        high = chinese_number(tens_of_thousands) if tens_of_thousands else 1
        low = chinese_number(rest) if rest else 0
        return None if high is None or low is None else high * 10000 + low
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            total += (digit if digit is not None else 1) * _CN_UNITS[ch]
            digit = None
        elif ch != "零":
            return None
    return total + (digit or 0)


def _value(m: re.Match[str]) -> float | None:
    if m.group("cn"):
        n = chinese_number(m.group("cn"))
        return float(n) if n else None
    value = Decimal(re.sub(r"[,\s]", "", m.group("num")))  # exact: 1.37万 is 13700, not 13700.000000000002
    return float(value * _MULTIPLIERS[m.group("wan")] if m.group("wan") else value)


@dataclass(frozen=True)
class _Context:
    """What the rules read around one figure."""
    clause: str  # the words before it, back to the clause's start
    following: str  # the words after it, up to the clause's end
    unit: str
    sentence: str
    family: str | None  # the total it may be a part of
    year: int | None  # the report's year
    template: str | None = None  # the report's format


def _route_of_all_lawsuits(text: str, at: int) -> str | None:
    """The later formats' total of one route, when the clause at `at` says every lawsuit took it:
    行政诉讼6件，均为未经复议直接起诉 is N.4.10 (those formats have no total of all lawsuits)."""
    m = P.LAWSUITS_ALL_BY_ROUTE.match(text, at)
    if m is None:
        return None
    return "N.4.15" if m.group("route").startswith("复议后") else "N.4.10"


_LAWSUIT_ROUTE_TOTALS = ("N.4.10", "N.4.15")
_CHANNEL_ROWS = ("A.1.2.1", "A.1.2.2", "A.1.2.3", "A.1.2.4", "A.1.2.5")
"""The rows of the channels information was published through, one channel each."""

_CASE_TOTALS = ("A.4", "A.5", "N.4.10", "N.4.15")
"""Counts of reviews or lawsuits, whose one result may follow without a figure of its own."""


def _where_a_result_may_follow(text: str, figure_end: int, clause_end: re.Match[str] | None) -> int | None:
    """Where words giving a count of cases its one result start: in an aside right after the figure
    (复议2件（均维持原具体行政行为）), else after the figure's clause."""
    if text.startswith(("（", "("), figure_end):
        return figure_end + 1
    return clause_end.end() if clause_end is not None else None


def _sole_result(text: str, at: int, ctx: _Context) -> tuple[str, int, int] | None:
    """The result row that a clause after a count of cases gives all of them (行政诉讼1件，结果为维持
    具体行政行为: A.5.1 is 1), past a clause naming their one route; with where its words are."""
    route = P.LAWSUITS_ALL_BY_ROUTE.match(text, at)
    if route is not None:
        after = P.CLAUSE_BREAK.match(text, route.end())
        if after is None:
            return None
        at = after.end()
    m = P.SOLE_RESULT.match(text, at)
    if m is None or (m.group("of") is not None and (m.group("of") == "复议") != (ctx.family == "A.4")):
        return None  # 行政诉讼0件，复议结果为维持…: the result of the reviews, not of the lawsuits
    if m.group("by_review") is not None and ctx.family != "A.4":
        return None  # 行政诉讼1件，经复议维持…: the review's result, not the lawsuit's
    end = P.CLAUSE_BREAK.search(text, m.start("result"))
    if P.FIGURE.search(text[m.start("result") : end.start() if end else len(text)]):
        return None  # 维持1件 is a count of its own
    if end is not None and text[end.start()] in "：:":
        return None  # （被依法纠错数：0件）: a row's label, its count after the colon
    found = _rule_for(replace(ctx, clause=m.group("result"), following=""))
    if found is None or found[0].family is None or ctx.family not in found[0].family:
        return None
    return _notation(found[0], ctx.family), m.start("result"), m.end("result")


@dataclass(frozen=True)
class _Listed:
    """A figure after 分别 or 各: where its item of the list starts, what its clause would say alone,
    and, after 各, the other items that have the same figure."""
    start: int
    candidates: tuple[str, ...]  # the likeliest first
    also: tuple[_Listed, ...] = ()


def _respectively(text: str) -> dict[int, _Listed]:
    """The figures that follow 分别 or 各, by where they start, each standing for one item of the list
    before it: in 当面、网络、信函申请分别为5件、20件、7件 the 20件 are 网络申请 (the last item lends the
    others its tail), in 通过政府网站、政务微博分别公开信息3000条、500条 the 500条 are 政务微博公开信息;
    in 传真、信函申请各2件 the one 2件 is each item's."""
    out: dict[int, _Listed] = {}
    for m in P.RESPECTIVELY.finditer(text):
        start = _words_start(text, m.start(), P.LIST_CLAUSE_MAX)
        figures = _figure_run(text, m.end())
        items = _list_items(text[start : m.start()])
        if len(items) < 2 or len(items) != len(figures):
            continue
        for item, figure in zip(_item_readings(start, items, m.group("between")), figures, strict=True):
            out[figure.start()] = item
    for each in P.EACH.finditer(text):  # 传真、信函申请各2件: the one figure is every item's
        start = _words_start(text, each.start(), P.LIST_CLAUSE_MAX)
        items = _list_items(text[start : each.start()])
        shared = P.FIGURE.match(text, each.end())
        if len(items) >= 2 and shared is not None and shared.start() not in out:
            *others, last = _item_readings(start, items, each.group("between"))
            out[shared.start()] = replace(last, also=tuple(others))
    return out


def _words_start(text: str, at: int, longest: int) -> int:
    """Where the words before `at` start: after the clause break before them, `longest` at the most."""
    window = max(0, at - longest)
    return max(max(text.rfind(ch, window, at) for ch in P.NONE_STATED_SUBJECT_STOPS) + 1, window)


def _item_readings(start: int, items: list[tuple[int, str]], between: str) -> list[_Listed]:
    """Each item of a list as its own clause would say it: the last item lends the others its tail
    (当面、网络申请 are 当面申请 and 网络申请), and the words after 分别 or 各 follow each."""
    last = items[-1][1]
    out = []
    for at, item in items:
        tails = [last[i:] for i in range(len(last) - 1, 0, -1)] if item != last else []
        out.append(_Listed(start + at, tuple(item + tail + between for tail in ["", *tails])))
    return out


def _figure_run(text: str, at: int) -> list[re.Match[str]]:
    """The figures from `at` on, one after another with only a list's separators between them."""
    out = []
    while (m := P.FIGURE.match(text, at)) is not None:
        out.append(m)
        sep = P.LIST_SEPARATOR.match(text, m.end())
        if sep is None:
            break
        at = sep.end()
    return out


def _list_items(words: str) -> list[tuple[int, str]]:
    out, at = [], 0
    for piece in P.LIST_SEPARATOR.split(words):
        if piece.strip():
            out.append((at, piece.strip()))
        at += len(piece) + 1
    return out


def _reading_of_listed(listed: _Listed, ctx: _Context) -> tuple[str, tuple[_Rule, int] | None]:
    """The words for a figure after 分别 or 各 (the first reading of its item a rule takes), and that rule."""
    for words in listed.candidates:
        found = _rule_for(replace(ctx, clause=words))
        if found is not None:
            return words, found
    return listed.candidates[0], None


def _two_channels(text: str, sentence_start: int, clause_start: int, clause: str) -> bool:
    """Whether a figure's clause names two channels (政务微博微信), or lists one right before its own
    (政务微博、微信公开166条), so that the figure is theirs together."""
    before = P.CHANNEL_LISTED_BEFORE.search(text, max(sentence_start, clause_start - 8), clause_start)
    return bool(P.TWO_CHANNELS.search(clause) or before)


def _of_an_earlier_year(words: str, year: int | None) -> bool:
    """Whether the words between a figure and the one before it date it before the report's year:
    受理申请102件（2016年为88件）, 上年同期为88件."""
    for m in P.ANOTHER_YEAR.finditer(P.TITLE_QUOTED.sub("", words)):  # 《2016年政务公开工作要点》 dates no figure
        if m.group("year") is None or (year is not None and int(m.group("year")) < year):
            return True
    return False


def _rule_past_aside(ctx: _Context) -> tuple[_Rule, int] | None:
    """The rule the words before a figure match once an aside right before it is set apart:
    主动公开政府信息（含政府网站、政务微博）15632条 is 主动公开政府信息 15632条."""
    m = P.ASIDE_BEFORE_FIGURE.search(ctx.clause)
    return _rule_for(replace(ctx, clause=ctx.clause[: m.start()])) if m else None


def _rule_for(ctx: _Context) -> tuple[_Rule, int] | None:
    """The rule the words before a figure match, else the one the words after it match; with how many
    characters after the figure the words it takes run."""
    in_clause = frozenset(ctx.clause)
    for after in (False, True):
        for rule in _candidate_rules(after, ctx.template, ctx.family, ctx.unit):
            if not rule.phrase_needs <= in_clause:
                continue  # most rules fail so, before a search
            taken = _taken_after(rule, ctx) if after else 0
            if taken is not None and _words_fit(rule, ctx):
                return rule, taken
    return None


@lru_cache(maxsize=1024)
def _candidate_rules(after: bool, template: str | None, family: str | None, unit: str) -> tuple[_Rule, ...]:
    """The rules, in order, that a figure of this unit, family and report format may match: what
    does not depend on the words around it, settled once instead of for every figure and rule."""
    return tuple(
        rule for rule in narrative_rules()
        if (rule.after is not None) == after
        and (rule.formats is None or template in rule.formats)
        and (rule.family is None or family in rule.family)
        and (rule.unit is None or rule.unit.match(unit))
        and (rule.phrase is not None or rule.sentence is not None or rule.after is not None)
    )


def _words_fit(rule: _Rule, ctx: _Context) -> bool:
    if rule.sentence is not None and not rule.sentence.search(ctx.sentence):
        return False
    if rule.phrase is not None and not _year_fits(rule.phrase.search(ctx.clause), ctx.year):
        return False
    return rule.unless is None or not rule.unless.search(ctx.clause)


def _taken_after(rule: _Rule, ctx: _Context) -> int | None:
    assert rule.after is not None
    m = rule.after.match(ctx.following)
    return m.end() if m is not None and _year_fits(m, ctx.year) else None


def _year_fits(m: re.Match[str] | None, year: int | None) -> bool:
    """A match, and where it names the year a request is carried over to, the one its row wants: in a
    report on 2022, 结转至2023年 is this year's carry-over (`to_year`), 结转至2022年 last year's
    (`this_year`)."""
    if m is None:
        return False
    wanted = {"to_year": 1, "this_year": 0}
    named = m.groupdict()
    return year is None or all(named.get(g) is None or int(named[g]) == year + d for g, d in wanted.items())


_FAMILY_HEADS = ("A.1.1", "A.1.1.2", "C.2.1.1", "A.3.1", "N.3.1", "A.3.3", "A.4", "A.5", "N.4.10", "N.4.15", "A.8.1")
"""Totals whose parts may follow without naming them again: 受理申请236件，其中市本级收到74件."""


def _family_of(notation: str | None) -> str | None:
    """The total a figure's row is or belongs to, for the parts after it that do not name it: 行政复议中维持
    具体行政行为10件，被依法纠错3件 are both the reviews'."""
    while notation is not None and notation not in _FAMILY_HEADS:
        notation = indicators()[notation].broader if notation in indicators() else None
    return notation


def _family_of_lead(text: str, sentence_start: int) -> str | None:
    """The total a sentence's parts belong to, when it opens by naming it before a colon:
    行政复议：结果维持1件，结果纠正0件… are the reviews' results."""
    m = P.SENTENCE_LEAD.match(text, sentence_start)
    if m is None:
        return None
    lead = m.group("lead")
    for rule in narrative_rules():
        if rule.notation in _FAMILY_HEADS and rule.family is None and rule.phrase is not None \
                and rule.phrase.search(lead):
            return rule.notation
    return None


def _channel_of_lead(text: str, sentence_start: int, ctx: _Context) -> _Rule | None:
    """The channel a sentence names before its colon, for a figure that would otherwise be the total:
    政府公报：刊发12期，公开政府信息125条 counts what the gazette published."""
    m = P.SENTENCE_LEAD.match(text, sentence_start)
    if m is None:
        return None
    found = _rule_for(replace(ctx, clause=m.group("lead") + ctx.clause))
    return found[0] if found is not None and found[0].notation.startswith("A.1.2.") else None


def _channel_of_accounts(text: str, sentence_start: int, clause_start: int, ctx: _Context) -> _Rule | None:
    """The channel whose accounts the clause before a figure counts, for a figure that would otherwise be the
    total: 政务微博12个，发布信息3200余条 is the microblogs'."""
    if not P.BARE_PUBLISHING.match(ctx.clause):
        return None
    m = P.CHANNEL_ACCOUNTS.search(text, max(sentence_start, clause_start - 24), clause_start)
    if m is None:
        return None
    found = _rule_for(replace(ctx, clause=m.group("channel") + ctx.clause))
    return found[0] if found is not None and found[0].notation.startswith("A.1.2.") else None


def _rule_of_lead(text: str, sentence_start: int, clause_start: int, ctx: _Context, found: tuple[_Rule, int] | None,
                  family: str | None, template: str | None) -> tuple[_Rule, int] | None:
    """The rule a figure's clause gives read with the words before the colon that leads it, where the clause
    alone gives none, or none of the report's format: 行政规范性文件：本年制发5件 (C.2.2.1), 行政事业性收费：本年
    收费金额12.5万元 (C.2.8.1, not the pre-2019 fees A.7)."""
    before = text[max(sentence_start, clause_start - 3) : clause_start].rstrip()
    if not before.endswith(("：", ":")) or (found is not None and (template is None
                                                                    or _in_format(found[0], family, template))):
        return None  # the cheap test first: most clauses follow no colon
    lead = P.CLAUSE_LEAD.search(text, max(sentence_start, clause_start - 40), clause_start)
    if lead is None:
        return None
    for clause in (lead.group("lead") + ctx.clause, ctx.clause + lead.group("lead")):  # 本年制发 + 行政规范性文件
        led = _rule_for(replace(ctx, clause=clause))
        if led is not None and (template is None or _in_format(led[0], family, template)):
            return led
    return None


def _in_format(rule: _Rule, family: str | None, template: str) -> bool:
    return template in indicators()[in_report_format(_notation(rule, family), template)].templates


def narrative_observations(text: str, region: Region | None, skip: list[tuple[int, int]],
                           template: str | None = None, default_scope: str | None = None,
                           year: int | None = None, issuer: str | None = None) -> list[Observation]:
    default_scope = default_scope or scope_label("@whole", region)
    own = resolve_agency(issuer, region) if issuer else None
    out: list[Observation] = []
    family: str | None = _family_of_lead(text, 0)
    row_context: str | None = None  # the section row (A.5) of the last row read by its label
    sentence_start = previous_end = 0
    sentences, clauses = _Breaks(P.SENTENCE_BREAK, text), _Breaks(P.CLAUSE_BREAK, text, P.PARENTHETICAL)
    listed = _respectively(text)
    pending_case: tuple[str, int, int] | None = None  # (family, index, end) of a count of cases whose result is unsaid
    for m in P.FIGURE.finditer(text):
        if any(a <= m.start() < b for a, b in skip):
            continue
        s_start = sentences.start_before(m.start())
        if s_start != sentence_start:
            # the family (复议 or 诉讼, 申请) a sub-row belongs to carries over sentences, not paragraphs
            if "\n" in text[sentence_start:s_start]:
                family = None
            family = _family_of_lead(text, s_start) or family
            sentence_start = s_start
        value = _value(m)
        if value is None:
            continue
        clause_start = clauses.start_before(m.start())
        clause = text[clause_start : m.start()]
        earlier = _of_an_earlier_year(text[max(clause_start, previous_end) : m.start()], year)
        combined = m.start() not in listed and _two_channels(text, sentence_start, clause_start, clause)
        previous_end = m.end()
        row, source = None, "narrative"
        label = _row_label(text, clause_start, m.start(), clauses)
        if label is not None:
            clause_start, clause, source = label
            # rows written one per line keep their section as a table does: 五、行政诉讼数量 | 0件,
            # then （二）被依法纠错数 | 0件 is the lawsuits' row
            row = map_label(clause, row_context or (".".join(family.split(".")[:2]) if family else None))
            if row is not None and row.count(".") == 1:
                row_context = row
        s_end = P.SENTENCE_BREAK.search(text, m.end())
        sentence = text[sentence_start : s_end.start() if s_end else len(text)]
        unit = _COUNTED_AS.get(m.group("unit"), m.group("unit"))
        listed_after = None
        carried = _subject_before_change(text, sentence_start, clause_start, clause, clauses)
        if carried is None:
            carried = listed_after = _subject_before_listed_figure(text, sentence_start, clause_start, clause,
                                                                   clauses, unit)
        carried = carried or _subject_before_total(text, sentence_start, clause_start, clause, clauses)
        if carried is not None:
            clause_start, clause = carried
        if m.start() in listed:  # 当面、网络申请分别为5件、20件: 5件 is 当面申请's
            clause_start = listed[m.start()].start
            clause = _reading_of_listed(listed[m.start()], _Context(clause, "", unit, sentence, family, year,
                                                                    template))[0]
        # a figure about a part (领域, 类信息) or a change (同比, 增长) is no indicator's total
        partial = P.PART_OR_CHANGE.search(clause)
        running = _running_total(text, sentence_start, clause_start, m.start(), m.end())
        c_end = P.CLAUSE_BREAK.search(text, m.end())
        following = text[m.end() : c_end.start() if c_end else len(text)]
        ctx = _Context(clause, following, unit, sentence, family, year, template)
        by_applicant = None if row or partial else _request_row_by_applicant(text, sentence_start, clause_start, clause)
        if by_applicant is not None:
            row = by_applicant[0]  # 予以公开：自然人80件: the row, in one applicant's column
        found = None if partial or row or earlier else _rule_for(ctx) or _rule_past_aside(ctx)
        if not (partial or row or earlier):
            found = _rule_of_lead(text, sentence_start, clause_start, ctx, found, family, template) or found
        rule, taken = found or (None, 0)
        if rule is not None and rule.notation == "A.1.1":
            rule = (_channel_of_lead(text, sentence_start, ctx)
                    or _channel_of_accounts(text, sentence_start, clause_start, ctx) or rule)
        elif rule is None and not (partial or row or earlier):
            rule = _channel_of_accounts(text, sentence_start, clause_start, ctx)  # 微信公众号8个，推送信息1100条
        notation = row or (_notation(rule, family) if rule else None)
        if notation is None and not partial:  # its 上一年项目数量 is a row of this year's report
            notation = _article_20_row(text, sentence_start, clause)  # 规章：本年新制作数量0件，…
            if notation is not None and P.ARTICLE_20_CHANGE.search(clause):
                value = -value  # 本年增/减-3项
        if notation is not None and row is None and _one_departments_part(clause, region, own.name if own else None):
            notation = None  # 其中市国土资源局收到申请45件: one department's part of the report's figure
        if combined and notation in _CHANNEL_ROWS:
            notation = None  # 通过政务微博、微信公开166条: the two channels together are neither's row
        if notation == "A.5" and template in ("B", "C") and c_end is not None:
            notation = _route_of_all_lawsuits(text, c_end.end()) or notation
        family = _family_of(notation) or family
        if running:
            notation = None  # 截至2012年底，累计公开56321条: its parts after it (其中2012年新增…) keep the family
        counts_cases = notation in _CASE_TOTALS
        if notation is not None:
            notation = in_report_format(notation, template)
        indicator = indicators()[notation] if notation else None
        scale = _SCALES.get((unit, indicator.unit or "")) if indicator is not None else None
        if listed_after is not None and indicator is not None and scale is None \
                and _UNIT_ALIASES.get(unit, unit) != (indicator.unit or unit):
            notation, indicator, counts_cases = None, None, False  # 收到申请12件共计15人次: the 12件 are the row's
        if scale is not None:
            value = float(Decimal(str(value)) * scale)
        clause_start = _past_indentation(text, clause_start, m.start())
        out.append(Observation(
            indicator=notation,  # None: kept as a generic figure, so nothing the report states is lost
            label=clause.strip() or text[m.end() : m.end() + taken].strip() or sentence.strip()[:30],
            value=value,
            unit=(indicator.unit if indicator else None) or _UNIT_ALIASES.get(unit, unit),
            scope=_figure_scope(text, m.start(), region, None if _names_its_row(clause, rule) else rule,
                                sentence_start, default_scope),
            estimated=bool(m.group("est") in ("约", "近", "超过", "逾") or m.group("est2")),
            span=Span(clause_start, m.end() + taken),
            source=source,
            applicant_type=by_applicant[1] if by_applicant else rule.applicant if rule else None,
        ))
        if notation is not None and _part_of_an_earlier_figure(out, text, sentence_start):
            out[-1] = replace(out[-1], indicator=None)  # 查阅点28个，其中设在档案馆的查阅点12个: a part, no row's
        of_this_figure = len(out) - 1
        if notation == "A.5" and template in ("B", "C") and value == 0:
            # no lawsuit at all is none by either route, the only lawsuit totals those formats have
            out[-1:] = [replace(out[-1], indicator=route) for route in _LAWSUIT_ROUTE_TOTALS]
        result_at = _where_a_result_may_follow(text, m.end() + taken, c_end)
        for other in listed[m.start()].also if m.start() in listed else ():  # 行政复议、行政诉讼各1件
            words, found_other = _reading_of_listed(other, ctx)
            if found_other is not None:
                each = in_report_format(_notation(found_other[0], family), template)
                out.append(replace(out[-1], indicator=each, label=words, span=Span(other.start, m.end()),
                                   unit=indicators()[each].unit or out[-1].unit))
        sole = None
        if counts_cases and result_at is not None and value > 0:  # no case, no result
            sole = _sole_result(text, result_at, replace(ctx, family=family))
            if sole is not None:
                out.append(_with_result(out[-1], text, sole, clause_start, template))
            if sole is not None and pending_case is not None and pending_case[0] != family \
                    and _results_shared(text, pending_case[2], clause_start, result_at, sole[1]):
                # 行政复议2件，行政诉讼1件，均维持原行政行为: the result is the reviews' too
                of_reviews = _sole_result(text, result_at, replace(ctx, family=pending_case[0]))
                if of_reviews is not None:
                    earlier_count = out[pending_case[1]]
                    out.append(_with_result(earlier_count, text, of_reviews, earlier_count.span.start, template))
        pending_case = (family, of_this_figure, m.end() + taken) if counts_cases and value > 0 and sole is None \
            and family is not None else None
        if notation is not None and value > 0 and text.startswith(("（", "("), m.end() + taken):
            part = _sole_part(text, m.end() + taken + 1, ctx, notation, template)
            if part is not None and all(o.indicator != part[0] for o in out[of_this_figure:]):
                out.append(replace(out[of_this_figure], indicator=part[0], label=text[part[1] : part[2]],
                                   span=Span(clause_start, part[2] + 1)))
    out += _percentages(text, region, skip, clauses, default_scope)
    out += _stated_none(text, region, skip, template, default_scope)
    return out


def _part_of_an_earlier_figure(out: list[Observation], text: str, sentence_start: int) -> bool:
    """Whether the last figure, read after 其中 and words that qualify it (…的), has the row, scope and applicant
    of a figure before it in its sentence: a row has one figure for a scope, so the later one counts a part
    of the earlier (其中本年新收申请160件 after 收到申请165件 names its row more exactly, and stays)."""
    last = out[-1]
    for i in range(len(out) - 2, -1, -1):  # back to the sentence's start only, without copying the list
        earlier = out[i]
        if earlier.span.start < sentence_start:
            return False
        if (earlier.indicator, earlier.scope, earlier.applicant_type) == (last.indicator, last.scope,
                                                                         last.applicant_type):
            return P.QUALIFIED_PART.search(text, earlier.span.end, last.span.end) is not None
    return False


_APPLICANT_SPELLINGS = {"合计": "总计", "法人和其他组织": "法人或其他组织"}
REQUEST_ROW_LABEL_MAX = 40  # characters of the longest request row's name, its note and numbering


def _request_row_by_applicant(text: str, sentence_start: int, clause_start: int,
                              clause: str) -> tuple[str, str] | None:
    """The request table's row and applicant column of a figure in a sentence that writes the row out:
    its label before the last colon (本年新收政府信息公开申请数量：, （三）不予公开：1.属于国家秘密：), a column
    before each figure."""
    column = P.APPLICANT_COLUMN.fullmatch(clause)
    if column is None:
        return None
    led = text[sentence_start:clause_start]
    colon = max(led.rfind("："), led.rfind(":"))
    label = P.LABEL_BEFORE_COLON.split(led[:colon])[-1] if colon > 0 else ""
    notation = map_label(label, None) if 0 < len(label) <= REQUEST_ROW_LABEL_MAX else None
    if notation is None or not notation.startswith("N.3"):
        return None
    who = column.group("who")
    return notation, _APPLICANT_SPELLINGS.get(who, who)


def _article_20_row(text: str, sentence_start: int, clause: str) -> str | None:
    """The Article 20 table's row a figure is, where its sentence writes the row out: the thing counted
    at the sentence's start (规章, 行政许可), the column's words before the figure (本年新制作数量)."""
    m = P.ARTICLE_20_SUBJECT.match(text, sentence_start)
    if m is None:
        return None
    subject = m.group("subject")
    column = clause.strip(" ：:，,；;、")
    if column.startswith(subject):
        column = column[len(subject) :].lstrip(" ：:，,")
    column = P.ARTICLE_20_CHANGE.sub("增/减", column)
    return map_label(subject + column, None) if column else None


def _running_total(text: str, sentence_start: int, clause_start: int, at: int, end: int) -> bool:
    """Whether the figure at `at` is a running total its own clause counts up (累计) since a time its
    sentence names (截至2012年底，累计…56321条), not the year's: the year's part may follow it (其中2012年新增…),
    and where it does, that says so too (累计公开56万条，其中2017年新增12.3万条)."""
    if "累计" not in text[clause_start:at]:
        return False  # the cheap test first: most clauses count up nothing
    m = P.SINCE_THE_START.search(text, sentence_start, at)
    return (m is not None and m.end() > clause_start) or P.THE_YEARS_PART_AFTER.match(text, end) is not None


def _with_result(count: Observation, text: str, result: tuple[str, int, int], start: int,
                 template: str | None) -> Observation:
    """The observation of the one result `result` (notation, where its words are) all of `count`'s cases had."""
    notation = in_report_format(result[0], template)
    return replace(count, indicator=notation, label=text[result[1] : result[2]].strip(), span=Span(start, result[2]),
                   unit=indicators()[notation].unit or count.unit)


def _results_shared(text: str, earlier_end: int, clause_start: int, result_at: int, result_start: int) -> bool:
    """Whether a result after two counts of cases in a row is both counts' (复议2件，诉讼1件，均维持…):
    the counts are one separator apart and the result says 均 (all of them)."""
    return text[earlier_end:clause_start].strip() in P.FIGURE_LIST_SEPARATORS \
        and P.ALL_OF_THEM.search(text, result_at, result_start) is not None


def _sole_part(text: str, at: int, ctx: _Context, total: str, template: str | None) -> tuple[str, int, int] | None:
    """The row of the one part an aside at `at` says all of the total is (不同意公开1件（属于国家秘密）:
    A.3.3.4.1 is 1 too), with where its words are."""
    m = P.SOLE_PART_ASIDE.match(text, at)
    if m is None:
        return None
    found = _rule_for(replace(ctx, clause=m.group(0), following=""))
    if found is None:
        return None
    notation = in_report_format(_notation(found[0], ctx.family), template)
    return (notation, m.start(), m.end()) if indicators()[notation].broader == total else None


@lru_cache(maxsize=1)
def _zero_rows() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str] | None], ...]:
    """(notation, what the clause names, what makes it about something narrower) for each row."""
    with open(data_dir() / "zero_statements.tsv", encoding="utf-8", newline="") as f:
        return tuple((r["notation"], re.compile(r["term"]), re.compile(r["unless"]) if r["unless"] else None)
                     for r in csv.DictReader(f, delimiter="\t"))


def _stated_none(text: str, region: Region | None, skip: list[tuple[int, int]], template: str | None,
                 default_scope: str) -> list[Observation]:
    """Rows a clause says none of happened (未发生…行政复议、行政诉讼的情况: 0 of each), in the rows
    of the report's own format; a format without the row gets no figure for it."""
    out = []
    stated = [(m.start(), m.end(), m.group("what")) for m in P.NONE_STATED.finditer(text)]
    for m in P.ZERO_STATED.finditer(text):  # 举报投诉数量为0: what is counted is the words before
        start = _words_start(text, m.start(), P.ZERO_SUBJECT_MAX)
        if m.start() - start >= 2 and not P.ANY_DIGIT.search(text, start, m.start()):
            stated.append((start, m.end(), text[start : m.start()]))
    for at, end, what in sorted(stated):
        if any(a <= at < b for a, b in skip):
            continue
        for notation, term, unless in _zero_rows():
            if not term.search(what) or (unless is not None and unless.search(what)):
                continue
            row = in_report_format(notation, template)
            if template is not None and template not in indicators()[row].templates:
                continue
            start = _past_indentation(text, _subject_start(text, at), at)
            out.append(Observation(
                indicator=row, label=text[start:end].strip(), value=0.0, unit=indicators()[row].unit,
                scope=_scope_before(text, at, region, default_scope) or default_scope, estimated=False,
                span=Span(start, end), source="narrative",
            ))
    return out


def _subject_start(text: str, at: int) -> int:
    """Where the subject of a statement of none starts, for its quote (全市无…, 各级、各部门均未收取…)."""
    return _words_start(text, at, at)


def _past_indentation(text: str, start: int, end: int) -> int:
    """A quote starts at its first word: a paragraph's indentation (　　) is no part of it."""
    while start < end and text[start].isspace():
        start += 1
    return start


def _subject_before_change(text: str, sentence_start: int, clause_start: int, clause: str,
                           clauses: _Breaks) -> tuple[int, str] | None:
    """(start, text) of what a figure counts when its own clause only says 达 after a comparison:
    in 受理申请较上年增长25%，达150件 the 150件 are 受理申请, this year's figure."""
    if clause_start <= sentence_start or not P.FIGURE_AFTER_CHANGE.fullmatch(clause):
        return None
    change = P.CHANGE.search(text, sentence_start, clause_start)
    if change is None:
        return None
    start = max(sentence_start, clauses.start_before(change.start()))
    subject = text[start : change.start()]
    if not subject.strip() or P.FIGURE.search(subject):
        return None
    return start, subject


def _one_departments_part(clause: str, region: Region | None, own: str | None) -> bool:
    """Whether what a figure counts is named as one or more departments' other than the report's own
    issuer, and not the body that runs the government's disclosure work."""
    if not P.DEPARTMENT_NAME_END.search(clause):
        return False  # the cheap test first: most clauses name no department
    named = [m.agency for m in find_agencies(clause, region) if m.agency.kind == "department"]
    return bool(named) and all(a.name != own and not P.DISCLOSURE_ORGANIZER.search(a.name) for a in named)


def _subject_before_total(text: str, sentence_start: int, clause_start: int, clause: str,
                          clauses: _Breaks) -> tuple[int, str] | None:
    """(start, text) of what a figure counts when its own clause only totals it and the clause before
    names what: in 各单位确定了信息公开工作人员，共计128人 the 128人 are 信息公开工作人员."""
    if clause_start <= sentence_start or not P.TOTAL_ONLY.fullmatch(clause):
        return None
    start = max(sentence_start, clauses.start_before(clause_start - 1))
    subject = text[start : clause_start - 1]
    if not subject.strip() or P.FIGURE.search(subject) or P.ANY_DIGIT.search(subject):
        return None
    return start, subject


def _subject_before_listed_figure(text: str, sentence_start: int, clause_start: int, clause: str,
                                  clauses: _Breaks, unit: str) -> tuple[int, str] | None:
    """(start, text) of what a figure counts when it is listed right after another one, in another
    unit: in 通过政府公报公开信息36期、312条 (or 36期共计312条) the 312条 are 通过政府公报公开信息 too."""
    total = P.TOTAL_AT_END.search(clause)
    own_words = clause[: total.start()] if total else clause
    if own_words.strip():  # the other figure in this clause, right before the total: 36期共计312条
        other = P.FIGURE_AT_END.search(own_words)
        if other is None:
            return None
        other_end = clause_start + other.end()
    else:  # the other figure ends where this clause starts, or one separator before it
        separated = text[clause_start - 1 : clause_start] in tuple(P.FIGURE_LIST_SEPARATORS)
        other_end = clause_start - 1 if separated else clause_start
    if other_end <= sentence_start:
        return None
    before = P.FIGURE_AT_END.search(text, max(sentence_start, other_end - 24), other_end)
    if before is None or before.group("unit") == unit:  # 办结409件，3件结转…: in one unit, two counts
        return None
    start = max(sentence_start, clauses.start_before(before.start()))
    subject = text[start : before.start()]
    return (start, subject) if subject.strip() else None


def _row_label(text: str, clause_start: int, at: int, clauses: _Breaks) -> tuple[int, str, str] | None:
    """(start, text, source) of a table row's label when the figure at `at` is written as its value:
    after a colon (收到申请数：31件, prose) or in the next cell of a table whose values keep their
    units (收到申请数 | 31件, a table)."""
    clause = text[clause_start:at]
    if not clause.strip() and clause_start > 0 and text[clause_start - 1] in "：:":
        start = clauses.start_before(clause_start - 1)
        return start, text[start : clause_start - 1], "narrative"
    cell = clause.rstrip(" \u3000")
    if cell.endswith(("|", "\t")):
        return clause_start, cell[:-1], "table"
    return None


def _names_its_row(clause: str, rule: _Rule | None) -> bool:
    """Whether the words before a government's own channel's figure are the format's name of its row
    (政府网站公开政府信息数 on a line above 1000条): a table's row, whatever its layout, not the portal
    named in prose, so the scope of the table's other rows."""
    return rule is not None and rule.unmarked is not None and map_label(clause.strip(), None) == rule.notation


def _figure_scope(text: str, at: int, region: Region | None, rule: _Rule | None, sentence_start: int,
                  default_scope: str) -> str:
    """The nearest scope marker; for a government's own channel (its portal, its 政务微博) only one in
    the figure's own sentence counts: without one, the figure is the government's own, unless it is
    a part of a total before it (其中通过政府网站公开…, 1、政府公报公开…), which it shares the scope of."""
    if rule is not None and rule.unmarked is not None and not P.BREAKDOWN.search(text, sentence_start, at):
        own = _scope_before(text, at, region, default_scope, since=sentence_start)
        if own is not None:
            return own
        return default_scope if default_scope == OWN_AGENCY else scope_label(rule.unmarked, region)
    return _scope_before(text, at, region, default_scope) or default_scope


def _percentages(text: str, region: Region | None, skip: list[tuple[int, int]], clauses: _Breaks,
                 default_scope: str) -> list[Observation]:
    out = []
    for m in P.PERCENT.finditer(text):
        if any(a <= m.start() < b for a, b in skip):
            continue
        clause_start = _past_indentation(text, clauses.start_before(m.start()), m.start())
        out.append(Observation(
            indicator=None, label=text[clause_start : m.start()].strip(), value=float(m.group("num")), unit="%",
            scope=_scope_before(text, m.start(), region, default_scope) or default_scope, estimated=False,
            span=Span(clause_start, m.end()), source="narrative",
        ))
    return out


class _Breaks:
    """Where the sentences (or clauses) of a text start, found once for all the figures in it."""

    def __init__(self, pattern: re.Pattern[str], text: str, asides: re.Pattern[str] | None = None) -> None:
        self.ends = [m.end() for m in pattern.finditer(text)]
        if asides is not None:
            # a 、 inside an aside without figures (各县（市、区）共受理120件) ends no clause
            quiet = [(m.start(), m.end()) for m in asides.finditer(text) if not P.ANY_DIGIT.search(m.group(0))]
            self.ends = [e for e in self.ends if not _inside(e, quiet)]

    def start_before(self, at: int) -> int:
        """The start of the sentence or clause that holds position `at`."""
        k = bisect_right(self.ends, at) - 1
        return self.ends[k] if k >= 0 else 0


def _inside(at: int, spans: list[tuple[int, int]]) -> bool:
    """Whether `at` falls strictly inside one of the sorted, non-overlapping `spans`."""
    k = bisect_right(spans, (at, -1)) - 1  # the last span that starts before `at`
    return k >= 0 and spans[k][0] < at < spans[k][1]


def report_format(table: list[Observation], year: int | None) -> str | None:
    """The format (A, B, C) a report follows: its table's rows say so best (a report on 2019 may
    still use the old table); the year decides when there is no table or it has only shared rows."""
    own_rows = (indicators()[o.indicator].templates for o in table if o.indicator)
    votes = Counter(templates[0] for templates in own_rows if len(templates) == 1)  # N rows are shared
    if votes:
        return votes.most_common(1)[0][0]
    by_year = report_template(year)
    if table and by_year in (None, "A"):
        return "B"  # only the request or review table that both later formats share (N rows)
    return by_year


def default_scope(issuer: str | None, region: Region | None) -> str:
    """The scope of a figure no marker qualifies: a government's report speaks for its jurisdiction
    (全市), a department's or an office's for itself (本机关)."""
    if issuer is None or P.GOVERNMENT_NAME_END.search(issuer) or P.ZONE_ISSUER.search(issuer) \
            or P.TOWNSHIP_GOVERNMENT.search(issuer):  # a street office governs its 街道 as a township does
        return scope_label("@whole", region)
    return OWN_AGENCY


def _stated_range(text: str, region: Region | None, default: str) -> str | None:
    """The scope a report says its figures have (统计范围为县人民政府本级): its figures' default."""
    m = P.STATISTICAL_RANGE.search(text, 0, STATED_RANGE_WITHIN)
    return _scope_before(m.group("what"), len(m.group("what")), region, default) if m else None


STATED_RANGE_WITHIN = 3000  # characters from the top: a report says what its figures cover first


def extract_observations(text: str, region: Region | None, year: int | None = None,
                         issuer: str | None = None) -> tuple[Observation, ...]:
    """All figures a report on `year` by `issuer` states, mapped onto the indicators of its format."""
    # a township reports on the township (全镇), a development zone's committee on the zone (全区)
    region = scope_region(issuer, region)
    tables = table_regions(text)
    scope = default_scope(issuer, region)
    scope = _stated_range(text, region, scope) or scope
    table = table_observations(text, region, scope, year, tables)
    prose = narrative_observations(text, region, tables, report_format(table, year), scope, year, issuer)
    return tuple(sorted(_tables_in_the_prose_scope(table, prose, scope) + prose, key=lambda o: o.span.start))


def _tables_in_the_prose_scope(table: list[Observation], prose: list[Observation],
                               default: str) -> list[Observation]:
    """The tables with the scope the prose gives their figures: where the text says 市本级共收到申请216件 and
    the table's total is 216, the tables count the government's own level, though nothing before them
    says so. Only where some figure other than a zero agrees so, and none with the report's default scope."""
    stated: dict[tuple[str | None, float], set[str | None]] = {}
    for o in prose:
        if o.indicator is not None and o.applicant_type is None and o.value > 0:  # a zero agrees with anything
            stated.setdefault((o.indicator, o.value), set()).add(o.scope)
    agreed = {scope for o in table if o.scope == default for scope in stated.get((o.indicator, o.value), ())}
    if len(agreed) != 1 or default in agreed:
        return table
    (scope,) = agreed
    return [replace(o, scope=scope) if o.scope == default else o for o in table]
