"""Loading of the vocabularies kept as data in `data/` and `ontology/`.

Nothing here knows about a particular document: these are the authority files (issuer codes,
province abbreviations, the GB/T 2260 gazetteer, document genres, periodicals, indicators).
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .model import Region

ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return Path(os.environ.get("KG_DATA_DIR", ROOT / "data"))


def ontology_dir() -> Path:
    return ROOT / "ontology"


def _rows(name: str) -> list[dict[str, str]]:
    with open(data_dir() / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


NATIONAL = Region("CN", "中华人民共和国", "national")

_SUFFIXES = (
    "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区",
    "蒙古自治州", "藏族自治州", "自治州", "自治县", "自治旗", "地区", "林区",
    "省", "市", "盟", "县", "区", "旗",
)  # fmt: skip


@dataclass(frozen=True)
class Gazetteer:
    by_code: dict[str, Region]
    by_name: dict[str, list[Region]]
    replaces: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a renamed division's code → its former codes

    def get(self, code: str | None) -> Region | None:
        if code is None:
            return None
        if code == "CN":
            return NATIONAL
        return self.by_code.get(code)

    def lookup(self, name: str) -> list[Region]:
        return self.by_name.get(name, [])

    def parent(self, region: Region) -> Region | None:
        found = self.get(region.parent_code)
        if found is None and region.level == "county":
            # a district of 北京市 or a county the province runs itself (仙桃市): the grouping between
            # them (市辖区, 省直辖县级行政区划) has no government and is not in the gazetteer
            return self.province_of(region)
        return found

    def province_of(self, region: Region) -> Region | None:
        return self.by_code.get(region.code[:2] + "0000") if region.code != "CN" else None

    def ancestors(self, region: Region) -> list[Region]:
        out: list[Region] = []
        cur = self.parent(region)
        while cur is not None:
            out.append(cur)
            cur = self.parent(cur)
        return out


def short_name(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=1)
def _ethnic_designation() -> re.Pattern[str]:
    """The run of ethnic groups an autonomous area is named for, at the end of its name: 苗族侗族,
    哈萨克, 蒙古族藏族. A one-character group name needs its 族 (水族, 土族), or a place ending in 水
    would lose it."""
    names = sorted((r["name"] for r in _rows("ethnic_groups.csv")), key=len, reverse=True)
    group = "|".join(f"{n}族" if len(n) == 1 else f"{n}族?" for n in names)
    return re.compile(f"(?:{group})+$")


_AUTONOMOUS = {"自治州": "州", "自治县": "县", "自治旗": "旗"}


def autonomous_short_names(region: Region) -> list[str]:
    """How an autonomous area is usually called: 黔东南苗族侗族自治州 → 黔东南州 (and 黔东南 for a prefecture),
    城步苗族自治县 → 城步县, 伊犁哈萨克自治州 → 伊犁州."""
    for suffix, kind in _AUTONOMOUS.items():
        if region.name.endswith(suffix):
            base = _ethnic_designation().sub("", region.name[: -len(suffix)])
            if len(base) < 2:
                return []
            return [base + kind, base] if region.level == "prefecture" else [base + kind]
    return []


def _level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    by_code: dict[str, Region] = {}
    for row in _rows("regions/adcodes.csv"):
        if len(row["name"]) < 2 or "直辖" in row["name"] or row["name"] == "市辖区":
            continue  # statistical groupings (重庆's 县, 省直辖县级行政区划), not divisions with a government
        code = row["adcode"][:6]
        by_code[code] = Region(code, row["name"], _level(code))
    replaces: dict[str, tuple[str, ...]] = {}
    # divisions created or renamed after the snapshot; the former ones stay, for the documents of their years
    for row in _rows("regions/changes.csv"):
        by_code[row["code"]] = Region(row["code"], row["name"], _level(row["code"]))
        replaces[row["code"]] = tuple(row["replaces"].split())
    by_name: dict[str, list[Region]] = {}
    for region in by_code.values():
        by_name.setdefault(region.name, []).append(region)
        short = short_name(region.name)
        # a county's short name is too ambiguous to use as a standalone alias
        if short != region.name and region.level != "county":
            by_name.setdefault(short, []).append(region)
    for region in by_code.values():
        for alias in autonomous_short_names(region):
            if region not in by_name.setdefault(alias, []):
                by_name[alias].append(region)
    for row in _rows("region_aliases.csv"):
        if row["region"].isdigit():
            by_name.setdefault(row["alias"], []).insert(0, by_code[row["region"]])
    return Gazetteer(by_code, by_name, replaces)


@dataclass(frozen=True)
class IssuerCode:
    issuer: str
    region: str


@lru_cache(maxsize=1)
def issuer_codes() -> dict[str, IssuerCode]:
    return {r["code"]: IssuerCode(r["issuer"], r["region"]) for r in _rows("issuer_codes.csv")}


@lru_cache(maxsize=1)
def province_codes() -> dict[str, str]:
    return {r["abbr"]: r["region"] for r in _rows("province_codes.csv")}


@lru_cache(maxsize=1)
def code_bodies() -> dict[str, tuple[str, str]]:
    return {r["body"]: (r["provincial"], r["local"]) for r in _rows("code_bodies.csv")}


@lru_cache(maxsize=1)
def document_genres() -> tuple[str, ...]:
    return tuple(sorted((r["suffix"] for r in _rows("document_genres.csv")), key=len, reverse=True))


@lru_cache(maxsize=1)
def periodical_suffixes() -> tuple[str, ...]:
    return tuple(sorted((r["suffix"] for r in _rows("periodicals.csv")), key=len, reverse=True))


@dataclass(frozen=True)
class AuditRule:
    """A rule of data/audit_rules.csv: the left indicators sum to the right ones."""

    notation: str
    label: str
    left: tuple[str, ...]
    right: tuple[str, ...]


@lru_cache(maxsize=1)
def audit_rules() -> tuple[AuditRule, ...]:
    return tuple(AuditRule(r["rule"], r["label"], tuple(r["left"].split()), tuple(r["right"].split()))
                 for r in _rows("audit_rules.csv"))


@lru_cache(maxsize=1)
def known_works() -> dict[str, str]:
    return {r["alias"]: r["title"] for r in _rows("known_works.csv")}


@dataclass(frozen=True)
class QualifiedAlias:
    """A genre word in 《》 that, right after the bodies that issued it, stands for one known document:
    两办《意见》 is 中办发〔2016〕8号 without the text ever defining the short name."""
    alias: str
    issued_by: tuple[str, ...]
    title: str
    number: str


@lru_cache(maxsize=1)
def qualified_aliases() -> dict[str, QualifiedAlias]:
    return {r["alias"]: QualifiedAlias(r["alias"], tuple(r["issued_by"].split("|")), r["title"], r["number"])
            for r in _rows("qualified_aliases.csv")}


@lru_cache(maxsize=1)
def report_outline() -> tuple[str, ...]:
    return tuple(r["heading"] for r in _rows("report_outline.csv"))


@lru_cache(maxsize=1)
def short_names() -> frozenset[str]:
    """Names such as 《条例》 that stand for a known document without being its title."""
    return frozenset(r["alias"] for r in _rows("known_works.csv") if r["short"] == "yes")


@lru_cache(maxsize=1)
def radical_forms() -> dict[int, str]:
    """A character a PDF font's radical glyph stands for (⼯ for 工, ⻓ for 长), as `str.translate` takes it:
    the Kangxi radicals and the compatibility ideographs by their NFKC mapping, the radicals that have
    none (the simplified forms of the CJK Radicals Supplement) from `data/radical_forms.csv`."""
    import unicodedata

    table: dict[int, str] = {}
    for block in (range(0x2F00, 0x2FE0), range(0xF900, 0xFB00)):
        for code in block:
            mapped = unicodedata.normalize("NFKC", chr(code))
            if len(mapped) == 1 and mapped != chr(code):
                table[code] = mapped
    table.update({ord(r["radical"]): r["character"] for r in _rows("radical_forms.csv")})
    return table

