"""The eligibility rules, one at a time: an attribute left empty on either side is no
constraint."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from opmaat.domain.leerweg import Leerweg
from opmaat.domain.matching import Instance, Place, Reason, Student
from opmaat.domain.matching.eligibility import haversine_km, pair_reasons
from opmaat.domain.matching.encode import encode
from tests.domain.matching.factories import SEED

AMSTERDAM = (52.3791, 4.9003)  # Centraal station
UTRECHT = (52.0894, 5.1101)


def reason(s: Student, p: Place) -> Reason:
    enc = encode(Instance((p,), (s,)), SEED)
    return Reason(int(pair_reasons(enc, np.array([0]), np.array([0]))[0]))


FEB, MAR, JUN, JUL = date(2027, 2, 1), date(2027, 3, 1), date(2027, 6, 30), date(2027, 7, 31)


@pytest.mark.parametrize(
    ("s", "p", "expected"),
    [
        (Student("S", ()), Place("P", 1), Reason.OK),
        (Student("S", (), school="ROC B"), Place("P", 1, reserved_for="ROC A"), Reason.RESERVED),
        (Student("S", ()), Place("P", 1, reserved_for="ROC A"), Reason.RESERVED),
        (Student("S", (), school="ROC A"), Place("P", 1, reserved_for="ROC A"), Reason.OK),
        (
            Student("S", (), qualification="25475"),
            Place("P", 1, qualifications=("25477",)),
            Reason.QUALIFICATION,
        ),
        (
            Student("S", (), qualification="25475"),
            Place("P", 1, qualifications=("25477", "25475")),
            Reason.OK,
        ),
        (Student("S", ()), Place("P", 1, qualifications=("25477",)), Reason.OK),
        (Student("S", (), level=3), Place("P", 1, levels=(4,)), Reason.LEVEL),
        (Student("S", (), level=3), Place("P", 1, levels=(3, 4)), Reason.OK),
        (Student("S", (), pathway=Leerweg.BOL), Place("P", 1, pathway=Leerweg.BBL), Reason.PATHWAY),
        (Student("S", (), pathway=Leerweg.BBL), Place("P", 1, pathway=Leerweg.BBL), Reason.OK),
        (Student("S", (), pathway=Leerweg.BOL), Place("P", 1), Reason.OK),
        (
            Student("S", (), available_from=MAR),
            Place("P", 1, period_start=FEB, period_end=JUN),
            Reason.PERIOD,
        ),
        (
            Student("S", (), available_from=FEB, available_until=JUN),
            Place("P", 1, period_start=FEB, period_end=JUL),
            Reason.PERIOD,
        ),
        (
            Student("S", (), available_from=FEB, available_until=JUL),
            Place("P", 1, period_start=MAR, period_end=JUN),
            Reason.OK,
        ),
        (Student("S", (), available_from=MAR), Place("P", 1), Reason.OK),
        (
            Student("S", (), latitude=UTRECHT[0], longitude=UTRECHT[1], max_distance_km=30),
            Place("P", 1, latitude=AMSTERDAM[0], longitude=AMSTERDAM[1]),
            Reason.DISTANCE,
        ),
        (
            Student("S", (), latitude=UTRECHT[0], longitude=UTRECHT[1], max_distance_km=40),
            Place("P", 1, latitude=AMSTERDAM[0], longitude=AMSTERDAM[1]),
            Reason.OK,
        ),
        (
            Student("S", (), latitude=UTRECHT[0], longitude=UTRECHT[1]),
            Place("P", 1, latitude=AMSTERDAM[0], longitude=AMSTERDAM[1]),
            Reason.OK,
        ),
        (Student("S", ()), Place("P", 1, ranking=("S",)), Reason.OK),
        (Student("S", ()), Place("P", 1, ranking=()), Reason.NOT_RANKED),
    ],
)
def test_each_rule_decides_on_the_values_given(s: Student, p: Place, expected: Reason) -> None:
    assert reason(s, p) == expected


def test_the_first_failing_rule_is_the_reason() -> None:
    s = Student("S", (), qualification="25475", level=3)
    p = Place("P", 1, ranking=(), qualifications=("25477",), levels=(4,))
    assert reason(s, p) == Reason.QUALIFICATION


def test_amsterdam_to_utrecht_is_about_35_km() -> None:
    km = haversine_km(*(np.array([x]) for x in (*AMSTERDAM, *UTRECHT)))
    assert 34.0 < float(km[0]) < 36.0
