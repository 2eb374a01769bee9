"""Chart geometry: the scales every chart uses, and the route chart: bars in order,
proportional to time, today's line inside."""

from __future__ import annotations

from datetime import date

from opmaat.ui.charts import (
    LABEL_WIDTH,
    WIDTH,
    DateScale,
    month_ticks,
    rows_at,
    scale_to,
    timeline,
)

DOCUMENT = {
    "start": "2027-01-01",
    "completion_date": "2027-12-31",
    "schedule": [
        {
            "code": "A",
            "title": "Eerste",
            "kind": "vocational",
            "hours": 100,
            "start": "2027-01-01",
            "end": "2027-06-30",
        },
        {
            "code": "B",
            "title": "Tweede",
            "kind": "generic",
            "hours": 100,
            "start": "2027-07-01",
            "end": "2027-12-31",
        },
    ],
}


def test_bars_follow_each_other_and_span_the_chart() -> None:
    chart = timeline(DOCUMENT, date(2027, 3, 1))
    first, second = chart.bars
    assert first.x == LABEL_WIDTH and second.x > first.x
    assert abs(second.x + second.width - WIDTH) < 0.5
    assert second.y > first.y


def test_today_is_drawn_only_within_the_route() -> None:
    assert timeline(DOCUMENT, date(2027, 7, 1)).today_x is not None
    assert timeline(DOCUMENT, date(2026, 7, 1)).today_x is None
    assert timeline(DOCUMENT, date(2028, 7, 1)).today_x is None


def test_an_empty_route_still_draws() -> None:
    chart = timeline(
        {**DOCUMENT, "schedule": [], "completion_date": "2027-01-01"}, date(2027, 1, 1)
    )
    assert chart.bars == () and chart.height > 0


def test_month_ticks_are_thinned_for_long_routes() -> None:
    ticks = month_ticks(date(2027, 1, 15), date(2031, 1, 15))
    assert 1 < len(ticks) <= 8 and all(t.day == 1 for t in ticks)


def test_a_date_scale_puts_start_and_end_at_its_edges() -> None:
    scale = DateScale(date(2027, 1, 1), date(2027, 12, 31), left=100, right=700)
    assert (scale.x(date(2027, 1, 1)), scale.x(date(2027, 12, 31))) == (100, 700)
    assert scale.x_in_view(date(2028, 1, 1)) is None


def test_a_linear_scale_gives_the_largest_value_the_whole_length() -> None:
    scale = scale_to([3, 12, 6], 400)
    assert [scale(v) for v in (12, 6, 0)] == [400, 200, 0]


def test_a_chart_of_zeros_draws_empty_bars() -> None:
    assert scale_to([0, 0], 400)(0) == 0
    assert scale_to([], 400)(0) == 0


def test_rows_are_stacked_from_the_top() -> None:
    assert rows_at(3, 8, 26) == [8, 34, 60]


ENDS_AFTER_A_MONTH_START = {**DOCUMENT, "completion_date": "2027-06-03"}


def test_the_last_month_label_ends_at_its_tick_so_that_it_stays_inside_the_chart() -> None:
    chart = timeline(ENDS_AFTER_A_MONTH_START, date(2027, 3, 1))
    *inner, last = chart.ticks
    assert last.label == "06-2027" and last.x > WIDTH - 10
    assert last.anchor == "end"
    assert {t.anchor for t in inner} == {"middle"}


def test_the_timeline_draws_its_last_label_anchored_at_the_end() -> None:
    from django.template.loader import render_to_string

    html = render_to_string(
        "ui/timeline.html", {"chart": timeline(ENDS_AFTER_A_MONTH_START, date(2027, 6, 2))}
    )
    assert 'class="ticklabel end">06-2027</text>' in html
    assert 'class="todaylabel end"' in html  # "vandaag" two days before the end
