"""Give Wagtail's Editors and Moderators groups what they need for "Breng je vraag in":
read, answer, move along and publish questions (view, change, delete; never add)."""

from django.db import migrations

ACTIONS = ["view", "change", "delete"]
GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _created = ContentType.objects.get_or_create(app_label="calls", model="question")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_question",
            defaults={"name": f"Can {action} question"},
        )[0]
        for action in ACTIONS
    ]
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(
        content_type__app_label="calls", codename__in=[f"{action}_question" for action in ACTIONS]
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("calls", "0004_questions"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
