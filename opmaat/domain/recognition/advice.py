"""The development advice (ontwikkeladvies) that follows an intake interview.

The advice proposes a route to the target, planned on the learner's week (pathway,
contract hours, study hours), names the units of the target's cut worth pursuing through
EVC and plans both: the EVC phase first, then the route that remains once its exemptions
are granted. The route without EVC is given beside it, so the learner sees what EVC saves
in hours and in months.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from opmaat.domain.catalog import Catalog
from opmaat.domain.recognition.errors import NotOnRoute
from opmaat.domain.routes import (
    Holdings,
    PlannedItem,
    Route,
    RouteRequest,
    check_request,
    months_between,
    plan_request,
    route_document,
)

# Planned length of an EVC procedure in an advice: a portfolio phase of about three months
# (the MZ4 case in DOMAIN.md: "after three months my EVC certificate") plus three weeks for
# the assessment and the report. The exam board's decision follows within its own term.
EVC_PLANNED = timedelta(weeks=16)


@dataclass(frozen=True, slots=True)
class Advice:
    request: RouteRequest
    route: Route  # without EVC: what the learner holds now
    evc_units: tuple[PlannedItem, ...]  # the route's items to pursue through EVC
    evc_end: date | None
    route_after_evc: Route | None  # from `evc_end`, every unit in `evc_units` exempted

    @property
    def saves_hours(self) -> float:
        """The study hours EVC would save: what the route asks now, less what it asks after
        EVC (obligations that run alongside, such as loopbaan en burgerschap, left out)."""
        if self.route_after_evc is None:
            return 0.0
        return round(study_load(self.route) - study_load(self.route_after_evc), 1)

    @property
    def months_with_evc(self) -> float | None:
        """Months from the start to completion with the EVC phase first."""
        if self.route_after_evc is None:
            return None
        return months_between(self.request.start, self.route_after_evc.completion_date)

    @property
    def saves_months(self) -> float:
        after = self.route_after_evc
        if after is None:
            return 0.0
        return months_between(after.completion_date, self.route.completion_date)


def study_load(route: Route) -> float:
    """The hours of the route's items, without the obligations that run alongside."""
    return sum(i.hours for i in route.items if not i.obligation)


def check_evc_units(
    catalog: Catalog, route: Route, units: Sequence[str]
) -> tuple[PlannedItem, ...]:
    """The route's items for `units`, each a unit of the target's default cut (the units an
    EVC procedure is judged on) that is still, wholly or partly, on the route."""
    cut = (
        catalog.qualifications[route.target.code].units if is_qualification(catalog, route) else ()
    )
    on_route = {i.code: i for i in route.items if i.code in catalog.units}
    chosen: dict[str, PlannedItem] = {}
    for code in units:
        canonical = catalog.resolve(code)
        if canonical not in on_route or (cut and canonical not in cut):
            raise NotOnRoute(canonical)
        chosen[canonical] = on_route[canonical]
    return tuple(chosen.values())


def is_qualification(catalog: Catalog, route: Route) -> bool:
    return route.target.code in catalog.qualifications


def compose_advice(
    catalog: Catalog, holdings: Holdings, request: RouteRequest, evc_units: Sequence[str]
) -> Advice:
    """The route now, and, when units are put forward for EVC, the EVC phase from the
    start date followed by the route that remains if all of them are exempted.

    1. Check the request (target, week) and plan the route with what the learner holds.
    2. Check the EVC units: units of the target's cut still on that route.
    3. Plan the route again from the end of the EVC phase (EVC_PLANNED), with those units
       as exemptions and the same week.
    """
    request = check_request(catalog, request)
    route = plan_request(catalog, holdings, request)
    chosen = check_evc_units(catalog, route, evc_units)
    if not chosen:
        return Advice(request, route, (), None, None)
    evc_end = request.start + EVC_PLANNED
    assumed = replace(holdings, exemptions=(*holdings.exemptions, *(i.code for i in chosen)))
    after = plan_request(catalog, assumed, replace(request, start=evc_end))
    return Advice(request, route, chosen, evc_end, after)


def advice_document(catalog: Catalog, advice: Advice) -> dict[str, object]:
    """The advice as data (JSON-ready): the learner's week, the routes as `opmaat route
    --json` gives them, and the EVC phase with its units, their werkprocessen still needed
    and what EVC saves."""
    time = advice.route.time
    after = advice.route_after_evc
    return {
        "target": advice.route.target.code,
        "start": advice.request.start.isoformat(),
        "pathway": time.pathway.value,
        "hours_per_week": time.study_hours,
        "study_hours_per_week": time.study_hours,
        "work_hours_per_week": time.work_hours,
        "school_hours_per_week": time.school_hours,
        "exam_only": list(advice.request.exam_only),
        "pace": advice.request.pace.value,
        "route": route_document(advice.route),
        "evc": {
            "weeks": EVC_PLANNED.days // 7,
            "units": [evc_unit(catalog, item) for item in advice.evc_units],
            "end": advice.evc_end.isoformat() if advice.evc_end else None,
            "route_after": route_document(after) if after else None,
            "months": advice.months_with_evc,
            "completion_date": after.completion_date.isoformat() if after else None,
            "saves_hours": advice.saves_hours,
            "saves_months": advice.saves_months,
        },
    }


def evc_unit(catalog: Catalog, item: PlannedItem) -> dict[str, object]:
    return {
        "code": item.code,
        "title": catalog.name_of(item.code),
        "hours": round(item.hours, 1),
        "werkprocessen": [{"code": w, "title": catalog.name_of(w)} for w in item.missing_outcomes],
    }
