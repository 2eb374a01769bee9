"""Plan the shortest recognised route from what a person holds to a target."""

from __future__ import annotations

from datetime import date

from opmaat.domain.catalog import Catalog, UnitKind
from opmaat.domain.routes.gap import Gap, UnitGap, find_gap
from opmaat.domain.routes.holdings import Credit, Holdings, resolve_credit
from opmaat.domain.routes.prerequisites import order_by_prerequisites
from opmaat.domain.routes.route import ELECTIVE_BLOCK, PlannedItem, Route
from opmaat.domain.routes.schedule import Slot, check_pace, completion, schedule
from opmaat.domain.routes.target import TargetInfo, target_of


def plan_route(
    catalog: Catalog, target: str, holdings: Holdings, start: date, hours_per_week: float
) -> Route:
    """The route to `target` (a crebo, unit or certificate code) for someone with `holdings`,
    starting on `start` at `hours_per_week`.

    1. Resolve the holdings into credit (units, outcomes, elective hours).
    2. Find the gap: missing and partial units, their missing prerequisites, generic
       subjects, elective hours.
    3. Order: vocational units by prerequisite, then generic subjects, then electives.
    4. Schedule the items one after the other.
    """
    check_pace(hours_per_week)
    return route_for_credit(
        catalog, target, resolve_credit(catalog, holdings), start, hours_per_week
    )


def route_for_credit(
    catalog: Catalog, target: str, credit: Credit, start: date, hours_per_week: float
) -> Route:
    """`plan_route` for credit already resolved (reach plans many targets with one)."""
    info, requirements = target_of(catalog, target)
    gap = find_gap(catalog, requirements, credit)
    gaps = ordered_gaps(catalog, gap, requirements.elective_hours)
    slots = schedule([g.hours for g, _ in gaps], start, hours_per_week)
    items = tuple(
        planned_item(catalog, g, kind, info, slot)
        for (g, kind), slot in zip(gaps, slots, strict=True)
    )
    return Route(
        target=info,
        items=items,
        covered_units=gap.covered,
        start=start,
        hours_per_week=hours_per_week,
        total_hours=sum(i.hours for i in items),
        completion_date=completion(slots, start),
    )


def ordered_gaps(catalog: Catalog, gap: Gap, elective_required: float) -> list[tuple[UnitGap, str]]:
    """Vocational units in prerequisite order, then generic subjects, then one elective
    block, each with its kind."""
    by_code = {g.code: g for g in gap.units}
    ordered = [
        (by_code[code], unit_kind(catalog, code))
        for code in order_by_prerequisites(list(by_code), catalog.requires)
    ]
    ordered += [(g, UnitKind.GENERIC.value) for g in gap.generic]
    if gap.elective_hours > 0:
        block = UnitGap(ELECTIVE_BLOCK, gap.elective_hours, elective_required, (), False)
        ordered.append((block, UnitKind.ELECTIVE.value))
    return ordered


def unit_kind(catalog: Catalog, code: str) -> str:
    unit = catalog.units.get(code)
    return (unit.kind if unit else UnitKind.VOCATIONAL).value


def planned_item(
    catalog: Catalog, gap: UnitGap, kind: str, target: TargetInfo, slot: Slot
) -> PlannedItem:
    """The item for `gap`; codes the catalog does not describe (the elective block, a
    generic subject without a unit) take the target's level."""
    unit = catalog.units.get(gap.code)
    return PlannedItem(
        code=gap.code,
        title=unit.title if unit else ("Keuzedelen" if gap.code == ELECTIVE_BLOCK else gap.code),
        kind=kind,
        level=unit.level if unit else target.level,
        hours=gap.hours,
        full_hours=gap.full_hours,
        partial=gap.partial,
        missing_outcomes=gap.missing_outcomes,
        for_prerequisite=gap.for_prerequisite,
        provisional=unit.provisional if unit else False,
        start=slot.start,
        end=slot.end,
    )
