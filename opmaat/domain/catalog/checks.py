"""Consistency checks over a whole catalog: ranges, references resolve, cuts agree, no
prerequisite cycles.

The rules are those of docs/formats/catalog.md ("Validation"). A unit of a provisional
qualification need not be provisional itself: a basisdeel unit is shared with verified
qualifications of the same dossier.

Each issue says which problem it is (a `Said`: its kind and data, keys `problem.<kind>` in
opmaat.messages), so the edges word it in the reader's language; a range is the same
problem as a cell out of range (`out_of_range`, `too_small`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from opmaat.domain.catalog.index import Catalog
from opmaat.domain.catalog.model import Prerequisite, Qualification, UnitKind
from opmaat.domain.errors import Said

LEVELS = range(1, 7)  # mbo levels 1-4; 5 and 6 leave room for associate degree and bachelor
HOURS_TOLERANCE = 0.5  # a referring unit's stated hours may differ from its sum by rounding


@dataclass(frozen=True, slots=True)
class CatalogIssue:
    """One inconsistency, named by the entity it belongs to and the field at fault."""

    entity: str  # qualification | unit | outcome | certificate | prerequisite | equivalence
    key: str  # the entity's code; a prerequisite: "unit->requires"; an equivalence: source
    field: str
    message: Said  # English for logs, with the kind and data that word it for a reader


def check_catalog(catalog: Catalog) -> list[CatalogIssue]:
    """Every inconsistency in `catalog`, grouped by check, in catalog order within each."""
    return [
        *check_qualification_ranges(catalog),
        *check_qualification_units(catalog),
        *check_cuts(catalog),
        *check_successors(catalog),
        *check_generic_units(catalog),
        *check_unit_ranges(catalog),
        *check_referring_units(catalog),
        *check_certificates(catalog),
        *check_prior_education(catalog),
        *check_prerequisites(catalog),
        *check_equivalences(catalog),
    ]


def prerequisite_key(p: Prerequisite) -> str:
    return f"{p.unit}->{p.requires}"


def within(value: int, low: int, high: int) -> Said:
    text = f"must be {low} to {high}, got {value}"
    return Said(text, "out_of_range", low=low, high=high, value=str(value))


def at_least_zero(value: float) -> Said:
    shown = f"{value:g}"
    return Said(f"must be at least 0, got {shown}", "too_small", low=0, value=shown)


def not_in_catalog(what: str, code: str) -> Said:
    """An unknown code: `what` is unit, werkproces, qualification or unit_or_werkproces."""
    return Said(f"unknown {what.replace('_', ' ')} {code}", f"unknown_{what}", value=code)


def level_issue(entity: str, key: str, level: int) -> Iterator[CatalogIssue]:
    if level not in LEVELS:
        yield CatalogIssue(entity, key, "level", within(level, LEVELS[0], LEVELS[-1]))


def check_qualification_ranges(catalog: Catalog) -> list[CatalogIssue]:
    issues: list[CatalogIssue] = []
    for q in catalog.qualifications.values():
        issues.extend(level_issue("qualification", q.crebo, q.level))
        if q.nominal_years <= 0:
            years = f"{q.nominal_years:g}"
            message = Said(f"must be more than 0, got {years}", "not_positive", value=years)
            issues.append(CatalogIssue("qualification", q.crebo, "nominal_years", message))
        if q.elective_hours < 0:
            message = at_least_zero(q.elective_hours)
            issues.append(CatalogIssue("qualification", q.crebo, "elective_hours", message))
        shortened = q.elective_hours_shortened
        if shortened is not None and not 0 <= shortened <= q.elective_hours:
            most, shown = f"{q.elective_hours:g}", f"{shortened:g}"
            message = Said(
                f"must be 0 to elective_hours ({most}), got {shown}",
                "beyond_field",
                other="elective_hours",
                high=most,
                value=shown,
            )
            issues.append(
                CatalogIssue("qualification", q.crebo, "elective_hours_shortened", message)
            )
        if q.valid_from and q.valid_until and q.valid_until < q.valid_from:
            day = q.valid_from.isoformat()
            text = f"must not be before valid_from ({day})"
            message = Said(text, "before_date", other="valid_from", day=day)
            issues.append(CatalogIssue("qualification", q.crebo, "valid_until", message))
    return issues


def check_unit_ranges(catalog: Catalog) -> list[CatalogIssue]:
    issues: list[CatalogIssue] = []
    for unit in catalog.units.values():
        issues.extend(level_issue("unit", unit.code, unit.level))
        if unit.hours < 0:
            issues.append(CatalogIssue("unit", unit.code, "hours", at_least_zero(unit.hours)))
        if unit.exam_hours is not None and unit.exam_hours < 0:
            message = at_least_zero(unit.exam_hours)
            issues.append(CatalogIssue("unit", unit.code, "exam_hours", message))
        if unit.obligation and unit.kind != UnitKind.GENERIC:
            text = "only a generic subject (loopbaan en burgerschap) is an obligation"
            message = Said(text, "obligation_not_generic")
            issues.append(CatalogIssue("unit", unit.code, "obligation", message))
        issues.extend(
            CatalogIssue("outcome", o.code, "hours", at_least_zero(o.hours))
            for o in unit.outcomes
            if o.hours is not None and o.hours < 0 and not unit.refers
        )
    return issues


def check_referring_units(catalog: Catalog) -> list[CatalogIssue]:
    """A unit made of werkprocessen defined elsewhere names known werkprocessen, and its
    stated hours (if any) are theirs."""
    issues: list[CatalogIssue] = []
    for unit in catalog.units.values():
        if not unit.refers:
            continue
        missing = [c for c in unit.werkprocessen if c not in catalog.outcome_unit]
        issues.extend(
            CatalogIssue("unit", unit.code, "werkprocessen", not_in_catalog("werkproces", code))
            for code in missing
        )
        stated = catalog.stated_hours.get(unit.code, unit.hours)
        if not missing and abs(stated - unit.hours) > HOURS_TOLERANCE:
            total, shown = f"{unit.hours:g}", f"{stated:g}"
            text = (
                f"must be the sum of its werkprocessen's hours ({total}), got {shown}; "
                "change the hours of the werkprocessen instead"
            )
            message = Said(text, "not_sum_of_werkprocessen", hours=total, value=shown)
            issues.append(CatalogIssue("unit", unit.code, "hours", message))
    return issues


def check_qualification_units(catalog: Catalog) -> list[CatalogIssue]:
    """A qualification lists vocational and elective units; generic ones come from `generic`."""
    issues: list[CatalogIssue] = []
    for q in catalog.qualifications.values():
        issues.extend(
            CatalogIssue("qualification", q.crebo, "units", message)
            for message in unit_list_problems(catalog, q.units)
        )
    return issues


def unit_list_problems(catalog: Catalog, codes: tuple[str, ...]) -> Iterator[Said]:
    for code in codes:
        unit = catalog.units.get(code)
        if unit is None:
            yield not_in_catalog("unit", code)
        elif unit.kind == UnitKind.GENERIC:
            text = f"{code} is a generic subject; list it under generic"
            yield Said(text, "generic_in_units", value=code)


def check_cuts(catalog: Catalog) -> list[CatalogIssue]:
    """Every other cut of a qualification divides exactly the default cut's werkprocessen."""
    issues: list[CatalogIssue] = []
    for q in catalog.qualifications.values():
        names = [c.name.casefold() for c in q.cuts]
        for cut in q.cuts:
            problems = list(unit_list_problems(catalog, cut.units))
            if not cut.name.strip():
                problems.append(Said("a cut needs a name", "cut_without_name"))
            elif names.count(cut.name.casefold()) > 1:
                problems.append(Said(f"cut {cut.name!r} given twice", "cut_twice", name=cut.name))
            if not problems:
                problems.extend(cut_coverage_problems(catalog, q, cut.units, cut.name))
            issues.extend(CatalogIssue("qualification", q.crebo, "cuts", p) for p in problems)
    return issues


