"""Policy initiatives (五公开, 双随机一公开, 放管服 …) and policy areas (the 重点领域) named in a
document, from the SKOS scheme in data/policies.csv; and quoted terms that might be new
initiatives, for a person to review."""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from . import patterns as P
from .model import Span
from .vocab import data_dir


@dataclass(frozen=True)
class Policy:
    notation: str
    kind: str  # initiative | area
    label: str
    alt_labels: tuple[str, ...]
    definition: str
    introduced_by: str | None


@dataclass(frozen=True)
class PolicyMention:
    policy: Policy
    written: str
    span: Span


@lru_cache(maxsize=1)
def policies() -> tuple[Policy, ...]:
    with open(data_dir() / "policies.csv", encoding="utf-8", newline="") as f:
        return tuple(
            Policy(r["notation"], r["kind"], r["prefLabel"], tuple(a for a in r["altLabels"].split("|") if a),
                   r["definition"], r["introducedBy"] or None)
            for r in csv.DictReader(f)
        )


@lru_cache(maxsize=1)
def _labels() -> dict[str, Policy]:
    out: dict[str, Policy] = {}
    for policy in policies():
        for label in (policy.label, *policy.alt_labels):
            out.setdefault(label.strip("“”"), policy)
    return out


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    # 教育 the area, not 教育局 the agency
    return re.compile("(?:" + P.literal_alternation(_labels()) + ")(?![局厅部委办])")


def find_policies(text: str) -> tuple[PolicyMention, ...]:
    return tuple(PolicyMention(_labels()[m.group(0)], m.group(0), Span(m.start(), m.end()))
                 for m in _pattern().finditer(text))


def quoted_terms(text: str) -> Counter[str]:
    """“…” terms that are not already in the scheme: candidates for new initiatives."""
    known = set(_labels())
    return Counter(t for m in P.QUOTED_TERM.finditer(text)
                   if (t := m.group("term").strip()) not in known and not re.search(r"[，。,.；;！!？?]", t))


def user_dictionary_words() -> list[str]:
    """Agency names and policy terms, for jieba's user dictionary (see kg.segment)."""
    from .agencies import bodies, national

    words = [*_labels(), *national(), *(full for full, _ in bodies().values()), *bodies()]
    return sorted({w for w in words if len(w) >= 2})
