"""The EVC procedure as an explicit state machine: intake → portfolio → assessment → report →
decision, with who may move it forward in each state and the deadline of each phase.

The phases follow the EVC standard as the seeds describe it: an intake agrees the standard
(the qualification) and the units in scope; the candidate builds a portfolio of evidence per
werkproces (typically about three months); the assessor judges it, possibly with a
criterion-based interview or practical assessment; the assessor's report is the
ervaringscertificaat; the exam board then decides on exemptions. Nothing here knows about
Django: the app stores the state and asks these functions whether a move is allowed.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from opmaat.domain.access import Role
from opmaat.domain.errors import Conflict, DomainError


class EvcState(StrEnum):
    INTAKE = "intake"
    PORTFOLIO = "portfolio"
    ASSESSMENT = "assessment"
    REPORT = "report"
    DECISION = "decision"
    CLOSED = "closed"  # the exam board decided
    WITHDRAWN = "withdrawn"  # the candidate stopped, or the advisor closed it

    @property
    def final(self) -> bool:
        return self in (EvcState.CLOSED, EvcState.WITHDRAWN)


# Who may move a procedure: the candidate acts as Role.LEARNER on their own record, staff
# through a role at an organisation the candidate is linked to, an assessor only at the
# provider that runs the procedure (opmaat.domain.access.roles_on_procedure).

# How long each phase usually takes, counted from the day it starts. The portfolio phase
# takes about three months (the MZ4 case in DOMAIN.md); the exam board decides within six
# weeks, the term most examination regulations (OER) give it.
PHASE_LENGTH: dict[EvcState, timedelta] = {
    EvcState.INTAKE: timedelta(weeks=2),
    EvcState.PORTFOLIO: timedelta(weeks=13),
    EvcState.ASSESSMENT: timedelta(weeks=4),
    EvcState.REPORT: timedelta(weeks=2),
    EvcState.DECISION: timedelta(weeks=6),
}
# Reminders show this long before a deadline, and every day after it.
REMIND_BEFORE = timedelta(days=14)


@dataclass(frozen=True, slots=True)
class Transition:
    source: EvcState
    target: EvcState
    movers: frozenset[Role]


TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        EvcState.INTAKE,
        EvcState.PORTFOLIO,
        frozenset({Role.INTAKE_ADVISOR, Role.EVC_ASSESSOR}),
    ),
    Transition(
        EvcState.PORTFOLIO,
        EvcState.ASSESSMENT,
        frozenset({Role.LEARNER, Role.INTAKE_ADVISOR}),
    ),
    Transition(
        EvcState.ASSESSMENT,
        EvcState.PORTFOLIO,
        frozenset({Role.EVC_ASSESSOR}),
    ),
    Transition(
        EvcState.ASSESSMENT,
        EvcState.REPORT,
        frozenset({Role.EVC_ASSESSOR}),
    ),
    Transition(
        EvcState.REPORT,
        EvcState.DECISION,
        frozenset({Role.EVC_ASSESSOR}),
    ),
    Transition(
        EvcState.DECISION,
        EvcState.CLOSED,
        frozenset({Role.EXAM_BOARD}),
    ),
    *(
        Transition(
            state,
            EvcState.WITHDRAWN,
            frozenset({Role.LEARNER, Role.INTAKE_ADVISOR}),
        )
        for state in (EvcState.INTAKE, EvcState.PORTFOLIO, EvcState.ASSESSMENT, EvcState.REPORT)
    ),
)
_BY_EDGE = {(t.source, t.target): t for t in TRANSITIONS}


class IllegalTransition(Conflict):
    code = "illegal_transition"

    def __init__(self, source: EvcState, target: EvcState) -> None:
        super().__init__(source=source.value, target=target.value)


class TransitionNotAllowed(DomainError):
    """The person's roles are not among the transition's movers."""

    code = "transition_not_allowed"
    status = 403

    def __init__(self, transition: Transition) -> None:
        super().__init__(
            source=transition.source.value,
            target=transition.target.value,
            movers=tuple(sorted(str(m) for m in transition.movers)),
        )


# The guards a move can be blocked by; `count` is how many werkprocessen a guard concerns.
GUARDS = (
    "no_evidence",
    "needs_evidence",
    "unjudged",
    "nothing_to_return",
    "no_certificate",
    "no_decision",
)


class TransitionBlocked(Conflict):
    """The move is allowed for this person, but the procedure is not ready for it;
    `reason` names the guard (GUARDS), `count` how many werkprocessen it concerns."""

    code = "transition_blocked"
    variant = "reason"

    def __init__(self, reason: str, count: int = 0) -> None:
        assert reason in GUARDS, reason
        self.reason = reason
        self.count = count
        super().__init__(reason=reason, count=count)


@dataclass(frozen=True, slots=True)
class Readiness:
    """What the guards need to know about the procedure's contents (outcomes: the
    werkprocessen in scope)."""

    evidence_items: int = 0
    outcomes_in_scope: int = 0
    outcomes_judged: int = 0  # met or not met
    outcomes_needing_evidence: int = 0
    has_certificate: bool = False
    has_decision: bool = False


def transition(source: EvcState, target: EvcState) -> Transition:
    """The transition from `source` to `target`, or IllegalTransition."""
    found = _BY_EDGE.get((source, target))
    if found is None:
        raise IllegalTransition(source, target)
    return found


def next_states(source: EvcState) -> tuple[EvcState, ...]:
    return tuple(t.target for t in TRANSITIONS if t.source == source)


def movers_may(transition: Transition, movers: Set[Role]) -> bool:
    return bool(transition.movers & movers)


def check_move(
    source: EvcState, target: EvcState, movers: Set[Role], readiness: Readiness
) -> Transition:
    """The transition, when `movers` (the acting person's roles on the candidate's record,
    Role.LEARNER for the candidate themself) may make it now; a DomainError saying why
    not otherwise.

    1. The edge must exist (IllegalTransition).
    2. One of the person's roles must be among its movers (TransitionNotAllowed).
    3. Its guard must hold (TransitionBlocked): a portfolio is submitted with at least one
       piece of evidence; an assessment ends when every werkproces in scope is judged met
       or not met; sending back asks for more evidence on at least one; the report
       goes to the exam board with its ervaringscertificaat; the exam board closes with a
       decision.
    """
    found = transition(source, target)
    if not movers_may(found, movers):
        raise TransitionNotAllowed(found)
    blocked = guard(found, readiness)
    if blocked is not None:
        raise blocked
    return found


def guard(found: Transition, r: Readiness) -> TransitionBlocked | None:
    """Why the procedure is not ready for `found`, or None when it is."""
    edge = (found.source, found.target)
    if edge == (EvcState.PORTFOLIO, EvcState.ASSESSMENT) and r.evidence_items == 0:
        return TransitionBlocked("no_evidence")
    if edge == (EvcState.ASSESSMENT, EvcState.REPORT):
        if r.outcomes_needing_evidence:
            return TransitionBlocked("needs_evidence", r.outcomes_needing_evidence)
        if r.outcomes_judged < r.outcomes_in_scope:
            return TransitionBlocked("unjudged", r.outcomes_in_scope - r.outcomes_judged)
    if edge == (EvcState.ASSESSMENT, EvcState.PORTFOLIO) and not r.outcomes_needing_evidence:
        return TransitionBlocked("nothing_to_return")
    if edge == (EvcState.REPORT, EvcState.DECISION) and not r.has_certificate:
        return TransitionBlocked("no_certificate")
    if edge == (EvcState.DECISION, EvcState.CLOSED) and not r.has_decision:
        return TransitionBlocked("no_decision")
    return None


def deadline(state: EvcState, entered: date) -> date | None:
    """When the phase `state`, entered on `entered`, should be finished; None when final."""
    length = PHASE_LENGTH.get(state)
    return entered + length if length is not None else None


@dataclass(frozen=True, slots=True)
class Reminder:
    state: EvcState
    due: date
    overdue: bool
    days_left: int  # negative once overdue

    @property
    def days_overdue(self) -> int:
        return max(-self.days_left, 0)


def reminder(state: EvcState, due: date | None, today: date) -> Reminder | None:
    """A reminder when `due` is within REMIND_BEFORE of `today` or past it."""
    if due is None or state.final or due - today > REMIND_BEFORE:
        return None
    return Reminder(state, due, due < today, (due - today).days)
