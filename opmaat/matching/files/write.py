"""Writing the results: one row per student, as CSV or as a workbook that also has them
per school, per organisation, the summary and a Dutch explanation of the columns."""

from __future__ import annotations

from pathlib import Path

from opmaat.domain.errors import CannotWrite
from opmaat.domain.matching import Matching, Phase, Summary
from opmaat.domain.matching.match import PHASE_NAMES
from opmaat.tabular.write import Sheets, Value, write_csv, write_workbook

ASSIGNMENT_COLUMNS = (
    "student_id", "place_id", "phase", "choice", "school", "organisation", "lottery",
)  # fmt: skip
PER_ORGANISATION_COLUMNS = (
    "organisation", "place_id", "student_id", "school", "choice", "phase",
)  # fmt: skip
FORMATS = (".csv", ".xlsx")

# The column names are the files' contract (docs/formats/matching.md): scripts read them,
# so they stay English. The workbook's last sheet says in Dutch what each one holds.
EXPLANATION_SHEET = "toelichting"
EXPLANATION_COLUMNS = ("blad", "kolom", "betekenis")
COLUMN_MEANINGS = {
    "student_id": "de student (id uit het studentenbestand)",
    "place_id": "de stageplaats (id uit het plaatsenbestand); leeg als er geen is",
    "phase": "match: de stabiele matching, fill: het opvullen daarna; leeg als er geen is",
    "choice": "de hoeveelste voorkeur van de student de plaats is (1 is de eerste); leeg bij fill",
    "school": "de school van de student",
    "organisation": "de organisatie van de plaats",
    "lottery": "het lotnummer van de student",
    "figure": "het kengetal",
    "key": "de onderverdeling van het kengetal (bijv. de voorkeur of de organisatie)",
    "value": "de waarde",
}
SHEET_MEANINGS = {
    "assignments": "per student, in de volgorde van het studentenbestand",
    "per_school": "dezelfde rijen, gesorteerd op school",
    "per_organisation": "de geplaatste studenten per organisatie en plaats",
    "summary": "de kengetallen van de ronde",
}


def assignment_rows(m: Matching) -> list[tuple[Value, ...]]:
    """Per student, in file order: where they go (empty when nowhere), in which phase, at
    which preference (empty for the fill), their school, the organisation, and their
    lottery number."""
    enc = m.encoded
    schools = enc.school_codes
    rows: list[tuple[Value, ...]] = []
    for sid, p, phase, choice, school, lottery in zip(
        enc.students.ids,
        m.place.tolist(),
        m.phase.tolist(),
        m.choice.tolist(),
        enc.students.school.tolist(),
        enc.students.lottery.tolist(),
        strict=True,
    ):
        rows.append(
            (
                sid,
                enc.places.ids[p] if p >= 0 else "",
                PHASE_NAMES[Phase(phase)] or "",
                choice + 1 if phase == Phase.MATCH else "",
                schools[school] if school >= 0 else "",
                enc.places.organisation[p] if p >= 0 else "",
                lottery,
            )
        )
    return rows


def write_assignments(m: Matching, summary: Summary, path: Path) -> None:
    """CSV or XLSX by the suffix of `path`."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise CannotWrite(str(path), "expected a .csv or .xlsx file name")
    rows = assignment_rows(m)
    try:
        if suffix == ".csv":
            write_csv(path, ASSIGNMENT_COLUMNS, rows)
        else:
            write_workbook(path, workbook_sheets(rows, summary))
    except OSError as error:
        raise CannotWrite(str(path), str(error.strerror or error)) from None


def workbook_sheets(rows: list[tuple[Value, ...]], summary: Summary) -> Sheets:
    school = ASSIGNMENT_COLUMNS.index("school")
    by_school = sorted(rows, key=lambda r: (str(r[school]), str(r[0])))
    placed = [r for r in rows if r[1]]
    per_organisation = sorted(
        ((r[5], r[1], r[0], r[4], r[3], r[2]) for r in placed),
        key=lambda r: (str(r[0]), str(r[1]), str(r[2])),
    )
    return {
        "assignments": (ASSIGNMENT_COLUMNS, rows),
        "per_school": (ASSIGNMENT_COLUMNS, by_school),
        "per_organisation": (PER_ORGANISATION_COLUMNS, per_organisation),
        "summary": (SUMMARY_COLUMNS, summary_rows(summary)),
        EXPLANATION_SHEET: (EXPLANATION_COLUMNS, explanation_rows()),
    }


SUMMARY_COLUMNS = ("figure", "key", "value")


def explanation_rows() -> list[tuple[Value, ...]]:
    """Per sheet a line saying what it holds, then its columns with their Dutch meaning."""
    columns = {
        "assignments": ASSIGNMENT_COLUMNS,
        "per_school": ASSIGNMENT_COLUMNS,
        "per_organisation": PER_ORGANISATION_COLUMNS,
        "summary": SUMMARY_COLUMNS,
    }
    rows: list[tuple[Value, ...]] = []
    for sheet, meaning in SHEET_MEANINGS.items():
        rows.append((sheet, "", meaning))
        rows.extend((sheet, column, COLUMN_MEANINGS[column]) for column in columns[sheet])
    return rows


def summary_rows(summary: Summary) -> list[tuple[Value, ...]]:
    rows: list[tuple[Value, ...]] = []
    for name, value in summary.document().items():
        if isinstance(value, dict):
            rows.extend((name, str(key), count) for key, count in value.items())
        elif value is None or isinstance(value, (int, float)):
            rows.append((name, "", value))
        else:
            rows.append((name, "", str(value)))
    return rows
