"""Where each IRI of the graph answers on this server, and the reverse: the one mapping between IRIs and paths.

The data base IRI (``https://w3id.org/a4p/id/``) is cut at its last path segment: the *site root*
(``https://w3id.org/a4p/``) is what a proxy or a w3id.org redirect sends to this server, and what follows it is
the server path (``/id/report/A-74-533/para/13``). The same rule holds locally (http://127.0.0.1:8000/id/...)
and behind a proxy that forwards the public IRIs' paths, so a page's links are server-relative paths, never the
host it was asked on. A ``root_path`` (proxy mounts the app under a prefix) is prepended to every link.

The ontology (a hash namespace, ``https://w3id.org/a4p/ontology#Report``) answers at ``/ontology``; IRIs of
other authorities (``http://metadata.un.org/sdg/5``) are described at ``/resource?iri=...``.

>>> m = IriMap("https://w3id.org/a4p/id/")
>>> m.data_path
'/id/'
>>> m.path_of("https://w3id.org/a4p/id/report/A-74-533/para/13")
'/id/report/A-74-533/para/13'
>>> m.iri_of("/id/report/A-74-533/para/13")
'https://w3id.org/a4p/id/report/A-74-533/para/13'
>>> m.href("https://w3id.org/a4p/ontology#Report")
'/ontology#Report'
>>> m.href("http://metadata.un.org/sdg/5")
'/resource?iri=http%3A%2F%2Fmetadata.un.org%2Fsdg%2F5'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from ..namespaces import DEFAULT_BASE, ONTOLOGY_IRI

__all__ = ["IriMap", "RDF_EXTENSIONS"]

#: file extensions that pick a representation (``/id/report/A-74-533.ttl``)
RDF_EXTENSIONS = {"ttl": "turtle", "jsonld": "jsonld", "nt": "ntriples", "rdf": "rdfxml", "html": "html"}


def _data_path(base_iri: str) -> str:
    path = urlsplit(base_iri).path or "/"
    segments = [s for s in path.split("/") if s]
    return "/" + segments[-1] + "/" if segments else "/"


@dataclass(frozen=True)
class IriMap:
    """Maps IRIs under ``base_iri`` (and the ontology) to server paths and back.

    Args:
        base_iri: the data base IRI the graph was built with (ends with ``/``).
        ontology_iri: the ontology's IRI (its terms are ``ontology_iri#Term``).
        data_path: the server path of ``base_iri`` (default: its last path segment, ``/id/``).
        root_path: a prefix a proxy mounts the application under (``/a4p``), prepended to links.
    """

    base_iri: str = DEFAULT_BASE
    ontology_iri: str = ONTOLOGY_IRI
    data_path: str = ""
    root_path: str = ""
    ontology_path: str = "/ontology"
    _ns: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        if not self.base_iri.endswith(("/", "#")):
            object.__setattr__(self, "base_iri", self.base_iri + "/")
        if not self.data_path:
            object.__setattr__(self, "data_path", _data_path(self.base_iri))
        object.__setattr__(self, "root_path", self.root_path.rstrip("/"))
        object.__setattr__(self, "_ns", self.ontology_iri + "#")

    # -- IRI -> server
    def path_of(self, iri: str) -> str | None:
        """The server path (without ``root_path``) where ``iri`` answers, or None for a foreign IRI."""
        if iri.startswith(self.base_iri) and len(iri) > len(self.base_iri):
            return self.data_path + _quote_path(iri[len(self.base_iri):])
        if iri == self.ontology_iri or iri.startswith(self._ns):
            return self.ontology_path
        if iri.startswith(self.ontology_iri + "/"):  # the version IRI
            return self.ontology_path
        return None

    def href(self, iri: str, *, ext: str | None = None) -> str:
        """A link to the page of ``iri`` on this server (the ``#Term`` anchor for ontology terms)."""
        path = self.path_of(iri)
        if path is None:
            q = f"/resource?iri={quote(iri, safe='')}"
            return self.root_path + q + (f"&format={ext}" if ext else "")
        if path == self.ontology_path:
            frag = iri[len(self._ns):] if iri.startswith(self._ns) else ""
            return self.root_path + path + (f".{ext}" if ext else "") + (f"#{quote(frag)}" if frag and not ext
                                                                         else "")
        return self.root_path + path + (f".{ext}" if ext else "")

    def link(self, path: str) -> str:
        """A server path as a link (``root_path`` prepended)."""
        return self.root_path + path

    # -- server -> IRI
    def iri_of(self, path: str) -> str | None:
        """The data IRI a server path names, or None when the path is not under ``data_path``."""
        if path.startswith(self.data_path) and len(path) > len(self.data_path):
            return self.base_iri + path[len(self.data_path):]
        return None

    def is_local(self, iri: str) -> bool:
        return self.path_of(iri) is not None


def _quote_path(rest: str) -> str:
    # IRIs minted by a4p_kg.iris are ASCII slugs; quote anything else so a link stays one path
    return quote(rest, safe="/-._~!$&'()*+,;=:@")
