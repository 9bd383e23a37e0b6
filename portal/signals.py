"""Bump the content version (portal.content) whenever published content changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .content import bump_content_version
from .i18n import forget_locales
from .models import Navigation, SiteSettings, Theme

for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(bump_content_version, dispatch_uid=f"bump_content_version_{signal}")

for model in (Theme, Navigation, SiteSettings, PageViewRestriction):
    for signal in (post_save, post_delete):
        signal.connect(
            bump_content_version, sender=model, dispatch_uid=f"bump_{model.__name__}_{signal}"
        )

for signal in (post_save, post_delete):
    signal.connect(forget_locales, sender=Locale, dispatch_uid=f"forget_locales_{signal}")


def bump_on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_content_version()


post_delete.connect(bump_on_page_delete, dispatch_uid="bump_content_version_page_delete")
