"""Questions in the admin: a list with filters and search, and one screen to answer,
move along the path and publish. Questions come only from the public form."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_filters import ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from portal.i18n import themes_of_locale

from ..models import Question
from . import steps

STATE_ORDER = list(Question.State)


def theme_choices():
    themes = sorted(themes_of_locale().values(), key=lambda theme: (theme.sort_order, theme.name))
    return [(theme.slug, theme.name) for theme in themes]


class QuestionPermissionPolicy(ModelPermissionPolicy):
    """Questions come only from the public form: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "add"]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)


class QuestionFilterSet(WagtailFilterSet):
    state = ChoiceFilter(label=_("State"), choices=Question.State.choices)
    status = ChoiceFilter(label=_("Status on the site"), choices=Question.Status.choices)
    publish_as = ChoiceFilter(label=_("May be published"), choices=Question.PublishAs.choices)
    # Each question's theme is a row of its asker's language; the slug is shared.
    theme = ChoiceFilter(label=_("Theme"), choices=theme_choices, field_name="theme__slug")

    class Meta:
        model = Question
        fields = ["state", "status", "publish_as", "theme"]


class QuestionForm(WagtailAdminModelForm):
    def clean(self):
        data = super().clean()
        state = data.get("state")
        if state is not None:
            reached = STATE_ORDER.index(state)
            if (
                reached >= STATE_ORDER.index(Question.State.ANSWERED)
                and not data.get("answer", "").strip()
            ):
                self.add_error("answer", _("Write the answer before the question moves on."))
            if reached >= STATE_ORDER.index(Question.State.IN_CALL) and not data.get("call"):
                self.add_error("call", _("Choose the open call the question was taken into."))
            if reached >= STATE_ORDER.index(Question.State.LAB) and not data.get("lab"):
                self.add_error("lab", _("Choose the living lab the question became."))
        if (
            data.get("status") == Question.Status.PUBLISHED
            and self.instance.publish_as == Question.PublishAs.NO
        ):
            self.add_error(
                "status", _("The asker did not allow publication: this question stays private.")
            )
        return data


class HistoryPanel(Panel):
    """Who changed the state and the status on the site, and when."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "calls/admin/question_history.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["changes"] = list(self.instance.changes.all()) if self.instance.pk else []
            return context


class LedToPanel(Panel):
    """The open call and the living lab the question led to, as links to their editors."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "calls/admin/question_led_to.html"

        def is_shown(self):
            return bool(self.instance.call_id or self.instance.lab_id)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["pages"] = [
                (label, page)
                for label, page in (
                    (_("Open call"), self.instance.call),
                    (_("Living lab"), self.instance.lab),
                )
                if page is not None
            ]
            return context


class QuestionEditView(EditView):
    def post(self, request, *args, **kwargs):
        # The form writes its values onto the object: keep what they were before.
        self.object = self.get_object()
        self.before = {"state": self.object.state, "status": self.object.status}
        return super().post(request, *args, **kwargs)

    def save_instance(self):
        with transaction.atomic():
            instance = super().save_instance()
            steps.after_edit(instance, self.before, self.request.user)
        return instance


class QuestionViewSet(ModelViewSet):
    model = Question
    name = "questions"
    icon = "help"
    menu_label = _("Questions")
    menu_order = 260
    add_to_admin_menu = True
    edit_view_class = QuestionEditView
    filterset_class = QuestionFilterSet
    search_fields = ["reference", "name", "email", "municipality", "text", "answer"]
    search_backend_name = None
    list_per_page = 50
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    ordering = ["-created_at"]
    list_display = [
        "reference",
        "excerpt",
        Column("theme", label=_("Theme"), accessor="theme.name"),
        Column("state", label=_("State"), accessor="get_state_display"),
        StatusTagColumn(
            "status",
            label=_("Status on the site"),
            accessor="get_status_display",
            primary=lambda question: question.status == Question.Status.PENDING,
        ),
        Column("publish_as", label=_("May be published"), accessor="get_publish_as_display"),
        DateColumn("created_at", label=_("Received"), sort_key="created_at"),
    ]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("text", read_only=True),
                    FieldPanel("name", read_only=True),
                    FieldPanel("email", read_only=True),
                    FieldPanel("role", read_only=True),
                    FieldPanel("municipality", read_only=True),
                    FieldPanel("theme", read_only=True),
                    FieldPanel("language", read_only=True),
                    FieldPanel("publish_as", read_only=True),
                    FieldPanel("public_name", read_only=True),
                    FieldPanel("created_at", read_only=True),
                ],
                heading=_("The question"),
            ),
            MultiFieldPanel(
                [FieldPanel("answer"), FieldPanel("state"), FieldPanel("call"), FieldPanel("lab")],
                heading=_("Answer and path"),
                help_text=_(
                    "Moving the question on sends the asker an e-mail: the answer, the call or "
                    "the lab it led to."
                ),
            ),
            LedToPanel(heading=_("Led to")),
            FieldPanel("status"),
            HistoryPanel(heading=_("History")),
        ],
        base_form_class=QuestionForm,
    )

    def get_queryset(self, request):
        return Question.objects.select_related("theme", "call", "lab")

    def get_permissions_to_register(self):
        from django.contrib.auth.models import Permission
        from django.contrib.contenttypes.models import ContentType

        content_type = ContentType.objects.get_for_model(Question)
        return Permission.objects.filter(
            content_type=content_type,
            codename__in=["view_question", "change_question", "delete_question"],
        )
