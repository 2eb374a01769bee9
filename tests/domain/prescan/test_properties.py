"""Properties of the pre-scan over random valid catalogs, holdings, answers and weeks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from opmaat.domain.catalog import Catalog
from opmaat.domain.prescan.scan import (
    CAN_DO_ORDER,
    CanDo,
    Estimate,
    PrescanResult,
    PrescanRules,
    UnitRule,
    run_prescan,
    unit_document,
)
from opmaat.domain.routes import (
    Holdings,
    StudyTime,
    resolve_credit,
    target_of,
)
from opmaat.domain.routes.gap import unit_gap
from opmaat.explanations import unit_reason
from tests.strategies import catalogs, start_dates, targets, times

EXAMPLES = settings(max_examples=80, deadline=None)
SLACK = 1e-6


@dataclass(frozen=True)
class Scan:
    """One pre-scan's input: catalog, target, held codes, answers, rules, week and start."""

    catalog: Catalog
    target: str
    have: list[str]
    answers: dict[str, CanDo]
    rules: PrescanRules
    time: StudyTime
    start: date

    def run(
        self, have: list[str] | None = None, answers: dict[str, CanDo] | None = None
    ) -> PrescanResult:
        return run_prescan(
            self.catalog,
            self.target,
            self.have if have is None else have,
            self.answers if answers is None else answers,
            self.rules,
            self.time,
            self.start,
        )


def asked(catalog: Catalog, target: str) -> list[str]:
    """The werkprocessen the target asks for, the ones answers may be about."""
    _, requirements = target_of(catalog, target)
    return list(requirements.werkprocessen())


@st.composite
def rules(draw: st.DrawFn, catalog: Catalog) -> PrescanRules:
    units = [u for u in catalog.units.values() if u.outcomes]
    chosen = draw(st.lists(st.sampled_from(units), unique=True, max_size=2)) if units else []
    return PrescanRules(
        likely_at=draw(st.sampled_from(CAN_DO_ORDER[1:])),
        possible_share=draw(st.sampled_from([0.25, 0.5, 1.0])),
        units=tuple(
            UnitRule(
                u.code,
                counted=tuple(
                    draw(st.lists(st.sampled_from([o.code for o in u.outcomes]), unique=True))
                ),
                likely_at=draw(st.none() | st.sampled_from(CAN_DO_ORDER[1:])),
            )
            for u in chosen
        ),
    )


@st.composite
def scans(draw: st.DrawFn) -> Scan:
    catalog = draw(catalogs())
    target = draw(targets(catalog))
    held = [*catalog.qualifications, *catalog.certificates, *catalog.units, *catalog.outcome_unit]
    have = draw(st.lists(st.sampled_from(held), max_size=3, unique=True))
    outcomes = asked(catalog, target)
    answers = (
        draw(st.dictionaries(st.sampled_from(outcomes), st.sampled_from(CAN_DO_ORDER)))
        if outcomes
        else {}
    )
    return Scan(
        catalog, target, have, answers, draw(rules(catalog)), draw(times()), draw(start_dates)
    )


def ranks(result: PrescanResult) -> list[int]:
    return [u.estimate.rank for u in result.units]


def never_longer(after: PrescanResult, before: PrescanResult) -> bool:
    """Neither route ends later or costs more hours."""
    return (
        after.remaining_hours <= before.remaining_hours + SLACK
        and after.remaining_hours_pessimistic <= before.remaining_hours_pessimistic + SLACK
        and after.expected.completion_date <= before.expected.completion_date
        and after.pessimistic.completion_date <= before.pessimistic.completion_date
    )


class TestMoreEvidenceNeverLowersAnEstimate:
    """Issue 5, item 7: more evidence never lowers an estimate; issue 12: nor does it make
    the rest take longer, in hours or in time, on the person's week."""

    @EXAMPLES
    @given(scans(), st.data())
    def test_another_held_code_never_lowers_any_unit(self, s: Scan, data: st.DataObject) -> None:
        held = [*s.catalog.qualifications, *s.catalog.certificates, *s.catalog.units]
        extra = data.draw(st.sampled_from([*held, *s.catalog.outcome_unit]))
        before, after = s.run(), s.run(have=[*s.have, extra])
        assert all(a >= b for a, b in zip(ranks(after), ranks(before), strict=True))
        assert never_longer(after, before)

    @EXAMPLES
    @given(scans(), st.data())
    def test_a_higher_answer_never_lowers_any_unit(self, s: Scan, data: st.DataObject) -> None:
        outcomes = asked(s.catalog, s.target)
        if not outcomes:
            return
        outcome = data.draw(st.sampled_from(outcomes))
        current = s.answers.get(outcome, CanDo.NEVER)
        higher = data.draw(st.sampled_from(CAN_DO_ORDER[current.rank :]))
        before, after = s.run(), s.run(answers={**s.answers, outcome: higher})
        assert all(a >= b for a, b in zip(ranks(after), ranks(before), strict=True))
        assert never_longer(after, before)


class TestWhatTheEstimatesMean:
    """`certain` exactly when the holdings cover the unit's werkprocessen; the expected
    route is never longer than the pessimistic one, which is never longer than the whole
    programme; a unit's missing hours are those of its werkprocessen not credited."""

    @EXAMPLES
    @given(scans())
    def test_certain_exactly_when_covered_by_the_holdings(self, s: Scan) -> None:
        credit = resolve_credit(s.catalog, Holdings(codes=tuple(s.have)))
        _, requirements = target_of(s.catalog, s.target)
        result = s.run()
        for (code, required), unit in zip(requirements.units, result.units, strict=True):
            covered = unit_gap(s.catalog, code, required, credit) is None
            assert (unit.estimate == Estimate.CERTAIN) == covered
            assert unit_reason(unit_document(unit))  # every estimate says why

    @EXAMPLES
    @given(scans())
    def test_a_units_missing_hours_are_those_of_its_uncredited_werkprocessen(self, s: Scan) -> None:
        for unit in s.run().units:
            assert set(unit.credited) <= set(unit.werkprocessen)
            if unit.estimate == Estimate.CERTAIN:
                assert unit.hours_missing == 0
            elif unit.werkprocessen:
                missing = set(unit.werkprocessen) - set(unit.credited)
                assert abs(unit.hours_missing - s.catalog.hours_of(missing)) < SLACK

    @EXAMPLES
    @given(scans())
    def test_the_route_figures_are_ordered(self, s: Scan) -> None:
        result = s.run()
        assert result.remaining_hours <= result.remaining_hours_pessimistic + SLACK
        assert result.remaining_hours_pessimistic <= result.full_hours + SLACK
        assert result.expected.completion_date <= result.pessimistic.completion_date
        assert result.pessimistic.completion_date <= result.full.completion_date
