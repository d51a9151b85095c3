"""A store behind any SPARQL 1.1 server: queries over the SPARQL Protocol, writes as SPARQL Update.

It offers what ingest and the queries need from `KGStore` (file state, atomic graph
replacement, queries, the vocabulary), so `kg ingest --endpoint URL` and
`kg query --endpoint URL` work against Oxigraph, Fuseki, GraphDB or Virtuoso alike. Each file's
graph is replaced by one Update request (DROP + INSERT DATA), atomic on servers that run a
request as one transaction (Oxigraph, Fuseki with TDB2, GraphDB).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path

from pyoxigraph import Literal, QueryResultsFormat, RdfFormat, parse, parse_query_results, serialize

from .namespaces import KG
from .rdf import DocumentGraph
from .store import FileState, KGStore, StoreError, default_store_path

_CHUNK = 20_000  # triples per INSERT DATA request when loading the vocabulary


def update_url_for(query_url: str) -> str:
    """Oxigraph serves /query and /update; Fuseki /ds/sparql (or /ds/query) and /ds/update."""
    for suffix in ("/query", "/sparql"):
        if query_url.rstrip("/").endswith(suffix):
            return query_url.rstrip("/")[: -len(suffix)] + "/update"
    return query_url.rstrip("/") + "/update"


class RemoteStore:
    supports_queries = True

    def __init__(self, endpoint: str, update_endpoint: str | None = None, *, timeout: float = 120.0,
                 union_parameter: bool = True) -> None:
        base = endpoint.rstrip("/")
        self.query_url = base if base.endswith(("/query", "/sparql")) else base + "/query"
        self.update_url = update_endpoint or update_url_for(self.query_url)
        self.path = Path(self.query_url)  # for messages
        self.timeout = timeout
        self.union_parameter = union_parameter

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def close(self) -> None:
        return None

    # ------------------------------------------------------------ HTTP

    def _post(self, url: str, body: bytes, content_type: str, accept: str) -> bytes:
        request = urllib.request.Request(url, data=body, method="POST",
                                         headers={"Content-Type": content_type, "Accept": accept})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return bytes(response.read())
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace")[:300]
            raise StoreError(f"{url} answered {exc.code}: {detail}") from exc
        except (urllib.error.URLError, OSError) as exc:
            raise StoreError(f"cannot reach the SPARQL endpoint {url} ({exc})") from exc

    def query(self, sparql: str, **_: object) -> object:
        url = self.query_url + ("?union-default-graph" if self.union_parameter else "")
        head = sparql.upper().split("WHERE")[0]
        is_graph = "CONSTRUCT" in head or "DESCRIBE" in head
        accept = "application/n-triples" if is_graph else "application/sparql-results+json"
        data = self._post(url, sparql.encode("utf-8"), "application/sparql-query", accept)
        if is_graph:
            return iter(list(parse(data, format=RdfFormat.N_TRIPLES)))
        return parse_query_results(data, format=QueryResultsFormat.JSON)

    def update(self, sparql: str) -> None:
        self._post(self.update_url, sparql.encode("utf-8"), "application/sparql-update", "*/*")

    # ------------------------------------------------------------ what ingest needs

    def file_state(self, path: str) -> FileState | None:
        from .query import select_rows

        rows = select_rows(self, f"SELECT ?g ?sha ?mv WHERE {{ VALUES ?p {{ {Literal(path)} }} "
                                 "GRAPH ?g { ?s a kg:SourceFile ; kg:path ?p ; kg:sha256 ?sha } "
                                 "OPTIONAL { GRAPH ?g { ?s kg:mappingVersion ?mv } } } LIMIT 1")
        return FileState(rows[0]["g"] or "", rows[0]["sha"] or "", rows[0]["mv"] or "") if rows else None

    def replace_graph(self, doc: DocumentGraph) -> None:
        self.replace_graph_body(doc.graph.value, doc.text)

    def add_graphs(self, docs: Sequence[DocumentGraph]) -> None:
        for doc in docs:
            self.replace_graph(doc)

    def load_derived_graph(self, graph: str, lines: Sequence[str]) -> None:
        self.replace_graph_body(graph, "".join(lines))

    def replace_graph_body(self, graph: str, ntriples: str) -> None:
        self.update(f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{ntriples}\n}} }}")

    def remove_file(self, path: str) -> bool:
        state = self.file_state(path)
        if state is None:
            return False
        self.update(f"DROP SILENT GRAPH <{state.graph}>")
        return True

    def ensure_vocabulary(self) -> bool:
        from .query import select_rows
        from .vocabulary import VOCAB_GRAPH, vocabulary_fingerprint, vocabulary_quads

        fingerprint = vocabulary_fingerprint()
        rows = select_rows(self, f"ASK {{ GRAPH <{VOCAB_GRAPH.value}> {{ <{VOCAB_GRAPH.value}> <{KG}fingerprint> "
                                 f"{Literal(fingerprint)} }} }}")
        if rows and rows[0].get("result") == "true":
            return False
        self.update(f"DROP SILENT GRAPH <{VOCAB_GRAPH.value}>")
        triples = [q.triple for q in vocabulary_quads()]
        for i in range(0, len(triples), _CHUNK):
            body = (serialize(triples[i : i + _CHUNK], format=RdfFormat.N_TRIPLES) or b"").decode("utf-8")
            self.update(f"INSERT DATA {{ GRAPH <{VOCAB_GRAPH.value}> {{\n{body}\n}} }}")
        self.update(f"INSERT DATA {{ GRAPH <{VOCAB_GRAPH.value}> {{ <{VOCAB_GRAPH.value}> <{KG}fingerprint> "
                    f"{Literal(fingerprint)} }} }}")
        return True

    def checkpoint(self) -> None:
        return None

    def optimize(self) -> None:
        return None  # the server or the bulk loader that reads the shards manages its own storage

    def __len__(self) -> int:
        from .query import select_rows

        rows = select_rows(self, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"] or 0) if rows else 0



def open_graph_store(store: Path | None, endpoint: str | None, update_endpoint: str | None = None, *,
                     read_only: bool = False) -> KGStore | RemoteStore:
    """The embedded store at `store` (default path when None), or the SPARQL server at `endpoint`."""
    if endpoint is not None:
        if store is not None:
            raise StoreError("give either --store or --endpoint, not both")
        return RemoteStore(endpoint, update_endpoint)
    return KGStore(store or default_store_path(), read_only=read_only)
