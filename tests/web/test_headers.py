"""What every answer says to caches and browsers: nothing personal is stored by a cache
(`Cache-Control: no-store`), public pages stay cacheable, and every page lets the browser
run only opmaat's own scripts and styles (`Content-Security-Policy`; opmaat/web/security.py)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from opmaat.accounts.models import ApiToken
from tests.personas import Personas

pytestmark = pytest.mark.django_db


def no_store(response: object) -> bool:
    cache_control = getattr(response, "headers", {}).get("Cache-Control", "")
    return "no-store" in [part.strip() for part in cache_control.split(",")]


@pytest.mark.parametrize(
    ("who", "page"),
    [
        ("bram", "/"),
        ("anna", "/deelnemers/{anna}/"),
        ("anna", "/deelnemers/{anna}/gegevens.json"),
        ("bram", "/api/learners/{anna}"),
        ("bram", "/api/learners/{anna}/routes"),
        ("anna", "/catalogus/"),
    ],
)
def test_a_signed_in_users_answers_are_never_stored(
    client: Client, personas: Personas, who: str, page: str
) -> None:
    client.force_login(personas.by_name(who))
    response = client.get(page.format(anna=personas.anna_record.pk))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_an_api_answer_to_a_token_is_never_stored(client: Client, personas: Personas) -> None:
    _, key = ApiToken.issue(personas.bram, "test")
    response = client.get(
        f"/api/learners/{personas.anna_record.pk}", headers={"Authorization": f"Bearer {key}"}
    )
    assert response.status_code == 200 and no_store(response)


@pytest.mark.parametrize(
    "page", ["/", "/catalogus/", "/vrijstellingsscan/", "/api/catalog/qualifications"]
)
def test_public_pages_may_be_cached(client: Client, page: str) -> None:
    response = client.get(page)
    assert response.status_code == 200 and not no_store(response)


@pytest.mark.parametrize("page", ["/", "/inloggen/", "/vrijstellingsscan/", "/bestaat-niet/"])
def test_every_page_allows_only_opmaats_own_scripts_and_styles(client: Client, page: str) -> None:
    response = client.get(page)
    assert response["Content-Type"].startswith("text/html")
    assert response["Content-Security-Policy"] == settings.OPMAAT_CONTENT_SECURITY_POLICY
    policy = dict(d.strip().split(" ", 1) for d in response["Content-Security-Policy"].split(";"))
    assert policy["script-src"] == policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"


@pytest.mark.parametrize("page", ["/", "/deelnemers/{anna}/", "/admin/", "/api/docs"])
def test_signed_in_pages_and_the_admin_carry_the_policy_too(
    client: Client, personas: Personas, page: str
) -> None:
    client.force_login(personas.otto)
    response = client.get(page.format(anna=personas.anna_record.pk))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == settings.OPMAAT_CONTENT_SECURITY_POLICY


def test_json_answers_need_no_policy(client: Client) -> None:
    response = client.get("/api/catalog/qualifications")
    assert "Content-Security-Policy" not in response
