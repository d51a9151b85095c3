"""A plain-text summary of a store."""

from __future__ import annotations

from .query import run_query
from .store import GraphStore

_COUNTS = {
    "source files": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:SourceFile }",
    "documents read": "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d kg:sourceFile ?s ; a ?t "
                      "FILTER (?t IN (kg:AnnualReport, kg:WorkPlan, kg:Notice, kg:Document)) }",
    "cited documents": "SELECT (COUNT(DISTINCT ?w) AS ?n) WHERE { ?c kg:citedDocument ?w }",
    "citations": "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a kg:Citation }",
    "agencies": "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a org:Organization }",
    "regions named": "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?x kg:region ?r }",
    "statistical observations": "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a qb:Observation }",
    "title/number conflicts": "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a kg:TitleNumberConflict }",
    "audit findings": "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a kg:Finding }",
    "input problems (warnings)": "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Problem }",
}


def corpus_stats(store: GraphStore) -> str:
    lines = [f"store: {store.path} ({len(store)} quads)"]
    for label, sparql in _COUNTS.items():
        table = run_query(store, sparql)
        lines.append(f"  {label:<26} {table.rows[0][0] if table.rows else 0}")
    return "\n".join(lines)
