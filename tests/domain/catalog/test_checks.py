"""check_catalog: every reference resolves, ranges hold, prerequisites have no cycle."""

from __future__ import annotations

from collections.abc import Sequence

from opmaat.domain.catalog import (
    Catalog,
    Certificate,
    Cut,
    Equivalence,
    GenericRequirements,
    Outcome,
    Prerequisite,
    PriorEducation,
    Qualification,
    Unit,
    UnitKind,
)
from opmaat.domain.catalog.checks import CatalogIssue, check_catalog, find_cycle

BASIS = Unit("D-B1-K1", "Basis", 3, 400, outcomes=(Outcome("D-B1-K1-W1", "Eén"),))
PROFILE = Unit("D-P1-K1", "Profiel", 3, 300)
NL_2F = Unit("NL-2F", "Nederlands 2F", 2, 160, kind=UnitKind.GENERIC)
NO_GENERIC = GenericRequirements()


def qualification(
    units: tuple[str, ...] = ("D-B1-K1",),
    level: int = 3,
    nominal_years: float = 3,
    generic: GenericRequirements = NO_GENERIC,
    provisional: bool = False,
) -> Qualification:
    return Qualification(
        "10001", "Q", level, nominal_years, units, generic=generic, provisional=provisional
    )


def catalog(
    qualifications: Sequence[Qualification] = (),
    units: Sequence[Unit] = (BASIS, NL_2F),
    certificates: Sequence[Certificate] = (),
    prerequisites: Sequence[Prerequisite] = (),
    equivalences: Sequence[Equivalence] = (),
) -> Catalog:
    """A catalog with one qualification of the basisdeel unit unless others are given."""
    return Catalog(
        qualifications or [qualification()], units, certificates, prerequisites, equivalences
    )


def test_a_consistent_catalog_has_no_issues() -> None:
    assert check_catalog(catalog()) == []


def test_an_unknown_unit_of_a_qualification_is_named() -> None:
    issues = check_catalog(catalog(qualifications=[qualification(("D-B1-K1", "D-X"))]))
    assert issues == [CatalogIssue("qualification", "10001", "units", "unknown unit D-X")]


def test_a_generic_unit_listed_as_a_vocational_unit_is_an_issue() -> None:
    [issue] = check_catalog(catalog(qualifications=[qualification(("D-B1-K1", "NL-2F"))]))
    assert (issue.field, issue.message) == (
        "units",
        "NL-2F is a generic subject; list it under generic",
    )


def test_a_needed_generic_unit_must_exist_and_be_generic() -> None:
    needs = GenericRequirements(nederlands="2F", rekenen="2F")
    vocational_rek = Unit("REK-2F", "Rekenen", 2, 160)
    issues = check_catalog(
        catalog(qualifications=[qualification(generic=needs)], units=[BASIS, NL_2F, vocational_rek])
    )
    assert [i.message for i in issues] == ["needs generic unit REK-2F, which is of kind vocational"]


def test_a_unit_shared_with_a_provisional_qualification_need_not_be_provisional() -> None:
    assert check_catalog(catalog(qualifications=[qualification(provisional=True)])) == []


def test_certificates_may_cover_units_and_outcomes_but_nothing_else() -> None:
    certificate = Certificate("C", "C", ("D-B1-K1", "D-B1-K1-W1", "D-B1-K1-W9"))
    issues = check_catalog(catalog(certificates=[certificate]))
    assert issues == [
        CatalogIssue("certificate", "C", "covers", "unknown unit or outcome D-B1-K1-W9")
    ]


def test_a_prerequisite_is_keyed_by_unit_and_required_unit() -> None:
    issues = check_catalog(catalog(prerequisites=[Prerequisite("D-B1-K1", "D-NOPE")]))
    assert issues == [
        CatalogIssue(
            "prerequisite", "D-B1-K1->D-NOPE", "requires", "unknown unit or werkproces D-NOPE"
        )
    ]


def test_a_prerequisite_may_name_werkprocessen() -> None:
    assert check_catalog(catalog(prerequisites=[Prerequisite("D-B1-K1-W1", "D-B1-K1")])) == []


def test_a_prerequisite_cycle_is_named_from_start_to_start() -> None:
    cyclic = [
        Prerequisite("D-B1-K1", "D-P1-K1"),
        Prerequisite("D-P1-K1", "NL-2F"),
        Prerequisite("NL-2F", "D-B1-K1"),
    ]
    issues = check_catalog(catalog(units=[BASIS, PROFILE, NL_2F], prerequisites=cyclic))
    assert issues == [
        CatalogIssue(
            "prerequisite",
            "D-B1-K1->D-P1-K1",
            "requires",
            "prerequisites form a cycle: D-B1-K1 -> D-P1-K1 -> NL-2F -> D-B1-K1",
        )
    ]


