"""Reactions: the public form, its spam defences and mail, and moderation in the admin."""

import datetime
import re
from urllib.parse import urlencode

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import task_backends

from blog.models import Reaction
from portal.models import OutgoingMail
from portal.tasks import send_email

from .factories import BlogIndexPageFactory, BlogPageFactory, ReactionFactory
from .utils import MULTIPART, multipart_body, publish, translated

pytestmark = pytest.mark.django_db
FAILING = "tests.failing_mail.FailingEmailBackend"
LIST_URL = reverse("wagtailsnippets_blog_reaction:list")


@pytest.fixture
def story(home_nl, home_en):
    index = BlogIndexPageFactory(parent=home_nl)
    translated(index)
    return BlogPageFactory(parent=index, title="Regionomie in Amersfoort", slug="regionomie")


@pytest.fixture
def editor(django_user_model):
    """Someone in Wagtail's Editors group, with an address for the moderation notices."""
    user = django_user_model.objects.create_user(
        "redacteur", "redactie@wijkkracht.example", "geheim-wachtwoord"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def anonymous():
    """A visitor without cookies whose posts are checked for CSRF as a browser's would be."""
    return Client(enforce_csrf_checks=True)


def form_data(**changes):
    data = {
        "name": "Fatima Bouzid",
        "email": "fatima@example.org",
        "text": "Wij willen dit ook in Zwolle.\n\nWie helpt ons op weg?",
        "consent": "on",
        "website": "",
        "form_token": "token-1",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def post(client, page, **changes):
    return client.post(page.url, form_data(**changes))


def follow(client, response):
    assert response.status_code == 303, response.status_code
    return client.get(response["Location"])


# The form


def test_the_form_is_on_the_story_with_consent_and_a_hidden_honeypot(client, story):
    text = client.get(story.url).text

    assert "Geef een reactie" in text
    assert f'<form class="form" method="post" action="{story.url}"' in text
    assert 'name="consent"' in text and "nooit getoond" in text
    assert '<div class="form__hp"><label for="id_website">' in text
    assert 'name="form_token"' in text


def test_the_story_with_its_form_sets_no_cookies_and_no_csrf_token(client, story):
    response = client.get(story.url)

    assert not response.cookies
    assert "csrfmiddlewaretoken" not in response.text


def test_a_reaction_is_saved_as_pending_and_shown_to_its_writer_as_waiting(anonymous, story):
    response = post(anonymous, story)

    reaction = Reaction.objects.get()
    assert reaction.status == Reaction.Status.PENDING
    assert reaction.page_id == story.pk
    assert reaction.language == "nl"
    assert reaction.consent_at is not None
    assert reaction.reference.startswith("RE-")
    assert response["Location"].startswith(f"{story.url}?reaction=")
    assert response["Location"].endswith(f"#reaction-{reaction.reference}")
    thanks = follow(anonymous, response)
    assert "Bedankt voor je reactie." in thanks.text
    assert "wacht op moderatie" in thanks.text
    assert "Wie helpt ons op weg?" in thanks.text
    assert "no-store" in thanks["Cache-Control"]
    assert thanks["X-Robots-Tag"] == "noindex"
    # Nobody else sees it.
    assert "Wie helpt ons op weg?" not in Client().get(story.url).text


def test_a_forged_or_foreign_thanks_token_shows_nothing(client, story):
    other = BlogPageFactory(parent=story.get_parent())
    location = post(client, other)["Location"]
    foreign = location.split("?reaction=")[1].split("#")[0]

    for value in ["nonsense", foreign]:
        response = client.get(story.url, {"reaction": value})
        assert response.status_code == 200
        assert "Bedankt voor je reactie." not in response.text


def test_editors_get_a_notice_after_the_reaction_is_stored(
    client, story, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, story)

    confirmation, notice = mail.outbox
    reaction = Reaction.objects.get()
    assert confirmation.to == ["fatima@example.org"]
    assert reaction.reference in confirmation.body and "/nl/" in confirmation.body
    assert notice.to == ["redactie@wijkkracht.example"]
    assert notice.subject == "Nieuwe reactie op “Regionomie in Amersfoort”"
    assert "Fatima Bouzid" in notice.body
    assert "Wie helpt ons op weg?" in notice.body
    assert f"http://testserver/admin/snippets/blog/reaction/edit/{reaction.pk}/" in notice.body
    assert "fatima@example.org" not in notice.body


@override_settings(EMAIL_BACKEND=FAILING)
def test_a_reaction_survives_a_mail_outage(
    client, story, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, story)

    assert response.status_code == 303
    assert Reaction.objects.get().status == Reaction.Status.PENDING
    assert mail.outbox == []


@override_settings(
    EMAIL_BACKEND=FAILING,
    TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
)
def test_the_notice_waits_in_the_queue_and_is_retried_while_mail_is_down(
    client, story, editor, django_capture_on_commit_callbacks
):
    task_backends["default"].clear()
    with django_capture_on_commit_callbacks(execute=True):
        post(client, story)

    confirmation, queued = [
        result for result in task_backends["default"].results if result.task.name == "send_email"
    ]
    # The queue holds the id of each mail, never its text or its address.
    assert OutgoingMail.objects.get(pk=confirmation.args[0]).to == ["fatima@example.org"]
    assert OutgoingMail.objects.get(pk=queued.args[0]).to == ["redactie@wijkkracht.example"]
    assert "fatima@example.org" not in str((confirmation.args, confirmation.kwargs))
    assert send_email.call(*queued.args, **queued.kwargs) == "deferred"
    assert Reaction.objects.count() == 1


def test_a_double_click_stores_one_reaction(client, story):
    # The thank-you link is signed with the time in seconds: both clicks in the same second.
    with time_machine.travel(timezone.now(), tick=False):
        first = post(client, story)
        second = post(client, story)

    assert Reaction.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_posting_works_without_cookies_or_csrf_token(anonymous, story):
    response = post(anonymous, story)

    assert response.status_code == 303
    assert not response.cookies


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"text": ""}, "text", "Vul je reactie in."),
        ({"text": "   "}, "text", "Vul je reactie in."),
        ({"text": "x" * 3001}, "text", "hoogstens 3000 tekens hebben; nu zijn het er 3001"),
        ({"name": ""}, "name", "Vul je naam in."),
        ({"email": "geen-adres"}, "email", "Vul een e-mailadres in"),
        ({"consent": None}, "consent", "Vink het vakje aan om toestemming te geven."),
        (
            {"text": "Kijk op https://a.example en www.b.example en http://c.example"},
            "text",
            "hoogstens 2 links bevatten; de jouwe heeft er 3",
        ),
    ],
)
def test_a_wrong_reaction_gets_a_clear_error_and_keeps_what_was_typed(
    client, story, changes, field, message
):
    response = post(client, story, **changes)

    assert response.status_code == 400
    assert Reaction.objects.count() == 0
    assert message in response.text
    assert response.context["reaction_form"].has_error(field)
    assert "Controleer wat je hebt ingevuld" in response.text
    assert '<a href="#reageer">Je reactie is nog niet verstuurd.' in response.text
    for name in ("name", "email"):
        value = form_data(**changes).get(name)
        if value:
            assert f'value="{value}"' in response.text
    if field != "text":
        assert "Wie helpt ons op weg?" in response.text