def cut_coverage_problems(
    catalog: Catalog, q: Qualification, units: tuple[str, ...], name: str
) -> Iterator[Said]:
    default = set(catalog.werkprocessen_of(q.crebo))
    covered = {o.code for u in units for o in catalog.units[u].outcomes}
    missing, extra = sorted(default - covered), sorted(covered - default)
    if missing:
        text = f"cut {name!r} misses werkprocessen of the default cut: {', '.join(missing)}"
        yield Said(text, "cut_misses", name=name, codes=tuple(missing))
    if extra:
        text = f"cut {name!r} has werkprocessen outside the default cut: {', '.join(extra)}"
        yield Said(text, "cut_extra", name=name, codes=tuple(extra))


def check_successors(catalog: Catalog) -> list[CatalogIssue]:
    """A successor is a current qualification of the catalog."""
    issues: list[CatalogIssue] = []
    for q in catalog.qualifications.values():
        for code in q.superseded_by:
            successor = catalog.qualifications.get(code)
            if successor is None:
                message = not_in_catalog("qualification", code)
            elif successor.superseded:
                message = Said(f"{code} is itself superseded", "successor_superseded", value=code)
            else:
                continue
            issues.append(CatalogIssue("qualification", q.crebo, "superseded_by", message))
    return issues


