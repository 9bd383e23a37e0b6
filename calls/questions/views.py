"""The question page's routes: the list with its filters and the form, the thank-you page,
and one question's path (see QuestionPage's @path routes).

Like every public form here these never use the session or ``request.user``: page
requests skip the CSRF check (portal.routing) and a visitor without cookies can ask.
The list costs the same number of queries however many questions there are: a count, a
page of questions with their theme, call and lab, and the translations of those pages.
"""

from http import HTTPMethod

from django import forms
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal import ratelimit
from portal.choices import Audience, roles_of
from portal.content import remember_many
from portal.filters import key_of, lenient, not_for_caches, query_without
from portal.forms import BlankForm
from portal.i18n import localize_pages, localize_themes, themes_of_locale
from portal.pagination import paginate
from portal.submissions import reference_from_thanks_token, store_once, thanks_token

from ..models import Question
from . import steps
from .forms import QuestionForm

PER_PAGE = 10
RATE_LIMIT_SCOPE = "calls-question"
READ_METHODS = (HTTPMethod.GET, HTTPMethod.HEAD)
# What the list says about a value a filter does not know; it leaves that filter out.
UNKNOWN = {
    "theme": _("There is no theme “%(value)s”, so the list shows all themes."),
    "state": _("There is no state “%(value)s”, so the list shows questions in every state."),
    "audience": _("There is no audience “%(value)s”, so the list shows questions from everyone."),
}


