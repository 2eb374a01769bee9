"""`opmaat match`: the JSON contract, the seed, the files written, user errors.

No test here is marked `django_db`: any database access would fail them, so they also
prove that matching runs on the files alone.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.cli.conftest import Opmaat, Result

# P1 ranks S3 first; P3 is reserved for ROC De Brug, so S4 (ROC Oost) cannot have it before
# the return deadline. The outcome does not depend on the lottery.
PLACES = (
    "place_id,capacity,ranking,organisation,reserved_for\n"
    "P1,1,S3;S2;S1,Zorggroep Het Baken,\n"
    "P2,2,,Thuiszorg West,\n"
    "P3,1,,,ROC De Brug\n"
)
STUDENTS = (
    "student_id,preferences,school\n"
    "S1,P1;P2,ROC De Brug\n"
    "S2,P1,ROC Oost\n"
    "S3,P1;P2;P3,ROC De Brug\n"
    "S4,P3,ROC Oost\n"
)
# Five students for two seats of a place without a ranking: the lottery decides.
LOTTERY_PLACES = "place_id,capacity\nP1,2\n"
LOTTERY_STUDENTS = "student_id,preferences\n" + "".join(f"S{i},P1\n" for i in range(1, 6))
Files = tuple[Path, Path]


def write_files(folder: Path, places: str, students: str) -> Files:
    paths = folder / "places.csv", folder / "students.csv"
    paths[0].write_text(places, encoding="utf-8")
    paths[1].write_text(students, encoding="utf-8")
    return paths


@pytest.fixture
def files(tmp_path: Path) -> Files:
    return write_files(tmp_path, PLACES, STUDENTS)


@pytest.fixture
def lottery_files(tmp_path: Path) -> Files:
    return write_files(tmp_path, LOTTERY_PLACES, LOTTERY_STUDENTS)


def run_match(opmaat: Opmaat, files: Files, *args: str) -> Result:
    return opmaat("match", "--places", str(files[0]), "--students", str(files[1]), *args)


def document(result: Result) -> dict[str, object]:
    assert result.code == 0, result.err
    parsed: dict[str, object] = json.loads(result.out)
    return parsed


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def test_the_json_document_has_the_promised_keys_and_figures(opmaat: Opmaat, files: Files) -> None:
    doc = document(run_match(opmaat, files, "--json", "--seed", "42"))
    assert doc == {
        "assignments": {"S1": "P2", "S2": None, "S3": "P1", "S4": None},
        "seed": 42,
        "stable": True,
        "summary": {
            "students": 4,
            "places": 3,
            "capacity": 4,
            "matched": 2,
            "matched_pct": 50.0,
            "unmatched": 2,
            "by_rank": {"1": 1, "2": 1},
            "unused_capacity": 2,
            "unused_by_organisation": {"(unknown)": 1, "Thuiszorg West": 1},
            "unused_by_qualification": {"": 2},
            "fill": None,
        },
    }


def test_without_a_seed_one_is_reported_and_repeats_the_run(
    opmaat: Opmaat, lottery_files: Files
) -> None:
    first = document(run_match(opmaat, lottery_files, "--json"))
    seed = first["seed"]
    assert isinstance(seed, int)
    again = document(run_match(opmaat, lottery_files, "--json", "--seed", str(seed)))
    assert again["assignments"] == first["assignments"]


def test_the_lottery_numbers_written_decide_the_ties(
    opmaat: Opmaat, lottery_files: Files, tmp_path: Path
) -> None:
    result = run_match(opmaat, lottery_files, "--seed", "7", "-o", str(tmp_path / "out.csv"))
    assert result.code == 0, result.err
    rows = read_rows(tmp_path / "out.csv")
    placed = {r["student_id"] for r in rows if r["place_id"]}
    assert placed == {r["student_id"] for r in rows if int(r["lottery"]) <= 2}


def test_another_seed_can_draw_other_winners(opmaat: Opmaat, lottery_files: Files) -> None:
    outcomes = {
        json.dumps(document(run_match(opmaat, lottery_files, "--json", "--seed", str(seed)))
                   ["assignments"], sort_keys=True)
        for seed in range(8)
    }  # fmt: skip
    assert len(outcomes) > 1


def test_the_output_file_marks_the_fill(opmaat: Opmaat, files: Files, tmp_path: Path) -> None:
    out = tmp_path / "toewijzingen.csv"
    doc = document(run_match(opmaat, files, "--json", "--seed", "1", "--fill", "-o", str(out)))
    rows = {r["student_id"]: r for r in read_rows(out)}
    assert [rows[s]["phase"] for s in ("S1", "S3")] == ["match", "match"]
    filled = [s for s, r in rows.items() if r["phase"] == "fill"]
    assert len(filled) == 1 and rows[filled[0]]["place_id"] == "P2"
    summary = doc["summary"]
    assert isinstance(summary, dict) and summary["fill"] == 1 and summary["matched"] == 3


def test_a_workbook_is_written_for_an_xlsx_name(
    opmaat: Opmaat, files: Files, tmp_path: Path
) -> None:
    result = run_match(opmaat, files, "--seed", "1", "-o", str(tmp_path / "uitslag.xlsx"))
    assert result.code == 0, result.err
    assert (tmp_path / "uitslag.xlsx").read_bytes()[:2] == b"PK"


def test_explanations_are_added_only_when_asked(opmaat: Opmaat, files: Files) -> None:
    doc = document(run_match(opmaat, files, "--json", "--seed", "1", "--explain"))
    explanations = doc["explanations"]
    assert isinstance(explanations, dict)
    assert explanations["S1"]["text"] == "Geplaatst op voorkeur 2 (P2)."
    assert [r["text"] for r in explanations["S1"]["refusals"]] == [
        "Voorkeur 1 (P1) was vol met studenten die de plek hoger rangschikte."
    ]
    assert explanations["S4"]["refusals"][0]["detail"] == "reserved"


def test_reserved_places_return_to_the_pool_at_the_deadline(opmaat: Opmaat, files: Files) -> None:
    dates = ("--final-date", "2027-06-01", "--date")
    before = document(run_match(opmaat, files, "--json", "--seed", "1", *dates, "2027-05-17"))
    after = run_match(opmaat, files, "--json", "--seed", "1", *dates, "2027-05-18")
    assert before["assignments"] == {"S1": "P2", "S2": None, "S3": "P1", "S4": None}
    assert document(after)["assignments"] == {"S1": "P2", "S2": None, "S3": "P1", "S4": "P3"}
    assert "1 gereserveerde plaats is sinds 2027-05-18 terug voor alle scholen" in after.err


def test_notes_on_stderr_say_what_was_set_aside_in_dutch(opmaat: Opmaat, tmp_path: Path) -> None:
    files = write_files(tmp_path, PLACES, STUDENTS.replace("school\n", "school,naam\n", 1))
    result = run_match(opmaat, files, "--json", "--seed", "1")
    assert result.code == 0
    assert result.err.splitlines() == [
        f"opmaat: opmerking: {files[1]}: niet gebruikt: kolom naam (zie docs/formats/matching.md)",
        "opmaat: opmerking: 1 plaats is gereserveerd voor een school; geef --final-date om ze "
        "op de terugvaldatum terug te geven aan alle scholen",
    ]


def test_the_human_summary_is_dutch(opmaat: Opmaat, files: Files) -> None:
    result = run_match(opmaat, files, "--seed", "3")
    assert result.code == 0, result.err
    assert "2 van 4 studenten geplaatst (50,0 %)" in result.out
    assert "Loting: seed 3 · stabiel: ja" in result.out
    assert "voorkeur 1" in result.out and "niet geplaatst" in result.out


def test_a_picked_seed_is_shown_with_how_to_repeat_it(opmaat: Opmaat, files: Files) -> None:
    result = run_match(opmaat, files)
    assert result.code == 0 and "(herhaal met --seed " in result.out


@pytest.mark.parametrize(
    ("places", "students", "message"),
    [
        (PLACES, STUDENTS.replace("S2,P1,", "S2,P1;P9,"), "students.csv, rij 3, kolom "
         "preferences: onbekende plaats ‘P9’"),
        (PLACES, STUDENTS + "S1,P2,ROC Oost\n", "students.csv, rij 6, kolom student_id: id "
         "‘S1’ staat ook op rij 2"),
        (PLACES.replace("P2,2,", "P2,-2,"), STUDENTS, "places.csv, rij 3, kolom capacity: moet "
         "0 of meer zijn, niet -2"),
        (PLACES.replace("P2,2,", "P2,twee,"), STUDENTS, "places.csv, rij 3, kolom capacity: "
         "verwacht een geheel getal, niet ‘twee’"),
        ("place_id,ranking\nP1,\n", STUDENTS, "places.csv, rij 1, kolom capacity: kolom "
         "ontbreekt (de kopregel heeft: place_id, ranking)"),
    ],
)  # fmt: skip
def test_a_bad_file_exits_1_with_one_line_naming_file_row_and_column(
    opmaat: Opmaat, tmp_path: Path, places: str, students: str, message: str
) -> None:
    result = run_match(opmaat, write_files(tmp_path, places, students))
    assert result.code == 1 and result.out == ""
    assert result.err.count("\n") == 1
    assert result.err.startswith("opmaat: ") and message in result.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("-o", "out.txt"),
            "opmaat: kan out.txt niet schrijven: verwacht een bestandsnaam die eindigt op .csv "
            "of .xlsx",
        ),
        (
            ("--final-date", "1 juni"),
            "opmaat: ongeldige --final-date ‘1 juni’: verwacht JJJJ-MM-DD, bijvoorbeeld 2027-06-01",
        ),
    ],
)
def test_bad_options_exit_1_with_one_line(
    opmaat: Opmaat, files: Files, args: tuple[str, ...], message: str
) -> None:
    result = run_match(opmaat, files, *args)
    assert result.code == 1 and message in result.err and result.err.count("\n") == 1


def test_a_missing_option_is_a_usage_error(opmaat: Opmaat, files: Files) -> None:
    assert opmaat("match", "--places", str(files[0])).code == 2
