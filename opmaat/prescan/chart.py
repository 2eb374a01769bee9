"""The bar chart of the result page: the whole programme against the remaining route, in
hours with the months they take on the person's week. Geometry here, drawn as inline SVG by
the template (no JavaScript)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from opmaat.ui.charts import rows_at, scale_to

WIDTH = 640
LABEL_WIDTH = 230
BAR_HEIGHT = 26
GAP = 12


@dataclass(frozen=True, slots=True)
class HoursBar:
    label: str
    hours: float
    kind: str  # css class: full, pessimistic, expected
    months: float | None  # None: a scan kept before durations were planned in months
    y: int
    width: float
    text_x: float


@dataclass(frozen=True, slots=True)
class HoursChart:
    bars: tuple[HoursBar, ...]
    width: int
    height: int
    label_width: int


def hours_chart(document: dict[str, object]) -> HoursChart:
    """Three bars from a pre-scan document: full programme, only the certain exemptions,
    expected (likely exemptions granted too)."""
    rows = [
        (_("Hele opleiding"), "full_hours", "full_months", "full"),
        (
            _("Alleen zekere vrijstellingen"),
            "remaining_hours_pessimistic",
            "months_remaining_pessimistic",
            "pessimistic",
        ),
        (_("Verwacht"), "remaining_hours", "months_remaining", "expected"),
    ]
    scale = scale_to((number(document.get(row[1])) for row in rows), WIDTH - LABEL_WIDTH - 150)
    bars = tuple(
        HoursBar(
            label=label,
            hours=number(document.get(hours)),
            kind=kind,
            months=optional_number(document.get(months)),
            y=y,
            width=scale(number(document.get(hours))),
            text_x=round(LABEL_WIDTH + scale(number(document.get(hours))) + 6, 1),
        )
        for y, (label, hours, months, kind) in zip(
            rows_at(len(rows), GAP, BAR_HEIGHT + GAP), rows, strict=True
        )
    )
    return HoursChart(bars, WIDTH, GAP + len(rows) * (BAR_HEIGHT + GAP), LABEL_WIDTH)


def number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def optional_number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None
