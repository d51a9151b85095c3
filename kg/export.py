"""Projections of the graph for graph tools: Gephi (GEXF, GraphML), yEd (GraphML), Cytoscape
(cytoscape.js JSON), Graphviz (DOT), node-link JSON, and one self-contained offline HTML view.

Each view is built with networkx from SPARQL results; node ids are the IRIs, and every node
carries its label, kind, region level, year, in-degree and PageRank.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from .query import select_rows
from .store import GraphStore

VIEWS = ("citations", "agencies", "policies", "full")
FORMATS = ("graphml", "gexf", "cytoscape", "json", "dot", "html")

_DOCUMENTS = """
SELECT ?d (SAMPLE(?t) AS ?title) (SAMPLE(?n) AS ?number) (SAMPLE(?y) AS ?year) (SAMPLE(?type) AS ?kind)
       (SAMPLE(?rl) AS ?region) (SAMPLE(?lv) AS ?level) (SAMPLE(?f) AS ?file)
WHERE {
  { ?c kg:citingDocument ?d } UNION { ?c kg:citedDocument ?d }
  UNION { ?d kg:sourceFile ?s0 FILTER NOT EXISTS { ?d a kg:Citation } }
  UNION { ?r kg:relationSource ?d } UNION { ?r kg:relationTarget ?d }
  OPTIONAL { ?d eli:title ?t } OPTIONAL { ?d eli:id_local ?n } OPTIONAL { ?d kg:year ?y }
  OPTIONAL { ?d a ?type FILTER (?type IN (kg:AnnualReport, kg:WorkPlan, kg:Notice, kg:Document)) }
  OPTIONAL { ?d kg:region|kg:jurisdiction|eli:passed_by/kg:region ?reg . ?reg skos:prefLabel ?rl ; kg:level ?lv }
  OPTIONAL { ?d kg:sourceFile/kg:fileName ?f FILTER NOT EXISTS { ?d a kg:Citation } }
}
GROUP BY ?d
"""

_CITATIONS = """
SELECT ?a ?b ?kind (COUNT(DISTINCT ?c) AS ?weight) (SAMPLE(?q) AS ?quote) WHERE {
  ?c a kg:Citation ; kg:citingDocument ?a ; kg:citedDocument ?b ; kg:citationKind ?k .
  OPTIONAL { ?c kg:sentence/prov:value ?q }
  BIND (REPLACE(STR(?k), "^.*[#/]", "") AS ?kind)
} GROUP BY ?a ?b ?kind
"""

_TITLE_RELATIONS = """
SELECT DISTINCT ?a ?b ?kind ?quote WHERE {
  ?r a kg:TitleRelation ; kg:relationSource ?a ; kg:relationTarget ?b ; kg:relationKind ?kind .
  OPTIONAL { ?r kg:readFromTitle ?quote }
}
"""

_SAME_WORK = "SELECT DISTINCT ?a ?b WHERE { ?a kg:sameWorkAs ?b }"

_AGENCIES = """
SELECT DISTINCT ?d ?agency ?name ?region ?level WHERE {
  ?d eli:passed_by|kg:coIssuedBy ?agency . ?agency skos:prefLabel ?name .
  OPTIONAL { ?agency kg:region ?r . ?r skos:prefLabel ?region ; kg:level ?level }
}
"""

_REGIONS = """
SELECT DISTINCT ?r ?name ?level ?parent WHERE {
  { ?x kg:region ?r } UNION { ?x kg:jurisdiction ?r }
  ?r skos:prefLabel ?name ; kg:level ?level .
  OPTIONAL { ?r skos:broader ?parent }
}
"""

_TASKS = """
SELECT DISTINCT ?task ?text ?path ?deadline ?agency ?name ?role ?plan WHERE {
  ?asg a kg:Assignment ; kg:task ?task ; kg:agency ?agency ; kg:role ?role .
  ?agency skos:prefLabel ?name .
  ?task kg:text ?text ; kg:sectionPath ?path ; kg:inPlan ?plan .
  OPTIONAL { ?task kg:deadline ?deadline }
}
"""

_POLICIES = """
SELECT DISTINCT ?d ?policy ?name ?scheme WHERE {
  ?d kg:about ?policy ; kg:sourceFile ?src . ?policy skos:prefLabel ?name .
  FILTER NOT EXISTS { ?d a kg:Citation }
  OPTIONAL { ?policy skos:inScheme/skos:prefLabel ?scheme }
}
"""


def _add_documents(store: GraphStore, g: nx.DiGraph) -> None:
    for r in select_rows(store, _DOCUMENTS):
        iri = r["d"] or ""
        label = r["title"] or r["number"] or iri.rsplit("/", 1)[-1]
        g.add_node(iri, label=label, kind=(r["kind"] or "").rsplit("#", 1)[-1] or "CitedDocument",
                   docNumber=r["number"], year=r["year"], region=r["region"], level=r["level"], file=r["file"])


def citation_graph(store: GraphStore) -> nx.DiGraph:
    g = nx.DiGraph()
    _add_documents(store, g)
    for r in select_rows(store, _CITATIONS):
        _edge(g, r["a"], r["b"], kind=r["kind"], weight=int(r["weight"] or 1), quote=r["quote"])
    for r in select_rows(store, _TITLE_RELATIONS):
        _edge(g, r["a"], r["b"], kind=r["kind"], weight=1, quote=r["quote"], via="title")
    for r in select_rows(store, _SAME_WORK):
        _edge(g, r["a"], r["b"], kind="sameWorkAs", weight=1)
    return g


def agency_graph(store: GraphStore) -> nx.DiGraph:
    g = nx.DiGraph()
    _add_documents(store, g)
    keep: set[str] = set()
    _attach(g, select_rows(store, _AGENCIES), "agency", "Agency", "issuedBy", keep, region="region", level="level")
    for r in select_rows(store, _TASKS):
        task, agency = r["task"] or "", r["agency"] or ""
        g.add_node(task, label=r["text"], kind="Task", path=r["path"], deadline=r["deadline"])
        if not g.has_node(agency):
            g.add_node(agency, label=r["name"], kind="Agency")
        _edge(g, agency, task, kind=r["role"], weight=1)
        _edge(g, task, r["plan"], kind="inPlan", weight=1)
        keep.update({task, agency, r["plan"] or ""})
    return g.subgraph(keep).copy()


def policy_graph(store: GraphStore) -> nx.DiGraph:
    g = nx.DiGraph()
    _add_documents(store, g)
    keep: set[str] = set()
    _attach(g, select_rows(store, _POLICIES), "policy", "Policy", "about", keep, scheme="scheme")
    return g.subgraph(keep).copy()


def _attach(g: nx.DiGraph, rows: list[dict[str, str | None]], key: str, kind: str, edge_kind: str,
            keep: set[str], **attributes: str) -> None:
    """Add the nodes named by `key` in `rows` and an edge to each from the document ?d of its row."""
    for r in rows:
        node = r[key] or ""
        g.add_node(node, label=r["name"], kind=kind, **{a: r[column] for a, column in attributes.items()})
        _edge(g, r["d"], node, kind=edge_kind, weight=1)
        keep.update({node, r["d"] or ""})


def full_graph(store: GraphStore) -> nx.DiGraph:
    g = nx.compose_all([citation_graph(store), agency_graph(store), policy_graph(store)])
    for r in select_rows(store, _REGIONS):
        region = r["r"] or ""
        g.add_node(region, label=r["name"], kind="Region", level=r["level"])
        if r["parent"]:
            _edge(g, region, r["parent"], kind="broader", weight=1)
    for r in select_rows(store, "SELECT DISTINCT ?x ?r WHERE { ?x kg:region ?r }"):
        if g.has_node(r["x"] or ""):
            _edge(g, r["x"], r["r"], kind="inRegion", weight=1)
    return g


def _edge(g: nx.DiGraph, a: str | None, b: str | None, **attrs: Any) -> None:
    if a and b and a != b:
        for n in (a, b):
            if not g.has_node(n):
                g.add_node(n, label=n.rsplit("/", 1)[-1], kind="Other")
        g.add_edge(a, b, **{k: v for k, v in attrs.items() if v is not None})


BUILDERS: dict[str, Callable[[GraphStore], nx.DiGraph]] = {
    "citations": citation_graph, "agencies": agency_graph, "policies": policy_graph, "full": full_graph,
}


def build_view(store: GraphStore, view: str) -> nx.DiGraph:
    """The networkx graph of a view, with in-degree and PageRank computed on every node."""
    g = BUILDERS[view](store)
    rank = nx.pagerank(g) if g.number_of_nodes() else {}
    for node in g.nodes:
        g.nodes[node]["in_degree"] = g.in_degree(node)
        g.nodes[node]["pagerank"] = round(float(rank.get(node, 0.0)), 6)
    return g


def _clean(g: nx.DiGraph) -> nx.DiGraph:
    """GraphML and GEXF take strings and numbers only: drop missing values, stringify the rest."""
    h = nx.DiGraph()
    for n, data in g.nodes(data=True):
        h.add_node(n, **{k: (v if isinstance(v, int | float) else str(v)) for k, v in data.items() if v is not None})
    for a, b, data in g.edges(data=True):
        h.add_edge(a, b, **{k: (v if isinstance(v, int | float) else str(v)) for k, v in data.items() if v is not None})
    return h


def to_dot(g: nx.DiGraph) -> str:
    def q(value: object) -> str:
        return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'

    lines = ["digraph kg {", "  rankdir=LR;", "  node [shape=box, fontname=\"Noto Sans CJK SC\"];"]
    for n, data in g.nodes(data=True):
        lines.append(f"  {q(n)} [label={q(data.get('label', n))}, kind={q(data.get('kind', ''))}];")
    for a, b, data in g.edges(data=True):
        lines.append(f"  {q(a)} -> {q(b)} [label={q(data.get('kind', ''))}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def serialize_view(g: nx.DiGraph, fmt: str, *, title: str = "kg") -> bytes:
    if fmt == "graphml":
        buffer = io.BytesIO()
        nx.write_graphml(_clean(g), buffer, encoding="utf-8")
        return buffer.getvalue()
    if fmt == "gexf":
        buffer = io.BytesIO()
        nx.write_gexf(_clean(g), buffer, encoding="utf-8")
        return buffer.getvalue()
    if fmt == "cytoscape":
        return json.dumps(nx.cytoscape_data(g), ensure_ascii=False, indent=1).encode("utf-8")
    if fmt == "json":
        return json.dumps(nx.node_link_data(g, edges="links"), ensure_ascii=False, indent=1).encode("utf-8")
    if fmt == "dot":
        return to_dot(g).encode("utf-8")
    if fmt == "html":
        from .html_view import render_html

        return render_html(g, title=title).encode("utf-8")
    raise ValueError(f"unknown format {fmt}")


def export(store: GraphStore, view: str, fmt: str, output: Path | None) -> bytes:
    data = serialize_view(build_view(store, view), fmt, title=f"kg — {view}")
    if output is not None:
        output.write_bytes(data)
    return data
