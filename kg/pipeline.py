"""The whole path for a set of files: load → normalize → structure → extract → RDF → store.

A file that fails is reported with its name and the problem; the others are still ingested,
and what was already in the store is untouched (a changed file's graph is replaced atomically;
new files are bulk-loaded in batches that a killed run rolls back, see `store`).
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .audit import LEGACY_AUDIT_GRAPH
from .corpus import corpus_graph_present, refresh_corpus_graph
from .extract import extract
from .load import InputError, check_size, load_source
from .model import Extraction
from .normalize import normalize_text
from .query import select_rows
from .rdf import MAPPING_VERSION, DocumentGraph, to_rdf
from .store import GraphStore, StoreError
from .structure import structure_document

SKIPPED_NAMES = ("readme", "license", "licence", "changelog")
CHECKPOINT_EVERY = 20  # files replaced transactionally between two reopenings of the store (bounds its memory)
BATCH_FILES = 10  # new files bulk-loaded together
BATCH_TRIPLES = 100_000  # … or fewer, when their graphs are large (bounds the memory a batch holds)
LOADS_PER_CHECKPOINT = 100  # bulk-loaded batches between two reopenings of the store
OPTIMIZE_AFTER_FILES = 100  # files bulk-loaded by one ingest before it compacts the store at the end …
OPTIMIZE_SHARE = 0.2  # … when they are at least this share of the files in the store
IN_FLIGHT_PER_JOB = 4  # parsed files waiting for the writer, per worker process, beyond a batch
DOCUMENT_SUFFIXES = {".txt", ".text", ".md", ".htm", ".html", ".shtml", ".xhtml", ".pdf", ".docx", ""}
# formats governments publish in that kg does not read: found in a folder, each is reported, not passed over
UNREAD_SUFFIXES = {".doc", ".wps", ".xls", ".xlsx", ".et", ".ppt", ".pptx", ".ofd"}


@dataclass(frozen=True)
class FileResult:
    path: str
    status: str  # ingested | unchanged | failed
    message: str = ""
    cause: str = "input"  # of a failure: the file could not be read (input), or not written (store)
    doc_type: str | None = None
    title: str | None = None
    citations: int = 0
    works: int = 0
    observations: int = 0
    triples: int = 0
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class IngestReport:
    files: tuple[FileResult, ...] = field(default_factory=tuple)

    @property
    def failed(self) -> tuple[FileResult, ...]:
        return tuple(f for f in self.files if f.status == "failed")

    def succeeded(self, *, strict: bool = False) -> bool:
        """Whether the run did its work: every file that could be read is in the store. A file that
        cannot be read (empty, binary, a format kg does not read) is reported and passed over, and fails
        the run only under `strict`, or when no file at all could be read."""
        if not self.failed:
            return True
        if strict or any(f.cause == "store" for f in self.failed):
            return False
        return any(f.status != "failed" for f in self.files)


def iter_input_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """Files named directly, and document files found under folders (README and hidden files skipped)."""
    for p in map(Path, paths):
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and _is_document_file(child, p):
                    yield child
        else:
            yield p


def _is_document_file(path: Path, root: Path) -> bool:
    rel = path.relative_to(root)
    if any(part.startswith(".") for part in rel.parts):
        return False
    if path.stem.lower().startswith(SKIPPED_NAMES):
        return False
    return path.suffix.lower() in DOCUMENT_SUFFIXES | UNREAD_SUFFIXES


def process_file(path: str | os.PathLike[str]) -> tuple[Extraction, DocumentGraph]:
    """Run the pure stages on one file (no store involved)."""
    source = load_source(path)
    structure = structure_document(normalize_text(source))
    extraction = extract(structure)
    return extraction, to_rdf(extraction)


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    store: GraphStore,
    *,
    force: bool = False,
    progress: Callable[[Path], None] | None = None,
    jobs: int = 1,
) -> IngestReport:
    """Ingest files and folders into `store`; unchanged files are skipped.

    A file is unchanged when its content hash is the stored one and its graph was written by this
    mapping (`MAPPING_VERSION`): after an upgrade that changes the triples, the files are mapped again.

    With `jobs` > 1 the parsing runs in a process pool; this process stays the only writer.
    """
    results: list[FileResult] = []
    vocabulary_changed = store.ensure_vocabulary()
    todo: dict[Path, bool] = {}  # file → already in the store
    for path in iter_input_files(paths):
        try:
            state = store.file_state(str(path.resolve()))
            unchanged = (state is not None and not force and state.mapping_version == MAPPING_VERSION
                         and state.sha256 == _sha256(path))
        except InputError as exc:
            results.append(FileResult(str(path), "failed", str(exc)))
            _tick(progress, path)
            continue
        if unchanged:
            results.append(FileResult(str(path), "unchanged"))
            _tick(progress, path)
        else:
            todo[path] = state is not None
    writer = _Writer(store, results, progress)
    for path, outcome in _parsed(list(todo), jobs):
        writer.take(path, outcome, replace=todo[path])
    writer.flush()
    compact = _worth_compacting(store, writer.loaded_files)
    if store.supports_queries and (vocabulary_changed or any(r.status == "ingested" for r in results)
                                   or not corpus_graph_present(store)):
        if writer.loaded or writer.replaced:
            # reading the whole corpus on top of what RocksDB kept from the writes was the ingest's
            # peak memory at 10,000 documents: start the recompute from a freshly opened store
            store.checkpoint()
        refresh_derived_graphs(store)
    if compact:
        # every bulk load leaves files for RocksDB to merge, and the merging falls behind a fast
        # writer: compacted, the store answered the canned queries 2–4× faster at 1,000 documents.
        # Last, after the corpus graph's load: its subjects span the whole store, so the files of a
        # load after the compaction were read by every whole-corpus query (1.2–1.8× slower)
        store.optimize()
    return IngestReport(tuple(results))


def _worth_compacting(store: GraphStore, loaded_files: int) -> bool:
    """A compaction rewrites the whole store: worth it when the bulk loads added a good part of it."""
    if loaded_files < OPTIMIZE_AFTER_FILES or not store.supports_queries:
        return False
    rows = select_rows(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a kg:SourceFile } }")
    files = int(rows[0]["n"] or 0) if rows else 0
    return loaded_files >= OPTIMIZE_SHARE * files


def refresh_derived_graphs(store: GraphStore) -> None:
    """Recompute what needs the whole corpus: title relations, conflicts, the same work under two names."""
    refresh_corpus_graph(store)
    store.update(f"DROP SILENT GRAPH <{LEGACY_AUDIT_GRAPH.value}>")  # findings live in the files' graphs now


def _tick(progress: Callable[[Path], None] | None, path: Path) -> None:
    if progress is not None:
        progress(path)


@dataclass(frozen=True)
class _Parsed:
    result: FileResult
    graph: DocumentGraph | None


def _parse_one(path: Path) -> _Parsed:
    try:
        extraction, graph = process_file(path.resolve())
    except InputError as exc:
        return _Parsed(FileResult(str(path), "failed", str(exc)), None)
    except (OSError, ValueError, RecursionError) as exc:
        return _Parsed(FileResult(str(path), "failed", f"{path}: {type(exc).__name__}: {exc}"), None)
    except Exception as exc:  # a bug of ours that this file's text sets off: the other files still go in
        if os.environ.get("KG_DEBUG"):
            raise
        return _Parsed(FileResult(str(path), "failed", f"{path}: internal error ({type(exc).__name__}: {exc}); "
                                                       "set KG_DEBUG=1 for the traceback"), None)
    main = extraction.structure.main
    return _Parsed(FileResult(
        str(path),
        "ingested",
        doc_type=main.doc_type.value,
        title=main.title.value if main.title else None,
        citations=len(extraction.citations),
        works=len(extraction.works),
        observations=len(extraction.observations),
        triples=len(graph),
        warnings=tuple(p.message for p in extraction.problems),
    ), graph)


def _parsed(paths: list[Path], jobs: int) -> Iterator[tuple[Path, _Parsed]]:
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield path, _parse_one(path)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        # a bounded window of submitted files, in input order: a slow writer never lets parsed
        # graphs pile up in memory (Executor.map would submit the whole corpus at once)
        window: deque[tuple[Path, Future[_Parsed]]] = deque()
        for path in paths:
            window.append((path, pool.submit(_parse_one, path)))
            # room for a whole batch: the workers go on parsing while the writer loads one
            if len(window) >= BATCH_FILES + jobs * IN_FLIGHT_PER_JOB:
                done_path, future = window.popleft()
                yield done_path, future.result()
        while window:
            done_path, future = window.popleft()
            yield done_path, future.result()


class _Writer:
    """The single writer: new files gathered into bulk-load batches, changed files replaced one by one."""

    def __init__(self, store: GraphStore, results: list[FileResult],
                 progress: Callable[[Path], None] | None) -> None:
        self.store = store
        self.results = results
        self.progress = progress
        self.batch: list[tuple[Path, _Parsed, DocumentGraph]] = []
        self.batch_triples = 0
        self.replaced = 0
        self.loaded = 0
        self.loaded_files = 0

    def take(self, path: Path, parsed: _Parsed, *, replace: bool) -> None:
        if parsed.graph is None:
            self._done(path, parsed.result)
        elif replace:
            self._done(path, self._replace(path, parsed.result, parsed.graph))
        else:
            self.batch.append((path, parsed, parsed.graph))
            self.batch_triples += parsed.result.triples
            if len(self.batch) >= BATCH_FILES or self.batch_triples >= BATCH_TRIPLES:
                self.flush()

    def flush(self) -> None:
        batch, self.batch, self.batch_triples = self.batch, [], 0
        if not batch:
            return
        try:
            self.store.add_graphs([graph for _, _, graph in batch])
        except (OSError, StoreError, ValueError, SyntaxError):
            # find the culprit: each file of the failed batch on its own, transactionally
            for path, parsed, graph in batch:
                self._done(path, self._replace(path, parsed.result, graph))
            return
        # RocksDB's memory (table readers, caches) grows with every load until the store is reopened
        self.loaded += 1
        self.loaded_files += len(batch)
        if self.loaded % LOADS_PER_CHECKPOINT == 0:
            self.store.checkpoint()
        for path, parsed, _ in batch:
            self._done(path, parsed.result)

    def _replace(self, path: Path, result: FileResult, graph: DocumentGraph) -> FileResult:
        try:
            self.store.replace_graph(graph)
        except (OSError, StoreError, ValueError, SyntaxError) as exc:
            return FileResult(str(path), "failed", f"{path}: could not be written to the store: {exc}", cause="store")
        # transactions go through RocksDB's write buffers, which grow until the store is reopened
        self.replaced += 1
        if self.replaced % CHECKPOINT_EVERY == 0:
            self.store.checkpoint()
        return result

    def _done(self, path: Path, result: FileResult) -> None:
        self.results.append(result)
        _tick(self.progress, path)


def _sha256(path: Path) -> str:
    check_size(path)
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: file not found (removed before it could be read?)") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc

