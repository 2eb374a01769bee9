"""A prerequisite names its unit or werkproces by code only: drop the unit keys and put the
"once" and "not itself" rules on the codes."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0003_fill_prerequisite_codes"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="prerequisite",
            name="prerequisite_once",
        ),
        migrations.RemoveConstraint(
            model_name="prerequisite",
            name="prerequisite_not_self",
        ),
        migrations.RemoveField(
            model_name="prerequisite",
            name="unit",
        ),
        migrations.RemoveField(
            model_name="prerequisite",
            name="requires",
        ),
        migrations.AddConstraint(
            model_name="prerequisite",
            constraint=models.UniqueConstraint(
                fields=("unit_code", "requires_code"), name="prerequisite_once"
            ),
        ),
        migrations.AddConstraint(
            model_name="prerequisite",
            constraint=models.CheckConstraint(
                condition=models.Q(("unit_code", models.F("requires_code")), _negated=True),
                name="prerequisite_not_self",
                violation_error_message="Een eenheid of werkproces vereist niet zichzelf.",
            ),
        ),
    ]
