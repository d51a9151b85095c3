"""Audit of the statistics: the rules are data (data/audit_rules.csv and the SPARQL in queries/).

Every rule compares figures within one report, so the ingest checks each report as it is parsed
(`rules.py`) and stores the findings in the file's own graph (`queries/audit-findings.rq`).
Here the same rules run as SPARQL over a whole store, for `kg check`.
"""

from __future__ import annotations

from urllib.parse import unquote

from .namespaces import instance
from .query import Queryable, read_query, select_rows
from .rules import Finding
from .vocab import ROOT

LEGACY_AUDIT_GRAPH = instance("graph", "audit")  # where stores made before per-file findings kept them


def _query(name: str) -> str:
    return read_query(ROOT / "queries" / name)


def _label(value: str | None) -> str:
    return unquote((value or "").rsplit("/", 1)[-1])


def _lookup(store: Queryable, template: str, iris: set[str]) -> dict[str, list[str]]:
    """One query for many nodes: `template` binds ?n (from VALUES) and ?v."""
    out: dict[str, list[str]] = {}
    ordered = sorted(i for i in iris if i)
    for start in range(0, len(ordered), 500):
        values = " ".join(f"<{i}>" for i in ordered[start : start + 500])
        for row in select_rows(store, f"SELECT ?n ?v WHERE {{ VALUES ?n {{ {values} }} {template} }}"):
            out.setdefault(row["n"] or "", []).append(row["v"] or "")
    return out


_FILE = "?n kg:reportOf/kg:sourceFile/kg:fileName ?v ."
_LABEL = "?n skos:prefLabel ?v ."
_QUOTE = "?n prov:wasDerivedFrom/prov:value ?v ."


def _arithmetic(store: Queryable) -> list[tuple[dict[str, str | None], list[str]]]:
    out = []
    for row in select_rows(store, _query("audit-arithmetic.rq")):
        rule, dataset, scope, source = row["rule"] or "", row["dataset"] or "", row["scope"] or "", row["source"]
        scope_filter = f"?o kg:scope <{scope}> ." if not scope.endswith("#anyScope") else ""
        app = row["applicant"] or ""
        app_filter = f"?o kg:applicantType <{app}> ." if not app.endswith("#anyApplicant") else \
            "FILTER NOT EXISTS { ?o kg:applicantType ?x }"
        observations = [r["o"] or "" for r in select_rows(store, f"""
            SELECT DISTINCT ?o WHERE {{
              <{rule}> kg:leftIndicator|kg:rightIndicator ?ind .
              ?o qb:dataSet <{dataset}> ; kg:indicator ?ind ; kg:extractedFrom "{source}" .
              {scope_filter} {app_filter}
            }}""")]
        out.append((row, observations))
    return out


def run_audit(store: Queryable) -> tuple[Finding, ...]:
    """Evaluate every audit rule over the store."""
    arithmetic = _arithmetic(store)
    prose = select_rows(store, _query("audit-prose-vs-table.rq"))
    datasets = {r["dataset"] or "" for r, _ in arithmetic} | {r["dataset"] or "" for r in prose}
    scopes = {r["scope"] or "" for r, _ in arithmetic} | {r["scope"] or "" for r in prose}
    observations = {o for _, obs in arithmetic for o in obs} | {r[k] or "" for r in prose
                                                                for k in ("tableObs", "proseObs")}
    files, labels, quotes = (_lookup(store, _FILE, datasets), _lookup(store, _LABEL, scopes),
                             _lookup(store, _QUOTE, observations))

    def first(table: dict[str, list[str]], key: str | None) -> str | None:
        values = table.get(key or "")
        return values[0] if values else None

    findings = [
        Finding(rule=_label(row["rule"]), label=row["label"] or "", file=first(files, row["dataset"]) or "",
                scope=first(labels, row["scope"]), expected=row["left"] or "", actual=row["right"] or "",
                quotes=tuple(q for o in obs for q in quotes.get(o, [])), observations=tuple(obs))
        for row, obs in arithmetic
    ]
    findings += [
        Finding(rule="prose-vs-table", label=f"{_label(row['indicator'])}: the text and the table disagree",
                file=first(files, row["dataset"]) or "", scope=first(labels, row["scope"]),
                expected=row["tableValue"] or "", actual=row["proseValue"] or "",
                quotes=tuple(q for k in ("tableObs", "proseObs") for q in quotes.get(row[k] or "", [])),
                observations=(row["tableObs"] or "", row["proseObs"] or ""))
        for row in prose
    ]
    return tuple(findings)
