"""The audit rules of data/audit_rules.csv, evaluated on one report's figures as it is parsed.

Every rule compares figures within one report, so each report is checked on its own, in the
worker that parsed it, and the findings go into the file's own graph: replaced and removed with
the file, and no pass over the whole corpus after an ingest. The same rules run as SPARQL over a
whole store (`kg check`, `queries/audit-*.rq`); a test holds the two to the same findings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Observation
from .vocab import audit_rules

_Group = tuple[str | None, str | None, str]  # scope, applicant type, source (table | narrative)


@dataclass(frozen=True)
class Finding:
    """A rule a report's figures break: `expected` (the left side) against `actual`."""

    rule: str  # notation of the rule, or 'prose-vs-table'
    label: str
    file: str
    scope: str | None
    expected: str
    actual: str
    quotes: tuple[str, ...]
    observations: tuple[str, ...]  # the IRIs of the figures involved

    def line(self) -> str:
        where = f" [{self.scope}]" if self.scope else ""
        quotes = "; ".join(q.replace("\n", " ") for q in self.quotes[:4])
        return f"{self.file}{where} {self.rule}: {self.label} — {self.expected} ≠ {self.actual}  «{quotes}»"


def decimal_text(value: float) -> str:
    """The canonical xsd:decimal form Oxigraph stores (12, 496.5), so exports equal the store."""
    return f"{value:.6f}".rstrip("0").rstrip(".") or "0"


def check_figures(observations: Sequence[Observation], iris: Sequence[str], quotes: Sequence[str],
                  file: str) -> tuple[Finding, ...]:
    """The findings of every rule over one report's figures; `iris` and `quotes` go with them."""
    return _arithmetic(observations, iris, quotes, file) + _prose_against_table(observations, iris, quotes, file)


def _arithmetic(obs: Sequence[Observation], iris: Sequence[str], quotes: Sequence[str],
                file: str) -> tuple[Finding, ...]:
    # the largest figure an indicator has in a group: a table and its repetition in a sub-table agree
    largest: dict[_Group, dict[str, float]] = defaultdict(dict)
    for o in obs:
        if o.indicator is not None:
            group = largest[(o.scope, o.applicant_type, o.source)]
            group[o.indicator] = max(group.get(o.indicator, o.value), o.value)
    out = []
    for (scope, applicant, source), values in sorted(largest.items(), key=lambda kv: tuple(map(str, kv[0]))):
        for rule in audit_rules():
            if not all(n in values for n in rule.left + rule.right):
                continue  # checked only where every indicator of the rule was reported
            left, right = sum(values[n] for n in rule.left), sum(values[n] for n in rule.right)
            if decimal_text(left) == decimal_text(right):
                continue
            involved = [k for k, o in enumerate(obs) if o.indicator in rule.left + rule.right and o.source == source
                        and (scope is None or o.scope == scope) and o.applicant_type == applicant]
            out.append(Finding(rule.notation, rule.label, file, scope, decimal_text(left), decimal_text(right),
                               tuple(quotes[k] for k in involved), tuple(iris[k] for k in involved)))
    return tuple(out)


def _prose_against_table(obs: Sequence[Observation], iris: Sequence[str], quotes: Sequence[str],
                         file: str) -> tuple[Finding, ...]:
    prose: dict[tuple[str, str], list[int]] = defaultdict(list)
    for k, o in enumerate(obs):
        if o.source == "narrative" and o.indicator and o.scope:
            prose[(o.indicator, o.scope)].append(k)
    out = []
    for k, o in enumerate(obs):
        if o.source != "table" or not o.indicator or not o.scope or o.applicant_type:
            continue
        said = prose.get((o.indicator, o.scope), [])
        if not said or any(decimal_text(obs[p].value) == decimal_text(o.value) for p in said):
            continue
        p = said[0]
        out.append(Finding("prose-vs-table", f"{o.indicator}: the text and the table disagree", file, o.scope,
                           decimal_text(o.value), decimal_text(obs[p].value), (quotes[k], quotes[p]),
                           (iris[k], iris[p])))
    return tuple(out)
