"""Bump the content version (portal.content) whenever published content changes."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import invalidation, pagecache
from .content import bump_content_version
from .i18n import forget_locales
from .models import Navigation, SiteSettings, Theme
from .models.privacy import submission_models

for signal in (page_published, page_unpublished, post_page_move):
    signal.connect(bump_content_version, dispatch_uid=f"bump_content_version_{signal}")

# Pages show images by their renditions' addresses, which change with the image's file or
# focal point; the site's hostname and root decide every page's address.
for model in (Theme, Navigation, SiteSettings, PageViewRestriction, Site, get_image_model()):
    for signal in (post_save, post_delete):
        signal.connect(
            bump_content_version, sender=model, dispatch_uid=f"bump_{model.__name__}_{signal}"
        )

# Submissions that the site shows: erasure and deletion reach every cached copy at once.
invalidation.connect()


def forget_copies_before_delete(sender, instance, **kwargs):
    instance.forget_copies()


# A deleted submission (by an editor, the purge, or with its page) takes its mails and its
# quotes in the admin's history with it, as erasure does (BaseSubmission.forget_copies).
for model in submission_models():
    pre_delete.connect(
        forget_copies_before_delete, sender=model, dispatch_uid=f"forget_{model._meta.label}"
    )

for signal in (post_save, post_delete):
    signal.connect(forget_locales, sender=Locale, dispatch_uid=f"forget_locales_{signal}")


def bump_on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump_content_version()


post_delete.connect(bump_on_page_delete, dispatch_uid="bump_content_version_page_delete")

# Purge the page, its parent and its home from a CDN or proxy (portal.pagecache). On the
# signals rather than Wagtail's hooks: translation syncs fire these too (wagtail-localize #837).
for signal in (page_published, page_unpublished):
    signal.connect(pagecache.purge_page, dispatch_uid=f"purge_frontend_cache_{signal}")
post_page_move.connect(pagecache.purge_moved_page, dispatch_uid="purge_frontend_cache_move")
pre_delete.connect(pagecache.remember_urls_before_delete, dispatch_uid="purge_frontend_pre_delete")
post_delete.connect(pagecache.purge_deleted_page, dispatch_uid="purge_frontend_cache_delete")
