"""People by name in templates (opmaat.accounts.people): `{{ user|display_name }}`,
`{{ user|name_and_role }}`, and `{{ row.author|shown_as:row.author_label }}` for a row that
stored who wrote it."""

from __future__ import annotations

from typing import Any

from django import template

from opmaat.accounts import people

register = template.Library()


@register.filter
def display_name(user: Any) -> str:
    return people.display_name(user)


@register.filter
def name_and_role(user: Any) -> str:
    return people.name_and_role(user)


@register.filter
def shown_as(user: Any, label: str) -> str:
    return people.shown_as(user, str(label or ""))
