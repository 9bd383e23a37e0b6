from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Stories")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from portal.content import bump_content_version

        from .models import Person

        # Stories keep their authors in cached fragments (BlogPage.extras); a changed
        # person must show at once, like a changed theme.
        for signal in (post_save, post_delete):
            signal.connect(
                bump_content_version, sender=Person, dispatch_uid=f"bump_person_{signal}"
            )
