"""Stage 5: the embedded Oxigraph store, one named graph per source file.

Replacing a file's graph is one SPARQL Update (DROP + INSERT DATA), which Oxigraph applies in a
single transaction: a reader never sees half a document, and a crash leaves the old graph.
Graphs of files new to the store take the bulk loader instead (four times faster here, but not
transactional): their names are first recorded in a journal graph in one transaction and struck off
once loaded, and opening the store for writing drops any graph still in the journal, so a killed
ingest never leaves half a document behind.
Corpus-level facts (title conflicts between files) live in their own graph and are recomputed
from the per-file graphs after every change, so removing a file never leaves them stale.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, RdfFormat, Store

from .namespaces import KG, instance, sparql_prefixes
from .rdf import DocumentGraph

DEFAULT_STORE = "kg-store"
STORE_ENV = "KG_STORE"
JOURNAL_FILE = "kg-loading.journal"  # in the store's folder: the graphs a bulk load is writing
JOURNAL_GRAPH = instance("graph", "journal")  # where earlier versions of kg kept that list
DERIVED_CHUNK_LINES = 10_000  # triples of a derived graph given to one bulk load (bounds its buffers)
_LOADING = NamedNode(KG + "loading")


class StoreError(Exception):
    """A store problem, worded for the person at the terminal."""


def default_store_path() -> Path:
    return Path(os.environ.get(STORE_ENV, DEFAULT_STORE))


@dataclass(frozen=True)
class FileState:
    graph: str
    sha256: str
    mapping_version: str = ""  # the MAPPING_VERSION the file's graph was written with; "" before there was one


class GraphStore(Protocol):
    """What ingest, the queries and the audit need: the embedded store or a remote SPARQL server."""

    path: Path
    supports_queries: bool

    def query(self, sparql: str) -> object: ...
    def update(self, sparql: str) -> None: ...
    def file_state(self, path: str) -> FileState | None: ...
    def replace_graph(self, doc: DocumentGraph) -> None: ...
    def add_graphs(self, docs: Sequence[DocumentGraph]) -> None: ...
    def replace_graph_body(self, graph: str, ntriples: str) -> None: ...
    def load_derived_graph(self, graph: str, lines: Sequence[str]) -> None: ...
    def remove_file(self, path: str) -> bool: ...
    def ensure_vocabulary(self) -> bool: ...
    def checkpoint(self) -> None: ...
    def optimize(self) -> None: ...
    def __len__(self) -> int: ...


@functools.cache
def _limit_malloc_arenas() -> None:
    """Two malloc arenas instead of glibc's eight per core. RocksDB's and the bulk loader's threads
    each take an arena of their own and keep what they freed: at 1,000 documents the ingest's peak
    memory was 576 MB with the default and 377 MB with two, at the same speed."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(_M_ARENA_MAX, 2)
    except (OSError, AttributeError):
        pass  # not glibc: its allocator has its own policy


_M_ARENA_MAX = -8  # mallopt parameter, from glibc's malloc.h


