"""Templates: no app uses another app's templates (import-linter checks the Python side), and
no page has inline script or style, which the Content Security Policy refuses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "opmaat"
APPS = sorted(p.parent.parent.name for p in PACKAGE.glob("*/templates/*") if p.is_dir())
SHARED = ("ui/", "registration/", "base.html", "403.html", "404.html")
TEMPLATE_TAG = re.compile(r"""{%\s*(?:include|extends)\s+["']([^"']+)["']""")
RENDERED = re.compile(r"""["']([a-z_]+/[a-z_/]+\.html)["']""")


def used_templates(app: str) -> set[str]:
    """The template names an app's templates include or extend and its modules render."""
    root = PACKAGE / app
    names: set[str] = set()
    for template in (root / "templates").rglob("*.html"):
        names.update(TEMPLATE_TAG.findall(template.read_text()))
    for module in root.rglob("*.py"):
        names.update(RENDERED.findall(module.read_text()))
    return names


def test_every_app_with_pages_is_checked() -> None:
    assert {"catalog", "learners", "matching", "recognition", "ui", "web"} <= set(APPS)


@pytest.mark.parametrize("app", APPS)
def test_an_app_uses_only_its_own_and_the_shared_templates(app: str) -> None:
    foreign = {name for name in used_templates(app) if not name.startswith((f"{app}/", *SHARED))}
    assert foreign == set()


# Rendered by WeasyPrint into PDF files, never served as a page: they may style inline.
PDF_TEMPLATES = {
    "credentials/pdf.html",
    "recognition/_pdf_style.html",
    "recognition/_timeline_pdf.html",
    "recognition/advice_pdf.html",
    "recognition/certificate_pdf.html",
}
INLINE = {
    "a <style> element": re.compile(r"<style\b", re.IGNORECASE),
    "a style attribute": re.compile(r"\sstyle\s*=", re.IGNORECASE),
    "an inline script": re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    "an event handler attribute": re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
    "a javascript: link": re.compile(r"javascript:", re.IGNORECASE),
}


def template_name(path: Path) -> str:
    """`app/page.html` for `opmaat/app/templates/app/page.html`."""
    return path.relative_to(next(p for p in path.parents if p.name == "templates")).as_posix()


TEMPLATES = sorted(PACKAGE.glob("**/templates/**/*.html"))
PAGE_TEMPLATES = [path for path in TEMPLATES if template_name(path) not in PDF_TEMPLATES]


def test_the_pdf_templates_exist() -> None:
    assert {template_name(path) for path in TEMPLATES} >= PDF_TEMPLATES


@pytest.mark.parametrize(
    "template", PAGE_TEMPLATES, ids=lambda p: p.relative_to(PACKAGE).as_posix()
)
def test_no_page_template_has_inline_script_or_style(template: Path) -> None:
    """The Content Security Policy refuses them: scripts and styles live in static files."""
    text = template.read_text()
    assert [what for what, pattern in INLINE.items() if pattern.search(text)] == []


SCROLL_BOX = '<div class="table-scroll" tabindex="0">'


@pytest.mark.parametrize(
    "template", PAGE_TEMPLATES, ids=lambda p: p.relative_to(PACKAGE).as_posix()
)
def test_every_table_scrolls_in_its_own_box(template: Path) -> None:
    """On a phone (375 px) a table too wide for the screen scrolls inside its box, never the
    page; the box takes the keyboard's focus so that it can be scrolled without a mouse."""
    text = template.read_text()
    assert text.count("<table") == text.count(SCROLL_BOX + "<table")
    assert text.count("</table>") == text.count("</table></div>")


TITLE_BLOCK = re.compile(r"{%\s*block title\s*%}(.*?){%\s*endblock", re.S)


def test_a_page_title_is_text_without_markup() -> None:
    """The title block becomes the browser tab's <title>: a tag in it is page content that
    landed in the wrong block."""
    marked = [
        str(template.relative_to(PACKAGE))
        for template in PACKAGE.rglob("templates/**/*.html")
        for title in TITLE_BLOCK.findall(template.read_text())
        if "<" in title
    ]
    assert marked == []
