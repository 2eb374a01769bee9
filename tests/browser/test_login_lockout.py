"""Five wrong passwords lock a username (django-axes); then even the right one is refused."""

from __future__ import annotations

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from opmaat.demo import PASSWORD
from tests.browser.pages import submit_login
from tests.demo_logins import INTAKE

pytestmark = pytest.mark.browser


def test_five_wrong_passwords_lock_the_username(page: Page) -> None:
    assert settings.AXES_FAILURE_LIMIT == 5
    for attempt in range(1, 5):
        submit_login(page, INTAKE, f"wrong-{attempt}")
        expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")

    submit_login(page, INTAKE, "wrong-5")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tijdelijk geblokkeerd")

    submit_login(page, INTAKE, PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Tijdelijk geblokkeerd")
    page.goto("/deelnemers/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen")
