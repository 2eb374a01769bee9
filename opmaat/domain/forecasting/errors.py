"""Errors of the forecasting core, each with a stable `code` (docs/errors.md)."""

from __future__ import annotations

from opmaat.domain.errors import InvalidInput


class RateOutOfRange(InvalidInput):
    """A rate below 0 or above 1, or an uncertainty range that does not hold its central
    value (`low <= central <= high`). `what` names the rate ("leaving", "bol_bbl_switch")."""

    code = "forecast_rate_out_of_range"

    def __init__(self, what: str, value: float) -> None:
        super().__init__(what=what, value=value)


class OutflowExceedsStock(InvalidInput):
    """The shares leaving one age band of a cell in a year (retirement, leaving, ageing into
    the next band, upskilling) add up to more than the whole band."""

    code = "forecast_outflow_exceeds_stock"

    def __init__(self, region: str, qualification: str, band: str, total: float) -> None:
        super().__init__(region=region, qualification=qualification, band=band, total=total)


class NegativeFigure(InvalidInput):
    """A negative headcount, demand, start or enrolment, or a negative capacity."""

    code = "forecast_negative_figure"

    def __init__(self, what: str) -> None:
        super().__init__(what=what)


class ShapeMismatch(InvalidInput):
    """An array of the plan whose shape does not fit the cells, years, bands or routes;
    `what` names the array, `expected` and `given` the shapes."""

    code = "forecast_shape_mismatch"

    def __init__(self, what: str, expected: str, given: str) -> None:
        super().__init__(what=what, expected=expected, given=given)


class MissingYear(InvalidInput):
    """A series that does not cover a year the run needs (actuals, demand)."""

    code = "forecast_missing_year"

    def __init__(self, what: str, year: int) -> None:
        super().__init__(what=what, year=year)


class UnknownCell(InvalidInput):
    """A region × qualification the plan does not hold (an upskilling link, an actual)."""

    code = "forecast_unknown_cell"
    status = 404

    def __init__(self, region: str, qualification: str) -> None:
        super().__init__(region=region, qualification=qualification)


class MissingDuration(InvalidInput):
    """A route without months to deployable."""

    code = "forecast_missing_duration"

    def __init__(self, route: str) -> None:
        super().__init__(route=route)


class TooManyDraws(InvalidInput):
    """More Monte Carlo draws than `limit`."""

    code = "forecast_too_many_draws"

    def __init__(self, draws: int, limit: int) -> None:
        super().__init__(draws=draws, limit=limit)
