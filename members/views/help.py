""" "Ik kan helpen": an offer of help with one of a profile's open needs."""

from http import HTTPMethod

from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from wagtail.models import Locale

from portal.mail import queue_mail, staff_addresses
from portal.models import SiteSettings
from portal.ratelimit import hit
from portal.submissions import reference_from_thanks_token, store_once, thanks_token

from ..forms import HelpOfferForm
from ..models import HelpOffer, Need
from .common import READ_METHODS, base_context, read_only, see_other, subpage_context, subpage_url


def offer_help(page, request):
    open_needs = [need for need in page.needs.all() if not need.is_met]
    context = base_context(page, request)
    context.update(subpage_context(page, request, "help"))
    if not open_needs:
        return no_open_needs(page, request, context)
    status = 200
    if request.method == HTTPMethod.POST:
        form = HelpOfferForm(
            data=request.POST, needs=open_needs, received=getattr(request, "received", None)
        )
        thanks = subpage_url(page, request, "help_thanks")
        if form.is_spam:
            return see_other(thanks)
        if form.is_valid():
            if not hit(request, "members-help"):
                context["rate_limited"] = True
                status = 429
            else:
                need = next(n for n in open_needs if n.pk == form.cleaned_data["need"])
                stored, _new = store_once(
                    HelpOffer,
                    form,
                    build=lambda: build_offer(page, need, form),
                    after=lambda offer: relay_offer(page, offer, request),
                )
                return see_other(f"{thanks}?t={thanks_token(stored)}")
    elif request.method in READ_METHODS:
        chosen = request.GET.get("need", "")
        initial = {"need": int(chosen)} if chosen.isdigit() else {}
        form = HelpOfferForm(needs=open_needs, initial=initial)
    else:
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    context.update({"form": form, "open_needs": open_needs, "profile_url": page.get_url(request)})
    return TemplateResponse(request, "members/offer_help.html", context, status=status)


def no_open_needs(page, request, context):
    """The page of an initiative that asks for nothing (any more): says so, and where else
    help is wanted. A post (the form was opened before the last need was met) stores
    nothing and shows the message that was typed, so that it is not lost."""
    if request.method not in (*READ_METHODS, HTTPMethod.POST):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    directory = page.get_parent()
    directory_url = directory.get_url(request) or ""
    context.update(
        {
            "form": None,
            "profile_url": page.get_url(request),
            "directory_url": directory_url,
            "needs_elsewhere": [
                (label, f"{directory_url}?need={code}") for code, label in Need.choices
            ],
            "typed_message": request.POST.get("message", "")
            if request.method == HTTPMethod.POST
            else "",
        }
    )
    # 409 for a post: what it asked for is no longer there; nothing was stored.
    status = 409 if request.method == HTTPMethod.POST else 200
    response = TemplateResponse(request, "members/offer_help.html", context, status=status)
    if status != 200:
        patch_cache_control(response, private=True, no_store=True)
    return response


def build_offer(page, need, form):
    data = form.cleaned_data
    return HelpOffer(
        language=translation.get_language(),
        page=page,
        need=need,
        initiative_name=page.title,
        need_kind=need.kind,
        need_description=need.description,
        name=data["name"],
        email=data["email"],
        message=data["message"],
        relayed_to=(
            HelpOffer.Recipient.INITIATIVE if page.contact_email else HelpOffer.Recipient.STAFF
        ),
    )


def contact_language(page):
    """The initiative's own language: Dutch, unless its profile exists only in English."""
    default = settings.LANGUAGE_CODE
    if page.locale.language_code == default or page.has_translation(
        Locale.objects.get(language_code=default)
    ):
        return default
    return page.locale.language_code


def relay_offer(page, offer, request):
    """The message to the initiative (its address never leaves the server), a copy to the
    helper; both queued after the commit, so a mail outage loses nothing."""
    context = {
        "offer": offer,
        "initiative": page.title,
        "profile_url": page.get_full_url(request),
        # Initiatives cannot edit their profile yet: the editors mark a need as met.
        "editors_email": SiteSettings.load(request_or_site=request).contact_email,
    }
    if offer.relayed_to == HelpOffer.Recipient.INITIATIVE:
        recipients = [page.contact_email]
    else:
        recipients = staff_addresses("members.view_helpoffer")
    queue_mail(
        to=recipients,
        template="members/mail/help_offer",
        context=context,
        language=contact_language(page),
        reply_to=[offer.email],
    )
    queue_mail(
        to=offer.email,
        template="members/mail/help_offer_copy",
        context=context,
        language=offer.language,
    )


def offer_help_thanks(page, request):
    if refused := read_only(request):
        return refused
    context = base_context(page, request)
    context.update(subpage_context(page, request, "help_thanks"))
    reference = reference_from_thanks_token(request.GET.get("t", ""))
    context["offer"] = HelpOffer.objects.filter(reference=reference).first() if reference else None
    context["profile_url"] = page.get_url(request)
    response = TemplateResponse(request, "members/offer_help_thanks.html", context)
    # Shows what one visitor sent: never kept by the page cache, a proxy or a browser.
    patch_cache_control(response, private=True, no_store=True)
    return response
