"""Who may do what with a learner's record (opmaat.domain.access)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from opmaat.domain.access import (
    OWN_RECORD,
    STAFF_ACTIONS,
    Action,
    Actor,
    Membership,
    ProcedureFacts,
    RecordFacts,
    Role,
    SuppressedColumn,
    may,
    may_edit_catalog,
    may_enrol,
    may_see_region,
    procedure_permissions,
    record_permissions,
    roles_on_procedure,
    roles_on_record,
    suppress_column,
    suppress_small,
)

SCHOOL, EMPLOYER, OTHER, PROVIDER, OTHER_PROVIDER = 1, 2, 3, 4, 5
# A student at SCHOOL who works at EMPLOYER and has not consented to it.
RECORD = RecordFacts(
    user=10, organisations=frozenset({SCHOOL, EMPLOYER}), employers=frozenset({EMPLOYER})
)
CONSENTED = RecordFacts(
    user=10,
    organisations=RECORD.organisations,
    employers=RECORD.employers,
    consented=frozenset({EMPLOYER}),
)
# A candidate at two EVC providers, consented to her employer; her procedure at PROVIDER.
CANDIDATE = RecordFacts(
    user=10,
    organisations=frozenset({SCHOOL, EMPLOYER, PROVIDER, OTHER_PROVIDER}),
    consented=frozenset({EMPLOYER}),
    providers=frozenset({PROVIDER, OTHER_PROVIDER}),
    employers=frozenset({EMPLOYER}),
)
PROCEDURE = ProcedureFacts(CANDIDATE, provider=PROVIDER)
EVC_CONTENT = {Action.VIEW_EVIDENCE, Action.SUBMIT_EVIDENCE, Action.ASSESS}


def staff(role: Role, organisation: int = SCHOOL, user: int = 20) -> Actor:
    return Actor(user=user, memberships=(Membership(organisation, role),))


def test_a_learner_sees_their_own_record_and_may_export_and_ask_for_erasure() -> None:
    assert record_permissions(Actor(user=10), RECORD) == OWN_RECORD


def test_a_learner_may_not_edit_their_own_holdings_or_plan_alone() -> None:
    assert not may(Actor(user=10), Action.EDIT, RECORD)
    assert not may(Actor(user=10), Action.PLAN, RECORD)


def test_another_learner_sees_nothing() -> None:
    assert record_permissions(Actor(user=11), RECORD) == frozenset()


def test_an_intake_advisor_of_a_linked_organisation_views_edits_and_plans() -> None:
    allowed = record_permissions(staff(Role.INTAKE_ADVISOR), RECORD)
    assert {Action.VIEW, Action.EDIT, Action.PLAN, Action.VIEW_AUDIT} <= allowed
    assert Action.ERASE not in allowed


def test_staff_of_an_organisation_the_learner_is_not_linked_to_see_nothing() -> None:
    for role in Role:
        assert record_permissions(staff(role, OTHER), RECORD) == frozenset()


def test_teachers_record_progress_but_change_nothing_else() -> None:
    assert record_permissions(staff(Role.TEACHER), RECORD) == {
        Action.VIEW,
        Action.RECORD_PROGRESS,
    }


def test_an_assessor_views_a_candidates_record_and_changes_nothing_on_it() -> None:
    assert record_permissions(staff(Role.EVC_ASSESSOR, PROVIDER), CANDIDATE) == {Action.VIEW}


def test_no_record_permission_opens_an_evc_portfolio() -> None:
    """Portfolio actions are asked of the procedure (procedure_permissions), never of the
    record: no role gets them on a record, so no page can check the record instead."""
    for role in Role:
        for organisation in (SCHOOL, EMPLOYER, PROVIDER):
            assert not record_permissions(staff(role, organisation), CANDIDATE) & EVC_CONTENT
    assert not record_permissions(Actor(user=10), CANDIDATE) & EVC_CONTENT


def test_assessors_of_the_procedures_provider_read_and_judge_the_portfolio() -> None:
    assert procedure_permissions(staff(Role.EVC_ASSESSOR, PROVIDER), PROCEDURE) == {
        Action.VIEW,
        Action.VIEW_EVIDENCE,
        Action.ASSESS,
    }


def test_the_candidate_the_advisor_and_the_exam_board_read_the_portfolio() -> None:
    assert procedure_permissions(Actor(user=10), PROCEDURE) == {
        Action.VIEW,
        Action.VIEW_EVIDENCE,
        Action.SUBMIT_EVIDENCE,
    }
    assert procedure_permissions(staff(Role.INTAKE_ADVISOR), PROCEDURE) == {
        Action.VIEW,
        Action.VIEW_EVIDENCE,
        Action.SUBMIT_EVIDENCE,
    }
    assert procedure_permissions(staff(Role.EXAM_BOARD), PROCEDURE) == {
        Action.VIEW,
        Action.VIEW_EVIDENCE,
        Action.DECIDE_EXEMPTION,
    }


def test_teachers_supervisors_and_employers_see_only_that_a_procedure_exists() -> None:
    """Even with the candidate's consent, HR sees the phase, not the portfolio."""
    for who in (
        staff(Role.TEACHER),
        staff(Role.TEACHER, EMPLOYER),  # a workplace supervisor
        staff(Role.EMPLOYER_HR, EMPLOYER),
    ):
        assert procedure_permissions(who, PROCEDURE) == {Action.VIEW}


