"""Who may read and change what, page by page and endpoint by endpoint, for every demo role.

The tables below are the specification; they are written out by hand, not derived from the
rules they check. Allowed reads answer 200, allowed changes redirect (302, pages) or answer
201 (API); everything else answers 403, and anonymous visitors go to the login page (401 in
the API).
"""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User
from django.test import Client

from opmaat.accounts.models import ApiToken
from opmaat.learners.access import permissions, visible_learners
from opmaat.learners.models import Learner
from tests.demo_logins import (
    ADMIN,
    ASSESSOR,
    CATALOG_EDITOR,
    COORDINATOR,
    EMPLOYER_HR,
    EXAM_BOARD,
    INTAKE,
    SANNE,
    TEACHER,
    WORKPLACE_SUPERVISOR,
)

pytestmark = pytest.mark.usefixtures("demo")

READS = (
    "detail", "composer", "history", "version", "reach", "audit", "export", "prescans",
    "progress", "credentials", "intake", "evc",
)  # fmt: skip
CHANGES = ("holding", "route", "edit", "consent", "feedback", "issue", "advice")
ALL_READS = set(READS) - {"export"}
LOOKING = {"detail", "composer", "history", "version", "reach", "prescans"}
LOOKING |= {"progress", "credentials", "intake", "evc"}

# Sanne de Vries: student at the school, employee of Het Baken, consented to Het Baken.
SANNES_RECORD: dict[str, tuple[set[str], set[str]]] = {
    SANNE: (set(READS), {"consent"}),
    INTAKE: (ALL_READS, {"holding", "route", "edit", "advice"}),
    EXAM_BOARD: (ALL_READS, {"holding", "edit", "issue"}),
    TEACHER: (LOOKING, {"feedback"}),
    WORKPLACE_SUPERVISOR: (LOOKING, {"feedback"}),
    EMPLOYER_HR: (LOOKING, set()),
    ASSESSOR: (set(), set()),
    COORDINATOR: (set(), set()),
    CATALOG_EDITOR: (set(), set()),
    ADMIN: (set(READS), set(CHANGES)),
}
# Fatma Yılmaz: only a student at the school; no employer, no consent.
Allowed = tuple[set[str], set[str]]
FATMA_DIFFERS: dict[str, Allowed] = {
    WORKPLACE_SUPERVISOR: (set(), set()),
    EMPLOYER_HR: (set(), set()),
}


FEEDBACK = {
    "feedback-code": "23268-B1-K1-W4",
    "feedback-text": "Goed gedaan",
    "feedback-given_on": "2026-01-05",
}
ISSUE = {"kind": "certificate", "code": "C0054"}


def page_requests(pk: int) -> dict[str, tuple[str, str, dict[str, str]]]:
    route = {
        "target": "25656",
        "start": "2027-02-01",
        "hours_per_week": "24",
        "pathway": "BBL",
        "pace": "normal",
    }
    return {
        "detail": ("get", f"/deelnemers/{pk}/", {}),
        "composer": ("get", f"/deelnemers/{pk}/route/", {}),
        "history": ("get", f"/deelnemers/{pk}/routes/", {}),
        "version": ("get", f"/deelnemers/{pk}/routes/1/", {}),
        "reach": ("get", f"/deelnemers/{pk}/bereik/", {"months": "12", "hours_per_week": "20"}),
        "prescans": ("get", f"/deelnemers/{pk}/vrijstellingsscans/", {}),
        "audit": ("get", f"/deelnemers/{pk}/logboek/", {}),
        "export": ("get", f"/deelnemers/{pk}/gegevens.json", {}),
        "holding": ("post", f"/deelnemers/{pk}/bezit/", {"code": "REK-2F", "kind": "exemption"}),
        "route": ("post", f"/deelnemers/{pk}/route/", route),
        "edit": (
            "post",
            f"/deelnemers/{pk}/bewerken/",
            {"name": "Nieuwe Naam", "elective_hours_done": "0"},
        ),
        "consent": ("post", f"/deelnemers/{pk}/toestemming/", {"organisation": "", "grant": "1"}),
        "progress": ("get", f"/deelnemers/{pk}/voortgang/", {}),
        "credentials": ("get", f"/deelnemers/{pk}/certificaten/", {}),
        "feedback": ("post", f"/deelnemers/{pk}/voortgang/feedback/", FEEDBACK),
        "issue": ("post", f"/deelnemers/{pk}/certificaten/uitgeven/", ISSUE),
        "intake": ("get", f"/deelnemers/{pk}/intake/", {}),
        "evc": ("get", f"/deelnemers/{pk}/evc/", {}),
        "advice": ("post", f"/deelnemers/{pk}/intake/", {**route, "goal": "Diploma"}),
    }


def expected_status(name: str, allowed: tuple[set[str], set[str]]) -> int:
    reads, changes = allowed
    if name in READS:
        return 200 if name in reads else 403
    return 302 if name in changes else 403


