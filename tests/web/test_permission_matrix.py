"""Who may read and change what, page by page and endpoint by endpoint, for every persona of
tests/personas.py: Anna's record read as rules ("Anna sees all of it, Bram plans it, Fleur
looks with her consent, Chris and Joost get 403").

The tables below are the specification; they are written out by hand, not derived from the
rules they check. Allowed reads answer 200, allowed changes redirect (302, pages) or answer
201 (API); everything else answers 403, and anonymous visitors go to the login page (401 in
the API). The record is Anna in training (a saved route to 25656, a result for
23268-B1-K1-W1); her classmate Lotte is only a student at ROC Noord; her colleague Mila is a
student at ROC Noord and an employee of Zorggroep Zuid who gave no consent.

Anna's EVC procedure at EVC-centrum West, judged and with its ervaringscertificaat, has a
table of its own: its content is for its own people, the phase for whoever sees her record
through a school or an employer, nothing for another EVC provider's assessor.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from django.contrib.auth.models import User
from django.test import Client

from opmaat.accounts.models import ApiToken, Membership
from opmaat.domain.access import OrganisationKind, Role
from opmaat.learners import services as learner_services
from opmaat.learners.access import permissions, visible_learners
from opmaat.learners.models import Enrolment, Learner
from opmaat.recognition.models import EvcProcedure
from tests.factories import (
    RATIONALE,
    add_holding,
    make_assessed_procedure,
    make_learner,
    make_organisation,
    make_procedure,
    make_staff,
    save_route,
)
from tests.personas import Personas

READS = (
    "detail", "composer", "history", "version", "reach", "audit", "export", "prescans",
    "progress", "credentials", "intake", "evc",
)  # fmt: skip
CHANGES = (
    "holding", "exemption", "route", "replan", "edit", "consent", "feedback", "issue", "advice"
)  # fmt: skip
ALL_READS = set(READS) - {"export"}
LOOKING = {"detail", "composer", "history", "version", "reach", "prescans"}
LOOKING |= {"progress", "credentials", "intake", "evc"}
Allowed = tuple[set[str], set[str]]
NOTHING: Allowed = (set(), set())

# Anna: a student at ROC Noord, an employee of Zorggroep Zuid, consented to Zorggroep Zuid.
ANNAS_RECORD: dict[str, Allowed] = {
    "anna": (set(READS), {"consent"}),  # reads and exports her record, decides on consent
    # Her intake advisor plans and records what she holds; exemptions are the exam board's.
    # Re-planning the saved route as it is: whoever plans or changes what she holds.
    "bram": (ALL_READS, {"holding", "route", "replan", "edit", "advice"}),
    "eva": (ALL_READS, {"holding", "exemption", "replan", "edit", "issue"}),  # her exam board
    "tess": (LOOKING, {"feedback"}),  # her teacher looks and gives feedback
    "gijs": (LOOKING, {"feedback"}),  # her workplace supervisor looks and gives feedback
    "fleur": (LOOKING, set()),  # her employer's HR looks, because she consented
    "dirk": NOTHING,  # an EVC assessor: she is no candidate of his
    "hanna": NOTHING,  # the regional coordinator sees figures, never records
    "ivo": NOTHING,  # the catalog editor edits the catalog, never records
    "chris": NOTHING,  # an intake advisor of another school
    "joost": NOTHING,  # another learner
    "otto": (set(READS), set(CHANGES)),  # the administrator may do everything
}
# Lotte: only a student at ROC Noord; no employer, no consent. Where the table differs:
LOTTES_RECORD_DIFFERS: dict[str, Allowed] = {
    "gijs": NOTHING,  # no workplace of hers
    "fleur": NOTHING,  # no employer of hers
    "anna": NOTHING,  # a classmate's record is not hers
}
# Anna after withdrawing her consent: nobody acting for Zorggroep Zuid sees her record, the
# workplace supervisor no more than HR (docs/access.md); her school sees it as before.
WITHOUT_CONSENT_DIFFERS: dict[str, Allowed] = {
    "gijs": NOTHING,  # her workplace supervisor, employed by Zorggroep Zuid
    "fleur": NOTHING,  # her employer's HR
}


FEEDBACK = {
    "feedback-code": "23268-B1-K1-W4",
    "feedback-text": "Goed gedaan",
    "feedback-given_on": "2026-01-05",
}
ISSUE = {"kind": "certificate", "code": "C0054", "confirm": "1"}


@pytest.fixture
def lotte(anna_in_training: Personas) -> Learner:
    """Anna's classmate at ROC Noord, on a saved route like hers but without an employer."""
    cast = anna_in_training
    lotte = make_learner(cast.bram, cast.school, "Lotte Bakker")
    add_holding(cast.bram, lotte, "VMBO-GT")
    save_route(cast.bram, lotte, "25656")
    return Learner.objects.get(pk=lotte.pk)


