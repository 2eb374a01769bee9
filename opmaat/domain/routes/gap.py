"""The gap between a target's requirements and what a person holds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from opmaat.domain.catalog import Catalog
from opmaat.domain.routes.holdings import Credit
from opmaat.domain.routes.target import Requirements, all_outcomes


@dataclass(frozen=True, slots=True)
class UnitGap:
    """A unit still (partly) needed: the remaining hours and the outcomes not yet credited."""

    code: str
    hours: float
    full_hours: float
    missing_outcomes: tuple[str, ...]
    partial: bool
    for_prerequisite: bool = False


@dataclass(frozen=True, slots=True)
class Gap:
    units: tuple[UnitGap, ...]  # target order; prerequisites added just before their dependant
    generic: tuple[UnitGap, ...]
    elective_hours: float
    covered: tuple[str, ...]  # required units (vocational and generic) already covered


def find_gap(catalog: Catalog, requirements: Requirements, credit: Credit) -> Gap:
    """What is missing of `requirements` given `credit`.

    1. Each required unit is missing (no required outcome credited), partial (some) or
       covered (all, or the unit itself is credited).
    2. Prerequisites of a unit in the route that are not covered join the route,
       recursively, marked `for_prerequisite`.
    3. Generic units count whole; elective hours missing = max(0, required - credited).
    """
    required = [
        (code, unit_gap(catalog, code, outcomes, credit)) for code, outcomes in requirements.units
    ]
    generic = [(code, unit_gap(catalog, code, (), credit)) for code in requirements.generic]
    units = [g for _, g in required if g is not None]
    return Gap(
        units=tuple(with_prerequisites(catalog, units, credit)),
        generic=tuple(g for _, g in generic if g is not None),
        elective_hours=max(0.0, requirements.elective_hours - credit.elective_hours),
        covered=tuple(code for code, g in (*required, *generic) if g is None),
    )


def unit_gap(
    catalog: Catalog,
    code: str,
    required: Sequence[str],
    credit: Credit,
    for_prerequisite: bool = False,
) -> UnitGap | None:
    """What is missing of `required` outcomes of unit `code` (all of it when `required` is
    empty), or None when nothing is."""
    if credit.covers(catalog, code):
        return None
    unit = catalog.units.get(code)
    if unit is None:  # a generic subject the catalog names but does not describe
        return UnitGap(code, 0.0, 0.0, (), False, for_prerequisite)
    if not required:
        return UnitGap(code, unit.hours, unit.hours, (), False, for_prerequisite)
    missing = tuple(o for o in required if o not in credit.outcomes)
    if not missing:
        return None
    per_outcome = unit.outcome_hours()
    whole = len(required) == len(unit.outcomes)
    full = unit.hours if whole else sum(per_outcome[o] for o in required)
    if len(missing) == len(required):
        return UnitGap(code, full, full, missing, False, for_prerequisite)
    remaining = min(sum(per_outcome[o] for o in missing), full)
    return UnitGap(code, remaining, full, missing, True, for_prerequisite)


def with_prerequisites(catalog: Catalog, gaps: Sequence[UnitGap], credit: Credit) -> list[UnitGap]:
    """`gaps` with every missing prerequisite inserted just before the unit that needs it."""
    seen = {g.code for g in gaps}
    ranked: list[UnitGap] = []
    for gap in gaps:
        ranked.extend(missing_prerequisites(catalog, gap.code, credit, seen))
        ranked.append(gap)
    return ranked


def missing_prerequisites(
    catalog: Catalog, code: str, credit: Credit, seen: set[str]
) -> list[UnitGap]:
    """Depth first, so a prerequisite's own prerequisites come before it; `seen` guards
    against cycles and duplicates."""
    found: list[UnitGap] = []
    for needed in catalog.requires(code):
        if needed in seen:
            continue
        seen.add(needed)
        gap = unit_gap(catalog, needed, all_outcomes(catalog, needed), credit, True)
        if gap is not None:
            found.extend(missing_prerequisites(catalog, needed, credit, seen))
            found.append(gap)
    return found
