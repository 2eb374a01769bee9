"""What is in reach: every qualification and certificate a person can finish in N months."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from opmaat.domain.catalog import Catalog
from opmaat.domain.errors import InvalidInput
from opmaat.domain.routes.holdings import Holdings, resolve_credit
from opmaat.domain.routes.plan import route_for_credit
from opmaat.domain.routes.route import Route
from opmaat.domain.routes.schedule import add_months, check_pace


@dataclass(frozen=True, slots=True)
class ReachOption:
    code: str
    name: str
    kind: str  # "qualification" | "unit" | "certificate"
    level: int | None
    total_hours: float
    completion_date: date
    provisional: bool


def reach(
    catalog: Catalog, holdings: Holdings, months: int, start: date, hours_per_week: float
) -> list[ReachOption]:
    """Every qualification, certificate and certificate-carrying unit not yet fully held
    whose route from `start` at `hours_per_week` ends within `months` calendar months;
    nearest first (fewest hours, then code)."""
    if months < 0:
        raise InvalidInput(f"months must be 0 or more, got {months}")
    check_pace(hours_per_week)
    credit = resolve_credit(catalog, holdings)
    deadline = add_months(start, months)
    routes = [
        route_for_credit(catalog, code, credit, start, hours_per_week)
        for code in reach_targets(catalog)
    ]
    options = [option(r) for r in routes if r.items and r.completion_date <= deadline]
    return sorted(options, key=lambda o: (o.total_hours, o.code))


def reach_targets(catalog: Catalog) -> list[str]:
    """SBB: only units marked so carry a certificate; other units are no target of their own."""
    certified_units = [u.code for u in catalog.units.values() if u.carries_certificate]
    return list(dict.fromkeys([*catalog.qualifications, *catalog.certificates, *certified_units]))


def option(route: Route) -> ReachOption:
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
    )
