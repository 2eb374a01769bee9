"""The pre-scan by example: the DOMAIN.md cases on the current catalog, each rule, the
durations by pathway, admission, the reasons and the errors."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

import pytest

from opmaat.domain.catalog import Catalog, Equivalence
from opmaat.domain.errors import UnknownCode
from opmaat.domain.prescan.scan import (
    DEFAULT_RULES,
    DEFAULT_TIME,
    Basis,
    CanDo,
    Estimate,
    InvalidAnswer,
    InvalidPrescanRule,
    OutcomeNotInTarget,
    PrescanResult,
    PrescanRules,
    UnitEstimate,
    UnitRule,
    parse_can_do,
    prescan_document,
    run_prescan,
    unit_document,
)
from opmaat.domain.routes import (
    AdmissionRule,
    Holdings,
    Leerweg,
    NotATarget,
    StudyTime,
    plan_route,
    study_time,
    target_of,
)
from opmaat.explanations import (
    add_prescan_texts,
    admission_reason,
    prescan_sentences,
    unit_reason,
)
from tests.domain.routes.factories import mz_catalog

START = date(2027, 9, 1)
BBL_28 = study_time(Leerweg.BBL, work_hours=28)
MZ4_CUT = ("23312-E1", "23312-E2", "23312-E3", "23312-E4")


@pytest.fixture(scope="module")
def mz() -> Catalog:
    return mz_catalog()


def everything(catalog: Catalog, target: str, answer: CanDo) -> dict[str, CanDo]:
    """`answer` on every werkproces the target asks for."""
    _, requirements = target_of(catalog, target)
    return dict.fromkeys(requirements.werkprocessen(), answer)


def by_code(result: PrescanResult) -> dict[str, Estimate]:
    return {u.code: u.estimate for u in result.units}


def scan(
    catalog: Catalog,
    target: str,
    have: list[str],
    answers: Mapping[str, CanDo] | None = None,
    rules: PrescanRules = DEFAULT_RULES,
    time: StudyTime = DEFAULT_TIME,
) -> PrescanResult:
    return run_prescan(catalog, target, have, answers or {}, rules, time, START)


def explained(result: PrescanResult) -> list[str]:
    """The result's durations and why, as the edges word them in Dutch."""
    return prescan_sentences(prescan_document(result))


def reason(unit: UnitEstimate) -> str:
    """Why the unit got its estimate, as the edges word it in Dutch."""
    return unit_reason(unit_document(unit))


class TestCertain:
    """`certain` when what is held covers every werkproces of the unit, directly or through
    the equivalence table; the reason names the code and the rule."""

    def test_a_begeleider_mz_aiming_at_persoonlijk_begeleider_is_certain_of_the_basisdeel(
        self, default_catalog: Catalog
    ) -> None:
        result = scan(default_catalog, "25779", ["25780"])
        certain = [u.code for u in result.units if u.estimate == Estimate.CERTAIN]
        assert certain == ["23312-B1-K1-1", "23312-B1-K1-4", "23312-B1-K1-5", "23312-B1-K2-1"]
        first = result.units[0]
        assert first.basis == Basis.HOLDING and first.via == ("25780",)
        assert "diploma 25780" in reason(first)

    def test_a_partly_credited_exam_unit_costs_only_its_missing_werkprocessen(
        self, default_catalog: Catalog
    ) -> None:
        """23312-B1-K1-2 examines two basisdeel werkprocessen and one of the profile."""
        unit = scan(default_catalog, "25779", ["25780"]).units[1]
        assert unit.code == "23312-B1-K1-2" and unit.estimate != Estimate.CERTAIN
        assert unit.credited == ("23312-B1-K1-W4", "23312-B1-K1-W8")
        assert unit.hours_missing == pytest.approx(default_catalog.hours_of(["23312-P2-K1-W4"]))
        assert set(unit.met) == set(unit.credited)

    def test_an_old_2016_diploma_is_certain_through_the_equivalence_table(
        self, default_catalog: Catalog
    ) -> None:
        result = scan(default_catalog, "25656", ["25491"])
        assert set(by_code(result).values()) == {Estimate.CERTAIN}
        unit = result.units[0]
        assert unit.basis == Basis.EQUIVALENCE and unit.equivalences[0].source == "25491"
        assert "gelijkwaardigheid: 25491 telt voor 23268-B1-K1-W1, 23268-B1-K1-W4" in reason(unit)

    def test_the_certificate_basis_voor_deskundige_zorg_covers_werk_in_uitvoering(
        self, default_catalog: Catalog
    ) -> None:
        """Issue 12: the certificate is part of VIG and counts (C0054 = W1 and W4)."""
        result = scan(default_catalog, "25656", ["C0054"])
        first, *rest = result.units
        assert (first.code, first.estimate, first.via) == (
            "23268-B1-K1-1",
            Estimate.CERTAIN,
            ("C0054",),
        )
        assert "certificaat C0054 (Basis voor deskundige zorg)" in reason(first)
        assert all(u.estimate != Estimate.CERTAIN for u in rest)
        assert result.remaining_hours_pessimistic < result.full_hours

    def test_an_equivalence_names_its_note(self, mz: Catalog) -> None:
        catalog = Catalog(
            qualifications=mz.qualifications.values(),
            units=mz.units.values(),
            equivalences=[
                *mz.equivalences,
                Equivalence("OLD-1", ("23312-B1-K2",), note="oud diploma 2012", source_name="Oud"),
            ],
        )
        unit = scan(catalog, "25780", ["old-1"]).units[1]
        assert unit.estimate == Estimate.CERTAIN and unit.basis == Basis.EQUIVALENCE
        assert "diploma OLD-1 (Oud)" in reason(unit) and "oud diploma 2012" in reason(unit)


