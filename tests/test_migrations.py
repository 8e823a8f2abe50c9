"""Migrations that rewrite data, run forward on rows written under the schema before them."""

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = ("bureaus", "0024_published_by_place_index")
AFTER = ("bureaus", "0025_bilingual_facts")
# Apps whose rows the migration rewrites too (revisions), which the bureaus' own migrations do not depend on.
ALSO = [
    ("reversion", "0002_add_index_on_version_for_content_type_and_db"),
    ("contenttypes", "0002_remove_content_type_name"),
]


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target])
    return executor.loader.project_state([target, *ALSO]).apps


@pytest.mark.django_db(transaction=True)
def test_bilingual_facts_keep_every_text_in_the_language_it_is_written_in_revisions_too():
    old = migrate(BEFORE)
    Bureau, Department = old.get_model("bureaus", "Bureau"), old.get_model("bureaus", "Department")
    Source = old.get_model("bureaus", "SourceDocument")
    Version, Revision = old.get_model("reversion", "Version"), old.get_model("reversion", "Revision")
    ContentType = old.get_model("contenttypes", "ContentType")
    english = Bureau.objects.create(slug="heping", name="Heping District Education Bureau", chinese_name="和平区教育局",
                                    summary="A summary.", province="Liaoning", district="Heping District")  # fmt: skip
    chinese = Bureau.objects.create(slug="draft-1", name="沈阳市和平区教育局", summary="")
    Department.objects.create(bureau=english, name="Office", responsibility="Runs the office.", position=1)
    Department.objects.create(bureau=chinese, name="基础教育科", responsibility="负责全区基础教育。", position=1)
    Source.objects.create(
        bureau=chinese, title="heping.txt", text="沈阳市和平区教育局是主管全区教育事业的部门。", sha256="0" * 64
    )
    bureau_type = ContentType.objects.get_or_create(app_label="bureaus", model="bureau")[0]
    revision = Revision.objects.create(date_created="2026-01-01T00:00:00Z", comment="")
    serialized = [
        {"model": "bureaus.bureau", "pk": chinese.pk, "fields": {"slug": "draft-1", "name": "沈阳市和平区教育局"}}
    ]
    version = Version.objects.create(revision=revision, object_id=str(chinese.pk), content_type=bureau_type, db="default",
                                     format="json", serialized_data=json.dumps(serialized), object_repr="draft")  # fmt: skip
    try:
        new = migrate(AFTER)
        Bureau, Department = new.get_model("bureaus", "Bureau"), new.get_model("bureaus", "Department")
        english, chinese = Bureau.objects.get(slug="heping"), Bureau.objects.get(slug="draft-1")
        assert (english.name_en, english.name_zh_hans, english.summary_en) == (
            "Heping District Education Bureau", "和平区教育局", "A summary.")  # fmt: skip
        assert (chinese.name_en, chinese.name_zh_hans) == ("", "沈阳市和平区教育局")
        office = Department.objects.get(bureau=english)
        assert (office.name_en, office.responsibility_en, office.name_zh_hans) == ("Office", "Runs the office.", "")
        basic = Department.objects.get(bureau=chinese)
        assert (basic.name_en, basic.name_zh_hans, basic.responsibility_zh_hans) == (
            "",
            "基础教育科",
            "负责全区基础教育。",
        )
        assert new.get_model("bureaus", "SourceDocument").objects.get().language == "zh-Hans"
        fields = json.loads(new.get_model("reversion", "Version").objects.get(pk=version.pk).serialized_data)[0][
            "fields"
        ]
        assert fields == {
            "slug": "draft-1",
            "name_en": "",
            "name_zh_hans": "沈阳市和平区教育局",
        }  # a revert puts it back there
        old = migrate(BEFORE)  # and back: a text only in Chinese returns to the one column there was
        back = old.get_model("bureaus", "Department").objects.get(bureau__slug="draft-1")
        assert (back.name, back.responsibility) == ("基础教育科", "负责全区基础教育。")
        bureau = old.get_model("bureaus", "Bureau").objects.get(slug="heping")
        assert (bureau.name, bureau.chinese_name) == ("Heping District Education Bureau", "和平区教育局")
    finally:
        migrate(("bureaus", sorted_last()))


def sorted_last():
    executor = MigrationExecutor(connection)
    return max(name for app, name in executor.loader.graph.leaf_nodes() if app == "bureaus")
