import pytest
from wagtail.models import Locale

from portal.demo import translate_instance
from portal.models import SiteSettings

from ..factories import LivingLabIndexPageFactory, MemberIndexPageFactory, ThemeFactory
from ..utils import to_english, translated


@pytest.fixture
def themes(locale_nl):
    """Two themes, each translated into English as "[en] <name>"."""
    english = Locale.objects.get(language_code="en")
    made = {}
    for position, (slug, name) in enumerate([("wonen", "Wonen"), ("werk-inkomen", "Werk")]):
        theme = ThemeFactory(name=name, slug=slug, locale=locale_nl, sort_order=position)
        translate_instance(theme, english, to_english)
        made[slug] = theme
    return made


@pytest.fixture
def programme(home_nl, home_en):
    """The Dutch programme (/nl/living-labs/) with its English translation."""
    SiteSettings.load()
    index = LivingLabIndexPageFactory(parent=home_nl)
    translated(index)
    return index


@pytest.fixture
def programme_en(programme):
    return programme.get_translation(Locale.objects.get(language_code="en")).specific


@pytest.fixture
def directory(home_nl, home_en):
    index = MemberIndexPageFactory(parent=home_nl)
    english = translated(index)
    english.slug = "initiatives"
    english.save_revision().publish()
    return index
