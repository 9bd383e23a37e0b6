""" "Breng je vraag in": the form, the path of a question through every state with its
mails, publication with and without consent, the public list and its filters."""

import html
import re

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from calls.models import Question, QuestionChange
from calls.questions import steps
from portal.demo import translate_instance
from portal.models import SiteSettings

from ..factories import (
    LivingLabIndexPageFactory,
    LivingLabPageFactory,
    QuestionFactory,
    QuestionPageFactory,
    ThemeFactory,
)
from ..utils import count_queries, thanked_reference, translated
from .conftest import make_user

pytestmark = pytest.mark.django_db
FAILING = "tests.failing_mail.FailingEmailBackend"


@pytest.fixture
def themes(locale_nl, locale_en):
    made = [
        ThemeFactory(name="Energie", slug="energie", sort_order=0, locale=locale_nl),
        ThemeFactory(name="Wonen", slug="wonen", sort_order=1, locale=locale_nl),
    ]
    english = {"Energie": "Energy", "Wonen": "Housing"}
    for theme in made:
        translate_instance(theme, locale_en, lambda msgid: english.get(msgid, msgid))
    return made


@pytest.fixture
def page(home_nl, home_en, themes):
    SiteSettings.load()  # made on first use, which bumps the content version
    return QuestionPageFactory(parent=home_nl, intro="Loop je tegen een vraag aan?")


@pytest.fixture
def page_en(page):
    english = translated(page)
    english.title = "Ask a question"
    english.slug = "ask-a-question"
    english.save_revision().publish()
    english.refresh_from_db()
    return english


@pytest.fixture
def lab(home_nl):
    index = LivingLabIndexPageFactory(parent=home_nl)
    return LivingLabPageFactory(parent=index, title="Living lab Schalkwijk", slug="schalkwijk")


@pytest.fixture
def open_call(home_nl):
    from ..factories import OpenCallPageFactory

    return OpenCallPageFactory(parent=home_nl, title="Open oproep living labs")


@pytest.fixture
def moderator(db):
    from django.contrib.auth.models import Group

    return make_user("redacteur", group=Group.objects.get(name="Editors"))


