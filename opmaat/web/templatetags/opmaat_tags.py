from __future__ import annotations

from datetime import date

from django import template

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