def test_errors_are_in_english_on_the_english_story(client, story):
    english = translated(story)

    response = post(client, english, text="")

    assert response.status_code == 400
    assert "Fill in your reaction." in response.text
    assert "Please check what you filled in" in response.text


def test_a_closed_story_refuses_reactions_but_keeps_what_was_typed(client, story):
    story.reactions_open = False
    story.save_revision().publish()
    ReactionFactory(page=story, name="Eerder", text="Van voor de sluiting.")

    page = client.get(story.url)
    response = post(client, story)

    assert "Dit verhaal is gesloten voor reacties." in page.text
    assert 'name="text"' not in page.text
    assert "Van voor de sluiting." in page.text
    assert response.status_code == 403
    assert "Dit verhaal is gesloten voor reacties." in response.text
    assert "Wie helpt ons op weg?" in response.text
    assert "Reactie versturen" not in response.text
    assert Reaction.objects.count() == 1


def test_a_filled_honeypot_is_answered_as_usual_but_kept_as_spam_without_mail(
    client, story, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, story, website="http://spam.example")

    assert response.status_code == 303
    assert Reaction.objects.get().status == Reaction.Status.SPAM
    assert mail.outbox == []
    assert "Wie helpt ons op weg?" not in Client().get(story.url).text


@override_settings(FORM_RATE_LIMIT=(2, 600))
def test_the_rate_limit_stops_a_flood_from_one_address_and_keeps_the_text(client, story):
    for number in range(2):
        assert post(client, story, form_token=f"t{number}").status_code == 303

    response = post(client, story, form_token="t3", text="Nog een reactie.")

    assert response.status_code == 429
    assert "Je hebt in korte tijd meerdere reacties gestuurd" in response.text
    assert "Nog een reactie." in response.text
    assert Reaction.objects.count() == 2
    other_address = client.post(story.url, form_data(form_token="t4"), REMOTE_ADDR="10.0.0.9")
    assert other_address.status_code == 303


