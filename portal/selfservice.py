"""The self-service link: see a submission, download it, withdraw it, or erase its
personal data.

The link (portal.privacy.self_service_url) is signed, so it cannot be guessed, and expires
after ``PRIVACY_LINK_MAX_AGE_DAYS``. Opening it (GET) changes nothing, so a mail program
that follows links to preview them erases nothing; withdrawing and erasing are posts, and
each asks once more before it acts (nothing can be undone). ``?download=json`` gives
everything stored in the row as a file, ``?download=page`` the same as a page to read or
print; both are logged as exports. Once the personal data is erased the link answers 410:
it works once for erasure.

The posts are exempt from Django's CSRF check, like the site's public forms (see
portal.routing): the secret link is the only credential, a forger who has it can do no more
than by following it, and someone without cookies can still use it.
"""

import json

from django.db import transaction
from django.http import HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .models import PersonalDataLog
from .privacy import LinkError, submission_for_token

ACTIONS = ("withdraw", "erase")
DOWNLOADS = ("json", "page")


def private(response):
    """A secret link and personal data: never cached, never indexed, never in a Referer."""
    patch_cache_control(response, private=True, no_store=True)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def refused(request, title, message, status):
    response = render(
        request, "portal/self_service_refused.html", {"title": title, "message": message}
    )
    response.status_code = status
    return private(response)


def link_refused(request, error):
    if error.expired:
        return refused(
            request,
            _("This link has expired"),
            _(
                "For your safety the link in our e-mail works for a limited time. Write to us "
                "and mention your reference number if you want to see, withdraw or erase what "
                "you sent."
            ),
            410,
        )
    return refused(
        request,
        _("This link is not valid"),
        _(
            "The link may have been cut off or changed. Copy the whole link from our e-mail, "
            "or write to us and mention your reference number."
        ),
        400,
    )


def already_erased(request, submission):
    return refused(
        request,
        _("Your personal data has been erased"),
        _("The personal data of %(reference)s has been erased. This link no longer shows anything.")
        % {"reference": submission.reference},
        410,
    )


@csrf_exempt
def self_service(request, token):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    try:
        submission = submission_for_token(token)
    except LinkError as error:
        return link_refused(request, error)
    if submission.erased_at is not None:
        return already_erased(request, submission)
    if request.method == "POST":
        return act(request, submission)
    if download := request.GET.get("download"):
        return export(request, submission, download)
    response = render(
        request,
        "portal/self_service.html",
        {
            "submission": submission,
            "privacy": submission.self_service(),
            "rows": submission.self_service_rows(),
            "status": submission.self_service_status(),
            "can_withdraw": submission.can_withdraw(),
            "erasure_note": submission.erasure_note(),
        },
    )
    return private(response)


def field_label(submission, name):
    """A field's name for people; related rows (an application's files) by their model's."""
    try:
        field = submission._meta.get_field(name)
    except Exception:
        return name.replace("_", " ")
    if hasattr(field, "verbose_name"):
        return field.verbose_name
    return field.related_model._meta.verbose_name_plural


def stored_fields(submission):
    """Every field of the row as (label, value) in the visitor's language, as exported."""
    fields = []
    for name, value in submission.export_data().items():
        if value in ("", None, [], {}):
            continue
        label = capfirst(field_label(submission, name))
        if isinstance(value, (dict, list)):
            value = json.dumps(value, ensure_ascii=False, indent=2)
        fields.append((str(label), str(value)))
    return fields


def export(request, submission, download):
    if download not in DOWNLOADS:
        return refused(
            request,
            _("This cannot be done"),
            _("Nothing was changed. Go back to the link and choose one of the buttons."),
            400,
        )
    PersonalDataLog.record(
        PersonalDataLog.Action.EXPORT,
        PersonalDataLog.Source.SELF_SERVICE,
        [submission],
        email=submission.email,
    )
    summary = submission.self_service()
    if download == "json":
        body = json.dumps(
            {
                "kind": summary["kind"],
                "reference": submission.reference,
                "why": summary["why"],
                "kept_until": summary["until"].isoformat() if summary["until"] else None,
                "generated_at": timezone.now().isoformat(),
                "stored": submission.export_data(),
            },
            ensure_ascii=False,
            indent=2,
        )
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{submission.reference}.json"'
        return private(response)
    response = render(
        request,
        "portal/self_service_export.html",
        {
            "submission": submission,
            "privacy": summary,
            "fields": stored_fields(submission),
            "generated_at": timezone.now(),
            "back_url": request.path,
        },
    )
    return private(response)


def act(request, submission):
    action = request.POST.get("action")
    if action not in ACTIONS or (action == "withdraw" and not submission.can_withdraw()):
        return refused(
            request,
            _("This cannot be done"),
            _("Nothing was changed. Go back to the link and choose one of the buttons."),
            400,
        )
    if request.POST.get("confirmed") != "yes":
        # One more step: erasing cannot be undone, and a click may be a slip.
        response = render(
            request,
            "portal/self_service_confirm.html",
            {
                "submission": submission,
                "privacy": submission.self_service(),
                "action": action,
                "erasure_note": submission.erasure_note(),
                "back_url": request.path,
            },
        )
        return private(response)
    model = type(submission)
    with transaction.atomic():
        # Two clicks at once: the second finds the row erased and changes nothing.
        submission = model._default_manager.select_for_update().get(pk=submission.pk)
        if submission.erased_at is not None:
            return already_erased(request, submission)
        email = submission.email
        if action == "withdraw":
            submission.withdraw()
        else:
            submission.erase_personal_data()
        PersonalDataLog.record(
            PersonalDataLog.Action.WITHDRAW
            if action == "withdraw"
            else PersonalDataLog.Action.ERASE,
            PersonalDataLog.Source.SELF_SERVICE,
            [submission],
            email=email,
        )
    response = HttpResponseRedirect(f"{reverse('privacy_done')}?done={action}")
    response.status_code = 303
    return private(response)


def done(request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    withdrawn = request.GET.get("done") == "withdraw"
    response = render(request, "portal/self_service_done.html", {"withdrawn": withdrawn})
    return private(response)
