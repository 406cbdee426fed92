"""The graph published as linked data: HTML pages and RDF for every IRI, a read-only SPARQL 1.1 endpoint, the
canned questions over HTTP, VoID/DCAT and the dumps. :func:`create_app` builds the ASGI application.

    app.py              routes: thin wiring of the parts below
    urls.py             IRI <-> server path (works locally and behind a proxy)
    negotiation.py      Accept header, extensions, ?format=
    site.py, pages.py   the data behind each page (queries/pages/*.rq) and which page a resource gets
    charts.py           inline SVG: heat map, series bar charts, partner network
    sparql_protocol.py  the SPARQL 1.1 Protocol: requests, refusals (update, SERVICE), service description
    workers.py          query worker processes: the time and result-size limits
    results.py          SPARQL results JSON / XML / CSV / TSV
    description.py      VoID and DCAT
    limits.py           request size limits and security headers
"""

from .app import create_app
from .limits import Limits

__all__ = ["create_app", "Limits"]
