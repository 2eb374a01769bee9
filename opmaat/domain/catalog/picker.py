"""Choosing a catalog code without typing it from memory: what a picker offers, and which
code a typed text means.

A picker offers each code as "code — name", what fits the person (their target's units and
werkprocessen) first. A person may type the code, pick "code — name", or type a name; a
name that several codes share is refused with those codes, so that nobody records the
wrong one.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from opmaat.domain.catalog.index import Catalog
from opmaat.domain.catalog.model import normalise_code
from opmaat.domain.errors import AmbiguousName, UnknownName

SEPARATOR = " — "
# Between the code and the name: the picker's em dash, or an en dash or hyphen with spaces
# around it (codes have hyphens, never with spaces).
_BETWEEN = re.compile(r"\s+[—–-]\s+")
_SPACES = re.compile(r"\s+")
SUGGESTED = 3  # how many choices a refusal suggests


@dataclass(frozen=True, slots=True)
class Option:
    """One code a picker offers; `fits` when it is of the person's own target."""

    code: str
    name: str
    fits: bool = False

    @property
    def label(self) -> str:
        """What the picker shows and puts in the field: "code — name"."""
        return f"{self.code}{SEPARATOR}{self.name}" if self.name != self.code else self.code


def options(catalog: Catalog, fitting: Iterable[str], rest: Iterable[str]) -> tuple[Option, ...]:
    """The codes `fitting` (in their order) and then `rest` (without those), each once and
    named from the catalog."""
    first = list(dict.fromkeys(fitting))
    seen = set(first)
    others = [code for code in dict.fromkeys(rest) if code not in seen]
    names = _names(catalog)
    return (
        *(Option(code, names.get(code) or catalog.name_of(code), True) for code in first),
        *(Option(code, names.get(code) or catalog.name_of(code)) for code in others),
    )


# Per loaded catalog, what every picker on every page asks of it again: its codes in the
# pickers' order and their names (a page with a picker otherwise names some 300 codes).
_CODES: weakref.WeakKeyDictionary[Catalog, tuple[str, ...]] = weakref.WeakKeyDictionary()
_NAMES: weakref.WeakKeyDictionary[Catalog, dict[str, str]] = weakref.WeakKeyDictionary()


def _names(catalog: Catalog) -> dict[str, str]:
    if catalog not in _NAMES:
        _NAMES[catalog] = {code: catalog.name_of(code) for code in catalog_codes(catalog)}
    return _NAMES[catalog]


def catalog_codes(catalog: Catalog) -> tuple[str, ...]:
    """Every code a person may hold, as a picker lists it after what fits: qualifications,
    certificates, prior education, units, werkprocessen, then retired codes that count
    through the equivalence table."""
    if catalog not in _CODES:
        _CODES[catalog] = _catalog_codes(catalog)
    return _CODES[catalog]


def _catalog_codes(catalog: Catalog) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(
            [
                *catalog.qualifications,
                *catalog.certificates,
                *catalog.prior_education,
                *catalog.units,
                *catalog.outcome_unit,
                *catalog.all_codes(),
            ]
        )
    )


def _plain(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def picked(choices: Sequence[Option], text: str) -> str:
    """The code that `text` means, for the caller to check against the catalog.

    1. "code — name" as the picker offers it (or with another dash): the code.
    2. A code offered (in any case): that code.
    3. A name (case and spacing aside): the one offered code with that name among those that
       fit, else among all; several with that name: AmbiguousName naming their codes.
    4. Anything else without a space: the text as typed, so that the caller's check refuses
       it with the closest codes (or says what to record instead of, say, a unit).
    5. Words that are no name: UnknownName, with up to three choices whose names hold them.
    """
    typed = text.strip()
    code, *name = _BETWEEN.split(typed, maxsplit=1)
    if name and not _SPACES.search(code):
        return normalise_code(code)
    canonical = normalise_code(typed)
    if any(option.code == canonical for option in choices):
        return canonical
    wanted = _plain(typed)
    named = [option for option in choices if _plain(option.name) == wanted]
    fitting = [option for option in named if option.fits]
    for found in (fitting, named):
        if len(found) == 1:
            return found[0].code
        if found:
            raise AmbiguousName(typed, [option.code for option in found])
    if not _SPACES.search(typed):
        return typed
    words = wanted.split(" ")
    alike = [option for option in choices if all(w in _plain(option.name) for w in words)]
    alike.sort(key=lambda option: not option.fits)
    raise UnknownName(typed, [option.label for option in alike[:SUGGESTED]])
