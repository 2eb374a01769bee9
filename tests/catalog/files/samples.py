"""A small catalog touching every part of the format, in the first release's fields and with
every field added since."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

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


def first_release_catalog() -> Catalog:
    """Two qualifications sharing a basisdeel unit, generic units, an elective, a
    certificate over an outcome, a prerequisite and an equivalence."""
    basis = Unit(
        "D1-B1-K1", "Basis", 3, 400, outcomes=(Outcome("D1-B1-K1-W1", "Eén"),
                                                Outcome("D1-B1-K1-W2", "Twee", 50.5)),
        hours_rule="rule", sources=("bron a", "bron b"), confidence="verified",
    )  # fmt: skip
    profile = Unit(
        "D1-P1-K1", "Profiel", 4, 300.5, outcomes=(Outcome("D1-P1-K1-W1", "Drie"),),
        hours_source=HoursSource.SCHOOL, carries_certificate=True,
        employer_effect=EmployerEffect.HEAVIER, version="2016", provisional=True,
    )  # fmt: skip
    generic = [
        Unit(code, code, 2, 100, kind=UnitKind.GENERIC) for code in ("NL-2F", "REK-2F", "LB")
    ]
    elective = Unit("KD-1", "Keuzedeel", 3, 240, kind=UnitKind.ELECTIVE)
    level3 = Qualification(
        "10001", "Drie", 3, 3, ("D1-B1-K1",),
        GenericRequirements("2F", "2F", None, True), 720, version="2016",
        valid_from=date(2015, 8, 1), dossier_crebo="20001", dossier_name="Dossier",
        sources=("wet",), notes="n",
    )  # fmt: skip
    level4 = Qualification(
        "10002",
        "Vier",
        4,
        3.5,
        ("D1-B1-K1", "D1-P1-K1", "KD-1"),
        GenericRequirements("2F", None, None, False),
        provisional=True,
    )
    return Catalog(
        qualifications=[level3, level4],
        units=[basis, profile, *generic, elective],
        certificates=[Certificate("CERT-X", "X", ("D1-B1-K1-W1",), 3, "10001")],
        prerequisites=[Prerequisite("D1-P1-K1", "D1-B1-K1", "reason", "opmaat rule")],
        equivalences=[Equivalence("OLD-1", ("D1-B1-K1",), "note", True, "Oud diploma")],
        meta={"title": "klein"},
    )


def small_catalog() -> Catalog:
    """The first-release sample with every field added since set: level 3 superseded by
    level 4, which has a cut into exam units (one of them stating rounded hours), rekenen
    at mbo-rekenniveau 3 and a restricted admission; a generic exam, an obligation, a
    prerequisite between werkprocessen, an equivalence with its sources and prior education."""
    old = first_release_catalog()
    level3, level4 = old.qualifications.values()
    superseded = replace(
        level3, superseded_by=("10002",), valid_until=date(2026, 7, 31),
        elective_hours_shortened=240, elective_rule="OER 2025: shortened route",
    )  # fmt: skip
    cut = replace(
        level4, generic=GenericRequirements("2F", "3"),
        cuts=(Cut("examens", ("EX-1", "EX-2", "KD-1"), ("OER 2025", "SBB")),),
        admission=Admission.LEVEL_3_IN_FIELD, admission_note="vakdiploma in de zorg",
    )  # fmt: skip
    exams = [
        Unit("EX-1", "Examen basis", 3, 400, werkprocessen=("D1-B1-K1-W1", "D1-B1-K1-W2"),
             sources=("OER 2025",)),
        Unit("EX-2", "Examen profiel", 4, 300, werkprocessen=("D1-P1-K1-W1",)),
    ]  # fmt: skip
    units = dict(old.units)
    units["NL-2F"] = replace(units["NL-2F"], exam_hours=20.5)
    units["LB"] = replace(units["LB"], obligation=True)
    return Catalog(
        qualifications=[superseded, cut],
        units=[*units.values(), Unit("REK-3", "Rekenen 3", 3, 120, kind=UnitKind.GENERIC), *exams],
        certificates=old.certificates.values(),
        prerequisites=[
            *old.prerequisites,
            Prerequisite("D1-P1-K1-W1", "D1-B1-K1-W2", "werkproces after werkproces"),
        ],
        equivalences=[
            *old.equivalences,
            Equivalence("HAVO", ("NL-2F",), sources=("WEB art. 8.2.1",), confidence="verified"),
        ],
        meta=old.meta,
        prior_education=[
            PriorEducation("HAVO", "Havo-diploma", 4, ("WEB art. 8.2.1", "havo")),
            PriorEducation("VMBO-BB", "Vmbo basisberoepsgerichte leerweg", 2),
        ],
    )


def same_catalog(a: Catalog, b: Catalog) -> bool:
    return (
        list(a.qualifications.values()) == list(b.qualifications.values())
        and list(a.units.values()) == list(b.units.values())
        and a.stated_hours == b.stated_hours
        and list(a.certificates.values()) == list(b.certificates.values())
        and a.prerequisites == b.prerequisites
        and a.equivalences == b.equivalences
        and list(a.prior_education.values()) == list(b.prior_education.values())
        and a.meta == b.meta
    )
