"""Admission: Entree only without a level-2 entry (WEB art. 8.1.1b), a specialistenopleiding
only with a level-3 diploma in its field (WEB art. 8.2.1 lid 2)."""

from __future__ import annotations

from opmaat.domain.catalog import Admission, Catalog, PriorEducation
from opmaat.domain.routes import AdmissionRule, Holdings, admission
from opmaat.domain.routes.explain import admission_facts
from opmaat.explanations import admission_reason
from tests.domain.routes.factories import make_qualification, make_unit


def catalog() -> Catalog:
    return Catalog(
        qualifications=[
            make_qualification("ENTREE", ("E",), 1, admission=Admission.WITHOUT_LEVEL_2_ENTRY),
            make_qualification("HELPENDE", ("H",), 2),
            make_qualification("VIG", ("V",), 3),
            make_qualification("PRAKTIJK", ("P",), 4, admission=Admission.LEVEL_3_IN_FIELD),
        ],
        units=[make_unit(c) for c in ("E", "H", "V", "P")],
        prior_education=[
            PriorEducation("VMBO-BB", "Vmbo basis", 2),
            PriorEducation("NONE", "Geen diploma", 0),
        ],
    )


def test_entree_is_open_to_someone_without_a_diploma() -> None:
    assert admission(catalog(), Holdings(codes=("NONE",)), "ENTREE").open


def test_entree_is_not_open_with_a_vmbo_diploma_and_says_why() -> None:
    verdict = admission(catalog(), Holdings(codes=("VMBO-BB",)), "ENTREE")
    assert (verdict.open, verdict.rule, verdict.held) == (
        False,
        AdmissionRule.ENTREE,
        "Vmbo basis (VMBO-BB)",
    )
    assert "niveau 2" in admission_reason(admission_facts(verdict))


def test_entree_is_not_open_to_a_helpende() -> None:
    assert not admission(catalog(), Holdings(codes=("HELPENDE",)), "ENTREE").open


def test_a_specialistenopleiding_needs_a_level_3_diploma() -> None:
    assert not admission(catalog(), Holdings(codes=("HELPENDE",)), "PRAKTIJK").open
    assert admission(catalog(), Holdings(codes=("VIG",)), "PRAKTIJK").open


def test_an_exemption_or_certificate_is_no_diploma_for_admission() -> None:
    verdict = admission(catalog(), Holdings(exemptions=("V",)), "PRAKTIJK")
    assert (verdict.open, verdict.rule) == (False, AdmissionRule.SPECIALIST)
    assert "WEB art. 8.2.1" in admission_reason(admission_facts(verdict))


def test_other_targets_are_open() -> None:
    assert admission(catalog(), Holdings(), "VIG").open
    assert admission(catalog(), Holdings(), "V").open
