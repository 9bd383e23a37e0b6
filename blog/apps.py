from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Stories")

    def ready(self):
        from django.db import transaction
        from django.db.models.signals import post_delete, post_save

        from portal.content import bump_content_version

        from .models import Person, Reaction

        # Stories remember their authors (BlogPage.story_context): a changed person must
        # show at once. (Images bump the version in portal.signals.)
        for signal in (post_save, post_delete):
            signal.connect(
                bump_content_version,
                sender=Person,
                dispatch_uid=f"blog_bump_Person_{signal}",
            )

        # Stories are kept whole in the page cache (portal.pagecache) and their approved
        # reactions are remembered (blog.views.reaction_context): a reaction that is
        # approved, taken back or removed must show at once. A new post waits for moderation
        # and changes no page, so it does not empty the cache (a flood of spam would).
        def reaction_moderated(sender, instance, created=False, **kwargs):
            if not created or instance.status == Reaction.Status.APPROVED:
                transaction.on_commit(bump_content_version)

        for signal in (post_save, post_delete):
            signal.connect(
                reaction_moderated,
                sender=Reaction,
                weak=False,
                dispatch_uid=f"blog_bump_reaction_{signal}",
            )
