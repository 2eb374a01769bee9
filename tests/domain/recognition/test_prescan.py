"""The pre-scan by example: the DOMAIN.md cases, each rule, the reasons and the errors."""

from __future__ import annotations

import pytest

from opmaat.domain.catalog import Catalog, Equivalence
from opmaat.domain.errors import UnknownCode
from opmaat.domain.recognition.prescan import (
    Basis,
    CanDo,
    Estimate,
    InvalidAnswer,
    InvalidPrescanRule,
    OutcomeNotInTarget,
    PrescanResult,
    PrescanRules,
    UnitRule,
    parse_can_do,
    prescan_document,
    run_prescan,
)
from opmaat.domain.routes import NotATarget
from tests.domain.routes.factories import mz_catalog

MZ3 = ("23181-B1-K1", "23181-B1-K2", "23181-P1-K1")


@pytest.fixture(scope="module")
def mz() -> Catalog:
    return mz_catalog()


def everything(catalog: Catalog, units: tuple[str, ...], answer: CanDo) -> dict[str, CanDo]:
    return {o.code: answer for u in units for o in catalog.units[u].outcomes}


def by_code(result: PrescanResult) -> dict[str, Estimate]:
    return {u.code: u.estimate for u in result.units}


def test_an_mz3_diploma_holder_aiming_at_mz4_is_certain_of_the_shared_basisdeel(
    default_catalog: Catalog,
) -> None:
    result = run_prescan(default_catalog, "25477", ["25475"], {})
    assert by_code(result) == {
        "23181-B1-K1": Estimate.CERTAIN,
        "23181-B1-K2": Estimate.CERTAIN,
        "23181-P3-K1": Estimate.UNLIKELY,
    }
    basisdeel = result.units[0]
    assert basisdeel.basis == Basis.HOLDING and basisdeel.via == ("25475",)
    assert "diploma 25475" in basisdeel.reason


def test_a_level_3_side_entrant_on_my_own_everywhere_is_likely_on_every_unit(
    default_catalog: Catalog,
) -> None:
    """DOMAIN.md: EVC for MZ3 exempted all six units; only generic subjects remained."""
    answers = everything(default_catalog, MZ3, CanDo.ON_MY_OWN)
    result = run_prescan(default_catalog, "25475", [], answers)
    assert set(by_code(result).values()) == {Estimate.LIKELY}
    assert result.generic_missing == ("NL-2F", "REK-2F", "LB")
    generic_and_electives = 160 + 120 + 200 + 720
    assert result.remaining_hours == generic_and_electives
    assert result.remaining_hours_pessimistic == result.full_hours


def test_an_equivalence_makes_a_unit_certain_and_the_reason_names_the_rule(mz: Catalog) -> None:
    catalog = Catalog(
        qualifications=mz.qualifications.values(),
        units=mz.units.values(),
        equivalences=[
            *mz.equivalences,
            Equivalence("OLD-1", ("23181-B1-K2",), note="oud diploma 2012", source_name="Oud"),
        ],
    )
    unit = run_prescan(catalog, "25477", ["old-1"], {}).units[1]
    assert unit.estimate == Estimate.CERTAIN and unit.basis == Basis.EQUIVALENCE
    assert unit.equivalences[0].source == "OLD-1"
    assert "diploma OLD-1 (Oud)" in unit.reason and "gelijkwaardigheid" in unit.reason
    assert "oud diploma 2012" in unit.reason


def test_a_certificate_of_two_outcomes_counts_them_as_met(mz: Catalog) -> None:
    answers = {f"23181-B1-K1-W{i}": CanDo.ON_MY_OWN for i in range(3, 8)}
    without = run_prescan(mz, "25475", [], answers).units[0]
    with_cert = run_prescan(mz, "25475", ["CERT-B1-K1-PART"], answers).units[0]
    assert without.estimate == Estimate.POSSIBLE
    assert with_cert.estimate == Estimate.LIKELY
    assert set(with_cert.met) == {f"23181-B1-K1-W{i}" for i in range(1, 8)}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({}, Estimate.UNLIKELY),
        ({"23181-B1-K2-W1": CanDo.TEACHES_OTHERS}, Estimate.POSSIBLE),
        ({"23181-B1-K2-W1": CanDo.ON_MY_OWN, "23181-B1-K2-W2": CanDo.WITH_HELP}, Estimate.POSSIBLE),
        ({"23181-B1-K2-W1": CanDo.WITH_HELP, "23181-B1-K2-W2": CanDo.WITH_HELP}, Estimate.UNLIKELY),
        ({"23181-B1-K2-W1": CanDo.ON_MY_OWN, "23181-B1-K2-W2": CanDo.ON_MY_OWN}, Estimate.LIKELY),
    ],
)
def test_the_default_rule_asks_on_my_own_everywhere_for_likely_and_half_for_possible(
    mz: Catalog, answers: dict[str, CanDo], expected: Estimate
) -> None:
    unit = run_prescan(mz, "23181-B1-K2", [], answers).units[0]
    assert unit.estimate == expected
    assert unit.basis == Basis.DEFAULT_RULE and "Standaardregel" in unit.reason


