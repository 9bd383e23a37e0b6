"""The self-service link: see a submission, withdraw it, or erase its personal data.

The link (portal.privacy.self_service_url) is signed, so it cannot be guessed, and expires
after ``PRIVACY_LINK_MAX_AGE_DAYS``. Opening it (GET) changes nothing, so a mail program
that follows links to preview them erases nothing; withdrawing and erasing are posts. Once
the personal data is erased the link answers 410: it works once for erasure.

The posts are exempt from Django's CSRF check, like the site's public forms (see
portal.routing): the secret link is the only credential, a forger who has it can do no more
than by following it, and someone without cookies can still use it.
"""

from django.db import transaction
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from .models import PersonalDataLog
from .privacy import LinkError, submission_for_token

ACTIONS = ("withdraw", "erase")


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


def act(request, submission):
    action = request.POST.get("action")
    if action not in ACTIONS or (action == "withdraw" and not submission.can_withdraw()):
        return refused(
            request,
            _("This cannot be done"),
            _("Nothing was changed. Go back to the link and choose one of the buttons."),
            400,
        )
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
