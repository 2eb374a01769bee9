"""check_catalog: every reference resolves, ranges hold, prerequisites have no cycle. Each
issue says which problem it is (its kind and data), which opmaat.messages words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

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
from opmaat.domain.errors import Value
from opmaat.messages import MESSAGES, render

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


Said = tuple[str, str, str, str, dict[str, Value]]


def said(issues: list[CatalogIssue]) -> list[Said]:
    """Each issue as (entity, key, field, kind, data)."""
    return [(i.entity, i.key, i.field, i.message.kind, dict(i.message.data)) for i in issues]


def kinds(issues: list[CatalogIssue]) -> list[tuple[str, dict[str, Value]]]:
    return [(i.message.kind, dict(i.message.data)) for i in issues]


def test_a_consistent_catalog_has_no_issues() -> None:
    assert check_catalog(catalog()) == []


def test_an_unknown_unit_of_a_qualification_is_named() -> None:
    issues = check_catalog(catalog(qualifications=[qualification(("D-B1-K1", "D-X"))]))
    assert said(issues) == [("qualification", "10001", "units", "unknown_unit", {"value": "D-X"})]


def test_a_generic_unit_listed_as_a_vocational_unit_is_an_issue() -> None:
    issues = check_catalog(catalog(qualifications=[qualification(("D-B1-K1", "NL-2F"))]))
    assert said(issues) == [
        ("qualification", "10001", "units", "generic_in_units", {"value": "NL-2F"})
    ]


def test_a_needed_generic_unit_must_exist_and_be_generic() -> None:
    needs = GenericRequirements(nederlands="2F", rekenen="2F")
    vocational_rek = Unit("REK-2F", "Rekenen", 2, 160)
    issues = check_catalog(
        catalog(qualifications=[qualification(generic=needs)], units=[BASIS, NL_2F, vocational_rek])
    )
    assert kinds(issues) == [("generic_unit_kind", {"value": "REK-2F", "unit_kind": "vocational"})]


def test_a_unit_shared_with_a_provisional_qualification_need_not_be_provisional() -> None:
    assert check_catalog(catalog(qualifications=[qualification(provisional=True)])) == []


def test_certificates_may_cover_units_and_outcomes_but_nothing_else() -> None:
    certificate = Certificate("C", "C", ("D-B1-K1", "D-B1-K1-W1", "D-B1-K1-W9"))
    issues = check_catalog(catalog(certificates=[certificate]))
    assert said(issues) == [
        ("certificate", "C", "covers", "unknown_unit_or_werkproces", {"value": "D-B1-K1-W9"})
    ]


def test_a_prerequisite_is_keyed_by_unit_and_required_unit() -> None:
    issues = check_catalog(catalog(prerequisites=[Prerequisite("D-B1-K1", "D-NOPE")]))
    assert said(issues) == [
        (
            "prerequisite",
            "D-B1-K1->D-NOPE",
            "requires",
            "unknown_unit_or_werkproces",
            {"value": "D-NOPE"},
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
    assert said(issues) == [
        (
            "prerequisite",
            "D-B1-K1->D-P1-K1",
            "requires",
            "prerequisite_cycle",
            {"cycle": "D-B1-K1 -> D-P1-K1 -> NL-2F -> D-B1-K1"},
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
    assert said(issues) == [
        ("equivalence", "OLD", "counts_for", "unknown_unit_or_werkproces", {"value": "D-Y"})
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
    assert sorted(said(check_catalog(broken))) == sorted(
        [
            (
                "qualification",
                "10001",
                "level",
                "out_of_range",
                {"low": 1, "high": 6, "value": "7"},
            ),
            ("qualification", "10001", "nominal_years", "not_positive", {"value": "0"}),
            ("unit", "D-B1-K1", "level", "out_of_range", {"low": 1, "high": 6, "value": "0"}),
            ("unit", "D-B1-K1", "hours", "too_small", {"low": 0, "value": "-1"}),
            ("outcome", "D-B1-K1-W1", "hours", "too_small", {"low": 0, "value": "-2"}),
            ("certificate", "C", "level", "out_of_range", {"low": 1, "high": 6, "value": "9"}),
        ]
    )


def test_an_exam_unit_refers_to_known_werkprocessen_and_states_their_hours() -> None:
    exam = Unit("D-E1", "Exam", 3, 999, werkprocessen=("D-B1-K1-W1", "D-B1-K1-W7"))
    issues = check_catalog(catalog(units=[BASIS, NL_2F, exam]))
    assert said(issues) == [
        ("unit", "D-E1", "werkprocessen", "unknown_werkproces", {"value": "D-B1-K1-W7"})
    ]
    overstated = Unit("D-E1", "Exam", 3, 999, werkprocessen=("D-B1-K1-W1",))
    issues = check_catalog(catalog(units=[BASIS, NL_2F, overstated]))
    assert said(issues) == [
        ("unit", "D-E1", "hours", "not_sum_of_werkprocessen", {"hours": "400", "value": "999"})
    ]


def test_another_cut_must_divide_the_same_werkprocessen() -> None:
    second = Unit("D-B1-K2", "Second", 3, 100, outcomes=(Outcome("D-B1-K2-W1", "Twee"),))
    q = Qualification("10001", "Q", 3, 3, ("D-B1-K1", "D-B1-K2"), cuts=(Cut("half", ("D-B1-K1",)),))
    issues = check_catalog(catalog(qualifications=[q], units=[BASIS, second, NL_2F]))
    assert said(issues) == [
        ("qualification", "10001", "cuts", "cut_misses", {"name": "half", "codes": ("D-B1-K2-W1",)})
    ]


def test_another_cut_has_a_name_of_its_own_and_no_werkprocessen_beyond_the_default() -> None:
    extra = Unit("D-P1-K1", "Profiel", 3, 300, outcomes=(Outcome("D-P1-K1-W1", "Twee"),))
    cuts = (Cut("", ("D-B1-K1",)), Cut("Heel", ("D-B1-K1",)), Cut("heel", ("D-B1-K1",)))
    wider = Cut("breed", ("D-B1-K1", "D-P1-K1"))
    q = Qualification("10001", "Q", 3, 3, ("D-B1-K1",), cuts=(*cuts, wider))
    issues = check_catalog(catalog(qualifications=[q], units=[BASIS, extra, NL_2F]))
    assert kinds(issues) == [
        ("cut_without_name", {}),
        ("cut_twice", {"name": "Heel"}),
        ("cut_twice", {"name": "heel"}),
        ("cut_extra", {"name": "breed", "codes": ("D-P1-K1-W1",)}),
    ]


def test_a_successor_must_be_a_current_qualification_of_the_catalog() -> None:
    old = Qualification("10000", "Old", 3, 3, ("D-B1-K1",), superseded_by=("10001", "99999"))
    issues = check_catalog(catalog(qualifications=[old, qualification()]))
    assert said(issues) == [
        ("qualification", "10000", "superseded_by", "unknown_qualification", {"value": "99999"})
    ]
    older = Qualification("9999", "Older", 3, 3, ("D-B1-K1",), superseded_by=("10000",))
    issues = check_catalog(catalog(qualifications=[older, old, qualification()]))
    assert said(issues)[0] == (
        "qualification",
        "9999",
        "superseded_by",
        "successor_superseded",
        {"value": "10000"},
    )


def test_the_shortened_keuzedeel_obligation_is_at_most_the_full_one() -> None:
    q = Qualification(
        "10001", "Q", 3, 3, ("D-B1-K1",), elective_hours=480, elective_hours_shortened=720
    )
    issues = check_catalog(catalog(qualifications=[q]))
    assert said(issues) == [
        (
            "qualification",
            "10001",
            "elective_hours_shortened",
            "beyond_field",
            {"other": "elective_hours", "high": "480", "value": "720"},
        )
    ]


def test_only_a_generic_subject_is_an_obligation() -> None:
    odd = Unit("D-P1-K1", "Profiel", 3, 300, obligation=True)
    issues = check_catalog(catalog(units=[BASIS, NL_2F, odd]))
    assert said(issues) == [("unit", "D-P1-K1", "obligation", "obligation_not_generic", {})]


def test_prior_education_admits_to_an_mbo_level_of_0_to_4() -> None:
    issues = check_catalog(
        Catalog([qualification()], [BASIS, NL_2F], prior_education=[PriorEducation("X", "X", 5)])
    )
    assert said(issues) == [
        (
            "prior_education",
            "X",
            "admits_level",
            "out_of_range",
            {"low": 0, "high": 4, "value": "5"},
        )
    ]


def test_an_equivalence_may_count_for_a_retired_code_that_counts_on() -> None:
    retired = [Equivalence("OLD-UNIT", ("OLD-W1",)), Equivalence("OLD-W1", ("D-B1-K1-W1",))]
    assert check_catalog(catalog(equivalences=retired)) == []


def broken_every_way() -> Catalog:
    """A catalog with one issue of every kind the checks find."""
    extra = Unit("D-P1-K1", "Profiel", 3, 300, outcomes=(Outcome("D-P1-K1-W1", "Twee", -1),))
    exam = Unit("D-E1", "Exam", 3, 999, werkprocessen=("D-B1-K1-W1",))
    lost = Unit("D-E2", "Exam", 3, 1, werkprocessen=("D-B1-K1-W9",))
    odd = Unit("D-O1", "Odd", 9, -1, obligation=True, exam_hours=-2)
    rek = Unit("REK-3F", "Rekenen", 3, 160)
    cuts = (Cut("", ("D-B1-K1",)), Cut("a", ("D-B1-K1",)), Cut("A", ("D-B1-K1",)))
    broken = Qualification(
        "10001",
        "Q",
        7,
        0,
        ("D-B1-K1", "D-X", "NL-2F"),
        GenericRequirements(nederlands="3F", rekenen="3F"),
        elective_hours=-1,
        elective_hours_shortened=5,
        valid_from=date(2020, 8, 1),
        valid_until=date(2019, 7, 31),
        cuts=cuts,
        superseded_by=("99999", "10003"),
    )
    divided = Qualification(
        "10002",
        "Q2",
        3,
        3,
        ("D-B1-K1",),
        cuts=(Cut("minder", ()), Cut("meer", ("D-B1-K1", "D-P1-K1"))),
    )
    old = Qualification("10003", "Q3", 3, 3, ("D-B1-K1",), superseded_by=("10002",))
    return Catalog(
        [broken, divided, old],
        [BASIS, NL_2F, extra, exam, lost, odd, rek],
        [Certificate("C", "C", ("D-Y",), level=0, parent_crebo="99998")],
        [
            Prerequisite("D-B1-K1", "D-Z"),
            Prerequisite("D-B1-K1", "D-P1-K1"),
            Prerequisite("D-P1-K1", "D-B1-K1"),
        ],
        [Equivalence("OLD", ("D-W",))],
        prior_education=[PriorEducation("X", "X", 5)],
    )


CHECKED_KINDS = {
    "out_of_range",
    "too_small",
    "not_positive",
    "beyond_field",
    "before_date",
    "obligation_not_generic",
    "not_sum_of_werkprocessen",
    "unknown_unit",
    "unknown_werkproces",
    "unknown_unit_or_werkproces",
    "unknown_qualification",
    "generic_in_units",
    "cut_without_name",
    "cut_twice",
    "cut_misses",
    "cut_extra",
    "successor_superseded",
    "generic_unit_missing",
    "generic_unit_kind",
    "prerequisite_cycle",
}


def test_every_issue_says_a_problem_that_the_messages_word() -> None:
    issues = check_catalog(broken_every_way())
    assert {i.message.kind for i in issues} == CHECKED_KINDS
    for issue in issues:
        key = f"problem.{issue.message.kind}"
        assert key in MESSAGES, key
        text = render(key, dict(issue.message.data))  # every placeholder has its data
        assert "%(" not in text, (key, text)


def test_the_english_developer_text_stays_on_the_issue() -> None:
    [issue] = check_catalog(catalog(qualifications=[qualification(("D-B1-K1", "D-X"))]))
    assert issue.message == "unknown unit D-X"
