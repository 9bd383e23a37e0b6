"""The admin of the directory: registrations, offers of help, kinds of organisation.

Registrations and offers arrive through the public forms and are never made or edited in
the admin. Moderators read registrations (the draft profile itself is approved in Wagtail's
moderation workflow) and reject and erase them; the people behind an initiative read the
offers of help for the profiles they may edit, and mark a need as met in one click.
"""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.choosers import SharedContentChooserViewSet
from portal.models import PersonalDataLog

from .models import HelpOffer, OrganisationKind, Registration
from .needs import mark_need_met
from .registration import reject_and_erase

# Views --------------------------------------------------------------------------------------


class ReadOnlyIndexView(generic.IndexView):
    """Rows open the inspect view; nothing is added, copied or deleted here."""

    def get_edit_url(self, instance):
        return None

    def get_copy_url(self, instance):
        return None

    def get_delete_url(self, instance):
        return None

    def get_add_url(self):
        return None


def editable_offers(user, queryset):
    """Offers of help for the profiles ``user`` may edit (all of them for a superuser)."""
    if user.is_superuser:
        return queryset
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return queryset.filter(page__in=pages.values("pk"))


class HelpOfferIndexView(ReadOnlyIndexView):
    def get_base_queryset(self):
        return editable_offers(self.request.user, super().get_base_queryset())


class HelpOfferInspectView(generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(
            editable_offers(self.request.user, HelpOffer.objects.all()), pk=self.pk
        )

    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None

    @cached_property
    def header_buttons(self):
        offer = self.object
        buttons = []
        if offer.page_id:
            buttons.append(
                HeaderButton(
                    _("Edit the profile"),
                    url=reverse("wagtailadmin_pages:edit", args=[offer.page_id]),
                    icon_name="edit",
                )
            )
        if offer.need_id and not offer.need.is_met:
            buttons.append(
                HeaderButton(
                    _("Mark the need as met"),
                    url=reverse("members_helpoffer:need_met", args=[offer.pk]),
                    icon_name="check",
                )
            )
        if offer.erased_at is None and self.request.user.has_perm("members.change_helpoffer"):
            buttons.append(
                HeaderButton(
                    _("Erase personal data"),
                    url=reverse("members_helpoffer:erase", args=[offer.pk]),
                    icon_name="bin",
                )
            )
        return buttons


class RegistrationInspectView(generic.InspectView):
    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None

    def get_page_display_value(self):
        page = self.object.page
        if page is None:
            return "-"
        state = gettext("live") if page.live else gettext("draft")
        return format_html(
            '<a href="{}">{}</a> ({})',
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            page.title,
            state,
        )

    @cached_property
    def header_buttons(self):
        registration = self.object
        buttons = []
        if registration.page_id:
            buttons.append(
                HeaderButton(
                    _("Check the draft profile"),
                    url=reverse("wagtailadmin_pages:edit", args=[registration.page_id]),
                    icon_name="edit",
                )
            )
        if registration.erased_at is None and self.request.user.has_perm(
            "members.erase_registration"
        ):
            label = (
                _("Reject and erase")
                if registration.status == Registration.Status.PENDING
                else _("Erase personal data")
            )
            buttons.append(
                HeaderButton(
                    label,
                    url=reverse("members_registration:erase", args=[registration.pk]),
                    icon_name="bin",
                )
            )
        return buttons


def confirm(request, *, title, message, action_label, back_url, object_label):
    return TemplateResponse(
        request,
        "members/admin/confirm.html",
        {
            "page_title": title,
            "header_title": title,
            "subtitle": object_label,
            "message": message,
            "action_label": action_label,
            "back_url": back_url,
        },
    )


@permission_required("members.erase_registration", raise_exception=True)
@require_http_methods(["GET", "POST"])
def erase_registration(request, pk):
    registration = get_object_or_404(Registration, pk=pk)
    back = reverse("members_registration:inspect", args=[pk])
    if registration.erased_at is not None:
        return redirect(back)
    pending = registration.status == Registration.Status.PENDING
    if request.method == "POST":
        email = registration.email
        reject_and_erase(registration, request.user, notify=bool(request.POST.get("notify")))
        PersonalDataLog.record(
            PersonalDataLog.Action.ERASE,
            PersonalDataLog.Source.ADMIN,
            [registration],
            email=email,
            user=request.user,
        )
        messages.success(
            request,
            gettext("Registration %(reference)s is erased.")
            % {"reference": registration.reference},
        )
        return redirect(reverse("members_registration:index"))
    if pending:
        message = gettext(
            "The draft profile is deleted, the contact person's name and e-mail address are "
            "erased, and the registration is marked as rejected. This cannot be undone."
        )
    else:
        message = gettext(
            "The contact person's name and e-mail address are erased from this registration "
            "and from the profile's private contact details. The published profile stays."
        )
    response = confirm(
        request,
        title=gettext("Reject and erase") if pending else gettext("Erase personal data"),
        message=message,
        action_label=gettext("Yes, erase"),
        back_url=back,
        object_label=str(registration),
    )
    response.context_data["offer_notify"] = pending
    return response


def _offer_for(request, pk):
    return get_object_or_404(editable_offers(request.user, HelpOffer.objects.all()), pk=pk)


@permission_required("members.view_helpoffer", raise_exception=True)
@require_http_methods(["GET", "POST"])
def need_met(request, pk):
    offer = _offer_for(request, pk)
    back = reverse("members_helpoffer:inspect", args=[pk])
    if offer.need_id is None:
        return redirect(back)
    if request.method == "POST":
        outcome = mark_need_met(offer.need, request.user)
        if outcome is None:
            raise PermissionDenied
        messages.success(request, outcome)
        return redirect(back)
    return confirm(
        request,
        title=gettext("Mark the need as met"),
        message=gettext(
            "“%(need)s” is then shown as met on the profile, in every language, and takes no "
            "more offers."
        )
        % {"need": offer.need.description},
        action_label=gettext("Yes, it is met"),
        back_url=back,
        object_label=offer.initiative_name,
    )


@permission_required("members.change_helpoffer", raise_exception=True)
@require_http_methods(["GET", "POST"])
def erase_offer(request, pk):
    offer = _offer_for(request, pk)
    back = reverse("members_helpoffer:inspect", args=[pk])
    if request.method == "POST":
        email = offer.email
        offer.erase_personal_data()
        PersonalDataLog.record(
            PersonalDataLog.Action.ERASE,
            PersonalDataLog.Source.ADMIN,
            [offer],
            email=email,
            user=request.user,
        )
        messages.success(
            request, gettext("Offer %(reference)s is erased.") % {"reference": offer.reference}
        )
        return redirect(reverse("members_helpoffer:index"))
    return confirm(
        request,
        title=gettext("Erase personal data"),
        message=gettext(
            "The helper's name, e-mail address and message are erased. This cannot be undone."
        ),
        action_label=gettext("Yes, erase"),
        back_url=back,
        object_label=str(offer),
    )


# Viewsets ----------------------------------------------------------------------------------


class ReadOnlyViewSet(ModelViewSet):
    index_view_class = ReadOnlyIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_admin_menu = False
    extra_urls = []

    def get_urlpatterns(self):
        # Only the listing and the inspect view; "edit" leads to the inspect view, so that
        # Wagtail's links to an object (history, references) still arrive somewhere useful.
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("edit/<int:pk>/", self.inspect_view, name="edit"),
            *[path(route, view, name=name) for route, view, name in self.extra_urls],
        ]


