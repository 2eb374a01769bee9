"""Small catalogs for route tests, built in plain sight."""

from __future__ import annotations

from opmaat.domain.catalog import (
    Admission,
    Catalog,
    Certificate,
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


def make_unit(
    code: str,
    hours: float = 80.0,
    outcomes: int = 3,
    level: int = 3,
    kind: UnitKind = UnitKind.VOCATIONAL,
    provisional: bool = False,
    carries_certificate: bool = False,
) -> Unit:
    """A unit defining `outcomes` werkprocessen CODE-W1.. that share its hours equally."""
    return Unit(
        code=code,
        title=f"Unit {code}",
        level=level,
        hours=hours,
        kind=kind,
        outcomes=tuple(
            Outcome(f"{code}-W{i}", f"Outcome {i} of {code}") for i in range(1, outcomes + 1)
        ),
        provisional=provisional,
        carries_certificate=carries_certificate,
    )


def make_exam_unit(code: str, werkprocessen: tuple[str, ...], level: int = 3) -> Unit:
    """A unit made of werkprocessen that other units define (a school's exam unit)."""
    return Unit(code, f"Exam unit {code}", level, 0.0, werkprocessen=werkprocessen)


def make_generic(code: str, hours: float = 40.0, obligation: bool = False) -> Unit:
    return Unit(
        code,
        f"Generic {code}",
        2,
        hours,
        kind=UnitKind.GENERIC,
        obligation=obligation,
        exam_hours=4.0,
    )


NO_GENERIC = GenericRequirements()


def make_qualification(
    crebo: str,
    units: tuple[str, ...],
    level: int = 3,
    generic: GenericRequirements = NO_GENERIC,
    elective_hours: float = 0.0,
    provisional: bool = False,
    nominal_years: float = 3.0,
    elective_hours_shortened: float | None = None,
    cuts: tuple[Cut, ...] = (),
    superseded_by: tuple[str, ...] = (),
    admission: Admission = Admission.OPEN,
) -> Qualification:
    return Qualification(
        crebo=crebo,
        name=f"Qualification {crebo}",
        level=level,
        nominal_years=nominal_years,
        units=units,
        generic=generic,
        elective_hours=elective_hours,
        provisional=provisional,
        elective_hours_shortened=elective_hours_shortened,
        elective_rule="rule for a shortened route" if elective_hours_shortened else "",
        cuts=cuts,
        superseded_by=superseded_by,
        admission=admission,
    )


LEVEL_3_GENERIC = GenericRequirements(nederlands="2F", rekenen="3", loopbaan_burgerschap=True)
LEVEL_4_GENERIC = GenericRequirements(
    nederlands="3F", rekenen="4", engels="B1/A2", loopbaan_burgerschap=True
)
GENERIC_UNITS = ("NL-2F", "NL-3F", "REK-2", "REK-3", "REK-4", "EN-B1")


def generic_units() -> list[Unit]:
    return [*(make_generic(code) for code in GENERIC_UNITS), make_generic("LB", 40, True)]


def level_equivalences() -> list[Equivalence]:
    """A higher level counts for the lower one (3F for 2F, rekenen 4 for 3 and 2)."""
    return [
        Equivalence("NL-3F", ("NL-2F",), note="3F includes 2F"),
        Equivalence("REK-4", ("REK-3",), note="4 includes 3"),
        Equivalence("REK-3", ("REK-2",), note="3 includes 2"),
    ]


def mz_catalog() -> Catalog:
    """Shaped like dossier 23312 Maatschappelijke Zorg (2022): a basisdeel of two kerntaken
    (B1-K1 with 8, B1-K2 with 2 werkprocessen) shared by Begeleider (25780, level 3, profile
    P1-K1) and Persoonlijk begeleider (25779, level 4, profile P2-K1, cut into exam units),
    an older diploma whose werkprocessen count for the basisdeel, and a certificate of two
    profile werkprocessen. Hours are made up: 100 an hour per werkproces."""
    units = [
        make_unit("23312-B1-K1", hours=800, outcomes=8),
        make_unit("23312-B1-K2", hours=200, outcomes=2),
        make_unit("23312-P1-K1", hours=400, outcomes=4),
        make_unit("23312-P2-K1", hours=600, outcomes=6, level=4),
        make_exam_unit("23312-E1", ("23312-B1-K1-W1", "23312-B1-K1-W2", "23312-P2-K1-W1"), 4),
        make_exam_unit("23312-E2", tuple(f"23312-B1-K1-W{i}" for i in range(3, 9)), 4),
        make_exam_unit("23312-E3", ("23312-B1-K2-W1", "23312-B1-K2-W2"), 4),
        make_exam_unit("23312-E4", tuple(f"23312-P2-K1-W{i}" for i in range(2, 7)), 4),
        make_unit("OLD-B1-K1", hours=700, outcomes=7),
        *generic_units(),
    ]
    basisdeel = ("23312-B1-K1", "23312-B1-K2")
    return Catalog(
        qualifications=[
            make_qualification(
                "25780",
                (*basisdeel, "23312-P1-K1"),
                3,
                LEVEL_3_GENERIC,
                720,
                elective_hours_shortened=480,
            ),
            make_qualification(
                "25779",
                ("23312-E1", "23312-E2", "23312-E3", "23312-E4"),
                4,
                LEVEL_4_GENERIC,
                720,
                elective_hours_shortened=480,
                cuts=(Cut("kerntaken", (*basisdeel, "23312-P2-K1")),),
            ),
            make_qualification(
                "OLD", ("OLD-B1-K1",), 3, LEVEL_3_GENERIC, 720, superseded_by=("25780",)
            ),
        ],
        units=units,
        certificates=[
            Certificate(
                "C-P2",
                "Two profile werkprocessen",
                ("23312-P2-K1-W2", "23312-P2-K1-W3"),
                parent_crebo="25779",
            ),
        ],
        prerequisites=[Prerequisite("23312-B1-K1-W5", "23312-B1-K1-W2")],
        equivalences=[
            *level_equivalences(),
            *(
                Equivalence(f"OLD-B1-K1-W{i}", (f"23312-B1-K1-W{i}",), note="same title")
                for i in range(1, 8)
            ),
            Equivalence("HAVO", ("NL-3F", "REK-4", "EN-B1"), note="prior diploma"),
        ],
        prior_education=[
            PriorEducation("HAVO", "Havo-diploma", 4),
            PriorEducation("VMBO-KB", "Vmbo kader", 4),
        ],
    )
