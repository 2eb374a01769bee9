"""Hypothesis strategies: random valid catalogs and what a person might hold in them."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from opmaat.domain.catalog import (
    Catalog,
    Certificate,
    GenericRequirements,
    Prerequisite,
    Qualification,
    Unit,
)
from opmaat.domain.routes import Holdings
from tests.domain.routes.factories import (
    LEVEL_3_GENERIC,
    LEVEL_4_GENERIC,
    generic_units,
    level_equivalences,
    make_qualification,
    make_unit,
)

GENERIC_CHOICES = (GenericRequirements(), LEVEL_3_GENERIC, LEVEL_4_GENERIC)


@st.composite
def vocational_units(draw: st.DrawFn) -> list[Unit]:
    count = draw(st.integers(1, 8))
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
def prerequisites(draw: st.DrawFn, units: list[Unit]) -> list[Prerequisite]:
    """Acyclic: a unit only ever requires a unit made before it."""
    pairs = [(later, earlier) for later in range(len(units)) for earlier in range(later)]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=6)) if pairs else []
    return [Prerequisite(units[later].code, units[earlier].code) for later, earlier in chosen]


@st.composite
def qualifications(draw: st.DrawFn, units: list[Unit]) -> list[Qualification]:
    """Qualifications that share units, each listing its units in its own order."""
    codes = [u.code for u in units]
    return [
        make_qualification(
            f"Q{i}",
            tuple(draw(st.lists(st.sampled_from(codes), min_size=1, unique=True))),
            level=draw(st.integers(1, 4)),
            generic=draw(st.sampled_from(GENERIC_CHOICES)),
            elective_hours=float(draw(st.sampled_from([0, 240, 480, 720]))),
            provisional=draw(st.booleans()),
        )
        for i in range(draw(st.integers(1, 4)))
    ]


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
def catalogs(draw: st.DrawFn) -> Catalog:
    """Units with outcomes, qualifications sharing units, acyclic prerequisites, generic
    units with 3F counting for 2F, and certificates over units or single outcomes."""
    units = draw(vocational_units())
    return Catalog(
        qualifications=draw(qualifications(units)),
        units=[*units, *generic_units()],
        certificates=draw(certificates(units)),
        prerequisites=draw(prerequisites(units)),
        equivalences=level_equivalences(),
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


start_dates = st.dates(min_value=date(2025, 1, 1), max_value=date(2030, 12, 31))
paces = st.floats(min_value=1.0, max_value=60.0, allow_nan=False)
