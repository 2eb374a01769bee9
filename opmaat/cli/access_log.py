"""The web server's access log without the secrets some links carry.

A password-reset link, a kept pre-scan and a few others put an unguessable token in the
path; whoever reads the log could follow them. The log keeps each request's method, status
and timing, with every token-like path segment and the query string replaced by "…".
"""

from __future__ import annotations

import re

from gunicorn.glogging import Logger

# A path segment that is a token: long and made of URL-safe characters (codes are shorter).
TOKEN = re.compile(r"(?<=/)[A-Za-z0-9_\-]{20,}(?=/|$)")
# The reset link's user id segment ("MQ", "Mg" …) sits before its token (accounts/urls.py).
RESET = re.compile(r"(/wachtwoord/nieuw/)[A-Za-z0-9_\-]+/")


def redacted(path: str) -> str:
    """`path` with its token-like segments replaced."""
    return TOKEN.sub("…", RESET.sub(r"\1…/", path))


class RedactingLogger(Logger):  # type: ignore[misc]  # gunicorn ships no type hints
    def atoms(self, resp, req, environ, request_time):  # type: ignore[no-untyped-def]  # gunicorn's hook
        atoms = super().atoms(resp, req, environ, request_time)
        path = redacted(environ.get("PATH_INFO", ""))
        query = "?…" if environ.get("QUERY_STRING") else ""
        atoms["r"] = f"{environ['REQUEST_METHOD']} {path}{query} {environ['SERVER_PROTOCOL']}"
        atoms["U"], atoms["q"], atoms["f"] = path, "…" if query else "", "-"
        # The environment's and the referrer's copies of the address are left out too.
        return {k: v for k, v in atoms.items() if not k.endswith("}e") and k != "{referer}i"}
