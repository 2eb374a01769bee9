from __future__ import annotations

import re
from datetime import date

from django import template
from django.utils.translation import gettext_lazy as _

from opmaat import explanations
from opmaat.domain.catalog.sources import SourceLine
from opmaat.domain.catalog.sources import source_lines as readable_sources
from opmaat.domain.routes import Verdict
from opmaat.domain.routes.explain import admission_facts
from opmaat.ui.voice import voice

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


@register.filter
def route_sentences(document: object) -> list[str]:
    """Why a route document's route takes as long as it does, in the reader's language."""
    return explanations.route_sentences(explanations.mapping(document), voice())


@register.filter
def prescan_sentences(document: object) -> list[str]:
    """A pre-scan document's durations and why, in the reader's language."""
    return explanations.prescan_sentences(explanations.mapping(document), voice())


@register.filter
def unit_reason(unit: object) -> str:
    """Why a pre-scan's unit got its estimate, in the reader's language."""
    return explanations.unit_reason(explanations.mapping(unit), voice())


@register.filter
def admission_reason(facts: object) -> str:
    """Why a target is not open (admission rules), in the reader's language: of a
    document's facts, or of a domain value with its `admission` verdict."""
    verdict = getattr(facts, "admission", None)
    if isinstance(verdict, Verdict):
        facts = admission_facts(verdict)
    return explanations.admission_reason(explanations.mapping(facts), voice())


@register.filter
def source_lines(sources: object) -> tuple[SourceLine, ...]:
    """A catalog entry's recorded sources as readable lines (publisher, title, year,
    link), each once: no repository paths or commits on a public page."""
    if not isinstance(sources, list | tuple):
        return ()
    return readable_sources(str(source) for source in sources)
