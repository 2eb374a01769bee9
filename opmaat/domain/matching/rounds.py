"""The return-deadline rule for places reserved for a school.

During distribution a region may reserve places for one school (`Place.reserved_for`);
until the return deadline only that school's students can be placed there. Places still
unused at the deadline go back to the common pool for all schools. The deadline is a fixed
number of days before the final matching, two weeks unless the region agrees otherwise.

The places of a matching file are the seats still unused, so a reservation that is past its
deadline is simply lifted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from opmaat.domain.errors import InvalidInput
from opmaat.domain.matching.model import Place


class NegativeReturnDays(InvalidInput):
    code = "negative_return_days"

    def __init__(self, days: int) -> None:
        super().__init__(field="return_days", value=days)


DEFAULT_RETURN_DAYS = 14


def return_deadline(final_matching: date, days: int = DEFAULT_RETURN_DAYS) -> date:
    """The first day on which unused reserved places are open to every school."""
    if days < 0:
        raise NegativeReturnDays(days)
    return final_matching - timedelta(days=days)


def released(on: date, final_matching: date, days: int = DEFAULT_RETURN_DAYS) -> bool:
    """True when a matching run on `on` is at or past the return deadline."""
    return on >= return_deadline(final_matching, days)


def release_reservations(
    places: Sequence[Place], on: date, final_matching: date, days: int = DEFAULT_RETURN_DAYS
) -> tuple[Place, ...]:
    """The places as open on `on`: reservations lifted at and after the return deadline,
    kept before it."""
    if not released(on, final_matching, days):
        return tuple(places)
    return tuple(replace(p, reserved_for="") if p.reserved_for else p for p in places)
