"""Catalog rows ↔ domain objects. The only writer of catalog tables."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction

from opmaat.catalog import cache
from opmaat.catalog import models as m
from opmaat.credentials.models import IssuedCredential
from opmaat.domain.access import may_edit_catalog
from opmaat.domain.catalog import (
    Admission,
    Catalog,
    Certificate,
    Cut,
    EmployerEffect,
    Equivalence,
    GenericRequirements,
    HoursSource,
    Outcome,
    Prerequisite,
    PriorEducation,
    Qualification,
    Unit,
    UnitKind,
)
from opmaat.domain.catalog.reload import (
    CatalogDropsRecognition,
    Reference,
    ReloadImpact,
    Use,
    dropped_codes,
    merged,
    route_codes,
)
from opmaat.domain.errors import DomainError
from opmaat.domain.leerweg import Leerweg
from opmaat.learners import services as learners
from opmaat.learners.access import actor_of
from opmaat.learners.models import Holding, Learner, RoutePlan
from opmaat.recognition.models import EvcProcedure


@dataclass(frozen=True, slots=True)
class LoadReport:
    created: int
    updated: int

    def __str__(self) -> str:
        return f"{self.created} created, {self.updated} updated"


DEFAULT_VERSION = "default_version"  # the meta key of the shipped default catalog's version


def default_catalog_update(shipped: Catalog) -> str | None:
    """Whether loading `shipped` would update an older default catalog that nobody edited:
    its version when so, else None. A catalog with a school's own hours, or one that was
    not the default, is left for `opmaat catalog load`."""
    stored = m.CatalogMeta.objects.filter(key=DEFAULT_VERSION).first()
    newer = shipped.meta.get(DEFAULT_VERSION, "")
    title = m.CatalogMeta.objects.filter(key="title").values_list("value", flat=True).first()
    if not newer or title != shipped.meta.get("title"):
        return None
    if stored is not None and stored.value >= newer:
        return None
    if m.Unit.objects.filter(hours_source=HoursSource.SCHOOL.value).exists():
        return None
    return newer


def catalog_is_loaded() -> bool:
    return m.Qualification.objects.exists()


@transaction.atomic
def do_load_catalog(catalog: Catalog) -> LoadReport:
    """Create or update everything in `catalog` by code, in one transaction.

    Entities absent from `catalog` stay as they are: a school's file of hour overrides
    must not delete the rest of the national catalog.
    """
    counts = [_save_unit(u, catalog.stated_hours) for u in catalog.units.values()]
    counts += [_save_qualification(q) for q in catalog.qualifications.values()]
    counts += [_save_certificate(c) for c in catalog.certificates.values()]
    counts += [_save_prior_education(p) for p in catalog.prior_education.values()]
    _save_prerequisites(catalog)
    _save_equivalences(catalog.equivalences)
    for key, value in catalog.meta.items():
        m.CatalogMeta.objects.update_or_create(key=key, defaults={"value": value})
    created = sum(counts)
    return LoadReport(created=created, updated=len(counts) - created)


def _save_unit(unit: Unit, stated_hours: Mapping[str, float]) -> bool:
    """Store `unit` with its own werkprocessen only.

    The catalog gives a referring unit (an exam unit) the werkprocessen it refers to as its
    `outcomes`, and their summed hours; those rows belong to the units that define them, and
    the hours stored are the ones the file stated, so that reading gives the same catalog.
    """
    row, created = m.Unit.objects.update_or_create(
        code=unit.code,
        defaults={
            "title": unit.title,
            "level": unit.level,
            "kind": unit.kind.value,
            "hours": stated_hours.get(unit.code, unit.hours),
            "hours_source": unit.hours_source.value,
            "hours_rule": unit.hours_rule,
            "carries_certificate": unit.carries_certificate,
            "employer_effect": unit.employer_effect.value if unit.employer_effect else "",
            "version": unit.version,
            "provisional": unit.provisional,
            "confidence": unit.confidence,
            "sources": list(unit.sources),
            "werkprocessen": list(unit.werkprocessen),
            "obligation": unit.obligation,
            "exam_hours": unit.exam_hours,
        },
    )
    own = () if unit.refers else unit.outcomes
    row.outcomes.exclude(code__in=[o.code for o in own]).delete()
    for position, outcome in enumerate(own):
        m.Outcome.objects.update_or_create(
            code=outcome.code,
            defaults={
                "unit": row,
                "title": outcome.title,
                "hours": outcome.hours,
                "position": position,
            },
        )
    return created


def _save_qualification(q: Qualification) -> bool:
    row, created = m.Qualification.objects.update_or_create(
        crebo=q.crebo,
        defaults={
            "name": q.name,
            "level": q.level,
            "nominal_years": q.nominal_years,
            "pathways": [p.value for p in q.pathways],
            "version": q.version,
            "valid_from": q.valid_from,
            "dossier_crebo": q.dossier_crebo or "",
            "dossier_name": q.dossier_name,
            "nederlands": q.generic.nederlands or "",
            "rekenen": q.generic.rekenen or "",
            "engels": q.generic.engels or "",
            "loopbaan_burgerschap": q.generic.loopbaan_burgerschap,
            "elective_hours": q.elective_hours,
            "provisional": q.provisional,
            "confidence": q.confidence,
            "sources": list(q.sources),
            "notes": q.notes,
            "cuts": [
                {"name": c.name, "units": list(c.units), "sources": list(c.sources)} for c in q.cuts
            ],
            "superseded_by": list(q.superseded_by),
            "valid_until": q.valid_until,
            "elective_hours_shortened": q.elective_hours_shortened,
            "elective_rule": q.elective_rule,
            "admission": q.admission.value,
            "admission_note": q.admission_note,
        },
    )
    m.QualificationUnit.objects.filter(qualification=row).delete()
    units = {u.code: u for u in m.Unit.objects.filter(code__in=q.units)}
    m.QualificationUnit.objects.bulk_create(
        m.QualificationUnit(qualification=row, unit=units[code], position=i)
        for i, code in enumerate(q.units)
    )
    return created


def _save_certificate(c: Certificate) -> bool:
    _, created = m.Certificate.objects.update_or_create(
        code=c.code,
        defaults={
            "name": c.name,
            "level": c.level,
            "parent_crebo": c.parent_crebo or "",
            "covers": list(c.covers),
            "provisional": c.provisional,
            "confidence": c.confidence,
            "sources": list(c.sources),
        },
    )
    return created


def _save_prior_education(p: PriorEducation) -> bool:
    _, created = m.PriorEducation.objects.update_or_create(
        code=p.code,
        defaults={"name": p.name, "admits_level": p.admits_level, "sources": list(p.sources)},
    )
    return created


def _save_prerequisites(catalog: Catalog) -> None:
    """Replace the prerequisites of every unit and werkproces in `catalog` (and of any other
    code its prerequisites name) with those it gives."""
    codes = {*catalog.units, *catalog.outcome_unit, *(p.unit for p in catalog.prerequisites)}
    m.Prerequisite.objects.filter(unit_code__in=codes).delete()
    m.Prerequisite.objects.bulk_create(
        m.Prerequisite(unit_code=p.unit, requires_code=p.requires, reason=p.reason, source=p.source)
        for p in catalog.prerequisites
    )


def _save_equivalences(equivalences: tuple[Equivalence, ...]) -> None:
    m.Equivalence.objects.filter(source_code__in={e.source for e in equivalences}).delete()
    start = m.Equivalence.objects.count()
    m.Equivalence.objects.bulk_create(
        m.Equivalence(
            source_code=e.source,
            source_name=e.source_name,
            counts_for=list(e.counts_for),
            note=e.note,
            provisional=e.provisional,
            sources=list(e.sources),
            confidence=e.confidence,
            position=start + i,
        )
        for i, e in enumerate(equivalences)
    )


# Loading over learners' records -------------------------------------------------------


def load_impact(catalog: Catalog) -> ReloadImpact:
    """What loading `catalog` would drop (the codes that stop counting and are not mapped by
    its equivalence table), and which learners' records refer to them. Writes nothing."""
    before = read_catalog()
    dropped = dropped_codes(before, merged(before, catalog))
    return ReloadImpact(dropped, references_to({d.code for d in dropped}))