def check_generic_units(catalog: Catalog) -> list[CatalogIssue]:
    """The units NL-2F, REK-3, EN-B1, LB... that a qualification's generic subjects need."""
    issues: list[CatalogIssue] = []
    for q in catalog.qualifications.values():
        for code in q.generic.unit_codes():
            unit = catalog.units.get(code)
            if unit is None:
                text = f"needs generic unit {code}, which the catalog lacks"
                message = Said(text, "generic_unit_missing", value=code)
            elif unit.kind != UnitKind.GENERIC:
                text = f"needs generic unit {code}, which is of kind {unit.kind.value}"
                message = Said(text, "generic_unit_kind", value=code, unit_kind=unit.kind.value)
            else:
                continue
            issues.append(CatalogIssue("qualification", q.crebo, "generic", message))
    return issues


def is_unit_or_outcome(catalog: Catalog, code: str) -> bool:
    return code in catalog.units or code in catalog.outcome_unit


def unknown_unit_or_outcome(code: str) -> Said:
    text = f"unknown unit or outcome {code}"
    return Said(text, "unknown_unit_or_werkproces", value=code)


def check_certificates(catalog: Catalog) -> list[CatalogIssue]:
    issues: list[CatalogIssue] = []
    for c in catalog.certificates.values():
        if c.level is not None:
            issues.extend(level_issue("certificate", c.code, c.level))
        issues.extend(
            CatalogIssue("certificate", c.code, "covers", unknown_unit_or_outcome(code))
            for code in c.covers
            if not is_unit_or_outcome(catalog, code)
        )
        if c.parent_crebo and c.parent_crebo not in catalog.qualifications:
            message = not_in_catalog("qualification", c.parent_crebo)
            issues.append(CatalogIssue("certificate", c.code, "parent", message))
    return issues


def check_prior_education(catalog: Catalog) -> list[CatalogIssue]:
    return [
        CatalogIssue("prior_education", p.code, "admits_level", within(level, 0, 4))
        for p in catalog.prior_education.values()
        for level in [p.admits_level]
        if not 0 <= level <= 4
    ]


def check_prerequisites(catalog: Catalog) -> list[CatalogIssue]:
    issues = [
        CatalogIssue(
            "prerequisite", prerequisite_key(p), name, not_in_catalog("unit_or_werkproces", code)
        )
        for p in catalog.prerequisites
        for name, code in (("unit", p.unit), ("requires", p.requires))
        if not is_unit_or_outcome(catalog, code)
    ]
    cycle = find_cycle(catalog)
    if cycle:
        key = f"{cycle[0]}->{cycle[1]}"
        ring = " -> ".join(cycle)
        message = Said(f"prerequisites form a cycle: {ring}", "prerequisite_cycle", cycle=ring)
        issues.append(CatalogIssue("prerequisite", key, "requires", message))
    return issues


def find_cycle(catalog: Catalog) -> list[str]:
    """One cycle in the prerequisite graph as [a, b, ..., a], or [] when there is none.

    Depth-first search; a code met again while still on the current path closes a cycle.
    """
    done: set[str] = set()

    def visit(code: str, path: list[str]) -> list[str]:
        here = [*path, code]
        for required in catalog.requires(code):
            if required in here:
                return [*here[here.index(required) :], required]
            if required not in done:
                found = visit(required, here)
                if found:
                    return found
        done.add(code)
        return []

    for p in catalog.prerequisites:
        if p.unit not in done:
            found = visit(p.unit, [])
            if found:
                return found
    return []


def check_equivalences(catalog: Catalog) -> list[CatalogIssue]:
    """An equivalence counts for units, werkprocessen, or codes that count on themselves
    (a retired unit counting through its retired werkprocessen)."""
    sources = {e.source for e in catalog.equivalences}
    return [
        CatalogIssue("equivalence", e.source, "counts_for", unknown_unit_or_outcome(code))
        for e in catalog.equivalences
        for code in e.counts_for
        if not is_unit_or_outcome(catalog, code) and code not in sources
    ]
