"""Every student learns why they got this place and not one they ranked higher."""

from __future__ import annotations

from datetime import date

from opmaat.domain.leerweg import Leerweg
from opmaat.domain.matching import Instance, Place, Student, explain, match
from opmaat.domain.matching.documents import explanation
from opmaat.messages import matching_texts
from tests.domain.matching.factories import SEED, instance, place, student


def explanations(inst: Instance, fill: bool = False) -> dict[str, tuple[str, list[str]]]:
    """Each student's outcome and refusals as the edges word them (in Dutch)."""
    return {
        e.student: matching_texts(explanation(e)) for e in explain(match(inst, SEED, fill=fill))
    }


def test_a_full_place_is_full_of_students_it_ranked_higher() -> None:
    inst = instance(
        [place("P12", 1, ranking=["S2", "S1"]), place("P7", 1)],
        [student("S1", "P12", "P7"), student("S2", "P12")],
    )
    assert explanations(inst)["S1"] == (
        "Geplaatst op voorkeur 2 (P7).",
        ["Voorkeur 1 (P12) was vol met studenten die de plek hoger rangschikte."],
    )
    assert explanations(inst)["S2"] == ("Geplaatst op voorkeur 1 (P12).", [])


def test_a_place_that_did_not_rank_the_student_says_so() -> None:
    inst = instance([place("P3", 1, ranking=["S9"])], [student("S1", "P3"), student("S9")])
    assert explanations(inst)["S1"] == (
        "Niet geplaatst: geen van uw voorkeuren kon u plaatsen.",
        ["Voorkeur 1 (P3) heeft u niet gerangschikt."],
    )


def test_not_eligible_names_the_rule_and_both_values() -> None:
    places = (
        Place("P1", 1, qualifications=("25477",)),
        Place("P2", 1, levels=(4,)),
        Place("P3", 1, pathway=Leerweg.BBL),
        Place("P4", 1, period_start=date(2027, 2, 1), period_end=date(2027, 6, 30)),
        Place("P5", 1, latitude=52.3791, longitude=4.9003),
        Place("P6", 1, reserved_for="ROC A"),
    )
    s = Student(
        "S1",
        ("P1", "P2", "P3", "P4", "P5", "P6"),
        school="ROC B",
        qualification="25475",
        level=3,
        pathway=Leerweg.BOL,
        available_from=date(2027, 3, 1),
        latitude=52.0894,
        longitude=5.1101,
        max_distance_km=20,
    )
    _, refusals = explanations(Instance(places, (s,)))["S1"]
    assert refusals == [
        "Voorkeur 1 (P1): niet geschikt, de plek is voor kwalificatie 25477, u volgt 25475.",
        "Voorkeur 2 (P2): niet geschikt, de plek is voor niveau 4, u volgt niveau 3.",
        "Voorkeur 3 (P3): niet geschikt, de plek is BBL, u volgt BOL.",
        "Voorkeur 4 (P4): niet geschikt, de periode 1 februari 2027 t/m 30 juni 2027 valt "
        "buiten uw beschikbaarheid (vanaf 1 maart 2027).",
        "Voorkeur 5 (P5): niet geschikt, de plek ligt 35 km weg, uw maximum is 20 km.",
        "Voorkeur 6 (P6): niet geschikt, de plek is tot de terugvaldatum gereserveerd voor ROC A.",
    ]


def test_a_place_without_seats_had_no_places() -> None:
    inst = instance([place("P1", 0)], [student("S1", "P1")])
    assert explanations(inst)["S1"][1] == ["Voorkeur 1 (P1) had geen plaatsen."]


def test_the_fill_is_marked_as_not_on_the_list() -> None:
    inst = instance([place("P1", 1), place("P2", 1)], [student("S1", "P1"), student("S2", "P1")])
    texts = explanations(inst, fill=True)
    filled = [text for text, _ in texts.values() if "aanvulronde" in text]
    assert filled == [
        "Geplaatst in de aanvulronde op P2: deze plek stond niet op uw lijst, en geen van uw "
        "voorkeuren kon u plaatsen."
    ]


def test_only_places_ranked_higher_are_explained() -> None:
    inst = instance([place("P1"), place("P2"), place("P3")], [student("S1", "P1", "P2", "P3")])
    assert explanations(inst)["S1"] == ("Geplaatst op voorkeur 1 (P1).", [])


def test_a_period_in_an_explanation_reads_as_dutch_dates_and_its_data_stays_iso() -> None:
    from opmaat.messages import refusal_text

    data = {"start": "2027-02-01", "end": "", "available_from": "", "available_until": "2026-12-31"}
    refusal = {"choice": 1, "place": "P1", "reason": "not_eligible", "detail": "period"}
    text = refusal_text({**refusal, "data": data})
    assert text == (
        "Voorkeur 1 (P1): niet geschikt, de periode vanaf 1 februari 2027 valt buiten uw "
        "beschikbaarheid (tot en met 31 december 2026)."
    )
    assert data["start"] == "2027-02-01"
    english = {"februari": "February", "december": "December"}  # the months go through gettext
    worded = refusal_text({**refusal, "data": data}, lambda s: english.get(s, s))
    assert "1 February 2027" in worded and "31 December 2026" in worded
