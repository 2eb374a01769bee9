"""What loading a catalog file would take away from learners, worked out before writing.

`opmaat catalog load` and the editors' upload write a file over the stored catalog by code
(opmaat.catalog.services.do_load_catalog): what the file names is replaced, the rest stays.
`merged` gives the catalog such a load leaves, without writing; `dropped_codes` compares it
with the catalog before and names every code that stops counting, unless the file's
equivalence table says what it counts for now. The service looks up which learners'
holdings, saved routes, EVC procedures and credentials refer to those codes
(`ReloadImpact`), and refuses the load while any do, unless told to go ahead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from opmaat.domain.catalog.index import Catalog
from opmaat.domain.catalog.model import Outcome
from opmaat.domain.errors import Conflict


class Loss(StrEnum):
    GONE = "gone"  # the catalog no longer has the code at all (a werkproces taken out)
    EMPTIED = "emptied"  # a unit that kept its code but lost every werkproces (renamed)
    UNLINKED = "unlinked"  # in a qualification or certificate before, in none now


@dataclass(frozen=True, slots=True)
class DroppedCode:
    code: str
    name: str  # as the catalog before the load called it
    loss: Loss


class Use(StrEnum):
    """Where a learner's record refers to a code."""

    HOLDING = "holding"  # held, exemption or werkproces passed
    ROUTE = "route"  # the current saved route: target, exam-only, planned units
    EVC = "evc"  # an EVC procedure: its standard, units or judged werkprocessen
    CREDENTIAL = "credential"  # a valid mbo-certificate or diploma


@dataclass(frozen=True, slots=True)
class Reference:
    learner: int
    name: str  # the learner's name ("" once erased)
    use: Use
    code: str
    detail: str = ""  # the holding's kind, the route version, the procedure or credential id


@dataclass(frozen=True, slots=True)
class ReloadImpact:
    """The codes a load would drop and who refers to them."""

    dropped: tuple[DroppedCode, ...]
    references: tuple[Reference, ...]

    @property
    def blocked(self) -> bool:
        """Whether loading would silently take recognition or plans away from someone."""
        return bool(self.references)

    def learners(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(r.learner for r in self.references))

    def referenced_codes(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.code for r in self.references))

    def loss_of(self, code: str) -> DroppedCode | None:
        return next((d for d in self.dropped if d.code == code), None)


class CatalogDropsRecognition(Conflict):
    """Loading the file would make codes that learners' records refer to stop counting,
    and its equivalence table does not map them: `learners` how many, `codes` which."""

    code = "catalog_drops_recognition"

    def __init__(self, impact: ReloadImpact) -> None:
        self.impact = impact
        codes = impact.referenced_codes()
        super().__init__(count=len(impact.learners()), codes=codes[:10], more=len(codes[10:]))


def merged(stored: Catalog, loaded: Catalog) -> Catalog:
    """The catalog that loading `loaded` over `stored` leaves, as the load writes it: units,
    qualifications, certificates and prior education are replaced by code and the others
    kept; a werkproces belongs to the unit of the file that lists it (a unit of the file
    loses those it no longer lists; a unit not in the file loses those the file gives to
    another); prerequisites of the file's units and werkprocessen and equivalences of the
    file's sources are replaced; the rest stays."""
    moved = {o.code for u in loaded.units.values() if not u.refers for o in u.outcomes}
    units = {
        code: u if u.refers else replace(u, outcomes=_without(u.outcomes, moved))
        for code, u in stored.units.items()
    }
    units.update(loaded.units)
    touched = {*loaded.units, *loaded.outcome_unit, *(p.unit for p in loaded.prerequisites)}
    sources = {e.source for e in loaded.equivalences}
    return Catalog(
        qualifications={**stored.qualifications, **loaded.qualifications}.values(),
        units=units.values(),
        certificates={**stored.certificates, **loaded.certificates}.values(),
        prerequisites=[
            *(p for p in stored.prerequisites if p.unit not in touched),
            *loaded.prerequisites,
        ],
        equivalences=[
            *(e for e in stored.equivalences if e.source not in sources),
            *loaded.equivalences,
        ],
        meta={**stored.meta, **loaded.meta},
        prior_education={**stored.prior_education, **loaded.prior_education}.values(),
    )


