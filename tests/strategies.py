"""Hypothesis strategies: random valid catalogs, what a person might hold in them, and a
person's week."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from opmaat.domain.catalog import (
    Catalog,
    Certificate,
    Equivalence,
    GenericRequirements,
    Prerequisite,
    Qualification,
    Unit,
)
from opmaat.domain.routes import Holdings, Leerweg, StudyTime, study_time
from tests.domain.routes.factories import (
    LEVEL_3_GENERIC,
    LEVEL_4_GENERIC,
    generic_units,
    level_equivalences,
    make_exam_unit,
    make_qualification,
    make_unit,
)

GENERIC_CHOICES = (GenericRequirements(), LEVEL_3_GENERIC, LEVEL_4_GENERIC)


@st.composite
def vocational_units(draw: st.DrawFn) -> list[Unit]:
    """Kerntaak units that define their werkprocessen."""
    count = draw(st.integers(1, 6))
    return [
        make_unit(
            f"U{i}",
            hours=float(draw(st.integers(8, 800))),
            outcomes=draw(st.integers(0, 4)),
            level=draw(st.integers(1, 4)),
            provisional=draw(st.booleans()),
            carries_certificate=draw(st.booleans()),
        )
        for i in range(count)
    ]


@st.composite
def exam_units(draw: st.DrawFn, units: list[Unit]) -> list[Unit]:
    """Units made of werkprocessen of the kerntaak units (a school's exam units)."""
    werkprocessen = [o.code for u in units for o in u.outcomes]
    if not werkprocessen:
        return []
    picks = st.lists(st.sampled_from(werkprocessen), min_size=1, max_size=4, unique=True)
    return [make_exam_unit(f"E{i}", tuple(draw(picks))) for i in range(draw(st.integers(0, 3)))]


@st.composite
def prerequisites(draw: st.DrawFn, units: list[Unit]) -> list[Prerequisite]:
    """Acyclic: a unit or werkproces only ever requires one of a unit made before it."""
    codes = [[u.code, *(o.code for o in u.outcomes)] for u in units]
    pairs = [
        (a, b)
        for later in range(len(units))
        for earlier in range(later)
        for a in codes[later]
        for b in codes[earlier]
    ]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=6)) if pairs else []
    return [Prerequisite(a, b) for a, b in chosen]


@st.composite
def qualifications(draw: st.DrawFn, units: list[Unit]) -> list[Qualification]:
    """Qualifications that share units, each listing its units in its own order."""
    codes = [u.code for u in units]
    found = []
    for i in range(draw(st.integers(1, 4))):
        electives = float(draw(st.sampled_from([0, 240, 480, 720])))
        found.append(
            make_qualification(
                f"Q{i}",
                tuple(draw(st.lists(st.sampled_from(codes), min_size=1, unique=True))),
                level=draw(st.integers(1, 4)),
                generic=draw(st.sampled_from(GENERIC_CHOICES)),
                elective_hours=electives,
                provisional=draw(st.booleans()),
                nominal_years=float(draw(st.integers(1, 4))),
                elective_hours_shortened=draw(st.sampled_from([None, electives / 2])),
            )
        )
    return found


@st.composite
def certificates(draw: st.DrawFn, units: list[Unit]) -> list[Certificate]:
    parts = [u.code for u in units] + [o.code for u in units for o in u.outcomes]
    return [
        Certificate(
            f"C{i}",
            f"Certificate {i}",
            tuple(draw(st.lists(st.sampled_from(parts), min_size=1, max_size=4, unique=True))),
            provisional=draw(st.booleans()),
        )
        for i in range(draw(st.integers(0, 2)))
    ]


@st.composite
def werkproces_equivalences(draw: st.DrawFn, units: list[Unit]) -> list[Equivalence]:
    """Werkprocessen that count for one another (an older dossier's, a related one's)."""
    werkprocessen = [o.code for u in units for o in u.outcomes]
    if len(werkprocessen) < 2:
        return []
    pairs = draw(st.lists(st.tuples(*[st.sampled_from(werkprocessen)] * 2), max_size=3))
    return [Equivalence(a, (b,)) for a, b in pairs if a != b]


@st.composite
def catalogs(draw: st.DrawFn) -> Catalog:
    """Kerntaak units with werkprocessen and exam units over them, qualifications sharing
    units, acyclic prerequisites, generic units with higher levels counting for lower ones,
    certificates over units or single werkprocessen, werkprocessen that count for others."""
    defining = draw(vocational_units())
    units = [*defining, *draw(exam_units(defining))]
    return Catalog(
        qualifications=draw(qualifications(units)),
        units=[*units, *generic_units()],
        certificates=draw(certificates(defining)),
        prerequisites=draw(prerequisites(defining)),
        equivalences=[*level_equivalences(), *draw(werkproces_equivalences(defining))],
    )


@st.composite
def holdings(draw: st.DrawFn, catalog: Catalog) -> Holdings:
    held = [*catalog.qualifications, *catalog.certificates, *catalog.units]
    units = list(catalog.units)
    outcomes = list(catalog.outcome_unit)
    return Holdings(
        codes=tuple(draw(st.lists(st.sampled_from(held), max_size=3, unique=True))),
        exemptions=tuple(draw(st.lists(st.sampled_from(units), max_size=3, unique=True))),
        outcomes=tuple(draw(st.lists(st.sampled_from(outcomes), max_size=5, unique=True)))
        if outcomes
        else (),
        elective_hours=float(draw(st.sampled_from([0, 120, 240]))),
    )


def targets(catalog: Catalog) -> st.SearchStrategy[str]:
    return st.sampled_from([*catalog.qualifications, *catalog.units, *catalog.certificates])


@st.composite
def times(draw: st.DrawFn, pathway: Leerweg | None = None) -> StudyTime:
    """A person's week on a pathway: BOL study hours; BBL contract and self-study hours;
    the derde leerweg's own pace, perhaps with workplace hours."""
    chosen = pathway or draw(st.sampled_from(list(Leerweg)))
    if chosen == Leerweg.BOL:
        return study_time(chosen, float(draw(st.integers(8, 40))))
    if chosen == Leerweg.BBL:
        return study_time(chosen, float(draw(st.integers(0, 16))), float(draw(st.integers(0, 40))))
    return study_time(chosen, float(draw(st.integers(4, 40))), float(draw(st.integers(0, 24))))


start_dates = st.dates(min_value=date(2025, 1, 1), max_value=date(2030, 12, 31))
paces = st.floats(min_value=1.0, max_value=60.0, allow_nan=False)
