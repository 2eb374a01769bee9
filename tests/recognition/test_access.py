"""Who reads and acts on an EVC procedure: its content is for the procedure's own people
(the candidate, her advisor, her exam board, the assessors of the provider that runs it),
and EVC providers are a boundary. Played through the pages, the API, the downloads and the
services, as the attack on the demo did.

Anna has a procedure at EVC-centrum West (Dirk's) played up to the exam board, and one at
EVC-centrum Oost, whose assessor is Bas."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.test import Client

from opmaat.accounts.models import ApiToken, Organisation
from opmaat.domain.access import Action, OrganisationKind, Role
from opmaat.domain.recognition.assessment import EvidenceKind, Judgement, SessionKind
from opmaat.domain.recognition.evc import EvcState, TransitionNotAllowed
from opmaat.learners.models import Enrolment
from opmaat.recognition import services
from opmaat.recognition.access import permissions_on, visible_procedures
from opmaat.recognition.models import EvcProcedure
from tests.factories import (
    ASSESSED_WERKPROCESSEN,
    EVIDENCE_TITLE,
    INTERVIEW_REPORT,
    RATIONALE,
    make_assessed_procedure,
    make_learner,
    make_organisation,
    make_procedure,
    make_staff,
)
from tests.personas import Personas


@dataclass(frozen=True)
class Two:
    cast: Personas
    west: EvcProcedure  # Dirk's provider, up to the exam board
    oost: EvcProcedure  # Bas's provider, in its intake
    bas: User
    oost_provider: Organisation


@pytest.fixture
def two(personas: Personas) -> Two:
    oost = make_organisation("EVC-centrum Oost", OrganisationKind.EVC_PROVIDER, personas.region)
    bas = make_staff("bas", oost, Role.EVC_ASSESSOR)
    west = make_assessed_procedure(
        personas.bram, personas.anna, personas.dirk, personas.anna_record, personas.evc_provider
    )
    oost_procedure = make_procedure(personas.bram, personas.anna_record, oost)
    return Two(personas, west, oost_procedure, bas, oost)


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def bearer(user: User) -> Client:
    _, key = ApiToken.issue(user, "test")
    return Client(headers={"Authorization": f"Bearer {key}"})


SECRETS = (EVIDENCE_TITLE, INTERVIEW_REPORT, RATIONALE)


@pytest.mark.parametrize("who", ["tess", "gijs", "fleur"])
def test_teachers_supervisors_and_a_consented_employer_see_only_the_phase(
    two: Two, who: str
) -> None:
    user = two.cast.by_name(who)
    procedure = two.west
    page = logged_in(user).get(f"/evc/{procedure.pk}/")
    assert page.status_code == 200
    content = page.content.decode()
    assert "Besluit examencommissie" in content  # the phase
    for secret in SECRETS:
        assert secret not in content, secret
    number = procedure.certificates.get().number
    for ext in ("json", "pdf"):
        url = f"/evc/{procedure.pk}/ervaringscertificaat/{number}.{ext}"
        assert logged_in(user).get(url).status_code == 403
    api = bearer(user)
    read = api.get(f"/api/recognition/procedures/{procedure.pk}").json()
    assert read["state"] == "decision"
    assert read["judgements"] is None and read["certificates"] is None
    assert read["decisions"] is None
    listed = api.get(f"/api/recognition/learners/{two.cast.anna_record.pk}/procedures").json()
    assert all(p["judgements"] is None for p in listed)
    certificate = api.get(f"/api/recognition/procedures/{procedure.pk}/certificate")
    assert certificate.status_code == 403


@pytest.mark.parametrize("who", ["anna", "bram", "eva", "dirk"])
def test_the_procedures_own_people_read_its_content(two: Two, who: str) -> None:
    user = two.cast.by_name(who)
    procedure = two.west
    content = logged_in(user).get(f"/evc/{procedure.pk}/").content.decode()
    for secret in SECRETS:
        assert secret in content, secret
    number = procedure.certificates.get().number
    download = logged_in(user).get(f"/evc/{procedure.pk}/ervaringscertificaat/{number}.json")
    assert download.status_code == 200
    read = bearer(user).get(f"/api/recognition/procedures/{procedure.pk}").json()
    assert {j["rationale"] for j in read["judgements"]} == {RATIONALE}


def test_an_assessor_of_another_provider_cannot_read_move_judge_or_download(two: Two) -> None:
    """Anna is Bas's candidate too, so he sees her record; West's procedure is not his."""
    bas, procedure = two.bas, two.west
    client = logged_in(bas)
    assert client.get(f"/deelnemers/{two.cast.anna_record.pk}/").status_code == 200
    assert client.get(f"/evc/{procedure.pk}/").status_code == 403
    evidence = procedure.evidence.first()
    assert evidence is not None
    number = procedure.certificates.get().number
    for url in (
        f"/evc/{procedure.pk}/ervaringscertificaat/{number}.pdf",
        f"/evc/{procedure.pk}/bewijs/{evidence.pk}/bestand",
    ):
        assert client.get(url).status_code == 403, url
    for url, data in (
        (f"/evc/{procedure.pk}/stap/", {"target": "report"}),
        (f"/evc/{procedure.pk}/oordeel/", {"outcome": ASSESSED_WERKPROCESSEN[0]}),
        (f"/evc/{procedure.pk}/ervaringscertificaat/", {}),
    ):
        assert client.post(url, data).status_code == 403, url
    api = bearer(bas)
    assert api.get(f"/api/recognition/procedures/{procedure.pk}").status_code == 403
    moved = api.post(
        f"/api/recognition/procedures/{procedure.pk}/transitions",
        {"target": "report", "version": procedure.version},
        content_type="application/json",
    )
    assert moved.status_code == 403
    listed = api.get(f"/api/recognition/learners/{two.cast.anna_record.pk}/procedures").json()
    assert [p["id"] for p in listed] == [two.oost.pk]
    procedure.refresh_from_db()
    assert procedure.state == EvcState.DECISION.value


def test_the_services_refuse_another_providers_assessor(two: Two) -> None:
    cast, bas = two.cast, two.bas
    procedure = make_procedure(
        cast.bram, cast.anna_record, cast.evc_provider, state=EvcState.PORTFOLIO
    )
    evidence = services.add_evidence(
        cast.anna, procedure, EvidenceKind.REFLECTION, "Reflectie", ["23312-P1-K1-W1"], "Tekst"
    )
    services.move(cast.anna, procedure, EvcState.ASSESSMENT)
    with pytest.raises(PermissionDenied):
        services.judge(bas, procedure, "23312-P1-K1-W1", Judgement.MORE_EVIDENCE, "Meer", [])
    with pytest.raises(PermissionDenied):
        services.record_session(
            bas, procedure, SessionKind.INTERVIEW, date.today(), ["23312-P1-K1-W1"], "Verslag"
        )
    services.judge(cast.dirk, procedure, "23312-P1-K1-W1", Judgement.MORE_EVIDENCE, "Meer", [])
    with pytest.raises(TransitionNotAllowed):
        services.move(bas, procedure, EvcState.PORTFOLIO)
    assert procedure.judgements.count() == 1 and evidence.judgements.count() == 0
    # His own provider's procedure is his to move.
    services.move(bas, two.oost, EvcState.PORTFOLIO)


def test_each_assessor_works_only_the_procedures_of_their_own_provider(two: Two) -> None:
    dirk, bas = two.cast.dirk, two.bas
    assert Action.ASSESS in permissions_on(dirk, two.west)
    assert permissions_on(dirk, two.oost) == frozenset()
    assert Action.ASSESS in permissions_on(bas, two.oost)
    assert permissions_on(bas, two.west) == frozenset()
    assert set(visible_procedures(dirk)) == {two.west}
    assert set(visible_procedures(bas)) == {two.oost}
    worklist = logged_in(bas).get("/evc/")
    assert [p.pk for p, _ in worklist.context["rows"]] == [two.oost.pk]
    listed = logged_in(bas).get(f"/deelnemers/{two.cast.anna_record.pk}/evc/")
    assert list(listed.context["procedures"]) == [two.oost]


def test_every_procedure_list_shows_exactly_the_procedures_the_rules_allow(two: Two) -> None:
    procedures = list(EvcProcedure.objects.all())
    for user in User.objects.all():
        listed = set(visible_procedures(user))
        allowed = {p for p in procedures if permissions_on(user, p)}
        assert listed == allowed, user.username


def test_an_employee_who_gave_no_consent_has_no_procedure_for_anyone_at_the_employer(
    two: Two,
) -> None:
    """The list agrees with the rules there too: the supervisor at the care organisation
    sees neither the record nor the procedure of a colleague who did not consent."""
    cast = two.cast
    mila = make_learner(cast.bram, cast.school, "Mila Jansen")
    Enrolment.objects.create(
        learner=mila, organisation=cast.employer, relation=Enrolment.Relation.EMPLOYEE
    )
    hers = make_procedure(cast.bram, mila, cast.evc_provider)
    assert hers not in set(visible_procedures(cast.gijs))
    assert permissions_on(cast.gijs, hers) == frozenset()
    for user in User.objects.all():
        listed = set(visible_procedures(user))
        assert listed == {p for p in EvcProcedure.objects.all() if permissions_on(user, p)}
