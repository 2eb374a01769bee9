"""A catalog editor uploads a catalog file on the web: a file that would drop an exemption
shows whom it affects, in Dutch, and loads only with the confirmation ticked."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from opmaat.catalog import models
from opmaat.catalog.files import write_catalog
from opmaat.domain.catalog import Catalog
from opmaat.learners.services import current_route
from tests.catalog.reload_samples import (
    NEW_CODE,
    OLD_CODE,
    anna_exempt_for_the_sample_unit,
    mapped,
    renamed,
)
from tests.personas import Personas

pytestmark = pytest.mark.django_db
URL = "/catalogus/laden/"


@pytest.fixture
def cast(personas: Personas) -> Personas:
    return anna_exempt_for_the_sample_unit(personas)


def upload(catalog: Catalog, tmp_path: Path) -> SimpleUploadedFile:
    path = tmp_path / "catalogus.yaml"
    write_catalog(catalog, path, "yaml")
    return SimpleUploadedFile("nieuw.yaml", path.read_bytes())


def test_the_page_lists_whom_a_file_affects_and_writes_nothing(
    client: Client, cast: Personas, tmp_path: Path
) -> None:
    client.force_login(cast.ivo)
    page = client.post(URL, {"file": upload(renamed(), tmp_path)})
    body = page.content.decode()
    assert page.status_code == 409
    assert f'data-code="{OLD_CODE}"' in body and "heeft geen werkprocessen meer" in body
    assert f'data-learner="{cast.anna_record.pk}"' in body and "Anna de Wit" in body
    assert "Na het laden tellen" in body  # the refusal, in Dutch
    assert not models.Unit.objects.filter(code=NEW_CODE).exists()


def test_ticking_the_confirmation_loads_and_re_plans(
    client: Client, cast: Personas, tmp_path: Path
) -> None:
    client.force_login(cast.ivo)
    page = client.post(URL, {"file": upload(renamed(), tmp_path), "confirm": "on"})
    assert page.status_code == 302
    assert models.Unit.objects.filter(code=NEW_CODE).exists()
    plan = current_route(cast.anna_record)
    assert plan is not None and plan.version == 2


def test_a_file_that_maps_the_old_code_loads_at_once(
    client: Client, cast: Personas, tmp_path: Path
) -> None:
    client.force_login(cast.ivo)
    assert client.post(URL, {"file": upload(mapped(), tmp_path)}).status_code == 302
    assert models.Unit.objects.filter(code=NEW_CODE).exists()


def test_a_broken_file_is_refused_at_the_field(client: Client, cast: Personas) -> None:
    client.force_login(cast.ivo)
    broken = SimpleUploadedFile("kapot.yaml", b"format: opmaat-catalog/1\nunits: 3\n")
    page = client.post(URL, {"file": broken})
    assert page.status_code == 200 and "has-error" in page.content.decode()
    assert OLD_CODE in models.Unit.objects.values_list("code", flat=True)


@pytest.mark.parametrize(("who", "status"), [("bram", 403), ("hanna", 403), ("ivo", 200)])
def test_only_catalog_editors_upload(
    client: Client, personas: Personas, who: str, status: int
) -> None:
    client.force_login(personas.by_name(who))
    assert client.get(URL).status_code == status
