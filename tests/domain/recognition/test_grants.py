"""Superseding a decision changes only what that decision granted."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from opmaat.domain.recognition.grants import Grant, Source, follow_decision

CODES = st.sampled_from(["U1", "U2", "U3", "W1", "W2"])
KINDS = st.sampled_from(["exemption", "outcome"])
KEYS = st.tuples(CODES, KINDS)
OTHER = st.builds(
    Grant,
    CODES,
    KINDS,
    st.sampled_from([Source.MANUAL, Source.CREDENTIAL, Source.DECISION]),
    st.sampled_from(["", "urn:uuid:1", "7"]),  # "7": a decision of another procedure
)
OLD, NEW = "1", "2"


def applied(held: set[Grant], granted: set[tuple[str, str]]) -> set[Grant]:
    change = follow_decision(sorted(held), OLD, NEW, granted)
    after = held - set(change.remove) - set(change.move)
    after |= {Grant(g.code, g.kind, Source.DECISION, NEW) for g in change.move}
    return after | {Grant(code, kind, Source.DECISION, NEW) for code, kind in change.add}


@given(st.sets(OTHER), st.sets(KEYS), st.sets(KEYS))
def test_superseding_a_decision_never_removes_a_holding_it_did_not_grant(
    others: set[Grant], before: set[tuple[str, str]], granted: set[tuple[str, str]]
) -> None:
    previous = {Grant(code, kind, Source.DECISION, OLD) for code, kind in before}
    others = {g for g in others if not (g.source == Source.DECISION and g.ref in (OLD, NEW))}
    after = applied(others | previous, granted)
    assert others <= after  # every holding on other grounds stays
    assert {(g.code, g.kind) for g in after if g.ref == NEW} == granted  # exactly the new grant
    assert not [g for g in after if g.source == Source.DECISION and g.ref == OLD]


def test_a_first_decision_adds_what_it_grants() -> None:
    change = follow_decision([], None, NEW, {("U1", "exemption")})
    assert change == follow_decision([], None, NEW, [("U1", "exemption")])
    assert (change.remove, change.move, change.add) == ((), (), (("U1", "exemption"),))
