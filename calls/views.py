"""The call's public routes: the form and its post, thank-you, draft saved, resume, the
printable questions and the deadline for a calendar (see OpenCallPage's @path routes).

Like every public form here these never use the session or ``request.user``: page
requests skip the CSRF check (portal.routing) and a visitor without cookies can apply.
"""

import functools
import re
import secrets

from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal import ratelimit
from portal.forms import BlankForm
from portal.i18n import active_locale
from portal.submissions import reference_from_thanks_token, thanks_token

from .answers import call_versions, initial_from_answers
from .forms import REMOVE_SUFFIX, ApplicationForm, UploadField
from .ical import deadline_event
from .models import Application, ApplicationFile
from .storing import resume_url, stash_uploads, store_new, update_draft
from .tokens import application_for_token
from .uploads import MAX_REQUEST_SIZE

STASH_KEY = re.compile(r"^[A-Za-z0-9_-]{40,64}$")
SAFE_METHODS = ("GET", "HEAD")


def call_page(page, request):
    if request.method == "POST":
        return post_application(page, request)
    form = BlankForm(ApplicationForm, page=page) if page.is_open else None
    return render_call(page, request, form)


def privacy_statement(page):
    """The call's privacy statement in the visitor's language where translated: one query."""
    if not page.privacy_page_id:
        return None
    chosen = Page.objects.filter(pk=page.privacy_page_id).values("translation_key")
    candidates = {
        candidate.locale_id: candidate
        for candidate in Page.objects.live().filter(
            Q(pk=page.privacy_page_id) | Q(translation_key__in=chosen, locale=active_locale())
        )
    }
    return candidates.get(active_locale().pk) or next(iter(candidates.values()), None)


def render_call(page, request, form, *, status=200, notice=None, draft=None, typed=None):
    response = page.render(
        request,
        context_overrides={
            "form": form,
            # Called only where the form's HTML is rendered afresh (it is remembered).
            "privacy_page": functools.cache(lambda: privacy_statement(page)),
            "notice": notice,
            "draft": draft,
            "typed": typed,
        },
    )
    response.status_code = status
    if draft or status != 200:
        private(response)
    return response


def private(response):
    """Personal data or a secret link: for this visitor's browser only, never for a cache."""
    patch_cache_control(response, private=True, no_store=True)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def page_url(page, name, token):
    return f"{page.url}{page.reverse_subpage(name)}?t={token}"


def after_storing(page, application):
    """Post/redirect/get: a refresh of the next page sends nothing again."""
    if application.is_draft:
        from .tokens import resume_token

        return redirect(page_url(page, "draft_saved", resume_token(application)), status=303)
    return redirect(page_url(page, "thanks", thanks_token(application)), status=303)


def redirect(url, status=302):
    response = HttpResponseRedirect(url)
    response.status_code = status
    return response


def drafts_of(page):
    return Application.objects.filter(call__translation_key=page.translation_key)


def post_application(page, request):
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST_SIZE:
        # Refused before the body is read; the per-file limits give friendlier messages.
        return render_call(
            page,
            request,
            None,
            status=413,
            notice=_("What you sent is too large. Send files of at most 20 MB each."),
        )
    data = request.POST
    saving = data.get("action") == "save"
    draft = None
    if data.get("draft"):
        draft = application_for_token(data["draft"], drafts_of(page))
        if draft is None:
            return render_call(
                page,
                request,
                None,
                status=400,
                notice=_("This link to a saved application is not valid. Nothing was stored."),
                typed=typed_values(ApplicationForm(data, page=page)),
            )
        if not draft.is_draft:
            return after_storing(page, draft)
    if not page.is_open:
        return render_call(
            page,
            request,
            None,
            status=403,
            notice=closed_notice(page),
            typed=typed_values(ApplicationForm(data, page=page)),
        )

    stash_key = data.get("stash", "")
    if not STASH_KEY.match(stash_key):
        stash_key = ""
    form = ApplicationForm(
        data,
        request.FILES,
        page=page,
        kept_files=kept_files(draft, stash_key),
        draft=saving,
        received=getattr(request, "received", None),
    )
    if form.is_spam:
        # Say thank you, store nothing: a bot learns nothing from the answer.
        return redirect(f"{page.url}{page.reverse_subpage('thanks')}", status=303)
    if not form.is_valid():
        form = keep_good_files(page, request, form, draft, stash_key, saving)
        return render_call(page, request, form, status=400, draft=draft)

    versions = call_versions(page)
    language = page.locale.language_code
    if draft:
        # False means a copy of this post sent the draft first; either way, show the result.
        update_draft(draft, form, versions, page, request, submit=not saving)
        draft.refresh_from_db()
        return after_storing(page, draft)

    existing = Application.objects.filter(submission_key=form.submission_key()).first()
    if existing:  # a double click, a refresh, a replay: answer with what was stored
        return after_storing(page, existing)
    if not ratelimit.hit(request, "calls"):
        # A copy of this post that arrived a moment earlier may have been stored by now.
        if existing := Application.objects.filter(submission_key=form.submission_key()).first():
            return after_storing(page, existing)
        return render_call(
            page,
            request,
            form,
            status=429,
            notice=_(
                "Many forms were sent from your connection in a short time. Wait ten minutes "
                "and send it again. Nothing you typed is lost, but choose your files again."
            ),
        )
    application, _created = store_new(form, versions, page, language, request, draft=saving)
    return after_storing(page, application)


