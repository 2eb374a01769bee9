"""The functiehuis: rows ↔ the domain's `Functiehuis`, its replacement and draft functions."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.contrib.auth.models import User
from django.db import transaction

from opmaat.accounts.models import Organisation
from opmaat.catalog.cache import current_catalog
from opmaat.domain.catalog import Catalog, EmployerEffect
from opmaat.domain.progress import SupervisionLevel
from opmaat.domain.workforce.acts import BIG_ACTS
from opmaat.domain.workforce.model import Act, Consequence, EffectRule, Functiehuis, Function, Task
from opmaat.workforce.models import Act as ActRow
from opmaat.workforce.models import CareFunction, UnitEffect
from opmaat.workforce.models import EffectRule as EffectRuleRow
from opmaat.workforce.models import Task as TaskRow
from opmaat.workforce.services.common import audit, require_hr


def act_of(row: ActRow) -> Act:
    return Act(row.code, row.name, row.reserved, row.validity_months, row.source)


def task_of(row: TaskRow) -> Task:
    return Task(
        row.code,
        row.name,
        tuple(row.werkprocessen),
        SupervisionLevel(row.min_level),
        tuple(row.acts),
    )


def function_of(row: CareFunction) -> Function:
    return Function(
        row.code,
        row.name,
        row.cao,
        row.fwg_group,
        row.qualification or None,
        tuple(row.werkprocessen),
        tuple(row.units),
        tuple(row.tasks),
        row.temporary,
        row.draft,
    )


def rule_of(row: EffectRuleRow) -> EffectRule:
    return EffectRule(
        EmployerEffect(row.effect),
        Consequence(row.consequence),
        row.steps,
        row.function or None,
        row.from_function or None,
    )


def functiehuis_of(organisation: Organisation) -> Functiehuis:
    """The organisation's functiehuis as the domain checks it."""
    return Functiehuis(
        functions=tuple(function_of(r) for r in organisation.care_functions.all()),
        tasks=tuple(task_of(r) for r in organisation.tasks.all()),
        acts=tuple(act_of(r) for r in organisation.acts.all()),
        rules=tuple(rule_of(r) for r in organisation.effect_rules.all()),
        unit_effects={u.unit: EmployerEffect(u.effect) for u in organisation.unit_effects.all()},
    )


def with_big_acts(acts: Iterable[Act]) -> tuple[Act, ...]:
    """`acts` with every reserved act of Wet BIG art. 36 the organisation does not list
    itself: the default data every functiehuis starts with."""
    own = {a.code: a for a in acts}
    return (*own.values(), *(a for a in BIG_ACTS if a.code not in own))


def check_functiehuis(catalog: Catalog, huis: Functiehuis) -> None:
    """Every catalog code the functiehuis names resolves (werkprocessen, units,
    qualifications); the domain's constructor has checked its own codes."""
    for task in huis.tasks:
        for code in task.werkprocessen:
            catalog.resolve(code)
    for function in huis.functions:
        for code in (*function.werkprocessen, *function.units):
            catalog.resolve(code)
        if function.qualification:
            catalog.resolve(function.qualification)
    for unit in huis.unit_effects:
        catalog.resolve(unit)


@transaction.atomic
def do_replace_functiehuis(
    actor: User,
    organisation: Organisation,
    huis: Functiehuis,
    sources: Mapping[str, str] | None = None,
) -> None:
    """Replace the organisation's functiehuis by `huis` (an import): checked first, then
    written in one go. Acts keep their rows (authorisations refer to them); an act no
    longer listed stays as it was. `sources` gives per function where its FWG group comes
    from."""
    require_hr(actor, organisation)
    check_functiehuis(current_catalog(), huis)
    for act in huis.acts:
        save_act(organisation, act)
    organisation.tasks.all().delete()
    organisation.care_functions.all().delete()
    organisation.effect_rules.all().delete()
    organisation.unit_effects.all().delete()
    TaskRow.objects.bulk_create(task_row(organisation, t) for t in huis.tasks)
    CareFunction.objects.bulk_create(
        function_row(organisation, f, (sources or {}).get(f.code, "")) for f in huis.functions
    )
    EffectRuleRow.objects.bulk_create(rule_row(organisation, r) for r in huis.rules)
    UnitEffect.objects.bulk_create(
        UnitEffect(organisation=organisation, unit=u, effect=e.value)
        for u, e in huis.unit_effects.items()
    )
    audit(
        actor,
        organisation,
        "functiehuis",
        f"Functiehuis vastgelegd: {len(huis.functions)} functies, {len(huis.tasks)} taken",
    )


def save_act(organisation: Organisation, act: Act) -> ActRow:
    row, _ = ActRow.objects.update_or_create(
        organisation=organisation,
        code=act.code,
        defaults={
            "name": act.name,
            "reserved": act.reserved,
            "validity_months": act.validity_months,
            "source": act.source,
        },
    )
    return row


def task_row(organisation: Organisation, task: Task) -> TaskRow:
    return TaskRow(
        organisation=organisation,
        code=task.code,
        name=task.name,
        werkprocessen=list(task.werkprocessen),
        min_level=int(task.min_level),
        acts=list(task.acts),
    )


def function_row(organisation: Organisation, function: Function, source: str = "") -> CareFunction:
    return CareFunction(
        organisation=organisation,
        code=function.code,
        name=function.name,
        cao=function.cao,
        fwg_group=function.fwg_group,
        fwg_source=source,
        qualification=function.qualification or "",
        werkprocessen=list(function.werkprocessen),
        units=list(function.units),
        tasks=list(function.tasks),
        temporary=function.temporary,
        draft=function.draft,
    )


def rule_row(organisation: Organisation, rule: EffectRule) -> EffectRuleRow:
    return EffectRuleRow(
        organisation=organisation,
        effect=rule.effect.value,
        consequence=rule.consequence.value,
        steps=rule.steps,
        function=rule.function or "",
        from_function=rule.from_function or "",
    )


@transaction.atomic
def do_save_draft_function(
    actor: User, organisation: Organisation, function: Function, note: str = ""
) -> CareFunction:
    """Save a carved function as a draft of the functiehuis (issue 16, job carving)."""
    require_hr(actor, organisation)
    huis = functiehuis_of(organisation).with_function(function)
    check_functiehuis(current_catalog(), huis)
    organisation.care_functions.filter(code=function.code).delete()
    row = function_row(organisation, function, note)
    row.draft = True
    row.save()
    audit(actor, organisation, "draft_function", f"Conceptfunctie {function.name} opgeslagen")
    return row
