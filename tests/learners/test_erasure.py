"""Erasure erases. Xaviera's record touches every table that refers to a learner or to their
account; once an administrator carries out her erasure request, none of her personal values
(name, e-mail address and username, date of birth, every free text, file names and
contents, address and browser) is left in any column of any table, in the login log, in the
sessions, in the uploaded files or in the erasure ledger. What stays about her is only in
the columns the privacy sections declare as kept, which docs/privacy.md lists with their
reasons: the record as an anonymous shell, content-free log lines, and what verification
needs of issued credentials.

Every free text of hers holds the word "Quokka", as does her name; the scan looks for it
and for her other values in every table.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import models
from django.db.models.deletion import ProtectedError
from django.test import Client, RequestFactory
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from opmaat.accounts.models import ApiToken
from opmaat.accounts.people import name_and_role
from opmaat.credentials.models import IssuedCredential
from opmaat.credentials.services import do_issue_certificate, do_revoke
from opmaat.domain.progress import AssessmentMethod, AssessmentResult, SupervisionLevel
from opmaat.domain.recognition.assessment import EvidenceKind, Judgement, SessionKind
from opmaat.domain.recognition.evc import EvcState
from opmaat.domain.routes import Leerweg, Pace, RouteRequest
from opmaat.learners import services as learners
from opmaat.learners.account import ERASED_ACTOR
from opmaat.learners.models import Enrolment, ErasureRequest, Learner
from opmaat.learners.privacy import OWN_KEPT, OWN_MODELS, export_learner
from opmaat.learners.sections import privacy_sections
from opmaat.prescan import services as prescan
from opmaat.progress.models import ProfessionalActivity
from opmaat.progress.services import do_entrust, do_record_assessment, do_record_feedback
from opmaat.recognition import services as recognition
from opmaat.recognition.services import IntakeInput
from opmaat.workforce.models import Employee, EmployeeLink
from tests.factories import PASSWORD, add_holding, make_learner, make_procedure, make_round
from tests.personas import FIRST_RESULT, LAST_RESULT, Personas
from tests.recognition import files

pytestmark = pytest.mark.django_db

NAME, SURNAME = "Xaviera Quokkabloem", "Quokkabloem"
EMAIL = "x.quokka@voorbeeld.test"  # her username too: the invitation makes it so
BIRTHDAY = date(1971, 3, 17)
ADDRESS, BROWSER = "203.0.113.77", "QuokkaBrowser/9.1 (wisproef)"
MARKER = "quokka"  # in her name, address, browser and every text she or staff wrote about her
PERSONAL = (NAME, SURNAME, EMAIL, MARKER, BIRTHDAY.isoformat(), "17-03-1971", ADDRESS)
UNIT = "23312-B1-K2"  # two werkprocessen: small enough to play an EVC procedure through
W1, W2 = "23312-B1-K2-W1", "23312-B1-K2-W2"
FILE_TEXT = b"Curriculum vitae van Xaviera Quokkabloem, geboren 17-03-1971."


@dataclass(frozen=True)
class Hit:
    where: str  # "Model.field", "upload <name>" or "session <key>"
    value: str  # the personal value found


def kept_columns() -> set[str]:
    kept = {k.column for k in OWN_KEPT}
    for section in privacy_sections():
        kept |= {k.column for k in section.kept}
    return kept


def covered_models() -> list[type[models.Model]]:
    found: list[type[models.Model]] = list(OWN_MODELS)
    for section in privacy_sections():
        found += [*section.models, *section.account_models]
    return found


def filled_columns(record: Learner) -> set[str]:
    """The columns with a value in the rows still about `record`: the shell and the rows
    that refer to it (keys and the reference to the record itself aside)."""
    filled: set[str] = set()
    for model in covered_models():
        to_learner = [f.name for f in model._meta.concrete_fields if f.related_model is Learner]
        if model is not Learner and not to_learner:
            continue
        about = {"pk": record.pk} if model is Learner else {to_learner[0]: record}
        rows = model._default_manager.filter(**about)
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        for row in rows.values_list(*(f.attname for f in fields)):
            for field, value in zip(fields, row, strict=True):
                if field.name not in to_learner and value not in (None, "", 0, False, {}, []):
                    filled.add(f"{model.__name__}.{field.name}")
    return filled


def as_text(value: object) -> str:
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("latin-1")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def found_in(where: str, text: str) -> Iterator[Hit]:
    for value in PERSONAL:
        if value.lower() in text.lower():
            yield Hit(where, value)


def scan_database() -> list[Hit]:
    """Every column of every row of every table (join tables too), as text."""
    hits: list[Hit] = []
    for model in apps.get_models(include_auto_created=True):
        fields = [f for f in model._meta.concrete_fields]
        for row in model._default_manager.values_list(*(f.attname for f in fields)):
            for field, value in zip(fields, row, strict=True):
                hits += found_in(f"{model.__name__}.{field.name}", as_text(value))
    for session in Session.objects.all():
        decoded = SessionStore().decode(session.session_data)
        hits += found_in(f"session {session.session_key}", json.dumps(decoded, default=str))
    return hits


def scan_files(directory: Path) -> list[Hit]:
    hits: list[Hit] = []
    for path in directory.rglob("*"):
        hits += found_in(f"upload name {path.name}", path.name)
        if path.is_file():
            hits += found_in(f"upload {path.name}", path.read_bytes().decode("latin-1"))
    return hits


@pytest.fixture
def uploads(tmp_path: Path, settings: Settings) -> Path:
    """The upload directory, and beside it the erasure ledger (opmaat.backup.ledger)."""
    settings.UPLOAD_DIR = tmp_path / "uploads"
    settings.ERASURE_LEDGER = tmp_path / "erasure-ledger.jsonl"
    settings.AXES_ENABLE_ACCESS_FAILURE_LOG = True  # the failures log too, not only the counts
    return Path(settings.UPLOAD_DIR)


def log_in(client: Client, username: str, password: str) -> None:
    client.post(
        "/inloggen/",
        {"username": username, "password": password},
        REMOTE_ADDR=ADDRESS,
        HTTP_USER_AGENT=BROWSER,
    )


def xaviera_everywhere(cast: Personas, client: Client) -> Learner:
    """Xaviera: a student at ROC Noord and an employee of Zorggroep Zuid with an account,
    logins, consent, holdings, a route, an intake, an EVC procedure played through with a
    file (and a piece of evidence taken out again), a kept pre-scan, progress, a revoked
    and a valid certificate, an API token, the admin's history, an export and an erasure
    request."""
    bram, dirk, eva, gijs, tess = cast.bram, cast.dirk, cast.eva, cast.gijs, cast.tess
    record = make_learner(
        bram,
        cast.school,
        NAME,
        email=EMAIL,
        date_of_birth=BIRTHDAY,
        background="Quokka: twintig jaar horeca",
    )
    Enrolment.objects.create(
        learner=record, organisation=cast.employer, relation=Enrolment.Relation.EMPLOYEE
    )
    learners.invite_learner(bram, record, RequestFactory().get("/"))
    xaviera = User.objects.get(username=EMAIL)
    xaviera.set_password(PASSWORD)
    xaviera.save()
    log_in(client, EMAIL, "verkeerd")
    log_in(client, EMAIL, PASSWORD)
    client.logout()
    log_in(client, EMAIL.upper(), "weer verkeerd")
    record = Learner.objects.get(pk=record.pk)
    learners.grant_consent(xaviera, record, cast.employer)
    learners.update_learner(bram, record, {"background": "Quokka: nu in de zorg"})

    add_holding(bram, record, "VMBO-GT", evidence="Quokka cijferlijst 1988")
    add_holding(eva, record, "NL-2F", "exemption", "Quokka taaltoets")
    start = date(2027, 2, 1)
    week = RouteRequest("25656", start, None, Leerweg.BBL, Pace.NORMAL, work_hours_per_week=28)
    learners.save_route(bram, record, week, "Quokka wil snel klaar zijn")
    intake = IntakeInput(
        goal="Quokka wil verzorgende worden",
        request=week,
        work_setting="Quokka werkt op een woongroep",
        employer=cast.employer,
        motivation="Quokka motivatie",
        support_needs="Quokka dyslexie",
    )
    recognition.save_intake(bram, record, intake)

    procedure = make_procedure(bram, record, cast.evc_provider, "25780", [UNIT])
    recognition.move(bram, procedure, EvcState.PORTFOLIO, "Quokka start het portfolio")
    item = recognition.add_evidence(
        xaviera,
        procedure,
        EvidenceKind.REFLECTION,
        "Quokka reflectieverslag",
        [W1, W2],
        text="Quokka schrijft over haar werk",
        upload=files.upload("cv-quokkabloem.txt", FILE_TEXT, "text/plain"),
    )
    spare = recognition.add_evidence(
        xaviera, procedure, EvidenceKind.WORK_SAMPLE, "Quokka werkplan", [W1], text="Quokka dubbel"
    )
    recognition.remove_evidence(xaviera, spare)
    recognition.move(xaviera, procedure, EvcState.ASSESSMENT, "Quokka dient in")
    recognition.judge(dirk, procedure, W1, Judgement.MET, "Quokka toont het aan", [item.pk])
    recognition.judge(dirk, procedure, W2, Judgement.MET, "Quokka ook hier", [item.pk])
    today = timezone.localdate()
    recognition.record_session(
        dirk, procedure, SessionKind.INTERVIEW, today, [W1], "Quokka vertelt over haar dochter"
    )
    recognition.move(dirk, procedure, EvcState.REPORT)
    recognition.issue_certificate(dirk, procedure)
    recognition.move(dirk, procedure, EvcState.DECISION)
    recognition.decide(eva, procedure, [UNIT], [], "Quokka: volledig")

    scan = prescan.do_store_prescan("25779", ["25780"], {}, other="Quokka deed vrijwilligerswerk")
    prescan.do_attach_prescan(xaviera, scan)

    do_record_feedback(tess, record, FIRST_RESULT, "Quokka deed het goed", today)
    for code in (FIRST_RESULT, LAST_RESULT):
        method, result = AssessmentMethod.PRACTICAL_TEST, AssessmentResult.MET
        do_record_assessment(tess, record, code, method, result, today, "Quokka proeve")
    activity = ProfessionalActivity.objects.create(
        code="T-ADL", title="ADL-zorg", unit_code="23268-B1-K1-1"
    )
    do_entrust(gijs, record, activity, SupervisionLevel.DIRECT, today, "Quokka onder toezicht")
    first = do_issue_certificate(eva, record, "C0054")
    do_revoke(eva, first, "issued_in_error", "Quokka: uitgegeven op de verkeerde datum")
    do_issue_certificate(eva, record, "C0054")

    staff = Employee.objects.create(
        organisation=cast.employer, personnel_number="4711", name="Medewerker 4711"
    )
    EmployeeLink.objects.create(employee=staff, learner=record)
    ApiToken.issue(xaviera, "Quokka telefoon")
    history = RequestFactory().post("/admin/")
    history.user = cast.otto
    admin.site._registry[Learner].log_change(history, record, "Quokka gecontroleerd")
    admin.site._registry[User].log_change(history, xaviera, "Quokka gecontroleerd")
    make_round(cast.hanna, cast.region)
    export_learner(xaviera, record)
    learners.request_erasure(xaviera, record, "Quokka verhuist naar het buitenland")
    return Learner.objects.get(pk=record.pk)


def counts() -> dict[str, int]:
    return {m._meta.label: m._default_manager.count() for m in covered_models()}


def carry_out_in_the_admin(
    client: Client,
    cast: Personas,
    record: Learner,
    capture: DjangoCaptureOnCommitCallbacks,
) -> None:
    request = ErasureRequest.objects.get(learner=record)
    client.force_login(cast.otto)
    with capture(execute=True):
        response = client.post(
            "/admin/learners/erasurerequest/",
            {
                "action": "carry_out",
                "_selected_action": [str(request.pk)],
                "index": "0",
                "confirm": "1",
            },
        )
    assert response.status_code == 302
    client.logout()


def test_after_erasure_no_personal_value_survives_and_only_kept_columns_are_filled(
    client: Client,
    personas: Personas,
    uploads: Path,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    before = counts()
    record = xaviera_everywhere(personas, client)
    untouched = {label for label, n in counts().items() if n <= before[label]}
    assert untouched == set()  # she has a row in every table that may hold her data
    assert scan_files(uploads)
    found = {h.where for h in scan_database()}
    assert {"Learner.name", "AuditEvent.actor_label", "AccessLog.user_agent"} <= found
    assert {"Evidence.original_name", "ErasureRequest.reason", "LogEntry.object_repr"} <= found

    carry_out_in_the_admin(client, personas, record, django_capture_on_commit_callbacks)

    hits = scan_database() + scan_files(uploads.parent)  # uploads and ledger
    left = sorted({f"{h.where}: {h.value}" for h in hits})
    assert not left, "still there after erasure:\n" + "\n".join(left)
    assert filled_columns(record) <= kept_columns()


def test_the_shell_and_its_log_say_only_that_something_happened(
    client: Client,
    personas: Personas,
    uploads: Path,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    record = xaviera_everywhere(personas, client)
    actions = list(record.audit_events.order_by("id").values_list("action", flat=True))
    carry_out_in_the_admin(client, personas, record, django_capture_on_commit_callbacks)
    record.refresh_from_db()
    assert record.name == f"Gewiste deelnemer {record.pk}" and record.erased_at is not None
    events = list(record.audit_events.order_by("id"))
    assert [e.action for e in events] == [*actions, "learner.erased"]
    assert {e.summary for e in events[:-1]} == {learners.ERASED_SUMMARY}
    assert all(e.changes == {} for e in events)
    labels = {e.actor_label for e in events}
    staff = (personas.bram, personas.dirk, personas.eva, personas.gijs, personas.tess)
    names = {name_and_role(p) for p in (*staff, personas.otto)}
    assert labels == {*names, ERASED_ACTOR}  # staff by name and role, Xaviera as deelnemer
    request = record.erasure_requests.get()
    assert request.reason == "" and request.carried_out_at == record.erased_at
    for model in (AccessLog, AccessAttempt, AccessFailureLog):
        assert not model.objects.filter(ip_address=ADDRESS).exists(), model
    assert not LogEntry.objects.exclude(object_repr__in=["", record.name]).exists()


def test_issued_credentials_keep_only_what_verification_needs(
    client: Client,
    personas: Personas,
    uploads: Path,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    record = xaviera_everywhere(personas, client)
    carry_out_in_the_admin(client, personas, record, django_capture_on_commit_callbacks)
    revoked, valid = IssuedCredential.objects.filter(learner=record).order_by("id")
    for credential in (revoked, valid):
        assert (credential.holder_name, credential.document) == ("", {})
        assert credential.code == "C0054" and credential.erased_at is not None
    assert revoked.revoked_at is not None and revoked.revocation_note == ""
    assert revoked.revocation_category == "issued_in_error"


def test_every_kept_column_is_listed_with_its_reason_in_the_privacy_doc() -> None:
    doc = (Path(__file__).parents[2] / "docs/privacy.md").read_text()
    section = doc.split("### What erasure keeps", 1)[1].split("\n## ", 1)[0]
    listed = set(re.findall(r"^\| `([A-Za-z]+\.[a-z_0-9]+)` \| \S", section, re.MULTILINE))
    assert listed == kept_columns()


def test_erasing_twice_changes_nothing(personas: Personas) -> None:
    record = make_learner(personas.bram, personas.school, NAME)
    assert learners.erase_learner(personas.otto, record)
    assert not learners.erase_learner(personas.otto, Learner.objects.get(pk=record.pk))
    assert record.audit_events.filter(action="learner.erased").count() == 1


def test_the_admin_erases_learners_and_never_deletes_them(
    client: Client, personas: Personas
) -> None:
    anna = personas.anna_record
    client.force_login(personas.otto)
    assert client.get(f"/admin/learners/learner/{anna.pk}/delete/").status_code == 403
    response = client.post(
        "/admin/learners/learner/",
        {"action": "delete_selected", "_selected_action": [str(anna.pk)], "index": "0"},
    )
    assert Learner.objects.filter(pk=anna.pk, erased_at__isnull=True).exists()
    action = {"action": "erase_selected", "_selected_action": [str(anna.pk)], "index": "0"}
    asked = client.post("/admin/learners/learner/", action)
    assert asked.status_code == 200 and "Anna de Wit" in asked.content.decode()
    assert Learner.objects.filter(pk=anna.pk, erased_at__isnull=True).exists()  # not yet
    response = client.post("/admin/learners/learner/", {**action, "confirm": "1"})
    assert response.status_code == 302
    erased = Learner.objects.get(pk=anna.pk)
    assert erased.erased_at is not None and erased.name == f"Gewiste deelnemer {anna.pk}"
    assert erased.audit_events.filter(action="learner.erased", actor=personas.otto).exists()
    assert not User.objects.filter(username="anna").exists()


def test_a_learners_account_is_deleted_only_by_erasure(client: Client, personas: Personas) -> None:
    with pytest.raises(ProtectedError):
        personas.anna.delete()
    client.force_login(personas.otto)
    client.post(f"/admin/auth/user/{personas.anna.pk}/delete/", {"post": "yes"})
    assert User.objects.filter(pk=personas.anna.pk).exists()
    assert Learner.objects.get(pk=personas.anna_record.pk).name == "Anna de Wit"
