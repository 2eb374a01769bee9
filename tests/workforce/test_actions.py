"""Recording authorisations, deciding proposals and saving a carved function: who may, and
that each leaves its audit line (who, when, on what evidence)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client

from opmaat.domain.workforce.model import Evidence
from opmaat.workforce import services
from opmaat.workforce.models import Act, Authorisation, CareFunction, Proposal, WorkforceEvent
from tests.factories import add_holding
from tests.workforce.cast import Workforce

pytestmark = pytest.mark.django_db


def form(workforce: Workforce, **fields: str) -> dict[str, str]:
    act = Act.objects.get(organisation=workforce.zuid, code="MEDICATIE")
    return {
        "act": str(act.pk),
        "granted_on": "2026-11-02",
        "evidence": "test",
        "note": "Theorie- en praktijktoets medicatie",
        **fields,
    }


def test_a_designated_signer_records_an_authorisation_that_is_audited(
    client: Client, workforce: Workforce
) -> None:
    client.force_login(workforce.lars)
    url = f"/personeel/medewerker/{workforce.anna.pk}/bekwaamheid/"
    assert client.post(url, form(workforce)).status_code == 302
    row = Authorisation.objects.get(employee=workforce.anna)
    # The act's own validity (24 months) when none is given: through the day before.
    assert (row.granted_on, row.valid_until) == (date(2026, 11, 2), date(2028, 11, 1))
    assert row.signed_by == workforce.lars and row.evidence == "test"
    event = WorkforceEvent.objects.get(action="authorisation", employee=workforce.anna)
    assert event.actor == workforce.lars
    assert event.changes["evidence"] == "test" and "medicatie" in event.changes["note"]


def test_hr_that_is_not_designated_cannot_sign(client: Client, workforce: Workforce) -> None:
    client.force_login(workforce.cast.fleur)
    url = f"/personeel/medewerker/{workforce.anna.pk}/bekwaamheid/"
    assert client.post(url, form(workforce)).status_code == 403
    assert not Authorisation.objects.exists()


def test_a_signer_cannot_sign_for_a_team_they_do_not_see(
    client: Client, workforce: Workforce
) -> None:
    client.force_login(workforce.lars)
    url = f"/personeel/medewerker/{workforce.kees.pk}/bekwaamheid/"
    assert client.post(url, form(workforce)).status_code == 404


def test_an_authorisation_ending_before_it_starts_is_refused_and_nothing_is_written(
    client: Client, workforce: Workforce
) -> None:
    client.force_login(workforce.lars)
    url = f"/personeel/medewerker/{workforce.anna.pk}/bekwaamheid/"
    response = client.post(url, form(workforce, valid_until="2026-01-01"))
    assert response.status_code == 400
    assert (
        not Authorisation.objects.exists()
        and not WorkforceEvent.objects.filter(action="authorisation").exists()
    )


def test_an_authorisation_makes_the_task_alone_and_expiry_takes_it_away(
    workforce: Workforce,
) -> None:
    act = Act.objects.get(organisation=workforce.zuid, code="MEDICATIE")
    today = services.today()
    kees = workforce.kees
    assert services.deployability_of(kees).status_of("MED") != "alone"
    services.do_record_authorisation(
        workforce.lars, kees, act, today - timedelta(days=10), Evidence.TEST, valid_until=today
    )
    assert services.deployability_of(kees).status_of("MED") == "alone"
    assert services.deployability_of(kees, today + timedelta(days=1)).status_of("MED") != "alone"
    [(who, expiry)] = services.expiring_for(workforce.zuid)
    assert who == kees and expiry.valid_until == today


def test_hr_accepts_a_proposal_the_rules_made_and_the_employee_changes_function(
    client: Client, workforce: Workforce
) -> None:
    """Anna (Zorghulp) holds the certificate C0054, which completes the heavier unit
    23268-B1-K1-1: the rule proposes the function VIG."""
    add_holding(workforce.cast.bram, workforce.cast.anna_record, "C0054")
    assert services.do_refresh_proposals(workforce.zuid) == 1
    assert services.do_refresh_proposals(workforce.zuid) == 0  # never proposed twice
    proposal = Proposal.objects.get(employee=workforce.anna)
    assert (proposal.unit, proposal.consequence, proposal.function) == (
        "23268-B1-K1-1",
        "new_function",
        "VIG",
    )
    for outsider in (workforce.mira, workforce.lars):
        client.force_login(outsider)
        assert (
            client.post(f"/personeel/voorstel/{proposal.pk}/", {"decision": "accept"}).status_code
            == 404
        )
    client.force_login(workforce.cast.fleur)
    client.post(
        f"/personeel/voorstel/{proposal.pk}/", {"decision": "accept", "note": "per 1 januari"}
    )
    proposal.refresh_from_db()
    workforce.anna.refresh_from_db()
    assert proposal.state == "accepted" and proposal.decided_by == workforce.cast.fleur
    assert workforce.anna.function == "VIG"
    event = WorkforceEvent.objects.get(action="proposal")
    assert event.actor == workforce.cast.fleur and event.changes["note"] == "per 1 januari"


def test_a_declined_proposal_changes_nothing_but_its_state(
    client: Client, workforce: Workforce
) -> None:
    add_holding(workforce.cast.bram, workforce.cast.anna_record, "C0054")
    services.do_refresh_proposals(workforce.zuid)
    proposal = Proposal.objects.get(employee=workforce.anna)
    client.force_login(workforce.cast.fleur)
    client.post(f"/personeel/voorstel/{proposal.pk}/", {"decision": "decline"})
    workforce.anna.refresh_from_db()
    assert Proposal.objects.get(pk=proposal.pk).state == "declined"
    assert workforce.anna.function == "HULP"


def test_hr_saves_a_carved_function_as_a_draft(client: Client, workforce: Workforce) -> None:
    client.force_login(workforce.cast.fleur)
    query = {"source": "VIG", "tasks": ["ADL"], "code": "HIO", "name": "Helpende in opleiding"}
    url = f"/personeel/{workforce.zuid.pk}/jobcarving/"
    page = client.get(url, query).content.decode()
    assert "Kees Kok" in page  # holds 25656, so qualifies already
    assert client.post(url, query).status_code == 302
    saved = CareFunction.objects.get(organisation=workforce.zuid, code="HIO")
    assert saved.draft and saved.tasks == ["ADL"] and saved.qualification == ""
    assert "23268-B1-K1-W4" in saved.werkprocessen
    assert WorkforceEvent.objects.filter(action="draft_function").exists()


def test_a_signer_revokes_an_authorisation_and_the_task_is_no_longer_alone(
    client: Client, workforce: Workforce
) -> None:
    act = Act.objects.get(organisation=workforce.zuid, code="MEDICATIE")
    today = services.today()
    row = services.do_record_authorisation(
        workforce.lars, workforce.anna, act, today, Evidence.TEST
    )
    for refused, status in ((workforce.cast.fleur, 403), (workforce.mira, 404)):
        client.force_login(refused)
        assert client.post(f"/personeel/bekwaamheid/{row.pk}/intrekken/").status_code == status
    client.force_login(workforce.lars)
    response = client.post(
        f"/personeel/bekwaamheid/{row.pk}/intrekken/", {"note": "toets verlopen"}
    )
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.revoked_at is not None
    assert services.authorisations_of(workforce.anna) == ()
    event = WorkforceEvent.objects.get(action="revoke_authorisation")
    assert event.actor == workforce.lars and event.changes["note"] == "toets verlopen"


def test_hr_asks_for_new_proposals_and_the_request_is_audited(
    client: Client, workforce: Workforce
) -> None:
    add_holding(workforce.cast.bram, workforce.cast.anna_record, "C0054")
    url = f"/personeel/{workforce.zuid.pk}/voorstellen/bijwerken/"
    client.force_login(workforce.lars)
    assert client.post(url).status_code == 404
    client.force_login(workforce.cast.fleur)
    assert client.post(url).status_code == 302
    assert Proposal.objects.filter(employee=workforce.anna, state="pending").count() == 1
    assert WorkforceEvent.objects.filter(action="proposals", actor=workforce.cast.fleur).exists()
