from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets.button import Button
from wagtail.models import Page

from livinglabs.models import LivingLabPage
from portal.audiences import WayIn
from portal.choices import roles_of
from portal.dashboard import queue_of
from portal.home import HomeSection
from portal.i18n import active_locale

from .models import Application, OpenCallPage, Question, QuestionPage
from .permissions import visible_applications
from .viewsets import OpenCallViewSetGroup


@hooks.register("register_admin_viewset")
def register_open_call_viewsets():
    return OpenCallViewSetGroup()


@hooks.register("register_admin_viewset")
def register_question_viewset():
    from .questions.viewsets import QuestionViewSet

    return QuestionViewSet()


@hooks.register("register_page_header_buttons")
def application_of_lab(page, user, view_name, next_url=None):
    """The other half of the link between an accepted application and its lab."""
    if not isinstance(page, LivingLabPage):
        return
    for application in visible_applications(user).filter(lab=page).only("pk", "reference"):
        yield Button(
            _("Application %(reference)s") % {"reference": application.reference},
            url=reverse("applications:detail", args=[application.pk]),
            icon_name="form",
            priority=90,
        )


@hooks.register("portal_page_provenance")
def application_of_lab_note(page, user):
    """At the top of a lab's editor: the application it was made from, and by whom; the
    reference links to the application for those who may see it."""
    if not isinstance(page, LivingLabPage):
        return None
    application = Application.objects.filter(lab=page).only("pk", "reference").first()
    if application is None:
        return None
    reference = application.reference
    if visible_applications(user).filter(pk=application.pk).exists():
        url = reverse("applications:detail", args=[application.pk])
        reference = format_html('<a href="{}">{}</a>', url, reference)
    owner = page.owner
    if owner is None:
        return format_html(_("Created from application {reference}."), reference=reference)
    return format_html(
        _("Created from application {reference} by {user}."),
        reference=reference,
        user=owner.get_full_name() or owner.get_username(),
    )


def refuse_losing_applications(request, pages):
    """Applications are never lost with their call (or a page above it): refuse, say why."""
    query = Q()
    for page in pages:
        query |= Q(call__path__startswith=page.path)
    count = Application.objects.filter(query).count() if pages else 0
    if not count:
        return None
    messages.error(
        request,
        ngettext(
            "This call has %(count)s application, so it cannot be deleted. Unpublish it instead.",
            "This call has %(count)s applications, so it cannot be deleted. Unpublish it instead.",
            count,
        )
        % {"count": count},
    )
    return redirect("wagtailadmin_explore", pages[0].get_parent().pk)


@hooks.register("before_delete_page")
def keep_calls_with_applications(request, page):
    return refuse_losing_applications(request, [page])


@hooks.register("before_bulk_action")
def keep_calls_with_applications_in_bulk(request, action_type, objects, action):
    if action_type == "delete":
        pages = [item for item in objects if isinstance(item, Page)]
        return refuse_losing_applications(request, pages)
    return None


@hooks.register("portal_home_sections", order=5)
def open_call(request, home_page):
    call = (
        OpenCallPage.objects.visible()
        .filter(locale=active_locale(), closes_at__gt=timezone.now())
        .order_by("closes_at")
        .first()
    )
    if not call:
        return None
    return HomeSection("calls/includes/home_section.html", {"call": call})


@hooks.register("portal_home_sections", order=6)
def questions(request, home_page):
    """ "Breng je vraag in", with the latest published questions and where they stand."""
    from .questions.views import public_questions, subpage_url

    page = QuestionPage.objects.visible().filter(locale=active_locale()).first()
    if not page:
        return None
    latest = list(public_questions(page)[:3])
    for question in latest:
        question.url = subpage_url(page, request, "question", reference=question.reference)
    return HomeSection(
        "calls/includes/question_home_section.html", {"page": page, "questions": latest}
    )


@hooks.register("portal_work_queues")
def applications_to_review(request):
    """Submitted applications of the calls this reviewer is assigned to."""
    if not request.user.has_perm("calls.view_application"):
        return None
    return queue_of(
        visible_applications(request.user).filter(status=Application.Status.SUBMITTED),
        _("Applications to review"),
        reverse("applications:index") + "?status=submitted",
        waiting_since="submitted_at",
        order=10,
    )


