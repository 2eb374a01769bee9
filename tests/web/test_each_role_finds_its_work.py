"""Each demo role finds its work from its own pages: reminders that lead somewhere, the
administrator's erasure requests, the candidate's EVC procedure, a learner list that says
where each learner stands, level forms limited to the learner's units, and forms without
empty placeholders."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from opmaat.accounts.models import Organisation
from opmaat.domain.access import OrganisationKind
from opmaat.learners import services as learner_services
from opmaat.learners.models import Learner
from opmaat.progress.models import ProfessionalActivity
from opmaat.progress.services import activities_for
from opmaat.recognition import services as recognition
from opmaat.recognition.models import EvcProcedure
from tests.demo_logins import ADMIN, INTAKE, MARLOES, SANNE

pytestmark = pytest.mark.usefixtures("demo")


def logged_in(client: Client, username: str) -> Client:
    client.force_login(User.objects.get(username=username))
    return client


def test_the_intake_dashboard_reminds_of_the_overdue_procedure_and_leads_to_it(
    client: Client,
) -> None:
    page = logged_in(client, INTAKE).get("/").content.decode()
    overdue = EvcProcedure.objects.get(learner__name="Ahmed Hassan")
    assert f'href="/evc/{overdue.pk}/"' in page
    assert client.get(f"/evc/{overdue.pk}/").status_code == 200


def test_the_administrator_sees_pending_erasure_requests_on_the_dashboard(
    client: Client,
) -> None:
    sanne = Learner.objects.get(name="Sanne de Vries")
    request = learner_services.request_erasure(User.objects.get(username=SANNE), sanne)
    page = logged_in(client, ADMIN).get("/").content.decode()
    assert "Verzoeken om gegevens te wissen" in page
    assert f'href="/admin/learners/erasurerequest/{request.pk}/change/"' in page
    assert "Sanne de Vries" in page
    listed = client.get("/admin/learners/erasurerequest/?carried_out_at__isnull=True")
    assert listed.status_code == 200


def test_no_pending_erasure_no_section(client: Client) -> None:
    assert (
        "Verzoeken om gegevens te wissen" not in logged_in(client, ADMIN).get("/").content.decode()
    )


def test_the_learner_sees_her_erasure_request_is_pending(client: Client) -> None:
    logged_in(client, SANNE)
    home = client.get("/", follow=True).content.decode()
    assert 'data-erasure="pending"' not in home
    sanne = Learner.objects.get(name="Sanne de Vries")
    client.post(f"/deelnemers/{sanne.pk}/wissen/", {"reason": "", "confirm": "1"})
    home = client.get("/", follow=True).content.decode()
    assert 'data-erasure="pending"' in home
    assert "Vraag om uw gegevens te wissen" not in home


def test_the_evc_candidate_reaches_her_procedure_from_her_home_page(client: Client) -> None:
    """Once the advisor started it (the demo leaves that to `intake`)."""
    marloes = Learner.objects.get(name="Marloes Bos")
    intake = recognition.current_intake(marloes)
    assert intake is not None
    procedure = recognition.start_procedure(
        User.objects.get(username=INTAKE),
        marloes,
        Organisation.objects.get(kind=OrganisationKind.EVC_PROVIDER.value),
        intake.target,
        intake.evc_units,
    )
    home = logged_in(client, MARLOES).get("/", follow=True).content.decode()
    assert "Uw EVC-traject" in home
    assert f'href="/evc/{procedure.pk}/"' in home


def test_staff_do_not_get_the_candidates_own_evc_section(client: Client) -> None:
    marloes = Learner.objects.get(name="Marloes Bos")
    page = logged_in(client, INTAKE).get(f"/deelnemers/{marloes.pk}/").content.decode()
    assert "Uw EVC-traject" not in page


def test_the_learner_list_shows_target_phase_and_next_date(client: Client) -> None:
    page = logged_in(client, INTAKE).get("/deelnemers/?q=Sanne").content.decode()
    row = re.search(r"<tr><td><a href=\"/deelnemers/\d+/\">Sanne de Vries</a>.*?</tr>", page)
    assert row is not None
    cells = re.findall(r"<td>(.*?)</td>", row.group(0), re.DOTALL)
    assert [re.sub(r"<[^>]+>", " ", c).split()[0] for c in cells[1:4]] != ["—", "—", "—"]
    assert "Verzorgende" in cells[1]
    assert "in opleiding" in cells[2]
    assert re.search(r"\d{1,2} [a-z]+ \d{4}", cells[3])
    ahmed = logged_in(client, INTAKE).get("/deelnemers/?q=Ahmed").content.decode()
    assert "EVC: " in ahmed


def test_the_level_form_offers_only_activities_of_the_learners_units(client: Client) -> None:
    """A learner without a route is offered none of another qualification's activities
    (once SCW-ACTIVITEIT and VP-INJECTEREN for everyone)."""
    sanne = Learner.objects.get(name="Sanne de Vries")
    assert {a.code for a in activities_for(sanne)} <= {
        "BDZ-ADL",
        "BDZ-SIGNAAL",
        "VIG-ZORGPLAN",
        "VIG-MEDICATIE",
    }
    sanne.route_plans.all().delete()
    offered = {a.code for a in activities_for(sanne)}
    assert "SCW-ACTIVITEIT" not in offered and "VP-INJECTEREN" not in offered
    assert len(offered) < ProfessionalActivity.objects.count()


def test_no_level_form_without_an_activity_to_choose(client: Client) -> None:
    fatma = Learner.objects.get(name="Fatma Yılmaz")
    assert activities_for(fatma) == []
    page = logged_in(client, ADMIN).get(f"/deelnemers/{fatma.pk}/voortgang/")
    assert page.status_code == 200
    assert f'action="/deelnemers/{fatma.pk}/voortgang/niveau/"' not in page.content.decode()
    sanne = Learner.objects.get(name="Sanne de Vries")
    page = client.get(f"/deelnemers/{sanne.pk}/voortgang/")
    assert f'action="/deelnemers/{sanne.pk}/voortgang/niveau/"' in page.content.decode()


def test_the_intake_form_shows_no_dashes_for_the_employer(client: Client) -> None:
    sanne = Learner.objects.get(name="Sanne de Vries")
    page = logged_in(client, INTAKE).get(f"/deelnemers/{sanne.pk}/intake/").content.decode()
    assert "---------" not in page
    assert "geen werkgever" in page
