"""Dates, amounts and catalog names as readers read them, on every page without a
`{% load %}` (a builtin library, settings.TEMPLATES): `day`, `daytime`, `hours`, `names`,
`subjects`, `ground`, `worded_dates`. The words are opmaat.explanations.Voice's, the one
place they are made."""

from __future__ import annotations

import re
from datetime import datetime

from django import template
from django.utils import timezone

from opmaat.domain.credentials.grounds import BASIS_LABEL, Basis, Ground
from opmaat.ui.voice import is_generic, name, voice

register = template.Library()


@register.filter
def day(value: object) -> str:
    """A date, datetime or ISO date as the reader reads it: 4 januari 2027
    (opmaat.explanations.Voice.day, the one place dates are worded)."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return voice().day(value)


@register.filter
def daytime(value: object) -> str:
    """A moment as 4 januari 2027, 14:05 (local time)."""
    if not isinstance(value, datetime):
        return day(value)
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{voice().day(local)}, {local:%H:%M}"


@register.filter
def hours(value: object, whole: object = None) -> str:
    """Hours as 20, 20,5 or 1.560 (Voice.amount, the one place amounts are worded);
    `hours:0` rounds to whole hours (an estimate: ongeveer 662 uur)."""
    if value is None or value == "":
        return ""
    return voice().hours(value) if whole == 0 else voice().amount(value)


@register.filter
def names(codes: object) -> str:
    """Catalog codes by name, joined: Nederlands 3F, Rekenen 3F."""
    return voice().names(codes)


@register.filter
def ground(value: object) -> str:
    """What a werkproces is credited on (a domain Ground), its date worded and a generic
    subject by name (the domain's describe() keeps ISO dates and codes for signed
    documents)."""
    if not isinstance(value, Ground):
        return str(value)
    label = BASIS_LABEL[value.basis]
    if value.basis == Basis.RESULT:
        return f"{label} {day(value.on)}" if value.on else label
    extra = f" ({value.evidence})" if value.evidence else ""
    return f"{label} {subjects([value.code])}{extra}"


@register.filter
def subjects(codes: object) -> str:
    """A list of codes with the generic subjects by name (NL-3F → Nederlands 3F), the
    others as codes: for lists of what is still open, where werkprocessen go by code."""
    listed = codes if isinstance(codes, list | tuple) else ()
    return ", ".join(name(c) if is_generic(c) else c for c in (str(code) for code in listed))


ISO_DAY = re.compile(r"(?<![\w-])(\d{4}-\d{2}-\d{2})(?![\w-])")


@register.filter
def worded_dates(text: object) -> str:
    """A text made elsewhere (a credential part's basis) with its ISO dates worded."""
    return ISO_DAY.sub(lambda m: day(m.group(1)), str(text))
