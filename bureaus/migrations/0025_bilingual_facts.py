"""
Text facts become bilingual (issue 21): each of a bureau's name and summary, a department's name and
responsibility, a duty's title and text and an achievement's text is an English and a Chinese column.

The old columns are renamed to the English ones (``chinese_name`` to the Chinese name), so nothing is
copied; then every text written in Chinese (a draft imported from a Chinese page) moves to its Chinese
column, each source records its language, and the revisions already stored are rewritten the same way,
so that reverting to one restores every text into the column it belongs to.
"""

import bureaus.models.bureau
from django.conf import settings
import json
import re

from django.db import migrations, models

# (model, the English column, the Chinese column) of every bilingual text.
BILINGUAL = [
    ("bureau", "name_en", "name_zh_hans"),
    ("bureau", "summary_en", "summary_zh_hans"),
    ("department", "name_en", "name_zh_hans"),
    ("department", "responsibility_en", "responsibility_zh_hans"),
    ("duty", "title_en", "title_zh_hans"),
    ("duty", "text_en", "text_zh_hans"),
    ("achievement", "text_en", "text_zh_hans"),
]
# What the revisions stored before this migration call each column.
OLD_NAMES = {
    "bureau": {"name": "name_en", "chinese_name": "name_zh_hans", "summary": "summary_en"},
    "department": {"name": "name_en", "responsibility": "responsibility_en"},
    "duty": {"title": "title_en", "text": "text_en"},
    "achievement": {"text": "text_en"},
}


def is_chinese(text):
    """More Chinese characters than Latin letters: a text read from a Chinese page."""
    return len(re.findall(r"[\u3400-\u9fff]", text or "")) > len(re.findall(r"[A-Za-z]", text or ""))


def _split(fields, model):
    """Move a Chinese text from the English column to the empty Chinese one, in place."""
    moved = False
    for name, english, chinese in BILINGUAL:
        if name == model and is_chinese(fields.get(english)) and not fields.get(chinese):
            fields[chinese], fields[english] = fields[english], ""
            moved = True
    return moved


def join_languages(apps, schema_editor):
    """Backwards: a text only in Chinese goes back to the one column there was, which the English column is
    renamed back to (the Chinese columns are dropped after this; a text in both languages keeps its English)."""
    if schema_editor.connection.vendor == "postgresql":
        # The tables are altered next in this transaction, which PostgreSQL refuses while checks of the
        # deferred foreign keys of rows updated here are pending: run them now instead.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for model in {name for name, _, _ in BILINGUAL}:
        Model = apps.get_model("bureaus", model)
        for _, english, chinese in (row for row in BILINGUAL if row[0] == model):
            if model == "bureau" and english == "name_en":
                continue  # the Chinese name goes back to chinese_name, a column of its own
            Model.objects.filter(**{english: ""}).exclude(**{chinese: ""}).update(**{english: models.F(chinese)})


def split_by_language(apps, schema_editor):
    for model in {name for name, _, _ in BILINGUAL}:
        Model = apps.get_model("bureaus", model)
        columns = [column for name, *pair in BILINGUAL if name == model for column in pair]
        for row in Model.objects.only("pk", *columns).iterator():
            fields = {column: getattr(row, column) for column in columns}
            if _split(fields, model):
                Model.objects.filter(pk=row.pk).update(**fields)
    SourceDocument = apps.get_model("bureaus", "SourceDocument")
    for source in SourceDocument.objects.only("pk", "text").iterator():
        if is_chinese(source.text):
            SourceDocument.objects.filter(pk=source.pk).update(language="zh-Hans")
    Version = apps.get_model("reversion", "Version")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for content_type in ContentType.objects.filter(app_label="bureaus", model__in=OLD_NAMES):
        for version in Version.objects.filter(content_type=content_type, format="json").iterator():
            rows = json.loads(version.serialized_data)
            for row in rows:
                fields = row.get("fields", {})
                for old, new in OLD_NAMES[content_type.model].items():
                    if old in fields:
                        fields[new] = fields.pop(old)
                _split(fields, content_type.model)
            Version.objects.filter(pk=version.pk).update(serialized_data=json.dumps(rows, ensure_ascii=False))


