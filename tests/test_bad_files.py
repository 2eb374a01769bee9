"""Bad files never crash: a damaged workbook is a file problem on the page and in the CLI, a
control character in a matching id is a problem with its row and column, an id beyond 64
bits is not found, CSV that opmaat writes never holds a live formula, and a credential with a
name given twice in one object is malformed, not valid."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from opmaat.credentials.models import IssuedCredential
from opmaat.domain.credentials.errors import MalformedCredential
from opmaat.domain.credentials.verify import parse_credential
from opmaat.domain.matching import InvalidMatchingFile
from opmaat.matching.demo import ROUND_NAME
from opmaat.matching.files import read_instance
from opmaat.matching.models import MatchingRound
from opmaat.tabular.problems import Problems
from opmaat.tabular.read import read_csv, read_workbook
from opmaat.tabular.write import csv_text
from tests.cli.conftest import Opmaat, opmaat
from tests.demo_logins import COORDINATOR
from tests.matching.files.files import STUDENTS, write, write_xlsx

__all__ = ["opmaat"]  # the CLI's fixture, used here too

BROKEN_PARTS = ["[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]


def damaged(folder: Path, part: str) -> Path:
    """A places workbook whose `part` is not XML (or, for the sheet, is missing)."""
    good = write_xlsx(folder, "good.xlsx", [["place_id", "capacity"], ["P1", 1]])
    path = folder / "places.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as target:
        for name in source.namelist():
            if name != part:
                target.writestr(name, source.read(name))
            elif not name.endswith("sheet1.xml"):
                target.writestr(name, b"<not xml")
    return path


# Damaged workbooks -------------------------------------------------------------------------


@pytest.mark.parametrize("part", BROKEN_PARTS)
def test_a_damaged_workbook_is_one_file_problem(tmp_path: Path, part: str) -> None:
    problems = Problems("places.xlsx")
    assert read_workbook(damaged(tmp_path, part), problems) == []
    assert [(p.location, p.kind) for p in problems.found] == [("", "not_xlsx")]


@pytest.mark.parametrize("part", BROKEN_PARTS)
def test_opmaat_match_names_a_damaged_workbook(opmaat: Opmaat, tmp_path: Path, part: str) -> None:
    places = damaged(tmp_path, part)
    students = write(tmp_path, "students.csv", STUDENTS)
    result = opmaat("match", "--places", str(places), "--students", str(students))
    assert result.code == 1
    assert "[invalid_matching_file]" in result.err and "geen Excel-werkmap" in result.err
    assert "Traceback" not in result.err


def test_opmaat_catalog_validate_names_a_damaged_workbook(opmaat: Opmaat, tmp_path: Path) -> None:
    result = opmaat("catalog", "validate", str(damaged(tmp_path, "xl/workbook.xml")))
    assert result.code == 1
    assert "geen Excel-werkmap" in result.out + result.err


@pytest.mark.usefixtures("demo")
def test_a_damaged_workbook_uploaded_to_a_round_is_refused_on_the_page(
    client: Client, tmp_path: Path
) -> None:
    client.force_login(User.objects.get(username=COORDINATOR))
    created = client.post("/regio/rondes/", {"name": "Najaar", "final_matching": "2027-09-01"})
    pk = int(created["Location"].rstrip("/").split("/")[-1])
    data = damaged(tmp_path, "xl/worksheets/sheet1.xml").read_bytes()
    upload = SimpleUploadedFile("plaatsen.xlsx", data)
    response = client.post(f"/regio/rondes/{pk}/places/", {"file": upload}, follow=True)
    assert response.status_code == 200
    assert "geen Excel-werkmap" in response.content.decode()
    assert not MatchingRound.objects.get(pk=pk).places_name


def test_a_workbook_that_unpacks_to_too_much_is_not_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from opmaat.domain.archives import ZipLimits
    from opmaat.tabular import read

    monkeypatch.setattr(read, "WORKBOOK_LIMITS", ZipLimits(members=100, unpacked=1_000))
    problems = Problems("places.xlsx")
    path = write_xlsx(tmp_path, "places.xlsx", [["place_id", "capacity"], ["P1", 1]])
    assert read_workbook(path, problems) == []
    assert [p.kind for p in problems.found] == ["unpacks_too_large"]


# Control characters in matching ids ---------------------------------------------------------


PLACE, STUDENT = "place_id,capacity,organisation\nP1,1,Zorg\n", "student_id,preferences\nS1,P1\n"


@pytest.mark.parametrize(
    ("places", "students", "where"),
    [
        (PLACE.replace("P1", "P\x001"), "student_id,preferences\nS1,\n", ("row 2", "place_id")),
        (PLACE, STUDENT.replace("S1", "S\x001"), ("row 2", "student_id")),
        (PLACE, STUDENT.replace("P1", "P1;P\x002"), ("row 2", "preferences")),
        (PLACE.replace("Zorg", "Zorg\x7f"), STUDENT, ("row 2", "organisation")),
    ],
)
def test_a_control_character_in_an_id_is_a_problem_with_row_and_column(
    tmp_path: Path, places: str, students: str, where: tuple[str, str]
) -> None:
    with pytest.raises(InvalidMatchingFile) as refused:
        read_instance(write(tmp_path, "places.csv", places), write(tmp_path, "s.csv", students))
    found = [(p.location, p.field, p.kind) for p in refused.value.problems]
    assert (*where, "control_character") in found


# Ids beyond 64 bits -----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["status", "uitgevers"])
def test_an_id_beyond_64_bits_is_not_found(client: Client, page: str) -> None:
    assert client.get(f"/verifieren/{page}/99999999999999999999/").status_code == 404
    assert client.get(f"/verifieren/{page}/9223372036854775808/").status_code == 404


# Formulas in CSV --------------------------------------------------------------------------


def test_csv_text_never_starts_a_cell_with_a_formula_and_reads_back_as_written() -> None:
    texts = ['=HYPERLINK("http://x")', "+31", "-2", "@SUM(A1)", "'=x", "''", "'s-Hertogenbosch"]
    written = csv_text(["id"], [[t] for t in texts])
    cells = [line.strip('"') for line in written.splitlines()[1:]]
    assert all(not c.startswith(("=", "+", "-", "@")) for c in cells)
    assert cells[-1] == "'s-Hertogenbosch"
    sheet = read_csv(written.encode(), Problems("x.csv"))
    assert sheet is not None
    assert [cells[0] for _, cells in sheet.rows] == texts
    assert csv_text(["n"], [[-2]]).splitlines()[1] == "-2"  # a number is no formula


@pytest.mark.usefixtures("demo")
def test_the_assignments_download_guards_ids_that_look_like_formulas(client: Client) -> None:
    client.force_login(User.objects.get(username=COORDINATOR))
    matching_round = MatchingRound.objects.get(name=ROUND_NAME)
    client.post(f"/regio/rondes/{matching_round.pk}/run/", {"seed": "1"})
    run = matching_round.runs.get()
    run.rows = [["=cmd|'/c calc'!A1", "P1", "match", 1, "@school", "-org", 7], *run.rows[1:]]
    run.save()
    url = f"/regio/rondes/{matching_round.pk}/versies/1/toewijzingen.csv"
    first = client.get(url).content.decode().splitlines()[1]
    assert first == "'=cmd|'/c calc'!A1,P1,match,1,'@school,'-org,7"


# Credentials with a name given twice --------------------------------------------------------


def twice(document: dict[str, object]) -> str:
    """The document's JSON with a forged `id` before the real one: a parser that keeps the
    last of two values reads the real credential, one that keeps the first the forgery."""
    return '{"id": "urn:uuid:00000000-0000-0000-0000-000000000000", ' + json.dumps(document)[1:]


def test_a_name_given_twice_is_malformed() -> None:
    with pytest.raises(MalformedCredential) as refused:
        parse_credential('{"a": 1, "b": {"c": 1, "c": 2}}')
    assert (refused.value.code, refused.value.problem) == ("credential_malformed", "duplicate_key")
    assert refused.value.data["detail"] == "c"


@pytest.mark.usefixtures("demo")
def test_a_credential_with_a_name_given_twice_does_not_verify(client: Client) -> None:
    diploma = IssuedCredential.objects.get(kind="diploma")
    text = twice(diploma.document)
    api = client.post("/api/credentials/verify", text, content_type="application/json")
    assert api.status_code == 200
    assert api.json()["valid"] is False
    assert [f["code"] for f in api.json()["failures"]] == ["malformed"]
    page = client.post("/verifieren/", {"text": text})
    assert page.status_code == 400
    assert "twee keer" in page.content.decode()
    honest = client.post(
        "/api/credentials/verify", json.dumps(diploma.document), content_type="application/json"
    )
    assert honest.json()["valid"] is True