def test_a_unit_requiring_itself_is_a_cycle() -> None:
    looped = catalog(prerequisites=[Prerequisite("D-B1-K1", "D-B1-K1")])
    assert find_cycle(looped) == ["D-B1-K1", "D-B1-K1"]


def test_a_diamond_of_prerequisites_is_no_cycle() -> None:
    top = Unit("D-T", "Top", 3, 10)
    diamond = [
        Prerequisite("D-T", "D-B1-K1"),
        Prerequisite("D-T", "D-P1-K1"),
        Prerequisite("D-B1-K1", "NL-2F"),
        Prerequisite("D-P1-K1", "NL-2F"),
    ]
    assert check_catalog(catalog(units=[BASIS, PROFILE, NL_2F, top], prerequisites=diamond)) == []


def test_an_equivalence_must_count_for_known_units_or_outcomes() -> None:
    issues = check_catalog(catalog(equivalences=[Equivalence("OLD", ("D-B1-K1-W1", "D-Y"))]))
    assert issues == [
        CatalogIssue("equivalence", "OLD", "counts_for", "unknown unit or outcome D-Y")
    ]


def test_levels_hours_and_study_years_are_checked_for_range() -> None:
    broken = catalog(
        qualifications=[qualification(level=7, nominal_years=0)],
        units=[
            Unit("D-B1-K1", "Basis", 0, -1, outcomes=(Outcome("D-B1-K1-W1", "Eén", -2),)),
            NL_2F,
        ],
        certificates=[Certificate("C", "C", ("D-B1-K1",), level=9)],
    )
    assert {(i.entity, i.key, i.field) for i in check_catalog(broken)} == {
        ("qualification", "10001", "level"),
        ("qualification", "10001", "nominal_years"),
        ("unit", "D-B1-K1", "level"),
        ("unit", "D-B1-K1", "hours"),
        ("outcome", "D-B1-K1-W1", "hours"),
        ("certificate", "C", "level"),
    }


def test_an_exam_unit_refers_to_known_werkprocessen_and_states_their_hours() -> None:
    exam = Unit("D-E1", "Exam", 3, 999, werkprocessen=("D-B1-K1-W1", "D-B1-K1-W7"))
    issues = check_catalog(catalog(units=[BASIS, NL_2F, exam]))
    assert [(i.key, i.field, i.message) for i in issues] == [
        ("D-E1", "werkprocessen", "unknown werkproces D-B1-K1-W7")
    ]
    overstated = Unit("D-E1", "Exam", 3, 999, werkprocessen=("D-B1-K1-W1",))
    [issue] = check_catalog(catalog(units=[BASIS, NL_2F, overstated]))
    assert issue.field == "hours" and "sum of its werkprocessen's hours (400)" in issue.message


def test_another_cut_must_divide_the_same_werkprocessen() -> None:
    second = Unit("D-B1-K2", "Second", 3, 100, outcomes=(Outcome("D-B1-K2-W1", "Twee"),))
    q = Qualification("10001", "Q", 3, 3, ("D-B1-K1", "D-B1-K2"), cuts=(Cut("half", ("D-B1-K1",)),))
    [issue] = check_catalog(catalog(qualifications=[q], units=[BASIS, second, NL_2F]))
    assert (issue.field, issue.message) == (
        "cuts",
        "cut 'half' misses werkprocessen of the default cut: D-B1-K2-W1",
    )


def test_a_successor_must_be_a_current_qualification_of_the_catalog() -> None:
    old = Qualification("10000", "Old", 3, 3, ("D-B1-K1",), superseded_by=("10001", "99999"))
    issues = check_catalog(catalog(qualifications=[old, qualification()]))
    assert [(i.key, i.message) for i in issues] == [("10000", "unknown qualification 99999")]


def test_the_shortened_keuzedeel_obligation_is_at_most_the_full_one() -> None:
    q = Qualification(
        "10001", "Q", 3, 3, ("D-B1-K1",), elective_hours=480, elective_hours_shortened=720
    )
    [issue] = check_catalog(catalog(qualifications=[q]))
    assert issue.field == "elective_hours_shortened"


def test_only_a_generic_subject_is_an_obligation() -> None:
    odd = Unit("D-P1-K1", "Profiel", 3, 300, obligation=True)
    [issue] = check_catalog(catalog(units=[BASIS, NL_2F, odd]))
    assert (issue.key, issue.field) == ("D-P1-K1", "obligation")


def test_prior_education_admits_to_an_mbo_level_of_0_to_4() -> None:
    issues = check_catalog(
        Catalog([qualification()], [BASIS, NL_2F], prior_education=[PriorEducation("X", "X", 5)])
    )
    assert [(i.entity, i.field) for i in issues] == [("prior_education", "admits_level")]


def test_an_equivalence_may_count_for_a_retired_code_that_counts_on() -> None:
    retired = [Equivalence("OLD-UNIT", ("OLD-W1",)), Equivalence("OLD-W1", ("D-B1-K1-W1",))]
    assert check_catalog(catalog(equivalences=retired)) == []