def check_pages(
    client: Client, learner: Learner, table: dict[str, tuple[set[str], set[str]]], who: str
) -> None:
    employer = learner.enrolments.filter(relation="employee").first()
    client.force_login(User.objects.get(username=who))
    for name, (method, url, data) in page_requests(learner.pk).items():
        if name == "consent" and employer is not None:
            data = {**data, "organisation": str(employer.organisation_id)}
        response = getattr(client, method)(url, data)
        assert response.status_code == expected_status(name, table[who]), f"{who} {name} {url}"


@pytest.mark.parametrize("who", list(SANNES_RECORD))
def test_pages_of_a_learner_with_an_employer_who_has_consent(client: Client, who: str) -> None:
    check_pages(client, Learner.objects.get(name="Sanne de Vries"), SANNES_RECORD, who)


@pytest.mark.parametrize("who", [EMPLOYER_HR, WORKPLACE_SUPERVISOR, INTAKE])
def test_pages_of_a_learner_without_employer_or_consent(client: Client, who: str) -> None:
    table: dict[str, Allowed] = {**SANNES_RECORD, **FATMA_DIFFERS, SANNE: (set(), set())}
    check_pages(client, Learner.objects.get(name="Fatma Yılmaz"), table, who)


def test_another_learner_cannot_open_a_record(client: Client) -> None:
    table: dict[str, Allowed] = {SANNE: (set(), set())}
    check_pages(client, Learner.objects.get(name="Fatma Yılmaz"), table, SANNE)


def test_anonymous_visitors_are_sent_to_the_login_page(client: Client) -> None:
    pk = Learner.objects.get(name="Sanne de Vries").pk
    for name, (method, url, data) in page_requests(pk).items():
        response = getattr(client, method)(url, data)
        assert response.status_code == 302 and response["Location"].startswith("/inloggen/"), name
    for url in ("/deelnemers/", "/deelnemers/nieuw/", "/regio/", "/mijn/"):
        assert client.get(url)["Location"].startswith("/inloggen/"), url


@pytest.mark.parametrize(
    ("who", "status"),
    [(COORDINATOR, 200), (ADMIN, 200), (INTAKE, 403), (EMPLOYER_HR, 403), (SANNE, 403)],
)
def test_only_coordinators_see_the_regional_figures(client: Client, who: str, status: int) -> None:
    client.force_login(User.objects.get(username=who))
    assert client.get("/regio/").status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [(INTAKE, 200), (ADMIN, 200), (TEACHER, 403), (EMPLOYER_HR, 403), (SANNE, 403)],
)
def test_only_intake_advisors_enrol_new_learners(client: Client, who: str, status: int) -> None:
    client.force_login(User.objects.get(username=who))
    assert client.get("/deelnemers/nieuw/").status_code == status


def test_every_list_shows_exactly_the_records_the_rules_allow() -> None:
    learners = list(Learner.objects.all())
    for user in User.objects.all():
        listed = set(visible_learners(user))
        allowed = {x for x in learners if permissions(user, x)}
        assert listed == allowed, user.username


# The API: same rules, 401 without credentials.
API_READS = {
    "detail": "",
    "holdings": "/holdings",
    "routes": "/routes",
    "current": "/routes/current",
}


def api(client: Client, who: str | None) -> dict[str, str]:
    if who is None:
        return {}
    _, key = ApiToken.issue(User.objects.get(username=who), "test")
    return {"Authorization": f"Bearer {key}"}


@pytest.mark.parametrize("who", [None, *SANNES_RECORD])
def test_the_api_follows_the_same_rules(client: Client, who: str | None) -> None:
    sanne = Learner.objects.get(name="Sanne de Vries")
    headers = api(client, who)
    reads, changes = SANNES_RECORD[who] if who else (set(), set())
    denied = 401 if who is None else 403
    for name, suffix in API_READS.items():
        response = client.get(f"/api/learners/{sanne.pk}{suffix}", headers=headers)
        assert response.status_code == (200 if "detail" in reads else denied), f"{who} {name}"
    body = {"code": "REK-2F", "kind": "exemption"}
    response = client.post(
        f"/api/learners/{sanne.pk}/holdings",
        json.dumps(body),
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == (201 if "holding" in changes else denied), f"{who} holding"
    route = {"target": "25656", "hours_per_week": 24, "pathway": "BBL"}
    response = client.post(
        f"/api/learners/{sanne.pk}/routes",
        json.dumps(route),
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == (201 if "route" in changes else denied), f"{who} route"


def test_the_api_lists_only_visible_learners(client: Client) -> None:
    names = {
        x["name"] for x in client.get("/api/learners", headers=api(client, EMPLOYER_HR)).json()
    }
    assert names == {x.name for x in visible_learners(User.objects.get(username=EMPLOYER_HR))}
    assert "Fatma Yılmaz" not in names and "Sanne de Vries" in names


def test_a_missing_learner_is_404_not_403(client: Client) -> None:
    assert client.get("/api/learners/999999", headers=api(client, INTAKE)).status_code == 404


def test_a_catalog_editor_may_edit_units_in_the_admin(client: Client) -> None:
    client.force_login(User.objects.get(username=CATALOG_EDITOR))
    assert client.get("/admin/catalog/unit/").status_code == 200
    assert client.get("/admin/prescan/unitrule/").status_code == 200
    assert client.get("/admin/learners/learner/").status_code == 403
