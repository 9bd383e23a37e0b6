"""Marking a need as met, in every language at once.

A need lives in the profile's revisions as well as in its live rows. Each language version
gets a new revision with the need met; a live version without other unpublished changes is
published with it. A version that has unpublished changes keeps them as a draft (publishing
it would publish those too), and its live row is updated directly so that visitors see the
need as met at once; the next publish keeps it met, because the draft has it too.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal.content import bump_content_version

from .models import MemberNeed, MemberPage


def mark_need_met(need, user):
    """Returns a message for the editor, or None when ``user`` may not edit the profile."""
    versions = list(MemberPage.objects.filter(translation_key=need.page.translation_key))
    if not all(page.permissions_for_user(user).can_edit() for page in versions):
        return None
    held_back = []
    with transaction.atomic():
        for page in versions:
            draft = page.get_latest_revision_as_object()
            needs = list(draft.needs.all())
            for item in needs:
                if item.translation_key == need.translation_key:
                    item.is_met = True
            # Assigned back, so that the revision holds the changed needs in memory.
            draft.needs = needs
            had_changes = page.has_unpublished_changes
            revision = draft.save_revision(user=user, log_action=True)
            if page.live and not had_changes:
                revision.publish(user=user)
            else:
                MemberNeed.objects.filter(page=page, translation_key=need.translation_key).update(
                    is_met=True
                )
                if page.live:
                    held_back.append(page)
        transaction.on_commit(bump_content_version)
    if held_back:
        return ngettext(
            "The need is marked as met. %(count)s version of the profile has other unpublished "
            "changes; they wait in its draft.",
            "The need is marked as met. %(count)s versions of the profile have other "
            "unpublished changes; they wait in their drafts.",
            len(held_back),
        ) % {"count": len(held_back)}
    return _("The need is marked as met on the profile, in every language.")