class TestAnswers:
    """The answers, per werkproces, judged by the default rule or the editor's."""

    def test_a_level_3_side_entrant_on_my_own_everywhere_is_likely_on_every_unit(
        self, default_catalog: Catalog
    ) -> None:
        """DOMAIN.md: EVC for MZ3 exempted every unit; only the generic part remained."""
        answers = everything(default_catalog, "25780", CanDo.ON_MY_OWN)
        result = scan(default_catalog, "25780", [], answers=answers)
        assert set(by_code(result).values()) == {Estimate.LIKELY}
        assert {i.track.value for i in result.expected.items} <= {"generic", "elective"}
        assert result.generic_missing == ("NL-2F", "REK-3", "LB")
        assert result.remaining_hours_pessimistic == result.full_hours

    def test_a_certificate_of_two_werkprocessen_counts_them_as_met(self, mz: Catalog) -> None:
        answers = {f"23312-P2-K1-W{i}": CanDo.ON_MY_OWN for i in (4, 5, 6)}
        without = scan(mz, "25779", [], answers=answers).units[3]
        with_cert = scan(mz, "25779", ["C-P2"], answers=answers).units[3]
        assert (without.code, without.estimate) == ("23312-E4", Estimate.POSSIBLE)
        assert with_cert.estimate == Estimate.LIKELY
        assert with_cert.credited == ("23312-P2-K1-W2", "23312-P2-K1-W3")
        assert set(with_cert.met) == {f"23312-P2-K1-W{i}" for i in range(2, 7)}

    @pytest.mark.parametrize(
        ("answers", "expected"),
        [
            ({}, Estimate.UNLIKELY),
            ({"23312-B1-K2-W1": CanDo.TEACHES_OTHERS}, Estimate.POSSIBLE),
            (
                {"23312-B1-K2-W1": CanDo.ON_MY_OWN, "23312-B1-K2-W2": CanDo.WITH_HELP},
                Estimate.POSSIBLE,
            ),
            (
                {"23312-B1-K2-W1": CanDo.WITH_HELP, "23312-B1-K2-W2": CanDo.WITH_HELP},
                Estimate.UNLIKELY,
            ),
            (
                {"23312-B1-K2-W1": CanDo.ON_MY_OWN, "23312-B1-K2-W2": CanDo.ON_MY_OWN},
                Estimate.LIKELY,
            ),
        ],
    )
    def test_the_default_rule_asks_on_my_own_everywhere_for_likely_and_half_for_possible(
        self, mz: Catalog, answers: dict[str, CanDo], expected: Estimate
    ) -> None:
        unit = scan(mz, "23312-B1-K2", [], answers=answers).units[0]
        assert unit.estimate == expected
        assert unit.basis == Basis.DEFAULT_RULE and "Standaardregel" in reason(unit)

    def test_an_editor_rule_counts_only_the_werkprocessen_it_names(self, mz: Catalog) -> None:
        rules = PrescanRules(
            units=(UnitRule("23312-B1-K2", counted=("23312-B1-K2-W1",), note="W2 volgt uit W1"),)
        )
        answers = {"23312-B1-K2-W1": CanDo.ON_MY_OWN}
        unit = scan(mz, "23312-B1-K2", [], answers=answers, rules=rules).units[0]
        assert unit.estimate == Estimate.LIKELY and unit.counted == ("23312-B1-K2-W1",)
        assert unit.basis == Basis.UNIT_RULE and "W2 volgt uit W1" in reason(unit)

    def test_an_editor_rule_may_raise_the_bar(self, mz: Catalog) -> None:
        rules = PrescanRules(units=(UnitRule("23312-B1-K2", likely_at=CanDo.TEACHES_OTHERS),))
        answers = everything(mz, "23312-B1-K2", CanDo.ON_MY_OWN)
        unit = scan(mz, "23312-B1-K2", [], answers=answers, rules=rules).units[0]
        assert unit.estimate == Estimate.UNLIKELY

    def test_the_estimates_follow_the_default_cut_of_the_target(self, mz: Catalog) -> None:
        result = scan(mz, "25779", [])
        assert tuple(u.code for u in result.units) == MZ4_CUT
        assert result.units[0].werkprocessen == (
            "23312-B1-K1-W1",
            "23312-B1-K1-W2",
            "23312-P2-K1-W1",
        )


