"""Whoever may not see a learner's record gets the login page or "Geen toegang" (403).

Personas from the demo: Sanne de Vries (login `deelnemer`) works at Zorggroep Het Baken and
lets it see her record; Petra Jansen works there too but never consented; `hr` is Het Baken's
HR officer.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.pages import LogIn, learner_pk
from tests.demo_logins import EMPLOYER_HR, SANNE

pytestmark = pytest.mark.browser


def expect_refused(page: Page, path: str) -> None:
    response = page.goto(path)
    assert response is not None and response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Geen toegang")


def test_an_anonymous_visitor_is_sent_to_the_login_page(page: Page) -> None:
    path = f"/deelnemers/{learner_pk('Sanne de Vries')}/"
    page.goto(path)
    expect(page).to_have_url(re.compile(rf"/inloggen/\?next={re.escape(path)}$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
    expect(page.locator("main")).not_to_contain_text("Sanne de Vries")


def test_an_employer_without_consent_gets_no_access(log_in_as: LogIn) -> None:
    expect_refused(log_in_as(EMPLOYER_HR), f"/deelnemers/{learner_pk('Petra Jansen')}/")


def test_a_learner_cannot_open_another_learners_record(log_in_as: LogIn) -> None:
    expect_refused(log_in_as(SANNE), f"/deelnemers/{learner_pk('Mohamed El Amrani')}/")


def test_withdrawing_consent_shuts_the_employer_out(log_in_as: LogIn) -> None:
    path = f"/deelnemers/{learner_pk('Sanne de Vries')}/"
    employer = log_in_as(EMPLOYER_HR)
    employer.goto(path)
    expect(employer.get_by_role("heading", level=1)).to_have_text("Sanne de Vries")

    sanne = log_in_as(SANNE)
    sanne.get_by_role("button", name="Toestemming intrekken").click()
    expect(sanne.get_by_role("heading", level=1)).to_have_text(
        "Toestemming voor Zorggroep Het Baken (demo) intrekken?"
    )
    still_open = employer.goto(path)  # asking changed nothing
    assert still_open is not None and still_open.status == 200
    sanne.get_by_role("button", name="Ja, toestemming intrekken").click()
    expect(sanne.get_by_role("status")).to_have_text(
        "Toestemming voor Zorggroep Het Baken (demo) ingetrokken."
    )
    expect(sanne.get_by_role("button", name="Toestemming geven")).to_be_visible()

    expect_refused(employer, path)
