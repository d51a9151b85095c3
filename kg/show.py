"""Everything the graph says about one node, grouped, with the file each statement came from; for a plan its
tasks, for a report its figures."""

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
    tasks: tuple[dict[str, str | None], ...] = ()  # a plan's, or the plan's a notice issues
    figures: tuple[dict[str, str | None], ...] = ()  # a report's figures that map onto an indicator


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
    # one label an object: a work cited under two titles (政府信息公开条例, 中华人民共和国政府信息公开条例)
    # is one statement, shown by its fullest title
    labels: dict[str, str] = {}
    for r in rows:
        o, label = r["o"] or "", r["olabel"] or ""
        if len(label) > len(labels.get(o, "")):
            labels[o] = label
    grouped: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in rows:
        o = r["o"] or ""
        files = grouped[(_curie(r["p"] or ""), labels.get(o) or o)]
        files.add(r["file"] or "(corpus)")
    statements = tuple(Statement(p, v, tuple(sorted(f))) for (p, v), f in sorted(grouped.items()))
    evidence = select_rows(store, f"""
        SELECT ?aspect ?quote ?start ?end WHERE {{
          <{info.iri}> kg:statedBy ?fact . ?fact kg:aspect ?aspect ;
            prov:wasDerivedFrom ?span . ?span prov:value ?quote ; oa:hasSelector ?p . ?p oa:start ?start ; oa:end ?end
        }}""")
    tasks = select_rows(store, f"""
        SELECT ?task ?text ?deadline (GROUP_CONCAT(DISTINCT ?who; separator="、") AS ?who) WHERE {{
          <{info.iri}> (eli:has_part|kg:issues)? ?plan . ?task kg:inPlan ?plan ; kg:text ?text .
          OPTIONAL {{ ?task kg:deadline ?deadline }}
          OPTIONAL {{ ?assignment kg:task ?task ; kg:role ?role ; kg:assignedTo ?written .
                     BIND(CONCAT(?written, "（", ?role, "）") AS ?who) }}
        }} GROUP BY ?task ?text ?deadline""")
    tasks.sort(key=lambda t: int((t["task"] or "0").rsplit("/", 1)[-1]))  # the task's offset in its file
    figures = select_rows(store, f"""
        SELECT DISTINCT ?obs ?indicator ?value ?unit ?scope ?quote WHERE {{
          ?dataset kg:reportOf <{info.iri}> . ?obs qb:dataSet ?dataset ; kg:value ?value ; kg:quote ?quote ;
            kg:indicator/skos:notation ?indicator .
          OPTIONAL {{ ?obs sdmx-attribute:unitMeasure ?unit }}
          OPTIONAL {{ ?obs kg:scope/skos:prefLabel ?scope }}
          # a request table's breakdown by applicant shows its 总计 column only, as metrics.rq does
          OPTIONAL {{ ?obs kg:applicantType/skos:prefLabel ?applicant }}
          FILTER (!BOUND(?applicant) || ?applicant = "总计")
        }} ORDER BY ?obs""")
    return NodeReport(
        tasks=tuple(tasks),
        figures=tuple(figures),
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
    if report.tasks:
        out.append(f"tasks ({len(report.tasks)}):")
        for t in report.tasks:
            deadline = f" — {t['deadline']}" if t.get("deadline") else ""
            out.append(f"  {(t['text'] or '').replace(chr(10), ' ')[:60]}{deadline}")
            if t.get("who"):
                out.append(f"    {t['who']}")
    if report.figures:
        out.append(f"figures ({len(report.figures)}):")
        out += [f"  {f['indicator']:<12} {f['value']:>10} {f.get('unit') or '':<3} {f.get('scope') or '':<6} "
                f"“{(f['quote'] or '').replace(chr(10), ' ')[:50]}”" for f in report.figures]
    return "\n".join(out)


def to_json(report: NodeReport) -> dict[str, Any]:
    return {
        "iri": report.info.iri, "title": report.info.title, "docNumber": report.info.number,
        "issuer": report.info.issuer, "region": report.info.region, "level": report.info.level,
        "statements": [s.__dict__ for s in report.statements],
        "evidence": list(report.evidence), "citedBy": list(report.cited_by), "cites": list(report.cites),
        "titleRelations": list(report.title_relations), "tasks": list(report.tasks), "figures": list(report.figures),
    }
