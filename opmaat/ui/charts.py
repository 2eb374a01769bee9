"""Chart geometry for the pages, drawn as inline SVG by their templates (no JavaScript).

Two scales serve every chart: `DateScale` puts days on a time axis (the route timeline,
the progress page's planned-against-actual marks) and `LinearScale` sizes bars to the
largest value (the pre-scan's hours, the matching round's results); `rows_at` stacks rows.

The route is drawn as a Gantt-like chart from the route document (`route_document`), so
saved versions draw exactly as they were planned, whatever the catalog says today. The
tracks run in parallel, so each gets a lane of its own: the vocational units one after the
other, the generic subjects and the keuzedelen alongside.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

WIDTH = 720  # drawing units; the SVG scales to the page
LABEL_WIDTH = 220
ROW_HEIGHT = 26
TOP = 28
# Half the width of a label above the chart ("11-2027", "vandaag") in drawing units at the
# pages' 11px: a label centred closer than this to the right edge would be cut off.
HALF_LABEL = 26


@dataclass(frozen=True, slots=True)
class DateScale:
    """Days from `start` to `end` onto drawing units from `left` to `right`."""

    start: date
    end: date
    left: float = LABEL_WIDTH
    right: float = WIDTH

    def x(self, day: date) -> float:
        span = max((self.end - self.start).days, 1)
        return round(self.left + (self.right - self.left) * (day - self.start).days / span, 1)

    def x_in_view(self, day: date) -> float | None:
        """Where `day` is drawn, or None when it falls outside the chart."""
        return self.x(day) if self.start <= day <= self.end else None


@dataclass(frozen=True, slots=True)
class LinearScale:
    """Values from 0 to the largest onto a bar length (a chart of zeros draws empty)."""

    most: float
    length: float

    def __call__(self, value: float) -> float:
        return round(self.length * value / max(self.most, 1.0), 1)


def scale_to(values: Iterable[float], length: float) -> LinearScale:
    return LinearScale(max(values, default=0.0), length)


def rows_at(count: int, top: int, step: int) -> list[int]:
    """The y of `count` rows `step` apart, the first at `top`."""
    return [top + i * step for i in range(count)]


@dataclass(frozen=True, slots=True)
class Bar:
    code: str
    title: str
    start: date
    end: date
    hours: float
    kind: str
    partial: bool
    y: int
    x: float
    width: float
    track: str = "vocational"
    exam_only: bool = False

    @property
    def label(self) -> str:
        return self.title if len(self.title) <= 34 else self.title[:33] + "…"


@dataclass(frozen=True, slots=True)
class Lane:
    """A track's heading row in the chart."""

    track: str
    y: int


TRACKS = ("vocational", "generic", "elective")


def anchor_at(x: float, right: float = WIDTH) -> str:
    """How a label at `x` is aligned: centred on it, or ending at it near the right edge, so
    that the last month's label stays inside the chart."""
    return "end" if x > right - HALF_LABEL else "middle"


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str

    @property
    def anchor(self) -> str:
        return anchor_at(self.x)


@dataclass(frozen=True, slots=True)
class Timeline:
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    start: date
    end: date
    today_x: float | None
    end_x: float
    height: int
    lanes: tuple[Lane, ...] = ()
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    row_height: int = ROW_HEIGHT

    @property
    def today_anchor(self) -> str:
        return anchor_at(self.today_x if self.today_x is not None else 0.0, self.width)


def timeline(document: dict[str, Any], today: date) -> Timeline:
    items = document["schedule"]
    start = date.fromisoformat(document["start"])
    end = max([date.fromisoformat(document["completion_date"]), start])
    x_of = DateScale(start, end).x
    bars: list[Bar] = []
    lanes: list[Lane] = []
    row = 0
    for track in TRACKS:
        in_track = [i for i in items if i.get("track", "vocational") == track]
        if in_track and len({i.get("track", "vocational") for i in items}) > 1:
            lanes.append(Lane(track, TOP + row * ROW_HEIGHT))
            row += 1
        for item in in_track:
            first, last = date.fromisoformat(item["start"]), date.fromisoformat(item["end"])
            bars.append(
                Bar(
                    code=item["code"],
                    title=item.get("title") or item["code"],
                    start=first,
                    end=last,
                    hours=item["hours"],
                    kind=item.get("kind", ""),
                    partial=bool(item.get("partial")),
                    y=TOP + row * ROW_HEIGHT,
                    x=x_of(first),
                    width=max(x_of(last) - x_of(first), 2.0),
                    track=track,
                    exam_only=bool(item.get("exam_only")),
                )
            )
            row += 1
    today_x = x_of(today) if start <= today <= end else None
    return Timeline(
        bars=tuple(bars),
        ticks=tuple(Tick(x_of(d), d.strftime("%m-%Y")) for d in month_ticks(start, end)),
        start=start,
        end=end,
        today_x=today_x,
        end_x=x_of(end),
        height=TOP + max(row, 1) * ROW_HEIGHT + 8,
        lanes=tuple(lanes),
    )


def month_ticks(start: date, end: date, most: int = 8) -> list[date]:
    """First days of months between start and end, thinned to at most `most`."""
    months = []
    year, month = start.year, start.month
    while True:
        month += 1
        if month == 13:
            year, month = year + 1, 1
        day = date(year, month, 1)
        if day > end:
            break
        months.append(day)
    step = max(1, -(-len(months) // most))
    return months[::step]
