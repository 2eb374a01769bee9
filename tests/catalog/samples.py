"""A small catalog that uses every field added for werkprocessen, cuts and successors; its
codes (T1-…, 9000x) are not in the default catalog, which stays loaded beside it."""

from __future__ import annotations

from datetime import date

from opmaat.domain.catalog import (
    Admission,
    Catalog,
    Cut,
    Equivalence,
    GenericRequirements,
    Outcome,
    Prerequisite,
    PriorEducation,
    Qualification,
    Unit,
    UnitKind,
)

BASIS = Unit(
    "T1-B1-K1",
    "Biedt basiszorg",
    3,
    300,
    outcomes=(Outcome("T1-B1-K1-W1", "Ondersteunt", 100), Outcome("T1-B1-K1-W2", "Verzorgt")),
)
PROFILE = Unit(
    "T1-P1-K1", "Voert verpleegtechnische handelingen uit", 3, 200,
    outcomes=(Outcome("T1-P1-K1-W1", "Handelt"),),
)  # fmt: skip
# Exam units of a school's cut: they refer to the kerntaken's werkprocessen.
EXAM_1 = Unit(
    "T1-EX-1", "Examen zorg en handelingen", 3, 300,
    werkprocessen=("T1-B1-K1-W1", "T1-P1-K1-W1"), sources=("OER 2025",),
)  # fmt: skip
EXAM_2 = Unit("T1-EX-2", "Examen verzorgen", 3, 200, werkprocessen=("T1-B1-K1-W2",))
CITIZENSHIP = Unit("T-LB", "Loopbaan en burgerschap", 3, 40, UnitKind.GENERIC, obligation=True)
DUTCH = Unit("T-NL-3F", "Nederlands 3F", 3, 160, UnitKind.GENERIC, exam_hours=12.5)

OLD = Qualification(
    "90001", "Verzorgende (oud)", 3, 3, ("T1-B1-K1", "T1-P1-K1"),
    GenericRequirements(), 720,
    valid_from=date(2016, 8, 1), valid_until=date(2026, 7, 31),
    cuts=(Cut("examens", ("T1-EX-1", "T1-EX-2"), ("OER 2025",)),),
    superseded_by=("90002",),
)  # fmt: skip
NEW = Qualification(
    "90002", "Verzorgende-IG", 3, 3, ("T1-B1-K1", "T1-P1-K1"),
    GenericRequirements(), 720,
    valid_from=date(2026, 8, 1),
    elective_hours_shortened=480, elective_rule="OER: verkorte route, twee keuzedelen",
    admission=Admission.LEVEL_3_IN_FIELD, admission_note="WEB art. 8.2.1 lid 2",
)  # fmt: skip


def every_new_field() -> Catalog:
    return Catalog(
        qualifications=[OLD, NEW],
        units=[BASIS, PROFILE, EXAM_1, EXAM_2, CITIZENSHIP, DUTCH],
        prerequisites=[
            Prerequisite("T1-P1-K1-W1", "T1-B1-K1-W2", "verpleegtechniek na basiszorg", "opmaat")
        ],
        equivalences=[
            Equivalence(
                "T-OLD-1",
                ("T1-B1-K1-W1",),
                "oud werkproces",
                source_name="Oud dossier",
                sources=("SBB, 2024",),
                confidence="verified",
            )
        ],
        prior_education=[PriorEducation("T-HAVO", "havo", 4, ("WEB art. 8.2.1",))],
    )
