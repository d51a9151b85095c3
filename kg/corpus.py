"""Facts that need more than one file, recomputed into the corpus graph after every ingest.

- One title under two numbers (桂办发〔2016〕39号 and 桂办发〔2016〕9号): a `kg:TitleNumberConflict`
  per title, `kg:conflictOf` each document that carries it.
- Relations read from titles: `关于贯彻落实X的通知` implements X, `关于转发X的通知` forwards X,
  `关于印发X的通知` issues X — resolved to X's node by title (and by issuer when the title names
  one), so an implementation chain national → provincial → city can be followed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode

from . import patterns as P
from .namespaces import CORPUS_GRAPH, KG, RDF, digest, instance
from .query import iter_rows, select_rows
from .resolve import title_key
from .store import GraphStore

RELATION_PROPERTY = {"implements": KG + "implements", "forwards": KG + "forwards", "issues": KG + "issues"}


@dataclass(frozen=True)
class TitleRelation:
    source: str  # IRI of the document whose title states the relation
    target: str
    kind: str  # implements | forwards | issues
    title: str  # the title it was read from


def title_relation(title: str) -> tuple[str, str | None, str] | None:
    """(kind, issuer named in the title or None, target title) for '…关于贯彻落实X的通知'."""
    m = P.TITLE_RELATION.search(title)
    if not m:
        return None
    kind = {"印发": "issues", "转发": "forwards"}.get(m.group("verb"), "implements")
    rest = m.group("rest").strip("《》〈〉<> ")
    issuer = None
    named = P.ISSUER_AT_START.match(rest)
    if named and len(rest) > named.end() + 2:
        issuer, rest = named.group("issuer"), rest[named.end() :]
    return kind, issuer, rest.strip("《》〈〉<> ")


_Documents = dict[str, tuple[set[str], set[str]]]  # document IRI → (titles, issuer labels)


def _documents(store: GraphStore) -> _Documents:
    # plain scans, each inside one graph, joined and deduplicated here: an OPTIONAL issuer outside
    # GRAPH ?g joins every file's copy of the issuer's description and took minutes at 1,000 documents,
    # and FILTER NOT EXISTS or DISTINCT made the title scan 3.6 times slower and 30 MB heavier
    inferred = {r["d"] for r in iter_rows(store, "SELECT ?d WHERE { GRAPH ?g { ?d kg:titleInferred true } }")}
    titles = iter_rows(store, "SELECT ?d ?title WHERE { GRAPH ?g { ?d eli:title ?title } }")
    issuers = iter_rows(store, """
        SELECT ?d ?issuer WHERE { GRAPH ?g { ?d eli:passed_by ?agency . ?agency skos:prefLabel ?issuer } }""")
    docs: dict[str, tuple[set[str], set[str]]] = defaultdict(lambda: (set(), set()))
    for r in titles:
        if r["d"] not in inferred:
            docs[r["d"] or ""][0].add(r["title"] or "")
    for r in issuers:
        if r["d"] in docs and r["issuer"]:
            docs[r["d"] or ""][1].add(r["issuer"])
    return dict(docs)


def _issuer_agrees(named: str, issuers: set[str]) -> bool:
    short = re.sub(r"^(自治区|省|市|州|县)", "", named)
    return any(i == named or i.endswith(short) for i in issuers)


def title_relations(store: GraphStore, docs: _Documents | None = None) -> list[TitleRelation]:
    docs = docs if docs is not None else _documents(store)
    by_title: dict[str, set[str]] = defaultdict(set)
    for iri, (titles, _) in docs.items():
        for t in titles:
            by_title[title_key(t)].add(iri)
    out = []
    for iri, (titles, _) in docs.items():
        for t in titles:
            found = title_relation(t)
            if found is None:
                continue
            kind, issuer, target = found
            if kind == "issues":
                continue  # read within the file already (kg:issues), where the issuer is known
            candidates = sorted(by_title.get(title_key(target), set()) - {iri})
            if issuer is not None:
                candidates = [c for c in candidates if _issuer_agrees(issuer, docs[c][1])]
            elif len(candidates) > 1:
                continue  # a bare title such as 2016年政务公开工作要点 names several documents
            out += [TitleRelation(iri, c, kind, t) for c in candidates]
    return out


def same_works(store: GraphStore, docs: _Documents | None = None) -> list[tuple[str, str]]:
    """A document known by title only in one file and by number elsewhere: the same work.

    Only within one scope (id/doc/t/{scope}/… against a number of that jurisdiction), so that a
    generic title is never merged with another region's document.
    """
    docs = docs if docs is not None else _documents(store)
    numbered: dict[tuple[str, str], set[str]] = defaultdict(set)
    for iri, (titles, _) in docs.items():
        if "/doc/no/" in iri:
            jurisdiction = iri.split("/doc/no/", 1)[1].split("/", 1)[0]
            for t in titles:
                numbered[(jurisdiction, title_key(t))].add(iri)
    out = []
    for iri, (titles, _) in docs.items():
        if "/doc/t/" not in iri:
            continue
        scope = iri.split("/doc/t/", 1)[1].split("/", 1)[0]
        for t in titles:
            matches = numbered.get((scope, title_key(t)), set())
            if len(matches) == 1:
                out.append((iri, next(iter(matches))))
    return sorted(set(out))


def _conflicts(store: GraphStore) -> list[tuple[str, list[str]]]:
    """Titles that documents of the corpus carry under more than one number, with those documents.

    Grouped here rather than by a self-join in SPARQL, whose pairs grow with the square of the
    documents that share a title."""
    rows = iter_rows(store, "SELECT ?d ?title ?n WHERE { GRAPH ?g { ?d eli:title ?title ; eli:id_local ?n } }")
    numbers: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for r in rows:
        numbers[r["title"] or ""][r["d"] or ""].add(r["n"] or "")
    return [(title, sorted(docs)) for title, docs in sorted(numbers.items())
            if len(docs) > 1 and len(set().union(*docs.values())) > 1]


def refresh_corpus_graph(store: GraphStore) -> int:
    """Recompute the corpus graph; returns the number of facts written."""
    lines: list[str] = []

    def add(s: NamedNode, p: str, o: NamedNode | Literal) -> None:
        lines.append(f"{s} <{p}> {o} .\n")  # str() of a pyoxigraph term is its N-Triples form

    # the graph names itself: a store whose corpus graph lacks this line lost it to an interrupted load
    add(CORPUS_GRAPH, RDF + "type", NamedNode(KG + "CorpusGraph"))
    conflicts = _conflicts(store)
    for title, documents in conflicts:
        node = instance("conflict", digest(title))
        add(node, RDF + "type", NamedNode(KG + "TitleNumberConflict"))
        add(node, KG + "sharedTitle", Literal(title))
        for d in documents:
            add(node, KG + "conflictOf", NamedNode(d))
    docs = _documents(store)  # read once for both passes: it is every titled document of the corpus
    relations = title_relations(store, docs)
    for rel in relations:
        node, source, target = (instance("relation", digest(f"{rel.source}|{rel.kind}|{rel.target}")),
                                NamedNode(rel.source), NamedNode(rel.target))
        add(source, RELATION_PROPERTY[rel.kind], target)
        add(node, RDF + "type", NamedNode(KG + "TitleRelation"))
        add(node, KG + "relationSource", source)
        add(node, KG + "relationTarget", target)
        add(node, KG + "relationKind", Literal(rel.kind))
        add(node, KG + "readFromTitle", Literal(rel.title))
    merges = same_works(store, docs)
    for t, n in merges:
        add(NamedNode(t), KG + "sameWorkAs", NamedNode(n))
    store.load_derived_graph(CORPUS_GRAPH.value, lines)
    return len(conflicts) + len(relations) + len(merges)


def corpus_graph_present(store: GraphStore) -> bool:
    """Whether the corpus graph was written whole (a load cut short is dropped when the store opens)."""
    rows = select_rows(store, f"ASK {{ GRAPH <{CORPUS_GRAPH.value}> {{ <{CORPUS_GRAPH.value}> a kg:CorpusGraph }} }}")
    return rows == [{"result": "true"}]
