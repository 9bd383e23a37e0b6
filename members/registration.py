"""A registration becomes a draft profile in Wagtail's moderation workflow.

Nobody is logged in when a visitor registers, and ``Workflow.start`` wants a user. The
site acts as one inactive account, ``website`` (no password, no groups, no e-mail address),
created when it is first needed: the page history then reads "submitted by Website (public
form)", Wagtail's approval and rejection notices to the requester find no address and go
nowhere, and nobody can log in as it. Wagtail would mail its own "submitted" notices inside
the request; for submissions by this account our notice replaces them, queued after the
commit (see ``members.signals``), so a mail outage never touches the form.

Moderators approve the draft in the admin (Wagtail publishes it and the profile appears in
the directory), or reject it: ``reject_and_erase`` deletes a draft that was never published,
and the registration keeps only its reference, dates and status.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from portal.mail import queue_mail, staff_addresses
from portal.models import SiteSettings, Theme

from .models import MemberPage, Registration
from .models.pages import reserved_slugs

WEBSITE_USERNAME = "website"
MODERATOR_PERMISSION = "members.change_registration"


def website_user():
    User = get_user_model()
    user = User.objects.filter(username=WEBSITE_USERNAME).first()
    if user is None:
        user = User(
            username=WEBSITE_USERNAME,
            first_name="Website",
            last_name="(public form)",
            is_active=False,
        )
        user.set_unusable_password()
        try:
            with transaction.atomic():
                user.save()
        except IntegrityError:
            # Two first registrations at once: the other one made it.
            user = User.objects.get(username=WEBSITE_USERNAME)
    return user


def is_website_user(user):
    return user is not None and getattr(user, "username", None) == WEBSITE_USERNAME


def free_slug(index, title):
    base = slugify(title)[:70].strip("-") or "initiatief"
    taken = set(Page.objects.child_of(index).values_list("slug", flat=True)) | reserved_slugs()
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def in_source_language(index, kind, themes):
    """The directory, kind and themes of the source language (Dutch) for a registration
    sent from another language's directory. Every initiative then has a Dutch page, which is
    what the figures, the Dutch directory and its exports count, and gets its translations
    when it is first published (``translate_everywhere``)."""
    locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if locale is None or index.locale_id == locale.pk:
        return index, kind, themes
    source = index.get_translation_or_none(locale)
    if source is None:
        return index, kind, themes
    if kind is not None:
        kind = kind.get_translation_or_none(locale) or kind
    by_key = {
        theme.translation_key: theme
        for theme in Theme.objects.filter(
            locale=locale, translation_key__in=[theme.translation_key for theme in themes]
        )
    }
    return source.specific, kind, [by_key.get(theme.translation_key, theme) for theme in themes]


def translate_everywhere(page):
    """A profile born from a registration, just published, in every other language too, so
    that the initiative is listed in each directory. Through wagtail-localize, with the text
    as it was written standing in for the translation: Translations to do lists each copy
    as partly untranslated until an editor translates it (portal.freshness)."""
    source = None
    for locale in Locale.objects.exclude(pk=page.locale_id):
        if page.get_translation_or_none(locale) is not None:
            continue
        if source is None:
            source, _created = TranslationSource.update_or_create_from_instance(page)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        translation.save_target(publish=True)


def create_draft(index, registration, kind, themes):
    """The draft profile, in the source language's directory (the text as it was written),
    submitted for moderation."""
    index, kind, themes = in_source_language(index, kind, themes)
    page = MemberPage(
        title=registration.initiative_name,
        slug=free_slug(index, registration.initiative_name),
        kind=kind,
        intro=registration.description,
        place=registration.place,
        province=registration.province,
        website=registration.website,
        public_email=registration.public_email,
        contact_name=registration.name,
        contact_email=registration.email,
        live=False,
        locale_id=index.locale_id,
    )
    page.themes.set(themes)
    index.add_child(instance=page)
    user = website_user()
    revision = page.save_revision(user=user, log_action=True)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user)
    return page, revision


def network_address():
    """Where answers to mail about registrations go (mail is sent from a no-reply address)."""
    return [SiteSettings.load().contact_email]


def notify_received(registration, page):
    """Confirmation to the contact person, notice to the moderators; both after commit."""
    context = {"registration": registration, "initiative": registration.initiative_name}
    queue_mail(
        to=registration.email,
        template="members/mail/registration_received",
        context=context,
        language=registration.language,
        reply_to=network_address(),
    )
    queue_mail(
        to=staff_addresses(MODERATOR_PERMISSION),
        template="members/mail/registration_notice",
        context={
            **context,
            "edit_url": admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk])),
            "registration_url": admin_url(
                reverse("members_registration:inspect", args=[registration.pk])
            ),
            "in_workflow": page.get_workflow() is not None,
        },
        language="nl",
    )


def mark_published(page):
    """Called when a profile is published: its pending registration is accepted, and the
    new profile gets its translations."""
    registrations = list(Registration.objects.filter(page=page, status=Registration.Status.PENDING))
    if registrations:
        translate_everywhere(page)
    for registration in registrations:
        registration.status = Registration.Status.PUBLISHED
        registration.decided_at = timezone.now()
        registration.save(update_fields=["status", "decided_at"])
        if registration.erased_at is None:
            own = page.get_translation_or_none(
                Locale.objects.get(language_code=registration.language)
            )
            queue_mail(
                to=registration.email,
                template="members/mail/registration_published",
                context={
                    "registration": registration,
                    "initiative": page.title,
                    "url": (own or page).full_url,
                },
                language=registration.language,
                reply_to=network_address(),
            )


def reject_and_erase(registration, user, notify=True):
    """Refuse a registration: its never-published draft goes, and so do the contact
    person's details (``Registration.erase_related``). A profile that is (or was) live
    stays; the copies of this person's name and address on it are blanked."""
    with transaction.atomic():
        if registration.status == Registration.Status.PENDING:
            registration.status = Registration.Status.REJECTED
            registration.decided_at = timezone.now()
            if notify and registration.email:
                queue_mail(
                    to=registration.email,
                    template="members/mail/registration_rejected",
                    context={"registration": registration},
                    language=registration.language,
                    reply_to=network_address(),
                )
        registration.erase_personal_data()