class KGStore:
    """An open knowledge-graph store. Use as a context manager, or call `close()`."""

    supports_queries = True

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False,
                 create: bool = True) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path} (run `kg ingest PATH --store {self.path}` first)")
        if not create and not self.path.exists():
            raise StoreError(f"no store at {self.path}")
        _limit_malloc_arenas()
        try:
            self._store = Store.read_only(str(self.path)) if read_only else Store(str(self.path))
        except OSError as exc:
            message = str(exc)
            if "lock" in message.lower():
                raise StoreError(f"store {self.path} is in use by another process (is `kg serve` or another "
                                 f"`kg ingest` running?)") from exc
            raise StoreError(f"cannot open store {self.path}: {message}") from exc
        if not read_only:
            self.roll_back_unfinished_loads()

    def __enter__(self) -> KGStore:
        return self

    def checkpoint(self) -> None:
        """Close and reopen the database: RocksDB's write buffers are flushed and their memory given
        back, which keeps a long ingest's memory flat instead of growing with every file."""
        if self.read_only:
            return
        self._store.flush()
        del self._store
        gc.collect()
        self._store = Store(str(self.path))
        self.roll_back_unfinished_loads()

    def optimize(self) -> None:
        """Compact the database (RocksDB merges the files the bulk loads left): slower to write, but
        reads no longer look into every file a load added."""
        if not self.read_only:
            self._store.optimize()

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if hasattr(self, "_store"):
            if not self.read_only:
                self._store.flush()
            del self._store

    @property
    def raw(self) -> Store:
        return self._store

    # ------------------------------------------------------------ files

    def file_state(self, path: str) -> FileState | None:
        q = sparql_prefixes() + (
            # the path goes in as an N-Triples literal, escaped by pyoxigraph, never pasted raw
            f"SELECT ?g ?sha ?mv WHERE {{ VALUES ?p {{ {Literal(path)} }} "
            # the OPTIONAL outside the file's pattern: inside, it was evaluated over every file first
            "GRAPH ?g { ?s a kg:SourceFile ; kg:path ?p ; kg:sha256 ?sha } "
            "OPTIONAL { GRAPH ?g { ?s kg:mappingVersion ?mv } } } LIMIT 1"
        )
        for row in self._query(q):
            version = row["mv"]
            return FileState(row["g"].value, row["sha"].value, version.value if version is not None else "")
        return None

    def replace_graph(self, doc: DocumentGraph) -> None:
        """Atomically replace the named graph of `doc.path` with `doc`'s triples."""
        self.replace_graph_body(doc.graph.value, doc.text)

    def add_graphs(self, docs: Sequence[DocumentGraph]) -> None:
        """Bulk-load the graphs of files that are not in the store yet, under the journal's watch."""
        # one load for the batch: every bulk load leaves a set of files for RocksDB to compact, and
        # one per document made thousands of them. TriG takes the N-Triples of each graph as it is.
        trig = b"".join(b"GRAPH <%s> {\n%s}\n" % (doc.graph.value.encode(), doc.ntriples) for doc in docs)
        self._load_under_journal([doc.graph.value for doc in docs], [trig])

    def load_derived_graph(self, graph: str, lines: Sequence[str]) -> None:
        """Replace a graph computed from the others (the corpus graph) with these N-Triples lines.
        Bulk-loaded, not one transaction, whose memory grows with the corpus, and in chunks, since the
        loader buffers what one call gives it: if the load is cut short, the next writable open drops
        the half graph, and the ingest or `kg refresh` that opened the store recomputes it."""
        chunks = (f"GRAPH <{graph}> {{\n{''.join(lines[i : i + DERIVED_CHUNK_LINES])}}}\n"
                  for i in range(0, len(lines), DERIVED_CHUNK_LINES))
        self._load_under_journal([graph], chunks)

    def _load_under_journal(self, names: Sequence[str], trig_chunks: Iterable[str | bytes]) -> None:
        if not names:
            return
        # The journal is a file, not quads: a write into the store right after a bulk load waited for
        # RocksDB to take in the load's files, and took a ninth of a 1,000-document ingest.
        journal = self.path / JOURNAL_FILE
        with journal.open("w", encoding="utf-8") as handle:
            handle.write("".join(f"{name}\n" for name in names))
            handle.flush()
            os.fsync(handle.fileno())  # on disk before the first quad of the load is
        # a leftover graph of the same name would be merged into, not replaced: drop it first
        self.update("".join(f"DROP SILENT GRAPH <{name}> ;\n" for name in names).removesuffix(" ;\n"))
        # our own IRIs are percent-encoded and our literals escaped: the loader's checks add nothing
        for trig in trig_chunks:
            self._store.bulk_load(trig, RdfFormat.TRIG, lenient=True)
        # a bulk load's files are on disk, and in RocksDB's manifest, once it returns
        journal.unlink()

    def roll_back_unfinished_loads(self) -> list[str]:
        """Drop the graphs of an interrupted bulk load (still in the journal); their names."""
        journal = self.path / JOURNAL_FILE
        pending = journal.read_text(encoding="utf-8").split() if journal.exists() else []
        legacy = [q.subject.value for q in self._store.quads_for_pattern(None, _LOADING, None, JOURNAL_GRAPH)
                  if isinstance(q.subject, NamedNode)]
        if pending or legacy:
            drops = "".join(f"DROP SILENT GRAPH <{graph}> ;\n" for graph in pending + legacy)
            self.update(f"{drops}DROP SILENT GRAPH <{JOURNAL_GRAPH.value}>")
        journal.unlink(missing_ok=True)
        return pending + legacy

    def replace_graph_body(self, graph: str, ntriples: str) -> None:
        """DROP and INSERT DATA in one SPARQL Update, which Oxigraph runs as one transaction."""
        self.update(f"DROP SILENT GRAPH <{graph}> ;\nINSERT DATA {{ GRAPH <{graph}> {{\n{ntriples}\n}} }}")

    def update(self, sparql: str) -> None:
        self._store.update(sparql)

    def remove_file(self, path: str) -> bool:
        state = self.file_state(path)
        if state is None:
            return False
        self._store.update(f"DROP SILENT GRAPH <{state.graph}>")
        return True

    def files(self) -> list[tuple[str, str, str]]:
        q = sparql_prefixes() + (
            "SELECT ?p ?name ?sha WHERE { GRAPH ?g { ?s a kg:SourceFile ; kg:path ?p ; kg:fileName ?name ; "
            "kg:sha256 ?sha } } ORDER BY ?p"
        )
        return [(r["p"].value, r["name"].value, r["sha"].value) for r in self._query(q)]

    # ------------------------------------------------------------ vocabulary graph

    def ensure_vocabulary(self) -> bool:
        """Load the indicator scheme, audit rules, regions and ontology when they changed; True if loaded."""
        from .vocabulary import VOCAB_GRAPH, vocabulary_fingerprint, vocabulary_quads

        fingerprint = vocabulary_fingerprint()
        marker = NamedNode(KG + "fingerprint")
        stored = self._store.quads_for_pattern(VOCAB_GRAPH, marker, None, VOCAB_GRAPH)
        if any(isinstance(q.object, Literal) and q.object.value == fingerprint for q in stored):
            return False
        self._store.remove_graph(VOCAB_GRAPH)
        quads = vocabulary_quads()
        quads.append(Quad(VOCAB_GRAPH, marker, Literal(fingerprint), VOCAB_GRAPH))
        self._store.extend(quads)
        return True

    # ------------------------------------------------------------ reading

    def _query(self, sparql: str) -> QuerySolutions:
        result = self._store.query(sparql, use_default_graph_as_union=True)
        assert isinstance(result, QuerySolutions)
        return result

    def query(self, sparql: str) -> object:
        return self._store.query(sparql, use_default_graph_as_union=True)

    def __len__(self) -> int:
        return len(self._store)

