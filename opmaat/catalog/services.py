"""Catalog rows ↔ domain objects. The only writer of catalog tables."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction

from opmaat.catalog import models as m
from opmaat.domain.catalog import (
    Catalog,
    Certificate,
    EmployerEffect,
    Equivalence,
    GenericRequirements,
    HoursSource,
    Outcome,
    Pathway,
    Prerequisite,
    Qualification,
    Unit,
    UnitKind,
)


@dataclass(frozen=True, slots=True)
class LoadReport:
    created: int
    updated: int

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated"


def catalog_is_loaded() -> bool:
    return m.Qualification.objects.exists()


@transaction.atomic
def do_load_catalog(catalog: Catalog) -> LoadReport:
    """Create or update everything in `catalog` by code, in one transaction.

    Entities absent from `catalog` stay as they are: a school's file of hour overrides
    must not delete the rest of the national catalog.
    """
    counts = [_save_unit(u) for u in catalog.units.values()]
    counts += [_save_qualification(q) for q in catalog.qualifications.values()]
    counts += [_save_certificate(c) for c in catalog.certificates.values()]
    _save_prerequisites(catalog.prerequisites, catalog.units)
    _save_equivalences(catalog.equivalences)
    for key, value in catalog.meta.items():
        m.CatalogMeta.objects.update_or_create(key=key, defaults={"value": value})
    created = sum(counts)
    return LoadReport(created=created, updated=len(counts) - created)


def _save_unit(unit: Unit) -> bool:
    row, created = m.Unit.objects.update_or_create(
        code=unit.code,
        defaults={
            "title": unit.title,
            "level": unit.level,
            "kind": unit.kind.value,
            "hours": unit.hours,
            "hours_source": unit.hours_source.value,
            "hours_rule": unit.hours_rule,
            "carries_certificate": unit.carries_certificate,
            "employer_effect": unit.employer_effect.value if unit.employer_effect else "",
            "version": unit.version,
            "provisional": unit.provisional,
            "confidence": unit.confidence,
            "sources": list(unit.sources),
        },
    )
    row.outcomes.exclude(code__in=[o.code for o in unit.outcomes]).delete()
    for position, outcome in enumerate(unit.outcomes):
        m.Outcome.objects.update_or_create(
            code=outcome.code,
            defaults={
                "unit": row,
                "title": outcome.title,
                "hours": outcome.hours,
                "position": position,
            },
        )
    return created


def _save_qualification(q: Qualification) -> bool:
    row, created = m.Qualification.objects.update_or_create(
        crebo=q.crebo,
        defaults={
            "name": q.name,
            "level": q.level,
            "nominal_years": q.nominal_years,
            "pathways": [p.value for p in q.pathways],
            "version": q.version,
            "valid_from": q.valid_from,
            "dossier_crebo": q.dossier_crebo or "",
            "dossier_name": q.dossier_name,
            "nederlands": q.generic.nederlands or "",
            "rekenen": q.generic.rekenen or "",
            "engels": q.generic.engels or "",
            "loopbaan_burgerschap": q.generic.loopbaan_burgerschap,
            "elective_hours": q.elective_hours,
            "provisional": q.provisional,
            "confidence": q.confidence,
            "sources": list(q.sources),
            "notes": q.notes,
        },
    )
    m.QualificationUnit.objects.filter(qualification=row).delete()
    units = {u.code: u for u in m.Unit.objects.filter(code__in=q.units)}
    m.QualificationUnit.objects.bulk_create(
        m.QualificationUnit(qualification=row, unit=units[code], position=i)
        for i, code in enumerate(q.units)
    )
    return created


def _save_certificate(c: Certificate) -> bool:
    _, created = m.Certificate.objects.update_or_create(
        code=c.code,
        defaults={
            "name": c.name,
            "level": c.level,
            "parent_crebo": c.parent_crebo or "",
            "covers": list(c.covers),
            "provisional": c.provisional,
            "confidence": c.confidence,
            "sources": list(c.sources),
        },
    )
    return created


def _save_prerequisites(prerequisites: Iterable[Prerequisite], units: Iterable[str]) -> None:
    m.Prerequisite.objects.filter(unit__code__in=list(units)).delete()
    rows = {u.code: u for u in m.Unit.objects.all()}
    m.Prerequisite.objects.bulk_create(
        m.Prerequisite(
            unit=rows[p.unit], requires=rows[p.requires], reason=p.reason, source=p.source
        )
        for p in prerequisites
    )


def _save_equivalences(equivalences: tuple[Equivalence, ...]) -> None:
    m.Equivalence.objects.filter(source_code__in={e.source for e in equivalences}).delete()
    start = m.Equivalence.objects.count()
    m.Equivalence.objects.bulk_create(
        m.Equivalence(
            source_code=e.source,
            source_name=e.source_name,
            counts_for=list(e.counts_for),
            note=e.note,
            provisional=e.provisional,
            position=start + i,
        )
        for i, e in enumerate(equivalences)
    )


def read_catalog() -> Catalog:
    """The catalog as stored, as one domain `Catalog` (five queries)."""
    return Catalog(
        qualifications=_read_qualifications(),
        units=_read_units(),
        certificates=[_certificate(c) for c in m.Certificate.objects.all()],
        prerequisites=[
            Prerequisite(p.unit.code, p.requires.code, p.reason, p.source)
            for p in m.Prerequisite.objects.select_related("unit", "requires").order_by("id")
        ],
        equivalences=[_equivalence(e) for e in m.Equivalence.objects.all()],
        meta={row.key: row.value for row in m.CatalogMeta.objects.all()},
    )


def _read_units() -> list[Unit]:
    outcomes: dict[int, list[Outcome]] = {}
    for o in m.Outcome.objects.order_by("unit_id", "position"):
        outcomes.setdefault(o.unit_id, []).append(Outcome(o.code, o.title, o.hours))
    return [
        Unit(
            code=u.code,
            title=u.title,
            level=u.level,
            hours=u.hours,
            kind=UnitKind(u.kind),
            outcomes=tuple(outcomes.get(u.pk, ())),
            hours_source=HoursSource(u.hours_source),
            hours_rule=u.hours_rule,
            carries_certificate=u.carries_certificate,
            employer_effect=EmployerEffect(u.employer_effect) if u.employer_effect else None,
            version=u.version,
            provisional=u.provisional,
            confidence=u.confidence,
            sources=tuple(u.sources),
        )
        for u in m.Unit.objects.order_by("id")
    ]


def _read_qualifications() -> list[Qualification]:
    units: dict[int, list[str]] = {}
    for link in m.QualificationUnit.objects.select_related("unit").order_by(
        "qualification_id", "position"
    ):
        units.setdefault(link.qualification_id, []).append(link.unit.code)
    return [_qualification(q, units.get(q.pk, [])) for q in m.Qualification.objects.order_by("id")]


def _qualification(q: m.Qualification, units: list[str]) -> Qualification:
    return Qualification(
        crebo=q.crebo,
        name=q.name,
        level=q.level,
        nominal_years=q.nominal_years,
        units=tuple(units),
        generic=GenericRequirements(
            nederlands=q.nederlands or None,
            rekenen=q.rekenen or None,
            engels=q.engels or None,
            loopbaan_burgerschap=q.loopbaan_burgerschap,
        ),
        elective_hours=q.elective_hours,
        pathways=tuple(Pathway(p) for p in q.pathways),
        version=q.version,
        valid_from=q.valid_from,
        dossier_crebo=q.dossier_crebo or None,
        dossier_name=q.dossier_name,
        provisional=q.provisional,
        confidence=q.confidence,
        sources=tuple(q.sources),
        notes=q.notes,
    )


def _certificate(c: m.Certificate) -> Certificate:
    return Certificate(
        code=c.code,
        name=c.name,
        covers=tuple(c.covers),
        level=c.level,
        parent_crebo=c.parent_crebo or None,
        provisional=c.provisional,
        confidence=c.confidence,
        sources=tuple(c.sources),
    )


def _equivalence(e: m.Equivalence) -> Equivalence:
    return Equivalence(
        source=e.source_code,
        counts_for=tuple(e.counts_for),
        note=e.note,
        provisional=e.provisional,
        source_name=e.source_name,
    )
