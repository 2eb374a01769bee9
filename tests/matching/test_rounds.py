"""A region's matching round, from the coordinator's pages: files in, runs, publication."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from opmaat.domain.errors import InvalidInput
from opmaat.domain.matching.states import NotNow
from opmaat.matching import services
from opmaat.matching.demo import ROUND_NAME, places_csv, students_csv
from opmaat.matching.models import MatchingRound
from tests.demo_logins import COORDINATOR, EMPLOYER_HR, INTAKE, SANNE

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
def coordinator(client: Client) -> Client:
    client.force_login(User.objects.get(username=COORDINATOR))
    return client


def demo_round() -> MatchingRound:
    return MatchingRound.objects.get(name=ROUND_NAME)


def test_the_demo_region_runs_its_round_and_publishes_a_version(coordinator: Client) -> None:
    r = demo_round()
    response = coordinator.post(f"/regio/rondes/{r.pk}/run/", {"seed": "1"})
    assert response.status_code == 302 and response["Location"].endswith("/versies/1/")
    page = coordinator.get(response["Location"]).content.decode()
    assert "31 van 36 studenten geplaatst" in page
    assert "Vraag en aanbod per organisatie" in page
    publish = f"/regio/rondes/{r.pk}/versies/1/publiceren/"
    asked = coordinator.post(publish)
    assert asked.status_code == 200 and "Ja, versie 1 publiceren" in asked.content.decode()
    r.refresh_from_db()
    assert r.state == "matching" and r.runs.get().published_at is None  # not yet
    assert coordinator.post(publish, {"confirm": "1"}).status_code == 302
    r.refresh_from_db()
    assert r.state == "execution" and r.runs.get().published_at is not None


def test_a_rerun_is_a_new_version_and_the_same_seed_gives_the_same_result() -> None:
    r, regio = demo_round(), User.objects.get(username=COORDINATOR)
    first = services.run_round(regio, r, seed=5)
    second = services.run_round(regio, r, seed=5)
    assert (first.version, second.version) == (1, 2)
    assert first.document["assignments"] == second.document["assignments"]


def test_nothing_runs_or_changes_after_publication() -> None:
    r, regio = demo_round(), User.objects.get(username=COORDINATOR)
    services.publish(regio, services.run_round(regio, r, seed=5))
    with pytest.raises(NotNow):
        services.run_round(regio, r)
    with pytest.raises(NotNow):
        services.upload(regio, r, "students", "s.csv", students_csv().encode())


def test_the_assignments_download_per_school(coordinator: Client) -> None:
    r = demo_round()
    coordinator.post(f"/regio/rondes/{r.pk}/run/", {"seed": "1"})
    url = f"/regio/rondes/{r.pk}/versies/1/toewijzingen.csv"
    lines = coordinator.get(url, {"school": "ROC De Brug (demo)"}).content.decode().splitlines()
    assert lines[0].startswith("student_id,place_id,phase,choice,school")
    assert len(lines) == 37
    assert coordinator.get(url, {"school": "Elders"}).content.decode().count("\n") == 1


def test_a_new_round_takes_its_files_in_order(coordinator: Client) -> None:
    response = coordinator.post(
        "/regio/rondes/", {"name": "Najaar", "final_matching": "2027-09-01"}
    )
    pk = int(response["Location"].rstrip("/").split("/")[-1])
    places = SimpleUploadedFile("plaatsen.csv", places_csv().encode())
    students = SimpleUploadedFile("studenten.csv", students_csv().encode())
    coordinator.post(f"/regio/rondes/{pk}/students/", {"file": students})
    assert not MatchingRound.objects.get(pk=pk).students_name  # not in the inventory
    coordinator.post(f"/regio/rondes/{pk}/places/", {"file": places})
    coordinator.post(f"/regio/rondes/{pk}/advance/", {"confirm": "1"})
    students.seek(0)
    coordinator.post(f"/regio/rondes/{pk}/students/", {"file": students})
    coordinator.post(f"/regio/rondes/{pk}/advance/", {"confirm": "1"})
    assert MatchingRound.objects.get(pk=pk).state == "matching"


def test_moving_a_round_on_asks_first_and_says_what_it_ends(coordinator: Client) -> None:
    response = coordinator.post(
        "/regio/rondes/", {"name": "Najaar", "final_matching": "2027-09-01"}
    )
    pk = int(response["Location"].rstrip("/").split("/")[-1])
    refused = coordinator.post(f"/regio/rondes/{pk}/advance/", follow=True)
    assert "Naar de fase" not in refused.content.decode()  # no places yet: refused at once
    places = SimpleUploadedFile("plaatsen.csv", places_csv().encode())
    coordinator.post(f"/regio/rondes/{pk}/places/", {"file": places})
    asked = coordinator.post(f"/regio/rondes/{pk}/advance/")
    assert asked.status_code == 200
    page = asked.content.decode()
    assert "Naar de fase Verdeling?" in page
    assert "niet meer worden gewijzigd of ingetrokken" in page
    assert MatchingRound.objects.get(pk=pk).state == "inventory"  # nothing happened yet
    coordinator.post(f"/regio/rondes/{pk}/advance/", {"confirm": "1"})
    assert MatchingRound.objects.get(pk=pk).state == "distribution"


def test_a_bad_file_is_refused_naming_file_row_and_column() -> None:
    r, regio = demo_round(), User.objects.get(username=COORDINATOR)
    r.state = "distribution"
    r.save()
    bad = students_csv().replace("S002,P", "S001,P", 1).encode()
    with pytest.raises(InvalidInput) as raised:
        services.upload(regio, r, "students", "studenten-fout.csv", bad)
    assert raised.value.code == "invalid_matching_file"
    first = raised.value.problems[0]
    assert (first.file, first.location, first.field) == (
        "studenten-fout.csv",
        "row 3",
        "student_id",
    )
    assert demo_round().students_name == "studenten.csv"


def test_only_the_regions_coordinator_manages_its_rounds(client: Client) -> None:
    r = demo_round()
    for who in (INTAKE, EMPLOYER_HR, SANNE):
        client.force_login(User.objects.get(username=who))
        assert client.get(f"/regio/rondes/{r.pk}/").status_code == 403
        assert client.post(f"/regio/rondes/{r.pk}/run/").status_code == 403
    with pytest.raises(PermissionDenied):
        services.run_round(User.objects.get(username=INTAKE), r)


def test_the_explanations_are_worded_in_the_readers_language(coordinator: Client) -> None:
    r = demo_round()
    coordinator.post(f"/regio/rondes/{r.pk}/run/", {"seed": "1"})
    page = coordinator.get(f"/regio/rondes/{r.pk}/versies/1/")
    assert "Geplaatst op voorkeur" in page.content.decode()
    coordinator.cookies["django_language"] = "en"
    english = coordinator.get(f"/regio/rondes/{r.pk}/versies/1/").content.decode()
    assert "Placed at preference" in english and "Geplaatst op voorkeur" not in english


def test_the_results_per_organisation_show_the_free_seats_of_every_organisation(
    coordinator: Client,
) -> None:
    """ "Vrij" is filled on every row, 0 included, and an organisation with no student
    placed but seats left is listed too; together they are the seats left unused."""
    r = demo_round()
    location = coordinator.post(f"/regio/rondes/{r.pk}/run/", {"seed": "1"})["Location"]
    page = coordinator.get(location)
    summary = r.runs.get().document["summary"]
    rows = page.context["organisations"]
    assert rows and all(isinstance(free, int) for _, _, free in rows)
    assert sum(free for _, _, free in rows) == summary["unused_capacity"]
    listed = {name for name, _, _ in rows}
    assert set(summary["unused_by_organisation"]) <= listed | {"(unknown)"}
    body = page.content.decode()
    assert all(f"<td>{free}</td></tr>" in body for _, _, free in rows)
