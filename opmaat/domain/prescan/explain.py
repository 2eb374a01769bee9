"""The pre-scan's Dutch sentences: why a unit is covered by what someone holds (the held
code and the equivalence rules on the way), why answers make an exemption likely or not,
and how long the rest takes against the nominal duration."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from opmaat.domain.catalog import Catalog, CodeKind, Equivalence
from opmaat.domain.prescan.rules import CanDo, Estimate, UnitRule
from opmaat.domain.routes.explain import decimal, number, week_sentence
from opmaat.domain.routes.holdings import counts_for
from opmaat.domain.routes.route import Route


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
    CodeKind.OUTCOME: "werkproces",
    CodeKind.PRIOR_EDUCATION: "vooropleiding",
    CodeKind.EQUIVALENCE: "diploma",
}


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
        relevant = frozenset(c for path in paths for c in path)
        return Coverage(basis, (code,), rules, single_reason(catalog, code, rules, relevant))
    together = tuple(c for c in held if set(reached_from(catalog, c)) & {unit_code, *required})
    names = ", ".join(together)
    return Coverage(
        Basis.HOLDING,
        together,
        (),
        f"Vrijstelling: alle werkprocessen zijn samen erkend met {names}.",
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


def single_reason(
    catalog: Catalog,
    code: str,
    rules: Sequence[Equivalence],
    relevant: frozenset[str] = frozenset(),
) -> str:
    """The sentence for a unit covered by `code`, quoting the rules on the way; of what a
    rule counts for, only the `relevant` codes (those on the way to this unit)."""
    kind = catalog.kind_of(code)
    word = KIND_WORDS.get(kind, "code") if kind is not None else "code"
    name = catalog.name_of(code)
    named = f"{word} {code}" + (f" ({name})" if name != code else "")
    if kind == CodeKind.UNIT:
        return f"Al behaald: {named}."
    sentence = f"Vrijstelling op grond van {named}"
    if rules:
        sentence += " (" + "; ".join(equivalence_phrase(e, relevant) for e in rules) + ")"
    return sentence + "."


def equivalence_phrase(rule: Equivalence, relevant: frozenset[str] = frozenset()) -> str:
    named = [c for c in rule.counts_for if c in relevant] or list(rule.counts_for)
    more = " …" if len(named) < len(rule.counts_for) else ""
    text = f"gelijkwaardigheid: {rule.source} telt voor {', '.join(named)}{more}"
    if rule.note:
        text += f", {rule.note}"
    if rule.provisional:
        text += ", voorlopig"
    return text


def answers_reason(
    estimate: Estimate, counted: Sequence[str], met: Sequence[str], bar: CanDo, share: float
) -> str:
    """Why the answers on the `counted` werkprocessen (`met` at the `bar`) give `estimate`."""
    n, m = len(counted), len(met)
    level = f"‘{bar.label}’ of hoger"
    missing = [o for o in counted if o not in met]
    if not counted:
        return (
            "Dit onderdeel heeft geen werkprocessen om te beantwoorden; zonder diploma of "
            "certificaat is een vrijstelling niet in te schatten."
        )
    if estimate == Estimate.LIKELY:
        which = "Het werkproces dat telt" if n == 1 else f"Alle {n} werkprocessen die tellen"
        return (
            f"{which}: {level} (of al erkend). Met bewijs daarvan is vrijstelling via EVC "
            "waarschijnlijk: EVC vraagt bewust bekwaam op alle werkprocessen."
        )
    if n == 1:
        return f"Het werkproces dat telt is nog niet {level}: {missing[0]}."
    percent = f"{share * 100:.0f}%"
    if estimate == Estimate.POSSIBLE:
        return (
            f"{m} van de {n} werkprocessen die tellen: {level} (mogelijk vanaf {percent}); "
            f"nog niet: {', '.join(missing)}."
        )
    return (
        f"{m} van de {n} werkprocessen die tellen: {level}, minder dan {percent}; "
        f"nog niet: {', '.join(missing)}."
    )


def rule_phrase(code: str, rule: UnitRule | None) -> str:
    if rule is None:
        return "(Standaardregel.)"
    note = f": {rule.note}" if rule.note else ""
    return f"(Regel van de catalogusredactie voor {code}{note}.)"


def prescan_explanation(pessimistic: Route, expected: Route, reason: str = "") -> list[str]:
    """How long the rest takes, expected and with the certain exemptions only, against the
    nominal duration; what is already recognised; the week it is planned for; and, when the
    person may not start the target, why not."""
    sentences = duration_sentences(pessimistic, expected)
    sentences.extend(recognised_sentence(pessimistic, expected))
    sentences.append(week_sentence(expected))
    if expected.electives.reduced:
        rule = f" ({expected.electives.rule})" if expected.electives.rule else ""
        sentences.append(
            f"Keuzedelen: {number(expected.electives.applied)} uur in plaats van "
            f"{number(expected.electives.required)}, omdat de route verkort is{rule}."
        )
    if expected.target.superseded_by:
        sentences.append(
            "Deze kwalificatie is vervangen door "
            f"{', '.join(expected.target.superseded_by)}: kies die voor een nieuwe opleiding."
        )
    if reason:
        sentences.append(reason)
    return sentences


def duration_sentences(pessimistic: Route, expected: Route) -> list[str]:
    """The expected duration, the one with the certain exemptions only where it differs,
    and the nominal duration."""
    nominal = f"Nominaal duurt {expected.target.name} {decimal(expected.nominal_months)} maanden."
    if same_length(pessimistic, expected):
        return [f"Nog nodig: {duration(expected)}.", nominal]
    return [
        f"Verwacht, als de waarschijnlijke vrijstellingen via EVC worden toegekend: "
        f"{duration(expected)}.",
        f"Alleen met de zekere vrijstellingen: {duration(pessimistic)}.",
        nominal,
    ]


def same_length(one: Route, other: Route) -> bool:
    return one.months == other.months and round(one.total_hours) == round(other.total_hours)


def duration(route: Route) -> str:
    if not route.items:
        return "niets meer"
    return (
        f"{decimal(route.months)} maanden ({number(route.total_hours)} uur), "
        f"klaar rond {route.completion_date:%d-%m-%Y}"
    )


def recognised_sentence(pessimistic: Route, expected: Route) -> list[str]:
    """How many of the target's werkprocessen are recognised, and how many more are likely
    to be; nothing for a target without werkprocessen."""
    total = pessimistic.werkprocessen
    held = pessimistic.credited_werkprocessen
    likely = expected.credited_werkprocessen - held
    if not total:
        return []
    if held:
        sentence = f"{held} van de {total} werkprocessen {'is' if held == 1 else 'zijn'} al erkend"
    else:
        sentence = f"Van de {total} werkprocessen is er nog geen erkend"
    if likely > 0:
        verb = "is" if likely == 1 else "zijn"
        sentence += f"; {likely} {verb} waarschijnlijk via EVC te erkennen"
    return [sentence + "."]
