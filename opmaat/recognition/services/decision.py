"""The ervaringscertificaat, and the exam board's decisions that turn it into exemptions."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from opmaat.accounts.people import display_name
from opmaat.catalog.cache import current_catalog
from opmaat.domain.access import Action
from opmaat.domain.errors import Required
from opmaat.domain.recognition import grants
from opmaat.domain.recognition.certificate import (
    certificate_document,
    certificate_from_document,
    check_grant,
    draw_up,
)
from opmaat.domain.recognition.errors import NoCertificateYet
from opmaat.domain.recognition.evc import EvcState
from opmaat.domain.recognition.grants import Source
from opmaat.learners import services as learners
from opmaat.learners.models import Holding, Learner
from opmaat.recognition.access import require_on
from opmaat.recognition.models import Certificate, Decision, EvcProcedure
from opmaat.recognition.services.procedure import (
    check_version,
    current_certificate,
    current_decision,
    lock,
    move,
    recognition_of,
    require_state,
    touch,
)


@transaction.atomic
def issue_certificate(
    actor: User, procedure: EvcProcedure, based_on: int | None = None
) -> Certificate:
    """The ervaringscertificaat for the finished assessment: who, by whom, when, against
    which standard, and which units and werkprocessen were recognised. `based_on`: the
    version the assessor saw (check_version)."""
    require_on(actor, Action.ASSESS, procedure)
    procedure = lock(procedure)
    check_version(procedure, based_on)
    require_state(procedure, EvcState.REPORT)
    catalog = current_catalog()
    today = timezone.localdate()
    count = procedure.certificates.count()
    number = f"EVC-{today.year}-{procedure.pk:05d}-{count + 1}"
    learner = procedure.learner
    cert = draw_up(
        catalog,
        number=number,
        person=learner.name,
        date_of_birth=learner.date_of_birth,
        provider=procedure.provider.name,
        assessor=display_name(actor),
        issued=today,
        standard=procedure.standard,
        recognition=recognition_of(procedure),
    )
    certificate = Certificate.objects.create(
        procedure=procedure,
        number=number,
        document=certificate_document(catalog, cert),
        issued_by=actor,
    )
    touch(procedure)
    learners.audit(
        actor,
        learner,
        "evc.certificate",
        f"Ervaringscertificaat {number} opgesteld",
        {
            "procedure": procedure.pk,
            "units": list(cert.units),
            "outcomes": list(cert.outcomes),
            "werkprocessen": list(cert.werkprocessen),
        },
    )
    return certificate


@transaction.atomic
def decide(
    actor: User,
    procedure: EvcProcedure,
    units: Sequence[str],
    werkprocessen: Sequence[str],
    rationale: str,
    based_on: int | None = None,
) -> Decision:
    """The exam board's decision on the latest ervaringscertificaat.

    0. It must be based on the procedure as it is now (`based_on`, the version the member
       saw; check_version): of two members deciding at once, the second is refused with
       ChangedMeanwhile and nothing of theirs is written.
    1. What is granted must be recognised by the certificate (check_grant).
    2. The decision supersedes the current one, if any; both are kept.
    3. Holdings follow: exempted units become exemptions (each credits its werkprocessen
       wherever they count), exempted werkprocessen passed outcomes, each citing the
       decision and the certificate; what the superseded decision granted and this one
       does not is withdrawn.
    4. A procedure waiting for the decision is closed, and the learner's current route is
       planned again with the new holdings and its saved week (learners.services.replan).
    """
    learner = procedure.learner
    require_on(actor, Action.DECIDE_EXEMPTION, procedure)
    procedure = lock(procedure)
    check_version(procedure, based_on)
    require_state(procedure, EvcState.DECISION, EvcState.CLOSED)
    if not rationale.strip():
        raise Required("rationale")
    certificate = current_certificate(procedure)
    if certificate is None:
        raise NoCertificateYet()
    granted = check_grant(certificate_from_document(certificate.document), units, werkprocessen)
    previous = current_decision(procedure)
    decision = Decision.objects.create(
        procedure=procedure,
        certificate=certificate,
        units=list(granted.units),
        outcomes=list(granted.werkprocessen),
        rationale=rationale,
        supersedes=previous,
        decided_by=actor,
    )
    grounds = f"Besluit examencommissie {decision.pk} op ervaringscertificaat {certificate.number}"
    follow_decision(actor, learner, previous, decision, grounds)
    touch(procedure)
    learners.audit(
        actor,
        learner,
        "evc.decided",
        f"Vrijstellingen besloten: {len(granted.units)} eenheden, "
        f"{len(granted.werkprocessen)} werkprocessen",
        {
            "procedure": procedure.pk,
            "decision": decision.pk,
            "certificate": certificate.number,
            "units": list(granted.units),
            "outcomes": list(granted.werkprocessen),
            "supersedes": previous.pk if previous else None,
            "rationale": rationale,
        },
    )
    if procedure.state == EvcState.DECISION.value:
        move(actor, procedure, EvcState.CLOSED, "Besluit vastgelegd")
    learners.replan(actor, learner, f"Opnieuw gepland na {grounds.lower()}.")
    return decision


def follow_decision(
    actor: User, learner: Learner, previous: Decision | None, decision: Decision, grounds: str
) -> None:
    """Make the learner's holdings say what `decision` grants instead of `previous`; what
    was recorded on other grounds stays (domain.recognition.grants)."""
    wanted = {(u, Holding.Kind.EXEMPTION.value) for u in decision.units}
    wanted |= {(o, Holding.Kind.OUTCOME.value) for o in decision.outcomes}
    rows = {h.grant: h for h in learner.holdings.filter(source=Source.DECISION.value)}
    ref = str(decision.pk)
    change = grants.follow_decision(rows, str(previous.pk) if previous else None, ref, wanted)
    for grant in change.remove:
        learners.remove_holding(actor, rows[grant])
    for grant in change.move:  # granted again: now on the new decision's grounds
        rows[grant].source_ref, rows[grant].evidence = ref, grounds
        rows[grant].save(update_fields=["source_ref", "evidence"])
    for code, kind in change.add:
        learners.add_holding(actor, learner, code, kind, grounds, Source.DECISION, ref)
