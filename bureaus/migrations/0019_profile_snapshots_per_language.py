"""Profile snapshots per interface language. They are derived (rendered again on the next visit),
so the table is simply made anew."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("bureaus", "0018_institution_type_chinese_name"),
    ]

    operations = [
        migrations.DeleteModel(name="ProfileSnapshot"),
        migrations.CreateModel(
            name="ProfileSnapshot",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("language", models.CharField(help_text="The interface language it was rendered in.", max_length=10)),
                ("page_version", models.PositiveIntegerField()),
                ("built_with", models.CharField(max_length=64)),
                ("html", models.TextField()),
                (
                    "json_ld",
                    models.JSONField(help_text="schema.org data of the page, without its address (added per request)."),
                ),
                (
                    "bureau",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="snapshots", to="bureaus.bureau"
                    ),
                ),
            ],
            options={
                "ordering": ["bureau", "language"],
                "constraints": [
                    models.UniqueConstraint(fields=("bureau", "language"), name="profile_snapshot_one_per_language"),
                    models.CheckConstraint(condition=models.Q(("html", ""), _negated=True), name="profile_snapshot_not_empty"),
                ],
            },
        ),
    ]