def test_an_assessor_of_another_provider_has_no_part_in_the_procedure() -> None:
    """The candidate is linked to both providers; the assessor of the other one sees her
    record but neither sees, moves, judges nor downloads anything of this procedure."""
    other = staff(Role.EVC_ASSESSOR, OTHER_PROVIDER)
    assert Action.VIEW in record_permissions(other, CANDIDATE)
    assert procedure_permissions(other, PROCEDURE) == frozenset()
    assert roles_on_procedure(other, PROCEDURE) == frozenset()
    own = ProcedureFacts(CANDIDATE, provider=OTHER_PROVIDER)
    assert Action.ASSESS in procedure_permissions(other, own)


def test_any_role_at_another_provider_counts_for_nothing_in_the_procedure() -> None:
    for role in Role:
        assert procedure_permissions(staff(role, OTHER_PROVIDER), PROCEDURE) == frozenset()


def test_an_assessor_at_a_school_sees_the_phase_but_does_not_assess() -> None:
    at_school = staff(Role.EVC_ASSESSOR, SCHOOL)
    assert procedure_permissions(at_school, PROCEDURE) == {Action.VIEW}
    assert Role.EVC_ASSESSOR not in roles_on_procedure(at_school, PROCEDURE)


def test_nobody_outside_the_candidates_organisations_sees_the_procedure() -> None:
    for role in Role:
        assert procedure_permissions(staff(role, OTHER), PROCEDURE) == frozenset()
    assert procedure_permissions(Actor(user=11), PROCEDURE) == frozenset()
    assert procedure_permissions(Actor(user=1, is_admin=True), PROCEDURE) == frozenset(Action)


def test_only_the_exam_board_grants_exemptions_and_issues_credentials() -> None:
    for role in Role:
        allowed = record_permissions(staff(role), RECORD)
        decides = {Action.DECIDE_EXEMPTION, Action.ISSUE_CREDENTIAL} <= allowed
        assert decides == (role == Role.EXAM_BOARD)


def test_the_exam_board_records_exemptions_but_does_not_plan() -> None:
    allowed = record_permissions(staff(Role.EXAM_BOARD), RECORD)
    assert Action.EDIT in allowed and Action.PLAN not in allowed


def test_an_employer_sees_an_employee_only_with_consent() -> None:
    hr = staff(Role.EMPLOYER_HR, EMPLOYER)
    assert record_permissions(hr, RECORD) == frozenset()
    assert record_permissions(hr, CONSENTED) == {Action.VIEW}


