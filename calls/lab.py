"""An accepted application becomes a draft living lab, filled in from the application.

The mapping lives in ``lab_fields``: one place to extend when labs get more fields. The
partners the applicant named become the lab's partner records (livinglabs.partners): an
initiative of the network where the name matches its profile, else a named partner.
"""

from django.utils import timezone
from django.utils.text import slugify

from livinglabs.models import LivingLabIndexPage, LivingLabPage
from livinglabs.partners import partners_from_text


class NoLabIndex(Exception):
    """There is no living-labs programme page to put the lab under."""


def lab_fields(application):
    """The lab's fields from the application's, in the call's language."""
    return {
        "title": application.title[:255],
        "summary": application.summary,
        "question": application.question,
        "place": (application.municipality or application.neighbourhood)[:100],
        "province": application.province,
        "phase": LivingLabPage.Phase.EXPLORE,
        "start_date": timezone.localdate(),
        "partners": partners_from_text(application.partners, application.call.locale),
    }


def free_slug(parent, title):
    base = slugify(title)[:70] or "living-lab"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def create_lab(application, user):
    """A draft LivingLabPage for ``application`` (once), linked both ways; returns it."""
    if application.lab_id:
        return application.lab
    index = (
        LivingLabIndexPage.objects.filter(locale_id=application.call.locale_id)
        .order_by("path")
        .first()
    )
    if index is None:
        raise NoLabIndex
    fields = lab_fields(application)
    lab = LivingLabPage(**fields, slug=free_slug(index, fields["title"]), live=False, owner=user)
    lab.themes.set(list(application.themes.all()))
    index.add_child(instance=lab)
    lab.save_revision(user=user, log_action=True)
    application.lab = lab
    application.save(update_fields=["lab", "updated_at"])
    return lab
