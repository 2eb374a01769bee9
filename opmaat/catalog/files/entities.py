"""Catalog entities ↔ flat records, shared by the document and the table encodings.

Field names are the table columns of docs/formats/catalog.md. Fields added to
`opmaat-catalog/1` after its first release come last and are optional (`ADDED_*`), so older
files still read.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from opmaat.catalog.files.fields import Record
from opmaat.domain.catalog import (
    Admission,
    Catalog,
    Certificate,
    Cut,
    EmployerEffect,
    Equivalence,
    GenericRequirements,
    HoursSource,
    Outcome,
    Prerequisite,
    PriorEducation,
    Qualification,
    Unit,
    UnitKind,
)
from opmaat.domain.leerweg import FUNDED, Leerweg
from opmaat.tabular.cells import code_text

ADDED_QUALIFICATION_FIELDS = [
    "superseded_by", "valid_until", "elective_hours_shortened", "elective_rule", "admission",
    "admission_note",
]  # fmt: skip
QUALIFICATION_FIELDS = [
    "crebo", "name", "level", "nominal_years", "nederlands", "rekenen", "engels",
    "loopbaan_burgerschap", "elective_hours", "pathways", "version", "valid_from",
    "dossier_crebo", "dossier_name", "provisional", "confidence", "sources", "notes",
    *ADDED_QUALIFICATION_FIELDS,
]  # fmt: skip
ADDED_UNIT_FIELDS = ["werkprocessen", "obligation", "exam_hours"]
UNIT_FIELDS = [
    "code", "title", "level", "kind", "hours", "hours_source", "hours_rule",
    "carries_certificate", "employer_effect", "version", "provisional", "confidence", "sources",
    *ADDED_UNIT_FIELDS,
]  # fmt: skip
OUTCOME_FIELDS = ["unit", "code", "title", "hours"]
QUALIFICATION_UNIT_FIELDS = ["crebo", "unit", "position"]
CUT_FIELDS = ["crebo", "cut", "units", "sources"]  # a cut's name is `name` in the document
CERTIFICATE_FIELDS = [
    "code", "name", "level", "parent", "covers", "provisional", "confidence", "sources",
]  # fmt: skip
PREREQUISITE_FIELDS = ["unit", "requires", "reason", "source"]
EQUIVALENCE_FIELDS = [
    "source", "source_name", "counts_for", "note", "provisional", "sources", "confidence",
]  # fmt: skip
PRIOR_EDUCATION_FIELDS = ["code", "name", "admits_level", "sources"]
REFERENCE_LEVEL = re.compile(r"[1-4]F")
# Rekenen: a reference level (1F Entree, 2F/3F older qualifications) or, since 2022-08-01,
# an mbo-rekenniveau 2, 3 or 4 (GenericRequirements in opmaat/domain/catalog/model.py).
REKENEN_LEVEL = re.compile(r"[1-4]F|[2-4]")
BOTH_KINDS_OF_UNIT = (
    "a unit either defines its werkprocessen (outcomes) or refers to others' (werkprocessen), "
    "not both"
)

Row = dict[str, object]


def level_text(record: Record, field: str) -> str | None:
    """A generic subject's level as upper-case text; 3 typed as a number is "3"."""
    return code_text(record.raw(field)) if record.text(field) else None


def reference_level(record: Record, field: str) -> str | None:
    """A reference level; None, with a problem, for another value (not also "needs generic
    unit NL-5F")."""
    value = level_text(record, field)
    if value and not REFERENCE_LEVEL.fullmatch(value):
        record.fail(field, f"expected a reference level like 2F or 3F, got {value!r}")
        return None
    return value


def rekenen_level(record: Record) -> str | None:
    value = level_text(record, "rekenen")
    if value and not REKENEN_LEVEL.fullmatch(value):
        message = f"expected a reference level 1F to 4F or an mbo-rekenniveau 2 to 4, got {value!r}"
        record.fail("rekenen", message)
        return None
    return value


def generic_from(record: Record) -> GenericRequirements:
    return GenericRequirements(
        nederlands=reference_level(record, "nederlands"),
        rekenen=rekenen_level(record),
        engels=record.text("engels").upper() or None,
        loopbaan_burgerschap=record.boolean("loopbaan_burgerschap"),
    )


def pathways(record: Record) -> tuple[Leerweg, ...]:
    """The funded pathways a qualification is offered in (the derde leerweg needs none)."""
    funded = {p.value: p for p in FUNDED}
    found = []
    for value in record.codes("pathways") or tuple(funded):
        if value in funded:
            found.append(funded[value])
        else:
            record.fail("pathways", f"expected BOL or BBL, got {value!r}")
    return tuple(found)


