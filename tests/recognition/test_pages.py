"""The intake and EVC pages, played through HTTP as each persona would."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from opmaat.catalog import cache
from opmaat.domain.recognition.evc import EvcState
from opmaat.domain.routes import Leerweg, RouteRequest
from opmaat.learners import services as learners
from opmaat.learners.models import Enrolment, Holding, RoutePlan
from opmaat.recognition.models import EvcProcedure, Intake
from tests.personas import Personas
from tests.recognition import files

UNIT = "23312-B1-K2"  # Werken aan kwaliteit en deskundigheid: two werkprocessen
W1, W2 = "23312-B1-K2-W1", "23312-B1-K2-W2"


def unit_hours() -> float:
    """What EVC for UNIT saves: the hours of its werkprocessen in the catalog."""
    return round(cache.current_catalog().units[UNIT].hours, 1)


def as_user(personas: Personas, name: str) -> Client:
    client = Client()
    client.force_login(personas.by_name(name))
    return client


def study_load(plan: RoutePlan) -> float:
    """The route's hours without the obligations that run alongside (loopbaan en
    burgerschap grows with the route's length)."""
    hours = [float(i["hours"]) for i in plan.document["schedule"] if not i["obligation"]]
    return round(sum(hours), 1)


def intake_form(**extra: object) -> dict[str, object]:
    return {
        "goal": "Diploma halen naast het werk",
        "target": "25780",
        "start": "2027-01-04",
        "pathway": "BBL",
        "work_hours_per_week": "32",
        "hours_per_week": "",
        "pace": "normal",
        "work_setting": "Woongroep, 32 uur per week",
        "motivation": "Zes jaar ervaring",
        "support_needs": "",
        **extra,
    }