class QuestionFilterForm(forms.Form):
    """Filters in the address: a theme's slug, a state code and an audience code (the lane
    of the asker's role), the same in both languages."""

    theme = forms.ChoiceField(label=_("Theme"), required=False)
    state = forms.ChoiceField(label=_("State"), required=False)
    audience = forms.ChoiceField(label=_("Asked by"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = ("", gettext("All"))
        self.fields["theme"].choices = [everything] + [
            (theme.slug, theme.name)
            for theme in sorted(
                themes_of_locale().values(), key=lambda theme: (theme.sort_order, theme.name)
            )
        ]
        self.fields["state"].choices = [everything] + list(Question.State.choices)
        self.fields["audience"].choices = [everything] + [
            (code, capfirst(label)) for code, label in Audience.choices
        ]
        for field in self.fields.values():
            field.error_messages["invalid_choice"] = _("There is no such choice: “%(value)s”.")

    @property
    def is_filtered(self):
        return self.is_valid() and any(self.cleaned_data.values())


def see_other(url):
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def private(response):
    """Personal data or a secret link: for this visitor's browser only, never for a cache."""
    patch_cache_control(response, private=True, no_store=True)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def subpage_url(page, request, name, **kwargs):
    return (page.get_url(request) or "") + page.reverse_subpage(name, kwargs=kwargs).lstrip("/")


def public_questions(page):
    """The published questions of every language version of ``page``, newest first."""
    return (
        Question.objects.public()
        .filter(page__translation_key=page.translation_key)
        .select_related("theme", "call", "lab")
        .order_by("-created_at", "-pk")
    )


def with_links(questions, request):
    """Each question with its theme, call and lab in the visitor's language: one query for
    the translated pages of the whole list, none per question."""
    questions = list(questions)
    pages = [page for question in questions for page in (question.call, question.lab) if page]
    translated = dict(zip([page.pk for page in pages], localize_pages(pages), strict=True))
    for question in questions:
        question.theme_shown = localize_themes([question.theme])[0] if question.theme else None
        call = translated.get(question.call_id)
        lab = translated.get(question.lab_id)
        question.call_url = call.get_url(request) if call else ""
        question.call_title = call.title if call else ""
        question.lab_url = lab.get_url(request) if lab else ""
        question.lab_title = lab.title if lab else ""
    return questions


def question_items(page, ids, request):
    """Each published question as shown in the list (HTML), in the order of ``ids``:
    remembered per question, page, language and content version (portal.content; every
    change to a public question bumps it), so the list reads only ids once they are known."""

    def build(missing):
        questions = with_links(public_questions(page).filter(pk__in=missing), request)
        for question in questions:
            question.url = subpage_url(page, request, "question", reference=question.reference)
        return {
            question.pk: render_to_string(
                "calls/includes/question.html", {"question": question}, request
            )
            for question in questions
        }

    language = translation.get_language()
    found = remember_many("question-item", ids, page.pk, language, build=build)
    return [found[pk] for pk in ids if pk in found]


def listing_context(page, request, form=None):
    data = {name: request.GET.get(name, "") for name in QuestionFilterForm.base_fields}
    filters, unknown = lenient(QuestionFilterForm, data, tuple(data), UNKNOWN, auto_id="filter_%s")
    questions = public_questions(page)
    if theme := filters.cleaned_data["theme"]:
        # A question's theme is a row of the asker's language; slugs are shared.
        questions = questions.filter(theme__slug=theme)
    if state := filters.cleaned_data["state"]:
        questions = questions.filter(state=state)
    if audience := filters.cleaned_data.get("audience"):
        questions = questions.filter(role__in=roles_of(audience))
    listing = (
        paginate(
            request,
            questions.values_list("pk", flat=True),
            PER_PAGE,
            remember_as=("questions", page.pk),
            filters=filters.cleaned_data,
        )
        if page.pk
        else None
    )
    return {
        "filters": filters,
        "filters_key": key_of(filters.cleaned_data),
        "unknown_filters": unknown,
        "clean_url": (page.get_url(request) or "")
        + query_without(request, [item.name for item in unknown])
        + "#questions-title",
        "questions": listing,
        "question_items": question_items(page, list(listing.object_list), request)
        if listing is not None
        else [],
        "form": form if form is not None else BlankForm(QuestionForm),
        "thanks_url": subpage_url(page, request, "thanks") if page.pk else "",
    }


def render_page(page, request, form=None, status=200):
    context = page.get_context(request, form=form)
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    if form is not None:
        private(response)
    elif context["unknown_filters"]:
        not_for_caches(response)
    return response


def question_page(page, request):
    if request.method == HTTPMethod.POST:
        return post_question(page, request)
    if request.method not in READ_METHODS:
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    return render_page(page, request)


def post_question(page, request):
    form = QuestionForm(request.POST, received=getattr(request, "received", None))
    thanks = subpage_url(page, request, "thanks")
    if not form.is_valid():
        return render_page(page, request, form, status=400)
    existing = Question.objects.filter(submission_key=form.submission_key()).first()
    if existing:  # a double click, a refresh, a replay: answer with what was stored
        return see_other(f"{thanks}?t={thanks_token(existing)}")
    if not ratelimit.hit(request, RATE_LIMIT_SCOPE):
        form.add_error(
            None,
            gettext(
                "You have sent several questions in a short time. Please wait a few minutes "
                "and send it again; what you typed is still here."
            ),
        )
        return render_page(page, request, form, status=429)

    spam = form.is_spam
    data = form.cleaned_data

    def build():
        return Question(
            page=page,
            language=translation.get_language(),
            name=data["name"],
            email=data["email"],
            role=data["role"],
            municipality=data["municipality"],
            theme=form.chosen_theme(),
            text=data["text"],
            publish_as=data["publish_as"],
            public_name=data["public_name"],
            status=Question.Status.SPAM if spam else Question.Status.PENDING,
        )

    def after(question):
        # A bot that filled in the honeypot is answered like anyone else; its post is kept
        # as spam, out of sight, without mail, so that it learns nothing.
        if not spam:
            steps.received(question)

    question, _new = store_once(Question, form, build, after=after)
    return see_other(f"{thanks}?t={thanks_token(question)}")


def base_context(page, request, route=None):
    """What every page gets (BasePage), without the list; a named route also gets its
    canonical address and the same route in the other language (portal_tags)."""
    from portal.models import BasePage

    context = BasePage.get_context(page, request)
    if route:
        name, kwargs = (route, {}) if isinstance(route, str) else route
        context["subpage_route"] = route
        context["canonical_url"] = subpage_url(page, request, name, **kwargs)
    return context


def thanks(page, request):
    if request.method not in READ_METHODS:
        return HttpResponseNotAllowed(["GET", "HEAD"])
    reference = reference_from_thanks_token(request.GET.get("t", ""))
    question = Question.objects.filter(reference=reference).first() if reference else None
    context = base_context(page, request, "thanks")
    context["question"] = question
    if question and question.status != Question.Status.SPAM:
        context["follow_url"] = (
            subpage_url(page, request, "question", reference=question.reference)
            + f"?t={steps.follow_token(question)}"
        )
    return private(TemplateResponse(request, "calls/question_thanks.html", context))


def question_detail(page, request, reference):
    """One question's path: for everyone once published, for the asker through their link."""
    if request.method not in READ_METHODS:
        return HttpResponseNotAllowed(["GET", "HEAD"])
    question = (
        Question.objects.filter(
            reference=reference, page__translation_key=page.translation_key, erased_at=None
        )
        .exclude(status=Question.Status.SPAM)
        .select_related("theme", "call", "lab")
        .first()
    )
    if question is None:
        raise Http404(gettext("There is no such question."))
    token = request.GET.get("t")
    is_asker = bool(token) and steps.reference_from_follow_token(token) == question.reference
    if not question.is_public and not is_asker:
        raise Http404(gettext("There is no such question."))
    (question,) = with_links([question], request)
    context = base_context(page, request, ("question", {"reference": question.reference}))
    context.update(
        {
            "question": question,
            "is_asker": is_asker,
            "changes": question.changes.filter(field="state") if is_asker else None,
        }
    )
    response = TemplateResponse(request, "calls/question_detail.html", context)
    if is_asker:
        private(response)
    return response
