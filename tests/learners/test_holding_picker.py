"""The holding form's code picker: no code typed from memory. It offers "code — name", the
learner's target's units and werkprocessen first; it takes the code, "code — name" or a name
only one code has, and refuses an unknown or shared name in Dutch next to the field."""

from __future__ import annotations

import pytest
from django.test import Client

from opmaat.catalog.cache import current_catalog
from opmaat.learners.services import holding_options
from tests.personas import Personas


@pytest.fixture
def advisor(client: Client, anna_in_training: Personas) -> Client:
    """Bram, Anna's advisor; Anna is on her way to Verzorgende-IG (25656)."""
    client.force_login(anna_in_training.bram)
    return client


def post(client: Client, cast: Personas, code: str) -> tuple[int, list[str]]:
    response = client.post(
        f"/deelnemers/{cast.anna_record.pk}/bezit/", {"code": code, "kind": "held"}
    )
    errors = response.context["form"].errors.get("code", []) if response.context else []
    return response.status_code, list(errors)


def test_the_picker_offers_the_targets_units_and_werkprocessen_first(
    anna_in_training: Personas,
) -> None:
    offered = holding_options(anna_in_training.anna_record)
    fitting = [option.code for option in offered if option.fits]
    catalog = current_catalog()
    units = [unit for unit in catalog.qualifications["25656"].units if unit in catalog.units]
    assert fitting[:3] == ["23268-B1-K1-1", "23268-B1-K1-W1", "23268-B1-K1-W4"]
    assert [code for code in fitting if code in units] == units
    assert set(catalog.werkprocessen_of("25656")) <= set(fitting)
    assert [option.code for option in offered[: len(fitting)]] == fitting
    assert {"25656", "VMBO-GT", "C0054"} <= {option.code for option in offered}


def test_the_learner_page_renders_the_picker_with_its_list(
    advisor: Client, anna_in_training: Personas
) -> None:
    page = advisor.get(f"/deelnemers/{anna_in_training.anna_record.pk}/").content.decode()
    assert 'list="id_code-keuzes"' in page and '<datalist id="id_code-keuzes">' in page
    first = page.index('<option value="23268-B1-K1-1 — Werk in uitvoering">')
    assert first < page.index('<option value="25656 — ')


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("vmbo-gt", "VMBO-GT"),
        ("VMBO-GT — Vmbo-diploma gemengde of theoretische leerweg (mavo)", "VMBO-GT"),
        ("Vmbo-diploma gemengde of theoretische leerweg (mavo)", "VMBO-GT"),
        ("Werk in uitvoering", "23268-B1-K1-1"),  # two units are so called; one fits
    ],
)
def test_a_code_code_and_name_or_a_unique_name_is_recorded(
    advisor: Client, anna_in_training: Personas, typed: str, code: str
) -> None:
    assert post(advisor, anna_in_training, typed)[0] == 302
    assert anna_in_training.anna_record.holdings.filter(code=code).exists()


def test_a_shared_name_is_refused_next_to_the_field_with_the_codes(
    advisor: Client, anna_in_training: Personas
) -> None:
    before = anna_in_training.anna_record.holdings.count()
    status, errors = post(advisor, anna_in_training, "Mbo-Verpleegkundige")
    assert status == 400
    assert errors == [
        "Meer dan één onderdeel heet ‘Mbo-Verpleegkundige’: 25655, 25480. Kies de code uit de "
        "lijst."
    ]
    assert anna_in_training.anna_record.holdings.count() == before


def test_an_unknown_name_or_code_is_refused_in_dutch_with_suggestions(
    advisor: Client, anna_in_training: Personas
) -> None:
    status, [error] = post(advisor, anna_in_training, "zorg op")
    assert status == 400
    assert error.startswith("Geen code of naam ‘zorg op’ gevonden; bedoelt u 23268-B1-K1-3 — ")
    status, [error] = post(advisor, anna_in_training, "25747X")
    assert status == 400 and error.startswith("Onbekende code ‘25747X’")
