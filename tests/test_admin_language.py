"""The admin speaks the editor's language: every project admin screen, rendered for an
editor who chose English and for one who chose Dutch, shows no string of the other language.

The check reads the visible text of each screen (text nodes and the attributes people read:
placeholder, title, aria-label, alt) and looks for the project catalogue's strings whose two
languages differ: in the English admin no Dutch msgstr, in the Dutch admin no English msgid.
Strings that Wagtail, Django or an add-on use themselves (in their own catalogues, left
untranslated there, or the same word in both languages) are not evidence and are skipped;
the content this test creates is written so that it matches neither catalogue.
"""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.users.models import UserProfile

from blog.models import Person
from calls.models import CallReviewer
from members.models import HelpOffer, OrganisationKind, Registration
from portal.models import Navigation

from .factories import (
    ApplicationFactory,
    BlogIndexPageFactory,
    BlogPageFactory,
    LivingLabIndexPageFactory,
    LivingLabPageFactory,
    MemberIndexPageFactory,
    MemberPageFactory,
    OpenCallPageFactory,
    QuestionFactory,
    QuestionPageFactory,
    ReactionFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
PROJECT_APPS = {"portal", "home", "blog", "members", "livinglabs", "calls"}
# Script, templates for later, and what is typed into fields is not the interface.
SKIPPED_TAGS = {"script", "style", "template", "noscript", "textarea"}
# Each language is named in its own tongue in language pickers (settings.LANGUAGES).
ENDONYMS = {"nederlands", "english"}
READ_ATTRIBUTES = {"placeholder", "title", "aria-label", "alt"}


@cache
def catalogue():
    return polib.pofile(str(ROOT / "locale/nl/LC_MESSAGES/django.po"))


@cache
def other_catalogues():
    """Every Dutch catalogue of Django, Wagtail and the add-ons."""
    import django
    import wagtail

    site = Path(wagtail.__file__).resolve().parent.parent
    paths = list(site.glob("*/**/locale/nl/LC_MESSAGES/django*.po"))
    paths += list(Path(django.__file__).parent.glob("**/locale/nl/LC_MESSAGES/django*.po"))
    return [polib.pofile(str(path)) for path in set(paths)]


def entries(po):
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            yield entry.msgid, entry.msgstr_plural.get(0, "")
            yield entry.msgid_plural, entry.msgstr_plural.get(1, "")
        else:
            yield entry.msgid, entry.msgstr


def fold(text):
    return " ".join(text.split()).casefold()


@cache
def words_of_others():
    """What Django, Wagtail and the add-ons may show in either admin, by their own choice."""
    english, dutch = set(), set()
    for po in other_catalogues():
        for msgid, msgstr in entries(po):
            # Whole strings, and the single words they use (Wagtail's Dutch says "Content").
            for strings, text in ((english, msgid), (dutch, msgstr or msgid)):
                strings.add(fold(text))
                strings.update(re.findall(r"\w+", fold(text)))
    return english, dutch


def usable(text):
    # Placeholders and one-letter words tell nothing about the language.
    text = re.sub(r"%\(\w+\)[sd]|%[sd]|\{\w*\}", "", text).strip(" .:,;!?…“”‘’\"'()")
    # Short single words (to, met, call) are too common in both languages to tell.
    if not re.search(r"\w", text) or (" " not in text and len(text) < 5):
        return ""
    return text


@cache
def forbidden():
    """(strings that betray Dutch in the English admin, and English in the Dutch admin)."""
    others_en, others_nl = words_of_others()
    pairs = [(msgid, msgstr) for msgid, msgstr in entries(catalogue()) if msgstr]
    project_en = {fold(msgid) for msgid, _ in pairs}
    project_nl = {fold(msgstr) for _, msgstr in pairs}
    dutch, english = set(), set()
    for msgid, msgstr in pairs:
        if fold(msgid) == fold(msgstr):
            continue
        for part in re.split(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|\n", msgstr):
            part = usable(part)
            if part and fold(part) not in others_en | project_en | ENDONYMS:
                dutch.add(fold(part))
        for part in re.split(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|\n", msgid):
            part = usable(part)
            if part and fold(part) not in others_nl | project_nl | ENDONYMS:
                english.add(fold(part))
    return dutch, english


class VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        for name, value in attrs:
            if name in READ_ATTRIBUTES and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.parts.append(data)


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    return [fold(part) for part in parser.parts]


def strays(html, strings):
    """The strings of ``strings`` found as whole words in the visible text of ``html``."""
    found = set()
    for text in visible_text(html):
        for string in strings:
            if string in text and re.search(rf"(?<![\w?&=]){re.escape(string)}(?![\w=])", text):
                found.add((string, text[:120]))
    return found


# The content of the screens: neutral names that are in neither catalogue.

NEUTRAL = "Zyx"


def neutral(number):
    return f"{NEUTRAL} {number}"


@pytest.fixture
def screens(home_nl, theme):
    blog = BlogIndexPageFactory(parent=home_nl, title=neutral(1))
    story = BlogPageFactory(parent=blog, title=neutral(2), themes=[theme])
    members = MemberIndexPageFactory(parent=home_nl, title=neutral(3))
    member = MemberPageFactory(parent=members, title=neutral(4))
    labs = LivingLabIndexPageFactory(parent=home_nl, title=neutral(5))
    lab = LivingLabPageFactory(parent=labs, title=neutral(6))
    call = OpenCallPageFactory(parent=home_nl, title=neutral(7))
    question_page = QuestionPageFactory(parent=home_nl, title=neutral(8))
    standard = StandardPageFactory(parent=home_nl, title=neutral(9))
    reviewer = get_user_model().objects.create_user("zyxreviewer", "zyx@example.org", "x")
    rows = {
        "theme": theme,
        "navigation": Navigation.objects.first()
        or Navigation.objects.create(locale=home_nl.locale, name=NEUTRAL),
        "reaction": ReactionFactory(page=story, name=NEUTRAL, text=NEUTRAL),
        "person": Person.objects.create(name=f"{NEUTRAL} Qwv"),
        "organisationkind": OrganisationKind.objects.filter(locale=home_nl.locale).first(),
        "registration": Registration.objects.create(
            initiative_name=NEUTRAL,
            place=NEUTRAL,
            province="groningen",
            description=NEUTRAL,
            name=NEUTRAL,
            email="zyx@example.org",
            consent_at=timezone.now(),
        ),
        "helpoffer": HelpOffer.objects.create(
            page=member,
            initiative_name=NEUTRAL,
            need_kind="vrijwilligers",
            need_description=NEUTRAL,
            name=NEUTRAL,
            email="zyx@example.org",
            message=NEUTRAL,
            consent_at=timezone.now(),
        ),
        "applications": ApplicationFactory(
            call=call,
            title=NEUTRAL,
            name=NEUTRAL,
            summary=NEUTRAL,
            question=NEUTRAL,
            partners=NEUTRAL,
            lab=lab,
        ),
        "call-reviewers": CallReviewer.objects.create(call=call, user=reviewer),
        "questions": QuestionFactory(
            page=question_page, text=NEUTRAL, name=NEUTRAL, call=call, lab=lab
        ),
    }
    pages = [home_nl, blog, story, members, member, labs, lab, call, question_page, standard]
    return rows, pages


def project_viewsets():
    for viewset in viewsets.viewsets:
        if isinstance(viewset, ModelViewSet) and type(viewset).__module__.split(".")[0] in (
            PROJECT_APPS
        ):
            yield viewset


def viewset_urls(viewset, row):
    """The screens of ``viewset`` for ``row``; without a row, its add screen only."""
    for name, args in [
        ("index", []),
        ("add", []),
        *[(name, [getattr(row, "pk", None)]) for name in ("edit", "inspect", "detail", "history")],
    ]:
        if row is None and name != "add":
            continue
        try:
            yield reverse(viewset.get_url_name(name), args=args)
        except NoReverseMatch:
            continue


def screen_urls(rows, pages):
    urls = ["/admin/", reverse("portal_stale_translations")]
    for viewset in project_viewsets():
        urls += viewset_urls(viewset, rows[viewset.name])
    for page in pages:
        urls.append(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        urls.append(reverse("wagtailadmin_explore", args=[page.pk]))
    return urls


def page_add_urls(pages):
    """The editor of a new page of each type, beside the existing one."""
    urls = []
    for page in pages:
        model = type(page.specific)
        parent = page.get_parent()
        urls.append(
            reverse(
                "wagtailadmin_pages:add",
                args=[model._meta.app_label, model._meta.model_name, parent.pk],
            )
        )
    return urls


def admin_in(language):
    user = get_user_model().objects.create_superuser(
        f"zyxadmin{language}", f"zyx{language}@example.org", "x"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_project_admin_screen_speaks_only_the_editors_language(client, screens, language):
    rows, pages = screens
    assert {type(page.specific)._meta.app_label for page in pages} >= PROJECT_APPS - {"portal"}
    assert Page.objects.filter(pk__in=[page.pk for page in pages]).count() == len(pages)
    client.force_login(admin_in(language))
    dutch, english = forbidden()
    strings = dutch if language == "en" else english

    refused = {url for viewset in project_viewsets() for url in viewset_urls(viewset, None)}
    problems = {}
    # Some may not be added here, or not once more (max_count): they answer with a redirect.
    refused |= set(page_add_urls(pages))
    for url in screen_urls(rows, pages) + page_add_urls(pages):
        response = client.get(url)
        if response.status_code == 302 and url in refused:
            continue  # nobody adds these in the admin (reactions, questions come from forms)
        assert response.status_code == 200, url
        if found := strays(response.content.decode(), strings):
            problems[url] = sorted(found)

    assert not problems, "\n".join(
        f"{url}: {string!r} in {text!r}"
        for url, found in problems.items()
        for string, text in found
    )


def test_the_check_finds_a_dutch_label_in_english_text():
    dutch, english = forbidden()

    assert strays("<label>Thema's</label>", dutch)
    assert strays('<input placeholder="Zoek een thema">', {"zoek een thema"})
    assert not strays("<script>Thema's</script><p>Themes</p>", dutch)
    assert strays("<label>Themes</label>", english)