def test_an_editor_rule_counts_only_the_outcomes_it_names(mz: Catalog) -> None:
    rules = PrescanRules(
        units=(UnitRule("23181-B1-K2", counted=("23181-B1-K2-W1",), note="W2 volgt uit W1"),)
    )
    unit = run_prescan(mz, "23181-B1-K2", [], {"23181-B1-K2-W1": CanDo.ON_MY_OWN}, rules).units[0]
    assert unit.estimate == Estimate.LIKELY and unit.counted == ("23181-B1-K2-W1",)
    assert unit.basis == Basis.UNIT_RULE and "W2 volgt uit W1" in unit.reason


def test_an_editor_rule_may_raise_the_bar(mz: Catalog) -> None:
    rules = PrescanRules(units=(UnitRule("23181-B1-K2", likely_at=CanDo.TEACHES_OTHERS),))
    answers = everything(mz, ("23181-B1-K2",), CanDo.ON_MY_OWN)
    assert run_prescan(mz, "23181-B1-K2", [], answers, rules).units[0].estimate == (
        Estimate.UNLIKELY
    )


def test_the_likely_units_shorten_the_expected_route_but_not_the_pessimistic_one(
    mz: Catalog,
) -> None:
    answers = everything(mz, ("23181-B1-K2",), CanDo.ON_MY_OWN)
    result = run_prescan(mz, "25475", [], answers)
    assert result.remaining_hours_pessimistic == result.full_hours
    assert result.remaining_hours == result.full_hours - 200


def test_the_estimates_follow_the_targets_unit_order(mz: Catalog) -> None:
    assert [u.code for u in run_prescan(mz, "25475", [], {}).units] == list(MZ3)


def test_an_answer_about_an_outcome_outside_the_target_names_the_closest(mz: Catalog) -> None:
    with pytest.raises(OutcomeNotInTarget) as error:
        run_prescan(mz, "25475", [], {"23181-P3-K1-W1": CanDo.NEVER})
    assert str(error.value).startswith("23181-P3-K1-W1: unknown outcome of 25475; closest: ")
    assert "23181-P1-K1-W1" in error.value.closest


def test_unknown_held_codes_and_targets_are_refused(mz: Catalog) -> None:
    with pytest.raises(UnknownCode):
        run_prescan(mz, "25475", ["NOPE"], {})
    with pytest.raises(UnknownCode):
        run_prescan(mz, "99999", [], {})
    with pytest.raises(NotATarget):
        run_prescan(mz, "23181-B1-K1-W1", [], {})


def test_answers_are_parsed_without_regard_to_case_and_bad_ones_name_the_choices() -> None:
    assert parse_can_do(" On_My_Own ") == CanDo.ON_MY_OWN
    with pytest.raises(InvalidAnswer) as error:
        parse_can_do("sometimes")
    assert str(error.value) == (
        "'sometimes' is not one of never, with_help, on_my_own, teaches_others"
    )


@pytest.mark.parametrize(
    "rules",
    [
        lambda: PrescanRules(likely_at=CanDo.NEVER),
        lambda: PrescanRules(possible_share=0),
        lambda: UnitRule("X", possible_share=1.5),
    ],
)
def test_rules_that_would_estimate_without_evidence_are_refused(rules: object) -> None:
    with pytest.raises(InvalidPrescanRule):
        rules()  # type: ignore[operator]


def test_the_document_has_the_promised_fields(mz: Catalog) -> None:
    document = prescan_document(run_prescan(mz, "25477", ["25475"], {}))
    assert {"units", "remaining_hours", "remaining_hours_pessimistic", "full_hours"} <= set(
        document
    )
    units = document["units"]
    assert isinstance(units, list)
    for unit in units:
        assert {"code", "estimate", "reason"} <= set(unit)
        assert unit["estimate"] in {"certain", "likely", "possible", "unlikely"}


def test_weeks_round_up() -> None:
    assert PrescanResult.weeks(100, 20) == 5
    assert PrescanResult.weeks(101, 20) == 6
    assert PrescanResult.weeks(0, 20) == 0
