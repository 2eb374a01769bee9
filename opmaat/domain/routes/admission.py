"""Whether a person may start a target: the admission rules of the law.

- Entree is open only to someone who does not meet the entry requirements of a level-2
  programme (WEB art. 8.1.1b): a vmbo diploma, the first three years of havo or vwo, or any
  mbo diploma admits to level 2, so whoever holds one goes straight there.
- A specialistenopleiding (Praktijkopleider) needs a level-3 diploma for the same profession
  or category of professions (WEB art. 8.2.1 lid 2): a care and welfare qualification of
  this catalog at level 3 or 4.

A school may admit someone who does not meet an entry requirement after an assessment
(WEB art. 8.2.1 lid 6); the worded reason says so (opmaat.messages, `admission.<rule>`).
Units and certificates have no admission rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from opmaat.domain.catalog import Admission, Catalog, Qualification
from opmaat.domain.routes.holdings import Holdings


class AdmissionRule(StrEnum):
    """The admission rule that closes a target."""

    ENTREE = "entree"  # Entree only without admission to level 2 (WEB art. 8.1.1b)
    SPECIALIST = "specialist"  # a level-3 diploma in the field (WEB art. 8.2.1 lid 2)


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether someone may start a target; when not, the `rule` that says so and, for
    Entree, the diploma `held` that admits to level 2 instead ("name (code)")."""

    open: bool
    rule: AdmissionRule | None = None
    held: str = ""


OPEN = Verdict(True)


def admission(catalog: Catalog, holdings: Holdings, target: str) -> Verdict:
    """May someone with `holdings` start `target`? With the rule when not."""
    q = catalog.qualifications.get(target)
    if q is None or q.admission == Admission.OPEN:
        return OPEN
    diplomas = [catalog.resolve(c) for c in holdings.codes]
    if q.admission == Admission.WITHOUT_LEVEL_2_ENTRY:
        admitting = [c for c in diplomas if admits_level(catalog, c) >= 2]
        if admitting:
            return Verdict(False, AdmissionRule.ENTREE, described(catalog, admitting[0]))
        return OPEN
    if any(in_field_at_level_3(catalog, c, q) for c in diplomas):
        return OPEN
    return Verdict(False, AdmissionRule.SPECIALIST)


def admits_level(catalog: Catalog, code: str) -> int:
    """The highest mbo level a diploma gives admission to (WEB art. 8.2.1): an Entree
    diploma to level 2, a level-2, 3 or 4 diploma to level 4; prior education as recorded."""
    if code in catalog.qualifications:
        return 2 if catalog.qualifications[code].level <= 1 else 4
    if code in catalog.prior_education:
        return catalog.prior_education[code].admits_level
    return 0


def in_field_at_level_3(catalog: Catalog, code: str, target: Qualification) -> bool:
    held = catalog.qualifications.get(code)
    return held is not None and held.crebo != target.crebo and held.level >= 3


def described(catalog: Catalog, code: str) -> str:
    name = catalog.name_of(code)
    return f"{name} ({code})" if name != code else code


def open_targets(catalog: Catalog, holdings: Holdings, targets: Iterable[str]) -> list[str]:
    return [t for t in targets if admission(catalog, holdings, t).open]
