"""kg — a knowledge graph of Chinese government information-disclosure documents.

The pipeline stages, each a function from frozen dataclasses to frozen dataclasses:

    source = load_source("report.txt")          # bytes → decoded SourceText
    text = normalize_text(source)               # cleaned text + offset map back to the file
    structure = structure_document(text)        # title, type, region, year, issuer, sections
    extraction = extract(structure)             # citations, cited works, statistics
    graph = to_rdf(extraction)                  # the file's named graph

and the store around them:

    with open_store("kg-store") as store:
        ingest(["data/samples"], store)
        rows = select_rows(store, "SELECT ?t WHERE { ?d eli:title ?t }")
"""

from __future__ import annotations

from .citations import extract_citations
from .extract import extract
from .load import InputError, load_source
from .normalize import normalize_text
from .pipeline import IngestReport, ingest, process_file
from .query import run_query, select_rows
from .rdf import to_rdf
from .resolve import resolve_citations
from .store import KGStore, StoreError
from .structure import structure_document


def open_store(path: str | None = None, *, read_only: bool = False) -> KGStore:
    """Open (or create) a store; `None` means $KG_STORE or ./kg-store."""
    return KGStore(path, read_only=read_only)


__all__ = [
    "IngestReport",
    "InputError",
    "KGStore",
    "StoreError",
    "extract",
    "extract_citations",
    "ingest",
    "load_source",
    "normalize_text",
    "open_store",
    "process_file",
    "resolve_citations",
    "run_query",
    "select_rows",
    "structure_document",
    "to_rdf",
]