def test_consent_binds_every_role_at_the_employer_not_only_hr() -> None:
    for role in STAFF_ACTIONS:  # the workplace supervisor (teacher role) among them
        at_work = staff(role, EMPLOYER)
        assert record_permissions(at_work, RECORD) == frozenset(), role
        assert roles_on_record(at_work, RECORD) == frozenset(), role
        assert record_permissions(at_work, CONSENTED) == STAFF_ACTIONS[role], role
        assert roles_on_record(at_work, CONSENTED) == {role}, role


def test_the_same_roles_at_the_school_need_no_consent() -> None:
    for role in STAFF_ACTIONS:
        if role != Role.EMPLOYER_HR:
            assert record_permissions(staff(role, SCHOOL), RECORD) == STAFF_ACTIONS[role], role


def test_hr_needs_consent_even_where_the_learner_is_not_an_employee() -> None:
    record = RecordFacts(user=10, organisations=frozenset({SCHOOL}))
    assert record_permissions(staff(Role.EMPLOYER_HR, SCHOOL), record) == frozenset()


def test_consent_given_to_one_employer_does_not_open_the_record_to_another() -> None:
    record = RecordFacts(
        user=10, organisations=frozenset({EMPLOYER, OTHER}), consented=frozenset({OTHER})
    )
    assert record_permissions(staff(Role.EMPLOYER_HR, EMPLOYER), record) == frozenset()


def test_regional_coordinators_and_catalog_editors_never_see_personal_records() -> None:
    for role in (Role.REGIONAL_COORDINATOR, Role.CATALOG_EDITOR):
        assert record_permissions(staff(role), RECORD) == frozenset()


def test_an_admin_may_do_everything_including_erasure() -> None:
    assert record_permissions(Actor(user=1, is_admin=True), RECORD) == frozenset(Action)


def test_only_intake_advisors_enrol_and_only_at_their_own_organisation() -> None:
    assert may_enrol(staff(Role.INTAKE_ADVISOR), SCHOOL)
    assert not may_enrol(staff(Role.INTAKE_ADVISOR), OTHER)
    assert not may_enrol(staff(Role.TEACHER), SCHOOL)
    assert may_enrol(Actor(user=1, is_admin=True), OTHER)


def test_catalog_editing_and_regional_figures_follow_the_role() -> None:
    assert may_edit_catalog(staff(Role.CATALOG_EDITOR))
    assert not may_edit_catalog(staff(Role.INTAKE_ADVISOR))
    assert may_see_region(staff(Role.REGIONAL_COORDINATOR, OTHER))
    assert not may_see_region(staff(Role.EMPLOYER_HR))


organisations = st.frozensets(st.integers(1, 5), max_size=5)
memberships = st.tuples(
    *[st.builds(Membership, st.integers(1, 5), st.sampled_from(list(Role)))] * 2
)


@given(memberships, organisations, organisations, organisations, organisations)
def test_withdrawing_consent_or_a_link_never_grants_more(
    held: tuple[Membership, ...],
    linked: frozenset[int],
    consented: frozenset[int],
    employers: frozenset[int],
    removed: frozenset[int],
) -> None:
    actor = Actor(user=20, memberships=held)
    before = record_permissions(actor, RecordFacts(10, linked, consented, employers))
    fewer_links = record_permissions(actor, RecordFacts(10, linked - removed, consented, employers))
    less_consent = record_permissions(
        actor, RecordFacts(10, linked, consented - removed, employers)
    )
    assert fewer_links <= before
    assert less_consent <= before