# What is shown


def test_approved_reactions_appear_oldest_first_with_name_and_date_never_email(client, story):
    def moment(day):
        return timezone.make_aware(datetime.datetime(2026, 3, day, 12))

    ReactionFactory(page=story, name="Tweede", created_at=moment(5))
    ReactionFactory(page=story, name="Eerste", created_at=moment(4))
    ReactionFactory(page=story, name="Wacht", status=Reaction.Status.PENDING)
    ReactionFactory(page=story, name="Spammer", status=Reaction.Status.SPAM)

    text = client.get(story.url).text

    assert "2 reacties" in text
    assert text.index("Eerste") < text.index("Tweede")
    assert "4 maart 2026" in text and "5 maart 2026" in text
    assert "Wacht" not in text and "Spammer" not in text
    assert "@example.org" not in text


def test_reaction_text_is_escaped_and_its_links_are_not_followed(client, story):
    ReactionFactory(
        page=story,
        text="<script>alert('x')</script> <b>vet</b>\nZie https://www.maex.nl/ voor meer.",
    )

    text = client.get(story.url).text

    assert "<script>alert" not in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &lt;b&gt;vet&lt;/b&gt;<br>" in text
    assert '<a href="https://www.maex.nl/" rel="nofollow ugc">https://www.maex.nl/</a>' in text


def test_reactions_belong_to_the_language_they_were_written_in(client, story):
    english = translated(story)
    ReactionFactory(page=story, text="Een Nederlandse reactie.")
    ReactionFactory(page=english, text="An English reaction.")

    assert "An English reaction." not in client.get(story.url).text
    assert "Een Nederlandse reactie." not in client.get(english.url).text
    assert "An English reaction." in client.get(english.url).text


# Moderation


