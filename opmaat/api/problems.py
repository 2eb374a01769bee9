"""Every error of the API as RFC 9457 problem details (`application/problem+json`).

The body has `type` (`urn:opmaat:problem:<code>`: a stable name that ends in the code, not
tied to a host; docs/errors.md documents each code), `title` (the same for every problem
of a status), `status`, `detail` (the message in the request's language, nl by default)
and `code`, which the API answered before problem details and keeps answering. Problems in
a file or in the request's fields are listed in `errors`, each with `file`, `row`, `field`
and `message`.
"""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.utils.translation import gettext

from opmaat.domain.errors import DomainError, Value, shown_prefix
from opmaat.messages import message, problem_message, render, title

CONTENT_TYPE = "application/problem+json"
TYPE_PREFIX = "urn:opmaat:problem:"

Item = dict[str, str]
Body = dict[str, object]


def problem_body(code: str, status: int, detail: str, errors: list[Item] | None = None) -> Body:
    body: Body = {
        "type": f"{TYPE_PREFIX}{code}",
        "title": title(status, gettext),
        "status": status,
        "detail": detail,
        "code": code,
    }
    if errors:
        body["errors"] = errors
    return body


def domain_problem(error: DomainError) -> Body:
    """The body for a refusal of the domain; a file's problems go to `errors`."""
    items = [
        {
            "file": p.file,
            "row": p.location,
            "field": p.field,
            "message": problem_message(p, gettext),
        }
        for p in error.problems
    ]
    return problem_body(error.code, error.status, message(error, gettext), items)


def edge_problem(code: str, status: int, params: dict[str, Value] | None = None) -> Body:
    """The body for a refusal of the API itself (not_authenticated, forbidden, not_found)."""
    return problem_body(code, status, render(code, params or {}, gettext))


def validation_problem(errors: list[dict[str, object]]) -> Body:
    """The body for a request that does not match the schema (ninja's ValidationError):
    each field's problem in `errors`, its place in the request as `field` (body.hours)."""
    items = [
        {
            "file": "",
            "row": "",
            # A dict's key is part of the place: repeat only its start.
            "field": ".".join(shown_prefix(str(part)) for part in _location(e.get("loc"))),
            "message": str(e.get("msg", "")),
        }
        for e in errors
    ]
    detail = render("validation_error", {"count": len(items)}, gettext)
    return problem_body("validation_error", 422, detail, items)


def _location(loc: object) -> list[object]:
    return list(loc) if isinstance(loc, list | tuple) else []


def problem_response(body: Body) -> HttpResponse:
    status = body["status"]
    assert isinstance(status, int)
    return HttpResponse(
        json.dumps(body, ensure_ascii=False), status=status, content_type=CONTENT_TYPE
    )
