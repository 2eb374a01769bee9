"""The demo region's planning figures: Zorgregio Rivierenland (demo) with four
qualifications, base year 2025.

The region is made up, so its headcounts, demand, starts and students are invented (and
stored with `invented=True`, shown so on every page); the rates come from public figures
where ../shared/planning/FIGURES.md has one (each cited below and in the domain's
defaults), and are the domain's labelled assumptions elsewhere. Loading it twice changes
nothing: rows are looked up by their keys first.
"""

from __future__ import annotations

from django.contrib.auth.models import User

from opmaat.accounts.models import Organisation
from opmaat.accounts.people import display_name
from opmaat.domain.forecasting.defaults import per_year
from opmaat.domain.forecasting.model import AgeBand, Distribution, Lever, Route
from opmaat.forecasting.inputs import student_part
from opmaat.forecasting.models import Figure, Measure, Rate, Scenario

BASE_YEAR = 2025
INVENTED = "verzonnen demogegeven (geen publieke bron voor deze demoregio)"

VIG = "25656"  # Verzorgende-IG, the catalog's current crebo (replaces 25491)
HELPENDE = "25960"  # Helpende Zorg en Welzijn (2024 dossier; replaces 25498)
MBO_V = "25655"  # Mbo-Verpleegkundige (replaces 25480)
MZ3 = "25780"  # Begeleider maatschappelijke zorg, Maatschappelijke Zorg niveau 3

# Invented: headcount by age band (15-34, 35-54, 55+), demand in 2025, yearly demand growth.
WORKFORCE = {
    VIG: (620, 880, 500),
    HELPENDE: (210, 330, 260),
    MBO_V: (300, 420, 230),
    MZ3: (380, 520, 250),
}
DEMAND = {VIG: 2180, HELPENDE: 820, MBO_V: 1010, MZ3: 1190}
GROWTH = {VIG: 0.03, HELPENDE: 0.015, MBO_V: 0.025, MZ3: 0.02}
FTE_PER_HEAD = 0.7
# Invented: training starts in 2025 per route.
STARTS = {
    VIG: {
        Route.BOL: 90,
        Route.BBL: 70,
        Route.SIDE_UNITS: 25,
        Route.SIDE_EVC: 10,
        Route.RETURNER: 8,
    },
    HELPENDE: {Route.BOL: 45, Route.BBL: 20, Route.SIDE_UNITS: 10, Route.RETURNER: 4},
    MBO_V: {Route.BOL: 56, Route.BBL: 44, Route.SIDE_UNITS: 6, Route.RETURNER: 6},
    MZ3: {Route.BOL: 60, Route.BBL: 30, Route.SIDE_UNITS: 12, Route.SIDE_EVC: 8, Route.RETURNER: 3},
}
BBL_SHARE_SOURCE = (
    "BOL/BBL split after the public figure: 44 % of mbo-VP students are in BBL "
    "(nu.nl/carriere/5261156); the total is invented"
)


def add_demo(region: Organisation, coordinator: User) -> None:
    """Figures, rates and one saved scenario for the demo region."""
    for qualification in WORKFORCE:
        add_figures(region, qualification)
    add_rates(region)
    Scenario.objects.get_or_create(
        region=region,
        name="BOL → BBL in jaar 2 (30 %)",
        defaults={
            "levers": {Lever.BOL_BBL_SWITCH.value: 0.3},
            "note": "Demo: 30 % van de BOL-studenten stapt na jaar 1 over naar BBL.",
            "created_by": display_name(coordinator),
        },
    )


def figure(
    region: Organisation,
    qualification: str,
    measure: Measure,
    part: str,
    value: float,
    source: str = INVENTED,
    year: int = BASE_YEAR,
) -> None:
    Figure.objects.get_or_create(
        region=region,
        organisation=None,
        qualification=qualification,
        year=year,
        measure=measure.value,
        part=part,
        defaults={"value": value, "source": source, "invented": source == INVENTED},
    )


def add_figures(region: Organisation, qualification: str) -> None:
    for band, heads in zip(AgeBand, WORKFORCE[qualification], strict=True):
        figure(region, qualification, Measure.WORKFORCE, band.value, heads)
    figure(
        region, qualification, Measure.FTE, "", round(sum(WORKFORCE[qualification]) * FTE_PER_HEAD)
    )
    figure(region, qualification, Measure.DEMAND, "", DEMAND[qualification])
    figure(region, qualification, Measure.DEMAND_GROWTH, "", GROWTH[qualification])
    split = BBL_SHARE_SOURCE if qualification == MBO_V else INVENTED
    for route, starts in STARTS[qualification].items():
        source = split if route in (Route.BOL, Route.BBL) else INVENTED
        figure(region, qualification, Measure.STARTS, route.value, starts, source)
        # Students in later study years: the same cohort thinned by the dropout (invented).
        if route in (Route.BOL, Route.BBL):
            for year in (2, 3):
                figure(
                    region,
                    qualification,
                    Measure.STUDENTS,
                    student_part(route, year),
                    round(starts * 0.8 ** (year - 1)),
                    source,
                )


def add_rates(region: Organisation) -> None:
    """Upskilling Helpende → Verzorgende-IG from the public figure; the rest are the
    domain's defaults, which need no rows."""
    Rate.objects.get_or_create(
        region=region,
        qualification=HELPENDE,
        name=f"upskilling.{VIG}",
        defaults={
            "central": round(per_year(0.15, 5), 4),
            "low": round(per_year(0.10, 5), 4),
            "high": round(per_year(0.20, 5), 4),
            "distribution": Distribution.TRIANGULAR.value,
            "source": (
                "Helpende → VIG: 15 % binnen 5 jaar (skipr.nl), per jaar; marge 10–20 % aangenomen"
            ),
        },
    )
