"""Every revocation has a published category, and a valid credential has none (in its own
migration, after the rows were categorised, so PostgreSQL alters a table with no pending
row events)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("credentials", "0002_revocation_category_internal_note"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="issuedcredential",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("revocation_category", ""), ("revoked_at__isnull", True)),
                    models.Q(
                        ("revoked_at__isnull", False),
                        models.Q(("revocation_category", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="revocation_has_a_category",
            ),
        ),
    ]
