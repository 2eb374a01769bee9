"""One qualification, one line: every form that offers catalog entries labels them the same
way (name, level, crebo, "voorlopig"), targets are current qualifications only, and a
superseded one says what replaced it where it still matters (holdings, history)."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from django import forms
from django.test import Client

from opmaat.catalog.cache import current_catalog
from opmaat.domain.catalog import Catalog
from opmaat.learners.forms import RouteForm
from opmaat.prescan.forms import TargetForm, have_choices
from opmaat.recognition.forms import IntakeForm, StartProcedureForm
from opmaat.ui.labels import choice_label, qualification_label, target_choices
from tests.factories import add_holding, save_route
from tests.personas import Personas

pytestmark = pytest.mark.django_db


def options(field: forms.Field) -> dict[str, str]:
    """A select's options (groups flattened), value → label, without the empty one."""
    assert isinstance(field, forms.ChoiceField)
    return flat(list(field.choices))  # type: ignore[arg-type]  # a list of pairs or groups here


def flat(choices: Iterable[tuple[object, object]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for value, label in choices:
        if isinstance(label, list | tuple):
            found.update(flat(label))
        elif value != "":
            found[str(value)] = str(label)
    return found


def target_fields() -> dict[str, forms.Field]:
    catalog = current_catalog()
    return {
        "route composer": RouteForm().fields["target"],
        "intake": IntakeForm().fields["target"],
        "prescan": TargetForm(catalog=catalog).fields["doel"],
        "EVC standard": StartProcedureForm().fields["standard"],
    }


@pytest.mark.parametrize("form", ["route composer", "intake", "prescan", "EVC standard"])
def test_every_target_select_offers_current_entries_one_distinct_line_each(form: str) -> None:
    catalog = current_catalog()
    offered = options(target_fields()[form])
    assert offered, form
    labels = list(offered.values())
    assert len(set(labels)) == len(labels), f"{form}: two options read the same"
    for code, label in offered.items():
        assert code in label, f"{form}: {label!r} does not name its code"
        q = catalog.qualifications.get(code)
        if q is not None:
            assert not q.superseded, f"{form} offers superseded {code}"
            assert label == qualification_label(q)
            assert ("voorlopig" in label) == q.provisional, label


def test_the_two_verzorgende_ig_are_never_both_targets() -> None:
    offered = options(RouteForm().fields["target"])
    assert "25656" in offered and "25491" not in offered
    assert "25655" in offered and "25480" not in offered


def test_a_provisional_target_says_so_in_the_select() -> None:
    assert options(RouteForm().fields["target"])["25487"] == (
        "Praktijkopleider (niveau 4, 25487, voorlopig)"
    )


def test_a_superseded_diploma_held_says_what_replaced_it(default_catalog: Catalog) -> None:
    held = flat(have_choices(default_catalog))
    assert held["25491"] == "Verzorgende IG (niveau 3, 25491, voorlopig, vervangen door 25656)"
    assert held["25656"] == "Verzorgende-IG (niveau 3, 25656)"


def test_the_label_is_name_level_code_provisional_successors() -> None:
    assert choice_label("X", "1", 2, True, ("3", "4")) == (
        "X (niveau 2, 1, voorlopig, vervangen door 3, 4)"
    )
    assert choice_label("Havo", "HAVO") == "Havo (HAVO)"


def test_target_choices_hold_no_superseded_qualification(default_catalog: Catalog) -> None:
    codes = {code for _, group in target_choices(default_catalog) for code, _ in group}
    assert not {q.crebo for q in default_catalog.qualifications.values() if q.superseded} & codes


def test_her_holdings_and_route_history_say_superseded_and_provisional(
    client: Client, personas: Personas
) -> None:
    cast = personas
    anna = cast.anna_record
    add_holding(cast.bram, anna, "25491")
    save_route(cast.bram, anna, "25487")
    client.force_login(cast.bram)
    page = client.get(f"/deelnemers/{anna.pk}/").content.decode()
    assert "(voorlopig, vervangen door 25656)" in page
    history = client.get(f"/deelnemers/{anna.pk}/routes/").content.decode()
    assert "Praktijkopleider (25487) <span" in history and "(voorlopig)" in history
