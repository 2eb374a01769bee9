"""Steps the browser tests share: logging in, finding a demo learner, and a journey's walk
that checks every page it visits at a desktop's and a phone's width."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from playwright.sync_api import Page

from opmaat.learners.models import Learner

OpenPage = Callable[[], Page]
LogIn = Callable[[str], Page]

# A desktop window and a small phone: every page must fit both without scrolling sideways.
WIDTHS = (1280, 375)
HEIGHT = 900

# axe-core under the pages' Content Security Policy: page.evaluate runs the script through
# the DevTools protocol, which the policy does not govern (page.add_script_tag would add an
# inline <script>, which it refuses). axe's preload copies the style sheets into <style>
# elements, which style-src refuses too: it is switched off (it serves only the
# css-orientation-lock rule).
AXE_RUN = """async () => {
  const result = await axe.run(document, {preload: false, resultTypes: ["violations"]});
  return result.violations.map(v =>
    `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; ")})`);
}"""
OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"
# What a <details> folds away (the forms to record something) is checked as well: opened.
OPEN_DETAILS = "document.querySelectorAll('details').forEach(d => { d.open = true; })"


def submit_login(page: Page, username: str, password: str) -> None:
    page.goto("/inloggen/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Inloggen").click()


def learner_pk(name: str) -> int:
    return Learner.objects.get(name=name).pk


class Walk:
    """A user's way through the app. `check()` looks at the page the browser is on, with its
    folded parts opened, at each of WIDTHS: the page is no wider than the window, and
    axe-core finds no violation. The problems are collected, so that one run names all of
    them; `finish()` asserts none."""

    def __init__(self, page: Page, axe_source: str) -> None:
        self.page = page
        self.axe_source = axe_source
        self.problems: list[str] = []
        self.checked: list[str] = []

    def visit(self, path: str) -> Page:
        self.page.goto(path)
        self.check()
        return self.page

    def check(self) -> None:
        page = self.page
        where = urlsplit(page.url).path
        page.evaluate(OPEN_DETAILS)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": HEIGHT})
            overflow = page.evaluate(OVERFLOW)
            if overflow > 0:
                self.problems.append(f"{where} at {width} px: {overflow} px wider than the window")
            if page.evaluate("typeof axe") == "undefined":
                page.evaluate(self.axe_source)
            self.problems.extend(f"{where} at {width} px: {v}" for v in page.evaluate(AXE_RUN))
        page.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
        self.checked.append(where)

    def finish(self) -> None:
        assert self.checked, "the journey checked no page"
        assert not self.problems, "\n".join(["", *self.problems])