@hooks.register("portal_work_queues")
def questions_to_answer(request):
    """Questions not answered yet (spam aside): the asker waits for an editor."""
    if not request.user.has_perm("calls.change_question"):
        return None
    waiting = Question.objects.filter(erased_at=None, state=Question.State.RECEIVED).exclude(
        status=Question.Status.SPAM
    )
    return queue_of(
        waiting,
        _("Questions waiting for an answer"),
        reverse("questions:index") + "?state=received",
        order=20,
    )


@hooks.register("portal_audience_sections", order=30)
def call_for_audience(request, audience):
    """What the newest call of this language says to an audience (its notes ticked for it).
    Whether the call is open is shown with the way in to apply, read at each request."""
    call = (
        OpenCallPage.objects.visible()
        .filter(locale=active_locale())
        .order_by("-closes_at", "-pk")
        .first()
    )
    notes = call.notes_for(audience) if call else []
    if not notes:
        return None
    return HomeSection("calls/includes/audience_call_section.html", {"call": call, "notes": notes})


@hooks.register("portal_audience_sections", order=40)
def questions_for_audience(request, audience):
    """The latest published questions from askers in this audience's lane (their role), and
    the question page filtered to all of them."""
    from .questions.views import public_questions, subpage_url

    page = QuestionPage.objects.visible().filter(locale=active_locale()).first()
    if not page:
        return None
    asked = public_questions(page).filter(role__in=roles_of(audience))
    latest = list(asked[:3])
    if not latest:
        return None
    for question in latest:
        question.url = subpage_url(page, request, "question", reference=question.reference)
    return HomeSection(
        "calls/includes/audience_question_section.html",
        {
            "page": page,
            "questions": latest,
            "count": asked.count(),
            "list_url": f"{page.get_url(request)}?{urlencode({'audience': audience})}"
            "#questions-title",
        },
    )


@hooks.register("portal_audience_ways_in", order=10)
def ways_in_to_ask_and_apply(request, audience):
    """Bring in a question, for everyone; apply to each call of this language that has not
    closed when the lane is built (the lane drops it once it closes)."""
    ways = []
    page = QuestionPage.objects.visible().filter(locale=active_locale()).first()
    if page:
        ways.append(
            WayIn(
                url=page.get_url(request),
                label=_("Bring in your question"),
                text=_(
                    "Ask the network; we answer, and with your consent publish the question "
                    "so that others learn from it too."
                ),
            )
        )
    calls = (
        OpenCallPage.objects.visible()
        .filter(locale=active_locale())
        .order_by("-closes_at", "-pk")[:3]
    )
    for call in calls:
        ways.append(
            WayIn(
                url=call.get_url(request),
                label=_("Apply to the open call"),
                text=call.title,
                opens_at=call.opens_at,
                closes_at=call.closes_at,
            )
        )
    return ways


@hooks.register("portal_sitemap_entries")
def question_sitemap_entries(request):
    """Each published question, at its address under every language's question page."""
    pages = {}
    for page in QuestionPage.objects.visible().select_related("locale"):
        pages.setdefault(page.translation_key, []).append(page)
    questions = (
        Question.objects.public()
        .filter(page__translation_key__in=pages)
        .values_list("reference", "published_at", "answered_at", "page__translation_key")
    )
    for reference, published_at, answered_at, key in questions:
        lastmod = max(filter(None, [published_at, answered_at]), default=None)
        yield {
            page.locale.language_code: (
                page.get_full_url(request)
                + page.reverse_subpage("question", kwargs={"reference": reference}).lstrip("/"),
                lastmod,
            )
            for page in pages[key]
        }


@hooks.register("portal_load_demo", order=50)
def load_calls_demo(demo):
    from .demo import load_calls

    load_calls(demo)


@hooks.register("portal_generate_scale_data", order=50)
def generate_calls_scale_data(scale):
    from .scale import generate_applications

    generate_applications(scale)
