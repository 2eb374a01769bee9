"""Consistency checks over a whole catalog: ranges, references resolve, no prerequisite cycles.

The rules are those of docs/formats/catalog.md ("Validation"). A unit of a provisional
qualification need not be provisional itself: a basisdeel unit is shared with verified
qualifications of the same dossier.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from opmaat.domain.catalog.model import Catalog, Prerequisite, UnitKind

LEVELS = range(1, 7)  # mbo levels 1-4; 5 and 6 leave room for associate degree and bachelor


@dataclass(frozen=True, slots=True)
class CatalogIssue:
    """One inconsistency, named by the entity it belongs to and the field at fault."""

    entity: str  # qualification | unit | outcome | certificate | prerequisite | equivalence
    key: str  # the entity's code; a prerequisite: "unit->requires"; an equivalence: source
    field: str
    message: str


def check_catalog(catalog: Catalog) -> list[CatalogIssue]:
    """Every inconsistency in `catalog`, grouped by check, in catalog order within each."""
    return [
        *check_qualification_ranges(catalog),
        *check_qualification_units(catalog),
        *check_generic_units(catalog),
        *check_unit_ranges(catalog),
        *check_certificates(catalog),
        *check_prerequisites(catalog),
        *check_equivalences(catalog),
    ]


def prerequisite_key(p: Prerequisite) -> str:
    return f"{p.unit}->{p.requires}"


def level_issue(entity: str, key: str, level: int) -> Iterator[CatalogIssue]:
    if level not in LEVELS:
        yield CatalogIssue(entity, key, "level", f"must be 1 to 6, got {level}")


def check_qualification_ranges(catalog: Catalog) -> list[CatalogIssue]:
    issues: list[CatalogIssue] = []
    for q in catalog.qualifications.values():
        issues.extend(level_issue("qualification", q.crebo, q.level))
        if q.nominal_years <= 0:
            message = f"must be more than 0, got {q.nominal_years:g}"
            issues.append(CatalogIssue("qualification", q.crebo, "nominal_years", message))
        if q.elective_hours < 0:
            message = f"must be at least 0, got {q.elective_hours:g}"
            issues.append(CatalogIssue("qualification", q.crebo, "elective_hours", message))
    return issues


def check_unit_ranges(catalog: Catalog) -> list[CatalogIssue]:
    issues: list[CatalogIssue] = []
    for unit in catalog.units.values():
        issues.extend(level_issue("unit", unit.code, unit.level))
        if unit.hours < 0:
            message = f"must be at least 0, got {unit.hours:g}"
            issues.append(CatalogIssue("unit", unit.code, "hours", message))
        issues.extend(
            CatalogIssue("outcome", o.code, "hours", f"must be at least 0, got {o.hours:g}")
            for o in unit.outcomes
            if o.hours is not None and o.hours < 0
        )
    return issues


def check_qualification_units(catalog: Catalog) -> list[CatalogIssue]:
    """A qualification lists vocational and elective units; generic ones come from `generic`."""
    issues: list[CatalogIssue] = []
    for q in catalog.qualifications.values():
        for code in q.units:
            unit = catalog.units.get(code)
            if unit is None:
                message = f"unknown unit {code}"
            elif unit.kind == UnitKind.GENERIC:
                message = f"{code} is a generic subject; list it under generic"
            else:
                continue
            issues.append(CatalogIssue("qualification", q.crebo, "units", message))
    return issues


def check_generic_units(catalog: Catalog) -> list[CatalogIssue]:
    """The units NL-2F, REK-3F, EN-B1, LB... that a qualification's generic subjects need."""
    issues: list[CatalogIssue] = []
    for q in catalog.qualifications.values():
        for code in q.generic.unit_codes():
            unit = catalog.units.get(code)
            if unit is None:
                message = f"needs generic unit {code}, which the catalog lacks"
            elif unit.kind != UnitKind.GENERIC:
                message = f"needs generic unit {code}, which is of kind {unit.kind.value}"
            else:
                continue
            issues.append(CatalogIssue("qualification", q.crebo, "generic", message))
    return issues


def is_unit_or_outcome(catalog: Catalog, code: str) -> bool:
    return code in catalog.units or code in catalog.outcome_unit


def check_certificates(catalog: Catalog) -> list[CatalogIssue]:
    issues: list[CatalogIssue] = []
    for c in catalog.certificates.values():
        if c.level is not None:
            issues.extend(level_issue("certificate", c.code, c.level))
        issues.extend(
            CatalogIssue("certificate", c.code, "covers", f"unknown unit or outcome {code}")
            for code in c.covers
            if not is_unit_or_outcome(catalog, code)
        )
    return issues


def check_prerequisites(catalog: Catalog) -> list[CatalogIssue]:
    issues = [
        CatalogIssue("prerequisite", prerequisite_key(p), name, f"unknown unit {code}")
        for p in catalog.prerequisites
        for name, code in (("unit", p.unit), ("requires", p.requires))
        if code not in catalog.units
    ]
    cycle = find_cycle(catalog)
    if cycle:
        key = f"{cycle[0]}->{cycle[1]}"
        message = "prerequisites form a cycle: " + " -> ".join(cycle)
        issues.append(CatalogIssue("prerequisite", key, "requires", message))
    return issues


def find_cycle(catalog: Catalog) -> list[str]:
    """One cycle in the prerequisite graph as [a, b, ..., a], or [] when there is none.

    Depth-first search; a unit met again while still on the current path closes a cycle.
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
    return [
        CatalogIssue("equivalence", e.source, "counts_for", f"unknown unit or outcome {code}")
        for e in catalog.equivalences
        for code in e.counts_for
        if not is_unit_or_outcome(catalog, code)
    ]
