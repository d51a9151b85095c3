"""Audit of the statistics: the rules are data (data/audit_rules.csv and the SPARQL in queries/).

Findings are recomputed from the per-file graphs into their own named graph after each ingest,
so they are queryable (`queries/audit-findings.rq`) and never stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import unquote

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

from .namespaces import KG, PROV, RDF, RDFS, digest, instance
from .query import read_query, select_rows
from .store import GraphStore
from .vocab import ROOT

AUDIT_GRAPH = instance("graph", "audit")


@dataclass(frozen=True)
class Finding:
    rule: str  # notation of the rule, or 'prose-vs-table'
    label: str
    file: str
    scope: str | None
    expected: str
    actual: str
    quotes: tuple[str, ...]
    observations: tuple[str, ...]

    def line(self) -> str:
        where = f" [{self.scope}]" if self.scope else ""
        quotes = "; ".join(q.replace("\n", " ") for q in self.quotes[:4])
        return f"{self.file}{where} {self.rule}: {self.label} — {self.expected} ≠ {self.actual}  «{quotes}»"


def _query(name: str) -> str:
    return read_query(ROOT / "queries" / name)


def _label(value: str | None) -> str:
    return unquote((value or "").rsplit("/", 1)[-1])


def _file_of(store: GraphStore, dataset: str) -> str:
    rows = select_rows(store, f"SELECT ?f WHERE {{ <{dataset}> kg:reportOf/kg:sourceFile/kg:fileName ?f }} LIMIT 1")
    return rows[0]["f"] or "" if rows else ""


def _evidence(store: GraphStore, observations: list[str]) -> tuple[str, ...]:
    quotes = []
    for obs in observations:
        rows = select_rows(store, f"SELECT ?q WHERE {{ <{obs}> prov:wasDerivedFrom/oa:hasSelector/oa:exact ?q }}")
        quotes += [r["q"] or "" for r in rows]
    return tuple(quotes)


def _arithmetic(store: GraphStore) -> list[Finding]:
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
        out.append(Finding(
            rule=_label(rule), label=row["label"] or "", file=_file_of(store, dataset),
            scope=_scope_label(store, scope), expected=row["left"] or "", actual=row["right"] or "",
            quotes=_evidence(store, observations), observations=tuple(observations),
        ))
    return out


def _scope_label(store: GraphStore, scope: str) -> str | None:
    if not scope or scope.endswith("#anyScope"):
        return None
    rows = select_rows(store, f"SELECT ?l WHERE {{ <{scope}> skos:prefLabel ?l }} LIMIT 1")
    return rows[0]["l"] if rows else None


def _prose_vs_table(store: GraphStore) -> list[Finding]:
    out = []
    for row in select_rows(store, _query("audit-prose-vs-table.rq")):
        observations = [row["tableObs"] or "", row["proseObs"] or ""]
        out.append(Finding(
            rule="prose-vs-table", label=f"{_label(row['indicator'])}: the text and the table disagree",
            file=_file_of(store, row["dataset"] or ""), scope=_scope_label(store, row["scope"] or ""),
            expected=row["tableValue"] or "", actual=row["proseValue"] or "",
            quotes=_evidence(store, observations), observations=tuple(observations),
        ))
    return out


def run_audit(store: GraphStore) -> tuple[Finding, ...]:
    """Evaluate every audit rule over the store."""
    return tuple(_arithmetic(store) + _prose_vs_table(store))


def refresh_audit_graph(store: GraphStore) -> tuple[Finding, ...]:
    findings = run_audit(store)
    triples: list[Triple] = []
    for f in findings:
        node = instance("finding", digest(f"{f.rule}|{f.file}|{f.scope}|{f.expected}|{f.actual}|{f.observations}"))
        triples += [
            Triple(node, NamedNode(RDF + "type"), NamedNode(KG + "Finding")),
            Triple(node, NamedNode(KG + "rule"), Literal(f.rule)),
            Triple(node, NamedNode(RDFS + "label"), Literal(f.label)),
            Triple(node, NamedNode(KG + "fileName"), Literal(f.file)),
            Triple(node, NamedNode(KG + "expected"), Literal(f.expected)),
            Triple(node, NamedNode(KG + "actual"), Literal(f.actual)),
        ]
        if f.scope:
            triples.append(Triple(node, NamedNode(KG + "scopeLabel"), Literal(f.scope)))
        triples += [Triple(node, NamedNode(PROV + "wasDerivedFrom"), NamedNode(o)) for o in f.observations if o]
    body = (serialize(triples, format=RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    store.replace_graph_body(AUDIT_GRAPH.value, body)
    return findings
