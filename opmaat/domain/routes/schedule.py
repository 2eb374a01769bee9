"""Dates: items one after the other from a start date at a steady number of hours a week."""

from __future__ import annotations

import calendar
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from opmaat.domain.errors import InvalidInput
from opmaat.domain.routes.errors import InvalidPace


@dataclass(frozen=True, slots=True)
class Slot:
    start: date
    end: date


def check_pace(hours_per_week: float) -> float:
    """`hours_per_week` if it is a positive finite number, else InvalidPace."""
    if not (math.isfinite(hours_per_week) and hours_per_week > 0):
        raise InvalidPace(hours_per_week)
    return hours_per_week


def schedule(hours: Sequence[float], start: date, hours_per_week: float) -> list[Slot]:
    """One slot per item, in order, with no gaps.

    With H hours done before an item and H' after it, the item starts on day
    floor(H / pace * 7) and ends on day ceil(H' / pace * 7) after `start`: both are
    monotone in H and in the pace, so more hours a week never ends later. An item of no
    hours takes no day.
    """
    check_pace(hours_per_week)
    slots: list[Slot] = []
    done = 0.0
    try:
        for item_hours in hours:
            first = start + timedelta(days=math.floor(done / hours_per_week * 7))
            done += item_hours
            last = start + timedelta(days=math.ceil(done / hours_per_week * 7))
            slots.append(Slot(first, last if item_hours > 0 else first))
    except OverflowError:
        raise InvalidInput(
            f"a route starting {start.isoformat()} would end after the year 9999"
        ) from None
    return slots


def completion(slots: Sequence[Slot], start: date) -> date:
    """The day the last item ends, or `start` when nothing is left to do."""
    return max((s.end for s in slots), default=start)


def add_months(day: date, months: int) -> date:
    """`day` moved by whole calendar months, clamped to the month's end (Jan 31 + 1 = Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))
