"""The pages are in Dutch until the user picks English in the header."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_choosing_english_in_the_header_switches_the_page_language(page: Page) -> None:
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    page.get_by_role("banner").get_by_role("button", name="English").click()

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("banner").get_by_role("button", name="Nederlands")).to_be_visible()
