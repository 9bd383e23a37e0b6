"""Registering an initiative: a draft profile in moderation (see members.registration)."""

from http import HTTPMethod

from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control

from portal.forms import BlankForm
from portal.ratelimit import hit
from portal.submissions import reference_from_thanks_token, store_once, thanks_token

from .. import registration
from ..forms import RegistrationForm
from ..models import Registration
from .common import READ_METHODS, base_context, read_only, see_other, subpage_context, subpage_url


def register(index, request):
    context = base_context(index, request)
    context.update(subpage_context(index, request, "register"))
    status = 200
    if request.method == HTTPMethod.POST:
        form = RegistrationForm(data=request.POST, received=getattr(request, "received", None))
        thanks = subpage_url(index, request, "register_thanks")
        if form.is_spam:
            return see_other(thanks)
        if form.is_valid():
            if not hit(request, "members-register"):
                context["rate_limited"] = True
                status = 429
            else:
                stored, _new = store_once(
                    Registration,
                    form,
                    build=lambda: build_registration(form),
                    after=lambda instance: after_registration(index, form, instance),
                )
                return see_other(f"{thanks}?t={thanks_token(stored)}")
    elif request.method in READ_METHODS:
        form = BlankForm(RegistrationForm)
    else:
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    context["form"] = form
    return TemplateResponse(request, "members/register.html", context, status=status)


def build_registration(form):
    data = form.cleaned_data
    return Registration(
        language=translation.get_language(),
        initiative_name=data["initiative_name"],
        kind=form.chosen_kind(),
        place=data["place"],
        province=data["province"],
        description=data["description"],
        website=data["web_address"],
        public_email=data["public_email"],
        name=data["name"],
        email=data["email"],
    )


def after_registration(index, form, instance):
    themes = form.chosen_themes()
    instance.themes.set(themes)
    page, _revision = registration.create_draft(index, instance, form.chosen_kind(), themes)
    instance.page = page
    instance.save(update_fields=["page"])
    registration.notify_received(instance, page)


def register_thanks(index, request):
    if refused := read_only(request):
        return refused
    context = base_context(index, request)
    context.update(subpage_context(index, request, "register_thanks"))
    reference = reference_from_thanks_token(request.GET.get("t", ""))
    context["registration"] = (
        Registration.objects.filter(reference=reference).first() if reference else None
    )
    context["directory_url"] = index.get_url(request)
    response = TemplateResponse(request, "members/register_thanks.html", context)
    # Shows what one visitor sent: never kept by the page cache, a proxy or a browser.
    patch_cache_control(response, private=True, no_store=True)
    return response
