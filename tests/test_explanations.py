"""The sentences that explain routes and pre-scans are worded from facts, in the reader's
language: Dutch for the CLI and stored documents, the chosen language on the web and in
the API, and documents stored before the facts still read as they did."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from opmaat.catalog.files import default_catalog_path, read_catalog
from opmaat.domain.catalog import Catalog
from opmaat.domain.prescan.scan import CanDo, prescan_document, run_prescan
from opmaat.domain.routes import Holdings, Leerweg, plan_route, route_document, study_time
from opmaat.explanations import (
    DUTCH,
    Voice,
    add_prescan_texts,
    add_route_texts,
    prescan_sentences,
    route_sentences,
    unit_reason,
)
from opmaat.prescan.models import SavedPrescan
from opmaat.ui.voice import voice
from tests.prescan.conftest import HELD, PROFILE, scan_form

START = date(2027, 9, 6)
BBL = study_time(Leerweg.BBL, work_hours=28)
DUTCH_WORDS = re.compile(r"\b(maanden|werkprocessen|uur|erkend|vrijstelling|niet|klaar)\b")
ENGLISH_WORDS = re.compile(r"\b(months|work processes|hours|recognised|exemption|not|done)\b")
QUOTED = re.compile(r"\(OER [^)]*\)")  # a school's rule, quoted from its OER as the catalog has it


def dutch_in(sentences: list[str]) -> list[str]:
    """The sentences with Dutch words outside what they quote from the catalog."""
    return [s for s in sentences if DUTCH_WORDS.search(QUOTED.sub("", s))]


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return read_catalog(default_catalog_path())


def test_numbers_carry_the_languages_marks() -> None:
    assert (DUTCH.hours(1952), DUTCH.decimal(26.25), DUTCH.decimal(32.0)) == ("1.952", "26,2", "32")
    english = Voice(english=True)
    assert (english.hours(1952), english.decimal(26.25)) == ("1,952", "26.2")


def test_a_route_is_explained_in_dutch_by_default_and_in_english_when_chosen(
    catalog: Catalog,
) -> None:
    document = route_document(plan_route(catalog, "25779", Holdings(("25780",)), START, BBL))
    dutch = route_sentences(document)
    assert dutch[0].startswith("Deze route duurt") and "nominaal 36 maanden" in dutch[0]
    assert any(s.startswith("BBL met 28 uur werk") for s in dutch)
    with translation.override("en"):
        english = route_sentences(document, voice())
    assert english[0].startswith("This route takes") and "nominally 36 months" in english[0]
    assert not dutch_in(english), english


def test_a_closed_target_says_which_admission_rule_closes_it(catalog: Catalog) -> None:
    route = plan_route(catalog, "25741", Holdings(("VMBO-BB",)), START, BBL)
    document = add_route_texts(route_document(route))
    target = document["target"]
    assert isinstance(target, dict) and target["admission_rule"] == "entree"
    assert "WEB art. 8.1.1b" in str(target["reason"]) and target["reason"] in str(
        document["explanation"]
    )
    with translation.override("en"):
        said = route_sentences(document, voice())[-1]
    assert said.startswith("Entree is only for") and "Vmbo" in said


def test_a_route_stored_before_the_newer_facts_is_worded_from_those_it_has(
    catalog: Catalog,
) -> None:
    document = route_document(plan_route(catalog, "25779", Holdings(("25780",)), START, BBL))
    facts = dict(document["explanation_facts"])  # type: ignore[call-overload]  # a JSON object
    for newer in ("nothing_left", "electives_reduced", "bbl_norm_top_up", "admission_rule"):
        facts.pop(newer)
    old = {**document, "explanation_facts": facts}
    assert route_sentences(old) == route_sentences(document)


def test_a_route_stored_without_facts_shows_the_sentences_it_was_saved_with() -> None:
    assert route_sentences({"explanation": ["Zoals toen opgeslagen."]}) == [
        "Zoals toen opgeslagen."
    ]


def test_every_unit_of_a_prescan_says_why_in_both_languages(catalog: Catalog) -> None:
    answers = dict.fromkeys(PROFILE, CanDo.ON_MY_OWN)
    result = run_prescan(catalog, "25779", [HELD], answers, start=START)
    document = prescan_document(result)
    units = document["units"]
    assert isinstance(units, list)
    dutch = [unit_reason(unit) for unit in units]
    with translation.override("en"):
        english = [unit_reason(unit, voice()) for unit in units]
        sentences = prescan_sentences(document, voice())
    assert all(dutch) and all(english) and not set(dutch) & set(english)
    assert not dutch_in(english), english
    assert "diploma 25780" in dutch[0] and "diploma 25780" in english[0]
    assert sentences and not dutch_in(sentences), sentences


def test_the_stored_prescan_keeps_its_dutch_texts_for_scripts(catalog: Catalog) -> None:
    result = run_prescan(catalog, "25779", [HELD], {}, start=START)
    document = add_prescan_texts(prescan_document(result))
    units, sentences = document["units"], document["explanation"]
    assert isinstance(units, list) and isinstance(sentences, list) and sentences
    texts = [str(u["reason"]) for u in units] + [str(s) for s in sentences]
    assert all(texts) and not [t for t in texts if ENGLISH_WORDS.search(QUOTED.sub("", t))]


@pytest.mark.django_db
def test_the_prescan_page_in_english_reads_english(client: Client, personas: object) -> None:
    answers = dict.fromkeys(PROFILE, "on_my_own")
    client.post("/vrijstellingsscan/", scan_form(have=[HELD], answers=answers))
    scan = SavedPrescan.objects.get()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(f"/vrijstellingsscan/{scan.token}/").content.decode()
    assert "Exemption on the grounds of diploma 25780" in page
    assert "The work process that counts" in page or "work processes that count" in page
    assert "Vrijstelling op grond van" not in page and "werkprocessen die tellen" not in page
