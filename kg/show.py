"""Everything the graph says about one node, grouped, with the file each statement came from."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from .namespaces import PREFIXES
from .query import select_rows
from .store import GraphStore
from .trace import NodeInfo, _citation_edges, _title_edges, resolve_reference


@dataclass(frozen=True)
class Statement:
    predicate: str
    value: str
    files: tuple[str, ...]


@dataclass(frozen=True)
class NodeReport:
    info: NodeInfo
    statements: tuple[Statement, ...]
    cited_by: tuple[dict[str, str | None], ...]
    cites: tuple[dict[str, str | None], ...]
    title_relations: tuple[dict[str, str | None], ...]
    evidence: tuple[dict[str, str | None], ...]


def _curie(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def show(store: GraphStore, ref: str) -> NodeReport:
    info = resolve_reference(store, ref)
    rows = select_rows(store, f"""
        SELECT ?p ?o ?olabel ?file WHERE {{
          GRAPH ?g {{ <{info.iri}> ?p ?o }}
          OPTIONAL {{ ?o skos:prefLabel|eli:title ?olabel }}
          OPTIONAL {{ GRAPH ?g {{ ?src a kg:SourceFile ; kg:fileName ?file }} }}
        }}""")
    grouped: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        value = r["olabel"] or r["o"] or ""
        files = grouped[(_curie(r["p"] or ""), value)]
        files.add(r["file"] or "(corpus)")
    statements = tuple(Statement(p, v, tuple(sorted(f))) for (p, v), f in sorted(grouped.items()))
    evidence = select_rows(store, f"""
        SELECT ?aspect ?quote ?start ?end WHERE {{
          <{info.iri}> kg:statedBy ?fact . ?fact kg:aspect ?aspect ;
            prov:wasDerivedFrom ?span . ?span prov:value ?quote ; oa:hasSelector ?p . ?p oa:start ?start ; oa:end ?end
        }}""")
    return NodeReport(
        info=info,
        statements=statements,
        cited_by=tuple(_citation_edges(store, info.iri, "in")),
        cites=tuple(_citation_edges(store, info.iri, "out")),
        title_relations=tuple(_title_edges(store, info.iri, "in") + _title_edges(store, info.iri, "out")),
        evidence=tuple(evidence),
    )


def render(report: NodeReport) -> str:
    info = report.info
    out = [info.label(), f"  <{info.iri}>"]
    if report.statements:
        out.append("statements (and the files that state them):")
        out += [f"  {s.predicate:<24} {s.value}   [{', '.join(s.files)}]" for s in report.statements]
    if report.evidence:
        out.append("where the document says so:")
        out += [f"  {e['aspect']:<8} @{e['start']}–{e['end']} “{e['quote']}”" for e in report.evidence]
    for title, edges in (("cited by:", report.cited_by), ("cites:", report.cites)):
        if edges:
            out.append(title)
            for e in edges:
                other = e["other"] or ""
                quote = (e.get("quote") or "").replace("\n", " ")
                out.append(f"  {(e['kind'] or '').rsplit('/', 1)[-1].rsplit('#', 1)[-1]:<16} <{other}>")
                out.append(f"    {e['file']} @{e.get('start')}–{e.get('end')} “{quote[:100]}”")
    if report.title_relations:
        out.append("relations read from titles:")
        out += [f"  {e['kind']:<12} <{e['other']}>  «{e.get('quote')}»" for e in report.title_relations]
    return "\n".join(out)


def to_json(report: NodeReport) -> dict[str, Any]:
    return {
        "iri": report.info.iri, "title": report.info.title, "docNumber": report.info.number,
        "issuer": report.info.issuer, "region": report.info.region, "level": report.info.level,
        "statements": [s.__dict__ for s in report.statements],
        "evidence": list(report.evidence), "citedBy": list(report.cited_by), "cites": list(report.cites),
        "titleRelations": list(report.title_relations),
    }
