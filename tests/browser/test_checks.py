"""The journeys' checks find what they look for: a page wider than a phone, and what axe-core
calls a violation, run under the pages' Content Security Policy (the fixture fails a test
whose page refused a script or a style: axe's own included)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.browser.pages import Walk

pytestmark = pytest.mark.browser

# Made in the page through the DOM, which the policy allows (it refuses markup and inline code).
TOO_WIDE = """() => { const box = document.createElement("div");
  box.style.width = "500px"; box.style.height = "1px";
  document.querySelector("main").append(box); }"""
NO_ALT = """() => { const img = document.createElement("img");
  img.src = "/static/favicon.svg"; document.querySelector("main").append(img); }"""


def test_a_page_wider_than_the_phone_is_reported_at_375_px(walk_as: Callable[[str], Walk]) -> None:
    walk = walk_as("")
    walk.page.goto("/")
    walk.page.evaluate(TOO_WIDE)
    walk.check()
    assert [p for p in walk.problems if "wider than the window" in p] == [
        "/ at 375 px: 141 px wider than the window"  # 500 + 2 x 16 px padding - 375
    ]


def test_an_image_without_a_text_alternative_is_reported_by_axe(
    walk_as: Callable[[str], Walk],
) -> None:
    walk = walk_as("")
    walk.page.goto("/catalogus/")
    walk.page.evaluate(NO_ALT)
    walk.check()
    assert [p.split(":")[1].strip() for p in walk.problems] == ["image-alt"] * 2
    with pytest.raises(AssertionError, match="image-alt"):
        walk.finish()
