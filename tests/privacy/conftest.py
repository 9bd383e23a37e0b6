"""One submission of every kind, sent through its real form, with its thank-you page and
confirmation mail: the privacy tests run the same checks on each."""

import re
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from django.test import Client

from blog.models import Reaction
from calls.models import Application, Question
from members.models import HelpOffer, Registration

from ..calls.conftest import call, valid_data  # noqa: F401
from ..factories import (
    BlogIndexPageFactory,
    BlogPageFactory,
    MemberPageFactory,
    QuestionPageFactory,
)
from ..members.conftest import directory  # noqa: F401
from ..utils import translated

KINDS = ["reaction", "application", "help_offer", "registration", "question"]
LINK = re.compile(r"https?://[^\s]+/(?:nl/jouw-gegevens|en/your-data)/(?P<token>[^/\s]+)/")
EMAIL = "fatima@example.org"


@dataclass
class Sent:
    kind: str
    submission: object
    thanks: object  # the thank-you page's response
    confirmation: object  # the mail to the person
    page: object  # the page the form is on

    @property
    def link(self):
        """The self-service link from the confirmation mail, as a path."""
        match = LINK.search(self.confirmation.body)
        assert match, self.confirmation.body
        return "/" + match.group(0).split("/", 3)[3]

    def fresh(self):
        return type(self.submission).objects.get(pk=self.submission.pk)


@pytest.fixture
def themes(theme):
    """The one theme the call also uses (the members' fixture would make it twice)."""
    return {"energie": theme}


@pytest.fixture
def story(home_nl, home_en):
    index = BlogIndexPageFactory(parent=home_nl)
    translated(index)
    return BlogPageFactory(parent=index, title="Regionomie in Amersfoort", slug="regionomie")


@pytest.fixture
def member(directory):  # noqa: F811
    return MemberPageFactory(
        parent=directory,
        title="Buurtbus Eemland",
        slug="buurtbus-eemland",
        contact_name="Petra Privé",
        contact_email="petra.prive@example.org",
        needs=[("vrijwilligers", "Chauffeurs voor zaterdag")],
    )


@pytest.fixture
def question_page(home_nl, home_en, themes):
    page = QuestionPageFactory(parent=home_nl, title="Breng je vraag in", slug="breng-je-vraag-in")
    translated(page)
    return page


def _post_and_follow(client, url, data, capture):
    with capture(execute=True):
        response = client.post(url, data)
    assert response.status_code == 303, response.status_code
    return client.get(response["Location"])


def send(kind, request, client, capture):
    mail.outbox.clear()
    if kind == "reaction":
        page = request.getfixturevalue("story")
        data = {
            "name": "Fatima Bouzid",
            "email": EMAIL,
            "text": "Wij willen dit ook in Zwolle.",
            "consent": "on",
            "website": "",
            "form_token": "t1",
        }
        thanks = _post_and_follow(client, page.url, data, capture)
        submission = Reaction.objects.get()
    elif kind == "application":
        page = request.getfixturevalue("call")
        thanks = _post_and_follow(client, page.url, valid_data(page, email=EMAIL), capture)
        submission = Application.objects.get()
    elif kind == "help_offer":
        page = request.getfixturevalue("member")
        need = page.needs.get()
        data = {
            "need": need.pk,
            "name": "Fatima Bouzid",
            "email": EMAIL,
            "message": "Ik rijd graag op zaterdag.",
            "consent": "on",
            "website": "",
            "form_token": "t1",
        }
        thanks = _post_and_follow(client, f"{page.url}ik-kan-helpen/", data, capture)
        submission = HelpOffer.objects.get()
    elif kind == "question":
        page = request.getfixturevalue("question_page")
        data = {
            "name": "Fatima Bouzid",
            "email": EMAIL,
            "role": "bewoner",
            "municipality": "Zwolle",
            "theme": "energie",
            "text": "Hoe krijgen we de gemeente mee met een buurtbatterij?",
            "publish_as": "anonymous",
            "public_name": "",
            "consent": "on",
            "website": "",
            "form_token": "t1",
        }
        thanks = _post_and_follow(client, page.url, data, capture)
        submission = Question.objects.get()
    else:
        page = request.getfixturevalue("directory")
        made = request.getfixturevalue("themes")
        from ..factories import organisation_kind

        data = {
            "initiative_name": "Repaircafé Noord",
            "kind": organisation_kind("stichting").pk,
            "place": "Groningen",
            "province": "groningen",
            "themes": [made["energie"].pk],
            "description": "Elke maand repareren we samen wat stuk is.",
            "web_address": "",
            "name": "Fatima Bouzid",
            "email": EMAIL,
            "public_email": "",
            "consent": "on",
            "website": "",
            "form_token": "t1",
        }
        thanks = _post_and_follow(client, f"{page.url}aanmelden/", data, capture)
        submission = Registration.objects.get()
    assert thanks.status_code == 200
    (confirmation,) = [message for message in mail.outbox if message.to == [EMAIL]]
    return Sent(kind, submission, thanks, confirmation, page)


@pytest.fixture(params=KINDS)
def sent(request, client, django_capture_on_commit_callbacks):
    return send(request.param, request, client, django_capture_on_commit_callbacks)


@pytest.fixture
def privacy_officer(db):
    """An editor who may export and erase personal data (the custom permission)."""
    user = User.objects.create_user("avg", "avg@wijkkracht.example", "x")
    user.groups.add(Group.objects.get(name="Editors"))
    user.user_permissions.add(Permission.objects.get(codename="manage_personal_data"))
    return user


@pytest.fixture
def plain_editor(db):
    user = User.objects.create_user("ed", "ed@wijkkracht.example", "x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def anonymous():
    return Client(enforce_csrf_checks=True)
