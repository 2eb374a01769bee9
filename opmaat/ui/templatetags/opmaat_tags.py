from __future__ import annotations

import re
from datetime import date

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()


@register.filter
def as_date(value: object) -> date | object:
    """An ISO date string from a route document as a date, so `|date` can localise it."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


TRACK_LABELS = {
    "vocational": _("beroepsgericht"),
    "generic": _("generiek"),
    "elective": _("keuzedelen"),
}


@register.filter
def track_label(value: object) -> str:
    """A route item's track as the user reads it; documents saved before tracks existed
    have none and read as vocational."""
    return str(TRACK_LABELS.get(str(value or "vocational"), value))


# The catalog's confidence notes start with how sure a fact is; a note that names several
# levels ("verified (existence); likely (code)") is as sure as its weakest part.
CONFIDENCE_LABELS = (
    ("placeholder", _("plaatshouder, niet uit een bron")),
    ("unverified", _("niet geverifieerd")),
    ("likely", _("waarschijnlijk")),
    ("verified", _("geverifieerd")),
)


@register.filter
def confidence_label(value: object) -> str:
    """A catalog entry's confidence note as a Dutch verdict; empty when it names none."""
    note = str(value or "").lower()
    for word, label in CONFIDENCE_LABELS:
        if re.search(rf"\b{word}\b", note):
            return str(label)
    return ""