@pytest.fixture
def mila(anna_in_training: Personas) -> Learner:
    """Anna's colleague: a student at ROC Noord, employed by Zorggroep Zuid, no consent."""
    cast = anna_in_training
    mila = make_learner(cast.bram, cast.school, "Mila Jansen")
    Enrolment.objects.create(
        learner=mila, organisation=cast.employer, relation=Enrolment.Relation.EMPLOYEE
    )
    save_route(cast.bram, mila, "25656", work_hours_per_week=28)
    return Learner.objects.get(pk=mila.pk)


@pytest.fixture
def anna_withdrew(anna_in_training: Personas) -> Personas:
    """Anna in training after she withdrew her consent for Zorggroep Zuid."""
    cast = anna_in_training
    learner_services.withdraw_consent(cast.anna, cast.anna_record, cast.employer)
    return replace(cast, anna_record=Learner.objects.get(pk=cast.anna_record.pk))


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
        "holding": ("post", f"/deelnemers/{pk}/bezit/", {"code": "REK-2F", "kind": "held"}),
        "exemption": ("post", f"/deelnemers/{pk}/bezit/", {"code": "REK-2F", "kind": "exemption"}),
        "route": ("post", f"/deelnemers/{pk}/route/", route),
        "replan": ("post", f"/deelnemers/{pk}/route/opnieuw/", {"version": "1"}),
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


def expected_status(name: str, allowed: Allowed) -> int:
    reads, changes = allowed
    if name in READS:
        return 200 if name in reads else 403
    return 302 if name in changes else 403


def check_pages(client: Client, learner: Learner, allowed: Allowed, user: User) -> None:
    employer = learner.enrolments.filter(relation="employee").first()
    client.force_login(user)
    for name, (method, url, data) in page_requests(learner.pk).items():
        if name == "consent" and employer is not None:
            data = {**data, "organisation": str(employer.organisation_id)}
        response = getattr(client, method)(url, data)
        assert response.status_code == expected_status(name, allowed), f"{user} {name} {url}"


@pytest.mark.parametrize("who", list(ANNAS_RECORD))
def test_annas_record_with_an_employer_she_consented_to_answers_each_persona_by_the_table(
    client: Client, anna_in_training: Personas, who: str
) -> None:
    cast = anna_in_training
    check_pages(client, cast.anna_record, ANNAS_RECORD[who], cast.by_name(who))


@pytest.mark.parametrize("who", ["fleur", "gijs", "bram"])
def test_a_record_without_employer_or_consent_is_closed_to_the_workplace(
    client: Client, anna_in_training: Personas, lotte: Learner, who: str
) -> None:
    allowed = {**ANNAS_RECORD, **LOTTES_RECORD_DIFFERS}[who]
    check_pages(client, lotte, allowed, anna_in_training.by_name(who))


@pytest.mark.parametrize("who", list(ANNAS_RECORD))
def test_after_withdrawing_consent_nobody_at_the_employer_sees_annas_record(
    client: Client, anna_withdrew: Personas, who: str
) -> None:
    allowed = {**ANNAS_RECORD, **WITHOUT_CONSENT_DIFFERS}[who]
    check_pages(client, anna_withdrew.anna_record, allowed, anna_withdrew.by_name(who))


@pytest.mark.parametrize("who", ["gijs", "fleur", "bram", "tess"])
def test_a_colleague_who_never_consented_is_closed_to_everyone_at_the_employer(
    client: Client, anna_in_training: Personas, mila: Learner, who: str
) -> None:
    allowed = {**ANNAS_RECORD, **WITHOUT_CONSENT_DIFFERS}[who]
    check_pages(client, mila, allowed, anna_in_training.by_name(who))