def test_the_advisor_records_an_intake_and_gets_an_advice_with_evc_planning(
    personas: Personas,
) -> None:
    bram = as_user(personas, "bram")
    response = bram.post(
        f"/deelnemers/{personas.anna_record.pk}/intake/", intake_form(evc_units=[UNIT])
    )
    assert response.status_code == 302
    intake = Intake.objects.get(learner=personas.anna_record)
    assert intake.version == 1 and intake.evc_units == [UNIT]
    evc = intake.advice["evc"]
    assert evc["saves_hours"] == unit_hours() and evc["weeks"] == 16
    assert [w["code"] for w in evc["units"][0]["werkprocessen"]] == [W1, W2]
    page = bram.get(response["Location"])
    content = page.content.decode()
    assert "Vrijstellingen via EVC" in content
    assert f"scheelt dat {unit_hours():.0f} uur" in content
    pdf = bram.get(f"/deelnemers/{personas.anna_record.pk}/intake/1/ontwikkeladvies.pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_intake_records_the_bbl_week_and_plans_the_advice_on_it(personas: Personas) -> None:
    """Contract hours at the training company count as study load: 32 of them, the school
    day and the default self-study of 8 hours."""
    bram = as_user(personas, "bram")
    form = intake_form(exam_only=["NL-2F"])
    bram.post(f"/deelnemers/{personas.anna_record.pk}/intake/", form)
    intake = Intake.objects.get(learner=personas.anna_record)
    assert (intake.pathway, intake.work_hours_per_week, intake.hours_per_week) == ("BBL", 32, 8)
    assert intake.exam_only == ["NL-2F"]
    route = intake.advice["route"]
    assert (route["work_hours_per_week"], route["study_hours_per_week"]) == (32, 8)
    assert route["nominal_months"] == 36 and route["months"] < 36
    assert "NL-2F" in route["explanation_facts"]["exam_only"]


def test_the_advice_shows_the_route_now_the_evc_phase_and_the_route_after_it(
    personas: Personas,
) -> None:
    bram = as_user(personas, "bram")
    bram.post(f"/deelnemers/{personas.anna_record.pk}/intake/", intake_form(evc_units=[UNIT]))
    page = bram.get(f"/deelnemers/{personas.anna_record.pk}/intake/1/")
    now, after = page.context["now"], page.context["after"]
    # The tracks run side by side, each in a lane of its own.
    assert [lane.track for lane in now["chart"].lanes] == ["vocational", "generic", "elective"]
    assert after["chart"].bars[0].kind == "evc"
    assert UNIT not in [i["code"] for i in after["document"]["schedule"]]
    content = page.content.decode()
    assert content.count('data-testid="explanation"') == 2
    assert "nominaal 36 maanden" in content
    assert "Met EVC is de deelnemer klaar op" in content


def test_saving_the_intake_again_keeps_the_earlier_version(personas: Personas) -> None:
    bram = as_user(personas, "bram")
    bram.post(f"/deelnemers/{personas.anna_record.pk}/intake/", intake_form())
    bram.post(f"/deelnemers/{personas.anna_record.pk}/intake/", intake_form(hours_per_week="12"))
    assert list(Intake.objects.values_list("version", "hours_per_week")) == [(2, 12.0), (1, 8.0)]


def test_work_hours_on_bol_are_refused_and_nothing_is_saved(personas: Personas) -> None:
    """BOL is full-time school: contract hours do not count as study load there."""
    response = as_user(personas, "bram").post(
        f"/deelnemers/{personas.anna_record.pk}/intake/", intake_form(pathway="BOL")
    )
    assert response.status_code == 400
    assert "BOL" in str(response.context["form"].errors)
    assert not Intake.objects.exists()


def test_an_evc_unit_already_held_is_refused_next_to_the_field(personas: Personas) -> None:
    learners.add_holding(personas.eva, personas.anna_record, UNIT, Holding.Kind.EXEMPTION)
    response = as_user(personas, "bram").post(
        f"/deelnemers/{personas.anna_record.pk}/intake/", intake_form(evc_units=[UNIT])
    )
    assert response.status_code == 400
    assert UNIT in str(response.context["form"].errors["evc_units"])


@pytest.mark.parametrize(("who", "status"), [("anna", 200), ("tess", 200), ("chris", 403)])
def test_the_intake_page_follows_the_record_permissions(
    personas: Personas, who: str, status: int
) -> None:
    assert (
        as_user(personas, who).get(f"/deelnemers/{personas.anna_record.pk}/intake/").status_code
        == status
    )


def test_a_learner_may_read_but_not_write_their_intake(personas: Personas) -> None:
    response = as_user(personas, "anna").post(
        f"/deelnemers/{personas.anna_record.pk}/intake/", intake_form()
    )
    assert response.status_code == 403


def test_the_whole_procedure_through_the_pages_shortens_the_route(personas: Personas) -> None:
    learners.save_route(
        personas.bram,
        personas.anna_record,
        RouteRequest("25780", timezone.localdate(), pathway=Leerweg.BBL, work_hours_per_week=32),
    )
    before = RoutePlan.objects.get(learner=personas.anna_record)
    bram, anna, dirk, eva = (as_user(personas, n) for n in ("bram", "anna", "dirk", "eva"))

    bram.post(
        f"/deelnemers/{personas.anna_record.pk}/evc/",
        {"provider": personas.evc_provider.pk, "standard": "25780", "units": [UNIT]},
    )
    procedure = EvcProcedure.objects.get(learner=personas.anna_record)
    url = f"/evc/{procedure.pk}/"

    def now() -> int:
        """The version each step is based on: the procedure as the page shows it now."""
        return EvcProcedure.objects.get(pk=procedure.pk).version

    bram.post(url + "stap/", {"target": "portfolio", "version": now()})
    anna.post(
        url + "bewijs/",
        {
            "kind": "employer_statement",
            "title": "Werkgeversverklaring",
            "outcomes": [W1, W2],
            "file": files.upload("verklaring.pdf", files.PDF),
        },
    )
    anna.post(url + "stap/", {"target": "assessment", "version": now()})
    evidence = procedure.evidence.get()
    for code in (W1, W2):
        dirk.post(
            url + "oordeel/",
            {
                "outcome": code,
                "result": "met",
                "rationale": "Blijkt uit de verklaring.",
                "evidence": [evidence.pk],
                "version": now(),
            },
        )
    dirk.post(url + "stap/", {"target": "report", "version": now()})
    dirk.post(url + "ervaringscertificaat/", {"version": now()})
    dirk.post(url + "stap/", {"target": "decision", "version": now()})
    response = eva.post(
        url + "besluit/",
        {"units": [UNIT], "rationale": "Op grond van het certificaat.", "version": now()},
    )

    assert response.status_code == 302
    procedure.refresh_from_db()
    assert procedure.state == EvcState.CLOSED.value
    after = RoutePlan.objects.filter(learner=personas.anna_record).order_by("-version").first()
    assert after is not None and after.version == 2
    assert after.work_hours_per_week == 32  # re-planned on the saved week
    assert study_load(after) == round(study_load(before) - unit_hours(), 1)
    assert UNIT in after.document["covered_units"]
    certificate = procedure.certificates.get()
    pdf = dirk.get(url + f"ervaringscertificaat/{certificate.number}.pdf")
    assert pdf.content.startswith(b"%PDF")
    data = anna.get(url + f"ervaringscertificaat/{certificate.number}.json").json()
    assert [(u["code"], u["title"]) for u in data["units"]] == [
        (UNIT, "Werken aan kwaliteit en deskundigheid")
    ]
    assert [w["code"] for w in data["werkprocessen"]] == [W1, W2]


def test_a_refused_move_is_explained_in_dutch(personas: Personas) -> None:
    bram = as_user(personas, "bram")
    bram.post(
        f"/deelnemers/{personas.anna_record.pk}/evc/",
        {"provider": personas.evc_provider.pk, "standard": "25780", "units": [UNIT]},
    )
    procedure = EvcProcedure.objects.get()
    bram.post(f"/evc/{procedure.pk}/stap/", {"target": "portfolio", "version": 1})
    page = bram.post(
        f"/evc/{procedure.pk}/stap/", {"target": "assessment", "version": 2}, follow=True
    )
    assert "Het portfolio bevat nog geen bewijs." in page.content.decode()


def test_a_wrong_file_is_refused_next_to_the_field_and_nothing_is_kept(personas: Personas) -> None:
    bram = as_user(personas, "bram")
    bram.post(
        f"/deelnemers/{personas.anna_record.pk}/evc/",
        {"provider": personas.evc_provider.pk, "standard": "25780", "units": [UNIT]},
    )
    procedure = EvcProcedure.objects.get()
    response = as_user(personas, "anna").post(
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
    ("who", "status"), [("anna", 200), ("dirk", 200), ("eva", 200), ("tess", 200), ("chris", 403)]
)
def test_the_procedure_page_follows_the_record_permissions(
    personas: Personas, who: str, status: int
) -> None:
    procedure = EvcProcedure.objects.create(
        learner=personas.anna_record,
        provider=personas.evc_provider,
        standard="25780",
        units=[UNIT],
        state_since=timezone.localdate(),
    )
    Enrolment.objects.create(
        learner=personas.anna_record, organisation=personas.evc_provider, relation="candidate"
    )
    assert as_user(personas, who).get(f"/evc/{procedure.pk}/").status_code == status


def test_a_teacher_sees_the_phase_but_not_the_portfolio(personas: Personas) -> None:
    procedure = EvcProcedure.objects.create(
        learner=personas.anna_record,
        provider=personas.evc_provider,
        standard="25780",
        units=[UNIT],
        state_since=timezone.localdate(),
    )
    page = as_user(personas, "tess").get(f"/evc/{procedure.pk}/")
    assert page.context["show_evidence"] is False
    assert "Portfolio</h2>" not in page.content.decode()


@pytest.mark.parametrize(
    ("days", "text"),
    [
        (-3, "De termijn van deze fase is 3 dagen verstreken."),
        (-1, "De termijn van deze fase is 1 dag verstreken."),
        (5, "Nog 5 dagen voor de termijn van deze fase verloopt."),
    ],
)
def test_the_procedure_page_says_how_near_or_past_the_deadline_is(
    personas: Personas, days: int, text: str
) -> None:
    today = timezone.localdate()
    procedure = EvcProcedure.objects.create(
        learner=personas.anna_record,
        provider=personas.evc_provider,
        standard="25780",
        units=[UNIT],
        state_since=today,
        deadline=today + timedelta(days=days),
    )
    page = as_user(personas, "bram").get(f"/evc/{procedure.pk}/")
    assert page.status_code == 200
    assert text in page.content.decode()
