"""Stage 3: `Structure` → `Extraction` (citations, cited works, statistics)."""

from __future__ import annotations

from .citations import extract_citations
from .metrics import extract_observations
from .model import DocType, Extraction, Structure
from .resolve import resolve_citations


def extract(structure: Structure) -> Extraction:
    """Read the facts out of one structured document."""
    text = structure.text.text
    citations = extract_citations(text)
    parts = (structure.main, *structure.attachments)
    works = resolve_citations(citations, parts, structure.main.region)
    observations = (
        extract_observations(text, structure.main.region)
        if structure.main.doc_type is DocType.ANNUAL_REPORT
        else ()
    )
    return Extraction(structure=structure, citations=citations, works=works, observations=observations,
                      problems=structure.text.problems)