@given(memberships, organisations, organisations, st.integers(1, 5))
def test_portfolio_content_is_only_ever_for_the_procedures_people(
    held: tuple[Membership, ...],
    linked: frozenset[int],
    providers: frozenset[int],
    provider: int,
) -> None:
    """Whoever reads the content holds a role of PROCEDURE_ACTIONS at an organisation that
    counts: an assessor only at the procedure's provider, anyone only at a provider if it is
    the procedure's own."""
    actor = Actor(user=20, memberships=held)
    record = RecordFacts(10, linked, linked, providers & linked)
    allowed = procedure_permissions(actor, ProcedureFacts(record, provider))
    if Action.VIEW_EVIDENCE not in allowed:
        return
    counting = [
        m
        for m in held
        if m.organisation in linked
        and (m.organisation == provider or m.organisation not in providers)
        and m.role in {Role.INTAKE_ADVISOR, Role.EXAM_BOARD, Role.EVC_ASSESSOR}
        and (m.role != Role.EVC_ASSESSOR or m.organisation == provider)
    ]
    assert counting
    assert Action.ASSESS not in allowed or any(
        m.role == Role.EVC_ASSESSOR and m.organisation == provider for m in counting
    )


@given(memberships, organisations, organisations)
def test_without_consent_nobody_at_an_employer_sees_anything(
    held: tuple[Membership, ...], linked: frozenset[int], consented: frozenset[int]
) -> None:
    at_employers = tuple(m for m in held if m.organisation in linked - consented)
    actor = Actor(user=20, memberships=at_employers)
    assert (
        record_permissions(actor, RecordFacts(10, linked, consented, employers=linked))
        == frozenset()
    )


def test_regional_figures_hide_groups_smaller_than_five() -> None:
    assert [suppress_small(n) for n in (1, 4, 5, 12)] == [None, None, 5, 12]


def derived_by_subtraction(cells: tuple[int | None, ...], total: int | None) -> list[int]:
    """What someone reading the column works out: the one hidden cell (the total minus the
    shown cells), or a hidden total (the sum of the cells, when all are shown)."""
    hidden = [i for i, c in enumerate(cells) if c is None]
    shown = sum(c for c in cells if c is not None)
    if total is not None and len(hidden) == 1:
        return [total - shown]
    if total is None and not hidden and cells:
        return [shown]
    return []


counts_lists = st.lists(st.integers(min_value=0, max_value=60), max_size=8)


@given(counts_lists)
def test_no_hidden_count_can_be_worked_out_from_the_column_and_its_total(
    counts: list[int],
) -> None:
    column = suppress_column(counts)
    assert len(column.cells) == len(counts)
    assert derived_by_subtraction(column.cells, column.total) == []
    for true, shown in zip(counts, column.cells, strict=True):
        assert shown is None or shown == true  # what is shown is the truth…
        assert true >= 5 or shown is None  # …and never a small group
    assert column.total in (None, sum(counts))
    assert sum(counts) >= 5 or column.total is None


@given(counts_lists, st.integers(min_value=0, max_value=100))
def test_a_total_that_is_not_the_sum_is_treated_as_if_it_were(
    counts: list[int], extra: int
) -> None:
    """The learners of a region beside its organisations: some count twice."""
    column = suppress_column(counts, total=sum(counts) + extra)
    hidden = column.cells.count(None)
    assert column.total is None or hidden != 1


@given(counts_lists)
def test_suppression_hides_no_more_than_one_extra_cell(counts: list[int]) -> None:
    column = suppress_column(counts)
    primary = sum(1 for c in counts if c < 5)
    assert column.cells.count(None) in (primary, primary + 1)


def test_one_small_group_beside_a_total_takes_the_next_smallest_with_it() -> None:
    assert suppress_column([3, 12, 7]) == SuppressedColumn((None, 12, None), 22)
    assert suppress_column([3, 4, 12]) == SuppressedColumn(
        (None, None, 12), 19
    )  # two hide each other
    assert suppress_column([12, 3]) == SuppressedColumn((None, None), 15)
    assert suppress_column([7]) == SuppressedColumn((7,), 7)
    assert suppress_column([3]) == SuppressedColumn((None,), None)  # the total would be the cell
    assert suppress_column([6, 6, 3]) == SuppressedColumn((None, 6, None), 15)