def form_data(**changes):
    data = {
        "name": "Fatima el Amrani",
        "email": "fatima@example.org",
        "role": "bewoner",
        "municipality": "Haarlem",
        "theme": "energie",
        "text": "Hoe krijgen we de gemeente zover dat ze het groenbudget aan de wijk geeft?",
        "publish_as": "anonymous",
        "public_name": "",
        "consent": "on",
        "website": "",
        "form_token": "token-1",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def ask(client, page, capture, **changes):
    with capture(execute=True):
        return client.post(page.url, form_data(**changes))


def link_in(body):
    return re.search(r"http://testserver(/\S+\?t=\S+)", body).group(1)


def edit(client, question, capture, **changes):
    """What an editor does on the question's admin screen: save the form."""
    data = {
        "answer": question.answer,
        "state": question.state,
        "call": question.call_id or "",
        "lab": question.lab_id or "",
        "status": question.status,
    }
    data.update(changes)
    with capture(execute=True):
        response = client.post(reverse("questions:edit", args=[question.pk]), data)
    question.refresh_from_db()
    return response


# The form


def test_the_form_asks_everything_in_dutch(client, page):
    response = client.get(page.url)

    assert response.status_code == 200
    text = response.text
    for label in ("Je naam", "Je e-mailadres", "Ik vraag als", "Gemeente", "Thema", "Je vraag"):
        assert label in text
    assert 'value="bewoner"' in text and 'value="gemeente"' in text
    assert "Mogen we je vraag publiceren?" in text
    assert 'value="anonymous"' in text
    assert '<option value="energie">Energie</option>' in text
    assert 'name="website"' in text and 'name="form_token"' in text


def test_the_english_form_offers_english_themes(client, page_en):
    text = client.get(page_en.url).text

    assert "Your question" in text
    assert '<option value="energie">Energy</option>' in text


def test_a_question_is_stored_pending_with_a_reference_and_a_thank_you_page(
    client, page, django_capture_on_commit_callbacks
):
    response = ask(client, page, django_capture_on_commit_callbacks)

    assert response.status_code == 303
    question = Question.objects.get()
    assert re.fullmatch(r"VR-\d{4}-[0-9A-Z]{6}", question.reference)
    assert question.status == Question.Status.PENDING
    assert question.state == Question.State.RECEIVED
    assert question.language == "nl"
    assert question.theme.slug == "energie"
    assert question.consent_at is not None
    assert question.publish_as == "anonymous" and question.public_name == ""
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert question.reference in thanks.text
    assert "Bedankt voor je vraag" in thanks.text
    assert "no-store" in thanks["Cache-Control"]
    # Pending questions are not listed.
    assert question.reference not in client.get(page.url).text


def test_a_double_click_stores_one_question(client, page, django_capture_on_commit_callbacks):
    first = ask(client, page, django_capture_on_commit_callbacks)
    second = ask(client, page, django_capture_on_commit_callbacks)

    # Both lead to the thank-you page of the one stored question.
    assert thanked_reference(first) == thanked_reference(second) == Question.objects.get().reference
    assert len([m for m in mail.outbox if m.to == ["fatima@example.org"]]) == 1


def test_asking_works_without_cookies_or_csrf_token(page):
    response = Client(enforce_csrf_checks=True).post(page.url, form_data())

    assert response.status_code == 303
    assert Question.objects.count() == 1


def test_a_filled_honeypot_is_thanked_but_kept_as_spam_without_mail(
    client, page, moderator, django_capture_on_commit_callbacks
):
    response = ask(client, page, django_capture_on_commit_callbacks, website="http://spam")

    assert response.status_code == 303
    assert Question.objects.get().status == Question.Status.SPAM
    assert mail.outbox == []


@override_settings(FORM_RATE_LIMIT=(2, 600))
def test_too_many_questions_from_one_address_keep_what_was_typed(
    client, page, django_capture_on_commit_callbacks
):
    for token in ("a", "b"):
        assert (
            ask(client, page, django_capture_on_commit_callbacks, form_token=token).status_code
            == 303
        )
    response = ask(
        client, page, django_capture_on_commit_callbacks, form_token="c", text="Een derde vraag."
    )

    assert response.status_code == 429
    assert "Een derde vraag." in response.text
    assert "korte tijd" in response.text
    assert Question.objects.count() == 2


@pytest.mark.parametrize(
    ("language", "changes", "messages"),
    [
        (
            "nl",
            {"email": "geen-adres", "text": "", "theme": "bestaat-niet"},
            ["Vul een e-mailadres in", "Vul je vraag in.", "Kies een van de mogelijkheden."],
        ),
        (
            "en",
            {"email": "no-address", "text": "", "publish_as": None},
            ["Fill in an e-mail address", "Fill in your question.", "Choose whether we may"],
        ),
    ],
)
def test_bad_input_keeps_what_was_typed_with_messages_in_the_visitors_language(
    client, page, page_en, language, changes, messages
):
    target = page if language == "nl" else page_en
    response = client.post(target.url, form_data(municipality="Zwolle-Zuid", **changes))

    assert response.status_code == 400
    assert response.headers["Content-Language"] == language
    for message in messages:
        assert message in response.text
    assert 'value="Zwolle-Zuid"' in response.text
    assert 'value="Fatima el Amrani"' in response.text
    assert Question.objects.count() == 0


@override_settings(EMAIL_BACKEND=FAILING)
def test_a_question_survives_a_mail_outage(
    client, page, moderator, django_capture_on_commit_callbacks
):
    response = ask(client, page, django_capture_on_commit_callbacks)

    assert response.status_code == 303
    assert Question.objects.get().status == Question.Status.PENDING
    assert mail.outbox == []


# The path, end to end


def test_a_question_goes_through_every_state_with_a_mail_at_each_step(
    client, page, page_en, lab, open_call, moderator, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    ask(client, page, capture, publish_as="name", public_name="Fatima")
    question = Question.objects.get()

    confirmation, notice = sorted(mail.outbox, key=lambda m: m.to != ["fatima@example.org"])
    assert confirmation.to == ["fatima@example.org"]
    assert confirmation.subject == f"Vraag ontvangen: {question.reference}"
    assert "Beste Fatima el Amrani," in confirmation.body
    assert "groenbudget" in confirmation.body
    assert notice.to == ["redacteur@wijkkracht.example"]
    assert f"/admin/questions/edit/{question.pk}/" in notice.body
    assert "fatima@example.org" not in notice.body

    # The asker follows the question through the link in the mail before it is public.
    follow = link_in(confirmation.body)
    response = client.get(follow)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "groenbudget" in response.text
    assert Client().get(follow.split("?")[0]).status_code == 404

    editor = Client()
    editor.force_login(moderator)
    mail.outbox.clear()
    answer = "Vraag de gemeente om een wijkboekhouding; wij helpen met een voorbeeld."
    assert edit(editor, question, capture, answer=answer, state="answered").status_code == 302
    assert question.state == "answered" and question.answered_at
    (answered,) = mail.outbox
    assert answered.subject == f"Je vraag {question.reference} is beantwoord"
    assert answer in answered.body

    mail.outbox.clear()
    edit(editor, question, capture, state="in_call", call=open_call.pk)
    (in_call,) = mail.outbox
    assert "open oproep" in in_call.body
    assert f"http://testserver{open_call.url}" in in_call.body

    mail.outbox.clear()
    edit(editor, question, capture, state="lab", lab=lab.pk, status="published")
    (became_lab,) = mail.outbox
    assert "living lab" in became_lab.subject
    assert f"http://testserver{lab.url}" in became_lab.body
    assert question.lab_at and question.published_at

    changes = [(c.field, c.from_value, c.to_value, c.user_name) for c in question.changes.all()]
    assert changes == [
        ("state", "", "received", ""),
        ("status", "", "pending", ""),
        ("state", "received", "answered", "Redacteur"),
        ("state", "answered", "in_call", "Redacteur"),
        ("state", "in_call", "lab", "Redacteur"),
        ("status", "pending", "published", "Redacteur"),
    ]

    screen = editor.get(reverse("questions:edit", args=[question.pk]))
    assert screen.status_code == 200
    assert "de vraagsteller (formulier op de site)" in screen.text
    assert screen.text.count("Redacteur") >= 4

    # The public sees the whole path, each step dated and linked.
    text = client.get(page.url).text
    assert "Gevraagd door Fatima (bewoner)" in text
    assert "fatima@example.org" not in text and "el Amrani" not in text
    assert f'href="{open_call.url}"' in text
    assert f'href="{lab.url}"' in text
    assert text.count("question-path__step--reached") == 4
    detail = client.get(steps.question_path(page, question))
    assert detail.status_code == 200
    assert answer in detail.text
    assert "Living lab Schalkwijk" in detail.text


def test_an_english_asker_gets_english_mail_and_an_english_link(
    client, page_en, moderator, django_capture_on_commit_callbacks
):
    ask(client, page_en, django_capture_on_commit_callbacks)
    question = Question.objects.get()

    (confirmation,) = [m for m in mail.outbox if m.to == ["fatima@example.org"]]
    assert question.language == "en"
    assert confirmation.subject == f"Question received: {question.reference}"
    assert "Dear Fatima el Amrani," in confirmation.body
    assert f"http://testserver/en/ask-a-question/{question.reference}/?t=" in confirmation.body
    (notice,) = [m for m in mail.outbox if m.to != ["fatima@example.org"]]
    assert notice.subject == f"Nieuwe vraag: {question.reference}"


def test_the_editor_must_give_the_answer_call_and_lab_before_moving_on(
    client, page, moderator, django_capture_on_commit_callbacks
):
    question = QuestionFactory(page=page)
    editor = Client()
    editor.force_login(moderator)

    response = edit(editor, question, django_capture_on_commit_callbacks, state="lab")

    assert response.status_code == 200
    assert question.state == "received"
    for message in ("Schrijf het antwoord", "Kies de open oproep", "Kies het living lab"):
        assert message in response.text
    assert mail.outbox == []


def test_the_admin_lists_questions_with_filters_and_search(client, page, themes, moderator):
    QuestionFactory(
        page=page, text="Over zonnepanelen", state="answered", answer="Ja.", theme=themes[0]
    )
    QuestionFactory(page=page, text="Over de buurtbus", publish_as="no")
    editor = Client()
    editor.force_login(moderator)
    url = reverse("questions:index")

    assert "zonnepanelen" in editor.get(url).text
    answered = editor.get(url, {"state": "answered"}).text
    assert "zonnepanelen" in answered and "buurtbus" not in answered
    private = editor.get(url, {"publish_as": "no"}).text
    assert "buurtbus" in private and "zonnepanelen" not in private
    assert "buurtbus" in editor.get(url, {"q": "buurtbus"}).text
    energy = editor.get(url, {"theme": "energie"}).text
    assert "zonnepanelen" in energy and "buurtbus" not in energy
    assert editor.get(reverse("questions:add")).status_code in (403, 302, 404)


# Publication


def test_without_consent_to_publish_a_question_is_never_shown(
    client, page, moderator, django_capture_on_commit_callbacks
):
    question = QuestionFactory(
        page=page, publish_as="no", status="pending", text="Een vraag alleen voor jullie"
    )
    editor = Client()
    editor.force_login(moderator)

    response = edit(editor, question, django_capture_on_commit_callbacks, status="published")

    assert response.status_code == 200
    assert "niet toegestaan" in response.text
    assert question.status == Question.Status.PENDING
    # Even when forced past the form, the site does not show it.
    Question.objects.filter(pk=question.pk).update(status=Question.Status.PUBLISHED)
    assert "alleen voor jullie" not in client.get(page.url).text
    assert client.get(steps.question_path(page, question)).status_code == 404


def test_an_anonymous_question_shows_no_name(client, page):
    question = QuestionFactory(
        page=page, publish_as="anonymous", name="Kees Jansen", public_name="Kees"
    )

    text = client.get(page.url).text
    detail = client.get(steps.question_path(page, question)).text

    for shown in (text, detail):
        assert question.text[:30] in shown
        assert "Kees" not in shown
        assert "Anoniem gevraagd (bewoner)" in shown


def test_a_question_with_a_name_shows_the_chosen_name_never_the_email(client, page):
    QuestionFactory(page=page, publish_as="name", name="Kees Jansen", public_name="Kees uit Zwolle")

    text = client.get(page.url).text

    assert "Gevraagd door Kees uit Zwolle (bewoner)" in text
    assert "Jansen" not in text and "@example.org" not in text


def test_pending_and_spam_questions_are_not_shown(client, page):
    QuestionFactory(page=page, status="pending", text="Wachtende vraag")
    QuestionFactory(page=page, status="spam", text="Koop nu goedkoop")

    text = client.get(page.url).text

    assert "Wachtende vraag" not in text and "Koop nu" not in text
    assert "Er zijn nog geen vragen gepubliceerd." in text


def test_a_tampered_or_foreign_follow_link_shows_nothing(client, page):
    question = QuestionFactory(page=page, status="pending")
    other = QuestionFactory(page=page, status="pending")
    url = steps.question_path(page, question)

    for token in ("rommel", steps.follow_token(other), steps.follow_token(question) + "x"):
        assert client.get(url, {"t": token}).status_code == 404
    assert client.get(url, {"t": steps.follow_token(question)}).status_code == 200
    assert client.get(page.url + "VR-2026-ZZZZZZ/").status_code == 404
    assert client.get(page.url + "niet-een-vraag/").status_code == 404


# The list


def test_published_questions_are_listed_newest_first_in_both_languages(client, page, page_en):
    import datetime

    from django.utils import timezone

    now = timezone.now()
    QuestionFactory(page=page, text="Oudere vraag", created_at=now - datetime.timedelta(days=3))
    QuestionFactory(page=page_en, text="Newer question", language="en", created_at=now)

    for target in (page, page_en):
        text = client.get(target.url).text
        assert text.index("Newer question") < text.index("Oudere vraag")
    english = client.get(page_en.url).text
    assert 'lang="nl"' in english
    assert "Answered" in english or "Received" in english


def test_filters_by_theme_and_state_in_the_address(client, page, themes):
    QuestionFactory(page=page, text="Vraag over energie", theme=themes[0])
    QuestionFactory(
        page=page, text="Vraag over wonen", theme=themes[1], state="answered", answer="Zo."
    )

    energy = client.get(page.url, {"theme": "energie"}).text
    answered = client.get(page.url, {"state": "answered"}).text
    both = client.get(page.url, {"theme": "energie", "state": "answered"})

    assert "Vraag over energie" in energy and "Vraag over wonen" not in energy
    assert "Vraag over wonen" in answered and "Vraag over energie" not in answered
    assert both.status_code == 200
    assert "Geen gepubliceerde vraag past bij deze filters." in both.text


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"theme": "bestaat-niet"}, "Er is geen thema “bestaat-niet”"),
        ({"state": "'; drop table"}, "Er is geen stand “'; drop table”"),
    ],
)
def test_an_unknown_filter_value_is_left_out_with_a_message(client, page, query, message):
    QuestionFactory(page=page, text="Hoe vinden we vrijwilligers?")

    response = client.get(page.url, query)

    assert response.status_code == 200
    assert message in html.unescape(response.text)
    assert "Hoe vinden we vrijwilligers?" in response.text


