"""An intake advisor adjusts a learner's route in the composer and saves a new version."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.pages import LogIn
from tests.demo_logins import INTAKE

pytestmark = pytest.mark.browser


@pytest.fixture
def composer(log_in_as: LogIn) -> Page:
    """The composer for Sanne de Vries, reached the way an advisor would: list, record, composer."""
    page = log_in_as(INTAKE)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Deelnemers").click()
    page.get_by_role("link", name="Sanne de Vries").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sanne de Vries")
    page.get_by_role("link", name="Route samenstellen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Route samenstellen")
    return page


def test_the_preview_follows_the_form_and_saving_adds_a_version(composer: Page) -> None:
    completion = composer.locator("#preview-body [data-testid=completion]")
    expect(completion).to_have_text(re.compile(r"\d{4}$"))
    before = completion.inner_text()

    composer.get_by_label("Doel").select_option("25655")
    composer.get_by_label("Werkuren per week").fill("36")

    expect(composer.locator("#preview-body .summary")).to_contain_text("Mbo-Verpleegkundige")
    explanation = composer.locator("#preview-body [data-testid=explanation]")
    expect(explanation).to_contain_text("BBL met 36 uur werk")
    expect(explanation).to_contain_text("nominaal 48 maanden")
    expect(completion).not_to_have_text(before)
    expect(composer.locator("#preview-body figure.timeline svg")).to_be_visible()
    expect(composer.locator("#preview-body .lanelabel").first).to_have_text("Beroepsgericht")

    composer.get_by_role("button", name="Route opslaan").click()
    expect(composer).to_have_url(re.compile(r"/deelnemers/\d+/routes/2/$"))
    expect(composer.get_by_role("heading", level=1)).to_contain_text("versie 2")
    expect(composer.get_by_role("status")).to_have_text("Route opgeslagen als versie 2.")

    composer.get_by_role("link", name="Routeversies").click()
    versions = composer.locator("table tbody tr")
    expect(versions).to_have_count(2)
    expect(versions.get_by_role("link", name="1", exact=True)).to_be_visible()
    expect(versions.get_by_role("link", name="2", exact=True)).to_be_visible()
    expect(composer.locator("table")).to_contain_text("(25655)")
    expect(composer.locator("table")).to_contain_text("(25656)")
