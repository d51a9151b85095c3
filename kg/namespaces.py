"""IRIs of our ontology, the vocabularies we reuse, and the minting of instance IRIs.

Instance IRIs are slash IRIs under `ID`, built only from what identifies the thing, with every
non-ASCII or reserved character percent-encoded (one encoding, never raw Chinese), so the same
input always yields the same IRIs.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import quote

from pyoxigraph import NamedNode

KG = "https://w3id.org/zwgk/kg#"
ID = "https://w3id.org/zwgk/id/"
ELI = "http://data.europa.eu/eli/ontology#"
CITO = "http://purl.org/spar/cito/"
ORG = "http://www.w3.org/ns/org#"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
QB = "http://purl.org/linked-data/cube#"
SDMX_DIM = "http://purl.org/linked-data/sdmx/2009/dimension#"
SDMX_ATT = "http://purl.org/linked-data/sdmx/2009/attribute#"
SCHEMA = "http://schema.org/"
DCT = "http://purl.org/dc/terms/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"

PREFIXES = {
    "kg": KG, "eli": ELI, "cito": CITO, "org": ORG, "prov": PROV, "oa": OA, "skos": SKOS, "qb": QB,
    "sdmx-dimension": SDMX_DIM, "sdmx-attribute": SDMX_ATT, "schema": SCHEMA, "dct": DCT, "rdf": RDF,
    "rdfs": RDFS, "xsd": XSD,
}  # fmt: skip


def sparql_prefixes() -> str:
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


@lru_cache(maxsize=4096)
def term(ns: str, local: str) -> NamedNode:
    return NamedNode(ns + local)


@lru_cache(maxsize=65536)
def segment(value: str) -> str:
    return quote(value, safe="")


def digest(value: str, n: int = 16) -> str:
    return hashlib.sha1(value.encode("utf-8")).hexdigest()[:n]


def instance(*parts: str) -> NamedNode:
    return NamedNode(ID + "/".join(map(segment, parts)))


def region_iri(code: str) -> NamedNode:
    return instance("region", code)


def agency_iri(name: str, region_code: str | None = None) -> NamedNode:
    """A local agency's IRI holds its region's code: two districts called 朝阳区 have two 朝阳区人民政府."""
    return instance("agency", region_code, name) if region_code and region_code != "CN" else instance("agency", name)


def work_iri(key: str) -> NamedNode:
    """IRI of a document from its resolution key ('no/450300/市政办/2017/53' or 't/CN/<title>')."""
    kind, rest = key.split("/", 1)
    if kind == "t":
        scope, title = rest.split("/", 1)
        return instance("doc", "t", scope, digest(title))
    return instance("doc", *key.split("/"))


def source_iri(sha256: str) -> NamedNode:
    return instance("source", sha256[:24])


def graph_iri(path: str) -> NamedNode:
    return instance("graph", digest(path, 24))


CORPUS_GRAPH = instance("graph", "corpus")
