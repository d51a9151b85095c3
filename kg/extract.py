"""Stage 3: `Structure` → `Extraction` (citations, cited works, statistics)."""

from __future__ import annotations

from .agencies import find_agencies
from .citations import extract_citations, name_issuers
from .metrics import extract_observations
from .model import DocType, Extraction, Structure
from .policies import find_policies, quoted_terms
from .resolve import resolve_citations
from .tasks import extract_tasks


def _year(structure: Structure) -> int | None:
    year = structure.main.year
    return int(year.value) if year is not None and year.value.isdigit() else None


def extract(structure: Structure) -> Extraction:
    """Read the facts out of one structured document."""
    text = structure.text.text
    agencies = find_agencies(text, structure.main.region)
    citations = name_issuers(extract_citations(text), text, agencies)
    parts = (structure.main, *structure.attachments)
    works = resolve_citations(citations, parts, structure.main.region)
    observations = (
        extract_observations(text, structure.main.region, _year(structure),
                             structure.main.issuer.value if structure.main.issuer else None)
        if structure.main.doc_type is DocType.ANNUAL_REPORT
        else ()
    )
    tasks = tuple(task for part in parts if part.doc_type is DocType.WORK_PLAN for task in extract_tasks(text, part))
    return Extraction(
        structure=structure,
        citations=citations,
        works=works,
        observations=observations,
        problems=structure.text.problems,
        agencies=agencies,
        tasks=tasks,
        policies=find_policies(text),
        quoted_terms=tuple(sorted(quoted_terms(text).items())),
    )
