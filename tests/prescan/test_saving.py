"""Keeping a scan on a record: Anna keeps hers (audited), sees it on her page, and so does
her advisor Bram; Joost, another learner, gets 404 for it; staff cannot keep a scan."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from opmaat.learners.models import AuditEvent
from opmaat.learners.services import erase_learner
from opmaat.prescan import services
from opmaat.prescan.models import SavedPrescan
from tests.personas import Personas
from tests.prescan.conftest import HELD, TARGET, login, scan_form

pytestmark = pytest.mark.django_db


def anonymous_scan(client: Client) -> SavedPrescan:
    response = client.post("/vrijstellingsscan/", scan_form(have=[HELD], other="havo 2010"))
    assert response.status_code == 302
    return SavedPrescan.objects.get(token=response["Location"].split("/")[-2])


def kept_by_anna(client: Client, personas: Personas) -> SavedPrescan:
    scan = anonymous_scan(client)
    login(client, personas.anna)
    response = client.post(f"/vrijstellingsscan/{scan.token}/bewaren/")
    assert response.status_code == 302
    assert response["Location"] == f"/deelnemers/{personas.anna_record.pk}/vrijstellingsscans/"
    scan.refresh_from_db()
    return scan


def test_anna_keeps_her_scan_and_the_keeping_is_audited(client: Client, personas: Personas) -> None:
    scan = kept_by_anna(client, personas)
    assert scan.learner == personas.anna_record and scan.saved_by == personas.anna
    event = AuditEvent.objects.get(learner=personas.anna_record, action="prescan.saved")
    assert TARGET in event.summary
    page = client.get(f"/deelnemers/{personas.anna_record.pk}/vrijstellingsscans/").content.decode()
    assert scan.token in page and "havo 2010" in page


def test_the_result_page_offers_keeping_only_to_a_learner(
    client: Client, personas: Personas
) -> None:
    scan = anonymous_scan(client)
    url = f"/vrijstellingsscan/{scan.token}/"
    assert "inloggen" in client.get(url).content.decode().lower()
    login(client, personas.anna)
    assert "Bewaar in mijn dossier" in client.get(url).content.decode()
    login(client, personas.bram)
    assert "Bewaar in mijn dossier" not in client.get(url).content.decode()
    assert client.post(f"{url}bewaren/").status_code == 403


def test_her_advisor_sees_the_kept_scan_and_another_learner_gets_404(
    client: Client, personas: Personas
) -> None:
    scan = kept_by_anna(client, personas)
    login(client, personas.bram)
    assert client.get(f"/vrijstellingsscan/{scan.token}/").status_code == 200
    assert (
        client.get(f"/deelnemers/{personas.anna_record.pk}/vrijstellingsscans/").status_code == 200
    )
    login(client, personas.joost)
    assert client.get(f"/vrijstellingsscan/{scan.token}/").status_code == 404
    assert (
        client.get(f"/deelnemers/{personas.anna_record.pk}/vrijstellingsscans/").status_code == 403
    )
    assert client.post(f"/vrijstellingsscan/{scan.token}/bewaren/").status_code == 404
    client.logout()
    assert client.get(f"/vrijstellingsscan/{scan.token}/").status_code == 404


def test_keeping_twice_changes_nothing(client: Client, personas: Personas) -> None:
    scan = kept_by_anna(client, personas)
    client.post(f"/vrijstellingsscan/{scan.token}/bewaren/")
    assert AuditEvent.objects.filter(action="prescan.saved").count() == 1


def test_purging_removes_old_unkept_scans_only(client: Client, personas: Personas) -> None:
    kept = kept_by_anna(client, personas)
    old, fresh = anonymous_scan(client), anonymous_scan(client)
    long_ago = timezone.now() - timedelta(days=100)
    SavedPrescan.objects.filter(pk__in=[old.pk, kept.pk]).update(created_at=long_ago)
    call_command("purge_prescans", "--older-than", "90")
    assert set(SavedPrescan.objects.all()) == {kept, fresh}


def test_erasing_the_learner_removes_her_kept_scans(client: Client, personas: Personas) -> None:
    kept_by_anna(client, personas)
    erase_learner(personas.otto, personas.anna_record)
    assert not services.scans_of(personas.anna_record).exists()


def test_her_download_lists_the_kept_scan(client: Client, personas: Personas) -> None:
    kept_by_anna(client, personas)
    document = client.get(f"/deelnemers/{personas.anna_record.pk}/gegevens.json").json()
    kept = document["prescans"]
    assert [s["target"] for s in kept] == [TARGET]
    assert (kept[0]["other"], kept[0]["pathway"]) == ("havo 2010", "BOL")
    assert kept[0]["result"]["months_remaining"] > 0