@pytest.mark.parametrize("query", [{"page": "99"}, {"page": "x"}])
def test_a_page_number_that_does_not_exist_is_a_404_never_a_500(client, page, query):
    QuestionFactory(page=page)

    response = client.get(page.url, query)

    assert response.status_code == 404


def test_the_list_is_paginated(client, page):
    QuestionFactory.create_batch(12, page=page)

    first = client.get(page.url)
    second = client.get(page.url, {"page": 2})

    assert len(first.context["questions"].object_list) == 10
    assert len(second.context["questions"].object_list) == 2


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_list_costs_the_same_queries_for_few_and_many_questions(
    client, page, page_en, themes, lab, open_call, language
):
    target = page if language == "nl" else page_en

    def make(count):
        for index in range(count):
            QuestionFactory(
                page=page,
                theme=themes[index % 2],
                state="lab",
                answer="Een antwoord.",
                call=open_call,
                lab=lab,
            )

    make(2)
    few = count_queries(client, target.url)
    make(25)
    many = count_queries(client, target.url)
    filtered = count_queries(client, target.url + "?theme=energie&state=lab&page=2")

    assert few == many == filtered <= 12, (few, many, filtered)
    print(f"question page queries ({language}): {few} with 2, {many} with 27")  # noqa: T201


def test_a_change_is_recorded_with_its_labels(page):
    question = QuestionFactory(page=page)
    change = QuestionChange.objects.create(
        question=question, field="state", from_value="received", to_value="in_call"
    )

    with translation.override("nl"):
        assert str(change.to_label) == "opgenomen in de open oproep"
        assert str(change.from_label) == "ontvangen"