def test_moderation_from_post_to_approval_in_the_admin_to_visible(
    client, story, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(Client(), story)
    reaction = Reaction.objects.get()
    assert "Wie helpt ons op weg?" not in Client().get(story.url).text
    client.force_login(editor)

    pending = client.get(LIST_URL, {"status": "pending"})
    assert pending.status_code == 200
    assert "Fatima Bouzid" in pending.text
    approve_url = reverse("wagtail_bulk_action", args=["blog", "reaction", "approve"])
    query = urlencode({"next": LIST_URL, "id": reaction.pk})
    confirm = client.get(f"{approve_url}?{query}")
    assert confirm.status_code == 200
    assert "Ja, goedkeuren" in confirm.text
    with django_capture_on_commit_callbacks(execute=True):  # as after a real request
        done = client.post(f"{approve_url}?{query}")

    assert done.status_code == 302
    reaction.refresh_from_db()
    assert reaction.status == Reaction.Status.APPROVED
    assert reaction.moderated_by == editor
    assert reaction.moderated_at is not None
    public = Client().get(story.url).text
    assert "Fatima Bouzid" in public and "Wie helpt ons op weg?" in public
    assert "fatima@example.org" not in public


def test_bulk_actions_approve_or_mark_many_as_spam(client, story, editor):
    reactions = ReactionFactory.create_batch(3, page=story, status=Reaction.Status.PENDING)
    client.force_login(editor)
    ids = urlencode([("id", reaction.pk) for reaction in reactions[:2]] + [("next", LIST_URL)])

    client.post(reverse("wagtail_bulk_action", args=["blog", "reaction", "spam"]) + "?" + ids)

    statuses = sorted(Reaction.objects.values_list("status", flat=True))
    assert statuses == ["pending", "spam", "spam"]
    client.post(reverse("wagtail_bulk_action", args=["blog", "reaction", "pending"]) + "?" + ids)
    assert Reaction.objects.filter(status="pending").count() == 3


def test_the_admin_list_filters_by_status_story_and_date_and_searches(client, story, editor):
    other = BlogPageFactory(parent=story.get_parent(), title="Ander verhaal")
    old = timezone.now() - datetime.timedelta(days=30)
    ReactionFactory(page=story, name="Goedgekeurd", status="approved")
    ReactionFactory(page=story, name="Wachtend", status="pending")
    ReactionFactory(page=other, name="Elders", status="pending", created_at=old)
    ReactionFactory(page=other, name="Troep", status="spam", text="Koop goedkope horloges")
    client.force_login(editor)

    def names(**params):
        response = client.get(LIST_URL, params)
        assert response.status_code == 200
        return sorted(reaction.name for reaction in response.context["object_list"])

    assert names() == ["Elders", "Goedgekeurd", "Troep", "Wachtend"]
    assert names(status="pending") == ["Elders", "Wachtend"]
    assert names(status="spam") == ["Troep"]
    assert names(page=other.pk) == ["Elders", "Troep"]
    assert names(created_at_to=(old + datetime.timedelta(days=1)).date().isoformat()) == ["Elders"]
    assert names(q="horloges") == ["Troep"]
    assert names(status="pending", page=story.pk) == ["Wachtend"]


def test_the_inspect_view_shows_the_address_to_editors_only(client, story, editor):
    reaction = ReactionFactory(page=story)
    client.force_login(editor)

    response = client.get(reverse("wagtailsnippets_blog_reaction:inspect", args=[reaction.pk]))

    assert response.status_code == 200
    assert reaction.email in response.text


def test_nobody_adds_reactions_in_the_admin(client, story, editor, admin_client):
    client.force_login(editor)

    assert client.get(reverse("wagtailsnippets_blog_reaction:add")).status_code in (302, 403)
    assert admin_client.get(reverse("wagtailsnippets_blog_reaction:add")).status_code in (302, 403)
    assert 'href="/admin/snippets/blog/reaction/add/"' not in admin_client.get(LIST_URL).text


def test_only_users_allowed_to_moderate_see_reactions(client, story, django_user_model):
    ReactionFactory(page=story)
    user = django_user_model.objects.create_user("lezer", "lezer@example.org", "geheim")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    assert client.get(LIST_URL).status_code in (302, 403)
    approve = reverse("wagtail_bulk_action", args=["blog", "reaction", "approve"])
    client.post(f"{approve}?id={Reaction.objects.get().pk}")
    assert Reaction.objects.get().status == Reaction.Status.APPROVED  # the factory's, unchanged
    pending = ReactionFactory(page=story, status="pending")
    client.post(f"{approve}?id={pending.pk}")
    pending.refresh_from_db()
    assert pending.status == Reaction.Status.PENDING


def test_moderators_group_can_moderate_too(client, story, django_user_model):
    user = django_user_model.objects.create_user("moderator", "mod@example.org", "geheim")
    user.groups.add(Group.objects.get(name="Moderators"))
    reaction = ReactionFactory(page=story, status="pending")
    client.force_login(user)

    approve = reverse("wagtail_bulk_action", args=["blog", "reaction", "approve"])
    client.post(f"{approve}?id={reaction.pk}")

    reaction.refresh_from_db()
    assert reaction.status == Reaction.Status.APPROVED


def test_an_editor_can_change_a_reaction_in_its_edit_screen(client, story, editor):
    reaction = ReactionFactory(page=story, status="pending", text="Met een typefout.")
    client.force_login(editor)
    url = reverse("wagtailsnippets_blog_reaction:edit", args=[reaction.pk])

    assert client.get(url).status_code == 200
    response = client.post(
        url, {"status": "approved", "text": "Zonder typefout.", "name": reaction.name}
    )

    assert response.status_code == 302
    reaction.refresh_from_db()
    assert (reaction.status, reaction.text) == ("approved", "Zonder typefout.")
    assert reaction.email.endswith("@example.org")  # read-only, unchanged


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"name": "x" * 500, "email": "a@example.org", "text": "Hoi", "consent": "on"},
        {"name": "Ans", "email": "a@example.org", "text": "Hoi\x00", "consent": "on"},
        {"name": "Ans", "email": "a@" + "b" * 300 + ".nl", "text": "Hoi", "consent": "on"},
    ],
)
def test_malformed_posts_get_form_errors_never_a_500(client, story, data):
    response = client.post(story.url, data)

    assert response.status_code == 400
    assert Reaction.objects.count() == 0


def test_a_repeated_field_counts_once(client, story):
    response = client.post(story.url, form_data(name=["Een", "Twee"]))

    assert response.status_code == 303
    assert Reaction.objects.get().name == "Twee"


def test_the_story_index_takes_no_posts(client, story):
    assert client.post(story.get_parent().url, form_data()).status_code == 405


def test_the_admin_home_says_how_many_reactions_wait(client, story, editor, django_user_model):
    ReactionFactory.create_batch(2, page=story, status="pending")
    ReactionFactory(page=story, status="approved")
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_home"))

    # In the day's queues (portal.dashboard): the count, linked to the filtered list.
    assert re.search(
        rf'<a href="{re.escape(LIST_URL)}\?status=pending">Reacties om te modereren</a></th>\s*'
        r"<td>2</td>",
        response.text,
    )
    reader = django_user_model.objects.create_user("lezer", "lezer@example.org", "geheim")
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    assert "Reacties om te modereren" not in client.get(reverse("wagtailadmin_home")).text


