"""Round trips over random small catalogs, with text that tempts every encoding."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from opmaat.catalog.files import read_catalog, write_catalog
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
from tests.catalog.files.samples import same_catalog

# Letters (also accented), digits and punctuation that YAML, CSV and Excel treat specially.
CHARACTERS = st.sampled_from(list("abcXYZéëñ019 =:;,#'\"-|[]{}&*!%@`?"))
texts = st.text(CHARACTERS, max_size=12).map(str.strip)
titles = texts.filter(bool)
# In the tables sources are joined by " | ": one that holds a "|" of its own (even at an end,
# "x |" next to "y" reads back as "x", "| y") cannot come back (docs/formats/catalog.md).
sources = st.lists(titles.filter(lambda t: "|" not in t), max_size=2).map(tuple)
# Hours to the hundredth: Excel keeps 15 significant digits, so 1087.3986300154072 would not
# come back exactly from a workbook (nor would it from Excel itself).
hours = st.integers(0, 500_000).map(lambda n: n / 100)
GENERIC_CODES = ("NL-2F", "REK-3F", "REK-3", "LB")
GENERIC_NEEDS = [
    GenericRequirements(),
    GenericRequirements("2F", "3F", None, True),
    GenericRequirements("2F", "3", None, True),
]


@st.composite
def units(draw: st.DrawFn, index: int) -> Unit:
    code = f"U{index}"
    return Unit(
        code,
        draw(titles),
        draw(st.integers(1, 6)),
        draw(hours),
        kind=draw(st.sampled_from([UnitKind.VOCATIONAL, UnitKind.ELECTIVE])),
        outcomes=tuple(
            Outcome(f"{code}-W{i}", draw(titles), draw(st.none() | hours))
            for i in range(draw(st.integers(0, 3)))
        ),
        hours_source=draw(st.sampled_from(HoursSource)),
        hours_rule=draw(texts),
        carries_certificate=draw(st.booleans()),
        employer_effect=draw(st.none() | st.sampled_from(EmployerEffect)),
        version=draw(texts),
        provisional=draw(st.booleans()),
        sources=draw(sources),
        exam_hours=draw(st.none() | hours),
    )


@st.composite
def exam_units(draw: st.DrawFn, defining: list[Unit]) -> list[Unit]:
    """None or one unit made of some of the werkprocessen that `defining` define, stating
    their hours to the hundredth (within the rounding the catalog allows)."""
    werkprocessen = [o.code for u in defining for o in u.outcomes]
    if not werkprocessen or not draw(st.booleans()):
        return []
    chosen = tuple(draw(st.lists(st.sampled_from(werkprocessen), min_size=1, unique=True)))
    stated = round(Catalog(units=defining).hours_of(chosen), 2)
    return [Unit("X0", draw(titles), draw(st.integers(1, 6)), stated, werkprocessen=chosen)]


@st.composite
def generic_units(draw: st.DrawFn) -> list[Unit]:
    return [
        Unit(
            code, code, 2, 160, kind=UnitKind.GENERIC, exam_hours=draw(st.none() | hours),
            obligation=code == "LB" and draw(st.booleans()),
        )
        for code in GENERIC_CODES
    ]  # fmt: skip


@st.composite
def qualifications(draw: st.DrawFn, index: int, codes: list[str]) -> Qualification:
    chosen = tuple(draw(st.lists(st.sampled_from(codes), unique=True)))
    elective = draw(hours)
    valid_from = draw(st.none() | st.dates())
    # Reversed, the default cut's units are another cut over the same werkprocessen.
    cuts = draw(st.lists(st.builds(Cut, titles, st.just(chosen[::-1]), sources), max_size=1))
    return Qualification(
        str(10000 + index),
        draw(titles),
        draw(st.integers(1, 6)),
        draw(st.sampled_from([1.0, 1.5, 2.0, 3.0, 4.0])),
        chosen,
        generic=draw(st.sampled_from(GENERIC_NEEDS)),
        elective_hours=elective,
        version=draw(texts),
        valid_from=valid_from,
        dossier_crebo=draw(st.none() | st.just("20001")),
        dossier_name=draw(texts),
        provisional=draw(st.booleans()),
        sources=draw(sources),
        notes=draw(texts),
        cuts=tuple(cuts),
        valid_until=draw(st.none() | st.dates(min_value=valid_from or date.min)),
        elective_hours_shortened=draw(
            st.none() | st.integers(0, round(elective * 100)).map(lambda n: n / 100)
        ),
        elective_rule=draw(texts),
        admission=draw(st.sampled_from(Admission)),
        admission_note=draw(texts),
    )


@st.composite
def superseded(draw: st.DrawFn, made: list[Qualification]) -> list[Qualification]:
    """Any but the last may be superseded by the last, which is current."""
    return [
        replace(q, superseded_by=(made[-1].crebo,)) if q != made[-1] and draw(st.booleans()) else q
        for q in made
    ]


@st.composite
def prerequisites(draw: st.DrawFn, made: list[Unit]) -> list[Prerequisite]:
    """Each unit after the previous one, and a werkproces after one of an earlier unit: the
    order of the units keeps both acyclic."""
    codes = [u.code for u in made]
    ordered = [Prerequisite(codes[i], codes[i - 1], draw(texts)) for i in range(1, len(codes))]
    between = [
        Prerequisite(later.code, earlier.code)
        for i, unit in enumerate(made)
        for later in unit.outcomes
        for before in made[:i]
        for earlier in before.outcomes
    ]
    candidates = ordered + between
    return (
        draw(st.lists(st.sampled_from(candidates), unique=True, max_size=4)) if candidates else []
    )


@st.composite
def catalogs(draw: st.DrawFn) -> Catalog:
    made = [draw(units(i)) for i in range(draw(st.integers(1, 4)))]
    exams = draw(exam_units(made))
    codes = [u.code for u in [*made, *exams]]
    parts = codes + [o.code for u in made for o in u.outcomes]
    count = draw(st.integers(0, 3))
    equivalence = Equivalence(
        "OLD", (draw(st.sampled_from(parts)),), draw(texts), sources=draw(sources),
        confidence=draw(texts),
    )  # fmt: skip
    return Catalog(
        qualifications=draw(superseded([draw(qualifications(i, codes)) for i in range(count)])),
        units=[*made, *exams, *draw(generic_units())],
        certificates=[
            Certificate("C1", draw(titles), tuple(draw(st.lists(st.sampled_from(parts)))))
        ],
        prerequisites=draw(prerequisites(made)),
        equivalences=[equivalence],
        meta={"title": draw(texts)},
        prior_education=[
            PriorEducation(f"P{i}", draw(titles), draw(st.integers(0, 4)), draw(sources))
            for i in range(draw(st.integers(0, 2)))
        ],
    )


def round_trip(catalog: Catalog, fmt: str, name: str) -> Catalog:
    with tempfile.TemporaryDirectory() as folder:  # hypothesis reruns: no function fixture
        path = Path(folder) / name
        write_catalog(catalog, path, fmt)
        return read_catalog(path)


@settings(max_examples=40, deadline=None)
@given(catalogs())
def test_any_catalog_survives_yaml_and_json(catalog: Catalog) -> None:
    assert same_catalog(round_trip(catalog, "yaml", "c.yaml"), catalog)
    assert same_catalog(round_trip(catalog, "json", "c.json"), catalog)


@settings(max_examples=20, deadline=None)
@given(catalogs())
def test_any_catalog_survives_xlsx_and_csv(catalog: Catalog) -> None:
    assert same_catalog(round_trip(catalog, "xlsx", "c.xlsx"), catalog)
    assert same_catalog(round_trip(catalog, "csv", "c.zip"), catalog)
