"""Catalog read: public."""

from __future__ import annotations

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from opmaat.api.auth import PUBLIC
from opmaat.api.schemas import Problem
from opmaat.catalog.cache import current_catalog
from opmaat.domain.catalog import Catalog, Qualification, Unit
from opmaat.domain.catalog.model import normalise_code

router = Router(tags=["catalog"], auth=None)


class QualificationSummary(Schema):
    crebo: str
    name: str
    level: int
    provisional: bool

    @classmethod
    def from_domain(cls, q: Qualification) -> QualificationSummary:
        return cls(crebo=q.crebo, name=q.name, level=q.level, provisional=q.provisional)


class OutcomeOut(Schema):
    code: str
    title: str
    hours: float


class UnitOut(Schema):
    code: str
    title: str
    level: int
    kind: str
    hours: float
    hours_source: str
    carries_certificate: bool
    provisional: bool
    requires: list[str]
    qualifications: list[str]
    outcomes: list[OutcomeOut]

    @classmethod
    def from_domain(cls, u: Unit, catalog: Catalog) -> UnitOut:
        shares = u.outcome_hours()
        return cls(
            code=u.code,
            title=u.title,
            level=u.level,
            kind=u.kind.value,
            hours=u.hours,
            hours_source=u.hours_source.value,
            carries_certificate=u.carries_certificate,
            provisional=u.provisional,
            requires=list(catalog.requires(u.code)),
            qualifications=[q.crebo for q in catalog.qualifications_with_unit(u.code)],
            outcomes=[
                OutcomeOut(code=o.code, title=o.title, hours=round(shares[o.code], 1))
                for o in u.outcomes
            ],
        )


class QualificationOut(QualificationSummary):
    nominal_years: float
    pathways: list[str]
    units: list[str]
    generic: list[str]
    elective_hours: float
    sources: list[str]

    @classmethod
    def from_domain(cls, q: Qualification) -> QualificationOut:
        return cls(
            crebo=q.crebo,
            name=q.name,
            level=q.level,
            provisional=q.provisional,
            nominal_years=q.nominal_years,
            pathways=[p.value for p in q.pathways],
            units=list(q.units),
            generic=list(q.generic.unit_codes()),
            elective_hours=q.elective_hours,
            sources=list(q.sources),
        )


@router.get("/qualifications", response=list[QualificationSummary], openapi_extra=PUBLIC)
def qualifications(request: HttpRequest) -> list[QualificationSummary]:
    found = sorted(current_catalog().qualifications.values(), key=lambda q: (q.level, q.name))
    return [QualificationSummary.from_domain(q) for q in found]


@router.get(
    "/qualifications/{crebo}",
    response={200: QualificationOut, 404: Problem},
    openapi_extra=PUBLIC,
)
def qualification(request: HttpRequest, crebo: str) -> QualificationOut:
    q = current_catalog().qualifications.get(normalise_code(crebo))
    if q is None:
        raise Http404(crebo)
    return QualificationOut.from_domain(q)


@router.get("/units/{code}", response={200: UnitOut, 404: Problem}, openapi_extra=PUBLIC)
def unit(request: HttpRequest, code: str) -> UnitOut:
    catalog = current_catalog()
    u = catalog.units.get(normalise_code(code))
    if u is None:
        raise Http404(code)
    return UnitOut.from_domain(u, catalog)
