"""Copy each prerequisite's unit keys into its code columns.

Backwards, the keys are looked up from the codes again. A prerequisite that names a
werkproces (or a code that is no unit) has no place in the older schema, whose keys point
at units only, and is deleted.
"""

from django.db import migrations
from django.db.models import Q


def fill_prerequisite_codes(apps, schema_editor):
    Prerequisite = apps.get_model("catalog", "Prerequisite")
    rows = list(Prerequisite.objects.select_related("unit", "requires"))
    for row in rows:
        row.unit_code = row.unit.code
        row.requires_code = row.requires.code
    Prerequisite.objects.bulk_update(rows, ["unit_code", "requires_code"])


def restore_prerequisite_units(apps, schema_editor):
    Prerequisite = apps.get_model("catalog", "Prerequisite")
    Unit = apps.get_model("catalog", "Unit")
    units = dict(Unit.objects.values_list("code", "pk"))
    rows = [
        row
        for row in Prerequisite.objects.all()
        if row.unit_code in units and row.requires_code in units
    ]
    for row in rows:
        row.unit_id = units[row.unit_code]
        row.requires_id = units[row.requires_code]
    Prerequisite.objects.bulk_update(rows, ["unit", "requires"])
    Prerequisite.objects.filter(Q(unit=None) | Q(requires=None)).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("catalog", "0002_catalog_werkprocessen_cuts_successors"),
    ]

    operations = [
        migrations.RunPython(fill_prerequisite_codes, restore_prerequisite_units),
    ]
