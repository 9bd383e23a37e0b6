import pytest
from wagtail.models import Locale

from portal.demo import translate_instance
from portal.models import SiteSettings

from ..factories import MemberIndexPageFactory, ThemeFactory
from ..utils import to_english, translated


@pytest.fixture
def directory(home_nl, home_en):
    """The Dutch directory (/nl/initiatieven/) with its English translation."""
    # Made now, not by the first request (which would then bump the content version and
    # make the next request rebuild every cached fragment).
    SiteSettings.load()
    index = MemberIndexPageFactory(parent=home_nl)
    english = translated(index)
    english.slug = "initiatives"
    english.save_revision().publish()
    return index


@pytest.fixture
def directory_en(directory):
    return directory.get_translation(Locale.objects.get(language_code="en")).specific


@pytest.fixture
def themes(locale_nl):
    """Three themes, each translated into English as "[en] <name>"."""
    english = Locale.objects.get(language_code="en")
    made = {}
    for position, (slug, name) in enumerate(
        [("energie", "Energie"), ("voedsel", "Voedsel"), ("zorg-welzijn", "Zorg & welzijn")]
    ):
        theme = ThemeFactory(name=name, slug=slug, locale=locale_nl, sort_order=position)
        translate_instance(theme, english, to_english)
        made[slug] = theme
    return made
