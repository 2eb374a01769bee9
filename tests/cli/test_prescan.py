"""`opmaat prescan`: the JSON contract, the answers file in YAML and JSON, error lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Opmaat

pytestmark = pytest.mark.django_db

P3 = [f"23181-P3-K1-W{i}" for i in range(1, 9)]


def prescan_json(opmaat: Opmaat, *args: str) -> dict[str, object]:
    result = opmaat("prescan", "--json", *args)
    assert result.code == 0, result.err
    document: dict[str, object] = json.loads(result.out)
    return document


def estimates(document: dict[str, object]) -> dict[str, str]:
    units = document["units"]
    assert isinstance(units, list)
    return {u["code"]: u["estimate"] for u in units}


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_an_mz3_holder_is_certain_of_the_basisdeel_and_the_reason_names_the_diploma(
    opmaat: Opmaat,
) -> None:
    doc = prescan_json(opmaat, "--target", "25477", "--have", "25475")
    assert estimates(doc) == {
        "23181-B1-K1": "certain",
        "23181-B1-K2": "certain",
        "23181-P3-K1": "unlikely",
    }
    units = doc["units"]
    assert isinstance(units, list)
    assert "diploma 25475" in units[0]["reason"]
    assert doc["remaining_hours"] == doc["remaining_hours_pessimistic"]
    assert isinstance(doc["remaining_hours"], float)


def test_an_older_diploma_is_certain_through_the_equivalence_table(opmaat: Opmaat) -> None:
    doc = prescan_json(opmaat, "--target", "25656", "--have", "25491")
    assert set(estimates(doc).values()) == {"certain"}
    units = doc["units"]
    assert isinstance(units, list)
    assert "gelijkwaardigheid" in units[0]["reason"]
    assert units[0]["basis"] == "equivalence"


def test_answers_in_yaml_make_the_profile_unit_likely_and_the_route_shorter(
    opmaat: Opmaat, tmp_path: Path
) -> None:
    answers = write(tmp_path, "answers.yaml", "".join(f"{o}: on_my_own\n" for o in P3))
    before = prescan_json(opmaat, "--target", "25477", "--have", "25475")
    after = prescan_json(opmaat, "--target", "25477", "--have", "25475", "--answers", answers)
    assert estimates(after)["23181-P3-K1"] == "likely"
    assert after["remaining_hours"] < before["remaining_hours"]  # type: ignore[operator]
    assert after["remaining_hours_pessimistic"] == before["remaining_hours_pessimistic"]


def test_answers_in_json_work_the_same(opmaat: Opmaat, tmp_path: Path) -> None:
    answers = write(tmp_path, "answers.json", json.dumps(dict.fromkeys(P3[:4], "teaches_others")))
    doc = prescan_json(opmaat, "--target", "25477", "--have", "25475", "--answers", answers)
    assert estimates(doc)["23181-P3-K1"] == "possible"


def test_an_unknown_outcome_names_the_file_line_and_the_closest(
    opmaat: Opmaat, tmp_path: Path
) -> None:
    answers = write(tmp_path, "answers.yaml", "23181-P3-K1-W1: never\n23181-K1-W9: never\n")
    result = opmaat("prescan", "--target", "25477", "--answers", answers)
    assert result.code == 1
    line = result.err.strip().splitlines()[-1]
    assert line.startswith(
        f"opmaat: {answers}:line 2: 23181-K1-W9: unknown outcome of 25477; closest: "
    )


def test_a_bad_answer_names_the_choices(opmaat: Opmaat, tmp_path: Path) -> None:
    answers = write(tmp_path, "answers.yaml", "# mine\n23181-P3-K1-W1: sometimes\n")
    result = opmaat("prescan", "--target", "25477", "--answers", answers)
    assert result.code == 1
    assert result.err == (
        f"opmaat: {answers}:line 2: 23181-P3-K1-W1: 'sometimes' is not one of never, "
        "with_help, on_my_own, teaches_others\n"
    )


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("answers.yaml", "a: [1,\n", "not valid YAML"),
        ("answers.json", '{"a": ', "line 1: not valid JSON"),
        ("answers.yaml", "- on_my_own\n", "expected a mapping of outcome code to answer"),
        ("answers.txt", "x", "unknown file type"),
    ],
)
def test_a_broken_answers_file_fails_with_one_line(
    opmaat: Opmaat, tmp_path: Path, name: str, text: str, message: str
) -> None:
    result = opmaat("prescan", "--target", "25477", "--answers", write(tmp_path, name, text))
    assert result.code == 1
    assert result.err.count("\n") == 1 and result.err.startswith(f"opmaat: {tmp_path / name}")
    assert message in result.err


def test_a_missing_answers_file_is_named(opmaat: Opmaat, tmp_path: Path) -> None:
    result = opmaat("prescan", "--target", "25477", "--answers", str(tmp_path / "nope.yaml"))
    assert result.code == 1 and result.err.endswith("nope.yaml: no such file\n")


def test_an_unknown_target_fails_with_one_line(opmaat: Opmaat) -> None:
    result = opmaat("prescan", "--target", "25747")
    assert result.code == 1
    assert result.err.startswith("opmaat: unknown code '25747'; closest: ")


def test_the_text_output_is_dutch_with_the_estimates(opmaat: Opmaat) -> None:
    result = opmaat("prescan", "--target", "25477", "--have", "25475", "--hours-per-week", "16")
    assert result.code == 0, result.err
    assert "zeker" in result.out and "onwaarschijnlijk" in result.out
    assert "16 uur per week" in result.out
