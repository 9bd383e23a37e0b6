import os

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from .factories import HomePageFactory, ThemeFactory
from .utils import translated

# Playwright's sync API runs an event loop in the test thread; the ORM calls that fixtures
# make around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _second_factor_with_test_login(monkeypatch):
    """Two-factor sign-in stays enforced in tests, as in production (portal.twofactor).
    The test client's ``force_login`` and ``login`` stand for a person who got through
    sign-in, so for a user who must use a second factor they also pass that step with a real
    authenticator app of theirs (tests/utils.py: verify_second_factor). pytest-django's
    ``admin_client`` and WagtailPageTestCase's ``login()`` go through here too. Tests of the
    second step itself sign in with the password form instead (``sign_in_with_password``),
    which leaves the session unverified."""
    from django.test.client import ClientMixin

    from portal.twofactor import requires_second_factor

    from .utils import verify_second_factor

    # Both public ways in end in the client's _login (Django 5.2): patch it once.
    login = ClientMixin._login

    def login_with_second_factor(self, user, backend=None):
        login(self, user, backend)
        if requires_second_factor(user):
            verify_second_factor(self, user)

    monkeypatch.setattr(ClientMixin, "_login", login_with_second_factor)


@pytest.fixture
def locale_nl(db):
    return Locale.objects.get(language_code="nl")


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def home_nl(db, locale_nl):
    """The Dutch home page as the default site's root."""
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()  # Wagtail's placeholder page
    home = HomePageFactory(parent=root, locale=locale_nl)
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def home_en(home_nl, locale_en):
    return translated(home_nl)


@pytest.fixture
def theme(locale_nl):
    return ThemeFactory(name="Energie", slug="energie", locale=locale_nl)


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"browser tests need Chromium at {CHROMIUM} (apt-get install -y chromium)")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    serialized = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    with sync_playwright() as playwright:
        # Under Playwright's event loop asgiref hands out other connection objects; give them
        # the serialized database contents that serialized_rollback restores after a flush.
        for alias, contents in serialized.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser, live_server):
    from .browser import offline_context

    context = offline_context(browser, live_server)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def demo_rows(django_db_setup, django_db_blocker):
    """The demo content, built once per session (per worker) and kept as rows (snapshot.py).

    ``load_demo`` translates every page through wagtail-localize and takes seconds; writing
    its result back takes a fraction of that. The loader itself is tested in test_demo.py.
    """
    from io import StringIO

    from django.core.management import call_command
    from django.db import transaction
    from django.test import TestCase

    from . import snapshot

    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=StringIO())
        rows = snapshot.take()
        transaction.set_rollback(True)
    return rows


@pytest.fixture
def demo(request, demo_rows):
    """The whole demo site, both languages (works in db and transactional tests)."""
    from portal.i18n import forget_locales

    from . import snapshot

    if "transactional_db" not in request.fixturenames:
        request.getfixturevalue("db")
    # Wagtail's placeholder page would clash with the demo's home in the tree.
    Page.objects.filter(depth__gt=1).delete()
    snapshot.restore(demo_rows)
    forget_locales()
    cache.clear()