def test_the_admin_list_is_in_the_editors_language(client, story, editor):
    ReactionFactory(page=story, text="Een heel lange reactie. " * 20)
    client.force_login(editor)

    response = client.get(LIST_URL, HTTP_ACCEPT_LANGUAGE="nl")

    for label in ("Reactie", "Verhaal", "Status", "Ontvangen", "Goedkeuren"):
        assert label in response.text, label
    assert "Een heel lange reactie. " * 4 in response.text
    assert "Een heel lange reactie. " * 6 not in response.text


def test_a_reaction_sent_from_an_english_story_is_answered_in_english(
    client, story, editor, django_capture_on_commit_callbacks
):
    english = translated(story)
    english.title = "Residents' Organisation Beijum"
    publish(english)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, english, text="We'd like this in Zwolle too.")

    reaction = Reaction.objects.get()
    receipt = follow(client, response)
    confirmation, notice = mail.outbox
    assert reaction.language == "en"
    assert receipt.status_code == 200
    assert 'href="/en/your-data/' in receipt.text
    assert "/nl/jouw-gegevens/" not in receipt.text
    assert confirmation.subject == f"Your reaction {reaction.reference} has arrived"
    assert "Thank you for your reaction to “Residents' Organisation Beijum”" in confirmation.body
    assert "http://testserver/en/your-data/" in confirmation.body
    assert "/nl/" not in confirmation.body
    self_service = client.get(confirmation.body.split("http://testserver")[-1].split()[0])
    assert self_service.status_code == 200
    assert self_service.headers["Content-Language"] == "en"
    # Plain-text mail is never HTML-escaped, in the subject or in the body.
    assert notice.subject == "Nieuwe reactie op “Residents' Organisation Beijum”"
    assert "&#x27;" not in notice.subject + notice.body + confirmation.body
    assert "We'd like this in Zwolle too." in notice.body


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("nl", "Je formulier kwam niet helemaal aan, dus er is niets bewaard."),
        ("en", "Your form did not arrive completely, so nothing was stored."),
    ],
)
def test_a_reaction_cut_off_before_its_final_boundary_is_not_stored(
    anonymous, story, language, message
):
    page = story if language == "nl" else translated(story)
    body = multipart_body(form_data(text="Wij willen dit ook in Zwolle. Wie helpt"), final=False)

    response = anonymous.post(page.url, body, content_type=MULTIPART)

    assert response.status_code == 400
    assert message in response.text
    assert "Wij willen dit ook in Zwolle. Wie helpt" in response.text
    assert not Reaction.objects.exists()


def test_a_reaction_loses_the_characters_that_turn_its_text_around(anonymous, story):
    # U+202E (right-to-left override) makes "Fatima‮gnp.exe" read as "Fatimaexe.png".
    name = "Fatima\u202egnp.exe\u2066\u2069\u202a\u202c"

    response = anonymous.post(
        story.url, form_data(name=name, text="Mooi\u202d verhaal\u2067.", form_token="bidi")
    )

    assert response.status_code == 303
    reaction = Reaction.objects.get()
    assert (reaction.name, reaction.text) == ("Fatimagnp.exe", "Mooi verhaal.")


@pytest.mark.parametrize(
    ("language", "message"), [("nl", "Vul je naam in."), ("en", "Fill in your name.")]
)
def test_a_name_of_nothing_but_bidi_controls_is_refused_as_empty(
    anonymous, story, language, message
):
    page = story if language == "nl" else translated(story)

    response = anonymous.post(page.url, form_data(name="\u202e\u2066"))

    assert response.status_code == 400
    assert message in response.text
    assert not Reaction.objects.exists()


def test_each_editor_gets_a_notice_that_names_no_other_editor(
    client, story, editor, django_user_model, django_capture_on_commit_callbacks
):
    second = django_user_model.objects.create_user("tweede", "tweede@wijkkracht.example", "x")
    second.groups.add(Group.objects.get(name="Editors"))

    with django_capture_on_commit_callbacks(execute=True):
        post(client, story)

    notices = [message for message in mail.outbox if message.to != ["fatima@example.org"]]
    assert sorted(message.to for message in notices) == [
        ["redactie@wijkkracht.example"],
        ["tweede@wijkkracht.example"],
    ]
    for notice in notices:
        (own,) = notice.recipients()
        other = {"redactie@wijkkracht.example", "tweede@wijkkracht.example"} - {own}
        assert other.pop() not in notice.message().as_string()
