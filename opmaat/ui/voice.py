"""The reader's voice for worded facts (opmaat.explanations): gettext in the active
language, with its number marks and dates, and catalog codes by their names."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import get_language, gettext

from opmaat.explanations import Voice, same

# How a catalog code is named ("Nederlands 3F" for NL-3F) and whether it is a generic
# subject: given by the catalog app when it starts (opmaat.catalog.apps), as the shared UI
# imports no app.
NAMING: dict[str, Callable[[str], object]] = {"name": same, "generic": lambda code: False}


def name(code: str) -> str:
    return str(NAMING["name"](code))


def is_generic(code: str) -> bool:
    return bool(NAMING["generic"](code))


def voice() -> Voice:
    return Voice(gettext, english=(get_language() or "nl").startswith("en"), name=name)
