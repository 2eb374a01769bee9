"""Store what the domain catalog gained: units made of werkprocessen defined elsewhere,
generic obligations and exam hours, other cuts, successors and admission of a
qualification, the provenance of an equivalence, and prior education.

Prerequisites get code columns beside their unit keys (filled by 0003, which the keys then
give way to in 0004); the keys become nullable here so that 0004 can be reversed.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0001_catalog_tables"),
    ]

    operations = [
        migrations.AddField(
            model_name="qualification",
            name="cuts",
            field=models.JSONField(blank=True, default=list, verbose_name="andere indelingen"),
        ),
        migrations.AddField(
            model_name="qualification",
            name="superseded_by",
            field=models.JSONField(blank=True, default=list, verbose_name="opgevolgd door"),
        ),
        migrations.AddField(
            model_name="qualification",
            name="valid_until",
            field=models.DateField(blank=True, null=True, verbose_name="geldig tot"),
        ),
        migrations.AddField(
            model_name="qualification",
            name="elective_hours_shortened",
            field=models.FloatField(
                blank=True, null=True, verbose_name="uren keuzedelen verkorte route"
            ),
        ),
        migrations.AddField(
            model_name="qualification",
            name="elective_rule",
            field=models.TextField(blank=True, verbose_name="regel keuzedelen"),
        ),
        migrations.AddField(
            model_name="qualification",
            name="admission",
            field=models.CharField(
                choices=[
                    ("open", "open"),
                    ("without_level_2_entry", "without_level_2_entry"),
                    ("level_3_in_field", "level_3_in_field"),
                ],
                default="open",
                max_length=32,
                verbose_name="toelating",
            ),
        ),
        migrations.AddField(
            model_name="qualification",
            name="admission_note",
            field=models.TextField(blank=True, verbose_name="toelichting toelating"),
        ),
        migrations.AddConstraint(
            model_name="qualification",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("elective_hours_shortened__isnull", True),
                    ("elective_hours_shortened__gte", 0),
                    _connector="OR",
                ),
                name="qualification_shortened_elective_hours_nonnegative",
            ),
        ),
        migrations.AddField(
            model_name="unit",
            name="werkprocessen",
            field=models.JSONField(blank=True, default=list, verbose_name="werkprocessen"),
        ),
        migrations.AddField(
            model_name="unit",
            name="obligation",
            field=models.BooleanField(
                default=False,
                help_text="Uren per studiejaar, naast de route.",
                verbose_name="verplichting",
            ),
        ),
        migrations.AddField(
            model_name="unit",
            name="exam_hours",
            field=models.FloatField(blank=True, null=True, verbose_name="uren examen"),
        ),
        migrations.AddConstraint(
            model_name="unit",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("exam_hours__isnull", True), ("exam_hours__gte", 0), _connector="OR"
                ),
                name="unit_exam_hours_nonnegative",
            ),
        ),
        migrations.AddField(
            model_name="equivalence",
            name="sources",
            field=models.JSONField(blank=True, default=list, verbose_name="bronnen"),
        ),
        migrations.AddField(
            model_name="equivalence",
            name="confidence",
            field=models.TextField(blank=True, verbose_name="betrouwbaarheid"),
        ),
        migrations.CreateModel(
            name="PriorEducation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.CharField(max_length=64, unique=True, verbose_name="code")),
                ("name", models.CharField(max_length=300, verbose_name="naam")),
                (
                    "admits_level",
                    models.PositiveSmallIntegerField(verbose_name="geeft toegang tot niveau"),
                ),
                ("sources", models.JSONField(blank=True, default=list, verbose_name="bronnen")),
            ],
            options={
                "verbose_name": "vooropleiding",
                "verbose_name_plural": "vooropleidingen",
                "ordering": ["code"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(("admits_level__gte", 0), ("admits_level__lte", 4)),
                        name="prior_education_level_0_4",
                        violation_error_message="Een vooropleiding geeft toegang tot niveau 0 tot 4.",
                    )
                ],
            },
        ),
        migrations.AddField(
            model_name="prerequisite",
            name="unit_code",
            field=models.CharField(
                default="", max_length=80, verbose_name="eenheid of werkproces"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="prerequisite",
            name="requires_code",
            field=models.CharField(default="", max_length=80, verbose_name="vereist"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="prerequisite",
            name="unit",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="prerequisites",
                to="catalog.unit",
            ),
        ),
        migrations.AlterField(
            model_name="prerequisite",
            name="requires",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="required_by",
                to="catalog.unit",
            ),
        ),
    ]
