"""The kinds of organisation the network starts with (editors extend the list), and the
permissions the moderators and editors need for registrations and offers of help."""

import uuid

from django.contrib.auth.management import create_permissions
from django.db import migrations

KINDS = [
    ("bewonersorganisatie", "Bewonersorganisatie", "Residents' organisation"),
    ("cooperatie", "Coöperatie", "Cooperative"),
    ("wijkbedrijf", "Wijkbedrijf", "Neighbourhood company"),
    ("sociale-onderneming", "Sociale onderneming", "Social enterprise"),
    ("zorgboerderij", "Zorgboerderij", "Care farm"),
    ("stichting", "Stichting", "Foundation"),
    ("anders", "Anders", "Other"),
]

GROUP_PERMISSIONS = {
    "Moderators": [
        "view_registration",
        "change_registration",
        "erase_registration",
        "view_helpoffer",
        "change_helpoffer",
        "add_organisationkind",
        "change_organisationkind",
        "delete_organisationkind",
    ],
    "Editors": [
        "view_helpoffer",
        "add_organisationkind",
        "change_organisationkind",
        "delete_organisationkind",
    ],
}


def add_kinds(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    OrganisationKind = apps.get_model("members", "OrganisationKind")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    if "nl" not in locales:
        return
    for position, (slug, dutch, english) in enumerate(KINDS):
        if OrganisationKind.objects.filter(slug=slug, locale=locales["nl"]).exists():
            continue
        key = uuid.uuid4()
        OrganisationKind.objects.create(
            translation_key=key,
            locale=locales["nl"],
            name=dutch,
            slug=slug,
            sort_order=(position + 1) * 10 if slug != "anders" else 999,
        )
        if "en" in locales:
            OrganisationKind.objects.create(
                translation_key=key,
                locale=locales["en"],
                name=english,
                slug=slug,
                sort_order=(position + 1) * 10 if slug != "anders" else 999,
            )


def grant_permissions(apps, schema_editor):
    # Permissions are made after all migrations; make this app's now to grant them.
    app_config = apps.get_app_config("members")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in GROUP_PERMISSIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="members", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0003_profiles_needs_registrations"),
        ("portal", "0002_locales_and_url_path_index"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(add_kinds, migrations.RunPython.noop),
        migrations.RunPython(grant_permissions, migrations.RunPython.noop),
    ]
