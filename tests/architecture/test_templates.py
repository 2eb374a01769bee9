"""No app uses another app's templates (import-linter checks the Python side)."""

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
