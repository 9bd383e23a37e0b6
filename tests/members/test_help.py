""" "Ik kan helpen": an offer reaches the initiative by e-mail, is kept, and needs get met."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from django.test import override_settings
from wagtail.models import GroupPagePermission

from members.models import HelpOffer, MemberNeed

from ..factories import MemberPageFactory
from ..utils import thanked_reference, translated

pytestmark = pytest.mark.django_db
FAILING = "tests.failing_mail.FailingEmailBackend"


@pytest.fixture
def member(directory):
    return MemberPageFactory(
        parent=directory,
        title="Buurtbus Eemland",
        slug="buurtbus-eemland",
        contact_name="Petra Privé",
        contact_email="petra.prive@example.org",
        needs=[("vrijwilligers", "Chauffeurs voor zaterdag"), ("geld", "Een tweede bus", True)],
    )


@pytest.fixture
def need(member):
    return member.needs.get(kind="vrijwilligers")


def help_url(member):
    return f"{member.url}ik-kan-helpen/"


def offer(for_need, **changes):
    data = {
        "need": for_need.pk,
        "name": "Sam de Vries",
        "email": "sam@example.org",
        "message": "Ik rijd graag op zaterdag, ik heb mijn rijbewijs al dertig jaar.",
        "consent": "on",
        "website": "",
        "form_token": "token-1",
    }
    data.update(changes)
    return data


def test_the_form_offers_the_open_needs_only(client, member, need):
    response = client.get(help_url(member), {"need": need.pk})

    assert response.status_code == 200
    html = response.text
    assert "Chauffeurs voor zaterdag" in html
    assert "Een tweede bus" not in html
    assert f'value="{need.pk}" id="id_need_0" required checked' in html or "checked" in html
    assert "Ik kan helpen" in html


def test_an_offer_reaches_the_initiatives_contact_and_is_kept(
    client, member, need, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(help_url(member), offer(need))

    assert response.status_code == 303
    assert response["Location"].startswith(f"{help_url(member)}bedankt/?t=")
    stored = HelpOffer.objects.get()
    assert (stored.name, stored.email, stored.need, stored.page_id) == (
        "Sam de Vries",
        "sam@example.org",
        need,
        member.pk,
    )
    assert stored.need_description == "Chauffeurs voor zaterdag"
    assert stored.consent_at is not None
    assert stored.reference.startswith("HA-")
    to_initiative, copy = mail.outbox
    assert to_initiative.to == ["petra.prive@example.org"]
    assert to_initiative.reply_to == ["sam@example.org"]
    assert "Ik rijd graag op zaterdag" in to_initiative.body
    assert "Chauffeurs voor zaterdag" in to_initiative.body
    assert copy.to == ["sam@example.org"]
    assert "petra.prive@example.org" not in copy.body
    assert stored.reference in copy.body

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert stored.reference in thanks.text
    assert "petra.prive@example.org" not in thanks.text


def test_an_english_offer_gets_english_mail_to_the_helper_and_dutch_to_the_initiative(
    client, member, need, django_capture_on_commit_callbacks
):
    english = translated(member)
    english_need = english.needs.get(kind="vrijwilligers")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{english.url}i-can-help/", offer(english_need))

    assert response.status_code == 303
    to_initiative, copy = mail.outbox
    assert to_initiative.to == ["petra.prive@example.org"]
    assert to_initiative.subject.startswith("Iemand kan")
    assert copy.subject.startswith("Your offer of help")
    assert HelpOffer.objects.get().language == "en"


@override_settings(EMAIL_BACKEND=FAILING)
def test_an_offer_is_kept_when_the_mail_server_is_down(
    client, member, need, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(help_url(member), offer(need))

    assert response.status_code == 303
    assert HelpOffer.objects.get().message.startswith("Ik rijd graag")


def test_without_a_contact_address_the_offer_goes_to_staff(
    client, directory, django_capture_on_commit_callbacks
):
    User.objects.create_superuser("beheer", "beheer@wijkkracht.example", "x")
    member = MemberPageFactory(parent=directory, contact_email="", needs=[("ruimte", "Een zaal")])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(help_url(member), offer(member.needs.get()))

    assert mail.outbox[0].to == ["beheer@wijkkracht.example"]
    assert HelpOffer.objects.get().relayed_to == "staff"


def test_a_double_post_stores_one_offer(client, member, need, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(help_url(member), offer(need))
        second = client.post(help_url(member), offer(need))

    # Both lead to the thank-you page of the one stored submission (the signed token
    # carries a timestamp, so compare what it says).
    assert thanked_reference(first) == thanked_reference(second) == stored_reference()
    assert HelpOffer.objects.count() == 1
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"email": "geen-adres"}, "Voer een geldig e-mailadres in"),
        ({"consent": ""}, "Vink het vakje aan om toestemming te geven."),
        ({"message": ""}, "Vul je bericht in."),
        ({"message": "x" * 3001}, "3000"),
        ({"message": "http://a.example http://b.example http://c.example www.d.example"}, "links"),
        ({"need": "999999"}, "geen beschikbare keuze"),
    ],
)
def test_bad_input_keeps_everything_typed(client, member, need, change, message):
    response = client.post(help_url(member), offer(need, **change))

    assert response.status_code == 200
    assert message in response.text
    assert "Ik rijd graag op zaterdag" in response.text or "message" in change
    assert "Sam de Vries" in response.text
    assert "Controleer wat je hebt ingevuld" in response.text
    assert HelpOffer.objects.count() == 0


def test_a_met_need_takes_no_offers(client, member):
    met = member.needs.get(kind="geld")

    response = client.post(help_url(member), offer(met))

    assert response.status_code == 200
    assert HelpOffer.objects.count() == 0


def test_a_profile_without_open_needs_says_so_and_where_else_help_is_wanted(client, directory):
    member = MemberPageFactory(
        parent=directory, title="Buurtbus Eemland", needs=[("geld", "Een bus", True)]
    )

    response = client.get(help_url(member))

    assert response.status_code == 200
    assert "Buurtbus Eemland heeft op dit moment geen open behoeften" in response.text
    assert '<form class="form" method="post"' not in response.text
    assert f'href="{directory.url}?need=vrijwilligers">vrijwilligers</a>' in response.text
    assert "Vraag het netwerk waar je hulp welkom is" in response.text
    assert f'href="{member.url}">Terug naar Buurtbus Eemland' in response.text
    assert "ik-kan-helpen" not in client.get(member.url).text


def test_a_profile_without_open_needs_says_so_in_english(client, directory_en):
    member = MemberPageFactory(parent=directory_en, title="Community bus", needs=[])

    response = client.get(f"{member.url}i-can-help/")

    assert response.status_code == 200
    assert response.headers["Content-Language"] == "en"
    assert "Community bus has no open needs right now" in response.text
    assert f'href="{directory_en.url}?need=geld">money</a>' in response.text


def test_an_offer_sent_after_the_last_need_was_met_is_shown_back_not_lost(client, member, need):
    member.needs.update(is_met=True)

    response = client.post(help_url(member), offer(need))

    assert response.status_code == 409
    assert "Je bericht is niet verstuurd en er is niets bewaard." in response.text
    assert "Ik rijd graag op zaterdag" in response.text
    assert "no-store" in response["Cache-Control"]
    assert HelpOffer.objects.count() == 0


def test_the_offer_mail_tells_the_initiative_to_ask_the_editors_to_mark_a_need_met(
    client, member, need, directory_en, django_capture_on_commit_callbacks
):
    english_only = MemberPageFactory(
        parent=directory_en,
        title="Community bus",
        contact_email="bus@example.org",
        needs=[("vrijwilligers", "Drivers")],
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(help_url(member), offer(need))
        client.post(
            f"{english_only.url}i-can-help/",
            offer(english_only.needs.get(), form_token="token-2"),
        )

    dutch, _copy, english, _english_copy = mail.outbox
    assert "Markeer hem dan als vervuld op je profiel" not in dutch.body
    assert "Laat het de redactie weten via info@" in dutch.body
    assert "When the need is met, mark it as met on your profile" not in english.body
    assert "let the editors know at info@" in english.body
    assert "by replying to this e-mail" in english.body


def test_the_honeypot_stores_nothing_and_says_thanks(client, member, need):
    response = client.post(help_url(member), offer(need, website="http://spam.example"))

    assert response.status_code == 303
    assert HelpOffer.objects.count() == 0
    assert mail.outbox == []


@override_settings(FORM_RATE_LIMIT=(2, 600))
def test_too_many_offers_from_one_address_are_refused_keeping_the_input(client, member, need):
    for n in range(2):
        assert client.post(help_url(member), offer(need, form_token=f"t{n}")).status_code == 303

    response = client.post(help_url(member), offer(need, form_token="t3"))

    assert response.status_code == 429
    assert "Wacht een paar minuten" in response.text
    assert "Ik rijd graag op zaterdag" in response.text
    assert HelpOffer.objects.count() == 2


def test_the_form_works_without_cookies_or_session(client, member, need):
    client.cookies.clear()

    response = client.post(help_url(member), offer(need))

    assert response.status_code == 303
    assert "Set-Cookie" not in response.headers or "sessionid" not in response.headers["Set-Cookie"]


def test_thanks_page_without_a_valid_token_shows_no_reference(client, member, need):
    client.post(help_url(member), offer(need))

    response = client.get(f"{help_url(member)}bedankt/", {"t": "vervalst"})

    assert response.status_code == 200
    assert HelpOffer.objects.get().reference not in response.text


# In the admin ------------------------------------------------------------------------------


@pytest.fixture
def stored_offer(client, member, need):
    client.post(help_url(member), offer(need))
    return HelpOffer.objects.get()


def test_staff_read_the_offers_and_mark_a_need_met_in_every_language(
    admin_client, client, member, need, stored_offer
):
    english = translated(member)

    listing = admin_client.get("/admin/members/offers/")
    detail = admin_client.get(f"/admin/members/offers/inspect/{stored_offer.pk}/")
    confirm = admin_client.get(f"/admin/members/offers/need-met/{stored_offer.pk}/")
    done = admin_client.post(f"/admin/members/offers/need-met/{stored_offer.pk}/")

    assert listing.status_code == detail.status_code == confirm.status_code == 200
    assert "Buurtbus Eemland" in listing.text
    assert "Ik rijd graag op zaterdag" in detail.text
    assert done.status_code == 302
    assert MemberNeed.objects.get(pk=need.pk).is_met
    assert english.needs.get(kind="vrijwilligers").is_met
    assert "Vervuld, dank je wel!" in client.get(member.url).text
    assert "Met, thank you!" in client.get(english.url).text
    assert "geen open behoeften" in client.get(help_url(member)).text
    member.refresh_from_db()
    assert not member.has_unpublished_changes


def test_marking_met_keeps_an_unpublished_draft_a_draft(
    admin_client, client, member, need, stored_offer
):
    member.title = "Nieuwe naam, nog niet gepubliceerd"
    member.save_revision()

    admin_client.post(f"/admin/members/offers/need-met/{stored_offer.pk}/")

    member.refresh_from_db()
    assert member.title == "Buurtbus Eemland"
    assert member.has_unpublished_changes
    assert "Vervuld, dank je wel!" in client.get(member.url).text
    draft = member.get_latest_revision_as_object()
    assert draft.title == "Nieuwe naam, nog niet gepubliceerd"
    assert all(n.is_met for n in draft.needs.all())


def test_an_initiatives_editor_sees_only_the_offers_for_its_own_profile(
    client, directory, member, need, stored_offer
):
    other = MemberPageFactory(parent=directory, needs=[("ruimte", "Een zaal")])
    client.post(help_url(other), offer(other.needs.get(), form_token="other"))
    group = Group.objects.create(name="Buurtbus Eemland")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_helpoffer"),
    )
    GroupPagePermission.objects.create(
        group=group, page=member, permission=Permission.objects.get(codename="change_page")
    )
    user = User.objects.create_user("petra", "petra@example.org", "x")
    user.groups.add(group)
    client.force_login(user)
    other_offer = HelpOffer.objects.exclude(pk=stored_offer.pk).get()

    listing = client.get("/admin/members/offers/")

    assert listing.status_code == 200
    assert stored_offer.reference in listing.text
    assert other_offer.reference not in listing.text
    # Not found (the locale middleware first tries the address under /nl/, then 404s).
    for url in (f"inspect/{other_offer.pk}/", f"need-met/{other_offer.pk}/"):
        assert client.get(f"/admin/members/offers/{url}", follow=True).status_code == 404
    assert client.post(f"/admin/members/offers/need-met/{other_offer.pk}/").status_code in (
        302,
        404,
    )
    assert not MemberNeed.objects.get(pk=other.needs.get().pk).is_met
    # Erasing needs a permission the group does not have (Wagtail redirects to the dashboard).
    assert client.post(f"/admin/members/offers/erase/{stored_offer.pk}/").status_code in (302, 403)
    stored_offer.refresh_from_db()
    assert stored_offer.erased_at is None


def test_visitors_cannot_reach_the_offers(client, stored_offer):
    response = client.get("/admin/members/offers/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_an_offers_personal_data_can_be_erased(admin_client, stored_offer):
    response = admin_client.post(f"/admin/members/offers/erase/{stored_offer.pk}/")

    stored_offer.refresh_from_db()
    assert response.status_code == 302
    assert (stored_offer.name, stored_offer.email, stored_offer.message) == ("", "", "")
    assert stored_offer.erased_at is not None
    assert stored_offer.reference and stored_offer.need_description


def test_old_personal_data_is_erased_by_the_retention_command(member, need, stored_offer):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    HelpOffer.objects.filter(pk=stored_offer.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )
    recent = HelpOffer.objects.create(
        page=member,
        need=need,
        initiative_name=member.title,
        need_kind=need.kind,
        need_description=need.description,
        name="Recent",
        email="recent@example.org",
        message="Nog bewaard.",
    )

    call_command("purge_personal_data", stdout=open("/dev/null", "w"))  # noqa: SIM115

    stored_offer.refresh_from_db()
    recent.refresh_from_db()
    assert (stored_offer.name, stored_offer.email, stored_offer.message) == ("", "", "")
    assert recent.name == "Recent"


def stored_reference():
    return HelpOffer.objects.get().reference


def test_an_offer_loses_the_characters_that_turn_its_text_around(client, member, need):
    response = client.post(
        help_url(member),
        offer(need, name="Sam\u202e de Vries", message="Ik rijd\u2066 graag\u2069 op zaterdag."),
    )

    assert response.status_code == 303
    stored = HelpOffer.objects.get()
    assert (stored.name, stored.message) == ("Sam de Vries", "Ik rijd graag op zaterdag.")
