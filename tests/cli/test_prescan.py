"""`opmaat prescan`: the JSON contract, the week by pathway, admission, the answers file in
YAML and JSON, error lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Opmaat

pytestmark = pytest.mark.django_db

# Begeleider MZ (25780) towards Persoonlijk begeleider MZ (25779): the level-4 profile.
PROFILE = [f"23312-P2-K1-W{i}" for i in range(1, 7)]
START = ("--start", "2027-09-01")


def prescan_json(opmaat: Opmaat, *args: str) -> dict[str, object]:
    result = opmaat("prescan", "--json", *args)
    assert result.code == 0, result.err
    document: dict[str, object] = json.loads(result.out)
    return document


def estimates(document: dict[str, object]) -> dict[str, str]:
    units = document["units"]
    assert isinstance(units, list)
    return {u["code"]: u["estimate"] for u in units}


def months(document: dict[str, object]) -> float:
    value = document["months_remaining"]
    assert isinstance(value, float)
    return value


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_begeleider_mz_is_certain_of_the_shared_basisdeel_and_the_reason_names_the_diploma(
    opmaat: Opmaat,
) -> None:
    doc = prescan_json(opmaat, "--target", "25779", "--have", "25780", *START)
    found = estimates(doc)
    assert [code for code, e in found.items() if e == "certain"] == [
        "23312-B1-K1-1",
        "23312-B1-K1-4",
        "23312-B1-K1-5",
        "23312-B1-K2-1",
    ]
    units = doc["units"]
    assert isinstance(units, list)
    assert "diploma 25780" in units[0]["reason"]
    assert units[1]["credited_werkprocessen"] == ["23312-B1-K1-W4", "23312-B1-K1-W8"]
    assert doc["remaining_hours"] == doc["remaining_hours_pessimistic"]
    assert isinstance(doc["remaining_hours"], float)
    assert (doc["start"], doc["pathway"], doc["nominal_months"]) == ("2027-09-01", "BOL", 36.0)


def test_an_older_diploma_is_certain_through_the_equivalence_table(opmaat: Opmaat) -> None:
    doc = prescan_json(opmaat, "--target", "25656", "--have", "25491")
    assert set(estimates(doc).values()) == {"certain"}
    units = doc["units"]
    assert isinstance(units, list)
    assert "gelijkwaardigheid" in units[0]["reason"]
    assert units[0]["basis"] == "equivalence"


def test_the_pathway_and_contract_hours_set_the_months(opmaat: Opmaat) -> None:
    args = ("--target", "25656", "--have", "C0054", *START)
    bol = prescan_json(opmaat, *args, "--hours-per-week", "20")
    bbl = prescan_json(opmaat, *args, "--pathway", "bbl", "--work-hours-per-week", "28")
    assert (bol["pathway"], bol["study_hours_per_week"]) == ("BOL", 20.0)
    assert (bbl["pathway"], bbl["work_hours_per_week"], bbl["study_hours_per_week"]) == (
        "BBL",
        28.0,
        8.0,
    )
    assert months(bbl) < months(bol)
    assert estimates(bbl) == estimates(bol)


def test_entree_is_not_open_to_someone_with_a_vmbo_diploma(opmaat: Opmaat) -> None:
    doc = prescan_json(opmaat, "--target", "25741", "--have", "VMBO-GT")
    assert doc["open"] is False and "Entree is alleen voor" in str(doc["reason"])
    result = opmaat("prescan", "--target", "25741", "--have", "VMBO-GT")
    assert "Niet toegankelijk:" in result.out


def test_answers_in_yaml_make_the_profile_likely_and_the_route_shorter(
    opmaat: Opmaat, tmp_path: Path
) -> None:
    answers = write(tmp_path, "answers.yaml", "".join(f"{o}: on_my_own\n" for o in PROFILE))
    args = ("--target", "25779", "--have", "25780", *START)
    before = prescan_json(opmaat, *args)
    after = prescan_json(opmaat, *args, "--answers", answers)
    assert estimates(after)["23312-P2-K1-3"] == "likely"
    assert float(str(after["remaining_hours"])) < float(str(before["remaining_hours"]))
    assert months(after) < months(before)
    assert after["remaining_hours_pessimistic"] == before["remaining_hours_pessimistic"]


def test_answers_in_json_work_the_same(opmaat: Opmaat, tmp_path: Path) -> None:
    answered = {"23312-P2-K1-W1": "teaches_others"}
    answers = write(tmp_path, "answers.json", json.dumps(answered))
    doc = prescan_json(opmaat, "--target", "25779", "--have", "25780", "--answers", answers)
    assert estimates(doc)["23312-B1-K1-3"] == "possible"


def test_an_unknown_outcome_names_the_file_line_and_the_closest(
    opmaat: Opmaat, tmp_path: Path
) -> None:
    answers = write(tmp_path, "answers.yaml", "23312-P2-K1-W1: never\n23312-K1-W9: never\n")
    result = opmaat("prescan", "--target", "25779", "--answers", answers)
    assert result.code == 1
    line = result.err.strip().splitlines()[-1]
    assert line.startswith(
        f"opmaat: fout [outcome_not_in_target]: {answers}, regel 2, werkproces 23312-K1-W9: "
    )
    assert "bedoelt u 23312-" in line


def test_a_bad_answer_names_the_choices(opmaat: Opmaat, tmp_path: Path) -> None:
    answers = write(tmp_path, "answers.yaml", "# mine\n23312-P2-K1-W1: sometimes\n")
    result = opmaat("prescan", "--target", "25779", "--answers", answers)
    assert result.code == 1
    assert result.err == (
        f"opmaat: fout [invalid_answer]: {answers}, regel 2, werkproces 23312-P2-K1-W1: "
        "‘sometimes’ is geen van de antwoorden never, with_help, on_my_own, teaches_others.\n"
    )


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("answers.yaml", "a: [1,\n", ", regel 2: geen geldige YAML ("),
        ("answers.json", '{"a": ', ", regel 1: geen geldige JSON ("),
        ("answers.yaml", "- on_my_own\n", ": verwacht per werkprocescode een antwoord"),
        ("answers.txt", "x", ": onbekend bestandstype (verwacht .yaml, .yml of .json)"),
    ],
)
def test_a_broken_answers_file_fails_with_one_line(
    opmaat: Opmaat, tmp_path: Path, name: str, text: str, message: str
) -> None:
    result = opmaat("prescan", "--target", "25779", "--answers", write(tmp_path, name, text))
    assert result.code == 1
    assert result.err.count("\n") == 1 and result.err.startswith(f"opmaat: {tmp_path / name}")
    assert message in result.err


def test_an_answers_file_that_is_not_utf8_is_named(opmaat: Opmaat, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_bytes(b"23312-P2-K1-W1: \xff\n")
    result = opmaat("prescan", "--target", "25779", "--answers", str(path))
    assert result.code == 1
    assert result.err == f"opmaat: {path}: geen UTF-8-tekst (bij byte 16)\n"


def test_a_missing_answers_file_is_named(opmaat: Opmaat, tmp_path: Path) -> None:
    result = opmaat("prescan", "--target", "25779", "--answers", str(tmp_path / "nope.yaml"))
    assert result.code == 1
    assert result.err == f"opmaat: {tmp_path / 'nope.yaml'}: bestand bestaat niet\n"


def test_an_unknown_target_fails_with_one_line(opmaat: Opmaat) -> None:
    result = opmaat("prescan", "--target", "25747")
    assert result.code == 1
    assert result.err.startswith("opmaat: fout [unknown_code]: Onbekende code ‘25747’; bedoelt u ")


def test_a_week_that_cannot_be_fails_with_one_line(opmaat: Opmaat) -> None:
    result = opmaat("prescan", "--target", "25779", "--work-hours-per-week", "20")
    assert result.code == 1 and result.err.count("\n") == 1
    assert result.err.startswith("opmaat: fout [work_hours_in_bol]: Bij BOL tellen werkuren niet")
    assert opmaat("prescan", "--target", "25779", "--pathway", "avond").code == 1


def test_the_text_output_is_dutch_with_the_estimates_and_the_months(opmaat: Opmaat) -> None:
    result = opmaat(
        "prescan", "--target", "25779", "--have", "25780", "--pathway", "bbl",
        "--work-hours-per-week", "32",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert "zeker" in result.out and "onwaarschijnlijk" in result.out
    assert "maanden" in result.out and "Nominaal duurt" in result.out
    assert "BBL met 32 uur werk" in result.out
