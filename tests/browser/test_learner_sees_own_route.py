"""A learner logs in and finds their route, what they hold, and all their data."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.pages import LogIn, learner_pk
from tests.demo_logins import SANNE

pytestmark = pytest.mark.browser


@pytest.fixture
def sanne(log_in_as: LogIn) -> Page:
    return log_in_as(SANNE)


def test_a_learner_lands_on_their_own_record(sanne: Page) -> None:
    expect(sanne).to_have_url(re.compile(rf"/deelnemers/{learner_pk('Sanne de Vries')}/$"))
    expect(sanne.get_by_role("heading", level=1)).to_have_text("Sanne de Vries")


def test_the_route_is_a_timeline_with_its_completion_date(sanne: Page) -> None:
    expect(sanne.locator("figure.timeline svg")).to_be_visible()
    expect(sanne.locator("figure.timeline svg g.bar").first).to_be_attached()
    expect(sanne.locator("figure.timeline figcaption")).to_have_text(
        re.compile(r"^Klaar op \d{1,2} \w+ \d{4}$")
    )


def test_the_route_explains_itself_against_the_nominal_duration(sanne: Page) -> None:
    explanation = sanne.get_by_test_id("explanation")
    expect(explanation).to_contain_text("nominaal 36 maanden")
    expect(explanation).to_contain_text("BBL met 28 uur werk")
    lanes = sanne.locator("figure.timeline .lanelabel")
    expect(lanes).to_have_text(["Beroepsgericht", "Generiek", "Keuzedelen"])


def test_on_a_phone_the_route_fits_the_screen(sanne: Page) -> None:
    sanne.set_viewport_size({"width": 375, "height": 800})
    sanne.reload()
    expect(sanne.get_by_test_id("explanation")).to_be_visible()
    expect(sanne.locator("figure.timeline svg")).to_be_visible()
    overflow = sanne.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1


def test_the_holdings_list_the_exemption_for_dutch(sanne: Page) -> None:
    holdings = sanne.locator(
        "section", has=sanne.get_by_role("heading", name="Behaald en vrijgesteld")
    )
    expect(holdings.get_by_role("cell", name="NL-2F", exact=True)).to_be_visible()


def test_the_learner_downloads_their_data_as_json(sanne: Page) -> None:
    with sanne.expect_download() as started:
        sanne.get_by_role("link", name="Download al uw gegevens (JSON)").click()
    download = started.value
    assert download.suggested_filename.endswith(".json")
    document = json.loads(download.path().read_text(encoding="utf-8"))
    assert document["format"] == "opmaat-learner-export/1"
    assert document["learner"]["name"] == "Sanne de Vries"
    assert document["account"]["username"] == SANNE
    assert sorted(h["code"] for h in document["holdings"]) == ["NL-2F", "VMBO-GT"]
