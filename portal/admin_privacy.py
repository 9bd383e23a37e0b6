"""Settings → Personal data of a person: export (JSON, readable page) and erase by e-mail.

Only users with ``portal.manage_personal_data`` (superusers, or a group given it) get here.
Every export and erasure is written to ``PersonalDataLog``, which keeps the address only as
a keyed hash. The address travels in posts, never in a URL, so it stays out of access logs.
"""

import json

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from .models import PersonalDataLog
from .privacy import erase_for_email, export_for_email, find_for_email

PERMISSION = "portal.manage_personal_data"
ACTIONS = ("find", "json", "html", "erase")


class PersonForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    confirm = forms.BooleanField(
        label=_("Yes, erase all of it. This cannot be undone."), required=False
    )


def _summary(found):
    return [
        {
            "kind": capfirst(model._meta.verbose_name_plural),
            "code": model.privacy_kind(),
            "submissions": rows,
        }
        for model, rows in found.items()
    ]


def _log_export(found, email, user):
    PersonalDataLog.record(
        PersonalDataLog.Action.EXPORT,
        PersonalDataLog.Source.ADMIN,
        [submission for rows in found.values() for submission in rows],
        email=email,
        user=user,
    )


@never_cache
@permission_required(PERMISSION, raise_exception=True)
@require_http_methods(["GET", "POST"])
def person(request):
    form = PersonForm(request.POST or None)
    context = {
        "page_title": gettext("Personal data of a person"),
        "header_title": gettext("Personal data of a person"),
        "form": form,
        "log": PersonalDataLog.objects.select_related(None)[:20],
    }
    action = request.POST.get("action", "find")
    if request.method == "POST" and action in ACTIONS and form.is_valid():
        email = form.cleaned_data["email"]
        if action == "erase":
            if not form.cleaned_data["confirm"]:
                form.add_error("confirm", gettext("Tick the box to confirm the erasure."))
            else:
                count = erase_for_email(email, user=request.user)
                messages.success(
                    request,
                    gettext("The personal data in %(count)s submissions has been erased.")
                    % {"count": count},
                )
                return redirect(reverse("portal_personal_data"))
        found = find_for_email(email)
        if action == "json":
            _log_export(found, email, request.user)
            body = json.dumps(export_for_email(email, found), indent=2, ensure_ascii=False)
            response = HttpResponse(body, content_type="application/json; charset=utf-8")
            stamp = timezone.localdate().isoformat()
            response["Content-Disposition"] = f'attachment; filename="personal-data-{stamp}.json"'
            return response
        if action == "html":
            _log_export(found, email, request.user)
            return TemplateResponse(
                request,
                "portal/admin/personal_data_export.html",
                {
                    "email": email,
                    "generated_at": timezone.now(),
                    "kinds": [
                        {
                            "kind": item["kind"],
                            "rows": [s.export_data() for s in item["submissions"]],
                        }
                        for item in _summary(found)
                    ],
                },
            )
        context["email"] = email
        context["found"] = _summary(found)
    return TemplateResponse(request, "portal/admin/personal_data.html", context)
