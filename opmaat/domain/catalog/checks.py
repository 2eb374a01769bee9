"""Consistency checks over a whole catalog: ranges, references resolve, cuts agree, no
prerequisite cycles.

The rules are those of docs/formats/catalog.md ("Validation"). A unit of a provisional
qualification need not be provisional itself: a basisdeel unit is shared with verified
qualifications of the same dossier.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from opmaat.domain.catalog.index import Catalog
from opmaat.domain.catalog.model import Prerequisite, Qualification, UnitKind

LEVELS = range(1, 7)  # mbo levels 1-4; 5 and 6 leave room for associate degree and bachelor
HOURS_TOLERANCE = 0.5  # a referring unit's stated hours may differ from its sum by rounding


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
        shortened = q.elective_hours_shortened
        if shortened is not None and not 0 <= shortened <= q.elective_hours:
            message = f"must be 0 to elective_hours ({q.elective_hours:g}), got {shortened:g}"
            issues.append(
                CatalogIssue("qualification", q.crebo, "elective_hours_shortened", message)
            )
        if q.valid_from and q.valid_until and q.valid_until < q.valid_from:
            message = f"must not be before valid_from ({q.valid_from.isoformat()})"
            issues.append(CatalogIssue("qualification", q.crebo, "valid_until", message))
    return issues


def check_unit_ranges(catalog: Catalog) -> list[CatalogIssue]:
    issues: list[CatalogIssue] = []
    for unit in catalog.units.values():
        issues.extend(level_issue("unit", unit.code, unit.level))
        if unit.hours < 0:
            message = f"must be at least 0, got {unit.hours:g}"
            issues.append(CatalogIssue("unit", unit.code, "hours", message))
        if unit.exam_hours is not None and unit.exam_hours < 0:
            message = f"must be at least 0, got {unit.exam_hours:g}"
            issues.append(CatalogIssue("unit", unit.code, "exam_hours", message))
        if unit.obligation and unit.kind != UnitKind.GENERIC:
            message = "only a generic subject (loopbaan en burgerschap) is an obligation"
            issues.append(CatalogIssue("unit", unit.code, "obligation", message))
        issues.extend(
            CatalogIssue("outcome", o.code, "hours", f"must be at least 0, got {o.hours:g}")
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
        unknown = [c for c in unit.werkprocessen if c not in catalog.outcome_unit]
        issues.extend(
            CatalogIssue("unit", unit.code, "werkprocessen", f"unknown werkproces {code}")
            for code in unknown
        )
        stated = catalog.stated_hours.get(unit.code, unit.hours)
        if not unknown and abs(stated - unit.hours) > HOURS_TOLERANCE:
            message = (
                f"must be the sum of its werkprocessen's hours ({unit.hours:g}), got "
                f"{stated:g}; change the hours of the werkprocessen instead"
            )
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


def unit_list_problems(catalog: Catalog, codes: tuple[str, ...]) -> Iterator[str]:
    for code in codes:
        unit = catalog.units.get(code)
        if unit is None:
            yield f"unknown unit {code}"
        elif unit.kind == UnitKind.GENERIC:
            yield f"{code} is a generic subject; list it under generic"


def check_cuts(catalog: Catalog) -> list[CatalogIssue]:
    """Every other cut of a qualification divides exactly the default cut's werkprocessen."""
    issues: list[CatalogIssue] = []
    for q in catalog.qualifications.values():
        names = [c.name.casefold() for c in q.cuts]
        for cut in q.cuts:
            problems = list(unit_list_problems(catalog, cut.units))
            if not cut.name.strip():
                problems.append("a cut needs a name")
            elif names.count(cut.name.casefold()) > 1:
                problems.append(f"cut {cut.name!r} given twice")
            if not problems:
                problems.extend(cut_coverage_problems(catalog, q, cut.units, cut.name))
            issues.extend(CatalogIssue("qualification", q.crebo, "cuts", p) for p in problems)
    return issues


def cut_coverage_problems(
    catalog: Catalog, q: Qualification, units: tuple[str, ...], name: str
) -> Iterator[str]:
    default = set(catalog.werkprocessen_of(q.crebo))
    covered = {o.code for u in units for o in catalog.units[u].outcomes}
    missing, extra = sorted(default - covered), sorted(covered - default)
    if missing:
        yield f"cut {name!r} misses werkprocessen of the default cut: {', '.join(missing)}"
    if extra:
        yield f"cut {name!r} has werkprocessen outside the default cut: {', '.join(extra)}"


def check_successors(catalog: Catalog) -> list[CatalogIssue]:
    """A successor is a current qualification of the catalog."""
    issues: list[CatalogIssue] = []
    for q in catalog.qualifications.values():
        for code in q.superseded_by:
            successor = catalog.qualifications.get(code)
            if successor is None:
                message = f"unknown qualification {code}"
            elif successor.superseded:
                message = f"{code} is itself superseded"
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
        if c.parent_crebo and c.parent_crebo not in catalog.qualifications:
            message = f"unknown qualification {c.parent_crebo}"
            issues.append(CatalogIssue("certificate", c.code, "parent", message))
    return issues


def check_prior_education(catalog: Catalog) -> list[CatalogIssue]:
    return [
        CatalogIssue("prior_education", p.code, "admits_level", f"must be 0 to 4, got {level}")
        for p in catalog.prior_education.values()
        for level in [p.admits_level]
        if not 0 <= level <= 4
    ]


def check_prerequisites(catalog: Catalog) -> list[CatalogIssue]:
    issues = [
        CatalogIssue(
            "prerequisite", prerequisite_key(p), name, f"unknown unit or werkproces {code}"
        )
        for p in catalog.prerequisites
        for name, code in (("unit", p.unit), ("requires", p.requires))
        if not is_unit_or_outcome(catalog, code)
    ]
    cycle = find_cycle(catalog)
    if cycle:
        key = f"{cycle[0]}->{cycle[1]}"
        message = "prerequisites form a cycle: " + " -> ".join(cycle)
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
        CatalogIssue("equivalence", e.source, "counts_for", f"unknown unit or outcome {code}")
        for e in catalog.equivalences
        for code in e.counts_for
        if not is_unit_or_outcome(catalog, code) and code not in sources
    ]
