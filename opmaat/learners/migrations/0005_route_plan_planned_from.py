"""Every saved route records what it was planned from (opmaat.domain.routes.basis), so that
the route pages can say when it has gone out of date. A route saved before this gets the
holdings recorded up to its saving and the learner's keuzedeel hours; its catalog version
is not known ("") and is not compared."""

from django.db import migrations, models

KINDS = {"held": "held", "exemption": "exemptions", "outcome": "outcomes"}


def planned_from_records(apps, schema_editor):
    RoutePlan = apps.get_model("learners", "RoutePlan")
    Holding = apps.get_model("learners", "Holding")
    for plan in RoutePlan.objects.select_related("learner").iterator():
        basis = {"held": set(), "exemptions": set(), "outcomes": set()}
        holdings = Holding.objects.filter(learner_id=plan.learner_id, recorded_at__lte=plan.created_at)
        for code, kind in holdings.values_list("code", "kind"):
            if kind in KINDS:
                basis[KINDS[kind]].add(code)
        plan.planned_from = {
            **{key: sorted(codes) for key, codes in basis.items()},
            "elective_hours": plan.learner.elective_hours_done,
            "catalog": "",
        }
        plan.save(update_fields=["planned_from"])


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0004_learner_account_only_erased_with_the_record"),
    ]

    operations = [
        migrations.AddField(
            model_name="routeplan",
            name="planned_from",
            field=models.JSONField(blank=True, default=dict, verbose_name="gepland op grond van"),
        ),
        migrations.RunPython(planned_from_records, migrations.RunPython.noop),
    ]
