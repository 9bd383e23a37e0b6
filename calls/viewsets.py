from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Avg, Exists, OuterRef, Q
from django.urls import path, reverse
from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext_lazy as _
from django_filters import CharFilter, ChoiceFilter, ModelChoiceFilter
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from portal.choices import Province, Role

from . import admin_views
from .export import ExportTable, neutralise_formula
from .models import Application, CallReviewer, Review
from .permissions import REVIEWER_GROUP, visible_applications, visible_calls

# Score filter values and the average score (%) they stand for; never request data in a query.
SCORE_RANGES = {"75": (75, None), "50": (50, 75), "0": (0, 50)}


def calls_for(request):
    from .models import OpenCallPage

    return visible_calls(request.user) if request else OpenCallPage.objects.none()


class ApplicationFilterSet(WagtailFilterSet):
    call = ModelChoiceFilter(label=_("Call"), queryset=calls_for)
    status = ChoiceFilter(label=_("Status"), choices=Application.Status.choices)
    role = ChoiceFilter(label=_("Role"), choices=Role.choices)
    province = ChoiceFilter(label=_("Province"), choices=Province.choices)
    municipality = CharFilter(label=_("Municipality"), lookup_expr="icontains", max_length=100)
    score = ChoiceFilter(
        label=_("Score"),
        method="filter_score",
        choices=[
            ("mine", _("Not yet scored by me")),
            ("75", _("75% or more")),
            ("50", _("50% to 75%")),
            ("0", _("Below 50%")),
        ],
    )

    class Meta:
        model = Application
        fields = ["call", "status", "role", "province", "municipality", "score"]

    def filter_score(self, queryset, name, value):
        if value == "mine":
            return queryset.filter(scored_by_me=False)
        low, high = SCORE_RANGES[value]
        # Others' scores are hidden until one's own is in: filter on those one may see.
        if not self.request.user.is_superuser:
            queryset = queryset.filter(scored_by_me=True)
        queryset = queryset.filter(avg_score__gte=low)
        return queryset.filter(avg_score__lt=high) if high else queryset


class ApplicationIndexView(IndexView):
    any_permission_required = ["view", "change"]
    default_ordering = "-submitted_at"
    page_title = _("Applications")
    # Export columns depend on the calls' questions; ExportTable builds them per export.
    list_export = ["reference"]
    export_filename = "aanvragen"

    def get_base_queryset(self):
        user = self.request.user
        queryset = (
            visible_applications(user)
            .select_related("call")
            .annotate(
                avg_score=Avg("reviews__score", filter=Q(reviews__submitted_at__isnull=False)),
                scored_by_me=Exists(
                    Review.objects.filter(
                        application=OuterRef("pk"), reviewer=user, submitted_at__isnull=False
                    )
                ),
            )
        )
        if self.request.GET.get("status") != Application.Status.DRAFT:
            queryset = queryset.exclude(status=Application.Status.DRAFT)
        return queryset

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "reference",
                label=_("Reference"),
                get_url=lambda application: reverse("applications:detail", args=[application.pk]),
                sort_key="reference",
            ),
            Column("title", label=_("Title of the plan"), sort_key="title"),
            Column("call", label=_("Call"), accessor=lambda application: application.call.title),
            Column(
                "role", label=_("Role"), accessor=lambda application: application.get_role_display()
            ),
            Column("municipality", label=_("Municipality"), sort_key="municipality"),
            Column(
                "status",
                label=_("Status"),
                accessor=lambda application: application.get_status_display(),
                sort_key="status",
            ),
            Column("score", label=_("Score (%)"), accessor=self.score_text),
            DateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
        ]

    def score_text(self, application):
        if application.avg_score is None:
            return "—"
        if self.request.user.is_superuser or application.scored_by_me:
            return f"{application.avg_score:.0f}"
        return _("hidden until you score")

    def as_spreadsheet(self, queryset, spreadsheet_format):
        items = list(queryset.prefetch_related("themes"))
        self.table = ExportTable(items, self.request)
        self.list_export = self.table.keys
        self.export_format = spreadsheet_format
        return super().as_spreadsheet(items, spreadsheet_format)

    def get_heading(self, queryset, field):
        return str(self.table.heading(field))

    def to_row_dict(self, item):
        row = self.table.row(item)
        for key, value in row.items():
            if isinstance(value, str):
                value = neutralise_formula(value)
                if self.export_format == self.FORMAT_XLSX:
                    value = ILLEGAL_CHARACTERS_RE.sub("", value)
            row[key] = value
        return row


class ApplicationViewSet(ModelViewSet):
    model = Application
    name = "applications"
    icon = "form"
    menu_label = _("Applications")
    menu_order = 100
    index_view_class = ApplicationIndexView
    filterset_class = ApplicationFilterSet
    search_fields = ["reference", "title", "name", "email", "organisation", "municipality"]
    search_backend_name = None
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = False
    # The reference index would list applications in the call page's "usage" for editors.
    add_to_reference_index = False

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("<int:pk>/", admin_views.ApplicationDetailView.as_view(), name="detail"),
            path("<int:pk>/status/", admin_views.StatusChangeView.as_view(), name="status"),
            path("<int:pk>/review/", admin_views.ReviewView.as_view(), name="review"),
            path(
                "<int:pk>/files/<int:file_pk>/",
                admin_views.AttachmentView.as_view(),
                name="attachment",
            ),
        ]

    def get_permissions_to_register(self):
        content_type = ContentType.objects.get_for_model(Application)
        return Permission.objects.filter(
            content_type=content_type, codename__in=["view_application", "change_application"]
        )

    def register_admin_url_finder(self):
        from wagtail.admin.admin_url_finder import register_admin_url_finder

        register_admin_url_finder(Application, ApplicationURLFinder)


class ApplicationURLFinder:
    def __init__(self, user=None):
        self.user = user

    def get_edit_url(self, instance):
        if self.user and visible_applications(self.user).filter(pk=instance.pk).exists():
            return reverse("applications:detail", args=[instance.pk])
        return None


def members_of_group():
    return _("Members of the group “%(group)s”.") % {"group": REVIEWER_GROUP}


def reviewers():
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name=REVIEWER_GROUP) | Q(is_superuser=True))
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class CallReviewerViewSet(ModelViewSet):
    """Which reviewer reviews which call; by default only superusers manage this."""

    model = CallReviewer
    name = "call-reviewers"
    icon = "group"
    menu_label = _("Reviewers per call")
    menu_order = 200
    form_fields = ["call", "user"]
    list_display = ["user", "call"]
    list_filter = ["call"]
    copy_view_enabled = False
    add_to_reference_index = False

    def formfield_for_dbfield(self, db_field, **kwargs):
        field = super().formfield_for_dbfield(db_field, **kwargs)
        if db_field.name == "user":
            field.queryset = reviewers()
            # Lazy: the form class is built once, for editors of either language.
            field.help_text = lazy(members_of_group, str)()
        return field


class OpenCallViewSetGroup(ModelViewSetGroup):
    items = (ApplicationViewSet, CallReviewerViewSet)
    menu_icon = "form"
    menu_label = _("Open call")
    menu_name = "open-call"
    menu_order = 250
