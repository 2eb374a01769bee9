"""Small catalogs for route tests, built in plain sight."""

from __future__ import annotations

from opmaat.domain.catalog import (
    Catalog,
    Certificate,
    Equivalence,
    GenericRequirements,
    Outcome,
    Prerequisite,
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
    """A unit with `outcomes` outcomes CODE-W1.. sharing its hours equally."""
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


def make_generic(code: str, hours: float = 40.0) -> Unit:
    return make_unit(code, hours=hours, outcomes=0, kind=UnitKind.GENERIC)


NO_GENERIC = GenericRequirements()


def make_qualification(
    crebo: str,
    units: tuple[str, ...],
    level: int = 3,
    generic: GenericRequirements = NO_GENERIC,
    elective_hours: float = 0.0,
    provisional: bool = False,
) -> Qualification:
    return Qualification(
        crebo=crebo,
        name=f"Qualification {crebo}",
        level=level,
        nominal_years=3.0,
        units=units,
        generic=generic,
        elective_hours=elective_hours,
        provisional=provisional,
    )


LEVEL_3_GENERIC = GenericRequirements(nederlands="2F", rekenen="2F", loopbaan_burgerschap=True)
LEVEL_4_GENERIC = GenericRequirements(
    nederlands="3F", rekenen="3F", engels="B1/A2", loopbaan_burgerschap=True
)
GENERIC_UNITS = ("NL-2F", "NL-3F", "REK-2F", "REK-3F", "EN-B1", "LB")


def generic_units() -> list[Unit]:
    return [make_generic(code) for code in GENERIC_UNITS]


def level_equivalences() -> list[Equivalence]:
    """A higher reference level counts for the lower one (3F for 2F)."""
    return [
        Equivalence("NL-3F", ("NL-2F",), note="3F includes 2F"),
        Equivalence("REK-3F", ("REK-2F",), note="3F includes 2F"),
    ]


def mz_catalog() -> Catalog:
    """Shaped like dossier 23181 Maatschappelijke Zorg: one basisdeel (B1-K1, B1-K2) shared
    by Begeleider gehandicaptenzorg (25475, level 3, profile P1-K1) and Persoonlijk
    begeleider gehandicaptenzorg (25477, level 4, profile P3-K1). Hours are made up."""
    units = [
        make_unit("23181-B1-K1", hours=700, outcomes=7),
        make_unit("23181-B1-K2", hours=200, outcomes=2),
        make_unit("23181-P1-K1", hours=600, outcomes=4),
        make_unit("23181-P3-K1", hours=800, outcomes=8, level=4),
        *generic_units(),
    ]
    basisdeel = ("23181-B1-K1", "23181-B1-K2")
    return Catalog(
        qualifications=[
            make_qualification(
                "25475", (*basisdeel, "23181-P1-K1"), 3, LEVEL_3_GENERIC, elective_hours=480
            ),
            make_qualification(
                "25477", (*basisdeel, "23181-P3-K1"), 4, LEVEL_4_GENERIC, elective_hours=720
            ),
        ],
        units=units,
        certificates=[
            Certificate(
                "CERT-B1-K1-PART", "Part of the basisdeel", ("23181-B1-K1-W1", "23181-B1-K1-W2")
            ),
        ],
        prerequisites=[
            Prerequisite("23181-P1-K1", "23181-B1-K1"),
            Prerequisite("23181-P3-K1", "23181-B1-K1"),
        ],
        equivalences=level_equivalences(),
    )
