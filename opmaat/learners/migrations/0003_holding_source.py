"""Every holding gets its source: a decision of the exam board, an issued credential, or a
manual entry. Existing holdings are read from their evidence, which said so in words:
"Besluit examencommissie <id> op …" for a decision, the credential's urn:uuid for a
credential; anything else was entered by hand."""

import re

from django.conf import settings
from django.db import migrations, models

DECISION = re.compile(r"^Besluit examencommissie (\d+)\b")


def sources_from_evidence(apps, schema_editor):
    Holding = apps.get_model("learners", "Holding")
    for holding in Holding.objects.all().iterator():
        found = DECISION.match(holding.evidence)
        if found:
            holding.source, holding.source_ref = "decision", found[1]
        elif holding.evidence.startswith("urn:uuid:"):
            holding.source, holding.source_ref = "credential", holding.evidence
        else:
            continue
        holding.save(update_fields=["source", "source_ref"])


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0002_route_plan_week_and_exams"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(model_name="holding", name="holding_unique"),
        migrations.AddField(
            model_name="holding",
            name="source",
            field=models.CharField(
                choices=[
                    ("manual", "Handmatig vastgelegd"),
                    ("decision", "Besluit van de examencommissie"),
                    ("credential", "Uitgegeven certificaat of diploma"),
                ],
                default="manual",
                max_length=16,
                verbose_name="bron",
            ),
        ),
        migrations.AddField(
            model_name="holding",
            name="source_ref",
            field=models.CharField(
                blank=True, max_length=100, verbose_name="besluit of certificaat"
            ),
        ),
        migrations.RunPython(sources_from_evidence, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="holding",
            constraint=models.UniqueConstraint(
                fields=("learner", "code", "kind", "source", "source_ref"), name="holding_unique"
            ),
        ),
    ]
