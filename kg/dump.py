"""Writing the store, or one source file's graph, in a standard RDF syntax."""

from __future__ import annotations

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store

from .namespaces import PREFIXES
from .query import select_rows
from .store import KGStore, StoreError

FORMATS = {"nquads": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG, "turtle": RdfFormat.TURTLE,
           "jsonld": RdfFormat.JSON_LD}


def graph_of_file(store: KGStore, name: str) -> NamedNode:
    """The named graph of an ingested file, by base name or path."""
    rows = select_rows(store, """
        SELECT DISTINCT ?g ?name ?path WHERE { GRAPH ?g { ?s a kg:SourceFile ; kg:fileName ?name ; kg:path ?path } }""")
    matches = [r for r in rows if name in (r["name"], r["path"])]
    if not matches:
        raise StoreError(f"no ingested file named {name} (see `kg query -e 'SELECT ?f WHERE {{ ?s kg:fileName ?f }}'`)")
    if len(matches) > 1:
        raise StoreError(f"{name} names {len(matches)} ingested files; give the full path")
    return NamedNode(matches[0]["g"] or "")


def dump(store: KGStore, fmt: str, file_name: str | None = None) -> bytes:
    """The whole store (all graphs; Turtle gets their union) or one file's graph, serialized."""
    rdf_format = FORMATS[fmt]
    prefixes = {p: iri for p, iri in PREFIXES.items() if p not in ("rdf", "xsd")}
    if file_name is not None:
        graph = graph_of_file(store, file_name)
        data = store.raw.dump(format=rdf_format, from_graph=graph, prefixes=prefixes) \
            if not rdf_format.supports_datasets else _one_graph(store, graph, rdf_format)
        return data or b""
    if rdf_format.supports_datasets:
        return store.raw.dump(format=rdf_format, prefixes=prefixes) or b""
    # Turtle has no named graphs: write the union of all graphs
    union = Store()
    union.extend(Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in store.raw)
    return union.dump(format=rdf_format, from_graph=DefaultGraph(), prefixes=prefixes) or b""


def _one_graph(store: KGStore, graph: NamedNode, rdf_format: RdfFormat) -> bytes:
    single = Store()
    single.extend(store.raw.quads_for_pattern(None, None, None, graph))
    return single.dump(format=rdf_format) or b""
