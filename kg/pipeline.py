"""The whole path for a set of files: load → normalize → structure → extract → RDF → store.

A file that fails is reported with its name and the problem; the others are still ingested,
and what was already in the store is untouched (each file's graph is replaced atomically).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .audit import refresh_audit_graph
from .corpus import refresh_corpus_graph
from .extract import extract
from .load import InputError, load_source
from .model import Extraction
from .normalize import normalize_text
from .rdf import DocumentGraph, to_rdf
from .store import KGStore
from .structure import structure_document

SKIPPED_NAMES = ("readme", "license", "licence", "changelog")
DOCUMENT_SUFFIXES = {".txt", ".text", ".md", ".htm", ".html", ".shtml", ".xhtml", ".pdf", ".docx", ""}


@dataclass(frozen=True)
class FileResult:
    path: str
    status: str  # ingested | unchanged | failed
    message: str = ""
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
    return path.suffix.lower() in DOCUMENT_SUFFIXES


def process_file(path: str | os.PathLike[str]) -> tuple[Extraction, DocumentGraph]:
    """Run the pure stages on one file (no store involved)."""
    source = load_source(path)
    structure = structure_document(normalize_text(source))
    extraction = extract(structure)
    return extraction, to_rdf(extraction)


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    store: KGStore,
    *,
    force: bool = False,
    progress: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Ingest files and folders into `store`; unchanged files (same content hash) are skipped."""
    results: list[FileResult] = []
    vocabulary_changed = store.ensure_vocabulary()
    for path in iter_input_files(paths):
        if progress is not None:
            progress(path)
        results.append(_ingest_one(path, store, force))
    if vocabulary_changed or any(r.status == "ingested" for r in results):
        refresh_corpus_graph(store)
        refresh_audit_graph(store)
    return IngestReport(tuple(results))


def _ingest_one(path: Path, store: KGStore, force: bool) -> FileResult:
    key = str(path.resolve())
    try:
        source_sha = _sha256(path)
        state = store.file_state(key)
        if state is not None and state.sha256 == source_sha and not force:
            return FileResult(str(path), "unchanged")
        # the resolved path identifies the file's graph, so the same file ingested from
        # another working directory replaces rather than duplicates it
        extraction, graph = process_file(key)
        store.replace_graph(graph)
    except InputError as exc:
        return FileResult(str(path), "failed", str(exc))
    except (OSError, ValueError, RecursionError) as exc:
        return FileResult(str(path), "failed", f"{path}: {type(exc).__name__}: {exc}")
    main = extraction.structure.main
    return FileResult(
        str(path),
        "ingested",
        doc_type=main.doc_type.value,
        title=main.title.value if main.title else None,
        citations=len(extraction.citations),
        works=len(extraction.works),
        observations=len(extraction.observations),
        triples=len(graph.triples),
        warnings=tuple(p.message for p in extraction.problems),
    )


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: file not found (removed before it could be read?)") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc

