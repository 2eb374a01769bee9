"""Plan the shortest recognised route from what a person holds to a target."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from opmaat.domain.catalog import Catalog, Unit, UnitKind
from opmaat.domain.catalog.checks import find_cycle
from opmaat.domain.catalog.estimate import EXAM_HOURS
from opmaat.domain.routes.admission import admission
from opmaat.domain.routes.errors import NotGeneric, PrerequisiteCycle
from opmaat.domain.routes.gap import Gap, UnitGap, find_gap, unit_requires
from opmaat.domain.routes.holdings import Credit, Holdings, credited_codes, resolve_credit
from opmaat.domain.routes.prerequisites import order_by_prerequisites
from opmaat.domain.routes.route import ELECTIVE_BLOCK, Electives, PlannedItem, Route
from opmaat.domain.routes.schedule import Slot, Task, Track, completion, schedule
from opmaat.domain.routes.target import Requirements, TargetInfo, nominal_years, target_of
from opmaat.domain.routes.time import STUDY_YEAR_HOURS, StudyTime

# A route is shortened (verkort) when it needs clearly less than the nominal years: by more
# than two teaching weeks, so that rounding in the hours never makes a full programme count.
SHORTENED_MARGIN_YEARS = 0.05
# From cohort 2026-2027 burgerschap is examined (Aeres examenplannen 2026-2027 list its
# dimensions as exams, behaald / niet behaald).
CITIZENSHIP_EXAM_FROM = date(2026, 8, 1)


def plan_route(
    catalog: Catalog,
    target: str,
    holdings: Holdings,
    start: date,
    time: StudyTime,
    exam_only: Sequence[str] = (),
    cut: str | None = None,
) -> Route:
    """The route to `target` (a crebo, unit or certificate code) for someone with `holdings`,
    starting on `start` with the week `time`.

    1. Resolve the holdings into credit: werkprocessen, whole units, elective hours.
    2. Find the gap: per unit of the cut its werkprocessen not yet credited, missing
       prerequisites, generic subjects (`exam_only` ones as an exam), keuzedeel hours.
    3. Order the vocational units by prerequisite; generic subjects and keuzedelen run
       alongside (`schedule`).
    4. A shortened route carries the lower keuzedeel obligation where the target has one.
    5. Admission: whether the person may start the target, and by which rule not.
    """
    credit = resolve_credit(catalog, holdings)
    route = route_for_credit(catalog, target, credit, start, time, exam_only, cut)
    verdict = admission(catalog, holdings, route.target.code)
    return replace(route, admission=verdict)


def route_for_credit(
    catalog: Catalog,
    target: str,
    credit: Credit,
    start: date,
    time: StudyTime,
    exam_only: Sequence[str] = (),
    cut: str | None = None,
    horizon: date | None = None,
) -> Route:
    """`plan_route` for credit already resolved (reach plans many targets with one);
    BeyondHorizon when it cannot end by `horizon`."""
    info, requirements = target_of(catalog, target, cut)
    return route_for_requirements(
        catalog, info, requirements, credit, start, time, exam_only, horizon
    )


def plan_requirements(
    catalog: Catalog,
    info: TargetInfo,
    requirements: Requirements,
    holdings: Holdings,
    start: date,
    time: StudyTime,
) -> Route:
    """`plan_route` to a target that is no catalog code, given by what it requires: a
    function of an employer's functiehuis, defined by its own werkprocessen and units
    (issue 16). No admission rule applies to such a target."""
    credit = resolve_credit(catalog, holdings)
    return route_for_requirements(catalog, info, requirements, credit, start, time)


def route_for_requirements(
    catalog: Catalog,
    info: TargetInfo,
    requirements: Requirements,
    credit: Credit,
    start: date,
    time: StudyTime,
    exam_only: Sequence[str] = (),
    horizon: date | None = None,
) -> Route:
    """The route for credit to a target given as its info and requirements."""
    gap = find_gap(catalog, requirements, credit)
    exams = exam_only_codes(catalog, exam_only)
    years = nominal_years(catalog, info, requirements)
    credited = credit.electives_for(requirements.level)
    required = requirements.elective_hours
    electives = Electives(required, required, credited=credited)
    plan = Plan.of(catalog, info, gap, exams, electives.applied - credited, start)
    shortened = requirements.elective_hours_shortened
    if shortened is not None and is_shortened(plan, time, years):
        applied = min(shortened, requirements.elective_hours)
        electives = Electives(required, applied, requirements.elective_rule, credited)
        plan = Plan.of(catalog, info, gap, exams, applied - credited, start)
    slots = schedule(plan.tasks, start, time, horizon)
    items = tuple(plan.item(i, slot) for i, slot in enumerate(slots))
    return Route(
        target=info,
        items=items,
        covered_units=gap.covered,
        start=start,
        time=time,
        total_hours=sum(i.hours for i in items),
        completion_date=completion(slots, start),
        nominal_months=round(years * 12, 1),
        werkprocessen=gap.werkprocessen,
        credited_werkprocessen=gap.credited,
        electives=electives,
    )


def is_shortened(plan: Plan, time: StudyTime, nominal_years: float) -> bool:
    """Whether `plan` at `time` takes clearly less than the nominal years: its hours over
    what a year leaves after the obligations (loopbaan en burgerschap)."""
    per_year = time.per_year() * (1 - plan.obligation_share())
    return per_year <= 0 or plan.hours() / per_year < nominal_years - SHORTENED_MARGIN_YEARS


def exam_only_codes(catalog: Catalog, codes: Sequence[str]) -> frozenset[str]:
    """The generic subjects to take as an exam only: the codes given and the lower levels
    they include (someone who masters rekenen 4 takes rekenen 3 as an exam only too)."""
    resolved = [catalog.resolve(code) for code in codes]
    for code in resolved:
        unit = catalog.units.get(code)
        if unit is None or unit.kind != UnitKind.GENERIC:
            raise NotGeneric(code)
    return frozenset(credited_codes(catalog, resolved))


@dataclass(frozen=True, slots=True)
class Step:
    """A task with what the route says of it once it has dates."""

    code: str
    title: str
    kind: str
    level: int | None
    gap: UnitGap
    provisional: bool


@dataclass
class Plan:
    """The route's tasks before scheduling, each with its step."""

    steps: list[Step]
    tasks: list[Task]

    @classmethod
    def of(
        cls,
        catalog: Catalog,
        info: TargetInfo,
        gap: Gap,
        exams: frozenset[str],
        elective_hours: float,
        start: date,
    ) -> Plan:
        plan = cls([], [])
        by_code = {g.code: g for g in gap.units}
        for code in unit_order(catalog, gap.units):
            plan.add_unit(catalog, info, by_code[code])
        only_obligations = (
            not gap.units
            and elective_hours <= 0
            and all(code in exams or is_obligation(catalog, code) for code in gap.generic)
        )
        for code in gap.generic:
            plan.add_generic(catalog, info, code, exams, start, only_obligations)
        if elective_hours > 0:
            block = UnitGap(ELECTIVE_BLOCK, elective_hours, elective_hours, (), False)
            step = Step(
                ELECTIVE_BLOCK, "Keuzedelen", UnitKind.ELECTIVE.value, info.level, block, False
            )
            plan.add(step, Task(Track.ELECTIVE, elective_hours))
        return plan

    def add(self, step: Step, task: Task) -> None:
        self.steps.append(step)
        self.tasks.append(task)

    def add_unit(self, catalog: Catalog, info: TargetInfo, gap: UnitGap) -> None:
        unit = catalog.units.get(gap.code)
        kind = (unit.kind if unit else UnitKind.VOCATIONAL).value
        track = Track.ELECTIVE if kind == UnitKind.ELECTIVE.value else Track.VOCATIONAL
        step = Step(
            gap.code,
            unit.title if unit else gap.code,
            kind,
            unit.level if unit else info.level,
            gap,
            unit.provisional if unit else False,
        )
        self.add(step, Task(track, gap.hours))

    def add_generic(
        self,
        catalog: Catalog,
        info: TargetInfo,
        code: str,
        exams: frozenset[str],
        start: date,
        only_obligations: bool,
    ) -> None:
        unit = catalog.units.get(code)
        title = unit.title if unit else code
        level = unit.level if unit else info.level
        exam = code in exams or (only_obligations and is_obligation(catalog, code))
        if exam:
            hours = exam_hours(unit, code)
            task = Task(Track.GENERIC, hours, exam_only=True)
        elif unit is not None and unit.obligation:
            hours = 0.0
            if start >= CITIZENSHIP_EXAM_FROM:
                title = f"{title} (met burgerschapsexamen)"
            task = Task(Track.GENERIC, 0.0, obligation_share=unit.hours / STUDY_YEAR_HOURS)
        else:
            hours = unit.hours if unit else 0.0
            task = Task(Track.GENERIC, hours)
        gap = UnitGap(code, hours, hours, (), False)
        self.add(Step(code, title, UnitKind.GENERIC.value, level, gap, False), task)

    def hours(self) -> float:
        """The hours of everything but the obligations, which run alongside."""
        return sum(t.hours for t in self.tasks)

    def obligation_share(self) -> float:
        return sum(t.obligation_share for t in self.tasks)

    def item(self, index: int, slot: Slot) -> PlannedItem:
        step, task = self.steps[index], self.tasks[index]
        hours = task.done if task.obligation else step.gap.hours
        return PlannedItem(
            code=step.code,
            title=step.title,
            kind=step.kind,
            level=step.level,
            hours=hours,
            full_hours=hours if task.obligation else step.gap.full_hours,
            partial=step.gap.partial,
            missing_outcomes=step.gap.missing_outcomes,
            for_prerequisite=step.gap.for_prerequisite,
            provisional=step.provisional,
            start=slot.start,
            end=slot.end,
            track=task.track,
            exam_only=task.exam_only,
            obligation=task.obligation,
        )


def unit_order(catalog: Catalog, units: Sequence[UnitGap]) -> list[str]:
    """The units in prerequisite order. Lifting werkproces rules onto units that mix
    werkprocessen can make units require each other in a ring although no werkproces does;
    the ring is broken at its lifted links, so a unit's own rules ("U2 requires U1") always
    hold, and units joined by lifted links only keep the cut's order. A cycle among the
    catalog's own rules is an error."""
    needs = {g.code: list(unit_requires(catalog, units)(g.code)) for g in units}
    codes = [g.code for g in units]
    while True:
        try:
            return order_by_prerequisites(codes, lambda code: needs[code])
        except PrerequisiteCycle as cycle:
            if find_cycle(catalog):
                raise
            links = list(zip(cycle.cycle, cycle.cycle[1:], strict=False))
            lifted = [(u, r) for u, r in links if r not in catalog.requires(u)] or links
            for unit, required in lifted:
                needs[unit] = [r for r in needs[unit] if r != required]


def is_obligation(catalog: Catalog, code: str) -> bool:
    unit = catalog.units.get(code)
    return unit is not None and unit.obligation


def exam_hours(unit: Unit | None, code: str) -> float:
    if unit is not None and unit.exam_hours is not None:
        return unit.exam_hours
    return EXAM_HOURS.get(code, 8.0)
