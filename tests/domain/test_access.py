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
    RecordFacts,
    Role,
    may,
    may_edit_catalog,
    may_enrol,
    may_see_region,
    record_permissions,
    roles_on_record,
    suppress_small,
)

SCHOOL, EMPLOYER, OTHER = 1, 2, 3
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


def test_assessors_read_and_judge_the_portfolio_but_change_nothing_else() -> None:
    assert record_permissions(staff(Role.EVC_ASSESSOR), RECORD) == {
        Action.VIEW,
        Action.VIEW_EVIDENCE,
        Action.ASSESS,
    }


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


@given(memberships, organisations, organisations)
def test_without_consent_nobody_at_an_employer_sees_anything(
    held: tuple[Membership, ...], linked: frozenset[int], consented: frozenset[int]
) -> None:
    at_employers = tuple(m for m in held if m.organisation in linked - consented)
    actor = Actor(user=20, memberships=at_employers)
    assert record_permissions(actor, RecordFacts(10, linked, consented, linked)) == frozenset()


def test_regional_figures_hide_groups_smaller_than_five() -> None:
    assert [suppress_small(n) for n in (1, 4, 5, 12)] == [None, None, 5, 12]
