"""Review screens: one application, its files, its status and its scores.

Each view finds the application in ``visible_applications(user)``: an application of a
call the user is not assigned to answers 404, the same as one that does not exist.
"""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from portal.i18n import localize_themes

from .answers import answer_rows
from .lab import NoLabIndex, create_lab
from .models import Application, ApplicationFile, Review, StatusChange
from .permissions import visible_applications

DETAIL_FIELDS = [
    "title",
    "name",
    "email",
    "phone",
    "role",
    "organisation",
    "municipality",
    "neighbourhood",
    "province",
    "question",
    "summary",
    "partners",
    "budget",
    "language",
]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("New status"))
    note = forms.CharField(
        label=gettext_lazy("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=gettext_lazy("Why: kept in the history with your name."),
    )

    def __init__(self, *args, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [
            (code, label)
            for code, label in Application.Status.choices
            if code not in (current, Application.Status.DRAFT)
        ]


class DeclarationForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=gettext_lazy("Conflict of interest"),
        choices=[
            ("no", gettext_lazy("I have no conflict of interest with this application")),
            ("yes", gettext_lazy("I have a conflict of interest: I do not review it")),
        ],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        help_text=gettext_lazy(
            "A conflict is a personal, financial or working tie with the applicant, their "
            "organisation or a partner."
        ),
    )


class ScoreForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Comment"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for block in self.criteria:
            self.fields[f"c_{block.id}"] = forms.TypedChoiceField(
                label=block.value["label"],
                help_text=block.value["description"],
                choices=[("", "—")] + [(n, str(n)) for n in range(block.value["max_score"] + 1)],
                coerce=int,
            )
        self.order_fields([f"c_{block.id}" for block in self.criteria] + ["comment"])

    def scores(self):
        return {block.id: self.cleaned_data[f"c_{block.id}"] for block in self.criteria}

    def percentage(self):
        highest = sum(block.value["max_score"] for block in self.criteria)
        total = sum(self.scores().values())
        return (Decimal(total) * 100 / highest).quantize(Decimal("0.1")) if highest else None


def sees_all_scores(user, own_review):
    """Other reviewers' scores stay hidden until one's own is in (superusers see them)."""
    return user.is_superuser or bool(own_review and own_review.is_submitted)


def may_decide(user, own_review):
    return user.is_superuser or bool(own_review and own_review.has_conflict is False)


class ApplicationMixin(PermissionCheckedMixin):
    model = Application
    action = "view"
    any_permission_required = ["view", "change"]

    def get_application(self):
        queryset = visible_applications(self.request.user, self.action).select_related(
            "call", "lab"
        )
        return get_object_or_404(queryset, pk=self.kwargs["pk"])

    def own_review(self, application):
        return Review.objects.filter(application=application, reviewer=self.request.user).first()


class ApplicationDetailView(ApplicationMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "calls/admin/application_detail.html"
    header_icon = "form"

    def get(self, request, *args, **kwargs):
        self.application = self.get_application()
        response = super().get(request, *args, **kwargs)
        patch_cache_control(response, private=True, no_store=True)
        return response

    def get_page_title(self):
        return _("Application")

    def get_page_subtitle(self):
        return self.application.reference

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("applications:index"), "label": _("Applications")},
            {"url": "", "label": self.application.reference},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application = self.application
        user = self.request.user
        own = self.own_review(application)
        can_change = user.has_perm("calls.change_application")
        # Criteria in the reviewer's language where the call is translated (same block ids).
        criteria = list(call_in_language(application.call, get_language()).criteria)
        reviews = []
        if sees_all_scores(user, own):
            reviews = list(
                application.reviews.filter(submitted_at__isnull=False).select_related("reviewer")
            )
        context.update(
            application=application,
            fields=self.core_fields(application),
            themes=localize_themes(application.themes.all()),
            answers=answer_rows(application, application.call.questions),
            files=list(application.files.all()),
            history=list(application.status_changes.select_related("user")),
            own_review=own,
            reviews=reviews,
            criteria=criteria,
            score_rows=score_rows(reviews, criteria),
            scores_hidden=not sees_all_scores(user, own),
            can_change=can_change,
            can_decide=can_change and may_decide(user, own) and not application.is_draft,
            status_form=StatusForm(current=application.status),
            declaration_form=DeclarationForm(),
            score_form=self.score_form(own, criteria),
        )
        return context

    def score_form(self, own, criteria):
        initial = {}
        if own and own.scores:
            initial = {f"c_{key}": value for key, value in own.scores.items()}
            initial["comment"] = own.comment
        return ScoreForm(initial=initial, criteria=criteria)

    def core_fields(self, application):
        rows = []
        for name in DETAIL_FIELDS:
            field = Application._meta.get_field(name)
            value = getattr(application, name)
            if field.choices and value:
                value = getattr(application, f"get_{name}_display")()
            elif name == "budget" and value is not None:
                value = f"€ {intcomma(value)}"
            rows.append((capfirst(field.verbose_name), value))
        return rows


def call_in_language(call, language):
    if call.locale.language_code == language:
        return call
    translation = (
        call.get_translations().live().filter(locale__language_code=language).specific().first()
    )
    return translation or call


def score_rows(reviews, criteria):
    """Per criterion: its label and each reviewer's score, in the order of ``reviews``."""
    return [
        (block.value["label"], [review.scores.get(block.id, "") for review in reviews])
        for block in criteria
    ]


class StatusChangeView(ApplicationMixin, View):
    permission_required = "change"
    action = "change"

    def post(self, request, pk):
        application = self.get_application()
        own = self.own_review(application)
        detail = reverse("applications:detail", args=[application.pk])
        if application.is_draft or not may_decide(request.user, own):
            messages.error(
                request,
                _("Declare that you have no conflict of interest before you decide."),
            )
            return redirect(detail)
        form = StatusForm(request.POST, current=application.status)
        if not form.is_valid():
            messages.error(request, _("Choose a new status and write a note."))
            return redirect(detail)
        new_status = form.cleaned_data["status"]
        with transaction.atomic():
            locked = Application.objects.select_for_update().get(pk=application.pk)
            StatusChange.objects.create(
                application=locked,
                from_status=locked.status,
                to_status=new_status,
                note=form.cleaned_data["note"],
                user=request.user,
                user_name=request.user.get_full_name() or request.user.get_username(),
            )
            locked.status = new_status
            locked.save(update_fields=["status", "updated_at"])
            lab = None
            if new_status == Application.Status.ACCEPTED:
                try:
                    lab = create_lab(locked, request.user)
                except NoLabIndex:
                    messages.warning(
                        request,
                        _("No living lab was made: add a living-labs programme page first."),
                    )
        messages.success(
            request,
            _("The status is now “%(status)s”.") % {"status": locked.get_status_display()},
        )
        if lab:
            messages.success(
                request,
                _("A draft living lab “%(title)s” was made from this application.")
                % {"title": lab.title},
            )
        return redirect(detail)


class ReviewView(ApplicationMixin, View):
    permission_required = "change"
    action = "change"

    def post(self, request, pk):
        application = self.get_application()
        detail = reverse("applications:detail", args=[application.pk]) + "#review"
        own = self.own_review(application)
        if application.is_draft:
            raise Http404
        if own is None or own.has_conflict is None:
            return self.declare(request, application, own, detail)
        if own.has_conflict:
            messages.error(request, _("You declared a conflict of interest: you do not score."))
            return redirect(detail)
        form = ScoreForm(request.POST, criteria=application.call.criteria)
        if not form.is_valid():
            messages.error(request, _("Give a score on every criterion."))
            return redirect(detail)
        own.scores = form.scores()
        own.score = form.percentage()
        own.comment = form.cleaned_data["comment"]
        own.submitted_at = own.submitted_at or timezone.now()
        own.save()
        messages.success(request, _("Your scores are saved."))
        return redirect(detail)

    def declare(self, request, application, own, detail):
        form = DeclarationForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose whether you have a conflict of interest."))
            return redirect(detail)
        review = own or Review(application=application, reviewer=request.user)
        review.reviewer_name = request.user.get_full_name() or request.user.get_username()
        review.has_conflict = form.cleaned_data["has_conflict"]
        review.declared_at = timezone.now()
        review.save()
        return redirect(detail)


class AttachmentView(ApplicationMixin, View):
    """An attachment, to users who may see its application; never cached, never rendered
    in the browser's context (it is a download)."""

    def get(self, request, pk, file_pk):
        application = self.get_application()
        record = get_object_or_404(ApplicationFile, pk=file_pk, application=application)
        signed = None
        if settings.PRIVATE_FILE_DOWNLOAD == "redirect":
            # A bucket signs a link valid for a minute (portal.s3storage); a folder cannot.
            download_url = getattr(record.file.storage, "download_url", None)
            if download_url:
                signed = download_url(record.file.name, record.name, record.content_type)
        if signed:
            response = HttpResponseRedirect(signed)
        else:
            try:
                handle = record.file.open("rb")
            except FileNotFoundError as error:
                raise Http404 from error
            response = FileResponse(
                handle, as_attachment=True, filename=record.name, content_type=record.content_type
            )
        patch_cache_control(response, private=True, no_store=True)
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        response["X-Content-Type-Options"] = "nosniff"
        return response

    def post(self, request, *args, **kwargs):
        return HttpResponseNotAllowed(["GET"])
