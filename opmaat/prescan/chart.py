"""The bar chart of the result page: the whole programme against the remaining route.
Geometry here, drawn as inline SVG by the template (no JavaScript)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

WIDTH = 640
LABEL_WIDTH = 230
BAR_HEIGHT = 26
GAP = 12


@dataclass(frozen=True, slots=True)
class HoursBar:
    label: str
    hours: float
    kind: str  # css class: full, pessimistic, expected
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
        (_("Hele opleiding"), number(document.get("full_hours")), "full"),
        (
            _("Alleen zekere vrijstellingen"),
            number(document.get("remaining_hours_pessimistic")),
            "pessimistic",
        ),
        (_("Verwacht"), number(document.get("remaining_hours")), "expected"),
    ]
    scale = (WIDTH - LABEL_WIDTH - 70) / max(max(h for _, h, _ in rows), 1.0)
    bars = tuple(
        HoursBar(
            label=label,
            hours=hours,
            kind=kind,
            y=GAP + i * (BAR_HEIGHT + GAP),
            width=round(hours * scale, 1),
            text_x=round(LABEL_WIDTH + hours * scale + 6, 1),
        )
        for i, (label, hours, kind) in enumerate(rows)
    )
    return HoursChart(bars, WIDTH, GAP + len(rows) * (BAR_HEIGHT + GAP), LABEL_WIDTH)


def number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0