# Demo content and the way in


def test_the_demo_has_questions_in_every_state_in_both_languages(demo, client):
    dutch = client.get("/nl/breng-je-vraag-in/").text
    english = client.get("/en/ask-a-question/").text

    for text in (dutch, english):
        assert "groenbudget" not in text  # a made-up guard: the demo words are below
        assert "openbaar groen" in text
        assert "repair café" in text
        assert "broodfonds" not in text.lower()  # not to be published, and still pending
    assert "Anoniem gevraagd" in dutch and "Asked anonymously" in english
    assert "Gevraagd door Impact Midden (organisatie)" in dutch
    for state in ("Ontvangen", "Beantwoord", "Opgenomen in de open oproep", "Living lab geworden"):
        assert state in dutch
    assert "/nl/living-labs/expeditie-nieuw-amersfoort/" in dutch
    assert "/en/living-labs/expedition-new-amersfoort/" in english
    assert Question.objects.filter(language="en").count() >= 2


def test_the_home_page_and_the_menu_lead_to_the_question_page(demo, client):
    for home, url in (("/nl/", "/nl/breng-je-vraag-in/"), ("/en/", "/en/ask-a-question/")):
        text = client.get(home).text
        assert text.count(f'href="{url}"') >= 2  # the main menu and the home section


