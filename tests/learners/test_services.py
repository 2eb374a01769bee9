"""Changes to a learner's record: checked, written together, and audited."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from pytest_django import DjangoCaptureOnCommitCallbacks as CaptureCallbacks

from opmaat.accounts.mail import wait_until_sent
from opmaat.accounts.models import Membership, Organisation
from opmaat.domain.errors import DomainError, InvalidInput, UnknownCode
from opmaat.domain.routes import Leerweg, Pace, RouteRequest
from opmaat.learners import services
from opmaat.learners.access import permissions, visible_learners
from opmaat.learners.models import AuditEvent, Holding, Learner
from opmaat.learners.privacy import export_learner
from opmaat.messages import message
from tests.demo_logins import ADMIN, EXAM_BOARD, INTAKE, SANNE, TEACHER
from tests.errors import refused

pytestmark = pytest.mark.usefixtures("demo")


def user(name: str) -> User:
    return User.objects.get(username=name)


def learner(name: str) -> Learner:
    return Learner.objects.get(name=name)


def test_every_change_is_audited_with_who_and_what() -> None:
    sanne = learner("Sanne de Vries")
    before = sanne.audit_events.count()
    services.add_holding(user(INTAKE), sanne, "nl-3f", "held", "Havo-cijferlijst")
    event = sanne.audit_events.first()
    assert sanne.audit_events.count() == before + 1
    assert event is not None and event.actor == user(INTAKE)
    assert event.actor_label == "Karin de Graaf (intakeadviseur)"  # by name, not username
    assert event.action == "holding.added"
    assert event.changes == {
        "code": "NL-3F",
        "kind": "held",
        "evidence": "Havo-cijferlijst",
        "source": "manual",
    }


def test_an_outcome_code_is_recorded_as_an_outcome_whatever_the_form_said() -> None:
    board = user(EXAM_BOARD)
    holding = services.add_holding(board, learner("Tom de Boer"), "23189-B1-K1-W1", "held")
    assert holding.kind == Holding.Kind.OUTCOME


def test_a_qualification_cannot_be_an_exemption_and_unknown_codes_name_the_closest() -> None:
    with refused(InvalidInput, "qualification_exemption"):
        services.add_holding(user(INTAKE), learner("Tom de Boer"), "25498", "exemption")
    with pytest.raises(UnknownCode) as raised:
        services.add_holding(user(INTAKE), learner("Tom de Boer"), "25489x", "held")
    assert raised.value.code == "unknown_code" and "25498" in raised.value.closest


def test_a_teacher_may_not_change_holdings() -> None:
    with pytest.raises(PermissionDenied):
        services.add_holding(user(TEACHER), learner("Tom de Boer"), "NL-2F", "exemption")
    assert not learner("Tom de Boer").holdings.filter(code="NL-2F").exists()


def test_saving_a_route_adds_a_version_and_records_what_changed() -> None:
    tom = learner("Tom de Boer")
    first = services.current_route(tom)
    assert first is not None
    request = RouteRequest("25960", first.start, 32, Leerweg.BOL, Pace.FASTER)
    plan = services.save_route(user(INTAKE), tom, request, "Wil sneller")
    assert plan.version == first.version + 1
    assert tom.route_plans.count() == 2
    event = tom.audit_events.first()
    assert event is not None and event.action == "route.saved"
    assert event.changes["pace"] == ["normal", "faster"]
    assert event.changes["hours_per_week"] == [40, 32]
    assert "target" not in event.changes
    assert plan.document["hours_per_week"] == 40  # 32 at the faster pace


def test_a_route_is_not_saved_to_a_target_the_learner_may_not_start() -> None:
    tom = learner("Tom de Boer")  # holds an Entree diploma
    request = RouteRequest("25741", date(2027, 8, 30), None, Leerweg.BOL)
    with pytest.raises(services.TargetNotOpen) as refused:
        services.save_route(user(INTAKE), tom, request)
    assert refused.value.data["rule"] == "entree"
    assert "niveau 2" in message(refused.value)
    assert tom.route_plans.count() == 1


def test_replanning_keeps_the_saved_week() -> None:
    sanne = learner("Sanne de Vries")
    first = services.current_route(sanne)
    assert first is not None and first.work_hours_per_week == 28
    plan = services.replan(user(EXAM_BOARD), sanne, "Na besluit")
    assert plan is not None
    assert (plan.pathway, plan.work_hours_per_week, plan.hours_per_week) == ("BBL", 28, 8)


def test_holdings_shorten_the_saved_route() -> None:
    eva = learner("Eva Peters")  # exempted from the dienstverlenende kerntaak of Helpende Z&W
    plan = services.current_route(eva)
    assert plan is not None
    assert {"23385-B1-K1-1", "23385-B1-K1-2", "23385-B1-K1-3"} <= set(
        plan.document["covered_units"]
    )


def test_consent_opens_and_withdrawal_closes_the_record_to_the_employer() -> None:
    kevin, hr_linde = learner("Kevin Bakker"), User.objects.create_user("hr-linde")
    linde = Organisation.objects.get(name="Thuiszorg De Linde (demo)")
    Membership.objects.create(user=hr_linde, organisation=linde, role="employer_hr")
    assert kevin in visible_learners(hr_linde)  # Kevin consented in the demo
    services.withdraw_consent(user(ADMIN), kevin, linde)
    hr_linde = User.objects.get(pk=hr_linde.pk)  # the actor is cached per user object
    assert kevin not in visible_learners(hr_linde)
    assert not permissions(hr_linde, kevin)
    assert kevin.audit_events.filter(action="consent.withdrawn").exists()


def test_export_holds_everything_about_the_learner() -> None:
    sanne = learner("Sanne de Vries")
    document = export_learner(user(SANNE), sanne)
    assert document["format"] == "opmaat-learner-export/1"
    assert document["learner"]["name"] == "Sanne de Vries"  # type: ignore[index]  # JSON, typed object
    account = document["account"]
    assert isinstance(account, dict)
    assert (account["username"], account["email"]) == (SANNE, sanne.email)
    assert {"logins", "failed_logins", "failures_counting"} <= set(account)
    holdings = document["holdings"]
    assert isinstance(holdings, list) and {h["code"] for h in holdings} == {"NL-2F", "VMBO-GT"}
    assert document["routes"] and document["audit"] and document["consents"]


def test_only_the_learner_or_an_admin_may_export() -> None:
    with pytest.raises(PermissionDenied):
        export_learner(user(INTAKE), learner("Sanne de Vries"))


def test_erasure_removes_personal_data_and_keeps_an_anonymous_trail() -> None:
    sanne = learner("Sanne de Vries")
    services.request_erasure(user(SANNE), sanne, "Ik stop")
    services.erase_learner(user(ADMIN), sanne)
    sanne.refresh_from_db()
    assert sanne.name == f"Gewiste deelnemer {sanne.pk}"
    assert (sanne.email, sanne.background, sanne.date_of_birth, sanne.user) == ("", "", None, None)
    assert not sanne.holdings.exists() and not sanne.route_plans.exists()
    assert not sanne.enrolments.exists() and not sanne.consents.exists()
    assert not User.objects.filter(username=SANNE).exists()
    assert all(e.changes == {} for e in sanne.audit_events.exclude(action="learner.erased"))
    assert sanne.erasure_requests.get().carried_out_at is not None
    assert sanne not in visible_learners(user(INTAKE))


def test_only_an_admin_may_erase() -> None:
    with pytest.raises(PermissionDenied):
        services.erase_learner(user(INTAKE), learner("Sanne de Vries"))


def test_personal_data_changes_record_old_and_new_values() -> None:
    tom = learner("Tom de Boer")
    services.update_learner(user(INTAKE), tom, {"date_of_birth": date(1999, 5, 1)})
    event = AuditEvent.objects.filter(learner=tom, action="learner.updated").get()
    assert event.changes == {"date_of_birth": [None, "1999-05-01"]}


def test_an_invitation_creates_an_account_without_a_password_and_mails_a_link(
    rf: RequestFactory, django_capture_on_commit_callbacks: CaptureCallbacks
) -> None:
    tom = learner("Tom de Boer")
    services.update_learner(user(INTAKE), tom, {"email": "tom@example.nl"})
    with django_capture_on_commit_callbacks() as after_commit:
        account = services.invite_learner(user(INTAKE), tom, rf.get("/", HTTP_HOST="localhost"))
    assert account.username == "tom@example.nl" and not account.has_usable_password()
    assert Learner.objects.get(pk=tom.pk).user == account
    assert mail.outbox == []  # the link leaves once the account is committed
    for callback in after_commit:
        callback()
    assert wait_until_sent(timeout=10)
    assert len(mail.outbox) == 1 and "/wachtwoord/nieuw/" in mail.outbox[0].body
    assert tom.audit_events.filter(action="learner.invited").exists()


def test_no_invitation_without_an_address_or_for_an_existing_account(rf: RequestFactory) -> None:
    request = rf.get("/", HTTP_HOST="localhost")
    with refused(DomainError, "cannot_invite", problem="no_email"):
        services.invite_learner(user(INTAKE), learner("Tom de Boer"), request)
    with refused(DomainError, "cannot_invite", problem="has_account"):
        services.invite_learner(user(ADMIN), learner("Sanne de Vries"), request)
