"""The plain home page, the health check and the admin."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_home_page_lists_the_catalog_in_dutch(client: Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "Persoonlijk begeleider gehandicaptenzorg" in html
    assert "voorlopig" in html  # provisional qualifications are labelled


def test_healthz_answers_when_the_database_is_up(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_the_admin_requires_a_login(client: Client) -> None:
    response = client.get("/admin/catalog/unit/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_an_admin_can_browse_units(client: Client) -> None:
    client.force_login(User.objects.create_superuser("beheer", password="x-long-password-1"))
    response = client.get("/admin/catalog/unit/?q=23181-B1-K1")
    assert response.status_code == 200
    assert "23181-B1-K1" in response.content.decode()


def test_hours_an_editor_changes_become_the_schools_figure(client: Client) -> None:
    from opmaat.catalog.models import Unit

    client.force_login(User.objects.create_superuser("beheer", password="x-long-password-1"))
    unit = Unit.objects.get(code="NL-2F")
    page = client.get(f"/admin/catalog/unit/{unit.pk}/change/")
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({"hours": "150", "outcomes-TOTAL_FORMS": "0", "outcomes-INITIAL_FORMS": "0"})
    response = client.post(f"/admin/catalog/unit/{unit.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    unit.refresh_from_db()
    assert (unit.hours, unit.hours_source) == (150, "school")


def test_pages_are_dutch_whatever_the_browser_prefers(client: Client) -> None:
    page = client.get("/", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert '<html lang="nl">' in page.content.decode()


def test_english_once_the_user_chooses_it(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/catalogus/"})
    assert response.status_code == 302
    assert '<html lang="en">' in client.get("/catalogus/").content.decode()


def test_every_page_links_the_favicon_from_the_static_files(client: Client) -> None:
    from pathlib import Path

    from django.contrib.staticfiles import finders

    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    icon = finders.find("favicon.svg")
    assert isinstance(icon, str) and "<svg" in Path(icon).read_text(encoding="utf-8")


def test_the_confirmations_are_a_status_region_around_a_plain_list() -> None:
    """axe-core refuses role="status" on a <ul> (its items lose their list)."""
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    html = render_to_string(
        "base.html", {"messages": [Message(constants.SUCCESS, "Opgeslagen")]}, request
    )
    assert '<div role="status"><ul class="messages">' in html
    assert '<li class="success">Opgeslagen</li>' in html
