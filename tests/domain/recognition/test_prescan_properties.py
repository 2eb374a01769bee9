"""Properties of the pre-scan over random valid catalogs, holdings and answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from opmaat.domain.catalog import Catalog
from opmaat.domain.recognition.prescan import (
    CAN_DO_ORDER,
    CanDo,
    Estimate,
    PrescanResult,
    PrescanRules,
    UnitRule,
    run_prescan,
)
from opmaat.domain.routes import Holdings, resolve_credit, target_of
from opmaat.domain.routes.gap import unit_gap
from tests.strategies import catalogs, targets

EXAMPLES = settings(max_examples=80, deadline=None)
Scan = tuple[Catalog, str, list[str], dict[str, CanDo], PrescanRules]


def asked(catalog: Catalog, target: str) -> list[str]:
    _, requirements = target_of(catalog, target)
    return [o for _, outcomes in requirements.units for o in outcomes]


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
    return catalog, target, have, answers, draw(rules(catalog))


def scan(s: Scan) -> PrescanResult:
    catalog, target, have, answers, scan_rules = s
    return run_prescan(catalog, target, have, answers, scan_rules)


def ranks(result: PrescanResult) -> list[int]:
    return [u.estimate.rank for u in result.units]


class TestMoreEvidenceNeverLowersAnEstimate:
    """Issue 5, item 7: more evidence never lowers an estimate."""

    @EXAMPLES
    @given(scans(), st.data())
    def test_another_held_code_never_lowers_any_unit(self, s: Scan, data: st.DataObject) -> None:
        catalog, target, have, answers, scan_rules = s
        extra = data.draw(st.sampled_from([*catalog.qualifications, *catalog.units]))
        before = scan(s)
        after = run_prescan(catalog, target, [*have, extra], answers, scan_rules)
        assert all(a >= b for a, b in zip(ranks(after), ranks(before), strict=True))
        assert after.remaining_hours <= before.remaining_hours + 1e-9
        assert after.remaining_hours_pessimistic <= before.remaining_hours_pessimistic + 1e-9

    @EXAMPLES
    @given(scans(), st.data())
    def test_a_higher_answer_never_lowers_any_unit(self, s: Scan, data: st.DataObject) -> None:
        catalog, target, have, answers, scan_rules = s
        outcomes = asked(catalog, target)
        if not outcomes:
            return
        outcome = data.draw(st.sampled_from(outcomes))
        current = answers.get(outcome, CanDo.NEVER)
        higher = data.draw(st.sampled_from(CAN_DO_ORDER[current.rank :]))
        before = scan(s)
        after = run_prescan(catalog, target, have, {**answers, outcome: higher}, scan_rules)
        assert all(a >= b for a, b in zip(ranks(after), ranks(before), strict=True))
        assert after.remaining_hours <= before.remaining_hours + 1e-9


class TestWhatTheEstimatesMean:
    """`certain` exactly when the holdings cover the unit; the expected route is never
    longer than the pessimistic one, which is never longer than the whole programme."""

    @EXAMPLES
    @given(scans())
    def test_certain_exactly_when_covered_by_the_holdings(self, s: Scan) -> None:
        catalog, target, have, _, _ = s
        credit = resolve_credit(catalog, Holdings(codes=tuple(have)))
        _, requirements = target_of(catalog, target)
        result = scan(s)
        for (code, required), unit in zip(requirements.units, result.units, strict=True):
            covered = unit_gap(catalog, code, required, credit) is None
            assert (unit.estimate == Estimate.CERTAIN) == covered
            assert unit.reason

    @EXAMPLES
    @given(scans())
    def test_the_route_figures_are_ordered(self, s: Scan) -> None:
        result = scan(s)
        assert result.remaining_hours <= result.remaining_hours_pessimistic + 1e-9
        assert result.remaining_hours_pessimistic <= result.full_hours + 1e-9
