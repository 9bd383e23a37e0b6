import os

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from .factories import HomePageFactory, ThemeFactory
from .utils import translated

# Playwright's sync API runs an event loop in the test thread; the ORM calls that fixtures
# make around it are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def _may_audit(config):
    """Whether the run may include tests/test_audit.py (no paths given, a folder, or it)."""
    paths = [arg.split("::")[0] for arg in config.args] or ["tests"]
    return any("test_audit" in path or os.path.isdir(path) for path in paths)


def pytest_sessionstart(session):
    """Before any xdist worker starts: build the test database and the demo once
    (tests/demo_template.py), so that no test's setup pays for migrating or load_demo, and
    start the HTML checker's service in the background (tests/vnu.py)."""
    from . import demo_template, vnu

    if hasattr(session.config, "workerinput"):
        return
    if _may_audit(session.config) and vnu.available() and not os.environ.get(vnu.ENV):
        vnu.start()
    if demo_template.usable():
        demo_template.ensure()


def pytest_sessionfinish(session):
    from . import vnu

    vnu.stop()


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
):
    """pytest-django's test database; on SQLite, copied from the template instead of
    migrated (tests/demo_template.py)."""
    from django.conf import settings
    from django.db import connections
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup

    from . import demo_template

    verbosity = request.config.option.verbose
    keepdb = django_db_keepdb and not django_db_createdb
    if demo_template.usable() and django_db_use_migrations and not keepdb:
        target = demo_template.ensure()
        connection = connections["default"]
        with django_db_blocker.unblock():
            old_name = connection.settings_dict["NAME"]
            test_name = connection.creation._get_test_db_name()
            connection.close()
            settings.DATABASES["default"]["NAME"] = test_name
            connection.settings_dict["NAME"] = test_name
            demo_template.copy_into(connection, target)
            connection._test_serialized_contents = (target / "serialized.json").read_text()
            demo_template.copied = target  # demo_rows reads the demo from it
        db_cfg = [(connection, old_name, True)]
    else:
        if not django_db_use_migrations:
            _disable_migrations()
        aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
        with django_db_blocker.unblock():
            db_cfg = setup_databases(
                verbosity=verbosity,
                interactive=False,
                aliases=aliases,
                serialized_aliases=serialized_aliases,
                keepdb=keepdb,
            )

    yield

    if not django_db_keepdb:
        with django_db_blocker.unblock():
            teardown_databases(db_cfg, verbosity=verbosity)


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
    """The demo content as rows (snapshot.py): on SQLite built once for the whole run with
    the template (demo_template.py), otherwise once per session (per worker).

    ``load_demo`` translates every page through wagtail-localize and takes tens of seconds;
    writing its result back takes a fraction of one. The loader itself is tested in
    test_demo.py.
    """
    from io import StringIO

    from django.core.management import call_command
    from django.db import transaction
    from django.test import TestCase

    from . import demo_template, snapshot

    target = demo_template.copied
    if target is not None:
        demo_template.copy_media(target)
        return demo_template.demo_rows(target)
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
