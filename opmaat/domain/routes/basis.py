"""What a saved route was planned from, and what changed since (docs/routes.md).

A saved route records its basis: the codes held, exempted and credited on their own, the
keuzedeel hours and the catalog's version. Comparing that with the learner's current
basis says whether the route is out of date and why; whether its target is held already
follows from the current holdings alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from opmaat.domain.catalog import Catalog
from opmaat.domain.errors import DomainError
from opmaat.domain.routes.holdings import Holdings, credited_codes


class HoldingKind(StrEnum):
    """The three kinds of holding, as opmaat.learners records them."""

    HELD = "held"
    EXEMPTION = "exemption"
    OUTCOME = "outcome"


@dataclass(frozen=True, slots=True)
class Basis:
    """What a route is planned from: each kind of holding's codes, the keuzedeel hours
    and the catalog's version (`catalog_version`; "" when not known)."""

    held: frozenset[str] = frozenset()
    exemptions: frozenset[str] = frozenset()
    outcomes: frozenset[str] = frozenset()
    elective_hours: float = 0.0
    catalog: str = ""

    @classmethod
    def of(cls, holdings: Holdings, catalog: str) -> Basis:
        return cls(
            frozenset(holdings.codes),
            frozenset(holdings.exemptions),
            frozenset(holdings.outcomes),
            holdings.elective_hours,
            catalog,
        )

    def pairs(self) -> frozenset[tuple[HoldingKind, str]]:
        """Every holding as (kind, code)."""
        return frozenset(
            (kind, code)
            for kind, codes in (
                (HoldingKind.HELD, self.held),
                (HoldingKind.EXEMPTION, self.exemptions),
                (HoldingKind.OUTCOME, self.outcomes),
            )
            for code in codes
        )


def basis_document(basis: Basis) -> dict[str, object]:
    """The basis as a saved route stores it (JSON-ready, codes sorted)."""
    return {
        "held": sorted(basis.held),
        "exemptions": sorted(basis.exemptions),
        "outcomes": sorted(basis.outcomes),
        "elective_hours": basis.elective_hours,
        "catalog": basis.catalog,
    }


def basis_of_document(document: object) -> Basis | None:
    """The basis `basis_document` wrote; None when none was recorded (a route saved before
    routes recorded it)."""
    if not isinstance(document, Mapping) or not document:
        return None
    hours = document.get("elective_hours", 0.0)
    return Basis(
        _codes(document.get("held")),
        _codes(document.get("exemptions")),
        _codes(document.get("outcomes")),
        float(hours) if isinstance(hours, int | float) else 0.0,
        str(document.get("catalog") or ""),
    )


def _codes(value: object) -> frozenset[str]:
    return frozenset(str(v) for v in value) if isinstance(value, list) else frozenset()


@dataclass(frozen=True, slots=True)
class BasisChange:
    """What changed between a route's basis and the current one: holdings `added` and
    `removed` as (kind, code), the keuzedeel hours (before, now) when they differ, whether
    the catalog changed; `unknown` when the route recorded no basis; `target_held` when
    the current holdings give the route's target already."""

    added: tuple[tuple[HoldingKind, str], ...] = ()
    removed: tuple[tuple[HoldingKind, str], ...] = ()
    elective_hours: tuple[float, float] | None = None
    catalog: bool = False
    unknown: bool = False
    target_held: bool = False

    @property
    def stale(self) -> bool:
        """Whether the route was planned from something other than what holds now."""
        return bool(self.added or self.removed or self.elective_hours or self.catalog)


def compare_basis(planned: Basis | None, current: Basis, *, target_held: bool) -> BasisChange:
    """What changed from `planned` (None: not recorded) to `current`. A catalog version
    that either side does not know is no change: only two known versions are compared."""
    if planned is None:
        return BasisChange(unknown=True, target_held=target_held)
    before, now = planned.pairs(), current.pairs()
    hours = (planned.elective_hours, current.elective_hours)
    return BasisChange(
        added=_sorted(now - before),
        removed=_sorted(before - now),
        elective_hours=hours if abs(hours[0] - hours[1]) > 1e-9 else None,
        catalog=bool(planned.catalog and current.catalog and planned.catalog != current.catalog),
        target_held=target_held,
    )


def _sorted(pairs: Iterable[tuple[HoldingKind, str]]) -> tuple[tuple[HoldingKind, str], ...]:
    order = list(HoldingKind)
    return tuple(sorted(pairs, key=lambda p: (order.index(p[0]), p[1])))


def target_held(catalog: Catalog, holdings: Holdings, target: str) -> bool:
    """Whether `holdings` give `target` itself: it is held, exempted or credited, or a code
    held counts for it (the equivalence table). Codes the catalog does not know count for
    nothing but themselves."""
    given: list[str] = []
    for code in (*holdings.codes, *holdings.exemptions, *holdings.outcomes):
        try:
            given.append(catalog.resolve(code))
        except DomainError:
            given.append(code)
    return target in credited_codes(catalog, given)
