"""Writing tables: a workbook has a bold, frozen header and text that Excel never
evaluates; what is written reads back as it was."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from opmaat.tabular.problems import Problems
from opmaat.tabular.read import read_csv, read_workbook
from opmaat.tabular.write import FORMULA_STARTS, Value, csv_text, write_workbook

# Text a workbook can hold: no control characters but tab and newline (XML forbids the
# others, and reads a carriage return as a newline).
TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from("\t\n"),
    min_size=1,
)
FORMULA_LIKE = st.builds(lambda start, rest: start + rest, st.sampled_from(FORMULA_STARTS), TEXT)


def test_the_header_is_bold_and_frozen_and_columns_fit_their_text(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_workbook(path, {"units": (["code", "title"], [["U1", "A rather long title"]])})
    sheet = load_workbook(path)["units"]
    assert sheet.freeze_panes == "A2"
    assert [c.font.bold for c in sheet[1]] == [True, True]
    assert not sheet["A2"].font.bold
    assert sheet.column_dimensions["A"].width == len("code") + 2
    assert sheet.column_dimensions["B"].width == len("A rather long title") + 2


def test_a_column_is_at_most_60_characters_wide(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    write_workbook(path, {"notes": (["note"], [["x" * 500]])})
    assert load_workbook(path)["notes"].column_dimensions["A"].width == 60


def test_sheets_come_in_order_with_their_values_typed(tmp_path: Path) -> None:
    path = tmp_path / "out.xlsx"
    rows: list[list[Value]] = [["U1", 80, 2.5, True, None, date(2027, 2, 1)]]
    write_workbook(path, {"b": (["a", "n", "x", "ok", "none", "day"], rows), "a": (["a"], [])})
    book = load_workbook(path)
    assert book.sheetnames == ["b", "a"]
    assert [c.value for c in book["b"][2]][:5] == ["U1", 80, 2.5, True, None]


def test_text_that_starts_like_a_formula_stays_text_with_excels_quote_prefix(
    tmp_path: Path,
) -> None:
    path = tmp_path / "out.xlsx"
    texts = ["=1+1", "+31 6 1234", "-5 uur", "@SUM(A1)", "gewoon"]
    write_workbook(path, {"t": (["text"], [[t] for t in texts])})
    cells = [row[0] for row in load_workbook(path)["t"].iter_rows(min_row=2)]
    assert [c.value for c in cells] == texts
    assert [c.data_type for c in cells] == ["s"] * 5
    assert [c.quotePrefix for c in cells] == [True, True, True, True, False]


@given(st.lists(TEXT, min_size=1, max_size=5))
def test_text_cells_read_back_from_a_workbook_as_written(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.xlsx"
        write_workbook(path, {"t": (["id", "text"], [["x", t] for t in texts])})
        [sheet] = read_workbook(path, Problems("out.xlsx"))
    assert [row[1] for _, row in sheet.rows] == texts


@given(st.lists(FORMULA_LIKE, min_size=1, max_size=5))
def test_a_guarded_cell_is_never_a_formula(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.xlsx"
        write_workbook(path, {"t": (["text"], [[t] for t in texts])})
        cells = [row[0] for row in load_workbook(path)["t"].iter_rows(min_row=2)]
    assert all(c.data_type == "s" and c.quotePrefix for c in cells)
    assert [c.value for c in cells] == texts


@given(st.lists(st.tuples(TEXT, TEXT | st.just("")), min_size=1, max_size=5))
def test_csv_text_reads_back_as_written(rows: list[tuple[str, str]]) -> None:
    text = csv_text(["id", "text"], [["x" + a, b] for a, b in rows])
    sheet = read_csv(text.encode(), Problems("t.csv"))
    assert sheet is not None
    assert [list(cells) for _, cells in sheet.rows] == [["x" + a, b] for a, b in rows]


def test_csv_writes_yes_no_as_true_false_and_nothing_as_empty() -> None:
    assert csv_text(["a", "b", "c"], [[True, None, date(2027, 2, 1)]]) == (
        "a,b,c\ntrue,,2027-02-01\n"
    )
