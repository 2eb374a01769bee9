"""Choosing a code by code or name: the picker offers what fits first, and reads a code,
"code — name" or a name; a name several codes share, or words that are no name, are
refused with the codes to choose from."""

from __future__ import annotations

import pytest

from opmaat.domain.catalog import Catalog
from opmaat.domain.catalog.picker import Option, catalog_codes, options, picked
from opmaat.domain.errors import AmbiguousName, UnknownName

# Two units of Verzorgende IG (25656) and their werkprocessen: what fits a learner on it.
FITTING = ("23268-B1-K1-1", "23268-B1-K1-W1", "23268-B1-K1-W4", "23268-B1-K1-5", "23268-B1-K1-W5")


@pytest.fixture(scope="module")
def offered(default_catalog: Catalog) -> tuple[Option, ...]:
    return options(default_catalog, FITTING, catalog_codes(default_catalog))


def test_what_fits_comes_first_then_every_other_code_once(
    default_catalog: Catalog, offered: tuple[Option, ...]
) -> None:
    codes = [option.code for option in offered]
    assert codes[: len(FITTING)] == list(FITTING)
    assert [option.fits for option in offered[: len(FITTING)]] == [True] * len(FITTING)
    assert not any(option.fits for option in offered[len(FITTING) :])
    assert len(codes) == len(set(codes)) and set(codes) == set(default_catalog.all_codes())
    assert offered[0].label == "23268-B1-K1-1 — Werk in uitvoering"


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("23268-B1-K1-W4", "23268-B1-K1-W4"),
        (" 23268-b1-k1-w4 ", "23268-B1-K1-W4"),
        ("23268-B1-K1-W4 — Voert zorg-/begeleidingsactiviteiten uit", "23268-B1-K1-W4"),
        ("23268-B1-K1-W4 - iets anders", "23268-B1-K1-W4"),  # the code counts, not the name
        ("voert  ZORG-/begeleidingsactiviteiten uit", "23268-B1-K1-W4"),  # a unique name
        ("Vmbo-diploma gemengde of theoretische leerweg (mavo)", "VMBO-GT"),
    ],
)
def test_a_code_code_and_name_or_a_unique_name_give_the_code(
    offered: tuple[Option, ...], typed: str, code: str
) -> None:
    assert picked(offered, typed) == code


def test_a_name_shared_with_other_targets_means_the_one_that_fits(
    offered: tuple[Option, ...],
) -> None:
    """Five werkprocessen are called so; the learner's target has one of them."""
    assert picked(offered, "Voert verpleegtechnische handelingen uit") == "23268-B1-K1-W5"
    assert picked(offered, "Werk in uitvoering") == "23268-B1-K1-1"


def test_a_name_several_codes_share_is_refused_with_their_codes(
    offered: tuple[Option, ...],
) -> None:
    with pytest.raises(AmbiguousName) as raised:
        picked(offered, "mbo-verpleegkundige")
    assert raised.value.data["choices"] == ("25655", "25480")
    assert raised.value.field == ""  # next to the field it was typed in


def test_words_that_are_no_name_are_refused_with_names_that_hold_them(
    offered: tuple[Option, ...],
) -> None:
    with pytest.raises(UnknownName) as raised:
        picked(offered, "verpleegtechnisch handel")
    first = raised.value.closest[0]
    assert first == "23268-B1-K1-5 — Verpleegtechnisch handelen"  # what fits first
    assert len(raised.value.closest) == 3
    with pytest.raises(UnknownName) as nothing:
        picked(offered, "geen idee")
    assert nothing.value.closest == ()


def test_something_without_a_space_is_left_to_the_catalog_check(
    offered: tuple[Option, ...],
) -> None:
    """The form's own check refuses it with the closest codes."""
    assert picked(offered, "25747") == "25747"
