"""A file's problems reach the user in their language: the reader says which problem it
is, the edge words it (opmaat.messages)."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext

from opmaat.domain.errors import Problem, Said
from opmaat.messages import problem_text
from opmaat.tabular import cells
from opmaat.tabular.problems import Problems


def first(message: str, location: str = "row 3", column: str = "capacity") -> Problem:
    problems = Problems("places.csv")
    problems.add(location, column, message)
    return problems.found[0]


def test_a_cell_problem_is_told_in_dutch_with_its_place() -> None:
    problem = first(cells.not_whole("twee"))
    assert problem_text(problem) == (
        "places.csv, rij 3, kolom capacity: verwacht een geheel getal, niet ‘twee’"
    )


def test_the_same_problem_in_english() -> None:
    with translation.override("en"):
        text = problem_text(first(cells.not_whole("twee")), gettext)
    assert text == "places.csv, row 3, column capacity: expected a whole number, not ‘twee’"


def test_a_sheet_and_line_are_named_too() -> None:
    problem = first(Said("column given twice", "column_twice"), "sheet units, row 1", "code")
    assert problem_text(problem) == (
        "places.csv, blad units, rij 1, kolom code: kolom staat twee keer in de kopregel"
    )


def test_the_english_developer_text_stays_on_the_problem() -> None:
    problem = first(cells.not_whole("twee"))
    assert problem.message == "expected a whole number, got 'twee'"
    assert str(problem) == "places.csv:row 3: capacity: expected a whole number, got 'twee'"


def test_a_problem_no_reader_worded_keeps_its_english_text() -> None:
    """The catalog reader's own problems (an unknown field, a code given twice) are still
    worded in English."""
    assert problem_text(first("duplicate unit code D1-K1", "line 12", "")) == (
        "places.csv, regel 12: duplicate unit code D1-K1"
    )