def references_to(codes: set[str]) -> tuple[Reference, ...]:
    """Every place a learner's record refers to one of `codes`: holdings, the current saved
    route, EVC procedures (of learners not erased) and valid credentials (of anyone: they
    stay verifiable after erasure), by learner."""
    if not codes:
        return ()
    found: list[Reference] = []
    for h in Holding.objects.filter(code__in=codes, learner__erased_at__isnull=True).order_by(
        "learner_id", "code"
    ):
        found.append(Reference(h.learner_id, "", Use.HOLDING, h.code, h.kind))
    seen: set[int] = set()
    plans = RoutePlan.objects.filter(learner__erased_at__isnull=True).order_by(
        "learner_id", "-version"
    )
    for plan in plans.only("learner_id", "version", "target", "exam_only", "document"):
        if plan.learner_id in seen:
            continue
        seen.add(plan.learner_id)
        planned = {plan.target, *plan.exam_only, *route_codes(plan.document)}
        found.extend(
            Reference(plan.learner_id, "", Use.ROUTE, code, str(plan.version))
            for code in sorted(planned & codes)
        )
    procedures = EvcProcedure.objects.filter(learner__erased_at__isnull=True).prefetch_related(
        "judgements", "evidence"
    )
    for p in procedures.order_by("learner_id", "id"):
        used = {p.standard, *p.units, *(j.outcome for j in p.judgements.all())}
        used.update(code for e in p.evidence.all() for code in e.outcomes)
        found.extend(
            Reference(p.learner_id, "", Use.EVC, code, str(p.pk)) for code in sorted(used & codes)
        )
    for c in IssuedCredential.objects.filter(code__in=codes, revoked_at__isnull=True).order_by(
        "learner_id", "id"
    ):
        found.append(Reference(c.learner_id, "", Use.CREDENTIAL, c.code, c.credential_id))
    return tuple(sorted(_named(found), key=lambda r: (r.name.casefold(), r.learner)))


