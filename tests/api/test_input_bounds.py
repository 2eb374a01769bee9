"""No anonymous denial of service: every input is bounded at the edge, an unknown value is
repeated only by its start, and the public endpoints that cost real work are rate-limited
per client with a 429 problem."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from pytest_django import Settings

from opmaat.domain.catalog import Catalog
from opmaat.domain.errors import SHOWN_LENGTH, UnknownCode, closest_codes
from opmaat.messages import message
from tests.prescan.conftest import HELD, TARGET, scan_form

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse

pytestmark = pytest.mark.django_db

MEGABYTE_CODE = "X" * 1_000_000
# Small enough to read: the problem details of a refusal, never the value refused.
SHORT_ANSWER = 2_000


def post(
    client: Client, path: str, body: Mapping[str, object], address: str = "127.0.0.1"
) -> _MonkeyPatchedWSGIResponse:
    return client.post(path, json.dumps(body), content_type="application/json", REMOTE_ADDR=address)


def test_a_value_longer_than_any_code_is_compared_with_none(default_catalog: Catalog) -> None:
    """The suggestion search costs the product of both lengths: a megabyte is not compared."""
    assert closest_codes(MEGABYTE_CODE, default_catalog.all_codes()) == []
    assert closest_codes("25747", ["25477", "25655"]) == ["25477"]


def test_an_unknown_code_repeats_only_its_start(default_catalog: Catalog) -> None:
    with pytest.raises(UnknownCode) as refused:
        default_catalog.resolve(MEGABYTE_CODE)
    assert refused.value.value == "X" * SHOWN_LENGTH + "…"
    assert len(message(refused.value)) < 200


@pytest.mark.parametrize("path", ["/api/routes/compute", "/api/prescan/"])
def test_a_megabyte_code_is_refused_by_the_schema_in_a_short_answer(
    client: Client, path: str
) -> None:
    response = post(client, path, {"target": MEGABYTE_CODE})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "validation_error"
    assert [e["field"] for e in body["errors"]] == ["body.body.target"]
    assert len(response.content) < SHORT_ANSWER


def test_a_megabyte_answer_key_is_named_by_its_start(client: Client) -> None:
    body = {"target": TARGET, "have": [HELD], "answers": {MEGABYTE_CODE: "never"}}
    response = post(client, "/api/prescan/", body)
    assert response.status_code == 422
    assert len(response.content) < SHORT_ANSWER


def test_lists_are_bounded(client: Client) -> None:
    response = post(client, "/api/routes/compute", {"target": TARGET, "have": [HELD] * 201})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "body.body.have"


def test_a_body_over_the_limit_is_refused_unread(client: Client) -> None:
    response = post(client, "/api/routes/compute", {"target": "X" * 2_000_000})
    assert response.status_code == 413
    body = response.json()
    assert body["type"] == "urn:opmaat:problem:request_too_large"
    assert body["detail"] == "De aanvraag is groter dan 1024 kB."


def test_the_public_pre_scan_page_repeats_only_the_start_of_an_unknown_target(
    client: Client,
) -> None:
    response = client.post("/vrijstellingsscan/", scan_form(target=MEGABYTE_CODE))
    assert response.status_code == 400
    assert len(response.content) < 100_000


# Rate limits ----------------------------------------------------------------------------


@pytest.fixture
def two_a_minute(settings: Settings) -> None:
    settings.PUBLIC_RATE_LIMIT = 2


@pytest.mark.usefixtures("two_a_minute")
@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/routes/compute", {"target": TARGET, "have": [HELD]}),
        ("/api/prescan/", {"target": TARGET, "have": [HELD]}),
        ("/api/credentials/verify", {"type": ["VerifiableCredential"]}),
    ],
)
def test_a_client_over_its_rate_gets_a_429_problem_in_dutch(
    client: Client, path: str, body: Mapping[str, object]
) -> None:
    answers = [post(client, path, body).status_code for _ in range(3)]
    assert answers == [200, 200, 429]
    refused = post(client, path, body)
    assert refused["Content-Type"] == "application/problem+json"
    problem = refused.json()
    assert (problem["status"], problem["code"], problem["title"]) == (
        429,
        "too_many_requests",
        "Te veel aanvragen",
    )
    assert problem["type"] == "urn:opmaat:problem:too_many_requests"
    assert problem["detail"].startswith("U heeft in korte tijd te veel aanvragen gedaan")
    assert 1 <= int(refused["Retry-After"]) <= 60


@pytest.mark.usefixtures("two_a_minute")
def test_the_rate_is_counted_per_client_and_before_the_body_is_read(client: Client) -> None:
    for _ in range(2):
        post(client, "/api/routes/compute", {"target": MEGABYTE_CODE})  # refused, but counted
    assert post(client, "/api/routes/compute", {"target": TARGET}).status_code == 429
    other = post(client, "/api/routes/compute", {"target": TARGET}, "192.0.2.7")
    assert other.status_code == 200


@pytest.mark.usefixtures("two_a_minute")
def test_the_public_pre_scan_form_is_rate_limited_too(client: Client) -> None:
    statuses = [client.post("/vrijstellingsscan/", scan_form()).status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    refused = client.post("/vrijstellingsscan/", scan_form())
    assert "te veel aanvragen" in refused.content.decode()
    assert refused["Retry-After"]


@pytest.mark.usefixtures("two_a_minute")
def test_the_public_verify_page_is_rate_limited_too(client: Client) -> None:
    posted = {"text": '{"type": ["VerifiableCredential"]}'}
    statuses = [client.post("/verifieren/", posted).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert client.post("/verifieren/", posted)["Retry-After"]
