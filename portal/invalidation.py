"""Which submissions the public site shows, and the one bump after their rows change.

A submission that is shown (an approved reaction under a story, a published question on the
question page, its filtered lists and the home page, a registration whose contact was copied
onto a profile) is held in remembered fragments, remembered listing ids and whole stored
pages under the content version (portal.content, portal.pagecache). Erasing one blanks the
row, withdrawing or deleting one takes it away: any of them must take it off every copy at
once, so every save after the first and every delete of these rows bumps the version, once,
after the transaction commits (``portal.content.bump_after_commit``). A new row bumps only
when it is public at once (``is_public``): posts wait for moderation, and a flood of spam
must not empty the cache.

The kinds are named by label, so that portal imports no app; ``NOT_SHOWN`` names the kinds
no public page shows, and a test checks that every kind of submission is in one of the two.
Other models that change published content bump in portal.signals and in their apps' ready();
a later caching rework gathers them into one registry.
"""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from . import pagecache
from .content import bump_after_commit

#: Kinds of submission that some public page shows, with where.
SHOWN = {
    "blog.Reaction": "approved reactions under their story",
    "calls.Question": (
        "published questions: the question page in every language and its filters, one "
        "question's page, the home page's section and figures"
    ),
    "members.Registration": "its erasure blanks the contact's copies on the profile",
}

#: Kinds of submission that no public page shows: their changes leave the caches alone.
NOT_SHOWN = {
    "calls.Application": "seen by reviewers only; an accepted one becomes a lab draft",
    "members.HelpOffer": "relayed by mail to the initiative, never shown",
}


def changed(sender, instance, created=False, **kwargs):
    if created and not getattr(instance, "is_public", False):
        return
    bump_after_commit()
    if pagecache.frontend_cache_enabled() and hasattr(instance, "public_pages"):
        # A CDN or proxy in front keeps its own copies (purged after the commit too).
        pagecache.purge(instance.public_pages())


def connect():
    for label in SHOWN:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        for signal in (post_save, post_delete):
            signal.connect(changed, sender=model, dispatch_uid=f"public_content_{label}_{signal}")
