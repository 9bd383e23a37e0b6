"""The reviewer group, with exactly what reviewing needs: the admin, and reading and
handling applications (which ones: the calls a reviewer is assigned to)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Beoordelaars"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("calls", "view_application"),
    ("calls", "change_application"),
]


def create_group(apps, schema_editor):
    # Permissions are normally made after all migrations; this one needs them now.
    for app_label in ("calls",):
        config = apps.get_app_config(app_label)
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(
        [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in PERMISSIONS
        ]
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("calls", "0002_open_call_applications"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # These hand "choose" permissions to every group with admin access; run them first
        # so that the reviewer group keeps exactly its own.
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
