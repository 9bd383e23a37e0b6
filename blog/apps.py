from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Stories")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from portal.content import bump_content_version

        from .models import Person

        # Reactions (approved, taken back, erased) bump through portal.invalidation.
        # Stories remember their authors (BlogPage.story_context): a changed person must
        # show at once. (Images bump the version in portal.signals.)
        for signal in (post_save, post_delete):
            signal.connect(
                bump_content_version,
                sender=Person,
                dispatch_uid=f"blog_bump_Person_{signal}",
            )
