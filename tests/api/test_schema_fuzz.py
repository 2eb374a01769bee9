"""Fuzz the API from the schema it serves (schemathesis): no 5xx, every answer as documented.

The cases go over HTTP to the live server, once without credentials and once with the
intake advisor's bearer token. Random ids and codes almost never exist, so most of them are
pointed at the demo's learners and the catalog's codes before they are sent; otherwise the
fuzzer would only ever see 404s and "unknown code".
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, TypeVar

import pytest
import schemathesis
from django.contrib.auth.models import User
from hypothesis import HealthCheck, settings
from pytest_django import DjangoDbBlocker
from pytest_django.live_server_helper import LiveServer
from schemathesis import BaseSchema
from schemathesis.checks import not_a_server_error
from schemathesis.core import NOT_SET, Body
from schemathesis.specs.openapi.checks import (
    response_schema_conformance,
    status_code_conformance,
)

from opmaat.accounts.models import ApiToken
from opmaat.catalog.cache import current_catalog
from opmaat.learners.models import Learner
from tests.browser.demo_site import load_demo_site, restore_catalog
from tests.demo_logins import INTAKE

if TYPE_CHECKING:
    from schemathesis.specs.openapi.schemas import OpenApiCase

# The live server answers from a thread of this process; see tests/browser/conftest.py.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]
# A few examples per operation keep the run within seconds; OPMAAT_FUZZ_EXAMPLES=500 digs deeper.
FUZZ = settings(
    max_examples=int(os.environ.get("OPMAAT_FUZZ_EXAMPLES", "12")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
V = TypeVar("V")

schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="module", autouse=True)
def catalog_restored(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    """Each test here ends with a flush of every table; the tests after them need the catalog."""
    yield
    with django_db_blocker.unblock():
        restore_catalog()


@pytest.fixture(autouse=True)
def node_id_for_schemathesis(request: pytest.FixtureRequest) -> None:
    """schemathesis 4.32's lazy schemas read and rename `Node._nodeid`, which pytest 9 dropped."""
    request.node._nodeid = request.node.nodeid


@pytest.fixture
def api_schema(transactional_db: None, live_server: LiveServer) -> BaseSchema:
    load_demo_site()
    served = schemathesis.openapi.from_url(f"{live_server.url}/api/openapi.json")
    served.config.update(base_url=live_server.url)
    return served


@pytest.fixture
def intake_key(api_schema: BaseSchema) -> str:
    _, key = ApiToken.issue(User.objects.get(username=INTAKE), "fuzz")
    return key


class Demo:
    """What exists in the database: learner ids and catalog codes to aim cases at."""

    def __init__(self) -> None:
        self.learners = list(Learner.objects.order_by("pk").values_list("pk", flat=True))
        catalog = current_catalog()
        self.codes = sorted([*catalog.qualifications, *catalog.units, *catalog.certificates])

    def learner(self, value: V) -> V | int:
        """Seven in eight integers become a demo learner's id; the rest stay as drawn."""
        if isinstance(value, int) and not isinstance(value, bool) and value % 8:
            return self.learners[value % len(self.learners)]
        return value

    def code(self, value: V) -> V | str:
        """Four in five strings become a catalog code; the rest stay as drawn."""
        if isinstance(value, str) and len(value) % 5:
            return self.codes[len(value) % len(self.codes)]
        return value


@pytest.fixture
def demo(api_schema: BaseSchema) -> Demo:
    return Demo()


def aim_at_the_demo(case: OpenApiCase, demo: Demo) -> None:
    path = case.path_parameters
    if "pk" in path:
        path["pk"] = demo.learner(path["pk"])
    for key in ("crebo", "code"):
        if key in path:
            path[key] = demo.code(path[key])
    if isinstance(case.body, dict):
        for key in ("target", "code"):
            if key in case.body:
                case.body[key] = demo.code(case.body[key])
        for key in ("have", "exempt"):
            values = case.body.get(key)
            if isinstance(values, list):
                case.body[key] = [demo.code(v) for v in values]


@schema.parametrize()
@FUZZ
def test_anonymous_requests_are_answered_as_documented(case: OpenApiCase, demo: Demo) -> None:
    aim_at_the_demo(case, demo)
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@FUZZ
def test_the_intake_advisors_requests_are_answered_as_documented(
    case: OpenApiCase, demo: Demo, intake_key: str
) -> None:
    aim_at_the_demo(case, demo)
    case.call_and_validate(headers={"Authorization": f"Bearer {intake_key}"}, checks=CHECKS)


def found(
    name: str, method: str, path: str, *, query: dict[str, str] | None = None, body: Body = NOT_SET
) -> object:
    """A case the fuzzer found failing once, kept so that it stays fixed."""
    return pytest.param(method, path, query, body, id=name)


@pytest.mark.parametrize(
    ("method", "path", "query", "body"),
    [
        # A route ending after 9999 raised OverflowError in schedule() (500).
        found(
            "compute-late-start",
            "POST",
            "/api/routes/compute",
            body={"target": "25656", "start": "9999-12-01"},
        ),
        found(
            "save-route-late-start",
            "POST",
            "/api/learners/{pk}/routes",
            body={"target": "25656", "start": "9999-12-01"},
        ),
        # PostgreSQL refuses NUL characters in text: psycopg raised DataError (500).
        found("search-nul", "GET", "/api/learners", query={"q": "\x00"}),
        found(
            "holding-evidence-nul",
            "POST",
            "/api/learners/{pk}/holdings",
            body={"code": "NL-3F", "evidence": "diploma\x00"},
        ),
        found(
            "route-note-nul",
            "POST",
            "/api/learners/{pk}/routes",
            body={"target": "25656", "note": "intake\x00"},
        ),
    ],
)
def test_inputs_found_by_fuzzing_are_answered_as_documented(
    api_schema: BaseSchema,
    intake_key: str,
    method: str,
    path: str,
    query: dict[str, str] | None,
    body: Body,
) -> None:
    sanne = Learner.objects.get(name="Sanne de Vries").pk
    case = api_schema[path][method].Case(
        path_parameters={"pk": sanne} if "{pk}" in path else None,
        query=query,
        body=body,
    )
    response = case.call(headers={"Authorization": f"Bearer {intake_key}"})
    assert response.status_code < 500, f"{method} {path} {query or body!r}: {response.status_code}"
    case.validate_response(response, checks=CHECKS)
