"""The catalog's choices as editors read them in the admin: Dutch labels for the values
the file format and the database keep ("vocational", "estimate"). Applied to the forms
and the lists, not to the model fields, so that the stored values and their migrations
stay as they are."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from opmaat.domain.catalog.model import Admission, EmployerEffect, HoursSource, UnitKind

LABELS: dict[str, dict[str, Promise]] = {
    "kind": {
        UnitKind.VOCATIONAL.value: _("beroepsgericht"),
        UnitKind.ELECTIVE.value: _("keuzedeel"),
        UnitKind.GENERIC.value: _("generiek vak"),
    },
    "hours_source": {
        HoursSource.ESTIMATE.value: _("schatting van opmaat"),
        HoursSource.SCHOOL.value: _("vastgesteld door de school"),
        HoursSource.SOURCE.value: _("uit een bron"),
    },
    "admission": {
        Admission.OPEN.value: _("open"),
        Admission.WITHOUT_LEVEL_2_ENTRY.value: _("alleen zonder toelating tot niveau 2 (Entree)"),
        Admission.LEVEL_3_IN_FIELD.value: _("alleen met een diploma op niveau 3 in het vak"),
    },
    "employer_effect": {
        EmployerEffect.DEEPENING.value: _("verdiepend"),
        EmployerEffect.HEAVIER.value: _("verzwarend"),
    },
}


def label(field: str, value: str) -> str:
    """The Dutch label of a stored choice, or the value when it has none."""
    return str(LABELS.get(field, {}).get(value, value))


def choices(field: str, current: Iterable[Any]) -> list[tuple[object, object]]:
    """A form field's choices (value, label pairs) relabelled, the empty choice kept."""
    return [(value, label(field, str(value)) if value else text) for value, text in current]
