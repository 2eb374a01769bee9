"""The development advice (ontwikkeladvies) that follows an intake interview.

The advice proposes a route to the target, names the units worth pursuing through EVC and
plans both: the EVC procedure first, then the route that remains once its exemptions are
granted. The route without EVC is given beside it, so the learner sees what EVC saves.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from opmaat.domain.catalog import Catalog
from opmaat.domain.errors import InvalidInput
from opmaat.domain.routes import Holdings, Route, RouteRequest, check_request, plan_request
from opmaat.domain.routes.documents import route_document

# Planned length of an EVC procedure in an advice: a portfolio phase of about three months
# (the MZ4 case in DOMAIN.md: "after three months my EVC certificate") plus three weeks for
# the assessment and the report. The exam board's decision follows within its own term.
EVC_PLANNED = timedelta(weeks=16)


@dataclass(frozen=True, slots=True)
class Advice:
    request: RouteRequest
    route: Route  # without EVC: what the learner holds now
    evc_units: tuple[str, ...]
    evc_end: date | None
    route_after_evc: Route | None  # assuming every unit in `evc_units` is exempted


def check_evc_units(catalog: Catalog, route: Route, units: Sequence[str]) -> tuple[str, ...]:
    """The units to pursue through EVC, each a vocational unit still on the route."""
    on_route = {i.code for i in route.items}
    chosen = []
    for code in units:
        canonical = catalog.resolve(code)
        if canonical not in on_route or canonical not in catalog.units:
            raise InvalidInput(f"{canonical} is not a unit on this route: EVC cannot shorten it")
        chosen.append(canonical)
    return tuple(dict.fromkeys(chosen))


def compose_advice(
    catalog: Catalog, holdings: Holdings, request: RouteRequest, evc_units: Sequence[str]
) -> Advice:
    """The route now, and, when units are put forward for EVC, the EVC phase from the
    start date followed by the route that remains if all of them are exempted."""
    request = check_request(catalog, request)
    route = plan_request(catalog, holdings, request)
    chosen = check_evc_units(catalog, route, evc_units)
    if not chosen:
        return Advice(request, route, (), None, None)
    evc_end = request.start + EVC_PLANNED
    assumed = replace(holdings, exemptions=(*holdings.exemptions, *chosen))
    after = plan_request(catalog, assumed, replace(request, start=evc_end))
    return Advice(request, route, chosen, evc_end, after)


def advice_document(catalog: Catalog, advice: Advice) -> dict[str, object]:
    """The advice as data (JSON-ready): the routes as `opmaat route --json` gives them."""
    after = advice.route_after_evc
    return {
        "target": advice.route.target.code,
        "start": advice.request.start.isoformat(),
        "hours_per_week": advice.request.hours_per_week,
        "pathway": advice.request.pathway.value,
        "pace": advice.request.pace.value,
        "route": route_document(advice.route),
        "evc": {
            "units": [{"code": u, "title": catalog.name_of(u)} for u in advice.evc_units],
            "end": advice.evc_end.isoformat() if advice.evc_end else None,
            "route_after": route_document(after) if after else None,
            "saves_hours": round(advice.route.total_hours - after.total_hours, 1) if after else 0.0,
        },
    }
