"""Why a unit is covered by what someone holds: the held code and the equivalence rules on
the way, as facts. The sentences are worded at the edges (opmaat.explanations)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from opmaat.domain.catalog import Catalog, Equivalence
from opmaat.domain.routes.holdings import counts_for


class Basis(StrEnum):
    """What decided a unit's estimate."""

    HOLDING = "holding"  # a diploma, certificate, unit or outcomes held cover it
    EQUIVALENCE = "equivalence"  # held codes cover it through the equivalence table
    DEFAULT_RULE = "default_rule"  # the answers, judged by the default rule
    UNIT_RULE = "unit_rule"  # the answers, judged by the editor's rule for this unit


@dataclass(frozen=True, slots=True)
class Named:
    """A held code as a reason names it: its kind (a CodeKind value, "" when unknown) and
    its name (the code itself when it has none)."""

    code: str
    kind: str
    name: str


@dataclass(frozen=True, slots=True)
class Coverage:
    """How held codes cover a unit: one of them on its own (`named`), with the equivalence
    rules on the way and of what each counts for the codes `relevant` to this unit; or,
    with `named` None, all of `via` together."""

    basis: Basis
    via: tuple[str, ...]  # the held codes that cover it
    equivalences: tuple[Equivalence, ...]  # the equivalence rules used on the way
    named: Named | None = None
    relevant: tuple[tuple[str, ...], ...] = ()  # per equivalence rule


def named(catalog: Catalog, code: str) -> Named:
    kind = catalog.kind_of(code)
    return Named(code, kind.value if kind is not None else "", catalog.name_of(code))


def explain_coverage(
    catalog: Catalog, held: Sequence[str], unit_code: str, required: Sequence[str]
) -> Coverage:
    """The first held code that covers `unit_code` on its own (the unit itself, or all
    `required` werkprocessen reached from it), with the equivalence rules on the way to
    each; else the held codes that cover it together."""
    for code in held:
        parents = reached_from(catalog, code)
        if unit_code in parents:
            ends: Sequence[str] = (unit_code,)
        elif required and all(o in parents for o in required):
            ends = required
        else:
            continue
        paths = [path_to(parents, end) for end in ends]
        rules = tuple(dict.fromkeys(r for path in paths for r in equivalences_on(catalog, path)))
        basis = Basis.EQUIVALENCE if rules else Basis.HOLDING
        on_the_way = frozenset(c for path in paths for c in path)
        relevant = tuple(tuple(c for c in r.counts_for if c in on_the_way) for r in rules)
        return Coverage(basis, (code,), rules, named(catalog, code), relevant)
    together = tuple(c for c in held if set(reached_from(catalog, c)) & {unit_code, *required})
    return Coverage(Basis.HOLDING, together, ())


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
