"""A visitor runs the vrijstellingsscan without an account, sees the estimates, then logs in
as the demo learner and keeps the scan on her record."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.pages import learner_pk

pytestmark = pytest.mark.browser

P3 = [f"23181-P3-K1-W{i}" for i in range(1, 9)]


def run_scan(page: Page) -> None:
    page.goto("/")
    page.get_by_role("link", name="Doe de vrijstellingsscan").click()
    page.get_by_label("Welke opleiding wilt u doen?").select_option("25477")
    page.get_by_role("button", name="Verder").click()
    page.get_by_label("Begeleider gehandicaptenzorg (niveau 3, 25475)").check()
    for code in P3:
        page.locator(f"input[name='a_{code}'][value='on_my_own']").check()
    page.get_by_label("Hoeveel uur per week kunt u leren?").fill("16")
    page.get_by_role("button", name="Bekijk de uitkomst").click()


def test_a_visitor_sees_the_estimates_and_the_learner_keeps_them(page: Page) -> None:
    run_scan(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Uitkomst vrijstellingsscan")
    badges = page.locator("[data-estimate]")
    expect(badges).to_have_text(["Zeker vrijgesteld", "Zeker vrijgesteld", "Waarschijnlijk"])
    expect(page.get_by_text("diploma 25475").first).to_be_visible()
    expect(page.locator("figure.hours-chart svg rect")).to_have_count(3)
    expect(
        page.get_by_text(re.compile(r"Bij 16 uur per week is dat ongeveer \d+ weken"))
    ).to_be_visible()
    result_url = page.url

    page.get_by_role("link", name="Inloggen om te bewaren in uw dossier").click()
    page.fill("input[name=username]", "deelnemer")
    page.fill("input[name=password]", "opmaat-demo")
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(result_url)
    page.get_by_role("button", name="Bewaar in mijn dossier").click()

    sanne = learner_pk("Sanne de Vries")
    expect(page).to_have_url(re.compile(rf"/deelnemers/{sanne}/vrijstellingsscans/$"))
    expect(page.get_by_text("De vrijstellingsscan is bewaard in uw dossier.")).to_be_visible()
    expect(
        page.get_by_role("cell", name=re.compile("Persoonlijk begeleider gehandicaptenzorg"))
    ).to_be_visible()