class TestDurations:
    """The rest is planned by the route planner on the person's week: the expected route
    (likely units granted), the pessimistic one (certain only) and the whole programme."""

    def test_the_routes_are_the_planners_for_the_same_week_and_start(
        self, default_catalog: Catalog
    ) -> None:
        result = scan(default_catalog, "25656", ["C0054"], time=BBL_28)
        route = plan_route(default_catalog, "25656", Holdings(codes=("C0054",)), START, BBL_28)
        assert result.pessimistic.total_hours == route.total_hours
        assert result.pessimistic.completion_date == route.completion_date
        assert result.full.nominal_months == 36.0
        assert result.time == BBL_28

    def test_the_likely_units_shorten_the_expected_route_but_not_the_pessimistic_one(
        self, mz: Catalog
    ) -> None:
        answers = everything(mz, "23312-B1-K2", CanDo.ON_MY_OWN)
        result = scan(mz, "25780", [], answers=answers)
        assert result.remaining_hours_pessimistic == result.full_hours
        assert result.remaining_hours < result.remaining_hours_pessimistic
        assert result.expected.months <= result.pessimistic.months

    def test_bbl_with_28_contract_hours_ends_sooner_than_bol_part_time(
        self, default_catalog: Catalog
    ) -> None:
        """The hours at the training company count as study load (WEB art. 7.2.7)."""
        bbl = scan(default_catalog, "25656", ["VMBO-GT"], time=BBL_28)
        part_time = scan(default_catalog, "25656", ["VMBO-GT"], time=study_time(Leerweg.BOL, 20))
        assert by_code(bbl) == by_code(part_time)
        assert bbl.expected.months < part_time.expected.months

    def test_the_explanation_gives_the_months_against_the_nominal_duration(
        self, default_catalog: Catalog
    ) -> None:
        answers = {"23268-B1-K1-W3": CanDo.ON_MY_OWN}
        sentences = explained(
            scan(default_catalog, "25656", ["C0054"], answers=answers, time=BBL_28)
        )
        assert sentences[0].startswith("Verwacht, als de waarschijnlijke vrijstellingen")
        assert sentences[1].startswith("Alleen met de zekere vrijstellingen: ")
        assert "Nominaal duurt Verzorgende-IG 36 maanden." in sentences
        assert sentences[3].startswith("2 van de 11 werkprocessen zijn al erkend; 1 is waar")
        assert any(s.startswith("BBL met 28 uur werk") for s in sentences)


