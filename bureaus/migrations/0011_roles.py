"""The three roles as groups: site administrators, bureau editors, publishers.

Editors and publishers also need an assignment to each bureau they look after
(``manage.py assign_editor``); the group gives what they may do, the assignment where.
"""

from django.db import migrations

ITEMS = ["department", "duty", "achievement", "institutioncount", "factsource"]
EDITOR = [
    "view_bureau", "change_bureau",
    *(f"{action}_{model}" for model in ITEMS for action in ("view", "add", "change", "delete")),
    "view_sourcedocument", "add_sourcedocument", "view_institutiontype",
]  # fmt: skip
PUBLISHER = [*EDITOR, "publish_bureau"]
SITE_ADMINISTRATOR = [
    *PUBLISHER, "add_bureau", "delete_bureau", "edit_every_bureau", "change_sourcedocument", "delete_sourcedocument",
    "add_institutiontype", "change_institutiontype", "delete_institutiontype",
    *(f"{action}_assignment" for action in ("view", "add", "change", "delete")),
    *(f"{action}_{model}" for model in ("user", "group") for action in ("view", "add", "change", "delete")),
]  # fmt: skip
ROLES = {"Site administrators": SITE_ADMINISTRATOR, "Bureau editors": EDITOR, "Publishers": PUBLISHER}


def make_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally made after migrating; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label__in=["bureaus", "auth"], codename__in=codenames
        )
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Permissions missing for {name}: {sorted(missing)}")
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [("bureaus", "0010_editor_assignments"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(make_roles, remove_roles)]
