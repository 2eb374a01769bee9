"""A visitor runs the vrijstellingsscan without an account for a BBL week, sees the
estimates and the months, tries another week, then logs in as the demo learner and keeps
the scan on her record; a target the visitor may not start says so."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.pages import learner_pk
from tests.demo_logins import SANNE

pytestmark = pytest.mark.browser

# Begeleider MZ (25780) towards Persoonlijk begeleider MZ (25779): the level-4 profile.
PROFILE = [f"23312-P2-K1-W{i}" for i in range(1, 7)]
CERTAIN, LIKELY = "Zeker vrijgesteld", "Waarschijnlijk"


def choose_target(page: Page, code: str) -> None:
    page.goto("/")
    page.get_by_role("link", name="Doe de vrijstellingsscan").click()
    page.get_by_label("Welke opleiding wilt u doen?").select_option(code)
    page.get_by_role("button", name="Verder").click()


def run_scan(page: Page) -> None:
    choose_target(page, "25779")
    page.get_by_label("Begeleider maatschappelijke zorg (niveau 3, 25780)", exact=True).check()
    for code in PROFILE:
        page.locator(f"input[name='a_{code}'][value='on_my_own']").check()
    page.get_by_label("Hoe wilt u leren?").select_option("BBL")
    page.get_by_label("Contracturen per week (BBL)").fill("32")
    page.get_by_label("Studie-uren per week").fill("")
    page.get_by_role("button", name="Bekijk de uitkomst").click()


def test_a_visitor_sees_the_estimates_and_the_learner_keeps_them(page: Page) -> None:
    run_scan(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitkomst vrijstellingsscan")
    badges = page.locator("[data-estimate]")
    expect(badges).to_have_text(
        [CERTAIN, LIKELY, LIKELY, CERTAIN, CERTAIN, CERTAIN, LIKELY, LIKELY, LIKELY]
    )
    expect(page.get_by_text("diploma 25780").first).to_be_visible()
    expect(page.locator("#remaining-months")).to_have_text(re.compile(r"^\d+(,\d)?$"))
    expect(page.get_by_text(re.compile("BBL met 32 uur werk"))).to_be_visible()
    expect(page.locator("figure.hours-chart svg rect")).to_have_count(3)
    result_url = page.url

    page.get_by_label("Hoe wilt u leren?").select_option("BOL")
    page.get_by_label("Contracturen per week (BBL)").fill("")
    page.get_by_label("Studie-uren per week").fill("20")
    page.get_by_role("button", name="Herbereken").click()
    expect(page.locator("#replanned")).to_be_visible()
    expect(page.get_by_text(re.compile("BOL met 20 studie-uren per lesweek"))).to_be_visible()

    page.get_by_role("link", name="Inloggen om te bewaren in uw dossier").click()
    page.fill("input[name=username]", SANNE)
    page.fill("input[name=password]", "opmaat-demo")
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(result_url)
    page.get_by_role("button", name="Bewaar in mijn dossier").click()

    sanne = learner_pk("Sanne de Vries")
    expect(page).to_have_url(re.compile(rf"/deelnemers/{sanne}/vrijstellingsscans/$"))
    expect(page.get_by_text("De vrijstellingsscan is bewaard in uw dossier.")).to_be_visible()
    expect(
        page.get_by_role("cell", name=re.compile("Persoonlijk begeleider maatschappelijke zorg"))
    ).to_be_visible()


def test_a_target_the_visitor_may_not_start_is_shown_as_not_open(page: Page) -> None:
    choose_target(page, "25741")
    page.get_by_label("Vmbo-diploma gemengde of theoretische leerweg (mavo) (VMBO-GT)").check()
    page.get_by_role("button", name="Bekijk de uitkomst").click()
    alert = page.locator("#not-open")
    expect(alert).to_contain_text("U kunt deze opleiding nu niet starten.")
    expect(alert).to_contain_text("Entree is alleen voor")
