"""Typed columns declared once as a table: each row becomes a record, each bad cell a
problem naming its row and column, and the record is still built."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import pytest

from opmaat.domain.leerweg import FUNDED, Leerweg
from opmaat.tabular.columns import (
    Boolean,
    Choice,
    Code,
    Column,
    Day,
    Invalid,
    Items,
    Number,
    Table,
    Text,
    Whole,
)
from opmaat.tabular.problems import Problems
from opmaat.tabular.read import Sheet, read_csv


class Colour(StrEnum):
    RED = "RED"
    BLUE = "BLUE"


@dataclass(frozen=True)
class Thing:
    id: str
    size: int = -1
    weight: float | None = None
    colour: Colour | None = None
    fresh: bool | None = None
    made: date | None = None
    codes: tuple[object, ...] = ()
    levels: tuple[object, ...] = ()
    crebo: str = ""


THINGS = Table(
    Thing,
    [
        Column("thing_id", Text(), keyword="id", required=True, filled=True),
        Column("size", Whole(0, 10), default=0),
        Column("weight", Number(0.5)),
        Column("colour", Choice(Colour, upper=True)),
        Column("fresh", Boolean()),
        Column("made", Day()),
        Column("codes", Items()),
        Column("levels", Items(Whole(1, 8))),
        Column("crebo", Code()),
    ],
)


def sheet(text: str, problems: Problems) -> Sheet:
    read = read_csv(text.encode(), problems, "things", "things.csv")
    assert read is not None
    return read


def records(text: str) -> tuple[list[Thing], list[tuple[str, str, str]]]:
    problems = Problems("t.zip")
    things = [thing for _, thing in THINGS.records(sheet(text, problems), problems)]
    return things, [(p.location, p.field, p.message) for p in problems.found]


def test_each_column_is_read_as_its_type() -> None:
    [thing], problems = records(
        "thing_id,size,weight,colour,fresh,made,codes,levels,crebo\n"
        'T1,3,"2,5",blue,ja,2027-02-01, A ;B;,3;4,25475.0\n'
    )
    assert problems == []
    assert thing == Thing(
        "T1", 3, 2.5, Colour.BLUE, True, date(2027, 2, 1), ("A", "B"), (3, 4), "25475.0"
    )


def test_a_column_not_in_the_file_leaves_the_records_default() -> None:
    [thing], _ = records("thing_id\nT1\n")
    assert thing == Thing("T1")


def test_an_empty_cell_is_the_columns_default() -> None:
    [thing], problems = records("thing_id,size,weight,codes\nT1,,,\n")
    assert problems == []
    assert (thing.size, thing.weight, thing.codes) == (0, None, ())


@pytest.mark.parametrize(
    ("column", "cell", "message"),
    [
        ("size", "drie", "expected a whole number, got 'drie'"),
        ("size", "1.5", "expected a whole number, got '1.5'"),
        ("size", "11", "must be 0 to 10, got 11"),
        ("weight", "0,1", "must be at least 0.5, got 0.1"),
        ("weight", "veel", "expected a number, got 'veel'"),
        ("colour", "green", "expected RED or BLUE, got 'green'"),
        ("fresh", "misschien", "expected true or false, got 'misschien'"),
        ("made", "1-2-2027", "expected a date YYYY-MM-DD, got '1-2-2027'"),
    ],
)
def test_a_bad_cell_names_file_sheet_row_and_column(column: str, cell: str, message: str) -> None:
    things, problems = records(f'thing_id,{column}\nT1,\nT2,"{cell}"\n')
    assert [t.id for t in things] == ["T1", "T2"]  # a bad cell does not lose the record
    assert problems == [("things.csv, row 3", column, message)]


def test_a_required_cell_left_empty_is_a_problem() -> None:
    _, problems = records("thing_id,size\n,1\n")
    assert problems == [("things.csv, row 2", "thing_id", "required")]


def test_a_bad_item_is_a_problem_and_the_good_ones_are_kept() -> None:
    [thing], problems = records("thing_id,levels\nT1,3;x;9;4\n")
    assert thing.levels == (3, 4)
    assert [message for *_, message in problems] == [
        "expected a whole number, got 'x'",
        "must be 1 to 8, got 9",
    ]


def test_every_problem_in_the_table_is_collected() -> None:
    _, problems = records("thing_id,size,colour\nT1,-1,red\n,2,geel\n")
    assert [(location, column) for location, column, _ in problems] == [
        ("things.csv, row 2", "size"),
        ("things.csv, row 3", "thing_id"),
        ("things.csv, row 3", "colour"),
    ]


def test_the_header_must_have_the_required_columns_and_names_what_it_has() -> None:
    problems = Problems("t.csv")
    assert not THINGS.check_header(sheet("size,Colour\n", problems), problems)
    assert [str(p) for p in problems.found] == [
        "t.csv:things.csv, row 1: thing_id: missing column (the header has: size, colour)"
    ]


def test_columns_the_table_does_not_know_are_named() -> None:
    problems = Problems("t.csv")
    assert THINGS.unused(sheet("thing_id,kleur,size,extra\n", problems)) == ["kleur", "extra"]


def test_a_choice_can_allow_only_some_of_its_values() -> None:
    """Stagematching places are BOL or BBL, though the leerweg has a third value."""
    funded = Choice(Leerweg, upper=True, allowed=FUNDED)
    assert funded.parse("bbl") is Leerweg.BBL
    with pytest.raises(Invalid, match="expected BOL or BBL"):
        funded.parse("derde_leerweg")
