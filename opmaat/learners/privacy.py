"""Everything opmaat holds about one learner, as one JSON document (right of access, AVG
art. 15, and portability, art. 20)."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.utils import timezone

from opmaat.accounts.people import display_name
from opmaat.domain.access import Action
from opmaat.learners.access import require
from opmaat.learners.models import (
    AuditEvent,
    Consent,
    Enrolment,
    ErasureRequest,
    Holding,
    Learner,
    RoutePlan,
)
from opmaat.learners.sections import Kept, privacy_sections
from opmaat.learners.services import audit

EXPORT_FORMAT = "opmaat-learner-export/1"
# The tables of this app that hold a learner's data; `own_sections` exports them and
# services.erase_learner empties or blanks them. Other apps' tables are in their sections
# (the account and its login log: opmaat.learners.account).
OWN_MODELS = (Learner, Enrolment, Consent, Holding, RoutePlan, AuditEvent, ErasureRequest)
# What erasure leaves in these tables, and why (docs/privacy.md, "What erasure keeps").
OWN_KEPT = (
    Kept("Learner.name", "the shell's name is its number: Gewiste deelnemer <id>"),
    Kept("Learner.created_at", "the shell: when the record was made"),
    Kept("Learner.erased_at", "the shell: when it was erased"),
    Kept("AuditEvent.action", "that something happened: the kind of change, no content"),
    Kept("AuditEvent.at", "when it happened"),
    Kept("AuditEvent.actor", "which staff member did it: their actions stay accountable"),
    Kept("AuditEvent.actor_label", "who did it: staff by name, the learner as 'deelnemer'"),
    Kept("AuditEvent.summary", "no content: every line's summary becomes '(inhoud gewist)'"),
    Kept("ErasureRequest.requested_at", "that the request was made and carried out in time"),
    Kept("ErasureRequest.carried_out_at", "that the request was made and carried out in time"),
)


def export_learner(actor: User, learner: Learner) -> dict[str, object]:
    require(actor, Action.EXPORT, learner)
    audit(actor, learner, "learner.exported", "Gegevens gedownload")
    return learner_document(learner)


def learner_document(learner: Learner) -> dict[str, object]:
    document = own_sections(learner)
    for section in privacy_sections():
        document[section.name] = section.export(learner)
    return document


def own_sections(learner: Learner) -> dict[str, object]:
    return {
        "format": EXPORT_FORMAT,
        "exported_at": timezone.now().isoformat(),
        "learner": {
            "id": learner.pk,
            "name": learner.name,
            "email": learner.email,
            "date_of_birth": learner.date_of_birth.isoformat() if learner.date_of_birth else None,
            "background": learner.background,
            "elective_hours_done": learner.elective_hours_done,
            "created_at": learner.created_at.isoformat(),
        },
        "organisations": [
            {
                "name": e.organisation.name,
                "relation": e.relation,
                "since": e.since.isoformat() if e.since else None,
            }
            for e in learner.enrolments.select_related("organisation")
        ],
        "consents": [
            {
                "organisation": c.organisation.name,
                "granted_at": c.granted_at.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in learner.consents.select_related("organisation")
        ],
        "holdings": [
            {
                "code": h.code,
                "kind": h.kind,
                "evidence": h.evidence,
                "recorded_at": h.recorded_at.isoformat(),
                "recorded_by": h.recorded_by.get_username() if h.recorded_by else None,
                "recorded_by_name": display_name(h.recorded_by) if h.recorded_by else None,
            }
            for h in learner.holdings.select_related("recorded_by")
        ],
        "routes": [
            {
                "version": r.version,
                "target": r.target,
                "start": r.start.isoformat(),
                "hours_per_week": r.hours_per_week,
                "work_hours_per_week": r.work_hours_per_week,
                "exam_only": r.exam_only,
                "pathway": r.pathway,
                "pace": r.pace,
                "note": r.note,
                "saved_at": r.created_at.isoformat(),
                "saved_by": r.created_by.get_username() if r.created_by else None,
                "saved_by_name": display_name(r.created_by) if r.created_by else None,
                "route": r.document,
                "planned_from": r.planned_from,
            }
            for r in learner.route_plans.select_related("created_by")
        ],
        "audit": [
            {
                "at": a.at.isoformat(),
                "by": a.actor_label,
                "action": a.action,
                "summary": a.summary,
                "changes": a.changes,
            }
            for a in learner.audit_events.all()
        ],
        "erasure_requests": [
            {
                "requested_at": e.requested_at.isoformat(),
                "carried_out_at": e.carried_out_at.isoformat() if e.carried_out_at else None,
            }
            for e in learner.erasure_requests.all()
        ],
    }
