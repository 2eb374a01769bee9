"""A small catalog touching every part of the format."""

from __future__ import annotations

from datetime import date

from opmaat.domain.catalog import (
    Catalog,
    Certificate,
    EmployerEffect,
    Equivalence,
    GenericRequirements,
    HoursSource,
    Outcome,
    Prerequisite,
    Qualification,
    Unit,
    UnitKind,
)


def small_catalog() -> Catalog:
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


def same_catalog(a: Catalog, b: Catalog) -> bool:
    return (
        list(a.qualifications.values()) == list(b.qualifications.values())
        and list(a.units.values()) == list(b.units.values())
        and list(a.certificates.values()) == list(b.certificates.values())
        and a.prerequisites == b.prerequisites
        and a.equivalences == b.equivalences
        and a.meta == b.meta
    )
