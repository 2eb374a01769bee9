"""Consistency checks over a whole catalog: references resolve, no prerequisite cycles."""

from __future__ import annotations

from dataclasses import dataclass

from opmaat.domain.catalog.model import Catalog, UnitKind


@dataclass(frozen=True, slots=True)
class CatalogIssue:
    entity: str  # qualification | unit | certificate | prerequisite | equivalence
    key: str  # the entity's code (a prerequisite: its unit; an equivalence: its source)
    field: str
    message: str


def check_catalog(catalog: Catalog) -> list[CatalogIssue]:
    return [
        *check_qualification_units(catalog),
        *check_generic_units(catalog),
        *check_certificates(catalog),
        *check_prerequisites(catalog),
        *check_equivalences(catalog),
    ]


def check_qualification_units(catalog: Catalog) -> list[CatalogIssue]:
    issues = []
    for q in catalog.qualifications.values():
        for code in q.units:
            unit = catalog.units.get(code)
            if unit is None:
                issues.append(
                    CatalogIssue("qualification", q.crebo, "units", f"unknown unit {code}")
                )
            elif unit.kind == UnitKind.GENERIC:
                issues.append(
                    CatalogIssue(
                        "qualification",
                        q.crebo,
                        "units",
                        f"{code} is a generic subject; list it under generic",
                    )
                )
    return issues


def check_generic_units(catalog: Catalog) -> list[CatalogIssue]:
    issues = []
    for q in catalog.qualifications.values():
        for code in q.generic.unit_codes():
            unit = catalog.units.get(code)
            if unit is None or unit.kind != UnitKind.GENERIC:
                issues.append(
                    CatalogIssue(
                        "qualification",
                        q.crebo,
                        "generic",
                        f"needs generic unit {code}, which the catalog lacks",
                    )
                )
    return issues


def check_certificates(catalog: Catalog) -> list[CatalogIssue]:
    return [
        CatalogIssue("certificate", c.code, "covers", f"unknown unit or outcome {code}")
        for c in catalog.certificates.values()
        for code in c.covers
        if code not in catalog.units and code not in catalog.outcome_unit
    ]


def check_prerequisites(catalog: Catalog) -> list[CatalogIssue]:
    issues = [
        CatalogIssue("prerequisite", p.unit, name, f"unknown unit {code}")
        for p in catalog.prerequisites
        for name, code in (("unit", p.unit), ("requires", p.requires))
        if code not in catalog.units
    ]
    cycle = find_cycle(catalog)
    if cycle:
        issues.append(
            CatalogIssue(
                "prerequisite",
                cycle[0],
                "requires",
                "prerequisites form a cycle: " + " -> ".join(cycle),
            )
        )
    return issues


def find_cycle(catalog: Catalog) -> list[str]:
    """One cycle in the prerequisite graph as [a, b, ..., a], or [] when there is none."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(code: str, path: list[str]) -> list[str]:
        state[code] = 1
        here = [*path, code]
        for required in catalog.requires(code):
            if state.get(required) == 1:
                return [*here[here.index(required) :], required]
            if required not in state:
                found = visit(required, here)
                if found:
                    return found
        state[code] = 2
        return []

    for p in catalog.prerequisites:
        if p.unit not in state:
            found = visit(p.unit, [])
            if found:
                return found
    return []


def check_equivalences(catalog: Catalog) -> list[CatalogIssue]:
    return [
        CatalogIssue("equivalence", e.source, "counts_for", f"unknown unit or outcome {code}")
        for e in catalog.equivalences
        for code in e.counts_for
        if code not in catalog.units and code not in catalog.outcome_unit
    ]