def _without(outcomes: tuple[Outcome, ...], codes: set[str]) -> tuple[Outcome, ...]:
    return tuple(o for o in outcomes if o.code not in codes)


def known(catalog: Catalog, code: str) -> bool:
    """Whether the catalog itself has `code` (an equivalence alone does not count)."""
    return (
        code in catalog.qualifications
        or code in catalog.units
        or code in catalog.outcome_unit
        or code in catalog.certificates
        or code in catalog.prior_education
    )


def linked_codes(catalog: Catalog) -> set[str]:
    """The units, generic subjects and werkprocessen that count towards something: a
    qualification, a certificate, or a unit offered on its own (it carries a certificate)."""
    found: set[str] = set()

    def add(codes: Iterable[str]) -> None:
        for code in codes:
            found.add(code)
            unit = catalog.units.get(code)
            if unit is not None:
                found.update(o.code for o in unit.outcomes)

    for q in catalog.qualifications.values():
        add((*q.units, *q.generic.unit_codes()))
    for certificate in catalog.certificates.values():
        add(certificate.covers)
    add(u.code for u in catalog.units.values() if u.carries_certificate)
    return found


def mapped(catalog: Catalog, code: str) -> bool:
    """Whether the equivalence table says what `code` counts for, in codes it has."""
    targets = catalog.equivalent_to(code)
    return bool(targets) and all(known(catalog, t) for t in targets)


def dropped_codes(before: Catalog, after: Catalog) -> tuple[DroppedCode, ...]:
    """Every code of `before` that stops counting in `after` and that `after`'s equivalence
    table does not map, in the order of `before` (qualifications, units, werkprocessen,
    certificates, prior education)."""
    linked_before, linked_after = linked_codes(before), linked_codes(after)
    found: list[DroppedCode] = []
    for code in dict.fromkeys(
        (*before.qualifications, *before.units, *before.outcome_unit, *before.certificates,
         *before.prior_education)
    ):  # fmt: skip
        loss = _loss(before, after, code, linked_before, linked_after)
        if loss is not None and not mapped(after, code):
            found.append(DroppedCode(code, before.name_of(code), loss))
    return tuple(found)


def _loss(
    before: Catalog, after: Catalog, code: str, linked_before: set[str], linked_after: set[str]
) -> Loss | None:
    if not known(after, code):
        return Loss.GONE
    had = code in before.units and bool(before.units[code].outcomes)
    if had and code in after.units and not after.units[code].outcomes:
        return Loss.EMPTIED
    if code in linked_before and code not in linked_after:
        return Loss.UNLINKED
    return None


def route_codes(document: Mapping[str, object]) -> set[str]:
    """The catalog codes a saved route document (`opmaat route --json`) plans with: its
    target, the units and subjects scheduled, missing or covered, and their werkprocessen."""
    codes: set[str] = set()
    target = document.get("target")
    if isinstance(target, Mapping) and isinstance(target.get("code"), str):
        codes.add(target["code"])
    for key in ("schedule", "missing_units", "partial_units", "generic_missing"):
        items = document.get(key)
        for item in items if isinstance(items, list) else ():
            if not isinstance(item, Mapping):
                continue
            if isinstance(item.get("code"), str):
                codes.add(item["code"])
            codes.update(_strings(item.get("missing_outcomes")))
    codes.update(_strings(document.get("covered_units")))
    return codes


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def impact_document(impact: ReloadImpact) -> dict[str, object]:
    """The report as JSON (`opmaat catalog load --json`): docs/cli.md."""
    return {
        "format": "opmaat-catalog-impact/1",
        "blocked": impact.blocked,
        "dropped": [{"code": d.code, "name": d.name, "loss": d.loss.value} for d in impact.dropped],
        "learners": [
            {
                "learner": learner,
                "name": next(r.name for r in impact.references if r.learner == learner),
                "references": [
                    {"use": r.use.value, "code": r.code, "detail": r.detail}
                    for r in impact.references
                    if r.learner == learner
                ],
            }
            for learner in impact.learners()
        ],
    }
