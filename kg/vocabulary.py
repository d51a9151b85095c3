"""The controlled vocabularies as RDF: indicator scheme, audit rules, regions, and the ontology.

They live in one named graph of the store (`VOCAB_GRAPH`), reloaded whenever the data files
change, so that queries can follow skos:broader, skos:closeMatch and the audit rules.
`ontology/indicators.ttl` is the same indicator scheme written out for readers and other tools
(`kg vocab --write` regenerates it; a test keeps it in sync).
"""

from __future__ import annotations

import csv
import hashlib
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple, parse, serialize

from .namespaces import DCT, KG, RDF, RDFS, SKOS, XSD, instance, region_iri, work_iri
from .vocab import audit_rules, data_dir, gazetteer, ontology_dir

VOCAB_GRAPH = instance("graph", "vocabulary")
INDICATOR_SCHEME = instance("scheme", "indicators")
REGION_SCHEME = instance("scheme", "regions")

_A = NamedNode(RDF + "type")
_PREF = NamedNode(SKOS + "prefLabel")


def indicator_iri(notation: str) -> NamedNode:
    return instance("indicator", notation)


def _csv(name: str) -> list[dict[str, str]]:
    with open(data_dir() / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def indicator_triples() -> list[Triple]:
    out: list[Triple] = [
        Triple(INDICATOR_SCHEME, _A, NamedNode(SKOS + "ConceptScheme")),
        Triple(INDICATOR_SCHEME, _PREF, Literal("政府信息公开工作年度报告统计指标", language="zh")),
        Triple(INDICATOR_SCHEME, _PREF, Literal("Statistics of the annual reports on government information "
                                                "disclosure", language="en")),
    ]
    for row in _csv("indicators.csv"):
        node = indicator_iri(row["notation"])
        out += [
            Triple(node, _A, NamedNode(SKOS + "Concept")),
            Triple(node, NamedNode(SKOS + "inScheme"), INDICATOR_SCHEME),
            Triple(node, NamedNode(SKOS + "notation"), Literal(row["notation"])),
            Triple(node, _PREF, Literal(row["prefLabel"], language="zh")),
        ]
        out += [Triple(node, NamedNode(SKOS + "altLabel"), Literal(a, language="zh"))
                for a in row["altLabels"].split("|") if a]
        if row["broader"]:
            out.append(Triple(node, NamedNode(SKOS + "broader"), indicator_iri(row["broader"])))
        else:
            out.append(Triple(node, NamedNode(SKOS + "topConceptOf"), INDICATOR_SCHEME))
        if row["unit"]:
            out.append(Triple(node, NamedNode(KG + "unit"), Literal(row["unit"])))
        out += [Triple(node, NamedNode(KG + "template"), Literal(t)) for t in row["template"].split()]
    for row in _csv("indicator_matches.csv"):
        a, b = indicator_iri(row["notation"]), indicator_iri(row["match"])
        out += [Triple(a, NamedNode(SKOS + "closeMatch"), b), Triple(b, NamedNode(SKOS + "closeMatch"), a)]
    return out


def audit_rule_triples() -> list[Triple]:
    """The rules `rules.py` checks at ingest, as data for the SPARQL audit (`kg check`)."""
    out: list[Triple] = []
    for rule in audit_rules():
        node = instance("rule", rule.notation)
        out += [
            Triple(node, _A, NamedNode(KG + "AuditRule")),
            Triple(node, NamedNode(RDFS + "label"), Literal(rule.label, language="zh")),
            Triple(node, NamedNode(SKOS + "notation"), Literal(rule.notation)),
            Triple(node, NamedNode(KG + "leftCount"), _count(rule.left)),
            Triple(node, NamedNode(KG + "rightCount"), _count(rule.right)),
        ]
        out += [Triple(node, NamedNode(KG + "leftIndicator"), indicator_iri(n)) for n in rule.left]
        out += [Triple(node, NamedNode(KG + "rightIndicator"), indicator_iri(n)) for n in rule.right]
    return out


def _count(notations: tuple[str, ...]) -> Literal:
    return Literal(str(len(notations)), datatype=NamedNode(XSD + "integer"))


def policy_triples() -> list[Triple]:
    from .docnumbers import parse_doc_number
    from .resolve import number_key

    out: list[Triple] = []
    schemes = {"initiative": instance("scheme", "initiatives"), "area": instance("scheme", "policy-areas")}
    labels = {"initiative": ("政务公开政策举措", "Policy initiatives"),
              "area": ("政务公开重点领域", "Key policy areas")}
    for kind, scheme in schemes.items():
        out += [Triple(scheme, _A, NamedNode(SKOS + "ConceptScheme")),
                Triple(scheme, _PREF, Literal(labels[kind][0], language="zh")),
                Triple(scheme, _PREF, Literal(labels[kind][1], language="en"))]
    for row in _csv("policies.csv"):
        node = instance("policy", row["notation"])
        out += [
            Triple(node, _A, NamedNode(SKOS + "Concept")),
            Triple(node, _A, NamedNode(KG + ("PolicyInitiative" if row["kind"] == "initiative" else "PolicyArea"))),
            Triple(node, NamedNode(SKOS + "inScheme"), schemes[row["kind"]]),
            Triple(node, NamedNode(SKOS + "notation"), Literal(row["notation"])),
            Triple(node, _PREF, Literal(row["prefLabel"], language="zh")),
            Triple(node, NamedNode(SKOS + "definition"), Literal(row["definition"], language="en")),
        ]
        out += [Triple(node, NamedNode(SKOS + "altLabel"), Literal(a, language="zh"))
                for a in row["altLabels"].split("|") if a]
        number = parse_doc_number(row["introducedBy"]) if row["introducedBy"] else None
        if number is not None:
            work = work_iri(number_key(number, None))
            out += [Triple(node, NamedNode(KG + "introducedBy"), work),
                    Triple(work, NamedNode(KG + "docNumberLabel"), Literal(number.normalized))]
    return out


def region_triples() -> list[Triple]:
    out: list[Triple] = []
    gaz = gazetteer()
    for region in gaz.by_code.values():
        node = region_iri(region.code)
        out += [
            Triple(node, _A, NamedNode(KG + "Region")),
            Triple(node, NamedNode(SKOS + "inScheme"), REGION_SCHEME),
            Triple(node, _PREF, Literal(region.name)),
            Triple(node, NamedNode(SKOS + "notation"), Literal(region.code)),
            Triple(node, NamedNode(KG + "level"), Literal(region.level)),
        ]
        parent = gaz.parent(region)
        if parent is not None and parent.level != "national":
            out.append(Triple(node, NamedNode(SKOS + "broader"), region_iri(parent.code)))
        out += [Triple(node, NamedNode(DCT + "replaces"), region_iri(former))
                for former in gaz.replaces.get(region.code, ())]
    return out


def ontology_triples() -> list[Triple]:
    out: list[Triple] = []
    for name in ("kg.ttl",):
        with open(ontology_dir() / name, "rb") as f:
            out += [q.triple for q in parse(f, format=RdfFormat.TURTLE)]
    return out


def vocabulary_quads() -> list[Quad]:
    triples = indicator_triples() + audit_rule_triples() + policy_triples() + region_triples() + ontology_triples()
    return [Quad(t.subject, t.predicate, t.object, VOCAB_GRAPH) for t in triples]


@lru_cache(maxsize=1)
def vocabulary_fingerprint() -> str:
    h = hashlib.sha256()
    for name in ("indicators.csv", "indicator_matches.csv", "audit_rules.csv", "policies.csv", "regions/adcodes.csv",
                 "regions/changes.csv"):
        h.update((data_dir() / name).read_bytes())
    h.update((ontology_dir() / "kg.ttl").read_bytes())
    return h.hexdigest()


def indicators_turtle() -> str:
    prefixes = {"skos": SKOS, "kg": KG, "ind": instance("indicator", "").value, "rdf": RDF}
    data = serialize(indicator_triples(), format=RdfFormat.TURTLE, prefixes=prefixes)
    header = "# Generated from data/indicators.csv and data/indicator_matches.csv by `kg vocab --write`.\n"
    return header + (data or b"").decode("utf-8")
