"""The progress API: per unit of the route target its werkprocessen and grounds, and how many
of the target's werkprocessen are met, each counted once."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from opmaat.accounts.models import ApiToken
from opmaat.learners.models import Learner
from tests.demo_logins import TEACHER
from tests.personas import Personas

pytestmark = pytest.mark.django_db


def bearer(who: str) -> dict[str, str]:
    _, key = ApiToken.issue(User.objects.get(username=who), "test")
    return {"Authorization": f"Bearer {key}"}


def test_the_teacher_reads_the_targets_werkprocessen_with_their_grounds(
    client: Client, sanne: Learner
) -> None:
    body = client.get(f"/api/progress/learners/{sanne.pk}", headers=bearer(TEACHER)).json()
    assert body["target"] == "25656"
    assert body["werkprocessen"] == {"met": 2, "total": 11}
    units = {u["code"]: u for u in body["units"]}
    first = units["23268-B1-K1-1"]
    assert [o["code"] for o in first["outcomes"]] == ["23268-B1-K1-W1", "23268-B1-K1-W4"]
    assert first["missing"] == ["23268-B1-K1-W4"] and not first["complete"]
    assert units["NL-2F"]["complete"]  # exempt
    assert {e["activity"] for e in body["entrustments"]} >= {"BDZ-ADL", "VIG-MEDICATIE"}


@pytest.mark.parametrize(("who", "status"), [("tess", 200), ("dirk", 403), ("chris", 403)])
def test_annas_teacher_reads_her_progress_and_outsiders_get_none(
    client: Client, anna_in_training: Personas, who: str, status: int
) -> None:
    anna = anna_in_training.anna_record
    headers = bearer(anna_in_training.by_name(who).username)
    response = client.get(f"/api/progress/learners/{anna.pk}", headers=headers)
    assert response.status_code == status