def _named(references: Iterable[Reference]) -> list[Reference]:
    listed = list(references)
    names = dict(
        Learner.objects.filter(
            pk__in={r.learner for r in listed}, erased_at__isnull=True
        ).values_list("pk", "name")
    )
    return [replace(r, name=names.get(r.learner, "")) for r in listed]


@dataclass(frozen=True, slots=True)
class CheckedLoad:
    """A load that looked first: what it wrote, what it dropped, whose route was re-planned
    (learner ids) and whose could not be, with the refusal's code (marked stale)."""

    report: LoadReport
    impact: ReloadImpact
    replanned: tuple[int, ...] = ()
    stale: tuple[tuple[int, str], ...] = ()


@transaction.atomic
def do_load_checked(
    actor: User | None, catalog: Catalog, *, force: bool = False, source: str = ""
) -> CheckedLoad:
    """Load `catalog` unless it would drop codes that learners' records refer to
    (CatalogDropsRecognition with the impact); with `force`, load anyway, and re-plan every
    affected learner's current route (a new version) or, when that is refused, mark it
    stale; every step is audited. `actor` None is the command line; a user must be allowed
    to edit the catalog."""
    if actor is not None and not may_edit_catalog(actor_of(actor)):
        raise PermissionDenied("catalog")
    impact = load_impact(catalog)
    if impact.blocked and not force:
        raise CatalogDropsRecognition(impact)
    report = do_load_catalog(catalog)
    cache.clear()  # bulk writes send no signals: re-plan with the catalog just written
    if not impact.blocked:
        return CheckedLoad(report, impact)
    codes = list(impact.referenced_codes())
    learners.audit(
        actor,
        None,
        "catalog.forced",
        f"Catalogus geladen ondanks vervallen codes: {', '.join(codes)}"[:300],
        {"source": source, "codes": codes, "learners": list(impact.learners())},
    )
    replanned: list[int] = []
    stale: list[tuple[int, str]] = []
    for learner in Learner.objects.filter(pk__in=impact.learners(), erased_at__isnull=True):
        mine = [r for r in impact.references if r.learner == learner.pk]
        learners.audit(
            actor,
            learner,
            "catalog.dropped",
            f"Catalogus geladen; vervallen: {', '.join(dict.fromkeys(r.code for r in mine))}",
            {"source": source, "references": [[r.use.value, r.code, r.detail] for r in mine]},
        )
        note = "Opnieuw gepland na het laden van een catalogus waarin codes vervielen."
        try:
            with transaction.atomic():
                plan = learners.replan_for_catalog(actor, learner, note)
        except DomainError as error:
            learners.mark_route_stale(actor, learner, error.code)
            stale.append((learner.pk, error.code))
        else:
            if plan is not None:
                replanned.append(learner.pk)
    return CheckedLoad(report, impact, tuple(replanned), tuple(stale))


