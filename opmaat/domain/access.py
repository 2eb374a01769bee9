"""Who may do what with a learner's record and with an EVC procedure: the one place these
rules live.

Pages, the API and the CLI build an `Actor` and a `RecordFacts` (or a `ProcedureFacts`)
from the database and ask `record_permissions` (or `procedure_permissions`). Nothing here
knows about Django.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Role(StrEnum):
    LEARNER = "learner"
    INTAKE_ADVISOR = "intake_advisor"
    EVC_ASSESSOR = "evc_assessor"
    TEACHER = "teacher"  # teacher or workplace supervisor (docent / praktijkopleider)
    EXAM_BOARD = "exam_board"
    EMPLOYER_HR = "employer_hr"
    # A care organisation's team leader (teamleider): sees the staff data of the teams they
    # lead (opmaat.workforce), and nothing of learners' records.
    TEAM_LEADER = "team_leader"
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
    # Exemptions (vrijstellingen): granted from an ervaringscertificaat, or recorded as a
    # holding of the kind exemption. A record action: the exam board's alone.
    DECIDE_EXEMPTION = "decide_exemption"
    # What may be done with one EVC procedure (`procedure_permissions`, never
    # `record_permissions`): VIEW there is only that it exists, at which provider, its
    # phase and deadline.
    SUBMIT_EVIDENCE = "submit_evidence"  # add to the EVC portfolio
    # Its content: portfolio, files, judgements, reports, the ervaringscertificaat.
    VIEW_EVIDENCE = "view_evidence"
    ASSESS = "assess"  # judge evidence per outcome, write the ervaringscertificaat


# What each staff role may do for learners linked to its own organisation.
STAFF_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.INTAKE_ADVISOR: frozenset({Action.VIEW, Action.EDIT, Action.PLAN, Action.VIEW_AUDIT}),
    Role.EXAM_BOARD: frozenset(
        {
            Action.VIEW,
            Action.EDIT,
            Action.VIEW_AUDIT,
            Action.DECIDE_EXEMPTION,
            Action.ISSUE_CREDENTIAL,
        }
    ),
    Role.EVC_ASSESSOR: frozenset({Action.VIEW}),
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
    }
)
# What each role may do with an EVC procedure besides seeing that it exists and its phase
# (`procedure_permissions`): its content is for the candidate, the advisors and the exam
# board of the candidate's school, and the assessors of the procedure's own provider.
# Teachers, workplace supervisors and employers see only the phase.
PROCEDURE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.LEARNER: frozenset({Action.VIEW_EVIDENCE, Action.SUBMIT_EVIDENCE}),
    # Advisors help a candidate put the portfolio together.
    Role.INTAKE_ADVISOR: frozenset({Action.VIEW_EVIDENCE, Action.SUBMIT_EVIDENCE}),
    Role.EVC_ASSESSOR: frozenset({Action.VIEW_EVIDENCE, Action.ASSESS}),
    Role.EXAM_BOARD: frozenset({Action.VIEW_EVIDENCE, Action.DECIDE_EXEMPTION}),
}
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
    # The linked organisations that are EVC providers: each counts only for its own
    # procedures (`procedure_permissions`).
    providers: frozenset[int] = field(default_factory=frozenset)
    # The linked organisations that act as the learner's employer (linked as employee, or a
    # care or welfare organisation): everyone there needs the learner's consent.
    employers: frozenset[int] = field(default_factory=frozenset)

    def is_own(self, actor: Actor) -> bool:
        return self.user is not None and self.user == actor.user


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


def memberships_on_record(actor: Actor, record: RecordFacts) -> tuple[Membership, ...]:
    """The memberships through which `actor` acts on `record` (`acts_on_record`)."""
    return tuple(m for m in actor.memberships if acts_on_record(m, record))


def record_permissions(actor: Actor, record: RecordFacts) -> frozenset[Action]:
    """Everything `actor` may do with `record`; empty when they may not even see it. What
    may be done with an EVC procedure is `procedure_permissions`."""
    if actor.is_admin:
        return frozenset(Action)
    allowed: set[Action] = set(OWN_RECORD) if record.is_own(actor) else set()
    for m in memberships_on_record(actor, record):
        allowed |= STAFF_ACTIONS[m.role]
    return frozenset(allowed)


def roles_on_record(actor: Actor, record: RecordFacts) -> frozenset[Role]:
    """The staff roles `actor` holds at organisations `record` is linked to (everyone at the
    employer only with consent: `acts_on_record`), plus LEARNER on their own record and
    every role for an admin."""
    if actor.is_admin:
        return frozenset(Role)
    roles = {Role.LEARNER} if record.is_own(actor) else set()
    roles |= {m.role for m in memberships_on_record(actor, record)}
    return frozenset(roles)


@dataclass(frozen=True, slots=True)
class ProcedureFacts:
    """What the rules need to know about one EVC procedure: its candidate's record and the
    EVC provider that runs it."""

    record: RecordFacts
    provider: int


def roles_on_procedure(actor: Actor, procedure: ProcedureFacts) -> frozenset[Role]:
    """The roles in which `actor` acts on `procedure`: LEARNER for the candidate, every role
    for an admin, and the roles of `roles_on_record` with the provider as a boundary: a
    membership at an EVC provider counts only for that provider's own procedures, and an
    assessor assesses only for the provider that runs the procedure. An assessor of another
    provider the candidate is linked to has no role here at all."""
    if actor.is_admin:
        return frozenset(Role)
    record = procedure.record
    roles = {Role.LEARNER} if record.is_own(actor) else set()
    for m in memberships_on_record(actor, record):
        own_provider = m.organisation == procedure.provider
        if m.organisation in record.providers and not own_provider:
            continue
        if m.role == Role.EVC_ASSESSOR and not own_provider:
            continue
        roles.add(m.role)
    return frozenset(roles)


def may_see_procedure(actor: Actor, procedure: ProcedureFacts) -> bool:
    """Whether `actor` may see that `procedure` exists, and its phase: the candidate, an
    admin, and whoever acts on the record through an organisation that counts for it (see
    `roles_on_procedure`; a school's assessor sees the phase without assessing)."""
    if actor.is_admin or procedure.record.is_own(actor):
        return True
    record = procedure.record
    return any(
        m.organisation == procedure.provider or m.organisation not in record.providers
        for m in memberships_on_record(actor, record)
    )


def procedure_permissions(actor: Actor, procedure: ProcedureFacts) -> frozenset[Action]:
    """Everything `actor` may do with `procedure`; empty when they may not see it. VIEW is
    that it exists, its provider, phase and deadline; VIEW_EVIDENCE is its content
    (portfolio, files, interview reports, judgements and their rationales, the
    ervaringscertificaat, decisions), for the roles of PROCEDURE_ACTIONS only."""
    if actor.is_admin:
        return frozenset(Action)
    if not may_see_procedure(actor, procedure):
        return frozenset()
    allowed = {Action.VIEW}
    for role in roles_on_procedure(actor, procedure):
        allowed |= PROCEDURE_ACTIONS.get(role, frozenset())
    return frozenset(allowed)


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


@dataclass(frozen=True, slots=True)
class SuppressedColumn:
    """A column of counts and its total as they may be published: None where hidden."""

    cells: tuple[int | None, ...]
    total: int | None


def suppress_column(counts: Sequence[int], total: int | None = None) -> SuppressedColumn:
    """`counts` (one row each) and their `total` (default: their sum) as they may be shown
    side by side, so that no hidden count can be worked out from what is shown.

    1. Primary suppression: a count below SMALL_GROUP is hidden (`suppress_small`), and so
       is a total below it.
    2. Secondary suppression: a published total minus the published cells gives the sum of
       the hidden ones, so exactly one hidden cell would be given away. Then the smallest
       published cell (the first of equals) is hidden as well; when there is none, the
       total is hidden instead.

    A hidden total is never derivable either: it is hidden only when at least one cell is.
    Pass the total that is shown beside the column even when it is not quite the sum (the
    learners of a region, some of whom are linked to two organisations): the rule assumes
    the worst, that it is.
    """
    whole = sum(counts) if total is None else total
    cells: list[int | None] = [suppress_small(c) for c in counts]
    shown_total = suppress_small(whole)
    if shown_total is not None and cells.count(None) == 1:
        published = [i for i, c in enumerate(cells) if c is not None]
        if published:
            cells[min(published, key=lambda i: (counts[i], i))] = None
        else:
            shown_total = None
    return SuppressedColumn(tuple(cells), shown_total)