class RegistrationViewSet(ReadOnlyViewSet):
    model = Registration
    icon = "form"
    menu_label = _("Registrations")
    url_prefix = "members/registrations"
    url_namespace = "members_registration"
    inspect_view_class = RegistrationInspectView
    list_display = ["initiative_name", "reference", "place", "status", "language", "created_at"]
    list_filter = ["status", "language", "province"]
    search_fields = ["initiative_name", "reference", "place"]
    ordering = ["-created_at"]
    inspect_view_fields = [
        "reference",
        "status",
        "initiative_name",
        "kind",
        "place",
        "province",
        "themes",
        "description",
        "website",
        "public_email",
        "name",
        "email",
        "language",
        "consent_at",
        "created_at",
        "decided_at",
        "erased_at",
        "page",
    ]
    list_export = [
        "reference",
        "status",
        "initiative_name",
        "place",
        "province",
        "language",
        "created_at",
        "decided_at",
    ]
    export_filename = "registrations"
    extra_urls = [("erase/<int:pk>/", erase_registration, "erase")]


class HelpOfferViewSet(ReadOnlyViewSet):
    model = HelpOffer
    icon = "help"
    menu_label = _("Offers of help")
    url_prefix = "members/offers"
    url_namespace = "members_helpoffer"
    index_view_class = HelpOfferIndexView
    inspect_view_class = HelpOfferInspectView
    list_display = [
        "initiative_name",
        "reference",
        "need_kind",
        "name",
        "relayed_to",
        "created_at",
    ]
    list_filter = ["need_kind", "relayed_to", "language"]
    search_fields = ["initiative_name", "reference", "need_description"]
    ordering = ["-created_at"]
    inspect_view_fields = [
        "reference",
        "initiative_name",
        "page",
        "need_kind",
        "need_description",
        "name",
        "email",
        "message",
        "relayed_to",
        "language",
        "consent_at",
        "created_at",
        "erased_at",
    ]
    extra_urls = [
        ("need-met/<int:pk>/", need_met, "need_met"),
        ("erase/<int:pk>/", erase_offer, "erase"),
    ]


class OrganisationKindViewSet(SnippetViewSet):
    model = OrganisationKind
    chooser_viewset_class = SharedContentChooserViewSet
    icon = "tag"
    menu_label = _("Kinds of organisation")
    list_display = ["name", "slug", "sort_order"]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
    add_to_admin_menu = False


class MembersViewSetGroup(ViewSetGroup):
    items = (RegistrationViewSet, HelpOfferViewSet, OrganisationKindViewSet)
    menu_icon = "group"
    menu_label = _("Initiatives")
    menu_name = "initiatives"
