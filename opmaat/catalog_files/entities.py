"""Catalog entities ↔ flat records, shared by the document and the table encodings.

Field names are the table columns of docs/formats/catalog.md.
"""

from __future__ import annotations

import re
from datetime import date

from opmaat.catalog_files.fields import Record
from opmaat.domain.catalog import (
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

QUALIFICATION_FIELDS = [
    "crebo", "name", "level", "nominal_years", "nederlands", "rekenen", "engels",
    "loopbaan_burgerschap", "elective_hours", "pathways", "version", "valid_from",
    "dossier_crebo", "dossier_name", "provisional", "confidence", "sources", "notes",
]  # fmt: skip
UNIT_FIELDS = [
    "code", "title", "level", "kind", "hours", "hours_source", "hours_rule",
    "carries_certificate", "employer_effect", "version", "provisional", "confidence", "sources",
]  # fmt: skip
OUTCOME_FIELDS = ["unit", "code", "title", "hours"]
QUALIFICATION_UNIT_FIELDS = ["crebo", "unit", "position"]
CERTIFICATE_FIELDS = [
    "code", "name", "level", "parent", "covers", "provisional", "confidence", "sources",
]  # fmt: skip
PREREQUISITE_FIELDS = ["unit", "requires", "reason", "source"]
EQUIVALENCE_FIELDS = ["source", "source_name", "counts_for", "note", "provisional"]

Row = dict[str, object]


def reference_level(record: Record, field: str) -> str | None:
    value = record.text(field).upper() or None
    if value and not re.fullmatch(r"[1-4]F", value):
        record.fail(field, f"expected a reference level like 2F or 3F, got {value!r}")
    return value


def pathways(record: Record) -> tuple[Pathway, ...]:
    found = []
    for value in record.codes("pathways") or ("BOL", "BBL"):
        try:
            found.append(Pathway(value))
        except ValueError:
            record.fail("pathways", f"expected BOL or BBL, got {value!r}")
    return tuple(found)


def qualification_from(record: Record, units: tuple[str, ...]) -> Qualification:
    return Qualification(
        crebo=record.code("crebo"),
        name=record.text("name", required=True, max_length=300),
        level=record.integer("level", 1, 6) or 1,
        nominal_years=record.number("nominal_years", 0.1),
        units=units,
        generic=GenericRequirements(
            nederlands=reference_level(record, "nederlands"),
            rekenen=reference_level(record, "rekenen"),
            engels=record.text("engels").upper() or None,
            loopbaan_burgerschap=record.boolean("loopbaan_burgerschap"),
        ),
        elective_hours=record.number("elective_hours", 0, default=0.0),
        pathways=pathways(record),
        version=record.text("version", max_length=300),
        valid_from=record.day("valid_from"),
        dossier_crebo=record.code("dossier_crebo", required=False) or None,
        dossier_name=record.text("dossier_name", max_length=300),
        provisional=record.boolean("provisional"),
        confidence=record.text("confidence"),
        sources=record.texts("sources"),
        notes=record.text("notes"),
    )


def unit_from(record: Record, outcomes: tuple[Outcome, ...]) -> Unit:
    return Unit(
        code=record.code("code"),
        title=record.text("title", required=True, max_length=300),
        level=record.integer("level", 1, 6) or 1,
        hours=record.number("hours", 0),
        kind=record.choice("kind", UnitKind, UnitKind.VOCATIONAL) or UnitKind.VOCATIONAL,
        outcomes=outcomes,
        hours_source=record.choice("hours_source", HoursSource, HoursSource.ESTIMATE)
        or HoursSource.ESTIMATE,
        hours_rule=record.text("hours_rule"),
        carries_certificate=record.boolean("carries_certificate"),
        employer_effect=record.choice("employer_effect", EmployerEffect, None),
        version=record.text("version", max_length=300),
        provisional=record.boolean("provisional"),
        confidence=record.text("confidence"),
        sources=record.texts("sources"),
    )


def outcome_from(record: Record) -> Outcome:
    return Outcome(
        code=record.code("code"),
        title=record.text("title", required=True, max_length=300),
        hours=record.optional_number("hours", 0),
    )


def certificate_from(record: Record) -> Certificate:
    return Certificate(
        code=record.code("code"),
        name=record.text("name", required=True, max_length=300),
        covers=record.codes("covers"),
        level=record.integer("level", 1, 6, required=False),
        parent_crebo=record.code("parent", required=False) or None,
        provisional=record.boolean("provisional"),
        confidence=record.text("confidence"),
        sources=record.texts("sources"),
    )


def prerequisite_from(record: Record) -> Prerequisite:
    return Prerequisite(
        unit=record.code("unit"),
        requires=record.code("requires"),
        reason=record.text("reason"),
        source=record.text("source"),
    )


def equivalence_from(record: Record) -> Equivalence:
    counts_for = record.codes("counts_for")
    if not counts_for:
        record.fail("counts_for", "required")
    return Equivalence(
        source=record.code("source"),
        counts_for=counts_for,
        note=record.text("note"),
        provisional=record.boolean("provisional"),
        source_name=record.text("source_name", max_length=300),
    )


def plain(value: float | None) -> float | int | None:
    """1680.0 is written as 1680."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def qualification_row(q: Qualification) -> Row:
    return {
        "crebo": q.crebo, "name": q.name, "level": q.level,
        "nominal_years": plain(q.nominal_years), "nederlands": q.generic.nederlands,
        "rekenen": q.generic.rekenen, "engels": q.generic.engels,
        "loopbaan_burgerschap": q.generic.loopbaan_burgerschap,
        "elective_hours": plain(q.elective_hours), "pathways": [p.value for p in q.pathways],
        "version": q.version, "valid_from": iso(q.valid_from), "dossier_crebo": q.dossier_crebo,
        "dossier_name": q.dossier_name, "provisional": q.provisional,
        "confidence": q.confidence, "sources": list(q.sources), "notes": q.notes,
    }  # fmt: skip


def unit_row(u: Unit) -> Row:
    return {
        "code": u.code, "title": u.title, "level": u.level, "kind": u.kind.value,
        "hours": plain(u.hours), "hours_source": u.hours_source.value,
        "hours_rule": u.hours_rule, "carries_certificate": u.carries_certificate,
        "employer_effect": u.employer_effect.value if u.employer_effect else None,
        "version": u.version, "provisional": u.provisional, "confidence": u.confidence,
        "sources": list(u.sources),
    }  # fmt: skip


def outcome_row(o: Outcome) -> Row:
    return {"code": o.code, "title": o.title, "hours": plain(o.hours)}


def certificate_row(c: Certificate) -> Row:
    return {
        "code": c.code, "name": c.name, "level": c.level, "parent": c.parent_crebo,
        "covers": list(c.covers), "provisional": c.provisional, "confidence": c.confidence,
        "sources": list(c.sources),
    }  # fmt: skip


def prerequisite_row(p: Prerequisite) -> Row:
    return {"unit": p.unit, "requires": p.requires, "reason": p.reason, "source": p.source}


def equivalence_row(e: Equivalence) -> Row:
    return {
        "source": e.source, "source_name": e.source_name, "counts_for": list(e.counts_for),
        "note": e.note, "provisional": e.provisional,
    }  # fmt: skip
