"""The two-host test's content, written in a process on the hosts' own settings (their
database): run as ``python -m tests.storage.hosts_setup STEP [ARG]``, prints JSON."""

import json
import sys

import django


def site():
    from django.contrib.auth.models import Group, User
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from wagtail.models import Locale, Page, Site

    from calls.models import CallReviewer
    from calls.permissions import REVIEWER_GROUP
    from tests.calls.conftest import CRITERIA, QUESTIONS
    from tests.factories import (
        BlogIndexPageFactory,
        BlogPageFactory,
        HomePageFactory,
        OpenCallPageFactory,
        ThemeFactory,
    )

    nl = Locale.objects.get(language_code="nl")
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    home = HomePageFactory(parent=root, locale=nl, slug="home")
    Site.objects.all().delete()
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=home, is_default_site=True)
    ThemeFactory(name="Energie", slug="energie", locale=nl)
    index = BlogIndexPageFactory(parent=home, title="Verhalen", slug="verhalen")
    story = BlogPageFactory(parent=index, title="Zon op het dak", slug="zon-op-het-dak")
    story.unpublish()  # a draft until the editor publishes it
    call = OpenCallPageFactory(parent=home, questions=QUESTIONS, criteria=CRITERIA)
    password = "geheim-wachtwoord-1"
    # Wagtail's Editors may not publish; Moderators may, and sign in in two steps.
    editor = User.objects.create_user("redacteur", password=password)
    editor.groups.add(Group.objects.get(name="Moderators"))
    editor_app = TOTPDevice.objects.create(user=editor, name="authenticator app", confirmed=True)
    reviewer = User.objects.create_user("beoordelaar", password=password)
    reviewer.groups.add(Group.objects.get(name=REVIEWER_GROUP))
    CallReviewer.objects.create(call=call, user=reviewer)
    device = TOTPDevice.objects.create(user=reviewer, name="authenticator app", confirmed=True)
    return {
        "story": story.pk,
        "story_url": story.url_path[len(home.url_path) - 1 :],
        "call_url": call.url_path[len(home.url_path) - 1 :],
        "password": password,
        "totp_key": device.key,
        "editor_totp_key": editor_app.key,
    }


def choose_image(story_pk, image_pk):
    """What the editor does in the page editor (which needs JavaScript): picks the image as
    the story's picture and saves a draft. Publishing happens on host A."""
    from blog.models import BlogPage

    story = BlogPage.objects.get(pk=story_pk)
    story.listing_image_id = image_pk
    story.save_revision()
    return {"revision": story.latest_revision_id}


if __name__ == "__main__":
    django.setup()
    step, *arguments = sys.argv[1:]
    result = site() if step == "site" else choose_image(*map(int, arguments))
    sys.stdout.write(json.dumps(result) + "\n")
