"""Two-factor sign-in (portal.twofactor): who must use it, what an unverified session can
reach (nothing under /admin/ or /documents/ but the sign-in steps), setup, codes, throttling,
recovery codes and the administrator's reset."""

import re
from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.documents.models import Document

from calls.permissions import REVIEWER_GROUP
from portal.twofactor import new_recovery_codes, requires_second_factor

from .utils import sign_in_with_password

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-1"
VERIFY = "/admin/two-factor/verify/"
SETUP = "/admin/two-factor/setup/"


def make_user(username, *, groups=(), permissions=(), superuser=False):
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@wijkkracht.example",
        password=PASSWORD,
        is_superuser=superuser,
        is_staff=superuser,
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    for label in permissions:
        app_label, codename = label.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return get_user_model().objects.get(pk=user.pk)  # no cached permissions


def app_of(user):
    return TOTPDevice.objects.create(user=user, name="authenticator app", confirmed=True)


def code(device, drift=0):
    return f"{totp(device.bin_key, step=device.step, drift=drift):06d}"


def wrong_code(device):
    """A code that none of the steps the device accepts (now, and one either side) gives."""
    taken = {code(device, drift) for drift in (-1, 0, 1)}
    return next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in taken)


@pytest.fixture
def reviewer(db):
    return make_user("beoordelaar", groups=[REVIEWER_GROUP])


@pytest.fixture
def signed_in_reviewer(client, reviewer):
    """A reviewer with an app who gave the password, not yet the code."""
    device = app_of(reviewer)
    sign_in_with_password(client, reviewer)
    return device


# Who


@pytest.mark.parametrize(
    ("groups", "permissions", "superuser", "enforced"),
    [
        ([REVIEWER_GROUP], [], False, True),
        (["Moderators"], [], False, True),
        (["Editors"], [], False, False),
        ([], [], True, True),
        (["Editors"], ["portal.manage_personal_data"], False, True),
        ([], ["wagtailadmin.access_admin", "calls.view_application"], False, True),
        ([], ["wagtailadmin.access_admin"], False, False),
    ],
    ids=[
        "reviewer",
        "moderator",
        "editor",
        "superuser",
        "personal data",
        "applications",
        "admin only",
    ],
)
def test_who_must_use_a_second_factor(groups, permissions, superuser, enforced):
    user = make_user("iemand", groups=groups, permissions=permissions, superuser=superuser)

    assert requires_second_factor(user) is enforced


def test_the_reviewers_group_of_the_calls_is_one_of_the_enforced_groups():
    assert REVIEWER_GROUP in settings.TWO_FACTOR_GROUPS


def test_an_inactive_user_is_not_asked_for_a_second_factor():
    user = make_user("weg", superuser=True)
    user.is_active = False

    assert not requires_second_factor(user)


# An unverified session reaches nothing