def test_a_learner_cannot_open_a_classmates_record(
    client: Client, anna_in_training: Personas, lotte: Learner
) -> None:
    check_pages(client, lotte, LOTTES_RECORD_DIFFERS["anna"], anna_in_training.anna)


def test_anonymous_visitors_are_sent_to_the_login_page(
    client: Client, anna_in_training: Personas
) -> None:
    for name, (method, url, data) in page_requests(anna_in_training.anna_record.pk).items():
        response = getattr(client, method)(url, data)
        assert response.status_code == 302 and response["Location"].startswith("/inloggen/"), name
    for url in ("/deelnemers/", "/deelnemers/nieuw/", "/regio/", "/mijn/"):
        assert client.get(url)["Location"].startswith("/inloggen/"), url


@pytest.mark.parametrize(
    ("who", "status"),
    [("hanna", 200), ("otto", 200), ("bram", 403), ("fleur", 403), ("anna", 403)],
)
def test_only_coordinators_see_the_regional_figures(
    client: Client, personas: Personas, who: str, status: int
) -> None:
    client.force_login(personas.by_name(who))
    assert client.get("/regio/").status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [("bram", 200), ("otto", 200), ("tess", 403), ("fleur", 403), ("anna", 403)],
)
def test_only_intake_advisors_enrol_new_learners(
    client: Client, personas: Personas, who: str, status: int
) -> None:
    client.force_login(personas.by_name(who))
    assert client.get("/deelnemers/nieuw/").status_code == status


def test_every_list_shows_exactly_the_records_the_rules_allow(
    anna_in_training: Personas, lotte: Learner, mila: Learner
) -> None:
    cast = anna_in_training
    make_procedure(cast.chris, cast.joost_record, cast.evc_provider)  # Joost, Dirk's candidate
    # Gijs also advises at Zorggroep Zuid: in no role there does he see Mila.
    Membership.objects.create(user=cast.gijs, organisation=cast.employer, role="intake_advisor")
    learners = list(Learner.objects.all())
    for user in User.objects.all():
        listed = set(visible_learners(user))
        allowed = {x for x in learners if permissions(user, x)}
        assert listed == allowed, user.username
    assert set(visible_learners(cast.dirk)) == {cast.joost_record}
    assert set(visible_learners(cast.gijs)) == {cast.anna_record}  # the one who consented
    assert set(visible_learners(cast.fleur)) == {cast.anna_record}


@pytest.mark.parametrize("who", ["gijs", "fleur"])
def test_the_api_keeps_a_non_consenting_employee_from_the_employer(
    client: Client, anna_in_training: Personas, mila: Learner, who: str
) -> None:
    headers = api(anna_in_training.by_name(who))
    names = {x["name"] for x in client.get("/api/learners", headers=headers).json()}
    assert names == {"Anna de Wit"}
    for suffix in API_READS.values():
        response = client.get(f"/api/learners/{mila.pk}{suffix}", headers=headers)
        assert response.status_code == 403, suffix


# The API: same rules, 401 without credentials.
API_READS = {
    "detail": "",
    "holdings": "/holdings",
    "routes": "/routes",
    "current": "/routes/current",
}


def api(user: User | None) -> dict[str, str]:
    if user is None:
        return {}
    _, key = ApiToken.issue(user, "test")
    return {"Authorization": f"Bearer {key}"}


@pytest.mark.parametrize("who", [None, *ANNAS_RECORD])
def test_the_api_follows_the_same_rules(
    client: Client, anna_in_training: Personas, who: str | None
) -> None:
    anna = anna_in_training.anna_record
    headers = api(anna_in_training.by_name(who) if who else None)
    reads, changes = ANNAS_RECORD[who] if who else NOTHING
    denied = 401 if who is None else 403
    for name, suffix in API_READS.items():
        response = client.get(f"/api/learners/{anna.pk}{suffix}", headers=headers)
        assert response.status_code == (200 if "detail" in reads else denied), f"{who} {name}"
    for change, kind in (("holding", "held"), ("exemption", "exemption")):
        response = client.post(
            f"/api/learners/{anna.pk}/holdings",
            json.dumps({"code": "REK-2F", "kind": kind}),
            content_type="application/json",
            headers=headers,
        )
        assert response.status_code == (201 if change in changes else denied), f"{who} {kind}"
    route = {"target": "25656", "hours_per_week": 24, "pathway": "BBL"}
    response = client.post(
        f"/api/learners/{anna.pk}/routes",
        json.dumps(route),
        content_type="application/json",
        headers=headers,
    )
    assert response.status_code == (201 if "route" in changes else denied), f"{who} route"


