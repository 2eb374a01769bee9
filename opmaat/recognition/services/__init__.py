"""Every change to intakes and EVC procedures goes through here: checked against the access
rules and the state machine, written in one transaction, audited (who, when, on what
evidence). One module per stage; everything is importable from this package."""

from __future__ import annotations

from opmaat.recognition.access import roles_of, visible_procedures
from opmaat.recognition.services.assessment import judge, record_session
from opmaat.recognition.services.decision import decide, follow_decision, issue_certificate
from opmaat.recognition.services.intake import IntakeInput, current_intake, save_intake
from opmaat.recognition.services.portfolio import add_evidence, remove_evidence
from opmaat.recognition.services.procedure import (
    check_version,
    current_certificate,
    current_decision,
    latest_judgements,
    lock,
    may_act,
    move,
    readiness,
    recognition_of,
    reminders_for,
    require_state,
    scope_of,
    start_procedure,
)

__all__ = [
    "IntakeInput",
    "add_evidence",
    "check_version",
    "current_certificate",
    "current_decision",
    "current_intake",
    "decide",
    "follow_decision",
    "issue_certificate",
    "judge",
    "latest_judgements",
    "lock",
    "may_act",
    "move",
    "readiness",
    "recognition_of",
    "record_session",
    "reminders_for",
    "remove_evidence",
    "require_state",
    "roles_of",
    "save_intake",
    "scope_of",
    "start_procedure",
    "visible_procedures",
]