def closed_notice(page):
    if page.state == page.State.UPCOMING:
        return _("This call is not open yet. Nothing was stored.")
    return _("This call has closed. Your application was not sent and nothing was stored.")


def kept_files(draft, stash_key):
    files = ApplicationFile.objects.none()
    if draft:
        files = files | ApplicationFile.objects.filter(application=draft)
    if stash_key:
        files = files | ApplicationFile.objects.filter(application=None, stash_key=stash_key)
    kept = {}
    for record in files.order_by("pk"):
        kept.setdefault(record.question_id, []).append(record)
    return kept


def keep_good_files(page, request, form, draft, stash_key, saving):
    """Store the acceptable files of a post with mistakes, so the applicant keeps them; the
    form is built again around them, with the messages about the files that were refused."""
    if not any(form.new_uploads.values()):
        return form
    if not ratelimit.hit(request, "calls-files"):
        form.add_error(None, _("Choose your files again when you send the form."))
        return form
    stash_key = stash_key or secrets.token_urlsafe(32)
    stash_uploads(form, stash_key)
    data = form.data.copy()
    data["stash"] = stash_key
    again = ApplicationForm(
        data, {}, page=page, kept_files=kept_files(draft, stash_key), draft=saving
    )
    again.is_valid()
    for error in form.non_field_errors():
        if error not in again.non_field_errors():
            again.add_error(None, error)
    for name, field in form.fields.items():
        if isinstance(field, UploadField):
            for error in form.errors.get(name, []):
                if error not in again.errors.get(name, []):
                    again.add_error(name, error)
    return again


def typed_values(form):
    """What the visitor typed, as (label, text), to show when nothing could be stored."""
    typed = []
    for name, field in form.fields.items():
        if name in ("website", "form_token", "draft", "stash", "consent"):
            continue
        if name.endswith(REMOVE_SUFFIX) or isinstance(field, UploadField):
            continue
        value = form.data.getlist(name) if hasattr(form.data, "getlist") else [form.data.get(name)]
        choices = dict(getattr(field, "choices", []) or [])
        text = ", ".join(str(choices.get(item, item)) for item in value if item)
        if text.strip():
            typed.append((field.label, text))
    return typed


def thanks(page, request):
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    reference = reference_from_thanks_token(request.GET.get("t", ""))
    application = (
        Application.objects.select_related("call").filter(reference=reference).first()
        if reference
        else None
    )
    response = TemplateResponse(
        request,
        "calls/open_call_thanks.html",
        {**page.get_context(request), "application": application, "subpage_route": "thanks"},
    )
    return private(response)


def draft_saved(page, request):
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    application = application_for_token(request.GET.get("t", ""), drafts_of(page))
    if application is None or not application.is_draft:
        raise Http404
    response = TemplateResponse(
        request,
        "calls/open_call_saved.html",
        {
            **page.get_context(request),
            "application": application,
            "resume_url": resume_url(application, page, request),
            "masked_email": mask_email(application.email),
            "subpage_route": "draft_saved",
        },
    )
    return private(response)


def mask_email(address):
    local, _at, domain = address.partition("@")
    return f"{local[:2]}{'•' * max(len(local) - 2, 1)}@{domain}"


def resume(page, request):
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    token = request.GET.get("t", "")
    application = application_for_token(token, drafts_of(page))
    if application is None:
        notice = _("This link to a saved application is not valid. Ask us if you need help.")
        return render_call(page, request, None, status=410, notice=notice)
    if not application.is_draft:
        notice = _("This application was sent already, with reference %(reference)s.") % {
            "reference": application.reference
        }
        return render_call(page, request, None, status=410, notice=notice)
    if not page.is_open:
        return render_call(page, request, None, status=410, notice=closed_notice(page))
    initial = {
        **{name: getattr(application, name) for name in RESUMED_FIELDS},
        **initial_from_answers(application.answers),
        "themes": list(application.themes.values_list("slug", flat=True)),
        "draft": token,
    }
    form = ApplicationForm(
        initial=initial, page=page, kept_files=kept_files(application, ""), draft=False
    )
    return render_call(page, request, form, draft=application)


RESUMED_FIELDS = [
    "name",
    "email",
    "phone",
    "role",
    "organisation",
    "municipality",
    "neighbourhood",
    "province",
    "title",
    "question",
    "summary",
    "partners",
    "budget",
]


def question_overview(page, request):
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    # Built only where the questions are rendered afresh (they are remembered).
    form = functools.cache(lambda: ApplicationForm(page=page))
    return TemplateResponse(
        request,
        "calls/open_call_questions.html",
        {
            **page.get_context(request),
            "form": form,
            "canonical_url": request.path,
            "subpage_route": "question_overview",
        },
    )


def deadline_calendar(page, request):
    if request.method not in SAFE_METHODS:
        return HttpResponseNotAllowed(SAFE_METHODS)
    body = deadline_event(page, request, now=timezone.now())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-deadline.ics"'
    return response
