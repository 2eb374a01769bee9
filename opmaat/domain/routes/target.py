"""What a target (a qualification, a unit or a certificate) asks for."""

from __future__ import annotations

from dataclasses import dataclass

from opmaat.domain.catalog import Catalog, Certificate, CodeKind, Qualification, Unit, UnitKind
from opmaat.domain.routes.errors import NotATarget


@dataclass(frozen=True, slots=True)
class TargetInfo:
    code: str
    name: str
    kind: str  # "qualification" | "unit" | "certificate"
    level: int | None
    provisional: bool


@dataclass(frozen=True, slots=True)
class Requirements:
    """Per vocational unit the outcomes needed (target order, basisdeel first), the generic
    units and the elective hours."""

    units: tuple[tuple[str, tuple[str, ...]], ...]
    generic: tuple[str, ...] = ()
    elective_hours: float = 0.0


def target_of(catalog: Catalog, code: str) -> tuple[TargetInfo, Requirements]:
    """The target named by `code` and what it requires; UnknownCode or NotATarget otherwise."""
    canonical = catalog.resolve(code)
    if canonical in catalog.qualifications:
        return qualification_target(catalog, catalog.qualifications[canonical])
    if canonical in catalog.units:
        return unit_target(catalog.units[canonical])
    if canonical in catalog.certificates:
        return certificate_target(catalog, catalog.certificates[canonical])
    raise NotATarget(canonical, str(catalog.kind_of(canonical)))


def qualification_target(catalog: Catalog, q: Qualification) -> tuple[TargetInfo, Requirements]:
    info = TargetInfo(q.crebo, q.name, CodeKind.QUALIFICATION.value, q.level, q.provisional)
    units = tuple((u, all_outcomes(catalog, u)) for u in q.units)
    return info, Requirements(units, q.generic.unit_codes(), q.elective_hours)


def unit_target(unit: Unit) -> tuple[TargetInfo, Requirements]:
    info = TargetInfo(unit.code, unit.title, CodeKind.UNIT.value, unit.level, unit.provisional)
    if unit.kind == UnitKind.GENERIC:
        return info, Requirements(units=(), generic=(unit.code,))
    return info, Requirements(((unit.code, tuple(o.code for o in unit.outcomes)),))


def certificate_target(catalog: Catalog, cert: Certificate) -> tuple[TargetInfo, Requirements]:
    """A certificate requires the units it covers whole and, of the rest, the outcomes it
    names, grouped per unit in the order the certificate first mentions them."""
    needed: dict[str, list[str]] = {}
    for code in cert.covers:
        if code in catalog.units:
            needed[code] = list(all_outcomes(catalog, code))
        elif code in catalog.outcome_unit:
            needed.setdefault(catalog.outcome_unit[code], []).append(code)
    generic = tuple(u for u in needed if catalog.units[u].kind == UnitKind.GENERIC)
    units = tuple(
        (u, in_unit_order(catalog.units[u], o)) for u, o in needed.items() if u not in generic
    )
    levels = [catalog.units[u].level for u in needed]
    level = cert.level if cert.level is not None else max(levels, default=None)
    info = TargetInfo(cert.code, cert.name, CodeKind.CERTIFICATE.value, level, cert.provisional)
    return info, Requirements(units, generic)


def all_outcomes(catalog: Catalog, unit_code: str) -> tuple[str, ...]:
    unit = catalog.units.get(unit_code)
    return tuple(o.code for o in unit.outcomes) if unit else ()


def in_unit_order(unit: Unit, outcomes: list[str]) -> tuple[str, ...]:
    wanted = set(outcomes)
    return tuple(o.code for o in unit.outcomes if o.code in wanted)
