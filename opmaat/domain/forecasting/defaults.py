"""Default rates of the regional model, each with its source or marked as an assumption.

Public figures come from ../shared/planning/FIGURES.md (stored public copies, compiled
2026-12-01); docs/planning.md explains each. Every default is editable per cell: a region
that knows its own figures sets them, with their distribution, in the plan.
"""

from __future__ import annotations

import math

from opmaat.domain.forecasting.model import (
    AGE_BANDS,
    ROUTES,
    AgeBand,
    Distribution,
    Rates,
    Route,
    RouteDurations,
    Uncertain,
)

ASSUMPTION = "editable assumption (invented, no public figure)"


def per_year(share: float, years: int) -> float:
    """The yearly rate that gives `share` over `years` years: 1 − (1 − share)^(1/years)."""
    return 1.0 - math.pow(1.0 - share, 1.0 / years)


# RegioPlus, 2021: 9 % of care and welfare employees leave the sector a year (18.3 %
# economy-wide) — skipr.nl. The range is an assumption.
LEAVING = Uncertain(
    0.09,
    0.07,
    0.11,
    Distribution.TRIANGULAR,
    "9 % leave the sector a year (RegioPlus 2021, skipr.nl); range 7–11 %: assumption",
)
# No public figure for retirement: with ages spread evenly over 55–67, one in twelve of the
# 55+ band retires a year.
RETIREMENT_55 = Uncertain(
    1 / 12, 0.06, 0.10, Distribution.TRIANGULAR, f"1/12 of the 55+ band a year: {ASSUMPTION}"
)
NO_RETIREMENT = Uncertain(0.0, source="no retirement before 55: assumption")
# First-year dropout in care and welfare mbo fell from 27 % (2010/11) to 18 % (2020/21) —
# zorgkrant.nl; 27 % bounds the range from above, 15 % below (assumption).
FIRST_YEAR_DROPOUT = Uncertain(
    0.18,
    0.15,
    0.27,
    Distribution.TRIANGULAR,
    "mbo care and welfare first-year dropout 18 % (2020/21, zorgkrant.nl); 27 % in 2010/11",
)
LATER_YEAR_DROPOUT = Uncertain(
    0.07, 0.04, 0.10, Distribution.TRIANGULAR, f"7 % a year after year one: {ASSUMPTION}"
)
SHORT_ROUTE_DROPOUT = Uncertain(
    0.10, 0.05, 0.20, Distribution.TRIANGULAR, f"10 % of side-entrants and returners: {ASSUMPTION}"
)
NO_SWITCH = Uncertain(0.0, source="no BOL → BBL switches unless a region sets them")

# Upskilling within 5 years (skipr.nl): Helpende → VIG 15 %, MZ3 → MZ4 20 %, PW3 → PW4 12 %,
# mbo-V → hbo-V 17 %; per year with `per_year`.
UPSKILLING_WITHIN_5_YEARS = {
    ("Helpende", "Verzorgende-IG"): 0.15,
    ("Maatschappelijke Zorg 3", "Maatschappelijke Zorg 4"): 0.20,
    ("Pedagogisch Werk 3", "Pedagogisch Werk 4"): 0.12,
    ("mbo-Verpleegkundige", "hbo-Verpleegkundige"): 0.17,
}
UPSKILLING_SOURCE = "upskilling within 5 years (skipr.nl), as a yearly rate"

# Ageing: a band of 20 years spread evenly passes 1/20 of its people to the next a year.
AGEING = {AgeBand.UNDER_35: 1 / 20, AgeBand.FROM_35: 1 / 20, AgeBand.FROM_55: 0.0}
# The band a route's graduates enter: BOL and BBL students are young, side-entrants and
# returners older (assumption).
ENTRY_BAND = {
    Route.BOL: AgeBand.UNDER_35,
    Route.BBL: AgeBand.UNDER_35,
    Route.SIDE_UNITS: AgeBand.FROM_35,
    Route.SIDE_EVC: AgeBand.FROM_35,
    Route.RETURNER: AgeBand.FROM_35,
}
# Months to deployable for a typical profile, used when the app gives none (assumption: the
# nominal three years for a level-3 diploma; the app fills these from the route planner).
DURATIONS = RouteDurations(
    {
        Route.BOL: 36,
        Route.BBL: 36,
        Route.SIDE_UNITS: 12,
        Route.SIDE_EVC: 6,
        Route.RETURNER: 3,
    }
)


def default_rates() -> Rates:
    """The default rates of a cell: the public figures above, assumptions elsewhere."""
    short = (Route.SIDE_UNITS, Route.SIDE_EVC, Route.RETURNER)
    return Rates(
        retirement=tuple(
            RETIREMENT_55 if band is AgeBand.FROM_55 else NO_RETIREMENT for band in AGE_BANDS
        ),
        leaving=tuple(LEAVING for _ in AGE_BANDS),
        first_year_dropout=tuple(
            SHORT_ROUTE_DROPOUT if r in short else FIRST_YEAR_DROPOUT for r in ROUTES
        ),
        later_year_dropout=tuple(LATER_YEAR_DROPOUT for _ in ROUTES),
        bol_bbl_switch=NO_SWITCH,
    )


def upskilling_rate(source: str, target: str) -> Uncertain | None:
    """The default yearly upskilling rate between two qualifications, if a figure exists."""
    share = UPSKILLING_WITHIN_5_YEARS.get((source, target))
    if share is None:
        return None
    rate = per_year(share, 5)
    return Uncertain(rate, source=f"{UPSKILLING_SOURCE}: {share:.0%} within 5 years")
