"""The intake and EVC pages, played through HTTP as each persona would."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from opmaat.domain.recognition.evc import EvcState
from opmaat.domain.routes import RouteRequest
from opmaat.learners import services as learners
from opmaat.learners.models import Enrolment, Holding, RoutePlan
from opmaat.recognition.models import EvcProcedure, Intake
from tests.recognition import files
from tests.recognition.conftest import Cast

UNIT = "23181-B1-K2"
W1, W2 = "23181-B1-K2-W1", "23181-B1-K2-W2"


def as_user(cast: Cast, name: str) -> Client:
    client = Client()
    client.force_login(getattr(cast, name))
    return client


def intake_form(**extra: object) -> dict[str, object]:
    return {
        "goal": "Diploma halen naast het werk",
        "target": "25475",
        "start": "2027-01-04",
        "hours_per_week": "20",
        "pathway": "BBL",
        "pace": "normal",
        "work_setting": "Woongroep, 32 uur per week",
        "motivation": "Zes jaar ervaring",
        "support_needs": "",
        **extra,
    }


def test_the_advisor_records_an_intake_and_gets_an_advice_with_evc_planning(cast: Cast) -> None:
    bram = as_user(cast, "bram")
    response = bram.post(f"/deelnemers/{cast.learner.pk}/intake/", intake_form(evc_units=[UNIT]))
    assert response.status_code == 302
    intake = Intake.objects.get(learner=cast.learner)
    assert intake.version == 1 and intake.evc_units == [UNIT]
    assert intake.advice["evc"]["saves_hours"] == 470
    page = bram.get(response["Location"])
    assert "Vrijstellingen via EVC" in page.content.decode()
    pdf = bram.get(f"/deelnemers/{cast.learner.pk}/intake/1/ontwikkeladvies.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_saving_the_intake_again_keeps_the_earlier_version(cast: Cast) -> None:
    bram = as_user(cast, "bram")
    bram.post(f"/deelnemers/{cast.learner.pk}/intake/", intake_form())
    bram.post(f"/deelnemers/{cast.learner.pk}/intake/", intake_form(hours_per_week="32"))
    assert list(Intake.objects.values_list("version", "hours_per_week")) == [(2, 32.0), (1, 20.0)]


def test_an_evc_unit_already_held_is_refused_next_to_the_field(cast: Cast) -> None:
    learners.add_holding(cast.bram, cast.learner, UNIT, Holding.Kind.EXEMPTION)
    response = as_user(cast, "bram").post(
        f"/deelnemers/{cast.learner.pk}/intake/", intake_form(evc_units=[UNIT])
    )
    assert response.status_code == 400
    assert UNIT in str(response.context["form"].errors["evc_units"])


@pytest.mark.parametrize(("who", "status"), [("anna", 200), ("tess", 200), ("chris", 403)])
def test_the_intake_page_follows_the_record_permissions(cast: Cast, who: str, status: int) -> None:
    assert as_user(cast, who).get(f"/deelnemers/{cast.learner.pk}/intake/").status_code == status


def test_a_learner_may_read_but_not_write_their_intake(cast: Cast) -> None:
    response = as_user(cast, "anna").post(f"/deelnemers/{cast.learner.pk}/intake/", intake_form())
    assert response.status_code == 403


def test_the_whole_procedure_through_the_pages_shortens_the_route(cast: Cast) -> None:
    learners.save_route(
        cast.bram,
        cast.learner,
        RouteRequest("25475", timezone.localdate(), 20),
    )
    before = RoutePlan.objects.get(learner=cast.learner)
    bram, anna, ada, eva = (as_user(cast, n) for n in ("bram", "anna", "ada", "eva"))

    bram.post(
        f"/deelnemers/{cast.learner.pk}/evc/",
        {"provider": cast.provider.pk, "standard": "25475", "units": [UNIT]},
    )
    procedure = EvcProcedure.objects.get(learner=cast.learner)
    url = f"/evc/{procedure.pk}/"
    bram.post(url + "stap/", {"target": "portfolio"})
    anna.post(
        url + "bewijs/",
        {
            "kind": "employer_statement",
            "title": "Werkgeversverklaring",
            "outcomes": [W1, W2],
            "file": files.upload("verklaring.pdf", files.PDF),
        },
    )
    anna.post(url + "stap/", {"target": "assessment"})
    evidence = procedure.evidence.get()
    for code in (W1, W2):
        ada.post(
            url + "oordeel/",
            {
                "outcome": code,
                "result": "met",
                "rationale": "Blijkt uit de verklaring.",
                "evidence": [evidence.pk],
            },
        )
    ada.post(url + "stap/", {"target": "report"})
    ada.post(url + "ervaringscertificaat/")
    ada.post(url + "stap/", {"target": "decision"})
    response = eva.post(
        url + "besluit/", {"units": [UNIT], "rationale": "Op grond van het certificaat."}
    )

    assert response.status_code == 302
    procedure.refresh_from_db()
    assert procedure.state == EvcState.CLOSED.value
    after = RoutePlan.objects.filter(learner=cast.learner).order_by("-version").first()
    assert after is not None and after.version == 2
    assert after.document["total_hours"] == before.document["total_hours"] - 470
    certificate = procedure.certificates.get()
    pdf = ada.get(url + f"ervaringscertificaat/{certificate.number}.pdf")
    assert pdf.content.startswith(b"%PDF")
    data = anna.get(url + f"ervaringscertificaat/{certificate.number}.json").json()
    assert data["units"] == [{"code": UNIT, "title": "Werken aan kwaliteit en deskundigheid"}]


def test_a_refused_move_is_explained_in_dutch(cast: Cast) -> None:
    bram = as_user(cast, "bram")
    bram.post(
        f"/deelnemers/{cast.learner.pk}/evc/",
        {"provider": cast.provider.pk, "standard": "25475", "units": [UNIT]},
    )
    procedure = EvcProcedure.objects.get()
    bram.post(f"/evc/{procedure.pk}/stap/", {"target": "portfolio"})
    page = bram.post(f"/evc/{procedure.pk}/stap/", {"target": "assessment"}, follow=True)
    assert "Het portfolio bevat nog geen bewijs." in page.content.decode()


def test_a_wrong_file_is_refused_next_to_the_field_and_nothing_is_kept(cast: Cast) -> None:
    bram = as_user(cast, "bram")
    bram.post(
        f"/deelnemers/{cast.learner.pk}/evc/",
        {"provider": cast.provider.pk, "standard": "25475", "units": [UNIT]},
    )
    procedure = EvcProcedure.objects.get()
    response = as_user(cast, "anna").post(
        f"/evc/{procedure.pk}/bewijs/",
        {
            "kind": "work_sample",
            "title": "Plan",
            "outcomes": [W1],
            "file": files.upload("plan.pdf", files.HTML),
        },
    )
    assert response.status_code == 400
    assert "text/html" in str(response.context["evidence_form"].errors["file"])
    assert not procedure.evidence.exists()


@pytest.mark.parametrize(
    ("who", "status"), [("anna", 200), ("ada", 200), ("eva", 200), ("tess", 200), ("chris", 403)]
)
def test_the_procedure_page_follows_the_record_permissions(
    cast: Cast, who: str, status: int
) -> None:
    procedure = EvcProcedure.objects.create(
        learner=cast.learner,
        provider=cast.provider,
        standard="25475",
        units=[UNIT],
        state_since=timezone.localdate(),
    )
    Enrolment.objects.create(learner=cast.learner, organisation=cast.provider, relation="candidate")
    assert as_user(cast, who).get(f"/evc/{procedure.pk}/").status_code == status


def test_a_teacher_sees_the_phase_but_not_the_portfolio(cast: Cast) -> None:
    procedure = EvcProcedure.objects.create(
        learner=cast.learner,
        provider=cast.provider,
        standard="25475",
        units=[UNIT],
        state_since=timezone.localdate(),
    )
    page = as_user(cast, "tess").get(f"/evc/{procedure.pk}/")
    assert page.context["show_evidence"] is False
    assert "Portfolio</h2>" not in page.content.decode()
