"""Which codes a catalog load takes away, worked out without a database
(opmaat.domain.catalog.reload)."""

from __future__ import annotations

import dataclasses

from opmaat.domain.catalog import Catalog, Equivalence, Outcome, Qualification, Unit
from opmaat.domain.catalog.reload import (
    DroppedCode,
    Loss,
    Reference,
    ReloadImpact,
    Use,
    dropped_codes,
    impact_document,
    merged,
    route_codes,
)

CARE = Unit(
    "Q1-K1", "Biedt zorg", 3, 200,
    outcomes=(Outcome("Q1-K1-W1", "Ondersteunt"), Outcome("Q1-K1-W2", "Verzorgt")),
)  # fmt: skip
TECH = Unit("Q1-K2", "Handelt", 3, 100, outcomes=(Outcome("Q1-K2-W1", "Handelt"),))
QUALIFICATION = Qualification("91001", "Zorg", 3, 3, (CARE.code, TECH.code))
STORED = Catalog(qualifications=[QUALIFICATION], units=[CARE, TECH])

# The same unit under a new code: its werkprocessen move with it.
RENAMED = dataclasses.replace(CARE, code="Q1-K1N", title="Biedt zorg (nieuw)")


def with_rename(*equivalences: Equivalence) -> Catalog:
    return Catalog(
        qualifications=[dataclasses.replace(QUALIFICATION, units=(RENAMED.code, TECH.code))],
        units=[RENAMED],
        equivalences=equivalences,
    )


WITH_RENAME = with_rename()


def codes(dropped: tuple[DroppedCode, ...]) -> dict[str, Loss]:
    return {d.code: d.loss for d in dropped}


def test_loading_the_same_catalog_drops_nothing() -> None:
    assert dropped_codes(STORED, merged(STORED, STORED)) == ()


def test_a_file_with_some_units_only_leaves_the_rest_as_it_was() -> None:
    """A school's file of hour overrides names a few units; the others stay and count."""
    hours = Catalog(units=[dataclasses.replace(TECH, hours=120)])
    after = merged(STORED, hours)
    assert after.units[TECH.code].hours == 120 and CARE.code in after.units
    assert dropped_codes(STORED, after) == ()


def test_a_renamed_unit_is_emptied_and_its_werkprocessen_move() -> None:
    after = merged(STORED, WITH_RENAME)
    assert after.outcome_unit["Q1-K1-W1"] == RENAMED.code
    assert after.units[CARE.code].outcomes == ()  # still there, but it counts for nothing
    assert codes(dropped_codes(STORED, after)) == {CARE.code: Loss.EMPTIED}


def test_a_werkproces_taken_out_is_gone() -> None:
    shorter = dataclasses.replace(CARE, outcomes=CARE.outcomes[:1])
    dropped = dropped_codes(STORED, merged(STORED, Catalog(units=[shorter])))
    assert dropped == (DroppedCode("Q1-K1-W2", "Verzorgt", Loss.GONE),)


def test_a_unit_no_qualification_has_any_more_is_unlinked_with_its_werkprocessen() -> None:
    without = Catalog(qualifications=[dataclasses.replace(QUALIFICATION, units=(CARE.code,))])
    dropped = dropped_codes(STORED, merged(STORED, without))
    assert codes(dropped) == {TECH.code: Loss.UNLINKED, "Q1-K2-W1": Loss.UNLINKED}


def test_the_files_equivalence_table_maps_old_codes_to_new_ones() -> None:
    mapping = Equivalence(CARE.code, (RENAMED.code,), "hernoemd")
    assert dropped_codes(STORED, merged(STORED, with_rename(mapping))) == ()
    nowhere = Equivalence(CARE.code, ("Q9-BESTAAT-NIET",), "verkeerd")
    wrong = merged(STORED, with_rename(nowhere))
    assert codes(dropped_codes(STORED, wrong)) == {CARE.code: Loss.EMPTIED}


def test_a_saved_route_plans_with_its_target_units_and_werkprocessen() -> None:
    document = {
        "target": {"code": "91001"},
        "schedule": [{"code": "Q1-K1", "missing_outcomes": ["Q1-K1-W2"]}, {"code": "NL-3F"}],
        "partial_units": [{"code": "Q1-K1", "missing_outcomes": ["Q1-K1-W2"]}],
        "covered_units": ["Q1-K2"],
    }
    assert route_codes(document) == {"91001", "Q1-K1", "Q1-K1-W2", "NL-3F", "Q1-K2"}
    assert route_codes({"target": "kapot", "schedule": [3]}) == set()


def test_the_impact_as_json_lists_each_learner_once() -> None:
    dropped = (DroppedCode(CARE.code, CARE.title, Loss.EMPTIED),)
    references = (
        Reference(7, "Sanne", Use.HOLDING, CARE.code, "exemption"),
        Reference(7, "Sanne", Use.ROUTE, CARE.code, "2"),
        Reference(9, "", Use.CREDENTIAL, CARE.code, "urn:uuid:x"),
    )
    impact = ReloadImpact(dropped, references)
    assert impact.blocked and impact.learners() == (7, 9)
    document = impact_document(impact)
    assert document["dropped"] == [{"code": "Q1-K1", "name": "Biedt zorg", "loss": "emptied"}]
    learners = document["learners"]
    assert isinstance(learners, list)
    assert [(entry["learner"], len(entry["references"])) for entry in learners] == [(7, 2), (9, 1)]
    assert not ReloadImpact(dropped, ()).blocked
