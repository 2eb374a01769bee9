"""The region's view of its employers' training demand: each member care organisation's
demand from its own staff and shifts (opmaat.workforce), summed and published as
aggregates only (opmaat.domain.forecasting.employers)."""

from __future__ import annotations

from datetime import date, timedelta

from opmaat.accounts.models import Organisation
from opmaat.domain.access import OrganisationKind
from opmaat.domain.forecasting.employers import OrganisationDemand, RegionalDemand, roll_up
from opmaat.workforce import services as workforce

DAYS = 7  # the employers' own demand table looks a week ahead


def demand_days(first: date | None = None) -> list[date]:
    """The week the demand is counted over: from tomorrow, as the employers' pages do."""
    start = first or workforce.today() + timedelta(days=1)
    return [start + timedelta(days=n) for n in range(DAYS)]


def organisation_demand(organisation: Organisation, days: list[date]) -> OrganisationDemand:
    staff = workforce.staff_of(organisation, days[0])
    rows = workforce.demand_of(staff, days)
    people = len({row.employee for row in rows})
    return OrganisationDemand(organisation.name, workforce.best_units(rows), people)


def employer_demand(region: Organisation, first: date | None = None) -> RegionalDemand:
    """The training demand of the region's care organisations with staff in opmaat."""
    days = demand_days(first)
    members = Organisation.objects.filter(
        region=region, kind=OrganisationKind.CARE.value, employees__isnull=False
    ).distinct()
    return roll_up([organisation_demand(o, days) for o in members.order_by("name")])
