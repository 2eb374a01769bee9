"""The gap between a target's requirements and what a person holds, werkproces by
werkproces."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from opmaat.domain.catalog import Catalog
from opmaat.domain.routes.holdings import Credit
from opmaat.domain.routes.target import Requirements, all_outcomes, group_werkprocessen


@dataclass(frozen=True, slots=True)
class UnitGap:
    """A unit still (partly) needed: the hours of its werkprocessen not yet credited."""

    code: str
    hours: float
    full_hours: float
    missing_outcomes: tuple[str, ...]
    partial: bool
    for_prerequisite: bool = False


@dataclass(frozen=True, slots=True)
class Gap:
    units: tuple[UnitGap, ...]  # cut order; missing prerequisites first
    generic: tuple[str, ...]  # generic units still needed
    elective_hours: float  # of the full obligation
    covered: tuple[str, ...]  # required units (vocational and generic) already covered
    werkprocessen: int  # the target's werkprocessen
    credited: int  # of which credited


def find_gap(catalog: Catalog, requirements: Requirements, credit: Credit) -> Gap:
    """What is missing of `requirements` given `credit`.

    1. Each required unit costs the hours of its werkprocessen that are neither credited nor
       planned in an earlier unit of the cut (a werkproces examined in two units is planned
       once); a unit without werkprocessen counts whole.
    2. Werkprocessen that a planned werkproces requires (reserved medical acts after basic
       care) and that are not credited join the route first, marked `for_prerequisite`,
       grouped into the units of the cut or the units that define them.
    3. Generic units count whole; elective hours missing = max(0, required - credited).
    """
    planned: set[str] = set()
    units: list[UnitGap] = []
    covered: list[str] = []
    for code, needed in requirements.units:
        gap = unit_gap(catalog, code, needed, credit, planned)
        if gap is None:
            if not set(needed) & planned:
                covered.append(code)
            continue
        planned.update(gap.missing_outcomes)
        units.append(gap)
    cut = [*(code for code, _ in requirements.units), *requirements.related_units]
    prerequisites = []
    for gap in missing_prerequisites(catalog, planned, credit, cut):
        same = next((i for i, u in enumerate(units) if u.code == gap.code), None)
        if same is None:
            prerequisites.append(gap)
        else:  # the unit is on the route already: its prerequisite part joins it
            units[same] = merged(catalog, units[same], gap)
    generic = [g for g in requirements.generic if not credit.covers(catalog, g)]
    covered += [g for g in requirements.generic if g not in generic]
    required = requirements.werkprocessen()
    return Gap(
        units=(*prerequisites, *units),
        generic=tuple(generic),
        elective_hours=max(
            0.0, requirements.elective_hours - credit.electives_for(requirements.level)
        ),
        covered=tuple(covered),
        werkprocessen=len(required),
        credited=sum(1 for w in required if w in credit.outcomes),
    )


def unit_gap(
    catalog: Catalog,
    code: str,
    needed: Sequence[str],
    credit: Credit,
    planned: set[str] | frozenset[str] = frozenset(),
    for_prerequisite: bool = False,
) -> UnitGap | None:
    """What is missing of the `needed` werkprocessen of unit `code` (the whole unit when it
    has none), or None when nothing is."""
    if credit.covers(catalog, code):
        return None
    unit = catalog.units.get(code)
    if unit is None:  # a code the catalog names but does not describe
        return UnitGap(code, 0.0, 0.0, (), False, for_prerequisite)
    if not needed:
        return UnitGap(code, unit.hours, unit.hours, (), False, for_prerequisite)
    missing = tuple(w for w in needed if w not in credit.outcomes and w not in planned)
    if not missing:
        return None
    full = catalog.hours_of(needed)
    hours = catalog.hours_of(missing)
    partial = len(missing) < len(needed)
    return UnitGap(code, hours, full, missing, partial, for_prerequisite)


def merged(catalog: Catalog, gap: UnitGap, more: UnitGap) -> UnitGap:
    missing = (*more.missing_outcomes, *gap.missing_outcomes)
    return UnitGap(
        gap.code,
        catalog.hours_of(missing),
        gap.full_hours + more.full_hours,
        missing,
        gap.partial,
        gap.for_prerequisite,
    )


def missing_prerequisites(
    catalog: Catalog, planned: set[str], credit: Credit, cut: Sequence[str]
) -> list[UnitGap]:
    """The werkprocessen that `planned` ones require, transitively, that are neither credited
    nor planned, as units (prerequisites of prerequisites first); `planned` grows."""
    found: list[str] = []

    def visit(code: str) -> None:
        for needed in werkprocessen_required(catalog, code):
            if needed in planned or needed in credit.outcomes or needed in found:
                continue
            found.append(needed)
            visit(needed)

    for code in sorted(planned):
        visit(code)
    planned.update(found)
    gaps = []
    for unit, werkprocessen in group_werkprocessen(catalog, list(reversed(found)), cut):
        gap = unit_gap(catalog, unit, werkprocessen, credit, for_prerequisite=True)
        if gap is not None:
            gaps.append(gap)
    return gaps


def werkprocessen_required(catalog: Catalog, code: str) -> list[str]:
    """The werkprocessen a werkproces requires: named directly, through the unit that
    defines it, or as the werkprocessen of a required unit."""
    holders = [code, catalog.outcome_unit.get(code, "")]
    required = [r for holder in holders if holder for r in catalog.requires(holder)]
    return [
        w
        for r in required
        for w in ([r] if r in catalog.outcome_unit else all_outcomes(catalog, r))
    ]


def unit_requires(catalog: Catalog, units: Sequence[UnitGap]) -> Callable[[str], list[str]]:
    """The prerequisite rule lifted onto `units`: a unit requires another when one of its
    werkprocessen (or the unit itself) requires one of the other's."""
    owner = {w: g.code for g in units for w in g.missing_outcomes}
    owner.update({g.code: g.code for g in units})
    needs: dict[str, list[str]] = {}
    for gap in units:
        codes = [gap.code, *gap.missing_outcomes]
        required = {
            owner[w]
            for c in codes
            for w in [*werkprocessen_required(catalog, c), *catalog.requires(c)]
            if w in owner and owner[w] != gap.code
        }
        needs[gap.code] = sorted(required)
    return lambda code: needs.get(code, [])