def test_the_api_lists_only_the_learners_a_persona_may_see(
    client: Client, anna_in_training: Personas, lotte: Learner
) -> None:
    fleur = anna_in_training.fleur
    names = {x["name"] for x in client.get("/api/learners", headers=api(fleur)).json()}
    assert names == {x.name for x in visible_learners(fleur)}
    assert names == {"Anna de Wit"}  # her consented employee, not Lotte or Joost


def test_a_missing_learner_is_404_not_403(client: Client, personas: Personas) -> None:
    assert client.get("/api/learners/999999", headers=api(personas.bram)).status_code == 404


def test_a_catalog_editor_may_edit_units_in_the_admin(client: Client, personas: Personas) -> None:
    client.force_login(personas.ivo)
    assert client.get("/admin/catalog/unit/").status_code == 200
    assert client.get("/admin/prescan/unitrule/").status_code == 200
    assert client.get("/admin/learners/learner/").status_code == 403


# Anna's EVC procedure: "content" reads everything (page, certificate, evidence files, the
# API's judgements), "phase" sees that it exists and its phase only, "none" gets 403.
CONTENT, PHASE, NONE = "content", "phase", "none"
ANNAS_PROCEDURE: dict[str, str] = {
    "anna": CONTENT,  # her own portfolio
    "bram": CONTENT,  # her intake advisor
    "eva": CONTENT,  # her exam board decides on it
    "dirk": CONTENT,  # the assessor of the provider that runs it
    "otto": CONTENT,  # the administrator
    "tess": PHASE,  # her teacher
    "gijs": PHASE,  # her workplace supervisor
    "fleur": PHASE,  # her employer's HR, even with her consent
    "bas": NONE,  # an assessor of another EVC provider she is also a candidate at
    "hanna": NONE,
    "ivo": NONE,
    "chris": NONE,
    "joost": NONE,
}


@pytest.fixture
def annas_procedure(anna_in_training: Personas) -> EvcProcedure:
    cast = anna_in_training
    oost = make_organisation("EVC-centrum Oost", OrganisationKind.EVC_PROVIDER, cast.region)
    make_staff("bas", oost, Role.EVC_ASSESSOR)
    procedure = make_assessed_procedure(
        cast.bram, cast.anna, cast.dirk, cast.anna_record, cast.evc_provider
    )
    make_procedure(cast.bram, cast.anna_record, oost)
    return procedure


@pytest.mark.parametrize("who", list(ANNAS_PROCEDURE))
def test_annas_evc_procedure_answers_each_persona_by_the_table(
    client: Client, annas_procedure: EvcProcedure, who: str
) -> None:
    procedure, sees = annas_procedure, ANNAS_PROCEDURE[who]
    user = User.objects.get(username=who)
    client.force_login(user)
    number = procedure.certificates.get().number
    page = client.get(f"/evc/{procedure.pk}/")
    assert page.status_code == (403 if sees == NONE else 200), who
    if sees != NONE:
        assert (RATIONALE in page.content.decode()) == (sees == CONTENT), who
    downloads = [f"/evc/{procedure.pk}/ervaringscertificaat/{number}.{x}" for x in ("json", "pdf")]
    for url in downloads:
        assert client.get(url).status_code == (200 if sees == CONTENT else 403), f"{who} {url}"
    headers = api(user)
    read = client.get(f"/api/recognition/procedures/{procedure.pk}", headers=headers)
    assert read.status_code == (403 if sees == NONE else 200), who
    if sees != NONE:
        assert (read.json()["judgements"] is not None) == (sees == CONTENT), who
    certificate = client.get(
        f"/api/recognition/procedures/{procedure.pk}/certificate", headers=headers
    )
    assert certificate.status_code == (200 if sees == CONTENT else 403), who
    listed = client.get("/evc/").context["rows"]
    assert (procedure in [p for p, _ in listed]) == (sees != NONE), who
