"""What a target (a qualification, a unit or a certificate) asks for, werkproces by
werkproces, grouped into the units of a cut."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from opmaat.domain.catalog import (
    Catalog,
    Certificate,
    CodeKind,
    Qualification,
    Unit,
    UnitKind,
)
from opmaat.domain.routes.errors import NoSuchCut, NotATarget

STUDY_YEAR_HOURS = 1600.0


@dataclass(frozen=True, slots=True)
class TargetInfo:
    code: str
    name: str
    kind: str  # "qualification" | "unit" | "certificate"
    level: int | None
    provisional: bool
    superseded_by: tuple[str, ...] = ()
    nominal_years: float | None = None  # a qualification's; None: its study load / 1,600


@dataclass(frozen=True, slots=True)
class Requirements:
    """Per unit the werkprocessen needed (cut order, basisdeel first), the generic units and
    the keuzedeel obligation, full and for a shortened route where a rule lowers it."""

    units: tuple[tuple[str, tuple[str, ...]], ...]
    generic: tuple[str, ...] = ()
    elective_hours: float = 0.0
    elective_hours_shortened: float | None = None
    elective_rule: str = ""
    # Units to group other werkprocessen by (a certificate's qualification's cut), so that
    # a missing prerequisite is planned as part of a familiar unit.
    related_units: tuple[str, ...] = ()
    level: int | None = None  # the target's level, for keuzedeel hours that count towards it

    def werkprocessen(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(w for _, needed in self.units for w in needed))


def target_of(
    catalog: Catalog, code: str, cut: str | None = None
) -> tuple[TargetInfo, Requirements]:
    """The target named by `code` and what it requires; UnknownCode or NotATarget otherwise.
    `cut` names another published cut of a qualification (default: its own units)."""
    canonical = catalog.resolve(code)
    if canonical in catalog.qualifications:
        return qualification_target(catalog, catalog.qualifications[canonical], cut)
    if canonical in catalog.units:
        return unit_target(catalog.units[canonical])
    if canonical in catalog.certificates:
        return certificate_target(catalog, catalog.certificates[canonical])
    raise NotATarget(canonical, str(catalog.kind_of(canonical)))


def qualification_target(
    catalog: Catalog, q: Qualification, cut: str | None = None
) -> tuple[TargetInfo, Requirements]:
    info = TargetInfo(
        q.crebo,
        q.name,
        CodeKind.QUALIFICATION.value,
        q.level,
        q.provisional,
        superseded_by=q.superseded_by,
        nominal_years=q.nominal_years,
    )
    try:
        units = q.cut(cut)
    except KeyError:
        raise NoSuchCut(q.crebo, cut or "", [c.name for c in q.cuts]) from None
    requirements = Requirements(
        units=tuple((u, all_outcomes(catalog, u)) for u in units),
        generic=q.generic.unit_codes(),
        elective_hours=q.elective_hours,
        elective_hours_shortened=q.elective_hours_shortened,
        elective_rule=q.elective_rule,
        level=q.level,
    )
    return info, requirements


def unit_target(unit: Unit) -> tuple[TargetInfo, Requirements]:
    info = TargetInfo(unit.code, unit.title, CodeKind.UNIT.value, unit.level, unit.provisional)
    if unit.kind == UnitKind.GENERIC:
        return info, Requirements(units=(), generic=(unit.code,))
    return info, Requirements(((unit.code, tuple(o.code for o in unit.outcomes)),))


def certificate_target(catalog: Catalog, cert: Certificate) -> tuple[TargetInfo, Requirements]:
    """A certificate requires the units it covers whole and the werkprocessen it names,
    grouped by the units of its qualification's default cut (so a certificate of two exam
    units is planned as those two), else by the unit that defines them."""
    needed: dict[str, list[str]] = {}
    loose: list[str] = []
    for code in cert.covers:
        if code in catalog.units:
            needed[code] = list(all_outcomes(catalog, code))
        elif code in catalog.outcome_unit:
            loose.append(code)
    for unit, werkprocessen in group_werkprocessen(catalog, loose, parent_units(catalog, cert)):
        have = needed.setdefault(unit, [])
        have.extend(w for w in werkprocessen if w not in have)
    generic = tuple(u for u in needed if catalog.units[u].kind == UnitKind.GENERIC)
    units = tuple(
        (u, in_unit_order(catalog.units[u], o)) for u, o in needed.items() if u not in generic
    )
    levels = [catalog.units[u].level for u in needed]
    level = cert.level if cert.level is not None else max(levels, default=None)
    info = TargetInfo(cert.code, cert.name, CodeKind.CERTIFICATE.value, level, cert.provisional)
    return info, Requirements(units, generic, related_units=parent_units(catalog, cert))


def parent_units(catalog: Catalog, cert: Certificate) -> tuple[str, ...]:
    parent = catalog.qualifications.get(cert.parent_crebo or "")
    return parent.units if parent else ()


def group_werkprocessen(
    catalog: Catalog, werkprocessen: Sequence[str], units: Sequence[str]
) -> list[tuple[str, list[str]]]:
    """`werkprocessen` grouped by the first of `units` that contains each, the rest by the
    unit that defines them; groups in the order of `units`, then of first mention."""
    groups: dict[str, list[str]] = {}
    home = {
        o.code: code
        for code in reversed(units)
        if code in catalog.units
        for o in catalog.units[code].outcomes
    }
    for code in werkprocessen:
        groups.setdefault(home.get(code, catalog.outcome_unit[code]), []).append(code)
    order = {code: i for i, code in enumerate(units)}
    return sorted(groups.items(), key=lambda item: order.get(item[0], len(order)))


def all_outcomes(catalog: Catalog, unit_code: str) -> tuple[str, ...]:
    unit = catalog.units.get(unit_code)
    return tuple(o.code for o in unit.outcomes) if unit else ()


def in_unit_order(unit: Unit, outcomes: list[str]) -> tuple[str, ...]:
    wanted = set(outcomes)
    return tuple(o.code for o in unit.outcomes if o.code in wanted)


def full_study_load(catalog: Catalog, requirements: Requirements) -> float:
    """The hours of everything a target asks, from nothing (generic units as courses)."""
    vocational = catalog.hours_of(requirements.werkprocessen())
    whole = sum(
        catalog.units[u].hours
        for u, needed in requirements.units
        if not needed and u in catalog.units
    )
    generic = sum(
        catalog.units[g].hours
        for g in requirements.generic
        if g in catalog.units and not catalog.units[g].obligation
    )
    return vocational + whole + generic + requirements.elective_hours


def nominal_years(catalog: Catalog, info: TargetInfo, requirements: Requirements) -> float:
    """A qualification's nominal years; a unit's or certificate's study load in study years
    (1,600 hours each), its duration in the standard form."""
    if info.nominal_years is not None:
        return info.nominal_years
    return full_study_load(catalog, requirements) / STUDY_YEAR_HOURS
