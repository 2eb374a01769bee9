"""Round trips over random small catalogs, with text that tempts every encoding."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from opmaat.catalog_files import read_catalog, write_catalog
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
from tests.catalog_files.samples import same_catalog

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
GENERIC_UNITS = [Unit(c, c, 2, 160, kind=UnitKind.GENERIC) for c in ("NL-2F", "REK-3F", "LB")]
GENERIC_NEEDS = [GenericRequirements(), GenericRequirements("2F", "3F", None, True)]


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
    )


@st.composite
def qualifications(draw: st.DrawFn, index: int, codes: list[str]) -> Qualification:
    return Qualification(
        str(10000 + index),
        draw(titles),
        draw(st.integers(1, 6)),
        draw(st.sampled_from([1.0, 1.5, 2.0, 3.0, 4.0])),
        tuple(draw(st.lists(st.sampled_from(codes), unique=True))),
        generic=draw(st.sampled_from(GENERIC_NEEDS)),
        elective_hours=draw(hours),
        version=draw(texts),
        valid_from=draw(st.none() | st.dates()),
        dossier_crebo=draw(st.none() | st.just("20001")),
        dossier_name=draw(texts),
        provisional=draw(st.booleans()),
        sources=draw(sources),
        notes=draw(texts),
    )


@st.composite
def catalogs(draw: st.DrawFn) -> Catalog:
    made = [draw(units(i)) for i in range(draw(st.integers(1, 4)))]
    codes = [u.code for u in made]
    parts = codes + [o.code for u in made for o in u.outcomes]
    ordered = [Prerequisite(codes[i], codes[i - 1], draw(texts)) for i in range(1, len(codes))]
    return Catalog(
        qualifications=[draw(qualifications(i, codes)) for i in range(draw(st.integers(0, 3)))],
        units=[*made, *GENERIC_UNITS],
        certificates=[
            Certificate("C1", draw(titles), tuple(draw(st.lists(st.sampled_from(parts)))))
        ],
        prerequisites=draw(st.lists(st.sampled_from(ordered), unique=True)) if ordered else [],
        equivalences=[Equivalence("OLD", (draw(st.sampled_from(parts)),), draw(texts))],
        meta={"title": draw(texts)},
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
