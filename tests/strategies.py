"""Hypothesis strategies: random valid catalogs, what a person might hold in them, and a
person's week."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import pairwise

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
def vocational_units(draw: st.DrawFn, at_least: int = 1) -> list[Unit]:
    """Kerntaak units that define their werkprocessen."""
    count = draw(st.integers(at_least, 6))
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
def prerequisites(
    draw: st.DrawFn, units: list[Unit], chain: tuple[str, ...] = ()
) -> list[Prerequisite]:
    """Acyclic: a unit or werkproces only ever requires one of a unit made before it. A
    `chain` of unit codes (in the order they were made) adds each requiring the one before."""
    codes = [[u.code, *(o.code for o in u.outcomes)] for u in units]
    pairs = [
        (a, b)
        for later in range(len(units))
        for earlier in range(later)
        for a in codes[later]
        for b in codes[earlier]
    ]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=6)) if pairs else []
    chained = [(a, b) for b, a in pairwise(chain) if (a, b) not in chosen]
    return [Prerequisite(a, b) for a, b in [*chosen, *chained]]


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
def catalogs(draw: st.DrawFn, chained: bool = False) -> Catalog:
    """Kerntaak units with werkprocessen and exam units over them, qualifications sharing
    units, acyclic prerequisites, generic units with higher levels counting for lower ones,
    certificates over units or single werkprocessen, werkprocessen that count for others.

    `chained`: the first qualification, Q0, has at least two kerntaak units, and each of them
    requires the one before it, so a route to Q0 has an order to keep."""
    defining = draw(vocational_units(at_least=2 if chained else 1))
    units = [*defining, *draw(exam_units(defining))]
    found = draw(qualifications(units))
    chain: tuple[str, ...] = ()
    if chained:
        first = found[0]
        in_first = [u.code for u in defining if u.code in first.units]
        missing = [u.code for u in defining if u.code not in first.units][
            : max(0, 2 - len(in_first))
        ]
        found[0] = replace(first, units=(*first.units, *missing))
        chain = tuple(u.code for u in defining if u.code in found[0].units)
    return Catalog(
        qualifications=found,
        units=[*units, *generic_units()],
        certificates=draw(certificates(defining)),
        prerequisites=draw(prerequisites(defining, chain)),
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


@st.composite
def partly_held(draw: st.DrawFn, catalog: Catalog, target: str) -> Holdings:
    """Holdings with some, not all, of the werkprocessen of one of the target's units (an
    EVC outcome, a passed exam), beside whatever else `holdings` draws that does not hold
    that unit or the target whole."""
    parts = [code for code in units_of(catalog, target) if len(werkprocessen(catalog, code)) >= 2]
    others = draw(holdings(catalog))
    if not parts:
        return others
    unit = draw(st.sampled_from(parts))
    of_unit = werkprocessen(catalog, unit)
    some = draw(
        st.lists(st.sampled_from(of_unit), min_size=1, max_size=len(of_unit) - 1, unique=True)
    )
    whole = {target, unit}
    return replace(
        others,
        codes=tuple(c for c in others.codes if c not in whole),
        exemptions=tuple(c for c in others.exemptions if c not in whole),
        outcomes=tuple(dict.fromkeys((*(o for o in others.outcomes if o not in of_unit), *some))),
    )


def partly_creditable(catalog: Catalog) -> list[str]:
    """Targets with a unit of at least two werkprocessen: targets that can be partly held."""
    return [
        code
        for code in [*catalog.qualifications, *catalog.units]
        if any(len(werkprocessen(catalog, unit)) >= 2 for unit in units_of(catalog, code))
    ]


def units_of(catalog: Catalog, target: str) -> tuple[str, ...]:
    """The units a target asks for: a qualification's, or a unit itself."""
    if target in catalog.qualifications:
        return catalog.qualifications[target].units
    return (target,) if target in catalog.units else ()


def werkprocessen(catalog: Catalog, unit: str) -> list[str]:
    return [o.code for o in catalog.units[unit].outcomes]


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
