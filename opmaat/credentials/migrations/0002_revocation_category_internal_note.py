"""A revocation publishes a category; the exam board's free text becomes an internal note.

Revocations recorded before the categories get "other": their text is kept as the note
and is no longer published.
"""

from django.db import migrations, models


def categorise_existing(apps, schema_editor):
    IssuedCredential = apps.get_model("credentials", "IssuedCredential")
    IssuedCredential.objects.filter(revoked_at__isnull=False).update(revocation_category="other")


def forget_categories(apps, schema_editor):
    """Backwards the text is the reason again; the category has nowhere to go."""


class Migration(migrations.Migration):

    dependencies = [
        ("credentials", "0001_signing_keys_issued_credentials"),
    ]

    operations = [
        migrations.RenameField(
            model_name="issuedcredential",
            old_name="revocation_reason",
            new_name="revocation_note",
        ),
        migrations.AlterField(
            model_name="issuedcredential",
            name="revocation_note",
            field=models.TextField(
                blank=True, verbose_name="toelichting bij de intrekking (intern)"
            ),
        ),
        migrations.AddField(
            model_name="issuedcredential",
            name="revocation_category",
            field=models.CharField(
                blank=True,
                choices=[
                    ("issued_in_error", "Ten onrechte uitgegeven"),
                    ("exam_irregularity", "Fraude of onregelmatigheid bij het examen"),
                    ("replaced", "Vervangen door een verbeterd certificaat of diploma"),
                    ("holder_request", "Op verzoek van de houder"),
                    ("other", "Andere reden"),
                ],
                default="",
                max_length=24,
                verbose_name="reden van intrekking",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(categorise_existing, forget_categories),
    ]