def qualification_from(
    record: Record, units: tuple[str, ...], cuts: tuple[Cut, ...] = ()
) -> Qualification:
    return Qualification(
        crebo=record.code("crebo"),
        name=record.text("name", required=True, max_length=300),
        level=record.integer("level", 1, 6) or 1,
        nominal_years=record.number("nominal_years", 0.1),
        units=units,
        generic=generic_from(record),
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
        cuts=cuts,
        superseded_by=record.codes("superseded_by"),
        valid_until=record.day("valid_until"),
        elective_hours_shortened=record.optional_number("elective_hours_shortened", 0),
        elective_rule=record.text("elective_rule"),
        admission=record.choice("admission", Admission, Admission.OPEN) or Admission.OPEN,
        admission_note=record.text("admission_note"),
    )


def cut_from(record: Record, name_field: str) -> Cut | None:
    """A cut, or None when it has no name (reported as required): `name_field` is `name` in
    the document and `cut` in the table."""
    name = record.text(name_field, required=True, max_length=300)
    return Cut(name, record.codes("units"), record.texts("sources")) if name else None


def werkprocessen(record: Record, outcomes: tuple[Outcome, ...]) -> tuple[str, ...]:
    """The werkprocessen a unit refers to; none, with a problem, when it also defines some."""
    codes = record.codes("werkprocessen")
    if codes and outcomes:
        record.fail("werkprocessen", BOTH_KINDS_OF_UNIT)
        return ()
    return codes


def unit_from(record: Record, outcomes: tuple[Outcome, ...]) -> Unit:
    """A unit. One that refers to werkprocessen may leave out its hours: they are then its
    werkprocessen's (the Assembly fills them in) and 0 here."""
    refers_to = werkprocessen(record, outcomes)
    hours = record.optional_number("hours", 0) if refers_to else record.number("hours", 0)
    return Unit(
        code=record.code("code"),
        title=record.text("title", required=True, max_length=300),
        level=record.integer("level", 1, 6) or 1,
        hours=hours or 0.0,
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
        werkprocessen=refers_to,
        obligation=record.boolean("obligation"),
        exam_hours=record.optional_number("exam_hours", 0),
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
        sources=record.texts("sources"),
        confidence=record.text("confidence"),
    )


def prior_education_from(record: Record) -> PriorEducation:
    return PriorEducation(
        code=record.code("code"),
        name=record.text("name", required=True, max_length=300),
        admits_level=record.integer("admits_level", 0, 4) or 0,
        sources=record.texts("sources"),
    )


def given_units(catalog: Catalog) -> list[Unit]:
    """The units as they were given to the catalog: a unit that refers to werkprocessen
    without the outcomes the catalog resolved for it, and with its stated hours."""
    return [
        replace(u, outcomes=(), hours=catalog.stated_hours.get(u.code, u.hours)) if u.refers else u
        for u in catalog.units.values()
    ]


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
        "superseded_by": list(q.superseded_by), "valid_until": iso(q.valid_until),
        "elective_hours_shortened": plain(q.elective_hours_shortened),
        "elective_rule": q.elective_rule, "admission": q.admission.value,
        "admission_note": q.admission_note,
    }  # fmt: skip


def cut_row(crebo: str, c: Cut) -> Row:
    return {"crebo": crebo, "cut": c.name, "units": list(c.units), "sources": list(c.sources)}


def unit_row(u: Unit) -> Row:
    return {
        "code": u.code, "title": u.title, "level": u.level, "kind": u.kind.value,
        "hours": plain(u.hours), "hours_source": u.hours_source.value,
        "hours_rule": u.hours_rule, "carries_certificate": u.carries_certificate,
        "employer_effect": u.employer_effect.value if u.employer_effect else None,
        "version": u.version, "provisional": u.provisional, "confidence": u.confidence,
        "sources": list(u.sources), "werkprocessen": list(u.werkprocessen),
        "obligation": u.obligation, "exam_hours": plain(u.exam_hours),
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
        "note": e.note, "provisional": e.provisional, "sources": list(e.sources),
        "confidence": e.confidence,
    }  # fmt: skip


def prior_education_row(p: PriorEducation) -> Row:
    return {"code": p.code, "name": p.name, "admits_level": p.admits_level,
            "sources": list(p.sources)}  # fmt: skip
