"""`opmaat catalog load` says, before writing, whose recognition a file would drop, and
loads it only when the file maps the old codes or `--force` is given."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
from tests.cli.conftest import Opmaat
from tests.personas import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(personas: Personas) -> Personas:
    return anna_exempt_for_the_sample_unit(personas)


def file_of(catalog: Catalog, path: Path) -> str:
    write_catalog(catalog, path, "yaml")
    return str(path)


def test_a_file_that_drops_her_exemption_is_refused_in_dutch_lines(
    opmaat: Opmaat, cast: Personas, tmp_path: Path
) -> None:
    result = opmaat("catalog", "load", file_of(renamed(), tmp_path / "renamed.yaml"))
    assert result.code == 1
    lines = result.err.splitlines()
    assert lines[0] == (
        "Codes die na het laden niet meer meetellen en waarnaar deelnemers verwijzen:"
    )
    assert f"  {OLD_CODE} Voert verpleegtechnische handelingen uit: heeft geen werkprocessen " \
        "meer (hernoemd?)" in lines  # fmt: skip
    anna = cast.anna_record.pk
    assert (
        f"  Anna de Wit ({anna}): bezit (vrijstelling): {OLD_CODE}; route versie 1: {OLD_CODE}"
        in lines
    )
    assert lines[-1].startswith("opmaat: fout [catalog_drops_recognition]: Na het laden tellen")
    assert lines[-1].endswith("(--force laadt toch)")
    assert not models.Unit.objects.filter(code=NEW_CODE).exists()


def test_json_lists_the_learners_and_the_codes(
    opmaat: Opmaat, cast: Personas, tmp_path: Path
) -> None:
    result = opmaat("catalog", "load", file_of(renamed(), tmp_path / "r.yaml"), "--json")
    assert result.code == 1
    document = json.loads(result.out)
    assert document["format"] == "opmaat-catalog-impact/1" and document["loaded"] is False
    assert document["dropped"] == [
        {"code": OLD_CODE, "name": "Voert verpleegtechnische handelingen uit", "loss": "emptied"}
    ]
    [learner] = document["learners"]
    assert learner["learner"] == cast.anna_record.pk
    assert {r["use"] for r in learner["references"]} == {"holding", "route"}


def test_force_loads_and_re_plans(opmaat: Opmaat, cast: Personas, tmp_path: Path) -> None:
    result = opmaat("catalog", "load", file_of(renamed(), tmp_path / "r.yaml"), "--force")
    assert result.code == 0, result.err
    assert "Opnieuw gepland: 1 route(s); niet opnieuw te plannen, gemarkeerd als verouderd: 0" in (
        result.out
    )
    plan = current_route(cast.anna_record)
    assert plan is not None and plan.version == 2


def test_a_file_that_maps_the_old_code_loads(
    opmaat: Opmaat, cast: Personas, tmp_path: Path
) -> None:
    result = opmaat("catalog", "load", file_of(mapped(), tmp_path / "m.yaml"))
    assert result.code == 0, result.err
    assert result.out.startswith("Loaded ")
    assert models.Unit.objects.filter(code=NEW_CODE).exists()
