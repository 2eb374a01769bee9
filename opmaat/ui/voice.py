"""The reader's voice for worded facts (opmaat.explanations): gettext in the active
language, with its number marks."""

from __future__ import annotations

from django.utils.translation import get_language, gettext

from opmaat.explanations import Voice


def voice() -> Voice:
    return Voice(gettext, english=(get_language() or "nl").startswith("en"))
