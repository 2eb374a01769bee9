"""Two people acting on the same procedure at the same moment: each step and decision
carries the version of the procedure it was based on, and the second one is refused with
`changed_meanwhile` instead of silently overwriting the first.

Anna's procedure waits for the exam board; Eva and Elif are both on ROC Noord's exam board,
Dirk and Daan both assessors at EVC-centrum West."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from opmaat.accounts.models import ApiToken
from opmaat.domain.access import Role
from opmaat.domain.recognition.assessment import EvidenceKind, Judgement
from opmaat.domain.recognition.errors import ChangedMeanwhile
from opmaat.domain.recognition.evc import EvcState
from opmaat.learners.models import Holding
from opmaat.recognition import services
from opmaat.recognition.models import Decision, EvcProcedure
from tests.errors import refused
from tests.factories import (
    ASSESSED_UNIT,
    ASSESSED_WERKPROCESSEN,
    make_assessed_procedure,
    make_procedure,
    make_staff,
)
from tests.personas import Personas

W1 = ASSESSED_WERKPROCESSEN[0]


@pytest.fixture
def waiting(personas: Personas) -> EvcProcedure:
    """Anna's procedure at the exam board."""
    return make_assessed_procedure(
        personas.bram, personas.anna, personas.dirk, personas.anna_record, personas.evc_provider
    )


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def decision_post(version: int, units: list[str], rationale: str) -> dict[str, object]:
    return {"units": units, "outcomes": [], "rationale": rationale, "version": version}


def test_the_second_of_two_exam_board_members_deciding_at_once_is_refused(
    personas: Personas, waiting: EvcProcedure
) -> None:
    elif_ = make_staff("elif", personas.school, Role.EXAM_BOARD)
    eva, elif_client = logged_in(personas.eva), logged_in(elif_)
    url = f"/evc/{waiting.pk}/"
    # Both open the page: their forms carry the same version.
    seen = eva.get(url).context["decision_form"]["version"].value()
    assert elif_client.get(url).context["decision_form"]["version"].value() == seen

    first = eva.post(url + "besluit/", decision_post(seen, [ASSESSED_UNIT], "Eva: toekennen."))
    assert first.status_code == 302
    second = elif_client.post(url + "besluit/", decision_post(seen, [], "Elif: niets."))

    assert second.status_code == 409
    form = second.context["decision_form"]
    assert form.non_field_errors()  # the refusal, next to the form
    assert int(form["version"].value()) == EvcProcedure.objects.get(pk=waiting.pk).version
    assert "Eva: toekennen." in second.content.decode()  # the page shows what is there now
    [decision] = Decision.objects.filter(procedure=waiting)
    assert decision.rationale == "Eva: toekennen."
    assert personas.anna_record.holdings.filter(
        code=ASSESSED_UNIT, kind=Holding.Kind.EXEMPTION
    ).exists()


def test_a_decision_on_an_old_version_writes_nothing(
    personas: Personas, waiting: EvcProcedure
) -> None:
    seen = waiting.version
    services.decide(personas.eva, waiting, [ASSESSED_UNIT], [], "Eerste besluit", based_on=seen)
    holdings = set(personas.anna_record.holdings.values_list("code", "kind"))
    current = EvcProcedure.objects.get(pk=waiting.pk).version
    with refused(ChangedMeanwhile, "changed_meanwhile", based_on=seen, current=current):
        services.decide(personas.eva, waiting, [], [], "Tweede besluit", based_on=seen)
    assert Decision.objects.filter(procedure=waiting).count() == 1
    assert set(personas.anna_record.holdings.values_list("code", "kind")) == holdings


def test_two_assessors_judging_the_same_werkproces_at_once(personas: Personas) -> None:
    daan = make_staff("daan", personas.evc_provider, Role.EVC_ASSESSOR)
    procedure = make_procedure(
        personas.bram,
        personas.anna_record,
        personas.evc_provider,
        "25780",
        [ASSESSED_UNIT],
        state=EvcState.PORTFOLIO,
    )
    evidence = services.add_evidence(
        personas.anna, procedure, EvidenceKind.REFLECTION, "Reflectie", [W1], text="Tekst"
    )
    services.move(personas.anna, procedure, EvcState.ASSESSMENT)
    seen = EvcProcedure.objects.get(pk=procedure.pk).version
    dirk, daan_client = logged_in(personas.dirk), logged_in(daan)
    judged = {"outcome": W1, "evidence": [evidence.pk], "version": seen}
    url = f"/evc/{procedure.pk}/oordeel/"
    ok = dirk.post(url, {**judged, "result": "met", "rationale": "Dirk: aangetoond."})
    assert ok.status_code == 302
    late = daan_client.post(url, {**judged, "result": "not_met", "rationale": "Daan: niet."})
    assert late.status_code == 409
    assert late.context["judgement_form"].non_field_errors()
    assert [j.rationale for j in procedure.judgements.all()] == ["Dirk: aangetoond."]
    assert services.latest_judgements(procedure)[W1].result == Judgement.MET.value


def test_a_move_on_an_old_version_is_refused_on_the_page_and_in_the_api(
    personas: Personas,
) -> None:
    procedure = make_procedure(personas.bram, personas.anna_record, personas.evc_provider)
    seen = procedure.version
    services.move(personas.bram, procedure, EvcState.WITHDRAWN, "Kandidaat stopt", seen)
    page = logged_in(personas.dirk).post(
        f"/evc/{procedure.pk}/stap/", {"target": "portfolio", "version": seen}
    )
    assert page.status_code == 409
    assert page.context["move_error"]
    _, key = ApiToken.issue(personas.bram, "test")
    api = Client(headers={"Authorization": f"Bearer {key}"}).post(
        f"/api/recognition/procedures/{procedure.pk}/transitions",
        {"target": "portfolio", "version": seen},
        content_type="application/json",
    )
    assert api.status_code == 409 and api.json()["code"] == "changed_meanwhile"
    assert EvcProcedure.objects.get(pk=procedure.pk).state == EvcState.WITHDRAWN.value


def test_every_step_and_decision_counts_the_version_up(
    personas: Personas, waiting: EvcProcedure
) -> None:
    """The procedure went through a move to the portfolio, the move to assessment, an
    interview, two judgements, the move to the report, the certificate and the move to
    the exam board: eight changes on top of version 1."""
    assert waiting.version == 9
    assert (
        logged_in(personas.eva).get(f"/api/recognition/procedures/{waiting.pk}").json()["version"]
        == 9
    )
