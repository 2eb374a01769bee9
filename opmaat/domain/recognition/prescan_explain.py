"""Why a unit is covered by what someone holds: the held code and the equivalence rules on
the way, in a Dutch sentence for the pre-scan."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from opmaat.domain.catalog import Catalog, CodeKind, Equivalence
from opmaat.domain.routes.holdings import counts_for


class Basis(StrEnum):
    """What decided a unit's estimate."""

    HOLDING = "holding"  # a diploma, certificate, unit or outcomes held cover it
    EQUIVALENCE = "equivalence"  # held codes cover it through the equivalence table
    DEFAULT_RULE = "default_rule"  # the answers, judged by the default rule
    UNIT_RULE = "unit_rule"  # the answers, judged by the editor's rule for this unit


@dataclass(frozen=True, slots=True)
class Coverage:
    """How held codes cover a unit."""

    basis: Basis
    via: tuple[str, ...]  # the held codes that cover it
    equivalences: tuple[Equivalence, ...]  # the equivalence rules used on the way
    reason: str


KIND_WORDS = {
    CodeKind.QUALIFICATION: "diploma",
    CodeKind.CERTIFICATE: "certificaat",
    CodeKind.UNIT: "leereenheid",
    CodeKind.OUTCOME: "leerresultaat",
    CodeKind.EQUIVALENCE: "diploma",
}


def explain_coverage(
    catalog: Catalog, held: Sequence[str], unit_code: str, required: Sequence[str]
) -> Coverage:
    """The first held code that covers `unit_code` on its own (the unit itself or all
    `required` outcomes reached from it), with the path's equivalence rules; else the held
    codes that cover it together."""
    for code in held:
        parents = reached_from(catalog, code)
        end = unit_code if unit_code in parents else None
        if end is None and required and all(o in parents for o in required):
            end = required[0]
        if end is not None:
            rules = equivalences_on(catalog, path_to(parents, end))
            return Coverage(
                Basis.EQUIVALENCE if rules else Basis.HOLDING,
                (code,),
                rules,
                single_reason(catalog, code, rules),
            )
    together = tuple(c for c in held if set(reached_from(catalog, c)) & {unit_code, *required})
    names = ", ".join(together)
    return Coverage(
        Basis.HOLDING,
        together,
        (),
        f"Vrijstelling: alle leerresultaten zijn samen behaald met {names}.",
    )


def reached_from(catalog: Catalog, code: str) -> dict[str, str | None]:
    """Every code reached from `code`, each with the code it was reached from (breadth
    first, so the path found is a shortest one; the visited set guards against cycles)."""
    parents: dict[str, str | None] = {code: None}
    queue = [code]
    while queue:
        current = queue.pop(0)
        for given in counts_for(catalog, current):
            if given not in parents:
                parents[given] = current
                queue.append(given)
    return parents


def path_to(parents: dict[str, str | None], end: str) -> list[str]:
    path = [end]
    while (parent := parents[path[-1]]) is not None:
        path.append(parent)
    return path[::-1]


def equivalences_on(catalog: Catalog, path: Sequence[str]) -> tuple[Equivalence, ...]:
    """The equivalence rules behind the steps of `path` that the catalog's own structure
    (a diploma's units, a certificate's cover) does not explain."""
    found: list[Equivalence] = []
    for source, given in pairwise(path):
        if given in structural(catalog, source):
            continue
        found.extend(
            e for e in catalog.equivalences if e.source == source and given in e.counts_for
        )
    return tuple(dict.fromkeys(found))


def structural(catalog: Catalog, code: str) -> tuple[str, ...]:
    if code in catalog.qualifications:
        q = catalog.qualifications[code]
        return (*q.units, *q.generic.unit_codes())
    if code in catalog.certificates:
        return catalog.certificates[code].covers
    return ()


def single_reason(catalog: Catalog, code: str, rules: Sequence[Equivalence]) -> str:
    kind = catalog.kind_of(code)
    word = KIND_WORDS.get(kind, "code") if kind is not None else "code"
    name = catalog.name_of(code)
    named = f"{word} {code}" + (f" ({name})" if name != code else "")
    if kind == CodeKind.UNIT:
        return f"Al behaald: {named}."
    sentence = f"Vrijstelling op grond van {named}"
    if rules:
        sentence += " (" + "; ".join(equivalence_phrase(e) for e in rules) + ")"
    return sentence + "."


def equivalence_phrase(rule: Equivalence) -> str:
    text = f"gelijkwaardigheid: {rule.source} telt voor {', '.join(rule.counts_for)}"
    if rule.note:
        text += f", {rule.note}"
    if rule.provisional:
        text += ", voorlopig"
    return text