class Migration(migrations.Migration):
    dependencies = [
        ("bureaus", "0024_published_by_place_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="bureau",
            options={
                "ordering": ["name_en", "name_zh_hans", "slug"],
                "permissions": [
                    ("publish_bureau", "Can publish and withdraw bureaus (those assigned, or every one with the next)"),
                    ("edit_every_bureau", "Can edit every bureau, not only those assigned (site administrators)"),
                ],
            },
        ),
        migrations.AlterModelOptions(
            name="bureaulisting",
            options={"ordering": ["name_en", "name_zh_hans", "slug"], "verbose_name": "bureau listing"},
        ),
        migrations.AlterModelOptions(
            name="department",
            options={"ordering": ["bureau", "position"]},
        ),
        migrations.RemoveConstraint(
            model_name="achievement",
            name="achievement_text_not_empty",
        ),
        migrations.RemoveConstraint(
            model_name="bureau",
            name="bureau_published_is_complete",
        ),
        migrations.RemoveConstraint(
            model_name="bureaulisting",
            name="listing_is_of_a_complete_bureau",
        ),
        migrations.RemoveConstraint(
            model_name="department",
            name="department_name_unique_in_bureau",
        ),
        migrations.RemoveConstraint(
            model_name="department",
            name="department_name_not_empty",
        ),
        migrations.RemoveConstraint(
            model_name="duty",
            name="duty_text_not_empty",
        ),
        migrations.RemoveIndex(
            model_name="bureau",
            name="bureau_published_by_place",
        ),
        migrations.RenameField(
            model_name="achievement",
            old_name="text",
            new_name="text_en",
        ),
        migrations.RenameField(
            model_name="bureau",
            old_name="chinese_name",
            new_name="name_zh_hans",
        ),
        migrations.RenameField(
            model_name="bureau",
            old_name="name",
            new_name="name_en",
        ),
        migrations.RenameField(
            model_name="bureau",
            old_name="summary",
            new_name="summary_en",
        ),
        migrations.RenameField(
            model_name="bureaulisting",
            old_name="name",
            new_name="name_en",
        ),
        migrations.RenameField(
            model_name="department",
            old_name="name",
            new_name="name_en",
        ),
        migrations.RenameField(
            model_name="department",
            old_name="responsibility",
            new_name="responsibility_en",
        ),
        migrations.RenameField(
            model_name="duty",
            old_name="text",
            new_name="text_en",
        ),
        migrations.RenameField(
            model_name="duty",
            old_name="title",
            new_name="title_en",
        ),
        migrations.AlterField(
            model_name="achievement",
            name="text_en",
            field=models.TextField(blank=True, verbose_name="text (English)"),
        ),
        migrations.AddField(
            model_name="achievement",
            name="text_zh_hans",
            field=models.TextField(blank=True, verbose_name="text (Chinese)"),
        ),
        migrations.AddField(
            model_name="bureau",
            name="division_code",
            field=models.CharField(
                blank=True,
                help_text="The county-level division's code in the national gazetteer (GB/T 2260), e.g. 210102: one bureau per division.",
                max_length=6,
                validators=[bureaus.models.bureau.validate_division_code],
                verbose_name="division code",
            ),
        ),
        migrations.AlterField(
            model_name="bureau",
            name="name_en",
            field=models.CharField(
                blank=True,
                help_text="The bureau's name as its source document words it, in that document's language (e.g. Heping District Education Bureau, 沈阳市和平区教育局).",
                max_length=200,
                verbose_name="name (English)",
            ),
        ),
        migrations.AlterField(
            model_name="bureau",
            name="name_zh_hans",
            field=models.CharField(
                blank=True,
                help_text="The bureau's name as its source document words it, in that document's language (e.g. Heping District Education Bureau, 沈阳市和平区教育局).",
                max_length=200,
                verbose_name="name (Chinese)",
            ),
        ),
        migrations.AlterField(
            model_name="bureau",
            name="summary_en",
            field=models.TextField(blank=True, verbose_name="summary (English)"),
        ),
        migrations.AddField(
            model_name="bureau",
            name="summary_zh_hans",
            field=models.TextField(blank=True, verbose_name="summary (Chinese)"),
        ),
        migrations.AlterField(
            model_name="bureaulisting",
            name="name_en",
            field=models.CharField(blank=True, max_length=200, verbose_name="name (English)"),
        ),
        migrations.AddField(
            model_name="bureaulisting",
            name="name_zh_hans",
            field=models.CharField(blank=True, max_length=200, verbose_name="name (Chinese)"),
        ),
        migrations.AlterField(
            model_name="department",
            name="name_en",
            field=models.CharField(blank=True, max_length=200, verbose_name="name (English)"),
        ),
        migrations.AddField(
            model_name="department",
            name="name_zh_hans",
            field=models.CharField(blank=True, max_length=200, verbose_name="name (Chinese)"),
        ),
        migrations.AlterField(
            model_name="department",
            name="responsibility_en",
            field=models.TextField(
                blank=True,
                help_text="Leave empty when the source document does not say.",
                verbose_name="what it is responsible for (English)",
            ),
        ),
        migrations.AddField(
            model_name="department",
            name="responsibility_zh_hans",
            field=models.TextField(
                blank=True,
                help_text="Leave empty when the source document does not say.",
                verbose_name="what it is responsible for (Chinese)",
            ),
        ),
        migrations.AlterField(
            model_name="duty",
            name="text_en",
            field=models.TextField(blank=True, verbose_name="text (English)"),
        ),
        migrations.AddField(
            model_name="duty",
            name="text_zh_hans",
            field=models.TextField(blank=True, verbose_name="text (Chinese)"),
        ),
        migrations.AlterField(
            model_name="duty",
            name="title_en",
            field=models.CharField(blank=True, max_length=300, verbose_name="title (English)"),
        ),
        migrations.AddField(
            model_name="duty",
            name="title_zh_hans",
            field=models.CharField(blank=True, max_length=300, verbose_name="title (Chinese)"),
        ),
        migrations.AddField(
            model_name="sourcedocument",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("zh-Hans", "Chinese (Simplified)"), ("zh-Hant", "Chinese (Traditional)")],
                default="en",
                help_text="The language the document is written in; its facts are kept in that language.",
                max_length=10,
            ),
        ),
        migrations.AddIndex(
            model_name="bureau",
            index=models.Index(
                condition=models.Q(("is_published", True)),
                fields=["district", "name_en", "slug"],
                name="bureau_published_by_place",
            ),
        ),
        migrations.AddConstraint(
            model_name="achievement",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("text_en", ""), _negated=True),
                    models.Q(("text_zh_hans", ""), _negated=True),
                    _connector="OR",
                ),
                name="achievement_text_not_empty",
            ),
        ),
        migrations.AddConstraint(
            model_name="bureau",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("is_published", False),
                    models.Q(
                        models.Q(
                            models.Q(("name_en", ""), _negated=True),
                            models.Q(("name_zh_hans", ""), _negated=True),
                            _connector="OR",
                        ),
                        models.Q(("district", ""), _negated=True),
                        models.Q(("province", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="bureau_published_is_complete",
            ),
        ),
        migrations.AddConstraint(
            model_name="bureau",
            constraint=models.UniqueConstraint(
                condition=models.Q(models.Q(("division_code", ""), _negated=True), ("draft_of__isnull", True)),
                fields=("division_code",),
                name="bureau_one_per_division",
                violation_error_message="Another bureau already serves this division.",
            ),
        ),
        migrations.AddConstraint(
            model_name="bureaulisting",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        models.Q(("name_en", ""), _negated=True),
                        models.Q(("name_zh_hans", ""), _negated=True),
                        _connector="OR",
                    ),
                    models.Q(("province", ""), _negated=True),
                ),
                name="listing_is_of_a_complete_bureau",
            ),
        ),
        migrations.AddConstraint(
            model_name="department",
            constraint=models.UniqueConstraint(
                condition=models.Q(("name_en", ""), _negated=True),
                fields=("bureau", "name_en"),
                name="department_name_en_unique_in_bureau",
                violation_error_message="This bureau already has a department with this name.",
            ),
        ),
        migrations.AddConstraint(
            model_name="department",
            constraint=models.UniqueConstraint(
                condition=models.Q(("name_zh_hans", ""), _negated=True),
                fields=("bureau", "name_zh_hans"),
                name="department_name_zh_hans_unique_in_bureau",
                violation_error_message="This bureau already has a department with this name.",
            ),
        ),
        migrations.AddConstraint(
            model_name="department",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("name_en", ""), _negated=True),
                    models.Q(("name_zh_hans", ""), _negated=True),
                    _connector="OR",
                ),
                name="department_name_not_empty",
            ),
        ),
        migrations.AddConstraint(
            model_name="duty",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("text_en", ""), _negated=True),
                    models.Q(("text_zh_hans", ""), _negated=True),
                    _connector="OR",
                ),
                name="duty_text_not_empty",
            ),
        ),
        migrations.AddConstraint(
            model_name="sourcedocument",
            constraint=models.CheckConstraint(
                condition=models.Q(("language__in", ["en", "zh-Hans", "zh-Hant"])),
                name="source_document_language_known",
            ),
        ),
        migrations.RunPython(split_by_language, join_languages, elidable=True),
    ]
