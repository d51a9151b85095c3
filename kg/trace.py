"""Tracing a document through the graph: what cites it, what it cites, and what it implements.

A reference is a 发文字号 (any bracket variant), a title or part of one, or an IRI. Edges come
from citations (each with its citing file, kind, sentence and offsets) and from relations read
from titles (关于贯彻落实X的通知 implements X). Nodes carry the level of the region that issued
them, so the chain national → provincial → prefecture → county can be read off the tree.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from pyoxigraph import Literal

from .docnumbers import normalize_doc_number
from .query import select_rows
from .store import GraphStore, StoreError

LEVELS = {"CN": "national", "province": "provincial", "prefecture": "prefecture", "county": "county"}


class ReferenceError(StoreError):
    """A reference that names nothing, or several things; the message lists candidates."""

    def __init__(self, message: str, candidates: tuple[NodeInfo, ...] = ()) -> None:
        super().__init__(message)
        self.candidates = candidates


@dataclass(frozen=True)
class NodeInfo:
    iri: str
    title: str | None
    number: str | None
    issuer: str | None
    region: str | None
    level: str | None
    kinds: tuple[str, ...] = ()

    def label(self) -> str:
        parts = [self.number or "", f"《{self.title}》" if self.title else ""]
        text = " ".join(p for p in parts if p) or self.iri
        extra = " · ".join(p for p in (self.issuer, self.level) if p)
        return f"{text} [{extra}]" if extra else text


@dataclass(frozen=True)
class Edge:
    direction: str  # in | out
    kind: str  # cites | citesAsAuthority | implements | issues | forwards
    via: str  # citation | title
    node: TraceNode
    file: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class TraceNode:
    info: NodeInfo
    edges: tuple[Edge, ...] = field(default_factory=tuple)


def _lit(value: str) -> str:
    return str(Literal(value))  # N-Triples escaping: user text never pasted raw into SPARQL


def node_info(store: GraphStore, iri: str) -> NodeInfo:
    rows = select_rows(store, f"""
        SELECT ?title ?number ?issuer ?region ?level ?type WHERE {{
          VALUES ?n {{ <{iri}> }}
          OPTIONAL {{ ?n eli:title ?title }}
          OPTIONAL {{ ?n eli:id_local ?number }}
          OPTIONAL {{ ?n eli:passed_by/skos:prefLabel ?issuer }}
          OPTIONAL {{ ?n kg:region|kg:jurisdiction|eli:passed_by/kg:region ?r .
                     ?r skos:prefLabel ?region ; kg:level ?level }}
          OPTIONAL {{ ?n a ?type }}
        }}""")

    def pick(key: str) -> str | None:
        values = sorted({v for r in rows if (v := r[key])}, key=lambda v: (-len(v), v))
        return values[0] if values else None

    level = pick("level")
    if level is None and ("/doc/t/CN/" in iri or "/doc/no/CN/" in iri):
        level = "national"
    kinds = tuple(sorted({(r["type"] or "").rsplit("#", 1)[-1] for r in rows if r["type"]}))
    return NodeInfo(iri, pick("title"), pick("number"), pick("issuer"), pick("region"),
                    LEVELS.get(level or "", level), kinds)


def _documents_matching(store: GraphStore, ref: str) -> list[str]:
    number = normalize_doc_number(ref)
    if number is not None:
        rows = select_rows(store, f"SELECT DISTINCT ?n WHERE {{ ?n eli:id_local {_lit(number)} }}")
        return [r["n"] or "" for r in rows]
    # an ingested file, by its name or its path: the document it holds (a notice, not the plan it issues)
    rows = select_rows(store, f"SELECT DISTINCT ?n WHERE {{ ?src kg:fileName {_lit(PurePath(ref).name)} ; "
                              f"kg:primaryDocument ?n }}")
    if rows:
        return [r["n"] or "" for r in rows]
    rows = select_rows(store, f"""
        SELECT DISTINCT ?n WHERE {{
          ?n eli:title ?t . FILTER (CONTAINS(STR(?t), {_lit(ref)}))
          FILTER NOT EXISTS {{ ?n kg:sameWorkAs ?other }}
        }}""")
    return [r["n"] or "" for r in rows]


def resolve_reference(store: GraphStore, ref: str) -> NodeInfo:
    """The one node `ref` names. Raises ReferenceError listing candidates or near matches."""
    ref = ref.strip()
    if ref.startswith(("http://", "https://")):
        rows = select_rows(store, f"ASK {{ {{ <{ref}> ?p ?o }} UNION {{ ?s ?p <{ref}> }} }}")
        if rows and rows[0].get("result") == "true":
            return node_info(store, ref)
        raise ReferenceError(f"nothing in the store is called <{ref}>")
    found = _documents_matching(store, ref)
    exact = [iri for iri in found if (node_info(store, iri).title or "") == ref]
    if len(exact) == 1:
        found = exact
    if len(found) == 1:
        return node_info(store, found[0])
    if found:
        candidates = tuple(sorted((node_info(store, iri) for iri in found), key=lambda n: n.label()))
        listing = "\n".join(f"  {c.label()}  <{c.iri}>" for c in candidates[:20])
        raise ReferenceError(f"'{ref}' names {len(found)} documents; be more specific:\n{listing}", candidates)
    raise ReferenceError(f"no document matches '{ref}'" + _suggestions(store, ref))


def _suggestions(store: GraphStore, ref: str) -> str:
    rows = select_rows(store, "SELECT DISTINCT ?v WHERE { { ?n eli:title ?v } UNION { ?n eli:id_local ?v } }")
    names = [r["v"] or "" for r in rows]
    close = difflib.get_close_matches(ref, names, n=5, cutoff=0.4)
    return ("; did you mean: " + ", ".join(close)) if close else ""


def _equivalents(store: GraphStore, iri: str) -> list[str]:
    rows = select_rows(store, f"SELECT DISTINCT ?o WHERE {{ {{ <{iri}> kg:sameWorkAs ?o }} UNION "
                              f"{{ ?o kg:sameWorkAs <{iri}> }} }}")
    return [iri] + [r["o"] or "" for r in rows]


def _citation_edges(store: GraphStore, iri: str, direction: str) -> list[dict[str, str | None]]:
    this, other = ("kg:citedDocument", "kg:citingDocument") if direction == "in" else \
        ("kg:citingDocument", "kg:citedDocument")
    return select_rows(store, f"""
        SELECT DISTINCT ?other ?kind ?file ?quote ?start ?end WHERE {{
          ?c a kg:Citation ; {this} <{iri}> ; {other} ?other ; kg:citationKind ?kind ;
             kg:sourceFile/kg:fileName ?file .
          OPTIONAL {{ ?c kg:sentence/prov:value ?quote }}
          OPTIONAL {{ ?c prov:wasDerivedFrom/oa:hasSelector ?p . ?p oa:start ?start ; oa:end ?end }}
        }} ORDER BY ?file ?start""")


def _title_edges(store: GraphStore, iri: str, direction: str) -> list[dict[str, str | None]]:
    this, other = ("kg:relationTarget", "kg:relationSource") if direction == "in" else \
        ("kg:relationSource", "kg:relationTarget")
    return select_rows(store, f"""
        SELECT DISTINCT ?other ?kind ?quote WHERE {{
          ?r a kg:TitleRelation ; {this} <{iri}> ; {other} ?other ; kg:relationKind ?kind .
          OPTIONAL {{ ?r kg:readFromTitle ?quote }}
        }}""")


def trace(store: GraphStore, ref: str, *, depth: int = 2, direction: str = "both") -> TraceNode:
    """The citation tree around `ref`, `depth` levels in each requested direction."""
    root = resolve_reference(store, ref)
    return _expand(store, root, depth, direction, {root.iri})


def _expand(store: GraphStore, info: NodeInfo, depth: int, direction: str, seen: set[str]) -> TraceNode:
    if depth <= 0:
        return TraceNode(info)
    edges: list[Edge] = []
    directions = ("in", "out") if direction == "both" else (direction,)
    for iri in _equivalents(store, info.iri):
        for d in directions:
            for row in _citation_edges(store, iri, d):
                edges.append(_edge(store, row, d, "citation", depth, d, seen))
            for row in _title_edges(store, iri, d):
                edges.append(_edge(store, row, d, "title", depth, d, seen))
    unique = {(e.direction, e.kind, e.via, e.node.info.iri, e.file, e.start): e for e in edges}
    return TraceNode(info, tuple(unique.values()))


def _edge(store: GraphStore, row: dict[str, str | None], d: str, via: str, depth: int, direction: str,
          seen: set[str]) -> Edge:
    other = row["other"] or ""
    info = node_info(store, other)
    child = TraceNode(info) if other in seen else _expand(store, info, depth - 1, direction, seen | {other})
    return Edge(
        direction=d,
        kind=(row["kind"] or "").rsplit("#", 1)[-1].rsplit("/", 1)[-1],
        via=via,
        node=child,
        file=row.get("file"),
        quote=row.get("quote"),
        start=_int(row.get("start")),
        end=_int(row.get("end")),
    )


def _int(value: str | None) -> int | None:
    return int(value) if value else None


_ARROWS = {"in": "◀", "out": "▶"}
_VERBS = {"in": {"cites": "cited by", "citesAsAuthority": "cited as authority by", "implements": "implemented by",
                 "issues": "issued by", "forwards": "forwarded by"},
          "out": {"cites": "cites", "citesAsAuthority": "cites as authority", "implements": "implements",
                  "issues": "issues", "forwards": "forwards"}}


def render_tree(node: TraceNode) -> str:
    lines = [node.info.label()]
    _render_edges(node, "", lines)
    return "\n".join(lines)


def _render_edges(node: TraceNode, prefix: str, lines: list[str]) -> None:
    for i, edge in enumerate(node.edges):
        last = i == len(node.edges) - 1
        branch, cont = ("└─", "   ") if last else ("├─", "│  ")
        verb = _VERBS[edge.direction].get(edge.kind, edge.kind)
        how = " (from its title)" if edge.via == "title" else ""
        lines.append(f"{prefix}{branch}{_ARROWS[edge.direction]} {verb}{how}: {edge.node.info.label()}")
        if edge.quote:
            where = f"{edge.file} @{edge.start}–{edge.end} " if edge.file else ""
            quote = edge.quote.replace("\n", " ")
            lines.append(f"{prefix}{cont}   {where}“{quote[:120]}{'…' if len(quote) > 120 else ''}”")
        _render_edges(edge.node, prefix + cont, lines)


def to_json(node: TraceNode) -> dict[str, Any]:
    info = node.info
    return {
        "iri": info.iri, "title": info.title, "docNumber": info.number, "issuer": info.issuer,
        "region": info.region, "level": info.level,
        "edges": [
            {"direction": e.direction, "kind": e.kind, "via": e.via, "file": e.file, "quote": e.quote,
             "start": e.start, "end": e.end, "node": to_json(e.node)}
            for e in node.edges
        ],
    }