# A question's own address in the other language


def test_a_questions_page_switches_to_the_same_question_in_english(client, page, page_en):
    question = QuestionFactory(page=page)

    response = client.get(f"{page.url}{question.reference}/")

    english = f"/en/ask-a-question/{question.reference}/"
    assert response.status_code == 200
    assert f'href="{english}" hreflang="en"' in response.text
    assert (
        f'<link rel="alternate" hreflang="en" href="http://testserver{english}">' in response.text
    )
    assert client.get(english).status_code == 200


def test_published_questions_are_in_the_sitemap_in_both_languages(client, page, page_en):
    shown = QuestionFactory(page=page)
    hidden = QuestionFactory(page=page, publish_as="no")

    sitemap = client.get("/sitemap.xml").text

    dutch = f"http://testserver/nl/{page.slug}/{shown.reference}/"
    english = f"http://testserver/en/ask-a-question/{shown.reference}/"
    assert f"<loc>{dutch}</loc>" in sitemap
    assert f"<loc>{english}</loc>" in sitemap
    assert f'hreflang="en" href="{english}"' in sitemap
    assert hidden.reference not in sitemap


def test_a_question_asked_in_english_says_so_on_dutch_pages(client, page, page_en):
    question = QuestionFactory(page=page, language="en", text="How do we start a cooperative?")

    listing = client.get(page.url).text
    detail = client.get(f"{page.url}{question.reference}/").text
    english = client.get(page_en.url).text

    assert '<span class="question__language">gesteld in het Engels</span>' in listing
    assert '<span class="question__language">gesteld in het Engels</span>' in detail
    assert 'lang="en"' in listing
    assert "question__language" not in english  # in its own language: nothing to say


def test_a_questions_breadcrumb_names_the_question_with_the_question_page_as_parent(client, page):
    question = QuestionFactory(page=page, publish_as="anonymous")

    html = client.get(steps.question_path(page, question)).text
    trail = html.split('class="breadcrumbs__list"')[1].split("</ol>")[0]

    assert re.findall(r'aria-current="page">([^<]+)<', trail) == [f"Vraag {question.reference}"]
    assert f'<li><a href="{page.url}">{page.title}</a></li>' in trail


def test_a_question_loses_the_characters_that_turn_its_text_around(
    client, page, django_capture_on_commit_callbacks
):
    response = ask(
        client,
        page,
        django_capture_on_commit_callbacks,
        name="Fatima\u202e el Amrani",
        municipality="Haar\u202dlem",
        text="Hoe krijgen we\u2067 de gemeente zover?",
    )

    assert response.status_code == 303
    question = Question.objects.get()
    assert (question.name, question.municipality, question.text) == (
        "Fatima el Amrani",
        "Haarlem",
        "Hoe krijgen we de gemeente zover?",
    )
