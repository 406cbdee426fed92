"""What every request passes through (a plain ASGI middleware, cheap on the hot path): size limits on the URL and
the body, and the security headers of every response (a Content-Security-Policy that forbids inline script,
so text that slipped through escaping still could not run; no MIME sniffing; no framing).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Limits", "GuardMiddleware", "SECURITY_HEADERS"]

SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                 b"img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; "
                                 b"frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


@dataclass(frozen=True)
class Limits:
    """The limits that keep one client from holding the server.

    Args:
        query_timeout: seconds a SPARQL query may run (and wait for a free worker).
        max_results: rows or triples a SPARQL query may return.
        max_body: bytes of a request body (a POSTed query).
        max_url: bytes of the request target (path and query string).
        query_workers: processes that run SPARQL queries.
    """

    query_timeout: float = 10.0
    max_results: int = 10_000
    max_body: int = 64 * 1024
    max_url: int = 16 * 1024
    query_workers: int = 2


async def _plain(send, status: int, text: str) -> None:
    body = text.encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


class GuardMiddleware:
    """Refuse over-long URLs (414) and bodies (413, from Content-Length or while reading a chunked body);
    answer HEAD as GET without a body; add the security headers to every response."""

    def __init__(self, app, *, limits: Limits) -> None:
        self.app = app
        self.limits = limits

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        target = len(scope.get("raw_path") or scope["path"].encode()) + len(scope.get("query_string", b""))
        if target > self.limits.max_url:
            return await _plain(send, 414, f"The request URL is longer than this server accepts "
                                           f"({self.limits.max_url:,} bytes). POST a long SPARQL query instead.\n")
        max_body = self.limits.max_body
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    if int(value) > max_body:
                        return await _plain(send, 413, f"The request body is larger than this server accepts "
                                                       f"({max_body:,} bytes).\n")
                except ValueError:
                    return await _plain(send, 400, "Bad Content-Length.\n")
        body = b""
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            # read the (small) body here, bounded, so an over-long one is refused before any route runs
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body += message.get("body", b"")
                if len(body) > max_body:
                    return await _plain(send, 413, f"The request body is larger than this server accepts "
                                                   f"({max_body:,} bytes).\n")
                if not message.get("more_body", False):
                    break
        replayed = False

        async def replay_receive():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        head = scope.get("method") == "HEAD"
        if head:  # HEAD is GET without the body (RFC 9110 §9.3.2), for every route
            scope = {**scope, "method": "GET"}

        async def secured_send(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *SECURITY_HEADERS]}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, replay_receive, secured_send)
