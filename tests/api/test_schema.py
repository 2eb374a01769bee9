"""The schema marks every operation on personal data as needing credentials, and the API
keeps to it: without credentials those operations answer 401 (docs/api.md, "Credentials")."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from opmaat.accounts.models import ApiToken
from opmaat.credentials.models import IssuedCredential
from opmaat.learners.models import Learner
from opmaat.recognition.models import EvcProcedure
from tests.demo_logins import INTAKE

Operation = tuple[str, str]
Schema = dict[str, object]

PERSONAL_PREFIXES = (
    "/api/learners", "/api/me", "/api/recognition/", "/api/progress/",
    "/api/credentials/learners/", "/api/credentials/{uid}",
)  # fmt: skip
# An organisation's or a region's own data: its staff (workforce) and its plans (planning).
# Credentials needed, for members of that organisation or region only (docs/access.md).
MEMBER_PREFIXES = ("/api/workforce/", "/api/planning/")
PUBLIC_PREFIXES = (
    "/api/health", "/api/catalog/", "/api/routes/compute", "/api/prescan/",
    "/api/credentials/verify",
)  # fmt: skip

PRIVATE_OPERATIONS: list[Operation] = [
    ("GET", "/api/me"),
    ("GET", "/api/learners"),
    ("GET", "/api/learners/{pk}"),
    ("GET", "/api/learners/{pk}/holdings"),
    ("POST", "/api/learners/{pk}/holdings"),
    ("GET", "/api/learners/{pk}/routes"),
    ("POST", "/api/learners/{pk}/routes"),
    ("GET", "/api/learners/{pk}/routes/current"),
    ("GET", "/api/recognition/learners/{pk}/procedures"),
    ("GET", "/api/recognition/procedures/{pk}"),
    ("GET", "/api/recognition/procedures/{pk}/certificate"),
    ("POST", "/api/recognition/procedures/{pk}/transitions"),
    ("GET", "/api/progress/learners/{pk}"),
    ("GET", "/api/credentials/learners/{pk}"),
    ("GET", "/api/credentials/{uid}"),
]
BODIES: dict[Operation, dict[str, object]] = {
    ("POST", "/api/learners/{pk}/holdings"): {"code": "NL-3F", "kind": "held"},
    ("POST", "/api/learners/{pk}/routes"): {"target": "25656", "pathway": "BBL"},
    ("POST", "/api/recognition/procedures/{pk}/transitions"): {"target": "portfolio", "version": 1},
}


@pytest.fixture
def schema(client: Client) -> Schema:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document: Schema = response.json()
    return document


def operations(schema: Schema) -> dict[Operation, dict[str, object]]:
    paths = schema["paths"]
    assert isinstance(paths, dict)
    return {
        (method.upper(), path): operation
        for path, methods in paths.items()
        for method, operation in methods.items()
    }


def is_personal(path: str) -> bool:
    return path.startswith(PERSONAL_PREFIXES)


def is_public(path: str) -> bool:
    return path.startswith(PUBLIC_PREFIXES)


def is_members(path: str) -> bool:
    return path.startswith(MEMBER_PREFIXES)


def test_every_operation_is_on_personal_data_members_data_or_public(schema: Schema) -> None:
    kinds = {
        op: (is_personal(op[1]), is_members(op[1]), is_public(op[1])) for op in operations(schema)
    }
    unclassified = [op for op, kind in kinds.items() if sum(kind) != 1]
    assert unclassified == []


def test_operations_on_members_data_require_credentials(schema: Schema) -> None:
    members = [(op, o) for op, o in operations(schema).items() if is_members(op[1])]
    assert members, "the workforce and planning routers are mounted"
    for (method, path), operation in members:
        assert operation.get("security"), f"{method} {path}"


@pytest.mark.usefixtures("demo")
def test_members_data_answers_401_without_credentials(
    schema: Schema, outside_client: Client
) -> None:
    for method, template in operations(schema):
        if not is_members(template):
            continue
        path = re.sub(r"\{[^}]+\}", "1", template)
        answer = outside_client.generic(method, path, "{}", content_type="application/json")
        assert answer.status_code == 401, f"{method} {template}: {answer.status_code}"


def test_operations_on_personal_data_require_credentials(schema: Schema) -> None:
    schemes = schema["components"]["securitySchemes"]  # type: ignore[index]  # JSON, typed object
    for (method, path), operation in operations(schema).items():
        if is_personal(path):
            security = operation.get("security")
            assert isinstance(security, list) and security, f"{method} {path}: {security!r}"
            for requirement in security:
                assert set(requirement) <= set(schemes), f"{method} {path}: {requirement!r}"


def test_public_operations_say_security_is_empty(schema: Schema) -> None:
    for (method, path), operation in operations(schema).items():
        if is_public(path):
            assert operation.get("security") == [], f"{method} {path}"


def test_the_private_operations_below_are_all_there_are(schema: Schema) -> None:
    private = {op for op in operations(schema) if is_personal(op[1])}
    assert private == set(PRIVATE_OPERATIONS)


def subject(operation: Operation) -> int:
    """The demo record an operation is tried on: Sanne's learner record, or a demo EVC
    procedure in a phase where the operation succeeds for the intake advisor."""
    method, template = operation
    if not template.startswith("/api/recognition/procedures/"):
        return Learner.objects.get(name="Sanne de Vries").pk
    procedures = EvcProcedure.objects.all()
    if template.endswith("/certificate"):
        procedures = procedures.filter(certificates__isnull=False)
    if method == "POST":
        procedures = procedures.filter(state="intake")
    found = procedures.first()
    assert found is not None, f"the demo has no EVC procedure for {method} {template}"
    return found.pk


def call(client: Client, operation: Operation, **headers: str) -> int:
    method, template = operation
    path = template.replace("{pk}", str(subject(operation)))
    if "{uid}" in path:  # the demo diploma, which the intake advisor's school issued
        path = path.replace("{uid}", str(IssuedCredential.objects.get(kind="diploma").uid))
    if method == "GET":
        return client.get(path, headers=headers).status_code
    body = json.dumps(BODIES[operation])
    return client.post(path, body, content_type="application/json", headers=headers).status_code


@pytest.fixture
def outside_client() -> Client:
    """A client that is not a browser: no cookies, and CSRF checked as for everyone else."""
    return Client(enforce_csrf_checks=True)


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("operation", PRIVATE_OPERATIONS, ids=" ".join)
def test_a_private_operation_answers_401_without_credentials(
    outside_client: Client, operation: Operation
) -> None:
    assert call(outside_client, operation) == 401


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("operation", PRIVATE_OPERATIONS, ids=" ".join)
def test_a_private_operation_answers_401_to_an_unknown_token(
    outside_client: Client, operation: Operation
) -> None:
    assert call(outside_client, operation, Authorization="Bearer not-a-key") == 401


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("operation", PRIVATE_OPERATIONS, ids=" ".join)
def test_the_same_request_with_the_advisors_token_is_answered(
    outside_client: Client, operation: Operation
) -> None:
    _, key = ApiToken.issue(User.objects.get(username=INTAKE), "schema test")
    assert call(outside_client, operation, Authorization=f"Bearer {key}") in (200, 201)
