"""The whole journey of the EVC issue in Chromium: pre-scan → account → intake → portfolio
→ assessment → decision → a shorter route. Marloes Bos (`kandidaat`, BBL at 24 contract
hours, towards Begeleider maatschappelijke zorg 25780) seeks recognition for one kerntaak,
Werken aan kwaliteit en deskundigheid, judged werkproces by werkproces."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from opmaat.catalog.cache import current_catalog
from tests.browser.pages import LogIn, learner_pk
from tests.demo_logins import ASSESSOR, EXAM_BOARD, INTAKE, MARLOES
from tests.recognition import files

pytestmark = pytest.mark.browser

UNIT = "23312-B1-K2"
WERKPROCESSEN = ("23312-B1-K2-W1", "23312-B1-K2-W2")
OTHER_UNITS = ("23312-B1-K1", "23312-P1-K1")


def route_total(page: Page) -> int:
    """The route table's total hours: the footer cell that is a number."""
    cells = page.locator("table.route tfoot td").all_inner_texts()
    return next(int(c) for c in cells if c.strip().isdigit())


def unit_hours() -> int:
    """What EVC for UNIT saves: the hours of its werkprocessen in the catalog."""
    return round(current_catalog().units[UNIT].hours)


def prescan_and_keep(page: Page) -> None:
    page.goto("/vrijstellingsscan/")
    page.get_by_label("Welke opleiding wilt u doen?").select_option("25780")
    page.get_by_role("button", name="Verder").click()
    for code in WERKPROCESSEN:
        page.locator(f"input[name='a_{code}'][value='on_my_own']").check()
    page.get_by_role("button", name="Bekijk de uitkomst").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitkomst vrijstellingsscan")
    page.get_by_role("link", name="Inloggen om te bewaren in uw dossier").click()
    page.fill("input[name=username]", MARLOES)
    page.fill("input[name=password]", "opmaat-demo")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("button", name="Bewaar in mijn dossier").click()
    expect(page.get_by_text("De vrijstellingsscan is bewaard in uw dossier.")).to_be_visible()


def intake_and_start(page: Page, marloes: int) -> None:
    page.goto(f"/deelnemers/{marloes}/intake/")
    expect(page.get_by_role("heading", name="Vrijstellingsscans van de deelnemer")).to_be_visible()
    for code in OTHER_UNITS:
        page.get_by_label(re.compile(f"{code} ")).uncheck()
    page.get_by_label(re.compile(f"{UNIT} ")).check()
    page.get_by_role("button", name="Opslaan en advies opstellen").click()
    expect(page.get_by_role("heading", name="Vrijstellingen via EVC")).to_be_visible()
    expect(page.get_by_text(f"scheelt dat {unit_hours()} uur")).to_be_visible()
    expect(page.get_by_role("heading", name="Planning na het EVC-traject")).to_be_visible()
    expect(page.get_by_text("Met EVC is de deelnemer klaar op")).to_be_visible()
    expect(page.get_by_text(re.compile("BBL met 24 uur werk")).first).to_be_visible()

    page.goto(f"/deelnemers/{marloes}/evc/")
    for code in OTHER_UNITS:
        page.get_by_label(re.compile(f"{code} ")).uncheck()
    page.get_by_role("button", name="Traject starten").click()
    expect(page.get_by_text("EVC-traject gestart.")).to_be_visible()
    page.get_by_role("button", name="Intake afronden, portfolio starten").click()
    expect(page.get_by_text("Fase: Portfolio")).to_be_visible()


def build_portfolio(page: Page, marloes: int) -> None:
    page.goto(f"/deelnemers/{marloes}/")
    page.get_by_role("link", name="EVC", exact=True).first.click()
    page.locator("table a").first.click()
    page.get_by_text("Bewijs toevoegen").click()
    page.get_by_label("Soort bewijs").select_option("employer_statement")
    page.get_by_label("Titel").fill("Werkgeversverklaring")
    for code in WERKPROCESSEN:
        page.get_by_label(re.compile(f"{code} ")).check()
    page.get_by_label("Bestand").set_input_files(
        {"name": "verklaring.pdf", "mimeType": "application/pdf", "buffer": files.PDF}
    )
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_role("link", name="Werkgeversverklaring")).to_be_visible()
    page.get_by_role("button", name="Portfolio indienen voor beoordeling").click()
    expect(page.get_by_text("Fase: Beoordeling")).to_be_visible()


def assess(page: Page) -> None:
    page.goto("/evc/")
    page.get_by_role("link", name="Marloes Bos").click()
    for code in WERKPROCESSEN:
        page.get_by_label(re.compile(r"^Werkproces:?$")).select_option(code)
        page.get_by_label("Oordeel").select_option("met")
        page.get_by_label("Onderbouwing").fill("Blijkt uit de werkgeversverklaring.")
        page.get_by_label("Werkgeversverklaring").check()
        page.get_by_role("button", name="Oordeel vastleggen").click()
        expect(page.get_by_text(f"Oordeel vastgelegd: {code}")).to_be_visible()
    page.get_by_role("button", name="Beoordeling afronden, rapport opstellen").click()
    page.get_by_role("button", name="Ervaringscertificaat opstellen").click()
    expect(
        page.get_by_text(re.compile(r"Ervaringscertificaat EVC-\d+-\d+-1 opgesteld"))
    ).to_be_visible()
    page.get_by_role("button", name="Ervaringscertificaat naar de examencommissie").click()
    expect(page.get_by_text("Fase: Besluit examencommissie")).to_be_visible()


def decide(page: Page, procedure_url: str) -> None:
    page.goto(procedure_url)
    page.get_by_label("Motivering").fill("Vrijstelling op grond van het ervaringscertificaat.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(
        page.get_by_text("Besluit vastgelegd; de vrijstellingen staan bij de deelnemer.")
    ).to_be_visible()
    expect(page.get_by_text("Fase: Afgerond")).to_be_visible()


def test_from_pre_scan_to_a_shorter_route(log_in_as: LogIn, page: Page) -> None:
    marloes = learner_pk("Marloes Bos")
    prescan_and_keep(page)
    page.goto(f"/deelnemers/{marloes}/")
    before = route_total(page)

    intake_and_start(log_in_as(INTAKE), marloes)
    build_portfolio(page, marloes)
    procedure_url = page.url
    assess(log_in_as(ASSESSOR))
    decide(log_in_as(EXAM_BOARD), procedure_url)

    page.goto(f"/deelnemers/{marloes}/")
    expect(page.locator("table.route").get_by_text(UNIT)).to_have_count(0)
    expect(page.get_by_role("cell", name="Vrijstelling")).not_to_have_count(0)
    # The kerntaak's hours go, and loopbaan en burgerschap, which runs alongside, shrinks
    # with the shorter route.
    assert before - route_total(page) >= unit_hours()
