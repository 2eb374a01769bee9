"""The catalog's admin shows stored choices in Dutch ("beroepsgericht", "schatting van
opmaat"), while the database and the file format keep their values."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from opmaat.accounts.services import make_catalog_editor
from opmaat.catalog import models

pytestmark = pytest.mark.django_db

ENGLISH_VALUES = re.compile(r">\s*(vocational|elective|generic|estimate|school|source)\s*<")


@pytest.fixture
def editor() -> Client:
    user = User.objects.create_user("rosa", password="x")
    make_catalog_editor(user)
    client = Client()
    client.force_login(user)
    return client


def test_the_unit_list_and_its_filters_are_in_dutch(editor: Client) -> None:
    page = editor.get("/admin/catalog/unit/").content.decode()
    assert "beroepsgericht" in page and "schatting van opmaat" in page
    assert not ENGLISH_VALUES.findall(page)
    filtered = editor.get("/admin/catalog/unit/?kind=generic").content.decode()
    assert "Nederlands 3F" in filtered and "beroepsgericht</td>" not in filtered


def test_the_unit_form_offers_dutch_choices_and_saves_the_value(editor: Client) -> None:
    unit = models.Unit.objects.filter(kind="vocational").first()
    assert unit is not None
    page = editor.get(f"/admin/catalog/unit/{unit.pk}/change/").content.decode()
    assert re.search(r'<option value="vocational" selected>beroepsgericht</option>', page)
    assert '<option value="estimate"' in page and ">schatting van opmaat<" in page
    assert not ENGLISH_VALUES.findall(page)


def test_the_qualification_form_names_the_admission_rule(editor: Client) -> None:
    qualification = models.Qualification.objects.first()
    assert qualification is not None
    page = editor.get(f"/admin/catalog/qualification/{qualification.pk}/change/").content
    assert '<option value="open"' in page.decode()
    assert ">without_level_2_entry<" not in page.decode()