def read_catalog() -> Catalog:
    """The catalog as stored, as one domain `Catalog` (nine queries, one per table)."""
    return Catalog(
        qualifications=_read_qualifications(),
        units=_read_units(),
        certificates=[_certificate(c) for c in m.Certificate.objects.all()],
        prerequisites=[
            Prerequisite(p.unit_code, p.requires_code, p.reason, p.source)
            for p in m.Prerequisite.objects.order_by("id")
        ],
        equivalences=[_equivalence(e) for e in m.Equivalence.objects.all()],
        meta={row.key: row.value for row in m.CatalogMeta.objects.all()},
        prior_education=[
            PriorEducation(p.code, p.name, p.admits_level, tuple(p.sources))
            for p in m.PriorEducation.objects.all()
        ],
    )


def _read_units() -> list[Unit]:
    outcomes: dict[int, list[Outcome]] = {}
    for o in m.Outcome.objects.order_by("unit_id", "position"):
        outcomes.setdefault(o.unit_id, []).append(Outcome(o.code, o.title, o.hours))
    return [
        Unit(
            code=u.code,
            title=u.title,
            level=u.level,
            hours=u.hours,
            kind=UnitKind(u.kind),
            # A referring unit's werkprocessen are other units' rows; the Catalog resolves them.
            outcomes=() if u.werkprocessen else tuple(outcomes.get(u.pk, ())),
            hours_source=HoursSource(u.hours_source),
            hours_rule=u.hours_rule,
            carries_certificate=u.carries_certificate,
            employer_effect=EmployerEffect(u.employer_effect) if u.employer_effect else None,
            version=u.version,
            provisional=u.provisional,
            confidence=u.confidence,
            sources=tuple(u.sources),
            werkprocessen=tuple(u.werkprocessen),
            obligation=u.obligation,
            exam_hours=u.exam_hours,
        )
        for u in m.Unit.objects.order_by("id")
    ]


def _read_qualifications() -> list[Qualification]:
    units: dict[int, list[str]] = {}
    for link in m.QualificationUnit.objects.select_related("unit").order_by(
        "qualification_id", "position"
    ):
        units.setdefault(link.qualification_id, []).append(link.unit.code)
    return [_qualification(q, units.get(q.pk, [])) for q in m.Qualification.objects.order_by("id")]


def _qualification(q: m.Qualification, units: list[str]) -> Qualification:
    return Qualification(
        crebo=q.crebo,
        name=q.name,
        level=q.level,
        nominal_years=q.nominal_years,
        units=tuple(units),
        generic=GenericRequirements(
            nederlands=q.nederlands or None,
            rekenen=q.rekenen or None,
            engels=q.engels or None,
            loopbaan_burgerschap=q.loopbaan_burgerschap,
        ),
        elective_hours=q.elective_hours,
        pathways=tuple(Leerweg(p) for p in q.pathways),
        version=q.version,
        valid_from=q.valid_from,
        dossier_crebo=q.dossier_crebo or None,
        dossier_name=q.dossier_name,
        provisional=q.provisional,
        confidence=q.confidence,
        sources=tuple(q.sources),
        notes=q.notes,
        cuts=tuple(_cut(c) for c in q.cuts),
        superseded_by=tuple(q.superseded_by),
        valid_until=q.valid_until,
        elective_hours_shortened=q.elective_hours_shortened,
        elective_rule=q.elective_rule,
        admission=Admission(q.admission),
        admission_note=q.admission_note,
    )


def _cut(stored: Mapping[str, object]) -> Cut:
    """A cut as `_save_qualification` stores it: {"name", "units", "sources"}."""
    return Cut(str(stored["name"]), _strings(stored.get("units")), _strings(stored.get("sources")))


def _strings(value: object) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def _certificate(c: m.Certificate) -> Certificate:
    return Certificate(
        code=c.code,
        name=c.name,
        covers=tuple(c.covers),
        level=c.level,
        parent_crebo=c.parent_crebo or None,
        provisional=c.provisional,
        confidence=c.confidence,
        sources=tuple(c.sources),
    )


def _equivalence(e: m.Equivalence) -> Equivalence:
    return Equivalence(
        source=e.source_code,
        counts_for=tuple(e.counts_for),
        note=e.note,
        provisional=e.provisional,
        source_name=e.source_name,
        sources=tuple(e.sources),
        confidence=e.confidence,
    )
