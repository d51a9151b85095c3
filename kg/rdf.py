"""Stage 4: `Extraction` → `DocumentGraph`, the triples of one source file's named graph.

Every extracted fact is a node of its own (a Citation, an Observation) with `prov:wasDerivedFrom`
a span node: an `oa:SpecificResource` whose selectors give the character offsets into the
original file and the exact quote.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse

from .agencies import Agency, AgencyMention, resolve_agency
from .docnumbers import parse_doc_number
from .model import CitationKind, CitedWork, DocumentPart, Extraction, Located, Observation, Problem, Region, Span
from .namespaces import (
    CITO,
    DCT,
    ELI,
    KG,
    OA,
    ORG,
    PROV,
    QB,
    RDF,
    RDFS,
    SDMX_ATT,
    SDMX_DIM,
    SKOS,
    XSD,
    agency_iri,
    digest,
    graph_iri,
    instance,
    region_iri,
    source_iri,
    term,
    work_iri,
)
from .policies import PolicyMention
from .resolve import number_key, work_key_for_title
from .structure import innermost_sections, iso_date
from .tasks import Task
from .vocab import gazetteer

A = term(RDF, "type")
LABEL = term(RDFS, "label")
PREF = term(SKOS, "prefLabel")
INT = NamedNode(XSD + "integer")
DEC = NamedNode(XSD + "decimal")
DATE = NamedNode(XSD + "date")
BOOL = NamedNode(XSD + "boolean")

# N-Triples forms of the terms a span block uses, rendered once
_A, _OA_RESOURCE, _OA_SOURCE, _OA_SELECTOR = (str(A), str(term(OA, "SpecificResource")), str(term(OA, "hasSource")),
                                              str(term(OA, "hasSelector")))
_OA_POSITION, _OA_START, _OA_END = str(term(OA, "TextPositionSelector")), str(term(OA, "start")), str(term(OA, "end"))
_OA_QUOTE, _OA_EXACT = str(term(OA, "TextQuoteSelector")), str(term(OA, "exact"))
_OA_PREFIX, _OA_SUFFIX = str(term(OA, "prefix")), str(term(OA, "suffix"))
_INT = str(NamedNode(XSD + "integer"))

_CITATION_PROPERTY = {
    CitationKind.CITES: term(CITO, "cites"),
    CitationKind.AUTHORITY: term(CITO, "citesAsAuthority"),
    CitationKind.IMPLEMENTS: term(KG, "implements"),
}


@dataclass(frozen=True)
class DocumentGraph:
    """The named graph of one source file, as N-Triples text (what the store's update takes)."""

    graph: NamedNode
    source: NamedNode
    path: str
    sha256: str
    ntriples: str

    @property
    def triples(self) -> tuple[Triple, ...]:
        """The triples as pyoxigraph terms, parsed on demand (for tests, SHACL, exports)."""
        return tuple(parse(self.ntriples.encode("utf-8"), format=RdfFormat.N_TRIPLES))

    def __len__(self) -> int:
        return self.ntriples.count("\n")  # one triple a line; newlines inside literals are escaped


class _Builder:
    def __init__(self, ex: Extraction) -> None:
        self.ex = ex
        self.src = ex.structure.text.source
        self.source = source_iri(self.src.sha256)
        self._source_nt = str(self.source)
        self._text_base = instance("text", self.src.sha256[:24]).value + "/"
        self.lines: list[str] = []

    def add(self, s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        # N-Triples text straight away: pyoxigraph's str() of a term is its N-Triples form
        self.lines.append(f"{s} {p} {o} .\n")

    def lit(self, s: NamedNode, p: NamedNode, value: str | int | float | bool | None,
            datatype: NamedNode | None = None) -> None:
        if value is None or value == "":
            return
        if isinstance(value, bool):
            self.add(s, p, Literal("true" if value else "false", datatype=BOOL))
        elif isinstance(value, int):
            self.add(s, p, Literal(str(value), datatype=INT))
        elif isinstance(value, float):
            self.add(s, p, Literal(_decimal(value), datatype=DEC))
        else:
            self.add(s, p, Literal(value, datatype=datatype) if datatype else Literal(value))

    # ------------------------------------------------------------ spans

    def span(self, span: Span, *, normalized: bool = True) -> NamedNode:
        text = self.ex.structure.text
        src_span = text.source_span(span) if normalized else span
        raw = self.src.text
        start, end = src_span.start, src_span.end
        # '=' and ',' percent-encoded by hand: the same form instance() gives, without its cost
        node = NamedNode(f"{self._text_base}char%3D{start}%2C{end}")
        n, source = f"<{node.value}>", self._source_nt
        pos, quote = f"<{node.value}/position>", f"<{node.value}/quote>"
        # one block per span: this is the hottest path of the mapping
        block = (
            f"{n} {_A} {_OA_RESOURCE} .\n{n} {_OA_SOURCE} {source} .\n"
            f"{n} {_OA_SELECTOR} {pos} .\n{n} {_OA_SELECTOR} {quote} .\n"
            f"{pos} {_A} {_OA_POSITION} .\n{pos} {_OA_START} \"{start}\"^^{_INT} .\n"
            f"{pos} {_OA_END} \"{end}\"^^{_INT} .\n{quote} {_A} {_OA_QUOTE} .\n"
            f"{quote} {_OA_EXACT} {Literal(raw[start:end])} .\n"
        )
        if start > 0:
            block += f"{quote} {_OA_PREFIX} {Literal(raw[max(0, start - 16) : start])} .\n"
        if end < len(raw):
            block += f"{quote} {_OA_SUFFIX} {Literal(raw[end : end + 16])} .\n"
        self.lines.append(block)
        return node

    def fact_node(self, kind: str, span: Span) -> NamedNode:
        """The IRI of a fact read at `span`: its kind, the file and the place in the original."""
        src_span = self.ex.structure.text.source_span(span)
        return instance(kind, self.src.sha256[:24], f"{src_span.start}-{src_span.end}")

    def evidence(self, subject: NamedNode, span: Span | None, prop: str = "wasDerivedFrom") -> None:
        if span is not None and span.end > span.start:
            self.add(subject, term(PROV, prop), self.span(span))

    # ------------------------------------------------------------ nodes

    def region(self, region: Region) -> NamedNode:
        node = region_iri(region.code)
        self.add(node, A, term(KG, "Region"))
        self.lit(node, PREF, region.name)
        self.lit(node, term(SKOS, "notation"), region.code)
        self.lit(node, term(KG, "level"), region.level)
        parent = gazetteer().parent(region)
        if parent is not None:
            self.add(node, term(SKOS, "broader"), region_iri(parent.code))
            self.lit(region_iri(parent.code), PREF, parent.name)
        return node

    def agency(self, name: str, region: Region | None) -> NamedNode:
        node = agency_iri(name)
        self.add(node, A, term(ORG, "Organization"))
        self.lit(node, PREF, name)
        if region is not None:
            self.add(node, term(KG, "region"), self.region(region))
        return node

    def source_node(self) -> None:
        s = self.source
        self.add(s, A, term(KG, "SourceFile"))
        self.add(s, A, term(PROV, "Entity"))
        self.lit(s, term(KG, "fileName"), self.src.name)
        self.lit(s, term(KG, "path"), self.src.path)
        self.lit(s, term(KG, "sha256"), self.src.sha256)
        self.lit(s, term(KG, "encoding"), self.src.encoding)
        self.lit(s, term(DCT, "format"), self.src.media_type)
        self.lit(s, term(KG, "characterCount"), len(self.src.text))
        for i, problem in enumerate(self.ex.problems):
            self.problem(i, problem)

    def problem(self, i: int, problem: Problem) -> None:
        node = instance("problem", self.src.sha256[:24], str(i))
        self.add(self.source, term(KG, "problem"), node)
        self.add(node, A, term(KG, "Problem"))
        self.lit(node, term(KG, "problemCode"), problem.code)
        self.lit(node, term(RDFS, "comment"), problem.message)
        if problem.span is not None:
            self.add(node, term(PROV, "wasDerivedFrom"), self.span(problem.span, normalized=False))

    def document(self, part: DocumentPart, primary: bool) -> NamedNode:
        region = self.ex.structure.main.region
        if part.number is not None:
            parsed = parse_doc_number(part.number.value)
            node = work_iri(number_key(parsed, region)) if parsed else instance("doc", "src", self.src.sha256[:24])
        else:
            suffix = "main" if primary else f"part-{part.span.start}"
            node = instance("doc", "src", self.src.sha256[:24], suffix)
        self.add(node, A, term(KG, part.doc_type.value))
        self.add(node, term(KG, "sourceFile"), self.source)
        self.add(node, term(PROV, "wasDerivedFrom"), self.source)
        if primary:
            self.add(self.source, term(KG, "primaryDocument"), node)
        self.located(node, term(ELI, "title"), part.title)
        if part.title_inferred:
            self.lit(node, term(KG, "titleInferred"), True)
        if part.year is not None:
            self.lit(node, term(KG, "year"), int(part.year.value))
            self.evidence_of(node, "year", part.year)
        if part.region is not None:
            self.add(node, term(KG, "region"), self.region(part.region))
        if part.issuer is not None:
            known = resolve_agency(part.issuer.value, part.region)
            agency = self.canonical_agency(known) if known else self.agency(part.issuer.value, part.region)
            self.add(node, term(ELI, "passed_by"), agency)
            self.evidence_of(node, "issuer", part.issuer)
        self.located(node, term(ELI, "id_local"), part.number)
        for located, prop in ((part.date_written, "date_document"), (part.date_published, "date_publication")):
            if located is not None:
                iso = iso_date(located.value)
                if iso:
                    self.lit(node, term(ELI, prop), iso, DATE)
        self.lit(node, term(KG, "textStart"), self.ex.structure.text.source_span(part.span).start)
        self.lit(node, term(KG, "textEnd"), self.ex.structure.text.source_span(part.span).end)
        for section in part.sections:
            sec = instance("section", self.src.sha256[:24], ".".join(map(str, section.path)))
            self.add(node, term(KG, "hasSection"), sec)
            self.add(sec, A, term(KG, "Section"))
            self.lit(sec, term(KG, "heading"), section.heading)
            self.lit(sec, term(KG, "sectionPath"), ".".join(map(str, section.path)))
            self.lit(sec, term(KG, "level"), section.level)
            self.evidence(sec, section.span)
        return node

    def located(self, node: NamedNode, prop: NamedNode, located: Located | None) -> None:
        if located is None:
            return
        self.lit(node, prop, located.value)

    def evidence_of(self, node: NamedNode, what: str, located: Located) -> None:
        if located.span is None:
            return
        fact = instance("fact", self.src.sha256[:24], what, f"{located.span.start}")
        self.add(node, term(KG, "statedBy"), fact)
        self.lit(fact, term(KG, "aspect"), what)
        self.evidence(fact, located.span)

    def work(self, work: CitedWork) -> NamedNode:
        node = work_iri(work.key)
        self.add(node, A, term(ELI, "LegalResource"))
        self.lit(node, term(ELI, "title"), work.title)
        self.lit(node, term(ELI, "id_local"), work.number)
        if work.issuer:
            region = gazetteer().get(work.jurisdiction) if work.jurisdiction else None
            self.add(node, term(ELI, "passed_by"), self.agency(work.issuer, region))
            self.lit(node, term(KG, "issuerSource"), work.issuer_source)
        if work.jurisdiction:
            jurisdiction = gazetteer().get(work.jurisdiction)
            if jurisdiction is not None:
                self.add(node, term(KG, "jurisdiction"), self.region(jurisdiction))
        if work.suspect_code:
            self.lit(node, term(KG, "suspectedTypoOf"), work.suspect_code)
        for kind, inner in work.relations:
            # what a notice issues belongs to the notice's issuer; what it implements is someone else's
            scope = work.jurisdiction if kind == "issues" else None
            inner_node = work_iri(work_key_for_title(inner, self.ex.structure.main.region, scope))
            self.add(inner_node, A, term(ELI, "LegalResource"))
            self.lit(inner_node, term(ELI, "title"), inner)
            self.add(node, term(KG, kind), inner_node)
            relation = instance("relation", digest(f"{node.value}|{kind}|{inner_node.value}"))
            self.add(relation, A, term(KG, "TitleRelation"))
            self.add(relation, term(KG, "relationSource"), node)
            self.add(relation, term(KG, "relationTarget"), inner_node)
            self.lit(relation, term(KG, "relationKind"), kind)
            self.lit(relation, term(KG, "readFromTitle"), work.title)
        return node

    def citation(self, citing: NamedNode, work_node: NamedNode, work: CitedWork) -> None:
        for c in work.citations:
            node = self.fact_node("citation", c.span)
            self.add(node, A, term(KG, "Citation"))
            self.add(node, term(KG, "citingDocument"), citing)
            self.add(node, term(KG, "citedDocument"), work_node)
            self.add(node, term(KG, "sourceFile"), self.source)
            self.add(node, term(KG, "citationKind"), _CITATION_PROPERTY[c.kind])
            if c.number is not None:
                self.lit(node, term(KG, "numberAsWritten"), c.number.written)
                self.lit(node, term(KG, "docNumber"), c.number.normalized)
            self.lit(node, term(KG, "titleAsWritten"), c.title)
            self.lit(node, term(KG, "aliasUse"), c.alias)
            self.lit(node, term(KG, "definesAlias"), c.defines_alias)
            self.lit(node, term(KG, "quotedTitle"), c.quoted)
            self.evidence(node, c.span)
            self.add(node, term(KG, "sentence"), self.span(c.sentence))
            self.add(citing, term(CITO, "cites"), work_node)
            if c.kind is not CitationKind.CITES:
                self.add(citing, _CITATION_PROPERTY[c.kind], work_node)

    def observation(self, dataset: NamedNode, obs: Observation, i: int, part: DocumentPart) -> None:
        node = instance("obs", self.src.sha256[:24], f"{i:05d}")  # zero-padded: IRIs sort in reading order
        self.add(node, A, term(QB, "Observation"))
        self.add(node, term(QB, "dataSet"), dataset)
        if obs.indicator:
            self.add(node, term(KG, "indicator"), instance("indicator", obs.indicator))
        self.lit(node, term(KG, "label"), obs.label)
        self.lit(node, term(KG, "value"), obs.value)
        self.lit(node, term(SDMX_ATT, "unitMeasure"), obs.unit)
        if obs.scope:
            self.add(node, term(KG, "scope"), instance("scope", obs.scope))
            self.lit(instance("scope", obs.scope), PREF, obs.scope)
        if obs.estimated:
            self.add(node, term(SDMX_ATT, "obsStatus"),
                     NamedNode("http://purl.org/linked-data/sdmx/2009/code#obsStatus-E"))
        if obs.applicant_type:
            self.add(node, term(KG, "applicantType"), instance("applicant", obs.applicant_type))
            self.lit(instance("applicant", obs.applicant_type), PREF, obs.applicant_type)
        if part.region is not None:
            self.add(node, term(SDMX_DIM, "refArea"), region_iri(part.region.code))
        if part.year is not None:
            self.lit(node, term(SDMX_DIM, "refPeriod"), int(part.year.value))
        self.lit(node, term(KG, "extractedFrom"), obs.source)
        self.evidence(node, obs.span)
        # the quote again, directly on the figure: the canned queries read it without a path join
        src_span = self.ex.structure.text.source_span(obs.span)
        self.lit(node, term(KG, "quote"), self.src.text[src_span.start : src_span.end])


    # ------------------------------------------------------------ agencies, tasks, policies

    def canonical_agency(self, agency: Agency) -> NamedNode:
        node = self.agency(agency.name, agency.region)
        self.lit(node, term(KG, "agencyKind"), agency.kind)
        if agency.parent:
            parent_region = agency.region if agency.kind != "national" else None
            parent = self.agency(agency.parent, parent_region)
            self.add(node, term(ORG, "subOrganizationOf"), parent)
        return node

    def agency_mention(self, doc: NamedNode, mention: AgencyMention) -> None:
        agency = self.canonical_agency(mention.agency)
        node = self.fact_node("mention", mention.span)
        self.add(node, A, term(KG, "AgencyMention"))
        self.add(node, term(KG, "agency"), agency)
        self.add(node, term(KG, "inDocument"), doc)
        self.lit(node, term(KG, "written"), mention.written)
        self.evidence(node, mention.span)
        self.add(doc, term(KG, "mentionsAgency"), agency)

    def task(self, plan: NamedNode, task: Task) -> NamedNode:
        src_span = self.ex.structure.text.source_span(task.span)
        node = instance("task", self.src.sha256[:24], str(src_span.start))
        self.add(node, A, term(KG, "Task"))
        self.add(node, term(KG, "inPlan"), plan)
        self.lit(node, term(KG, "sectionPath"), ".".join(map(str, task.section_path)))
        self.lit(node, term(KG, "text"), task.text)
        self.lit(node, term(KG, "deadline"), task.deadline)
        self.lit(node, term(KG, "deadlineDate"), task.deadline_date, DATE)
        self.lit(node, term(KG, "frequency"), task.frequency)
        self.evidence(node, task.span)
        for a in task.assignments:
            assignment = self.fact_node("assignment", a.span)
            self.add(assignment, A, term(KG, "Assignment"))
            self.add(assignment, term(KG, "task"), node)
            self.lit(assignment, term(KG, "role"), a.role)
            self.lit(assignment, term(KG, "assignedTo"), a.written)
            self.evidence(assignment, a.span)
            if a.agency is not None:
                agency = self.canonical_agency(a.agency)
                self.add(assignment, term(KG, "agency"), agency)
                if a.role == "lead":
                    self.add(node, term(KG, "leadAgency"), agency)
        return node

    def policy_mention(self, container: list[NamedNode], mention: PolicyMention) -> None:
        policy = instance("policy", mention.policy.notation)
        node = self.fact_node("pmention", mention.span)
        self.add(node, A, term(KG, "PolicyMention"))
        self.add(node, term(KG, "policy"), policy)
        self.lit(node, term(KG, "written"), mention.written)
        self.evidence(node, mention.span)
        for about in container:
            self.add(about, term(KG, "about"), policy)
            self.add(node, term(KG, "inContext"), about)

    def quoted_term(self, doc: NamedNode, term_text: str, count: int) -> None:
        node = instance("term", self.src.sha256[:24], digest(term_text))
        self.add(node, A, term(KG, "QuotedTerm"))
        self.lit(node, term(KG, "term"), term_text)
        self.lit(node, term(KG, "count"), count)
        self.add(node, term(KG, "inDocument"), doc)


def _decimal(value: float) -> str:
    """The canonical xsd:decimal form Oxigraph stores (12, 496.5), so exports equal the store."""
    return f"{value:.6f}".rstrip("0").rstrip(".") or "0"


def _part_of(ex: Extraction, start: int) -> DocumentPart:
    for part in ex.structure.attachments:
        if part.span.start <= start < part.span.end:
            return part
    return ex.structure.main


def _map_agencies_tasks_policies(b: _Builder, ex: Extraction, parts: dict[int, NamedNode], main: NamedNode) -> None:
    for mention in ex.agencies:
        b.agency_mention(parts[id(_part_of(ex, mention.span.start))], mention)
    task_nodes = [(task, b.task(parts[id(_part_of(ex, task.span.start))], task)) for task in ex.tasks]
    task_starts = [task.span.start for task, _ in task_nodes]
    all_parts = (ex.structure.main, *ex.structure.attachments)
    positions = [m.span.start for m in ex.policies]
    innermost = {id(part): innermost_sections(part.sections, positions) for part in all_parts}
    for k, mention in enumerate(ex.policies):
        part = _part_of(ex, mention.span.start)
        containers = [parts[id(part)]]
        section = innermost[id(part)][k]
        if section is not None:
            containers.append(instance("section", b.src.sha256[:24], ".".join(map(str, section.path))))
        t = bisect_right(task_starts, mention.span.start) - 1
        if t >= 0 and mention.span.start < task_nodes[t][0].span.end:
            containers.append(task_nodes[t][1])
        b.policy_mention(containers, mention)
    for term_text, count in ex.quoted_terms:
        b.quoted_term(main, term_text, count)


def to_rdf(ex: Extraction) -> DocumentGraph:
    """Map one file's extraction onto the ontology."""
    b = _Builder(ex)
    b.source_node()
    main = b.document(ex.structure.main, primary=True)
    parts = {id(ex.structure.main): main}
    for att in ex.structure.attachments:
        node = b.document(att, primary=False)
        parts[id(att)] = node
        b.add(main, term(ELI, "has_part"), node)
        b.add(node, term(ELI, "is_part_of"), main)
    for work in ex.works:
        node = b.work(work)
        citing_parts = {id(_part_of(ex, c.span.start)) for c in work.citations}
        for pid in citing_parts:
            cs = tuple(c for c in work.citations if id(_part_of(ex, c.span.start)) == pid)
            b.citation(parts[pid], node, replace(work, citations=cs))
    _map_agencies_tasks_policies(b, ex, parts, main)
    if ex.observations:
        dataset = instance("dataset", ex.structure.text.source.sha256[:24])
        b.add(dataset, A, term(QB, "DataSet"))
        b.add(dataset, term(KG, "reportOf"), main)
        b.add(dataset, term(QB, "structure"), NamedNode(KG + "ReportStatistics"))
        for i, obs in enumerate(ex.observations):
            b.observation(dataset, obs, i, _part_of(ex, obs.span.start))
    return DocumentGraph(
        graph=graph_iri(b.src.path),
        source=b.source,
        path=b.src.path,
        sha256=b.src.sha256,
        ntriples="".join(dict.fromkeys(b.lines)),
    )
