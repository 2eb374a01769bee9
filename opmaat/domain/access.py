"""Who may do what with a learner's record: the one place these rules live.

Pages, the API and the CLI build an `Actor` and a `RecordFacts` from the database and ask
`record_permissions`. Nothing here knows about Django.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    LEARNER = "learner"
    INTAKE_ADVISOR = "intake_advisor"
    EVC_ASSESSOR = "evc_assessor"
    TEACHER = "teacher"  # teacher or workplace supervisor (docent / praktijkopleider)
    EXAM_BOARD = "exam_board"
    EMPLOYER_HR = "employer_hr"
    REGIONAL_COORDINATOR = "regional_coordinator"
    CATALOG_EDITOR = "catalog_editor"
    ADMIN = "admin"


class OrganisationKind(StrEnum):
    SCHOOL = "school"
    CARE = "care"  # zorg- of welzijnsorganisatie, often the employer
    EVC_PROVIDER = "evc_provider"
    REGION = "region"  # regional network (e.g. a Zorgpact region)


class Action(StrEnum):
    VIEW = "view"  # personal data, holdings, routes
    EDIT = "edit"  # personal data and holdings
    PLAN = "plan"  # compose and save routes
    VIEW_AUDIT = "view_audit"
    EXPORT = "export"  # download everything held about the learner
    REQUEST_ERASURE = "request_erasure"
    MANAGE_CONSENT = "manage_consent"
    ERASE = "erase"
    RECORD_PROGRESS = "record_progress"  # feedback, summative results, supervision levels
    ISSUE_CREDENTIAL = "issue_credential"  # mbo-certificates and diplomas, and revoking them
    SUBMIT_EVIDENCE = "submit_evidence"  # add to the EVC portfolio
    VIEW_EVIDENCE = "view_evidence"  # read the portfolio and its files
    ASSESS = "assess"  # judge evidence per outcome, write the ervaringscertificaat
    DECIDE_EXEMPTION = "decide_exemption"  # grant exemptions from an ervaringscertificaat


# What each staff role may do for learners linked to its own organisation.
STAFF_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.INTAKE_ADVISOR: frozenset(
        {
            Action.VIEW,
            Action.EDIT,
            Action.PLAN,
            Action.VIEW_AUDIT,
            Action.SUBMIT_EVIDENCE,  # advisors help a candidate put the portfolio together
            Action.VIEW_EVIDENCE,
        }
    ),
    Role.EXAM_BOARD: frozenset(
        {
            Action.VIEW,
            Action.EDIT,
            Action.VIEW_AUDIT,
            Action.VIEW_EVIDENCE,
            Action.DECIDE_EXEMPTION,
            Action.ISSUE_CREDENTIAL,
        }
    ),
    Role.EVC_ASSESSOR: frozenset({Action.VIEW, Action.VIEW_EVIDENCE, Action.ASSESS}),
    Role.TEACHER: frozenset({Action.VIEW, Action.RECORD_PROGRESS}),
    # Only with the learner's consent for this organisation: see `acts_on_record`.
    Role.EMPLOYER_HR: frozenset({Action.VIEW}),
}
OWN_RECORD = frozenset(
    {
        Action.VIEW,
        Action.VIEW_AUDIT,
        Action.EXPORT,
        Action.REQUEST_ERASURE,
        Action.MANAGE_CONSENT,
        Action.SUBMIT_EVIDENCE,
        Action.VIEW_EVIDENCE,
    }
)
# Roles that may add learners to their own organisation.
ENROLLING_ROLES = frozenset({Role.INTAKE_ADVISOR})


@dataclass(frozen=True, slots=True)
class Membership:
    organisation: int
    role: Role


@dataclass(frozen=True, slots=True)
class Actor:
    user: int
    memberships: tuple[Membership, ...] = ()
    is_admin: bool = False

    def roles(self) -> frozenset[Role]:
        roles = {m.role for m in self.memberships}
        if self.is_admin:
            roles.add(Role.ADMIN)
        return frozenset(roles)

    def organisations_with(self, roles: Iterable[Role]) -> frozenset[int]:
        wanted = set(roles)
        return frozenset(m.organisation for m in self.memberships if m.role in wanted)


@dataclass(frozen=True, slots=True)
class RecordFacts:
    """What the rules need to know about one learner's record."""

    user: int | None  # the learner's own account, if any
    organisations: frozenset[int] = field(default_factory=frozenset)  # linked: school, employer…
    consented: frozenset[int] = field(default_factory=frozenset)  # employers allowed to see
    # The linked organisations that act as the learner's employer (linked as employee, or a
    # care or welfare organisation): everyone there needs the learner's consent.
    employers: frozenset[int] = field(default_factory=frozenset)


def acts_on_record(membership: Membership, record: RecordFacts) -> bool:
    """Whether `membership` gives its role's rights on `record`: the organisation is linked
    to the record and, if it acts for the learner's employer, the learner consented to it.

    Consent binds every role at the employer, not only HR: a workplace supervisor, an
    advisor or an exam board employed there sees nothing of a learner who did not consent
    (or withdrew). HR needs consent wherever it works. opmaat has no notion of a supervisor
    assigned to one learner's placement, so there is no exception for one.
    """
    if membership.organisation not in record.organisations:
        return False
    if membership.role not in STAFF_ACTIONS:
        return False
    for_employer = (
        membership.role == Role.EMPLOYER_HR or membership.organisation in record.employers
    )
    return not for_employer or membership.organisation in record.consented


def record_permissions(actor: Actor, record: RecordFacts) -> frozenset[Action]:
    """Everything `actor` may do with `record`; empty when they may not even see it."""
    if actor.is_admin:
        return frozenset(Action)
    allowed: set[Action] = set()
    if record.user is not None and record.user == actor.user:
        allowed |= OWN_RECORD
    for m in actor.memberships:
        if acts_on_record(m, record):
            allowed |= STAFF_ACTIONS[m.role]
    return frozenset(allowed)


def roles_on_record(actor: Actor, record: RecordFacts) -> frozenset[Role]:
    """The staff roles `actor` holds at organisations `record` is linked to (everyone at the
    employer only with consent: `acts_on_record`), plus LEARNER on their own record and
    every role for an admin: the roles in which they may act on it, e.g. move an EVC
    procedure forward."""
    if actor.is_admin:
        return frozenset(Role)
    roles = {Role.LEARNER} if record.user is not None and record.user == actor.user else set()
    for m in actor.memberships:
        if acts_on_record(m, record):
            roles.add(m.role)
    return frozenset(roles)


def may(actor: Actor, action: Action, record: RecordFacts) -> bool:
    return action in record_permissions(actor, record)


def may_enrol(actor: Actor, organisation: int) -> bool:
    """Whether `actor` may add a learner to `organisation`."""
    return actor.is_admin or organisation in actor.organisations_with(ENROLLING_ROLES)


def enrolling_organisations(actor: Actor) -> frozenset[int]:
    return actor.organisations_with(ENROLLING_ROLES)


def may_edit_catalog(actor: Actor) -> bool:
    return actor.is_admin or Role.CATALOG_EDITOR in actor.roles()


def may_see_region(actor: Actor) -> bool:
    """Regional figures are aggregates: no personal data, so any coordinator may see them."""
    return actor.is_admin or Role.REGIONAL_COORDINATOR in actor.roles()


# Regional figures hide groups smaller than this, so no one can be singled out.
SMALL_GROUP = 5


def suppress_small(count: int) -> int | None:
    """`count` as it may be shown in aggregate figures: None (shown as "< 5") when the group
    is so small that a person could be recognised in it."""
    return count if count >= SMALL_GROUP else None
