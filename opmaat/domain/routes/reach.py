"""What is in reach: every qualification and certificate a person can finish in N months."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from opmaat.domain.catalog import Catalog
from opmaat.domain.routes.admission import OPEN, Verdict, admission
from opmaat.domain.routes.errors import NegativeMonths
from opmaat.domain.routes.holdings import Holdings, resolve_credit
from opmaat.domain.routes.plan import route_for_credit
from opmaat.domain.routes.route import Route
from opmaat.domain.routes.schedule import BeyondHorizon, add_months
from opmaat.domain.routes.time import StudyTime


@dataclass(frozen=True, slots=True)
class ReachOption:
    code: str
    name: str
    kind: str  # "qualification" | "unit" | "certificate"
    level: int | None
    total_hours: float
    completion_date: date
    provisional: bool
    months: float = 0.0
    admission: Verdict = OPEN

    @property
    def open(self) -> bool:
        return self.admission.open


def reach(
    catalog: Catalog,
    holdings: Holdings,
    months: int,
    start: date,
    time: StudyTime,
    exam_only: Sequence[str] = (),
) -> list[ReachOption]:
    """Every current qualification, certificate and certificate-carrying unit not yet fully
    held whose route from `start` with the week `time` ends within `months` calendar months.
    Those the person may start come first, nearest first (fewest hours, then code); those
    not open to them follow, with the rule that closes them (admission rules)."""
    if months < 0:
        raise NegativeMonths(months)
    credit = resolve_credit(catalog, holdings)
    deadline = add_months(start, months)
    options = []
    for code in catalog.offered_targets():
        try:
            route = route_for_credit(catalog, code, credit, start, time, exam_only, None, deadline)
        except BeyondHorizon:
            continue
        if route.items and route.completion_date <= deadline:
            verdict = admission(catalog, holdings, code)
            options.append(option(route, verdict))
    return sorted(options, key=lambda o: (not o.open, o.total_hours, o.code))


def option(route: Route, verdict: Verdict) -> ReachOption:
    """A route summed up as an option."""
    t = route.target
    return ReachOption(
        code=t.code,
        name=t.name,
        kind=t.kind,
        level=t.level,
        total_hours=route.total_hours,
        completion_date=route.completion_date,
        provisional=route.provisional,
        months=route.months,
        admission=verdict,
    )
