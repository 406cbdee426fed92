"""The dataset described in VoID and DCAT: size (triples, entities, classes, properties, per named graph), the
vocabularies it uses, its licence, where its dumps and SPARQL endpoint are, and the builds (PROV-O) that made it.
Statistics come from the store (``queries/pages/void_*.rq``); computed once per server process.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, XSD

from ..namespaces import DCAT, PREFIXES, VOID, bind_prefixes
from .site import Site

__all__ = ["DatasetStats", "dataset_stats", "describe_dataset", "DUMP_TYPES"]

#: media types of the dump files the build writes (and of other RDF files one may drop in the folder)
DUMP_TYPES = {".ttl": "text/turtle", ".nt": "application/n-triples", ".trig": "application/trig",
              ".jsonld": "application/ld+json", ".nq": "application/n-quads", ".rdf": "application/rdf+xml",
              ".gz": "application/gzip", ".json": "application/json", ".csv": "text/csv", ".txt": "text/plain"}


@dataclass
class DatasetStats:
    triples: int = 0
    entities: int = 0
    subjects: int = 0
    properties: int = 0
    objects: int = 0
    graphs: dict[str, int] = field(default_factory=dict)
    classes: dict[str, int] = field(default_factory=dict)
    property_triples: dict[str, int] = field(default_factory=dict)
    vocabularies: list[str] = field(default_factory=list)
    builds: list[dict] = field(default_factory=list)
    reports: list[dict] = field(default_factory=list)


def _namespace(iri: str) -> str:
    cut = max(iri.rfind("#"), iri.rfind("/"))
    return iri[: cut + 1]


def dataset_stats(site: Site) -> DatasetStats:
    """Count what the store holds (a few aggregate queries; a second or so at corpus scale)."""
    st = DatasetStats()
    tot = (site.select("void_totals") or [{}])[0]
    st.triples = int(tot.get("triples") or 0)
    st.subjects = int(tot.get("subjects") or 0)
    st.properties = int(tot.get("properties") or 0)
    st.objects = int(tot.get("objects") or 0)
    st.graphs = {r["graph"]: int(r["triples"]) for r in site.select("void_graphs")}
    st.classes = {r["class"]: int(r["entities"]) for r in site.select("void_classes")}
    st.property_triples = {r["property"]: int(r["triples"]) for r in site.select("void_properties")}
    base = site.iris.base_iri
    st.entities = sum(1 for (s,) in site.results("subjects").rows
                      if s is not None and s.type == "uri" and s.value.startswith(base))
    known = {str(ns) for ns in PREFIXES.values()}
    used = {_namespace(p) for p in st.property_triples} | {_namespace(c) for c in st.classes}
    st.vocabularies = sorted(ns for ns in used if ns in known or ns.startswith(site.ontology.iri))
    st.builds = site.select("builds")
    st.reports = site.select("reports")
    return st


def describe_dataset(site: Site, st: DatasetStats, *, public: str, dumps: list[Path], title: str,
                     license_iri: str | None) -> tuple[str, Graph]:
    """The VoID + DCAT description; ``public`` is the absolute URL of this server's root (ends with /).

    Returns (dataset IRI, graph).
    """
    g = Graph()
    bind_prefixes(g, base=site.iris.base_iri)
    g.bind("foaf", FOAF)
    ds = URIRef(site.iris.base_iri + "dataset")
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCTERMS.title, Literal(title, lang="en")))
    g.add((ds, DCTERMS.description, Literal(
        "A knowledge graph of the United Nations Secretary-General's reports on Action for Peacekeeping (A4P): "
        "the reports' structure, the peace operations, organizations, policies, places and documents they name, "
        "which missions support which A4P commitments (with evidence paragraphs), figures, SDG links and "
        "recommendations, each with provenance.", lang="en")))
    if license_iri:
        g.add((ds, DCTERMS.license, URIRef(license_iri)))
    g.add((ds, DCTERMS.conformsTo, URIRef(site.ontology.iri)))
    g.add((ds, FOAF.homepage, URIRef(public)))
    g.add((ds, VOID.uriSpace, Literal(site.iris.base_iri)))
    g.add((ds, VOID.triples, Literal(st.triples)))
    g.add((ds, VOID.entities, Literal(st.entities)))
    g.add((ds, VOID.distinctSubjects, Literal(st.subjects)))
    g.add((ds, VOID.properties, Literal(st.properties)))
    g.add((ds, VOID.distinctObjects, Literal(st.objects)))
    g.add((ds, VOID.classes, Literal(len(st.classes))))
    endpoint = URIRef(public + "sparql")
    g.add((ds, VOID.sparqlEndpoint, endpoint))
    g.add((ds, VOID.uriLookupEndpoint, Literal(public + "resource?iri=")))
    for ns in st.vocabularies:
        g.add((ds, VOID.vocabulary, URIRef(ns.rstrip("#") if ns.startswith(site.ontology.iri) else ns)))
    for r in st.reports:
        g.add((ds, VOID.rootResource, URIRef(r["report"])))
    if st.reports:
        g.add((ds, VOID.exampleResource, URIRef(st.reports[0]["report"])))
    service = URIRef(public + "sparql#service")
    g.add((ds, DCAT.accessService, service))
    g.add((service, RDF.type, DCAT.DataService))
    g.add((service, DCAT.endpointURL, endpoint))
    g.add((service, DCAT.endpointDescription, endpoint))
    g.add((service, DCAT.servesDataset, ds))
    g.add((service, DCTERMS.conformsTo, URIRef("https://www.w3.org/TR/sparql11-protocol/")))
    for path in dumps:
        url = URIRef(public + "dumps/" + path.name)
        media = DUMP_TYPES.get(path.suffix, "application/octet-stream")
        g.add((ds, VOID.dataDump, url))
        dist = URIRef(public + "dumps/" + path.name + "#distribution")
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.downloadURL, url))
        g.add((dist, DCAT.mediaType, URIRef("https://www.iana.org/assignments/media-types/" + media)))
        g.add((dist, DCAT.byteSize, Literal(path.stat().st_size, datatype=XSD.nonNegativeInteger)))
        g.add((dist, DCTERMS.title, Literal(f"{path.name} ({media})")))
        if license_iri:
            g.add((dist, DCTERMS.license, URIRef(license_iri)))
    for cls, n in sorted(st.classes.items()):
        part = BNode()
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(n)))
    for prop, n in sorted(st.property_triples.items()):
        part = BNode()
        g.add((ds, VOID.propertyPartition, part))
        g.add((part, VOID.property, URIRef(prop)))
        g.add((part, VOID.triples, Literal(n)))
    for name, n in sorted(st.graphs.items()):
        sub = URIRef(name)
        g.add((ds, VOID.subset, sub))
        g.add((sub, RDF.type, VOID.Dataset))
        g.add((sub, VOID.triples, Literal(n)))
    for b in st.builds:
        g.add((ds, PROV.wasGeneratedBy, URIRef(b["build"])))
        if b.get("source"):
            g.add((ds, DCTERMS.source, URIRef(b["source"])))
    return str(ds), g