class TestAdmission:
    """A target the person may not start is shown as not open, with the reason."""

    def test_entree_is_not_open_to_someone_with_a_vmbo_diploma(
        self, default_catalog: Catalog
    ) -> None:
        result = scan(default_catalog, "25741", ["VMBO-GT"])
        said = admission_reason(prescan_document(result))
        assert not result.open and result.admission.rule == AdmissionRule.ENTREE
        assert "Entree is alleen voor" in said and "VMBO-GT" in said
        assert result.units and said in explained(result)

    def test_the_praktijkopleider_asks_for_a_level_3_diploma(
        self, default_catalog: Catalog
    ) -> None:
        assert not scan(default_catalog, "25487", []).open
        assert scan(default_catalog, "25487", ["25656"]).open

    def test_a_superseded_target_still_scans_and_names_its_successor(
        self, default_catalog: Catalog
    ) -> None:
        result = scan(default_catalog, "25477", ["25475"])
        assert result.target.superseded_by == ("25779",)
        assert any("vervangen door 25779" in s for s in explained(result))


class TestErrors:
    def test_an_answer_about_a_werkproces_outside_the_target_names_the_closest(
        self, mz: Catalog
    ) -> None:
        with pytest.raises(OutcomeNotInTarget) as error:
            scan(mz, "25780", [], answers={"23312-P2-K1-W1": CanDo.NEVER})
        assert error.value.code == "outcome_not_in_target"
        assert (error.value.data["value"], error.value.data["target"]) == (
            "23312-P2-K1-W1",
            "25780",
        )
        assert "23312-P1-K1-W1" in error.value.closest

    def test_unknown_held_codes_and_targets_are_refused(self, mz: Catalog) -> None:
        with pytest.raises(UnknownCode):
            scan(mz, "25780", ["NOPE"])
        with pytest.raises(UnknownCode):
            scan(mz, "99999", [])
        with pytest.raises(NotATarget):
            scan(mz, "23312-B1-K1-W1", [])

    def test_answers_are_parsed_without_regard_to_case_and_bad_ones_name_the_choices(
        self,
    ) -> None:
        assert parse_can_do(" On_My_Own ") == CanDo.ON_MY_OWN
        with pytest.raises(InvalidAnswer) as error:
            parse_can_do("sometimes")
        assert error.value.code == "invalid_answer"
        assert error.value.data == {
            "value": "sometimes",
            "choices": ("never", "with_help", "on_my_own", "teaches_others"),
        }

    @pytest.mark.parametrize(
        "rules",
        [
            lambda: PrescanRules(likely_at=CanDo.NEVER),
            lambda: PrescanRules(possible_share=0),
            lambda: UnitRule("X", possible_share=1.5),
        ],
    )
    def test_rules_that_would_estimate_without_evidence_are_refused(
        self, rules: Callable[[], object]
    ) -> None:
        with pytest.raises(InvalidPrescanRule):
            rules()


def test_the_document_has_the_promised_fields(default_catalog: Catalog) -> None:
    """The document of `opmaat prescan --json`, its texts worded as the edges do."""
    result = scan(default_catalog, "25779", ["25780"], time=BBL_28)
    document = add_prescan_texts(prescan_document(result))
    assert {
        "target",
        "have",
        "units",
        "counts",
        "full_hours",
        "remaining_hours",
        "remaining_hours_pessimistic",
        "generic_missing",
        "elective_hours_missing",
        "provisional",
        "open",
        "reason",
        "start",
        "pathway",
        "hours_per_week",
        "study_hours_per_week",
        "work_hours_per_week",
        "nominal_months",
        "full_months",
        "months_remaining",
        "months_remaining_pessimistic",
        "completion_date",
        "werkprocessen",
        "credited_werkprocessen",
        "explanation",
    } <= set(document)
    assert (document["pathway"], document["work_hours_per_week"]) == ("BBL", 28.0)
    assert document["start"] == "2027-09-01" and document["open"] is True
    units = document["units"]
    assert isinstance(units, list)
    for unit in units:
        assert {"code", "estimate", "reason", "werkprocessen", "credited_werkprocessen"} <= set(
            unit
        )
        assert unit["estimate"] in {"certain", "likely", "possible", "unlikely"}
