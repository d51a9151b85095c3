"""Stage 3: `Structure` → `Extraction` (citations, cited works, statistics)."""

from __future__ import annotations

from .citations import extract_citations
from .model import Extraction, Structure
from .resolve import resolve_citations


def extract(structure: Structure) -> Extraction:
    """Read the facts out of one structured document."""
    text = structure.text.text
    citations = extract_citations(text)
    parts = (structure.main, *structure.attachments)
    works = resolve_citations(citations, parts, structure.main.region)
    return Extraction(structure=structure, citations=citations, works=works, problems=structure.text.problems)
