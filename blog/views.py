"""Reactions: posted to the story itself, answered with a redirect to the story again.

The handler never uses the session or ``request.user`` (portal.routing explains why page
posts skip the CSRF check). A thank-you link carries a signed token, so that the writer,
and only someone holding that link, sees the reaction while it waits for moderation.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import gettext

from portal import ratelimit
from portal.content import remember
from portal.forms import BlankForm
from portal.mail import queue_mail, staff_addresses
from portal.submissions import reference_from_thanks_token, store_once, thanks_token

from .forms import ReactionForm
from .models import Reaction

THANKS_PARAM = "reaction"
RATE_LIMIT_SCOPE = "blog-reaction"
MODERATOR_PERMISSION = "blog.change_reaction"


class HttpResponseSeeOther(HttpResponseRedirect):
    status_code = 303


def post_reaction(request, page):
    form = ReactionForm(request.POST, received=getattr(request, "received", None))
    valid = form.is_valid()
    if not page.reactions_open:
        form.add_error(None, gettext("This story is closed for reactions."))
        return render_with_form(request, page, form, status=403)
    if not valid:
        return render_with_form(request, page, form, status=400)
    if not ratelimit.hit(request, RATE_LIMIT_SCOPE):
        form.add_error(
            None,
            gettext(
                "You have sent several reactions in a short time. Please wait a few minutes "
                "and send it again; what you wrote is still here."
            ),
        )
        return render_with_form(request, page, form, status=429)

    spam = form.is_spam

    def build():
        return Reaction(
            page=page,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            text=form.cleaned_data["text"],
            status=Reaction.Status.SPAM if spam else Reaction.Status.PENDING,
        )

    def notify(reaction):
        if spam:
            return
        queue_mail(
            to=reaction.email,
            template="blog/mail/reaction_received",
            context={"reaction": reaction, "story_title": page.title},
            language=reaction.language,
        )
        queue_mail(
            to=staff_addresses(MODERATOR_PERMISSION),
            template="blog/mail/reaction_notice",
            context={
                "reaction": reaction,
                "story_title": page.title,
                "story_url": page.get_full_url(request),
                "moderation_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("wagtailsnippets_blog_reaction:edit", args=[reaction.pk]),
                "list_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("wagtailsnippets_blog_reaction:list")
                + "?status=pending",
            },
            language=settings.LANGUAGE_CODE,
        )

    # A bot that filled in the honeypot is answered like anyone else and its post kept as
    # spam, out of sight, so that it learns nothing and a moderator can still rescue it.
    reaction, _new = store_once(Reaction, form, build, after=notify)
    query = urlencode({THANKS_PARAM: thanks_token(reaction)})
    return HttpResponseSeeOther(f"{page.get_url(request)}?{query}#reaction-{reaction.reference}")


def render_with_form(request, page, form, status):
    context = page.get_context(request, reaction_form=form)
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    patch_cache_control(response, private=True, no_store=True)
    return response


def reaction_context(request, page, form=None):
    """What the reactions section shows: the approved ones, the writer's own pending one,
    and the form (a fresh one, or the one just posted with its errors)."""
    own = None
    if token := request.GET.get(THANKS_PARAM):
        reference = reference_from_thanks_token(token)
        if reference and page.pk:
            own = Reaction.objects.filter(reference=reference, page_id=page.pk).first()
    # Approving, taking back or erasing a reaction bumps the content version (blog.apps).
    approved = (
        remember(
            "approved-reactions",
            page.pk,
            build=lambda: list(page.reactions.approved().order_by("created_at", "pk")),
        )
        if page.pk
        else []
    )
    return {
        "reactions": approved,
        "own_reaction": own,
        "own_reaction_waits": bool(own and own.status != Reaction.Status.APPROVED),
        "reaction_form": form
        if form is not None
        else (BlankForm(ReactionForm) if page.reactions_open else None),
    }