def admin_paths(resolver=None, prefix=""):
    """A path for every admin route whose pattern takes only simple arguments."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = str(entry.pattern)
        if "(?" in route or ("^" in route and "<" not in route and route.strip("^$") != route):
            route = route.strip("^$")
            if re.search(r"[\\(\[*+?|]", route):
                continue  # a regular expression with groups: its pages are reached otherwise
        route = re.sub(r"<int:\w+>", "1", route)
        route = re.sub(r"<(?:\w+:)?\w+>", "x", route)
        if isinstance(entry, URLResolver):
            yield from admin_paths(entry, prefix + route)
        elif isinstance(entry, URLPattern):
            yield "/" + prefix + route


def test_an_unverified_reviewer_is_kept_from_every_admin_address(client, signed_in_reviewer):
    paths = sorted({path for path in admin_paths() if path.startswith("/admin/")})
    open_paths = {
        "/admin/login/",
        "/admin/logout/",
        "/admin/jsi18n/",
        "/admin/sprite/",
        VERIFY,
        SETUP,
    }
    assert len(paths) > 150  # the walk found the admin

    for path in paths:
        if path in open_paths or path.startswith("/admin/password_reset/"):
            continue
        response = client.get(path, headers={"accept": "text/html"})
        if path.startswith("/admin/api/"):
            assert response.status_code == 403, path
        else:
            assert response.status_code == 302, path
            assert response["Location"].startswith(VERIFY + "?next="), path
        assert client.post(path, {}).status_code == 403, path


def test_admin_api_chooser_and_json_requests_of_an_unverified_session_get_403(
    client, signed_in_reviewer, home_nl
):
    for path in [
        "/admin/api/main/pages/",
        f"/admin/api/main/pages/{home_nl.pk}/",
        reverse("wagtailadmin_choose_page"),
        reverse("wagtaildocs_chooser:choose"),
        reverse("wagtailadmin_tag_autocomplete") + "?term=a",
    ]:
        response = client.get(path, headers={"x-requested-with": "XMLHttpRequest"})
        assert response.status_code == 403, path
        assert response["Content-Type"].startswith("text/plain"), path
    for path in ["/admin/api/main/pages/", reverse("applications:index")]:
        response = client.get(path, headers={"accept": "application/json"})
        assert response.status_code == 403, path


def test_an_unverified_session_gets_no_document(client, signed_in_reviewer):
    from django.core.files.base import ContentFile

    document = Document.objects.create(title="Plan", file=ContentFile(b"plan", name="plan.txt"))

    response = client.get(document.url)

    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_the_verified_admin_client_of_the_suite_reaches_the_admin(admin_client):
    response = admin_client.get("/admin/")

    assert response.status_code == 200


def test_an_editor_reaches_the_admin_on_a_password_alone(client):
    editor = make_user("redacteur", groups=["Editors"])

    sign_in_with_password(client, editor)

    assert client.get("/admin/").status_code == 200


def test_an_editor_who_set_up_an_app_is_asked_for_it(client):
    editor = make_user("redacteur", groups=["Editors"])
    app_of(editor)

    sign_in_with_password(client, editor)

    assert client.get("/admin/")["Location"] == VERIFY + "?next=%2Fadmin%2F"


# Verify


def test_after_the_password_a_reviewer_is_asked_for_a_code_and_returns_where_they_were(
    client, signed_in_reviewer
):
    response = client.get(reverse("applications:index"))
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200

    response = client.post(
        response["Location"], {"app-code": code(signed_in_reviewer), "next": "/admin/applications/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/applications/"
    assert client.get(reverse("applications:index")).status_code == 200


def test_the_code_field_is_labelled_for_one_time_codes_in_dutch(client, signed_in_reviewer):
    response = client.get(VERIFY)

    html = response.text
    assert response.status_code == 200
    assert 'lang="nl"' in html
    assert "Code uit je authenticator-app" in html
    field = re.search(r'<input[^>]*name="app-code"[^>]*>', html).group(0)
    assert 'autocomplete="one-time-code"' in field
    assert 'inputmode="numeric"' in field
    field_id = re.search(r'id="([^"]+)"', field).group(1)
    assert re.search(rf'<label[^>]*for="{field_id}"', html)
    recovery = re.search(r'<input[^>]*name="recovery-code"[^>]*>', html).group(0)
    assert "inputmode" not in recovery


def test_the_verify_page_is_in_english_for_an_english_admin(client, reviewer):
    from wagtail.users.models import UserProfile

    app_of(reviewer)
    UserProfile.get_for_user(reviewer).__class__.objects.filter(user=reviewer).update(
        preferred_language="en"
    )
    sign_in_with_password(client, reviewer)

    response = client.get(VERIFY)

    assert 'lang="en"' in response.text
    assert "Code from your authenticator app" in response.text


def test_the_sign_in_steps_add_no_inline_script(client, signed_in_reviewer):
    html = client.get(VERIFY).text

    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert " on" not in " ".join(re.findall(r"<[a-z]+\b[^>]*\bon[a-z]+=", html))


def test_a_wrong_code_is_refused(client, signed_in_reviewer):
    response = client.post(VERIFY, {"app-code": wrong_code(signed_in_reviewer)})

    assert response.status_code == 200
    assert "Deze code klopt niet" in response.text
    assert client.get("/admin/").status_code == 302


def test_after_a_wrong_code_the_next_try_waits_even_with_the_right_code(client, signed_in_reviewer):
    with time_machine.travel(timezone.now(), tick=False) as clock:
        client.post(VERIFY, {"app-code": wrong_code(signed_in_reviewer)})
        response = client.post(VERIFY, {"app-code": code(signed_in_reviewer)})
        assert "Te veel foute codes" in response.text
        assert client.get("/admin/").status_code == 302

        clock.shift(timedelta(seconds=2))
        response = client.post(VERIFY, {"app-code": code(signed_in_reviewer)})

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_code_is_accepted_once(client, reviewer, signed_in_reviewer):
    with time_machine.travel(timezone.now(), tick=False):
        used = code(signed_in_reviewer)
        client.post(VERIFY, {"app-code": used})
        client.post(reverse("wagtailadmin_logout"))
        sign_in_with_password(client, reviewer)

        response = client.post(VERIFY, {"app-code": used})

    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_a_recovery_code_works_once(client, reviewer, signed_in_reviewer):
    codes = new_recovery_codes(reviewer)

    response = client.post(VERIFY, {"recovery-code": codes[0].upper()}, follow=True)
    assert response.redirect_chain[-1] == ("/admin/", 302)
    assert "je hebt nog 9 codes over" in response.text
    assert StaticToken.objects.filter(device__user=reviewer).count() == 9

    client.post(reverse("wagtailadmin_logout"))
    sign_in_with_password(client, reviewer)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        response = client.post(VERIFY, {"recovery-code": codes[0]})
        assert response.status_code == 200
        assert "Deze code klopt niet" in response.text

        clock.shift(timedelta(seconds=2))  # the wait after one wrong code
        assert client.post(VERIFY, {"recovery-code": codes[1]}).status_code == 302


def test_a_wrong_app_code_does_not_slow_down_the_recovery_codes(
    client, reviewer, signed_in_reviewer
):
    codes = new_recovery_codes(reviewer)
    with time_machine.travel(timezone.now(), tick=False):
        client.post(VERIFY, {"app-code": "12345"})

        assert client.post(VERIFY, {"recovery-code": codes[0]}).status_code == 302


def test_signing_out_and_in_again_asks_for_the_code_again(client, reviewer, signed_in_reviewer):
    client.post(VERIFY, {"app-code": code(signed_in_reviewer)})
    client.post(reverse("wagtailadmin_logout"))

    sign_in_with_password(client, reviewer)

    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_the_verify_page_returns_only_to_addresses_on_this_site(client, signed_in_reviewer):
    response = client.post(
        VERIFY, {"app-code": code(signed_in_reviewer), "next": "https://evil.example/admin/"}
    )

    assert response["Location"] == "/admin/"


def test_verifying_gives_the_session_a_new_key(client, signed_in_reviewer):
    before = client.cookies[settings.SESSION_COOKIE_NAME].value

    client.post(VERIFY, {"app-code": code(signed_in_reviewer)})

    assert client.cookies[settings.SESSION_COOKIE_NAME].value != before


# Setup


def secret_on(page):
    return re.search(r'<code id="secret"[^>]*>([A-Z2-7 ]+)</code>', page.text).group(1)


def test_an_enforced_user_without_an_app_sets_one_up_and_sees_the_recovery_codes_once(
    client, reviewer
):
    sign_in_with_password(client, reviewer)
    response = client.get(reverse("applications:index"))
    assert response["Location"].startswith(SETUP + "?next=")

    page = client.get(response["Location"])
    assert page.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in page.text
    assert "QR-code" in page.text
    assert client.get(SETUP).text.count(secret_on(page)) == 1  # the same secret on reload
    device = TOTPDevice.objects.get(user=reviewer)
    assert not device.confirmed
    import base64

    assert base64.b32decode(secret_on(page).replace(" ", "")) == device.bin_key

    response = client.post(SETUP, {"app-code": code(device), "next": "/admin/applications/"})

    assert response.status_code == 302
    codes_page = client.get(response["Location"])
    assert codes_page.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", codes_page.text)
    assert len(codes) == 10
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(codes)
    assert 'href="/admin/applications/"' in codes_page.text
    again = client.get(reverse("portal_twofactor_recovery_codes"))
    assert again.status_code == 302
    assert codes[0] not in client.get(again["Location"]).text
    assert client.get(reverse("applications:index")).status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_setup_refuses_a_wrong_first_code(client, reviewer):
    sign_in_with_password(client, reviewer)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=reviewer)

    response = client.post(SETUP, {"app-code": wrong_code(device)})

    assert response.status_code == 200
    assert "Deze code klopt niet" in response.text
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_someone_with_an_app_cannot_set_up_another_before_verifying(client, signed_in_reviewer):
    response = client.get(SETUP)

    assert response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.count() == 1


def test_an_editor_may_turn_two_factor_sign_in_on_and_off(client):
    editor = make_user("redacteur", groups=["Editors"])
    sign_in_with_password(client, editor)
    account = client.get(reverse("wagtailadmin_account")).text
    assert f'href="{reverse("portal_twofactor_manage")}"' in account
    assert "Tweestapsaanmelding" in account
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=editor)
    client.post(SETUP, {"app-code": code(device)})
    manage = client.get(reverse("portal_twofactor_manage"))
    assert "Tweestapsaanmelding uitzetten" in manage.text

    client.post(reverse("portal_twofactor_manage"), {"action": "turn-off"})

    assert not TOTPDevice.objects.filter(user=editor).exists()
    client.post(reverse("wagtailadmin_logout"))
    sign_in_with_password(client, editor)
    assert client.get("/admin/").status_code == 200


def test_a_reviewer_cannot_turn_it_off_but_can_make_new_recovery_codes(client, reviewer):
    client.force_login(reviewer)
    old = new_recovery_codes(reviewer)

    client.post(reverse("portal_twofactor_manage"), {"action": "turn-off"})
    response = client.post(reverse("portal_twofactor_manage"), {"action": "new-codes"})

    assert TOTPDevice.objects.filter(user=reviewer).exists()
    page = client.get(response["Location"])
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page.text)
    assert len(new) == 10
    assert not StaticToken.objects.filter(token__in=old).exists()


# Reset


def test_an_administrator_resets_a_lost_phone_and_the_user_sets_up_a_new_one(client, reviewer):
    admin = make_user("beheerder", superuser=True)
    app_of(reviewer)
    new_recovery_codes(reviewer)
    client.force_login(admin)
    users = client.get(reverse("wagtailusers_users:index"))
    reset_url = reverse("portal_twofactor_reset", args=[reviewer.pk])
    assert reset_url in users.text

    assert client.get(reset_url).status_code == 200
    response = client.post(reset_url)

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    assert not StaticToken.objects.filter(device__user=reviewer).exists()
    client.post(reverse("wagtailadmin_logout"))
    sign_in_with_password(client, reviewer)
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_a_reviewer_cannot_reset_someone_else(client, reviewer):
    other = make_user("ander", groups=[REVIEWER_GROUP])
    app_of(other)
    client.force_login(reviewer)

    response = client.post(reverse("portal_twofactor_reset", args=[other.pk]))

    # Wagtail answers a PermissionDenied in the admin with a redirect to its home page.
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert TOTPDevice.objects.filter(user=other).exists()


def test_the_reset_command_removes_the_second_factor_of_a_user(reviewer):
    app_of(reviewer)
    out = StringIO()

    call_command("reset_two_factor", "beoordelaar", stdout=out)

    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    assert "beoordelaar" in out.getvalue()
