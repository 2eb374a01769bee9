"""Planned against actual on the route chart: opmaat.ui.charts draws the plan; this
adds where each item was actually completed and which items are late."""

from __future__ import annotations

from dataclasses import dataclass

from opmaat.domain.progress import RouteProgress
from opmaat.ui.charts import Bar, DateScale, Timeline


@dataclass(frozen=True, slots=True)
class ActualBar:
    bar: Bar
    late: bool
    done_x: float | None  # where the item was completed, when it was and the date is in view


def actual_bars(chart: Timeline, progress: RouteProgress) -> list[ActualBar]:
    by_code = {item.code: item for item in progress.items}
    x_of = DateScale(chart.start, chart.end).x_in_view
    bars = []
    for bar in chart.bars:
        item = by_code.get(bar.code)
        done = item.completed_on if item is not None else None
        late = item is not None and item.delay_days > 0
        bars.append(ActualBar(bar, late, x_of(done) if done else None))
    return bars
